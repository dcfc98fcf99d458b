"""Duplicate candidates for a report as the operator sees them: the cache's reports near it in
place and time, each as it will be once its pending actions land, weighed by the domain."""

from __future__ import annotations

from console.domain.duplicates import DuplicateCandidate, TriageSettings, find_duplicate_candidates
from console.domain.model import Report
from console.domain.reference import Reference
from console.store.cache import Cache
from console.store.outbox import Outbox


def duplicate_candidates(
    cache: Cache, outbox: Outbox, reference: Reference, settings: TriageSettings, report: Report
) -> list[DuplicateCandidate]:
    if report.lat is None or report.lon is None:
        return []
    nearby = cache.find_nearby(
        report.lat,
        report.lon,
        settings.radius_m,
        report.created_at - settings.window,
        report.created_at + settings.window,
    )
    previews = outbox.pending_previews()
    return find_duplicate_candidates(
        report,
        [previews.get(r.id, r) for r in nearby],
        reference=reference,
        radius_m=settings.radius_m,
        near_m=settings.near_m,
        window=settings.window,
        limit=settings.limit,
    )
