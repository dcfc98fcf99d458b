"""The paht-console command: the window by default, and sync, serve, demo-data.

With no --server, every command runs on the embedded default: the demo central API started
in-process over a demo database in the data folder, signed in as the demo account the
command needs. A real server's password comes from PAHT_PASSWORD, the keyring or a prompt.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import signal
import sys
import threading
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from console.cli_accounts import accounts_command, add_accounts_parser
from console.cli_db import db_command
from console.cli_exports import (
    add_period_parser,
    export_briefing_command,
    export_period_command,
    export_weekly_command,
)
from console.cli_relay import add_relay_parser, relay_command
from console.cli_wall import add_wall_parser, wall_command
from console.command_session import sync_engine
from console.config import Settings, SettingsError, load_settings
from console.logging_setup import install_log_scrubbing
from console.sync.errors import ApiError

log = logging.getLogger("paht")

DB_URL_ENV = "PAHT_CENTRAL_DB"
MIN_CONSOLE_ENV = "PAHT_MIN_CONSOLE_VERSION"
INSTALLER_URL_ENV = "PAHT_INSTALLER_URL"
DB_URL_HELP = f"default: {DB_URL_ENV}, else the demo database in the data folder"


def _global_options(parser: argparse.ArgumentParser, *, below: bool, demo: bool = True) -> None:
    """The options every command takes, before or after its name (`below`: on a command,
    where an option left out must not undo the same option given before the command)."""
    value: Any = argparse.SUPPRESS if below else None
    flag: Any = argparse.SUPPRESS if below else False
    parser.add_argument(
        "--server", default=value, help="URL of the central API (default: embedded demo)"
    )
    parser.add_argument("--user", default=value, help="account name on the central API")
    parser.add_argument(
        "--insecure-http",
        action="store_true",
        default=flag,
        help="allow a plain-HTTP server off this machine (a lab only: passwords travel in clear)",
    )
    parser.add_argument(
        "--data-dir", default=value, help="folder for the local cache (env PAHT_DATA_DIR)"
    )
    if demo:
        parser.add_argument(
            "--demo", action="store_true", default=flag, help="use the embedded demo central API"
        )
    parser.add_argument(
        "--screenshot", type=Path, default=value, help="save the main window to a PNG and exit"
    )
    parser.add_argument("-v", "--verbose", action="store_true", default=flag)


def _command(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    help_text: str,
    *,
    demo: bool = True,
) -> argparse.ArgumentParser:
    command = sub.add_parser(name, help=help_text)
    _global_options(command, below=True, demo=demo)
    return command


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="paht-console",
        description="PAHT Console: bàn điều hành phản ánh hiện trường của Trung tâm IOC Huế.",
    )
    _global_options(parser, below=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sync = _command(sub, "sync", "synchronise the local cache with the central API")
    sync.add_argument("--once", action="store_true", help="one sync, then exit")

    # serve's own --demo (demo accounts and city) takes the global one's place.
    serve = _command(sub, "serve", "run the reference central API", demo=False)
    serve.add_argument(
        "--demo", dest="serve_demo", action="store_true", help="demo accounts and city"
    )
    serve.add_argument("--db", default=_env_db(), help=f"database URL ({DB_URL_HELP})")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8750)
    serve.add_argument("--no-simulate", action="store_true", help="no live demo simulator")
    serve.add_argument(
        "--workers", type=int, default=1, help="server processes (more than 1 needs PostgreSQL)"
    )
    serve.add_argument(
        "--no-upgrade", action="store_true", help="refuse a database behind this schema revision"
    )
    serve.add_argument(
        "--min-console-version",
        default=os.environ.get(MIN_CONSOLE_ENV) or None,
        help=f"older consoles stay read-only (env {MIN_CONSOLE_ENV})",
    )
    serve.add_argument(
        "--installer-url",
        default=os.environ.get(INSTALLER_URL_ENV) or None,
        help=f"where operators get the console (env {INSTALLER_URL_ENV})",
    )

    db = _command(sub, "db", "the central database's schema revision (migrations)")
    db_actions = db.add_subparsers(dest="db_action", metavar="ACTION", required=True)
    for action, text in (
        ("upgrade", "upgrade to this code's revision"),
        ("current", "show it"),
        ("new-identity", "give the database a new identity: the step after any restore"),
    ):
        db_action = _command(db_actions, action, text)
        db_action.add_argument("--db", default=_env_db(), help=f"database URL ({DB_URL_HELP})")

    demo = _command(sub, "demo-data", "generate a demo city in a central API database")
    demo.add_argument("--count", type=int, default=5000)
    demo.add_argument("--seed", type=int, default=7)
    demo.add_argument("--db", default=_env_db(), help=f"database URL ({DB_URL_HELP})")

    _command(sub, "status", "show the local cache and the outbox")

    export = _command(sub, "export", "documents that leave the Center")
    kinds = export.add_subparsers(dest="export_kind", metavar="KIND", required=True)
    weekly = _command(kinds, "weekly", "weekly report to the City People's Committee")
    weekly.add_argument("--week", help="ISO week, e.g. 2026-W47 (default: the last full week)")
    weekly.add_argument("--out", type=Path, default=Path("."), help="output folder")
    weekly.add_argument("--number", type=int, help="document number (Số: NN/BC-...)")
    weekly.add_argument("--no-sync", action="store_true", help="use the cache as it is")
    add_period_parser(kinds, _command)
    briefing = _command(kinds, "briefing", "press-tour briefing pack (PDF, DOCX, PPTX)")
    briefing.add_argument("--from", dest="date_from", required=True, type=_date, help="YYYY-MM-DD")
    briefing.add_argument("--to", dest="date_to", required=True, type=_date, help="YYYY-MM-DD")
    briefing.add_argument("--cases", type=_ids, help="report ids to present, e.g. 12,40,7")
    briefing.add_argument("--out", type=Path, default=Path("."), help="output folder")
    briefing.add_argument("--no-photos", action="store_true", help="leave photos out")
    add_accounts_parser(sub, _command)
    add_relay_parser(sub, _command, _env_db(), DB_URL_HELP)
    add_wall_parser(sub, _command)
    return parser


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"ngày «{text}» không đúng dạng YYYY-MM-DD") from exc


def _ids(text: str) -> list[int]:
    try:
        ids = [int(part) for part in text.split(",") if part.strip()]
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            f"danh sách mã «{text}» phải là các số cách nhau bởi dấu phẩy"
        ) from exc
    if not ids or any(i <= 0 for i in ids):
        raise argparse.ArgumentTypeError("danh sách mã phản ánh trống hoặc có số không dương")
    return ids


def _sync(settings: Settings, once: bool) -> int:
    """One sync with --once; else hold the live channel (or poll) until Ctrl+C."""
    from console.store import open_cache, open_outbox
    from console.sync.live import LiveBatch, LiveFeed
    from console.sync.results import SyncResult

    cache = open_cache(settings.data_dir)
    outbox = open_outbox(settings.data_dir)
    last: list[SyncResult] = []

    def report(batch: LiveBatch) -> None:
        result = batch.result
        last[:] = [result]
        counts = cache.counts()
        box = outbox.counts()
        summary = {
            "online": result.online,
            "error": result.error,
            "live": batch.live,
            "received": result.pull.received,
            "new": len(batch.new_ids),
            "quarantined_now": result.pull.quarantined,
            "pushed": result.push.sent,
            "cache_reports": counts.reports,
            "cache_quarantined": counts.quarantined,
            "outbox_queued": box.queued,
            "outbox_conflicts": box.conflicts,
            "outbox_refused": box.refused,
            "newer_console_needed": None if outbox.held is None else outbox.held.message(),
        }
        print(json.dumps(summary, ensure_ascii=False), flush=True)

    with sync_engine(settings, cache, outbox) as engine:
        feed = LiveFeed(engine, report, interval_s=settings.sync_interval_s)
        if once:
            result = engine.sync_once()
            report(LiveBatch(result, result.pull.new_ids, result.pull.live, None))
        else:
            worker = threading.Thread(target=feed.run, name="live-feed")
            worker.start()
            with contextlib.suppress(ValueError):
                signal.signal(signal.SIGINT, lambda *_: feed.stop())
            while worker.is_alive():
                worker.join(0.2)
    return 0 if last and last[0].online else 2


def _status(settings: Settings) -> int:
    from console.store import open_cache, open_outbox

    cache = open_cache(settings.data_dir)
    outbox = open_outbox(settings.data_dir)
    counts = cache.counts()
    box = outbox.counts()
    print(f"Thư mục dữ liệu: {settings.data_dir}")
    print(f"Phản ánh trong bộ nhớ đệm: {counts.reports}; cách ly: {counts.quarantined}")
    print(
        f"Hàng đợi thao tác: {box.queued} chờ gửi, {box.failed} lỗi mạng, "
        f"{box.conflicts} xung đột, {box.refused} bị từ chối"
    )
    return 0


def _env_db() -> str | None:
    """A server's database URL from its environment, so a password never shows in `ps`."""
    return os.environ.get(DB_URL_ENV) or None


