"""Hostile content: what a citizen (or a compromised upstream) may put in a report.

Script payloads try to set `window.__paht_pwned` (the sentinel a test reads back from the
page); media URLs point anywhere but the API's own origin. Everything here must come out of
the console as inert text, fetched from nowhere but the API, and intact in exports.
"""

from __future__ import annotations

from dataclasses import dataclass

SENTINEL = "__paht_pwned"
_SET = f"window.{SENTINEL}=1"

#: Markup and script that would run if a view evaluated citizen text as HTML or JS.
SCRIPT_PAYLOADS: tuple[str, ...] = (
    f"<script>{_SET}</script>",
    f'<img src=x onerror="{_SET}">',
    f"<svg/onload={_SET}>",
    f'<iframe src="javascript:{_SET}"></iframe>',
    f'<a href="javascript:{_SET}">bấm vào đây</a>',
    f'"><script>{_SET}</script>',
    f"'); {_SET}; ('",
    f"</div><body onload={_SET}>",
    f'<details open ontoggle="{_SET}">',
    f"{{{{constructor.constructor('{_SET}')()}}}}",
    f"<style>@import 'javascript:{_SET}';</style>",
    f'<math><mtext><table><mglyph><style><img src=x onerror="{_SET}">',
    "<b>đậm</b> &amp; &lt;không phải thẻ&gt; &#x3C;script&#x3E;",
    f"\u2028{_SET}\u2029",
)

#: Unicode that tricks people or breaks layouts: bidi overrides, zero-width, combining marks.
UNICODE_PAYLOADS: tuple[str, ...] = (
    "Rác thải \u202egnờưđ nòl\u202c tại Lê Lợi",
    "\u200f\u0645\u0631\u062d\u0628\u0627 Phường Vỹ Dạ \u200e",
    "Đèn\u200b đường\u200c hỏng\u200d\ufeff ở Kim\u2060 Long",
    "Z\u0351\u0352\u0353\u0354a\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308lgo" * 8,
    "Cây đổ\u0000 giữa đường",
    "PA-2026-\u2066000123\u2069 \u2067trùng\u2069",
    "👨‍👩‍👧‍👦🌊🚧 ngập sâu 🇻🇳",
    "\ud7ff\ue000\uffff ký tự riêng",
)

HUGE_DESCRIPTION = ("Nước ngập sâu, rác trôi khắp nơi. " * 3100)[:100_000]


@dataclass(frozen=True, slots=True)
class MediaCase:
    url: str
    #: Only a relative URL of the API's own media route may be fetched (from the API).
    fetchable: bool


def media_cases(trap_url: str) -> tuple[MediaCase, ...]:
    """Media URLs a report may carry; `trap_url` is a loopback listener that must stay
    untouched (any request it receives is a leak)."""
    return (
        MediaCase("file:///etc/passwd", False),
        MediaCase(f"javascript:{_SET}", False),
        MediaCase(
            "data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wYWh0X3B3bmVkPTE8L3NjcmlwdD4=", False
        ),
        MediaCase(f"{trap_url}/api/v1/reports/1/media/1", False),
        MediaCase("http://127.0.0.1:22/", False),
        MediaCase("http://169.254.169.254/latest/meta-data/", False),
        MediaCase("https://evil.example/steal.jpg", False),
        MediaCase("//evil.example/api/v1/reports/1/media/1", False),
        MediaCase("/api/v1/reports/1/media/1", True),
    )


def text_payloads() -> tuple[str, ...]:
    return SCRIPT_PAYLOADS + UNICODE_PAYLOADS
