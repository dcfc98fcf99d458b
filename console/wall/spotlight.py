"""The press tour's spotlight: one case as a briefing pack shows it (masked texts, photos
cleaned of EXIF with faces and plates blurred)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from console.domain.hue_time import time_text
from console.domain.reference import Reference
from console.exports.briefing.cases import FetchMedia, PhotoKey, case_sheet
from console.exports.briefing.redaction import Box, redact_text
from console.store import Cache
from console.wall.scene import Spotlight

#: Blur boxes a person drew or kept, per (report id, photo number), as the pack takes them.
Reviewed = Mapping[PhotoKey, Sequence[Box]]


def spotlight(
    cache: Cache,
    report_id: int,
    reference: Reference,
    fetch_media: FetchMedia | None,
    reviewed: Reviewed | None = None,
) -> Spotlight | None:
    """None when the cache does not hold the report. Without `fetch_media` (the server's
    media, as the briefing pack takes it) the spotlight has no photos."""
    report = cache.get_report(report_id)
    if report is None:
        return None
    sheet = case_sheet(
        report,
        cache.get_history(report_id),
        reference,
        reasons=(),
        fetch_media=fetch_media,
        overrides=reviewed or {},
    )
    names = [report.reporter.name] if report.reporter is not None else []
    lines = [f"{time_text(step.at)} — {step.text}" for step in sheet.timeline]
    if sheet.result:
        lines.append(f"Kết quả: {sheet.result}")
    return Spotlight(
        report_id=report.id,
        code=sheet.code,
        title=sheet.title,
        lines=tuple(lines),
        photos=tuple(p.jpeg for p in sheet.photos),
        # The pack masks captions without the reporter's name: masked again with it.
        captions=tuple(redact_text(p.caption, names) for p in sheet.photos),
    )
