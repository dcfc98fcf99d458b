"""The API token is kept in the keyring, or in a private file where there is none."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import keyring.backend
import keyring.backends.fail

from console.credentials import TokenStorage, TokenStore


class MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


def test_keyring_keeps_the_token_and_no_file_is_written(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    store = TokenStore(tmp_path, backend=backend)
    assert store.secure
    assert store.save("https://paht.example.vn/", "an", "secret-token") is TokenStorage.KEYRING
    assert (
        TokenStore(tmp_path, backend=backend).load("https://paht.example.vn", "an")
        == "secret-token"
    )
    assert not list(tmp_path.iterdir())
    store.forget("https://paht.example.vn", "an")
    assert store.load("https://paht.example.vn", "an") is None


def test_without_keyring_a_private_file_is_used(tmp_path: Path) -> None:
    config = tmp_path / "config"
    store = TokenStore(config, backend=keyring.backends.fail.Keyring())
    assert not store.secure
    assert store.save("https://paht.example.vn", "an", "secret-token") is TokenStorage.FILE
    store.save("https://paht.example.vn", "binh", "other-token")

    if sys.platform != "win32":  # Windows has no mode bits: %LOCALAPPDATA%'s ACL is the user's
        assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    again = TokenStore(config, backend=keyring.backends.fail.Keyring())
    assert again.load("https://paht.example.vn", "an") == "secret-token"
    again.forget("https://paht.example.vn", "an")
    assert again.load("https://paht.example.vn", "an") is None
    assert again.load("https://paht.example.vn", "binh") == "other-token"
    assert "secret-token" not in store.path.read_text(encoding="utf-8")


def test_a_damaged_file_reads_as_empty(tmp_path: Path) -> None:
    store = TokenStore(tmp_path, backend=keyring.backends.fail.Keyring())
    store.path.write_text("{not json", encoding="utf-8")
    assert store.load("https://x", "an") is None
    store.save("https://x", "an", "t")
    assert store.load("https://x", "an") == "t"
