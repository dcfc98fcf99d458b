"""A message per channel for one published result, masked, cut and with reviewed photos only.

Text: the server's own wording for a result (its preview, console.domain.relay_text), masked
there like the briefing packs (phones, e-mails, plates and the reporter's name, which a media
officer's console never holds) and cut to each channel's limit: what the dialog shows is what
the server queues. Photos: a photo goes only once a person reviewed its blur boxes
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

from console.domain.model import Report
from console.exports.briefing.redaction import Box, redact_photo, redact_text

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
class Wording:
    """The server's text for a result: whole, and as each channel will receive it (masked
    with what only the server may know, such as the reporter's name, and cut)."""

    text: str
    per_channel: dict[str, str]


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


def _reporter_name(report: Report) -> str | None:
    return report.reporter.name if report.reporter is not None else None


def clean_photo(raw: bytes, boxes: Sequence[Box], caption: str, report: Report) -> RelayPhoto:
    """The photo blurred with the reviewed `boxes` (maybe none), re-encoded without EXIF."""
    jpeg, chosen, _ = redact_photo(raw, list(boxes))
    return RelayPhoto(jpeg, redact_text(caption, [_reporter_name(report)]), tuple(chosen))


def draft_for(
    report_id: int,
    wording: Wording,
    channels: Iterable[Channel],
    photos: Sequence[RelayPhoto] = (),
) -> Draft:
    """A draft in the server's own words (its preview), under a new idempotency key."""
    chosen = tuple(channels)
    return Draft(
        report_id=report_id,
        text=wording.text,
        texts={c.id: wording.per_channel[c.id] for c in chosen},
        photos=tuple(photos),
        channels=chosen,
    )
