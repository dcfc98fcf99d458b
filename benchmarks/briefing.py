"""Press briefing export: a 10-case pack with photos, in PDF, DOCX and PPTX, from a demo cache.

The cache (3,000 demo reports, fixed seed and clock) is built once into
/tmp/paht-bench-briefing and reused. The ten cases are the top of the period's rankings that
have photos; photos come from the demo drawings (with EXIF, as phones send them), so each one
is fetched, cleaned, searched for faces and plates and blurred like a real export.
Printed: the whole export's time (figures, rankings, photos, the three files, manifest, audit).
"""

from __future__ import annotations

import json
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

from console.central.demo.generate import generate_reports
from console.central.demo.photos import render_photo
from console.domain.model import Report
from console.domain.wire import report_from_json
from console.exports.briefing import export_briefing, prepare_briefing, reference_of
from console.exports.briefing.period import Period
from console.store import Cache, open_cache

SCALE = 3_000
NOW = datetime(2026, 11, 25, 5, 0, tzinfo=UTC)
FIRST, LAST = date(2026, 10, 26), date(2026, 11, 22)
CACHE_DIR = Path("/tmp/paht-bench-briefing")
CASES = 10
GOAL_S = 15.0


def build_cache() -> Cache:
    cache = open_cache(CACHE_DIR)
    if cache.counts().reports < SCALE:
        reports = []
        for raw in generate_reports(SCALE, seed=7, now=NOW):
            raw.pop("events", None)
            reports.append(report_from_json(raw))
        cache.upsert_reports(reports)
    return cache


def run() -> None:
    cache = build_cache()
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
    cache.close()
    print(
        json.dumps(
            {
                "bench": "briefing",
                "value": round(total, 3),
                "unit": "s",
                "goal": f"<= {GOAL_S}",
                "ok": total <= GOAL_S,
                "cases": len(chosen),
                "photos": photos,
                "bytes": sizes,
            },
            ensure_ascii=False,
        )
    )
