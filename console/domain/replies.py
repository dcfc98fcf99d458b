"""Replies to the citizen built around text someone else wrote.

Units post their result already in the courtesy form ("Kính gửi: Quý Ông/Bà. ... như sau:
<result> Trân trọng."), some only with the greeting, some bare. The IOC's reply wraps the
result in that same form, so the form is taken off first: whatever the unit wrote, the
citizen never reads the greeting or the closing twice.

Matching runs on a letter-for-letter folded copy (no diacritics, lower case) so "Kinh gui"
typed without accents is recognised too, and the cut is made at the same place in the
original text.
"""

from __future__ import annotations

import re
import unicodedata

from console.domain.reference import Reference

#: The greeting of the form, up to and including "như sau:" (the result follows it).
_GREETING_INTRO = re.compile(
    r"^\s*(?:kinh gui\b|van de quy ong).{0,300}?\bnhu sau\s*:\s*", re.DOTALL
)
#: A greeting line on its own: "Kính gửi: Quý Ông/Bà." / "Kính gửi Trung tâm ..., "
_GREETING_LINE = re.compile(r"^\s*kinh gui\b\s*:?[^.!\n]{0,100}[.!\n]\s*")
_CLOSING = re.compile(r"\s*\btran trong\s*[.!]*\s*$")


def _fold_letters(text: str) -> str:
    """Same length as `text`: each character lower-cased without its marks (đ -> d)."""
    out = []
    for char in text:
        base = unicodedata.normalize("NFD", char.lower())[:1] or char
        out.append("d" if base == "đ" else base)
    return "".join(out)


def result_body(text: str) -> str:
    """The unit's result without the courtesy form's greeting and closing, trimmed.

    Repeated forms (a result pasted into the form twice) come off layer by layer.
    """
    body = unicodedata.normalize("NFC", text or "").strip()
    while True:
        folded = _fold_letters(body)
        match = (
            _GREETING_INTRO.match(folded) or _GREETING_LINE.match(folded) or _CLOSING.search(folded)
        )
        if match is None:
            return body
        body = (body[: match.start()] + body[match.end() :]).strip()


def publication_reply(reference: Reference, unit: str, result: str) -> str:
    """The reply published to the citizen: the 'publication' form around the result's body;
    empty when the unit posted nothing but the form (nothing to publish yet)."""
    body = result_body(result)
    return reference.render("publication", unit=unit, result=body) if body else ""
