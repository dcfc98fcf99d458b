"""paht-console export weekly|briefing: bring the cache up to date when the server answers, then
write the documents from it."""

from __future__ import annotations

import argparse
import getpass
import sys

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
