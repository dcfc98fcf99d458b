"""The case picker's three ranked lists, after the seed plan's words: cases "with strong
community impact", cases handled well, and cases "handled slowly or not thoroughly".

Candidates: reports not rejected, created before the period's end and last updated at or
after its start (active in the period). "Cut" is the period's end, or now if that is earlier.

- Community impact: merged duplicates, views, wide area. Needs a merged duplicate or 20
  views. Score 3 x merged + log2(1 + views) + 2 x spread in km (the farthest merged
  duplicate from the report).
- Good results: result posted in the period, on time (figures.is_on_time), not rated below 4.
  Score 3 x speed (1 - the share of the allowed time used; 0.5 without deadline)
  + 2 with photos before and after + (rating - 3) when rated.
- Slow or not thorough: late (console.domain.lateness: a result posted after the deadline,
  or none by the cut with the deadline passed; the words say which, as the case sheet shows
  the result), reopened (status, or a reopening in the cached history), rated 1 or 2 stars.
  Score: days late + 3 if reopened + 3 x (3 - rating) if rated low + the escalation level.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from console.domain.lateness import days_late, lateness_text
from console.domain.model import Report, Status
from console.domain.privacy import mask_personal
from console.domain.reference import Reference
from console.exports.briefing.figures import is_on_time
from console.exports.briefing.period import Period

TOP = 10
MIN_VIEWS = 20
GOOD_STATUSES = frozenset({Status.RESOLVED, Status.PUBLISHED, Status.CLOSED})


@dataclass(frozen=True, slots=True)
class RankedCase:
    report_id: int
    code: str
    #: Masked (mask_personal): the picker may be shown to anyone on the media desk.
    title: str
    category: str
    ward: str
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Rankings:
    impact: tuple[RankedCase, ...]
    good: tuple[RankedCase, ...]
    slow: tuple[RankedCase, ...]

    def suggested(self, per_list: int = 3) -> list[int]:
        """The top of each list, without repeats: the default choice of cases."""
        chosen: list[int] = []
        for cases in (self.impact, self.good, self.slow):
            for case in cases[:per_list]:
                if case.report_id not in chosen:
                    chosen.append(case.report_id)
        return chosen


Scorer = Callable[[Report], tuple[float, list[str]] | None]


def _has_before_after(report: Report) -> bool:
    kinds = {m.kind for m in report.media}
    return "photo" in kinds and "result_photo" in kinds


def _impact(spreads: Mapping[int, float]) -> Scorer:
    def score(r: Report) -> tuple[float, list[str]] | None:
        spread = spreads.get(r.id, 0.0)
        if r.merged_count == 0 and r.views < MIN_VIEWS:
            return None
        reasons = []
        if r.merged_count:
            reasons.append(f"{r.merged_count} phản ánh trùng được gộp")
        if r.views:
            reasons.append(f"{r.views} lượt xem")
        if spread >= 50:
            reasons.append(f"trên phạm vi khoảng {round(spread, -1):.0f} m")
        return 3 * r.merged_count + math.log2(1 + r.views) + 2 * spread / 1000, reasons

    return score


def _good(period: Period) -> Scorer:
    def score(r: Report) -> tuple[float, list[str]] | None:
        if r.resolved_at is None or not period.contains(r.resolved_at) or not is_on_time(r):
            return None
        if r.status not in GOOD_STATUSES or (r.rating is not None and r.rating < 4):
            return None
        reasons = []
        speed = 0.5
        if r.deadline is not None and r.deadline > r.created_at:
            allowed = (r.deadline - r.created_at).total_seconds()
            used = (r.resolved_at - r.created_at).total_seconds()
            speed = max(0.0, min(1.0, 1 - used / allowed))
            reasons.append(f"xử lý xong khi mới dùng {100 * (1 - speed):.0f}% thời hạn")
        value = 3 * speed
        if _has_before_after(r):
            value += 2
            reasons.append("có ảnh trước và sau xử lý")
        if r.rating is not None:
            value += r.rating - 3
            reasons.append(f"người dân đánh giá {r.rating}/5")
        return value, reasons

    return score


def _slow(cut: datetime, reopened: Collection[int]) -> Scorer:
    def score(r: Report) -> tuple[float, list[str]] | None:
        value, reasons = 0.0, []
        lateness = lateness_text(r.deadline, r.resolved_at, cut)
        if lateness and r.deadline is not None:
            value += days_late(r.deadline, r.resolved_at or cut)
            reasons.append(lateness)
        if r.status == Status.REOPENED or r.id in reopened:
            value += 3
            reasons.append("phải xử lý lại")
        if r.rating is not None and r.rating <= 2:
            value += 3 * (3 - r.rating)
            reasons.append(f"người dân chỉ đánh giá {r.rating}/5")
        if not reasons:
            return None
        if r.escalation_level:
            value += r.escalation_level
            reasons.append(f"đã đôn đốc cấp {r.escalation_level}")
        return value, reasons

    return score


def _ranked(
    candidates: Sequence[Report], scorer: Scorer, reference: Reference, top: int
) -> tuple[RankedCase, ...]:
    scored = []
    for r in candidates:
        result = scorer(r)
        if result is not None:
            scored.append((result[0], r, result[1]))
    scored.sort(key=lambda item: (-item[0], item[1].id))
    return tuple(
        RankedCase(
            report_id=r.id,
            code=r.code,
            title=mask_personal(r.title),
            category=reference.category_name(r.category),
            ward=reference.ward_name(r.ward),
            score=round(value, 2),
            reasons=tuple(reasons),
        )
        for value, r, reasons in scored[:top]
    )


def rank_cases(
    reports: Sequence[Report],
    period: Period,
    reference: Reference,
    *,
    now: datetime,
    spreads: Mapping[int, float],
    reopened: Collection[int] = (),
    top: int = TOP,
) -> Rankings:
    cut = min(period.end, now)
    candidates = [
        r
        for r in reports
        if r.status != Status.REJECTED
        and r.created_at < period.end
        and r.updated_at >= period.start
    ]
    return Rankings(
        impact=_ranked(candidates, _impact(spreads), reference, top),
        good=_ranked(candidates, _good(period), reference, top),
        slow=_ranked(candidates, _slow(cut, reopened), reference, top),
    )
