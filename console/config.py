"""Settings and paths: one place that knows where data and configuration live.

Precedence: command-line option, then environment (PAHT_DATA_DIR, PAHT_CONFIG_DIR, PAHT_SERVER,
PAHT_USER, PAHT_SYNC_INTERVAL, PAHT_TILES_URL, PAHT_CA_BUNDLE, PAHT_LANGUAGE, PAHT_EXPORTS_DIR),
then `settings.json` in the config folder, then defaults. Passwords and tokens are never settings.
The default folders are the platform's per-user ones (platformdirs); logs follow a data folder
given on the command line or in PAHT_DATA_DIR.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

from console.sync.server_url import InsecureServer, check_server_url

APP_NAME = "paht-console"
DEFAULT_TILES_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
DEFAULT_TILES_ATTRIBUTION = "© OpenStreetMap contributors"


class SettingsError(ValueError):
    """A setting that cannot be used; the message says which and why (Vietnamese)."""


def default_exports_dir() -> Path:
    """PAHT in the user's documents folder."""
    return Path(platformdirs.user_documents_dir()) / "PAHT"


@dataclass(frozen=True, slots=True)
class Settings:
    data_dir: Path
    config_dir: Path
    #: The window's log file and crash reports (a windowed program has no terminal to read).
    log_dir: Path
    #: None means the embedded demo central API, started in-process.
    server_url: str | None = None
    user: str | None = None
    sync_interval_s: int = 30
    #: Hold the central API's live channel (changes as they happen); the interval is then
    #: only the fallback for a server without it.
    live_updates: bool = True
    tiles_url: str | None = DEFAULT_TILES_URL
    tiles_attribution: str = DEFAULT_TILES_ATTRIBUTION
    ca_bundle: str | None = None
    #: A lab's opt-in to a plain-HTTP server off this machine (--insecure-http), with a warning.
    insecure_http: bool = False
    language: str = "vi"
    #: How many reports the embedded demo city starts with.
    demo_count: int = 5000
    #: Whether the embedded demo runs its live simulator (citizens and units acting).
    demo_simulator: bool = True
    #: Where every export (weekly report, press briefing) is saved: the user's documents
    #: folder by default, then the folder last chosen in a save dialog.
    exports_dir: Path = field(default_factory=default_exports_dir)

    @property
    def cache_path(self) -> Path:
        return self.data_dir / "cache.sqlite3"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    def with_changes(self, **changes: Any) -> Settings:
        return replace(self, **changes)

    def save(self) -> None:
        """Persist the user-editable part (never paths given on the command line, never secrets)."""
        data = {
            key: str(value) if isinstance(value, Path) else value
            for key, value in asdict(self).items()
            if key in _PERSISTED and value is not None
        }
        _write_file(self.settings_file, data)


_PERSISTED = frozenset(
    {
        "server_url",
        "user",
        "sync_interval_s",
        "tiles_url",
        "tiles_attribution",
        "ca_bundle",
        "insecure_http",
        "language",
        "exports_dir",
    }
)


def _read_file(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise SettingsError(f"Không đọc được tệp cấu hình {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise SettingsError(f"Tệp cấu hình {path} không phải một đối tượng JSON.")
    known = {f.name for f in fields(Settings)}
    return {k: v for k, v in data.items() if k in _PERSISTED and k in known}


def _write_file(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)


def remember_exports_dir(settings: Settings, folder: Path) -> Settings:
    """Keep `folder` as the exports folder for the next start, touching no other stored
    setting (an environment override is not written back); the updated settings."""
    stored = _read_file(settings.settings_file)
    stored["exports_dir"] = str(folder)
    _write_file(settings.settings_file, stored)
    return settings.with_changes(exports_dir=folder)


def _int_env(name: str) -> int | None:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return None
    try:
        value = int(raw)
    except ValueError as exc:
        raise SettingsError(f"Biến môi trường {name}={raw!r} phải là số nguyên.") from exc
    return value


def load_settings(
    *,
    data_dir: str | Path | None = None,
    config_dir: str | Path | None = None,
    server: str | None = None,
    user: str | None = None,
    insecure_http: bool = False,
) -> Settings:
    env = os.environ
    resolved_data = Path(
        data_dir
        or env.get("PAHT_DATA_DIR")
        or platformdirs.user_data_dir(APP_NAME, appauthor=False)
    ).expanduser()
    resolved_config = Path(
        config_dir
        or env.get("PAHT_CONFIG_DIR")
        or (resolved_data / "config" if data_dir else None)
        or platformdirs.user_config_dir(APP_NAME, appauthor=False)
    ).expanduser()
    resolved_logs = (
        resolved_data / "logs"
        if data_dir or env.get("PAHT_DATA_DIR")
        else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    )
    stored = _read_file(resolved_config / "settings.json")
    values: dict[str, Any] = {**stored}
    for key, name in (
        ("server_url", "PAHT_SERVER"),
        ("user", "PAHT_USER"),
        ("tiles_url", "PAHT_TILES_URL"),
        ("ca_bundle", "PAHT_CA_BUNDLE"),
        ("language", "PAHT_LANGUAGE"),
        ("exports_dir", "PAHT_EXPORTS_DIR"),
    ):
        if env.get(name):
            values[key] = env[name]
    if "exports_dir" in values:
        values["exports_dir"] = Path(values["exports_dir"]).expanduser()
    interval = _int_env("PAHT_SYNC_INTERVAL")
    if interval is not None:
        values["sync_interval_s"] = interval
    if server:
        values["server_url"] = server
    if user:
        values["user"] = user
    if insecure_http:
        values["insecure_http"] = True
    settings = Settings(
        data_dir=resolved_data, config_dir=resolved_config, log_dir=resolved_logs, **values
    )
    validate(settings)
    return settings


def validate(settings: Settings) -> None:
    if settings.server_url is not None:
        try:
            check_server_url(settings.server_url, insecure_http=settings.insecure_http)
        except InsecureServer as exc:
            raise SettingsError(exc.message) from exc
    if not 5 <= settings.sync_interval_s <= 86_400:
        raise SettingsError("Chu kỳ đồng bộ phải từ 5 giây đến 1 ngày.")
    if settings.language not in {"vi", "en"}:
        raise SettingsError(f"Ngôn ngữ «{settings.language}» không được hỗ trợ (vi, en).")
    if settings.ca_bundle is not None:
        _check_readable_ca(settings.ca_bundle)


def _check_readable_ca(path: str) -> None:
    """The CA bundle must exist and be readable by this account (a service account often
    cannot read a folder of /etc made for root)."""
    try:
        with open(path, "rb") as bundle:
            bundle.read(1)
    except FileNotFoundError as exc:
        raise SettingsError(f"Không tìm thấy tệp chứng chỉ CA «{path}».") from exc
    except IsADirectoryError as exc:
        raise SettingsError(f"«{path}» là một thư mục, không phải tệp chứng chỉ CA.") from exc
    except OSError as exc:
        raise SettingsError(
            f"Không đọc được tệp chứng chỉ CA «{path}» ({exc.strerror or exc}); "
            "hãy cấp quyền đọc cho tài khoản chạy chương trình."
        ) from exc
