"""`paht-console wall`: the video wall's command line (the window lives in widgets.wall)."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from typing import Any

from console.config import Settings, SettingsError

WALL_USER = "wall"


def _size(text: str) -> tuple[int, int]:
    found = re.fullmatch(r"\s*(\d{3,5})\s*[xX×]\s*(\d{3,5})\s*", text)
    if found is None:
        raise argparse.ArgumentTypeError(
            f"kích thước «{text}» phải có dạng RỘNGxCAO, ví dụ 1920x1080"
        )
    return int(found[1]), int(found[2])


def add_wall_parser(sub: Any, command: Callable[..., argparse.ArgumentParser]) -> None:
    wall = command(sub, "wall", "the video wall: full screen, live, nothing personal on it")
    wall.add_argument(
        "--press", action="store_true", help="press visit: the period's story and a case in focus"
    )
    wall.add_argument("--spotlight", type=int, help="press mode: the report id to put in focus")
    wall.add_argument("--screen", type=int, help="screen number (0 = the first; default: primary)")
    wall.add_argument(
        "--window", type=_size, help="a window of WIDTHxHEIGHT instead of full screen (rehearsals)"
    )


def wall_command(settings: Settings, args: argparse.Namespace) -> int:
    if args.spotlight is not None and not args.press:
        raise SettingsError("--spotlight chỉ dùng cùng --press.")
    if args.screen is not None and args.screen < 0:
        raise SettingsError("--screen phải là số màn hình từ 0.")
    password = None
    if settings.server_url is not None:
        from console.command_session import command_password

        password = command_password(settings.user or WALL_USER)
    from widgets.wall.start import run_wall

    return run_wall(
        settings,
        password=password,
        press=args.press,
        spotlight=args.spotlight,
        screen=args.screen,
        size=args.window,
        screenshot=args.screenshot,
    )
