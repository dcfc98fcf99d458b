"""The relay's words for a published result: one wording whoever sends it, a rule on the
server or a person in the console's relay dialog, so a Zalo group reads the same message
either way and the dialog's preview is what arrives. Nothing personal in it (phones, e-mails,
plates, the reporter's name as written); each channel cuts it to its own length."""

from __future__ import annotations

import unicodedata
from datetime import datetime
from typing import Protocol

from console.domain.hue_time import time_text
from console.domain.privacy import hide_personal
from console.domain.reference import Reference

ELLIPSIS = "…"


class PublishedResult(Protocol):
    """What the message tells: the console's Report and the server's row both answer."""

    @property
    def code(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def ward(self) -> str: ...
    @property
    def address(self) -> str: ...
    @property
    def unit(self) -> str | None: ...
    @property
    def created_at(self) -> datetime: ...
    @property
    def resolved_at(self) -> datetime | None: ...
    @property
    def result_text(self) -> str | None: ...


def relay_text(result: PublishedResult, reference: Reference, reporter_name: str | None) -> str:
    place = _place(result.address, reference.ward_name(result.ward))
    done = (result.result_text or "").strip()
    lines = [
        f"Phản ánh {result.code}: {result.title}",
        f"Lĩnh vực: {reference.category_name(result.category)}",
        f"Địa điểm: {place}",
        f"Đơn vị xử lý: {reference.unit_name(result.unit)}" if result.unit else "",
        f"Tiếp nhận: {time_text(result.created_at)}",
        f"Hoàn thành: {time_text(result.resolved_at)}" if result.resolved_at else "",
        f"Kết quả xử lý: {done}" if done else "",
    ]
    return hide_personal("\n".join(line for line in lines if line), [reporter_name])


def _place(address: str, ward: str) -> str:
    """The address, with the ward after it unless the citizen already wrote it there."""
    address = address.strip()
    if ward and _folded(ward) in _folded(address):
        return address
    return ", ".join(p for p in (address, ward) if p)


def _folded(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def cut_text(text: str, limit: int) -> str:
    """`text` within `limit` characters, ending in "…" when it was longer."""
    if len(text) <= limit:
        return text
    if limit <= 0:
        return ""
    return text[: limit - len(ELLIPSIS)].rstrip() + ELLIPSIS
