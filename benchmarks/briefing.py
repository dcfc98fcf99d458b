"""Press briefing export: a 10-case pack with photos, in PDF, DOCX and PPTX, from a demo cache.

The cache (3,000 demo reports, pinned seed and clock) comes from benchmarks._data (built, or
reused when its manifest and content hash match). The ten cases are the top of the period's rankings that
have photos; photos come from the demo drawings (with EXIF, as phones send them), so each one
is fetched, cleaned, searched for faces and plates and blurred like a real export.
Printed: the whole export's time (figures, rankings, photos, the three files, manifest, audit);
not ok when fewer than ten cases, no photo or a missing file came out.
"""

from __future__ import annotations

import json
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from benchmarks import _data
from benchmarks._figures import failed, figure
from console.central.demo.photos import render_photo
from console.domain.model import Report
from console.exports.briefing import export_briefing, prepare_briefing, reference_of
from console.exports.briefing.period import Period
from console.store import open_cache

SCALE = 3_000
NOW = datetime(2026, 11, 25, 5, 0, tzinfo=UTC)
FIRST, LAST = date(2026, 10, 26), date(2026, 11, 22)
CASES = 10
GOAL_S = 15.0
FILES = ("pdf", "docx", "pptx")


def run() -> dict[str, Any]:
    try:
        dataset = _data.cache(SCALE, now=NOW)
        measured = _measure(dataset)
    except Exception as exc:
        return failed("briefing", exc, reports=SCALE)
    total, chosen, photos, sizes = measured
    problems = []
    if len(chosen) != CASES:
        problems.append(f"{len(chosen)} cases with photos, expected {CASES}")
    if photos <= 0:
        problems.append("no photo in the pack")
    problems += [f"no {kind} file" for kind in FILES if not sizes.get(kind)]
    return figure(
        "briefing",
        total,
        "s",
        f"<= {GOAL_S}",
        met=total <= GOAL_S,
        problems=problems,
        cases=len(chosen),
        photos=photos,
        bytes=sizes,
        reports=SCALE,
        **dataset.describe(),
    )


def _measure(dataset: _data.Dataset) -> tuple[float, list[int], int, dict[str, int]]:
    cache = open_cache(dataset.folder)
    try:
        reference = reference_of(cache)
        data = prepare_briefing(cache, Period(FIRST, LAST), reference, now=NOW)
        ranked = [
            c.report_id for c in (*data.rankings.impact, *data.rankings.good, *data.rankings.slow)
        ]
        reports: dict[int, Report] = cache.get_reports(list(dict.fromkeys(ranked)))
        chosen = [i for i in dict.fromkeys(ranked) if reports[i].media][:CASES]

        def fetch(report_id: int, n: int) -> bytes:
            report = reports[report_id]
            return render_photo(report_id, report.category, report.media[n - 1].kind, n)

        with tempfile.TemporaryDirectory(prefix="paht-bench-briefing-") as out:
            started = time.perf_counter()
            export = export_briefing(
                cache,
                date_from=FIRST,
                date_to=LAST,
                case_ids=chosen,
                out_dir=Path(out),
                actor="bench",
                fetch_media=fetch,
                map_png=None,
                now=NOW,
            )
            total = time.perf_counter() - started
            manifest = json.loads(export.manifest.read_text("utf-8"))
            sizes = {f["name"].rsplit(".", 1)[-1]: f["bytes"] for f in manifest["files"]}
        photos = sum(len(c["photos"]) for c in manifest["cases"])
        return total, chosen, photos, sizes
    finally:
        cache.close()
