"""paht-console accounts open311-keys add|list|revoke: partner apps' Open311 api_keys (admin
role, through the central API). A new key is printed once; the server keeps only its hash."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any

from console.command_session import connected
from console.config import Settings
from console.domain.hue_time import to_local
from console.domain.model import parse_time
from console.sync.errors import NetworkError

CommandFactory = Callable[..., argparse.ArgumentParser]


def add_open311_keys_parser(verbs: Any, command: CommandFactory) -> None:
    keys = command(verbs, "open311-keys", "partner apps' Open311 api_keys")
    actions = keys.add_subparsers(dest="keys_verb", metavar="ACTION", required=True)
    add = command(actions, "add", "create a key for a partner app (printed once)")
    add.add_argument("app", metavar="APP", help="lower-case name; becomes the reports' channel")
    listing = command(actions, "list", "list the partner apps and their keys' state")
    revoke = command(actions, "revoke", "revoke a partner app's key")
    revoke.add_argument("app", metavar="APP")
    for parser in (add, listing, revoke):
        parser.add_argument("--json", action="store_true", help="JSON output for scripts")


def _when(stamp: str | None) -> str:
    moment = parse_time(stamp) if stamp else None
    return to_local(moment).strftime("%d/%m/%Y %H:%M") if moment else "—"


def _keys(data: Any) -> list[dict[str, Any]]:
    items = data.get("items") if isinstance(data, dict) else None
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise NetworkError("Danh sách khóa Open311 từ máy chủ sai cấu trúc.", "bad_answer")
    return items


def _key(data: Any) -> dict[str, Any]:
    if not isinstance(data, dict) or not isinstance(data.get("app"), str):
        raise NetworkError("Khóa Open311 từ máy chủ sai cấu trúc.", "bad_answer")
    return data


def _line(key: dict[str, Any]) -> str:
    state = f"thu hồi {_when(key.get('revoked_at'))}" if key.get("revoked_at") else "hoạt động"
    return f"{key.get('app', '?')}  tạo {_when(key.get('created_at'))}  {state}"


def open311_keys_command(settings: Settings, args: argparse.Namespace) -> int:
    with connected(settings, demo_user="admin") as conn:
        client = conn.client
        if args.keys_verb == "list":
            keys = _keys(client.list_open311_keys())
            if args.json:
                print(json.dumps(keys, ensure_ascii=False))
            else:
                print("\n".join(_line(k) for k in keys) or "Chưa có ứng dụng đối tác nào.")
            return 0
        if args.keys_verb == "add":
            key = _key(client.create_open311_key(args.app))
            if args.json:
                print(json.dumps(key, ensure_ascii=False))
            else:
                print(f"Đã tạo khóa Open311 cho ứng dụng {key.get('app')}.")
                print(f"api_key (chỉ hiện một lần, hãy trao tận tay): {key.get('api_key')}")
            return 0
        key = _key(client.revoke_open311_key(args.app))
        print(
            json.dumps(key, ensure_ascii=False)
            if args.json
            else f"Đã thu hồi khóa Open311 của ứng dụng {key.get('app')}."
        )
    return 0
