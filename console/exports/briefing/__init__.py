"""`export_briefing`: a press-tour briefing pack (PDF for print, DOCX for editing, PPTX for
the big screen, and a manifest) from the local cache, with personal data protected, without Qt.

The steps are public for the wizard: `prepare_briefing` (figures and ranked cases of a
period), `build_pack` (the chosen cases with cleaned photos: what the preview shows), then
`write_pack` (the files, the manifest and the audit line). Figures are defined in
console.exports.briefing.figures, the rankings in console.exports.briefing.ranking.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from console.domain.model import utcnow
from console.domain.reference import Reference
from console.exports.briefing.cases import FetchMedia, PhotoKey
from console.exports.briefing.figures import BriefingFigures
from console.exports.briefing.fonts import FontNotFound
from console.exports.briefing.loader import reference_of
from console.exports.briefing.manifest import write_manifest
from console.exports.briefing.pack import (
    DEFAULT_AUDIENCE,
    BriefingData,
    BriefingPack,
    TooManyCases,
    UnknownCases,
    build_pack,
    prepare_briefing,
)
from console.exports.briefing.period import InvalidPeriod, Period
from console.exports.briefing.redaction import Box
from console.store import Cache

__all__ = [
    "DEFAULT_AUDIENCE",
    "Box",
    "BriefingData",
    "BriefingExport",
    "BriefingPack",
    "FontNotFound",
    "InvalidPeriod",
    "Period",
    "TooManyCases",
    "UnknownCases",
    "build_pack",
    "default_stem",
    "export_briefing",
    "prepare_briefing",
    "reference_of",
    "write_pack",
]


@dataclass(frozen=True, slots=True)
class BriefingExport:
    pdf: Path
    docx: Path
    pptx: Path
    manifest: Path
    figures: BriefingFigures


def default_stem(pack: BriefingPack) -> str:
    return f"thong-tin-bao-chi-{pack.period.slug}"


def write_pack(
    cache: Cache, pack: BriefingPack, out_dir: Path, *, actor: str, stem: str | None = None
) -> BriefingExport:
    """Write the three files and the manifest into `out_dir` (named `stem`, by default
    thong-tin-bao-chi-<period>), and log the export.

    reportlab, python-docx and python-pptx load here, on the first export."""
    from console.exports.briefing.pack_docx import write_docx
    from console.exports.briefing.pack_pdf import write_pdf
    from console.exports.briefing.pack_pptx import write_pptx

    stem = stem or default_stem(pack)
    out_dir.mkdir(parents=True, exist_ok=True)
    pdf = write_pdf(pack, out_dir / f"{stem}.pdf")
    docx = write_docx(pack, out_dir / f"{stem}.docx")
    pptx = write_pptx(pack, out_dir / f"{stem}.pptx")
    manifest = write_manifest(pack, (pdf, docx, pptx), actor, out_dir / f"{stem}.manifest.json")
    cache.audit(
        actor,
        "export_briefing",
        {
            "period": [pack.period.first.isoformat(), pack.period.last.isoformat()],
            "audience": pack.audience,
            "cases": [case.report_id for case in pack.cases],
            "case_codes": [case.code for case in pack.cases],
            "files": [str(p) for p in (pdf, docx, pptx, manifest)],
        },
    )
    return BriefingExport(pdf=pdf, docx=docx, pptx=pptx, manifest=manifest, figures=pack.figures)


def export_briefing(
    cache: Cache,
    *,
    date_from: date,
    date_to: date,
    case_ids: Sequence[int] | None = None,
    out_dir: Path,
    actor: str,
    fetch_media: FetchMedia | None,
    map_png: bytes | None,
    blur_overrides: Mapping[PhotoKey, Sequence[Box]] | None = None,
    audience: str = DEFAULT_AUDIENCE,
    now: datetime | None = None,
    reference: Reference | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> BriefingExport:
    """The whole export in one call (the command line's path).

    `fetch_media(report_id, n)` returns photo n (1-based, as in the media URL) of a report;
    None exports without photos. `map_png` None draws the ward points with Pillow (the
    manifest says so). `blur_overrides[(report_id, n)]` is the reviewed list of boxes to blur
    in that photo, replacing the automatic detection. Raises InvalidPeriod, UnknownCases,
    TooManyCases or FontNotFound, each with a Vietnamese message."""
    moment = now or utcnow()
    period = Period.checked(date_from, date_to)
    ref = reference or reference_of(cache)
    data = prepare_briefing(cache, period, ref, now=moment)
    pack = build_pack(
        cache,
        data,
        ref,
        case_ids=case_ids,
        audience=audience,
        fetch_media=fetch_media,
        map_png=map_png,
        blur_overrides=blur_overrides,
        now=moment,
        progress=progress,
    )
    return write_pack(cache, pack, out_dir, actor=actor)
