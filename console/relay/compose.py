"""A message per channel for one published result, masked, cut and with reviewed photos only.

Text: title, category, ward, what was done, the unit and the dates (Huế time), each free text
masked like the briefing packs (phones, e-mails, plates and the reporter's own name), then cut
to the channel's limit. Photos: a photo goes only once a person reviewed its blur boxes
(`RelayPhoto` cannot be made otherwise); it is blurred with exactly those boxes and
re-encoded, so no EXIF survives. The idempotency key is made once per compose: sending the
same draft again (a double click, a retry after a network error) queues nothing twice.
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from console.domain.hue_time import time_text
from console.domain.model import Report
from console.domain.reference import Reference
from console.exports.briefing.redaction import Box, redact_photo, redact_text

ELLIPSIS = "…"
CHANNEL_KINDS = frozenset({"zalo", "telegram", "email", "webhook"})


@dataclass(frozen=True, slots=True)
class Channel:
    id: str
    kind: str
    name: str
    enabled: bool = True
    photos: bool = True
    max_text: int = 2000


@dataclass(frozen=True, slots=True)
class RelayPhoto:
    """A cleaned, blurred JPEG with its masked caption; only ever made from a review."""

    jpeg: bytes
    caption: str
    boxes: tuple[Box, ...]

    def wire(self) -> dict[str, Any]:
        return {
            "jpeg_b64": base64.b64encode(self.jpeg).decode("ascii"),
            "reviewed": True,
            "caption": self.caption,
        }


@dataclass(frozen=True, slots=True)
class Draft:
    """What will be sent for one report, per channel, under one idempotency key."""

    report_id: int
    text: str
    texts: dict[str, str]
    photos: tuple[RelayPhoto, ...]
    channels: tuple[Channel, ...]
    key: str = field(default_factory=lambda: uuid.uuid4().hex)

    def photos_for(self, channel: Channel) -> tuple[RelayPhoto, ...]:
        return self.photos if channel.photos else ()

    def requests(self) -> list[dict[str, Any]]:
        """One POST body per channel (each has its own cut text and photo rule); each key is
        derived from the draft's, so every retry of this draft repeats the same keys."""
        return [
            {
                "report_id": self.report_id,
                "channels": [channel.id],
                "text": self.texts[channel.id],
                "photos": [p.wire() for p in self.photos_for(channel)],
                "idempotency_key": f"{self.key}.{channel.id}",
            }
            for channel in self.channels
        ]


def reporter_names(report: Report) -> list[str | None]:
    return [report.reporter.name] if report.reporter is not None else []


def compose_text(report: Report, reference: Reference) -> str:
    """The whole message, masked; channels cut it to their own limit."""
    names = reporter_names(report)
    lines = [
        redact_text(report.title, names),
        f"Lĩnh vực: {reference.category_name(report.category)}",
        f"Địa bàn: {reference.ward_name(report.ward)}",
    ]
    if report.unit:
        lines.append(f"Đơn vị xử lý: {reference.unit_name(report.unit)}")
    lines.append(f"Tiếp nhận: {time_text(report.created_at)}")
    if report.resolved_at is not None:
        lines.append(f"Hoàn thành: {time_text(report.resolved_at)}")
    result = redact_text(report.result_text or "", names).strip()
    if result:
        lines.append(f"Kết quả xử lý: {result}")
    lines.append(f"Mã phản ánh: {report.code}")
    return "\n".join(lines)


def cut_text(text: str, max_text: int) -> str:
    """`text` within `max_text` characters, ending in "…" when it was longer."""
    if len(text) <= max_text:
        return text
    if max_text <= 0:
        return ""
    return text[: max_text - 1].rstrip() + ELLIPSIS


def clean_photo(raw: bytes, boxes: Sequence[Box], caption: str, report: Report) -> RelayPhoto:
    """The photo blurred with the reviewed `boxes` (maybe none), re-encoded without EXIF."""
    jpeg, chosen, _ = redact_photo(raw, list(boxes))
    return RelayPhoto(jpeg, redact_text(caption, reporter_names(report)), tuple(chosen))


def compose_draft(
    report: Report,
    reference: Reference,
    channels: Iterable[Channel],
    photos: Sequence[RelayPhoto] = (),
) -> Draft:
    chosen = tuple(channels)
    text = compose_text(report, reference)
    return Draft(
        report_id=report.id,
        text=text,
        texts={c.id: cut_text(text, c.max_text) for c in chosen},
        photos=tuple(photos),
        channels=chosen,
    )