def _shown(db_url: str) -> str:
    from console.central.db import url_without_password

    return url_without_password(db_url)


def _demo_db_url(settings: Settings, db: str | None) -> str:
    if db:
        return db
    from console.connection import DEMO_DB_NAME

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{settings.data_dir / DEMO_DB_NAME}"


def _serve(settings: Settings, args: argparse.Namespace) -> int:
    from console.central.server import run_server
    from console.central.workers import refuse_sqlite
    from console.cli_db import schema_refusals

    demo = bool(args.serve_demo or args.db is None)
    db_url = _demo_db_url(settings, args.db)
    if args.workers < 1:
        raise SettingsError("--workers phải là số dương.")
    if args.min_console_version:
        from console.version import parse_version

        try:
            parse_version(args.min_console_version)
        except ValueError as exc:
            raise SettingsError(f"--min-console-version: {exc}") from exc
    try:
        refuse_sqlite(db_url, args.workers)
    except ValueError as exc:
        raise SettingsError(str(exc)) from exc
    if args.db is None:
        from console.connection import DEMO_DB_NAME, ensure_demo_database

        ensure_demo_database(settings.data_dir / DEMO_DB_NAME, settings.demo_count)
    print(f"Máy chủ trung tâm: http://{args.host}:{args.port} (cơ sở dữ liệu {_shown(db_url)})")
    with schema_refusals():
        return run_server(
            db_url,
            host=args.host,
            port=args.port,
            demo=demo,
            simulate=not args.no_simulate,
            workers=args.workers,
            upgrade=not args.no_upgrade,
            min_console_version=args.min_console_version,
            installer_url=args.installer_url,
        )


