"""Where a signed-in user's API token is kept between runs: the system keyring.

A token is a password for the API, so it never goes to a settings file or a log. A machine
with no keyring backend (headless servers, minimal desktops) gets a file only its user can
read (0600) in the config folder; `TokenStore.secure` is then False so the UI can warn.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from enum import StrEnum
from pathlib import Path
from typing import Any

import keyring
import keyring.backends.fail
import keyring.backends.null
from keyring.errors import KeyringError

log = logging.getLogger(__name__)

SERVICE = "paht-console"
TOKEN_FILE = "tokens.json"


class TokenStorage(StrEnum):
    KEYRING = "keyring"
    FILE = "file"


def keyring_usable(backend: Any | None = None) -> bool:
    """False for keyring's placeholder backends, which store nothing or refuse everything."""
    chosen = backend if backend is not None else keyring.get_keyring()
    if isinstance(chosen, keyring.backends.fail.Keyring | keyring.backends.null.Keyring):
        return False
    inner = getattr(chosen, "backends", None)
    return inner is None or len(inner) > 0


#: A password given to the program (CLI and window alike) instead of typed in.
PASSWORD_ENV = "PAHT_PASSWORD"


def known_password(user: str) -> str | None:
    """The password for `user` from PAHT_PASSWORD, else the keyring; None when neither has it
    (the caller asks the person)."""
    given = os.environ.get(PASSWORD_ENV)
    if given:
        return given
    with contextlib.suppress(Exception):  # no keyring backend, a locked one, no D-Bus...
        stored = keyring.get_password(SERVICE, user)
        if isinstance(stored, str) and stored:
            return stored
    return None


def _account(server_url: str, user: str) -> str:
    return f"{user}@{server_url.rstrip('/')}"


class TokenStore:
    """Saves, loads and forgets one token per (server, user)."""

    def __init__(self, config_dir: Path, *, backend: Any | None = None) -> None:
        self._path = config_dir / TOKEN_FILE
        self._backend = backend if backend is not None else keyring.get_keyring()
        self._secure = keyring_usable(self._backend)

    @property
    def secure(self) -> bool:
        return self._secure

    @property
    def storage(self) -> TokenStorage:
        return TokenStorage.KEYRING if self._secure else TokenStorage.FILE

    @property
    def path(self) -> Path:
        """The fallback file (used only when there is no keyring)."""
        return self._path

    def save(self, server_url: str, user: str, token: str) -> TokenStorage:
        account = _account(server_url, user)
        if self._secure:
            try:
                self._backend.set_password(SERVICE, account, token)
            except KeyringError as exc:
                log.warning("keyring refused the token (%s); using the private file", type(exc))
                self._secure = False
            else:
                return TokenStorage.KEYRING
        tokens = self._read_file()
        tokens[account] = token
        self._write_file(tokens)
        return TokenStorage.FILE

    def load(self, server_url: str, user: str) -> str | None:
        account = _account(server_url, user)
        if self._secure:
            try:
                value = self._backend.get_password(SERVICE, account)
            except KeyringError:
                value = None
            if isinstance(value, str):
                return value
        return self._read_file().get(account)

    def forget(self, server_url: str, user: str) -> None:
        account = _account(server_url, user)
        if self._secure:
            with contextlib.suppress(KeyringError):
                self._backend.delete_password(SERVICE, account)
        tokens = self._read_file()
        if tokens.pop(account, None) is not None:
            self._write_file(tokens)

    def _read_file(self) -> dict[str, str]:
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {str(k): v for k, v in data.items() if isinstance(v, str)}

    def _write_file(self, tokens: dict[str, str]) -> None:
        """Writes through a 0600 temporary file and renames it, so the token is never exposed."""
        self._path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temp = self._path.with_suffix(".tmp")
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(tokens, handle)
        os.chmod(temp, 0o600)
        os.replace(temp, self._path)
