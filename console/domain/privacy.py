"""Masking personal data in free text before it leaves the Center (press packs, exports).

Law 91/2025/QH15 treats phone numbers, e-mail addresses and licence plates as personal data.
Citizens write them into descriptions ("gọi 0905 123 467", "xe 75A-123.45 đỗ trên vỉa hè").

The choice: mask, but keep a short hint, so a reader still sees what kind of thing was there
and two mentions can be told apart, without being able to identify anyone:
- phone: first two digits (or "+84") and last two, the rest as "*": "09******67", "+84*******67";
- e-mail: first character of the name and the whole domain: "n***@gmail.com";
- plate: province code and series kept, every digit of the serial number masked, separators
  kept: "75A-***.**", "75B1 *****" (the serial is what identifies a vehicle).
Ordinary numbers (dates, house numbers, prices, coordinates, distances) are left alone: a phone
needs 10-11 digits starting with 0 (or +84 and 9-10 digits), a plate needs the series letter.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

#: What a person's name is replaced with.
HIDDEN_NAME = "[đã ẩn]"
_SEP = r"[ .\-]"
_PHONE = re.compile(
    r"(?<![\w+])(?<!\d[.\-])"
    r"(?:"
    r"(?P<intl>(?:\+|00)84|\(\+84\))" + _SEP + r"?\(?\d\)?(?:" + _SEP + r"?\d){8,9}"
    r"|\(0\d{2,3}\)" + _SEP + r"?\d(?:" + _SEP + r"?\d){6,7}"
    r"|0\d(?:" + _SEP + r"?\d){8,9}"
    r")"
    r"(?!\d)(?![.\-]\d)"
)
#: Not allowed in XML 1.0 (DOCX, XLSX, PPTX): C0 controls but tab/newline/CR, U+FFFE/U+FFFF,
#: lone surrogates.
_NOT_IN_DOCUMENTS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_EMAIL = re.compile(r"(?<![\w.+-])([\w.+-])[\w.+-]*@([\w-]+(?:\.[\w-]+)+)")
_PLATE = re.compile(
    r"(?<![\w.\-])"
    r"(?P<head>(?:1[1-9]|[2-9]\d)[ \-]?(?:[A-Z]{1,2}\d?|[a-z]\d?(?=-))[ \-.]?)"
    r"(?P<serial>\d{3}\.\d{2}|\d{4,5})"
    r"(?![\w.\-]*\d)"
)


def _mask_phone(match: re.Match[str]) -> str:
    digits = re.sub(r"\D", "", match.group(0))
    if match.group("intl"):
        national = digits[2:] if digits.startswith("84") else digits[4:]
        return "+84" + "*" * (len(national) - 2) + national[-2:]
    return digits[:2] + "*" * (len(digits) - 4) + digits[-2:]


def _mask_email(match: re.Match[str]) -> str:
    return f"{match.group(1)}***@{match.group(2)}"


def _mask_plate(match: re.Match[str]) -> str:
    return match.group("head") + re.sub(r"\d", "*", match.group("serial"))


def mask_personal(text: str) -> str:
    """`text` with phone numbers, e-mail addresses and licence plates masked (see module doc),
    and without the characters no document can hold (a citizen's NUL or U+FFFF made the
    DOCX/XLSX writers fail on the whole export)."""
    masked = _EMAIL.sub(_mask_email, _NOT_IN_DOCUMENTS.sub("", text))
    masked = _PHONE.sub(_mask_phone, masked)
    return _PLATE.sub(_mask_plate, masked)


def hide_personal(text: str, names: Iterable[str | None] = ()) -> str:
    """`text` in NFC with phones, e-mails and plates masked and each of `names` (the
    reporter's, whom the caller knows) hidden wherever written as words, in any letter case
    (a reporter named "An" leaves "Quang Trung" alone), the longest name first."""
    masked = mask_personal(unicodedata.normalize("NFC", text))
    for name in sorted((n for n in names if n and n.strip()), key=len, reverse=True):
        words = unicodedata.normalize("NFC", name).split()
        pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)"
        masked = re.sub(pattern, HIDDEN_NAME, masked, flags=re.IGNORECASE)
    return masked
