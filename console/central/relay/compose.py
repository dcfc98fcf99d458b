"""The server's own relay text for a report: title, place, result; masked (phones, e-mails,
plates, the reporter's name) and cut to each channel's length."""

from __future__ import annotations

from typing import Any

from console.domain.hue_time import to_local
from console.domain.privacy import hide_personal
from console.domain.reference import Reference

ELLIPSIS = "…"


def mask(text: str, reporter_name: str | None) -> str:
    return hide_personal(text, [reporter_name])


def compose(row: Any, reference: Reference) -> str:
    """What a rule sends and the preview starts from: nothing personal in it."""
    place = ", ".join(p for p in (row.address, reference.ward_name(row.ward)) if p)
    lines = [
        f"Phản ánh {row.code}: {row.title}",
        f"Lĩnh vực: {reference.category_name(row.category)}",
        f"Địa điểm: {place}" if place else "",
        f"Kết quả xử lý: {row.result_text}" if row.result_text else "",
        f"Hoàn thành lúc {to_local(row.resolved_at).strftime('%H:%M %d/%m/%Y')}"
        if row.resolved_at
        else "",
    ]
    return mask("\n".join(line for line in lines if line), row.reporter_name)


def cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - len(ELLIPSIS)].rstrip() + ELLIPSIS
