"""Which console the central needs: this console's version and the comparison with the minimum
the central's /health names (a release that changes the API raises it)."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from packaging.version import InvalidVersion, Version

DISTRIBUTION = "paht-console"


@cache
def console_version() -> str:
    """The installed distribution's version; in a source checkout that was never installed,
    the version its pyproject.toml names."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
        with pyproject.open("rb") as file:
            return str(tomllib.load(file)["project"]["version"])


def parse_version(text: str) -> Version:
    """A version string as packaging reads it; ValueError (in Vietnamese) when it is not one."""
    try:
        return Version(text)
    except InvalidVersion as exc:
        raise ValueError(f"'{text}' không phải số phiên bản (ví dụ 0.2.0).") from exc


@dataclass(frozen=True, slots=True)
class NewerNeeded:
    """The central needs at least `minimum`; this console is `current`. `installer_url` is
    where operators get the new console (http or https only), if the central says."""

    minimum: str
    current: str
    installer_url: str | None = None

    def message(self) -> str:
        """The refusal in Vietnamese, for the command line and the store's errors."""
        where = f" Tải bản mới tại {self.installer_url}." if self.installer_url else ""
        return (
            f"Máy chủ trung tâm cần PAHT Console phiên bản {self.minimum} trở lên; máy này đang "
            f"chạy phiên bản {self.current}.{where} Trong khi chờ cập nhật, bàn điều hành chỉ "
            "xem: thao tác mới không được nhận, các thao tác đang chờ vẫn giữ trên máy này, "
            "chưa gửi, cho tới khi bản mới gửi chúng."
        )


def newer_needed(
    minimum: str | None, installer_url: str | None = None, current: str | None = None
) -> NewerNeeded | None:
    """What the central's minimum means for this console: None when it is met, absent or not
    a version at all (a central cannot lock consoles out by a typo)."""
    if not minimum:
        return None
    mine = current or console_version()
    try:
        if Version(mine) >= Version(minimum):
            return None
    except InvalidVersion:
        return None
    return NewerNeeded(minimum, mine, _web_link(installer_url))


def needed_by(health: Mapping[str, Any]) -> NewerNeeded | None:
    """What a central's /health answer asks of this console."""
    minimum, link = health.get("min_console_version"), health.get("installer_url")
    return newer_needed(
        minimum if isinstance(minimum, str) else None, link if isinstance(link, str) else None
    )


def _web_link(url: str | None) -> str | None:
    """Only an http(s) address becomes a link the operator may click."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None
