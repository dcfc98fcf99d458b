"""A briefing pack's content, assembled once and already cleaned of personal data.

The PDF, DOCX and PPTX writers and the wizard's preview read only a BriefingPack: none of them
ever sees a Report, so none can leak what the pack does not hold.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from console.domain.calendar import to_local
from console.domain.model import utcnow
from console.domain.reference import Reference
from console.exports.briefing.cases import CaseSheet, FetchMedia, PhotoKey, case_sheet
from console.exports.briefing.figures import BriefingFigures, compute_figures
from console.exports.briefing.loader import duplicate_spread_m, load_reports, reopened_ids
from console.exports.briefing.period import Period
from console.exports.briefing.pictures import (
    WardPoint,
    bar_chart,
    trend_chart,
    ward_map,
    ward_points,
)
from console.exports.briefing.ranking import Rankings, rank_cases
from console.exports.briefing.redaction import Box
from console.store import Cache

DEFAULT_AUDIENCE = "Các cơ quan báo chí, truyền hình trên địa bàn thành phố"
ISSUER = "Trung tâm Giám sát, điều hành đô thị thông minh thành phố Huế"
#: How the map picture was made, as the manifest says it.
MAP_FROM_CONSOLE = "Trang bản đồ của PAHT Console (vị trí quy về trung tâm phường, xã)"
MAP_DRAWN = (
    "Hình vẽ đơn giản: trung tâm phường, xã, sông Hương (vẽ gần đúng) và lưới kinh, vĩ độ"
    " (không có nền bản đồ)"
)
MAX_CASES = 30
TOP_WARDS = 8


class TooManyCases(ValueError):
    """More cases than a pack can present; the message (Vietnamese) says how many."""


class UnknownCases(ValueError):
    """Case ids not in the local cache."""


@dataclass(frozen=True, slots=True)
class Charts:
    by_category: bytes
    by_unit: bytes
    weekly: bytes


@dataclass(frozen=True)
class BriefingPack:
    period: Period
    audience: str
    issued: date
    generated_at: datetime
    figures: BriefingFigures
    charts: Charts
    map_png: bytes
    map_source: str
    cases: tuple[CaseSheet, ...]
    #: The wards with most reports received in the period (their names and counts only).
    wards: tuple[WardPoint, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class BriefingData:
    """What the wizard shows before a pack exists: the period's figures, its ranked cases
    and its reports per ward (for the map picture)."""

    period: Period
    figures: BriefingFigures
    rankings: Rankings
    points: tuple[WardPoint, ...]


def prepare_briefing(
    cache: Cache, period: Period, reference: Reference, *, now: datetime | None = None
) -> BriefingData:
    """Figures and rankings of `period` (one read of the cache)."""
    reports = load_reports(cache, period)
    rankings = rank_cases(
        reports,
        period,
        reference,
        now=now or utcnow(),
        spreads=duplicate_spread_m(cache, reports),
        reopened=reopened_ids(cache),
    )
    return BriefingData(
        period=period,
        figures=compute_figures(reports, period, reference),
        rankings=rankings,
        points=tuple(ward_points(reports, period, reference)),
    )


def reasons_of(rankings: Rankings) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for heading, cases in (
        ("Tác động cộng đồng", rankings.impact),
        ("Kết quả tốt", rankings.good),
        ("Chậm hoặc chưa triệt để", rankings.slow),
    ):
        for case in cases:
            found.setdefault(case.report_id, []).append(f"{heading}: {', '.join(case.reasons)}")
    return found


def build_pack(
    cache: Cache,
    data: BriefingData,
    reference: Reference,
    *,
    case_ids: Sequence[int] | None = None,
    audience: str = DEFAULT_AUDIENCE,
    fetch_media: FetchMedia | None = None,
    map_png: bytes | None = None,
    blur_overrides: Mapping[PhotoKey, Sequence[Box]] | None = None,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> BriefingPack:
    """The pack of `data.period`: figures, charts, map, and `case_ids` (by default the top
    three of each ranked list). Photos are fetched, cleaned and blurred here."""
    moment = now or utcnow()
    period, figures = data.period, data.figures
    chosen = list(dict.fromkeys(case_ids)) if case_ids is not None else data.rankings.suggested()
    if len(chosen) > MAX_CASES:
        raise TooManyCases(f"Đã chọn {len(chosen)} vụ việc; một bộ tài liệu tối đa {MAX_CASES}.")
    found = cache.get_reports(chosen)
    unknown = [i for i in chosen if i not in found]
    if unknown:
        raise UnknownCases(
            "Không có trong dữ liệu máy trạm: phản ánh số " + ", ".join(map(str, unknown))
        )
    reasons = reasons_of(data.rankings)
    sheets = []
    for done, report_id in enumerate(chosen, start=1):
        sheets.append(
            case_sheet(
                found[report_id],
                cache.get_history(report_id),
                reference,
                reasons=reasons.get(report_id, []),
                fetch_media=fetch_media,
                overrides=blur_overrides or {},
            )
        )
        if progress is not None:
            progress(done, len(chosen))
    label = f"Kỳ {period.label}"
    charts = Charts(
        by_category=bar_chart("Phản ánh tiếp nhận theo lĩnh vực", label, figures.by_category),
        by_unit=bar_chart(
            "Phản ánh đã xử lý theo đơn vị", label, figures.by_unit, part_label="Đúng hạn"
        ),
        weekly=trend_chart("Diễn biến theo tuần", label, figures.weekly),
    )
    source = MAP_FROM_CONSOLE
    if map_png is None:
        map_png = ward_map(data.points, reference, label)
        source = MAP_DRAWN
    notes = []
    if fetch_media is None:
        notes.append("Không kèm ảnh: không có nguồn ảnh khi xuất.")
    return BriefingPack(
        period=period,
        audience=audience,
        issued=to_local(moment).date(),
        generated_at=moment,
        figures=figures,
        charts=charts,
        map_png=map_png,
        map_source=source,
        cases=tuple(sheets),
        wards=data.points[:TOP_WARDS],
        notes=tuple(notes),
    )
