"""paht-console relay channels add|list|remove: the relay's channels, configured on the
server's own database (--db), so their tokens and passwords never cross the network or sit on
a workstation. Secrets come from --set KEY=VALUE or, kept out of the shell's history, as a
JSON object on standard input (--settings-stdin). docs/RELAY.md lists each kind's settings."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from console.domain.model import utcnow

CommandFactory = Callable[..., argparse.ArgumentParser]
KINDS = ("zalo", "telegram", "email", "webhook")


def add_relay_parser(
    sub: Any, command: CommandFactory, db_default: str | None, db_help: str
) -> None:
    relay = command(sub, "relay", "the relay's channels (on the server's database)")
    what = relay.add_subparsers(dest="relay_what", metavar="WHAT", required=True)
    channels = command(what, "channels", "Zalo OA, Telegram, e-mail and webhook channels")
    verbs = channels.add_subparsers(dest="relay_verb", metavar="ACTION", required=True)
    listing = command(verbs, "list", "list the channels (never their secrets)")
    add = command(verbs, "add", "add a channel, or replace one's settings")
    add.add_argument("id", metavar="ID", help="lower-case id, e.g. zalo-chu-nhat-xanh")
    add.add_argument("--kind", required=True, choices=KINDS)
    add.add_argument("--name", required=True, help="the name operators see")
    add.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", dest="pairs")
    add.add_argument(
        "--settings-stdin", action="store_true", help="read the settings as JSON from stdin"
    )
    add.add_argument("--disabled", action="store_true", help="added, but nothing is sent")
    remove = command(verbs, "remove", "remove a channel (its queued messages then fail)")
    remove.add_argument("id", metavar="ID")
    for parser in (listing, add, remove):
        parser.add_argument("--db", default=db_default, help=f"database URL ({db_help})")
        parser.add_argument("--json", action="store_true", help="JSON output for scripts")


def _settings(args: argparse.Namespace) -> dict[str, Any]:
    settings: dict[str, Any] = {}
    if args.settings_stdin:
        read = json.loads(sys.stdin.read() or "{}")
        if not isinstance(read, dict):
            raise ValueError("cần một đối tượng JSON")
        settings.update(read)
    for pair in args.pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise ValueError(f"«{pair}» không có dạng KHÓA=GIÁ_TRỊ")
        settings[key] = value
    return settings


def _line(channel: dict[str, Any]) -> str:
    state = "bật" if channel["enabled"] else "tắt"
    return f"{channel['id']}  {channel['kind']}  {channel['name']}  ({state})"


def relay_command(args: argparse.Namespace, db_url: str) -> int:
    from console.central.db import make_engine
    from console.central.errors import ApiError
    from console.central.relay import outbox

    engine = make_engine(db_url)
    try:
        if args.relay_verb == "list":
            result: Any = outbox.list_channels(engine)
        elif args.relay_verb == "add":
            settings = _settings(args)
            result = outbox.save_channel(
                engine, args.id, args.kind, args.name, settings, utcnow(), not args.disabled
            )
        else:
            result = outbox.remove_channel(engine, args.id)
    except ValueError as exc:
        print(f"Lỗi: thiết lập kênh không hợp lệ: {exc}.", file=sys.stderr)
        return 2
    except ApiError as exc:
        print(f"Lỗi: {exc.message}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    elif args.relay_verb == "list":
        print("\n".join(_line(c) for c in result) or "Chưa có kênh chuyển tiếp nào.")
    else:
        verb = "Đã lưu" if args.relay_verb == "add" else "Đã xóa"
        print(f"{verb} kênh {_line(result)}")
    return 0