def _demo_data(settings: Settings, args: argparse.Namespace) -> int:
    from console.central.seed import seed_demo
    from console.cli_demo import progress_printer

    if args.count <= 0:
        raise SettingsError("--count phải là số dương.")
    db_url = _demo_db_url(settings, args.db)
    if args.db is None:
        demo_path = Path(db_url.removeprefix("sqlite:///"))
        demo_path.unlink(missing_ok=True)
        demo_path.with_suffix(".seeded").unlink(missing_ok=True)
    seed_demo(db_url, args.count, seed=args.seed, progress=progress_printer(args.count))
    if args.db is None:
        demo_path.with_suffix(".seeded").write_text("ok", encoding="utf-8")
    print(f"Đã tạo {args.count} phản ánh mẫu trong {_shown(db_url)}")
    return 0


def _honour_pinned_clock() -> None:
    """PAHT_NOW runs the program at a chosen moment (rehearsals, training, tests)."""
    from console.domain.clock import NOW_ENV, pin_from_environment

    try:
        moment = pin_from_environment()
    except ValueError as exc:
        raise SettingsError(
            f"{NOW_ENV} không phải là thời điểm ISO 8601 (ví dụ 2026-12-02T10:00+07:00): {exc}"
        ) from exc
    if moment is not None:
        log.info("Đồng hồ chạy từ thời điểm %s (%s)", moment.isoformat(), NOW_ENV)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    install_log_scrubbing()
    try:
        _honour_pinned_clock()
        settings = load_settings(
            data_dir=args.data_dir,
            server=args.server,
            user=args.user,
            insecure_http=args.insecure_http,
        )
        if args.demo:
            settings = settings.with_changes(server_url=None)
        if args.command is None:
            from widgets.app import run_gui

            return run_gui(settings, screenshot=args.screenshot, demo=args.demo)
        if args.command == "sync":
            return _sync(settings, args.once)
        if args.command == "serve":
            return _serve(settings, args)
        if args.command == "db":
            return db_command(args.db_action, _demo_db_url(settings, args.db))
        if args.command == "demo-data":
            return _demo_data(settings, args)
        if args.command == "wall":
            return wall_command(settings, args)
        if args.command == "status":
            return _status(settings)
        if args.command == "accounts":
            return accounts_command(settings, args)
        if args.command == "relay":
            return relay_command(args, _demo_db_url(settings, args.db))
        if args.command == "export" and args.export_kind == "weekly":
            return export_weekly_command(settings, args)
        if args.command == "export" and args.export_kind == "period":
            return export_period_command(settings, args)
        if args.command == "export" and args.export_kind == "briefing":
            return export_briefing_command(settings, args)
    except SettingsError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    except ApiError as exc:
        print(f"Lỗi máy chủ trung tâm: {exc.message} ({exc.status})", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        return 130
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
