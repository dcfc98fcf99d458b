"""paht-console accounts ...: the admin's account commands, through the central API (on the
embedded demo, signed in as `admin`). A new password comes from --password-stdin, a prompt
asked twice, or --generate (printed once)."""

from __future__ import annotations

import argparse
import getpass
import json
import secrets
import sys
from collections.abc import Callable
from typing import Any

from console.cli_open311_keys import add_open311_keys_parser, open311_keys_command
from console.command_session import connected
from console.config import Settings, SettingsError
from console.domain.hue_time import to_local
from console.domain.model import ROLE_LABELS_VI, Role
from console.sync.accounts import UNCHANGED, Account

CommandFactory = Callable[..., argparse.ArgumentParser]
_ROLES = [role.value for role in Role]
_HEADERS = ("Tài khoản", "Vai trò", "Đơn vị", "Tên hiển thị", "Trạng thái", "Tạo lúc")


def add_accounts_parser(sub: Any, command: CommandFactory) -> None:
    """`accounts` and its subcommands; `command` adds one with the global options."""
    accounts = command(sub, "accounts", "administer accounts on the central API (admin role)")
    verbs = accounts.add_subparsers(dest="accounts_verb", metavar="ACTION", required=True)

    listing = command(verbs, "list", "list the active accounts (--inactive: the deactivated)")
    listing.add_argument("--unit", help="only this unit's staff")
    listing.add_argument("--inactive", action="store_true", help="only deactivated accounts")
    staff = command(verbs, "staff", "a unit's active staff (= list --unit UNIT)")
    staff.add_argument("unit", metavar="UNIT")

    add = command(verbs, "add", "create an account")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", required=True, choices=_ROLES)
    add.add_argument("--unit", help="unit code (required for the unit role)")
    add.add_argument("--display-name", default="", help="full name shown to colleagues")
    _password_options(add)

    switches = [
        command(verbs, "deactivate", "deactivate an account (its sessions end at once)"),
        command(verbs, "activate", "activate an account again"),
    ]
    for switch in switches:
        switch.add_argument("name", metavar="NAME")
    reset = command(verbs, "reset-password", "set a new password (its sessions end)")
    reset.add_argument("name", metavar="NAME")
    _password_options(reset)
    role = command(verbs, "set-role", "change an account's role (and unit)")
    role.add_argument("name", metavar="NAME")
    role.add_argument("role", metavar="ROLE", choices=_ROLES)
    role.add_argument("--unit", help="unit code (for the unit role)")
    for parser in (listing, staff, add, reset, role, *switches):
        parser.add_argument("--json", action="store_true", help="JSON output for scripts")
    add_open311_keys_parser(verbs, command)


def _password_options(parser: argparse.ArgumentParser) -> None:
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    source.add_argument(
        "--generate", action="store_true", help="generate a random password and print it once"
    )


def _new_password(args: argparse.Namespace) -> tuple[str, bool]:
    """The password and whether it was generated (then it must be shown once)."""
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise SettingsError("Không đọc được mật khẩu từ đầu vào chuẩn (dòng trống).")
        return password, False
    if args.generate:
        return secrets.token_urlsafe(12), True
    if not sys.stdin.isatty():
        raise SettingsError(
            "Cần mật khẩu mới: dùng --password-stdin, --generate hoặc chạy trong cửa sổ dòng lệnh."
        )
    first = getpass.getpass(f"Mật khẩu mới cho {args.name}: ")
    if first != getpass.getpass("Nhập lại mật khẩu mới: "):
        raise SettingsError("Hai lần nhập mật khẩu không khớp.")
    return first, False


def _account_json(account: Account) -> dict[str, Any]:
    return {
        "name": account.name,
        "role": account.role.value,
        "unit_code": account.unit_code,
        "display_name": account.display_name,
        "active": account.active,
        "created_at": account.created_at.isoformat().replace("+00:00", "Z"),
    }


def _row(account: Account) -> tuple[str, ...]:
    return (
        account.name,
        ROLE_LABELS_VI[account.role],
        account.unit_code or "—",
        account.display_name or "—",
        "hoạt động" if account.active else "đã vô hiệu hóa",
        to_local(account.created_at).strftime("%d/%m/%Y %H:%M"),
    )


def format_table(accounts: list[Account]) -> str:
    rows = [_HEADERS, *(_row(a) for a in accounts)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(_HEADERS))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _print(
    args: argparse.Namespace, account: Account, done: str, shown: dict[str, str] | None = None
) -> None:
    if args.json:
        print(json.dumps({**_account_json(account), **(shown or {})}, ensure_ascii=False))
        return
    print(done)
    _print_password(shown or {})


def accounts_command(settings: Settings, args: argparse.Namespace) -> int:
    verb = args.accounts_verb
    if verb == "open311-keys":
        return open311_keys_command(settings, args)
    password, generated = _new_password(args) if verb in {"add", "reset-password"} else ("", False)
    shown = {"password": password} if generated else {}
    with connected(settings, demo_user="admin") as conn:
        client = conn.client
        if verb in {"list", "staff"}:
            unit = args.unit
            found = client.list_users(unit=unit, active=not getattr(args, "inactive", False))
            if args.json:
                print(json.dumps([_account_json(a) for a in found], ensure_ascii=False))
            elif found:
                print(format_table(found))
            else:
                print("Không có tài khoản nào" + (f" của đơn vị {unit}." if unit else "."))
        elif verb == "add":
            account = client.create_user(
                args.name,
                Role(args.role),
                password,
                unit_code=args.unit,
                display_name=args.display_name,
            )
            _print(args, account, f"Đã tạo tài khoản {_describe(account)}.", shown)
        elif verb in {"deactivate", "activate"}:
            account = client.update_user(args.name, active=verb == "activate")
            _print(
                args,
                account,
                f"Đã kích hoạt lại tài khoản {account.name}."
                if account.active
                else f"Đã vô hiệu hóa tài khoản {account.name}; các phiên đăng nhập đã kết thúc.",
            )
        elif verb == "reset-password":
            client.reset_password(args.name, password)
            if args.json:
                print(json.dumps({"name": args.name, **shown}, ensure_ascii=False))
            else:
                print(f"Đã đặt lại mật khẩu cho {args.name}; các phiên đăng nhập cũ đã kết thúc.")
                _print_password(shown)
        elif verb == "set-role":
            unit_code = args.unit if args.unit is not None else UNCHANGED
            account = client.update_user(args.name, role=Role(args.role), unit_code=unit_code)
            _print(args, account, f"Đã đổi vai trò: {_describe(account)}.")
    return 0


def _print_password(shown: dict[str, str]) -> None:
    if "password" in shown:
        print(f"Mật khẩu (chỉ hiện một lần, hãy trao tận tay): {shown['password']}")


def _describe(account: Account) -> str:
    unit = f", đơn vị {account.unit_code}" if account.unit_code else ""
    return f"{account.name} ({ROLE_LABELS_VI[account.role]}{unit})"
