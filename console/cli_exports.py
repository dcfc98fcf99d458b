"""paht-console export weekly|period|briefing: bring the cache up to date when the server answers, then
write the documents from it."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from console.command_session import connected
from console.config import Settings, SettingsError
from console.sync.errors import ApiError


def _sync_before_export(settings: Settings) -> None:
    """Bring the cache up to date; offline, export from the cache as it is (and say so)."""
    from console.store import open_cache, open_outbox
    from console.sync.engine import SyncEngine

    try:
        with connected(settings, demo_user="supervisor") as conn:
            result = SyncEngine(
                conn.client, open_cache(settings.data_dir), open_outbox(settings.data_dir)
            ).sync_once()
    except (ApiError, OSError) as exc:
        print(f"Cảnh báo: không đồng bộ được ({exc}); xuất từ dữ liệu đã lưu.", file=sys.stderr)
        return
    if not result.online:
        print(f"Cảnh báo: ngoại tuyến ({result.error}); xuất từ dữ liệu đã lưu.", file=sys.stderr)


def export_weekly_command(settings: Settings, args: argparse.Namespace) -> int:
    from datetime import timedelta

    from console.domain.model import utcnow
    from console.exports.weekly import InvalidWeek, export_weekly
    from console.exports.weekly_week import week_of
    from console.store import open_cache

    if not args.no_sync:
        _sync_before_export(settings)
    week = args.week or week_of(utcnow() - timedelta(days=7)).label
    try:
        done = export_weekly(
            open_cache(settings.data_dir),
            week,
            args.out,
            actor=settings.user or getpass.getuser(),
            number=args.number,
        )
    except InvalidWeek as exc:
        raise SettingsError(str(exc)) from exc
    print(f"Báo cáo tuần {week}: {done.docx}")
    print(f"Bảng số liệu: {done.xlsx}")
    return 0


def export_briefing_command(settings: Settings, args: argparse.Namespace) -> int:
    from console.exports.briefing import export_briefing
    from console.exports.briefing.fonts import FontNotFound
    from console.exports.briefing.pack import TooManyCases, UnknownCases
    from console.exports.briefing.period import InvalidPeriod
    from console.store import open_cache, open_outbox
    from console.sync.engine import SyncEngine

    cache = open_cache(settings.data_dir)
    with connected(settings, demo_user="supervisor") as conn:
        result = SyncEngine(conn.client, cache, open_outbox(settings.data_dir)).sync_once()
        if not result.online:
            print(
                f"Cảnh báo: ngoại tuyến ({result.error}); xuất từ dữ liệu đã lưu.", file=sys.stderr
            )
        try:
            done = export_briefing(
                cache,
                date_from=args.date_from,
                date_to=args.date_to,
                case_ids=args.cases,
                out_dir=args.out,
                actor=conn.user,
                fetch_media=None if args.no_photos or not result.online else conn.client.media,
                map_png=None,
            )
        except (InvalidPeriod, UnknownCases, TooManyCases, FontNotFound) as exc:
            raise SettingsError(str(exc)) from exc
    for label, path in (
        ("PDF", done.pdf),
        ("DOCX", done.docx),
        ("PPTX", done.pptx),
        ("Danh mục", done.manifest),
    ):
        print(f"{label}: {path}")
    return 0


def add_period_parser(kinds: Any, command: Callable[..., argparse.ArgumentParser]) -> None:
    """`export period`: a month, quarter or year by name, or any span --from/--to."""
    period = command(kinds, "period", "month, quarter or year report (DOCX, XLSX; PPTX deck)")
    named = period.add_mutually_exclusive_group()
    named.add_argument("--month", help="a month, e.g. 2026-11")
    named.add_argument("--quarter", help="a quarter, e.g. 2026-Q4")
    named.add_argument("--year", help="a year, e.g. 2026 (with the conference deck)")
    named.add_argument("--from", dest="date_from", help="first day, YYYY-MM-DD (Huế time)")
    period.add_argument("--to", dest="date_to", help="last day included, YYYY-MM-DD")
    period.add_argument("--kind", choices=("month", "quarter", "year"), help="check the span")
    period.add_argument("--out", type=Path, default=Path("."), help="output folder")
    period.add_argument("--number", type=int, help="document number (Số: NN/BC-...)")
    period.add_argument("--deck", action="store_true", help="also the PPTX deck (a year has it)")
    period.add_argument("--no-sync", action="store_true", help="use the cache as it is")


def export_period_command(settings: Settings, args: argparse.Namespace) -> int:
    from console.domain.calendar import RulesError
    from console.exports.period import export_period
    from console.exports.period_span import InvalidPeriod, period_from_args
    from console.store import open_cache

    try:
        period = period_from_args(
            first=args.date_from,
            last=args.date_to,
            kind=args.kind,
            named=args.month or args.quarter or args.year,
        )
        if not args.no_sync:
            _sync_before_export(settings)
        done = export_period(
            open_cache(settings.data_dir),
            period,
            args.out,
            actor=settings.user or getpass.getuser(),
            number=args.number,
            deck=True if args.deck else None,
        )
    except (InvalidPeriod, RulesError) as exc:
        raise SettingsError(str(exc)) from exc
    print(f"Báo cáo {period.name}: {done.docx}")
    print(f"Bảng số liệu: {done.xlsx}")
    if done.pptx is not None:
        print(f"Trình chiếu: {done.pptx}")
    figures = done.figures
    for kind, rows in (("Đơn vị", figures.units), ("Phường, xã", figures.wards)):
        names = ", ".join(s.label for s in rows if s.proposed) or "không có"
        print(f"{kind} đề xuất khen thưởng: {names}")
    return 0
