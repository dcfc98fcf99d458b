"""A signed-in connection for one command of paht-console: the embedded demo when no server is
set, else the server with the password from PAHT_PASSWORD, the keyring or a prompt."""

from __future__ import annotations

import contextlib
import getpass
import sys
from collections.abc import Iterator

from console.config import Settings, SettingsError
from console.connection import DEMO_PASSWORD, Connection, sign_in, start_embedded


def command_password(user: str) -> str:
    from console.credentials import known_password

    known = known_password(user)
    if known:
        return known
    if not sys.stdin.isatty():
        raise SettingsError("Cần mật khẩu: đặt PAHT_PASSWORD hoặc chạy trong cửa sổ dòng lệnh.")
    return getpass.getpass(f"Mật khẩu cho {user}: ")


@contextlib.contextmanager
def connected(settings: Settings, *, demo_user: str = "operator") -> Iterator[Connection]:
    """A signed-in connection for the duration of a command (embedded demo when no server)."""
    if settings.server_url is None:
        embedded = start_embedded(settings, simulate=False)
        try:
            yield sign_in(embedded.base_url, settings.user or demo_user, DEMO_PASSWORD)
        finally:
            embedded.stop()
    else:
        user = settings.user
        if not user:
            raise SettingsError("Cần --user để đăng nhập máy chủ thật.")
        connection = sign_in(
            settings.server_url,
            user,
            command_password(user),
            ca_bundle=settings.ca_bundle,
            insecure_http=settings.insecure_http,
        )
        if connection.insecure_warning:
            print(connection.insecure_warning, file=sys.stderr)
        yield connection
