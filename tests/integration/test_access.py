"""Access: tokens kept in the keyring (a private file with a warning only without one), never
in logs or settings; TLS verified by default, a custom CA bundle honoured, no silent way off;
every action and every personal field checked by role on the server; repeated failed
sign-ins slowed down; logs scrubbed of tokens and phone numbers."""

from __future__ import annotations

import dataclasses
import io
import logging
import shutil
import ssl
import stat
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import keyring.backend
import pytest
import requests

from console.central.auth import DEMO_ACCOUNTS, FREE_FAILURES
from console.credentials import TokenStorage, TokenStore
from console.domain.model import Role
from console.logging_setup import install_log_scrubbing, scrub
from console.store import open_cache, open_outbox
from console.sync import CentralClient, NetworkError, SyncEngine
from reliability.access import Session, check_other_unit, check_role
from reliability.crash_harness import CentralFixture

ROLES = list(DEMO_ACCOUNTS.items())


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralFixture]:
    fixture = CentralFixture(tmp_path_factory.mktemp("access-central"), 30)
    yield fixture
    fixture.close()


@pytest.fixture(scope="module")
def admin(central: CentralFixture) -> Session:
    return Session(central.base_url, "admin")


# -- every action and every personal field, by role ----------------------------------------


@pytest.mark.parametrize(("user", "role"), ROLES, ids=[name for name, _ in ROLES])
def test_every_action_and_personal_field_is_checked_for_the_role(
    central: CentralFixture, admin: Session, user: str, role: Role
) -> None:
    summary = check_role(admin, Session(central.base_url, user), role, admin.file()["id"])

    assert summary.violations == []
    assert summary.checks == 16  # 15 actions and account creation
    assert summary.allowed_ok + summary.denied_ok == summary.checks
    assert summary.field_checks == 2


def test_a_unit_acts_only_on_its_own_reports(central: CentralFixture, admin: Session) -> None:
    from reliability.access import AccessSummary

    summary = AccessSummary()
    check_other_unit(admin, central.base_url, summary)
    assert summary.violations == [] and summary.denied_ok == 1


def test_repeated_failed_sign_ins_are_slowed_down(central: CentralFixture) -> None:
    url = f"{central.base_url}/api/v1/auth/token"
    answers = [
        requests.post(url, json={"user": "supervisor", "password": f"sai-{n}"}, timeout=10)
        for n in range(FREE_FAILURES + 1)
    ]
    assert [a.status_code for a in answers[:FREE_FAILURES]] == [401] * FREE_FAILURES
    braked = answers[FREE_FAILURES]
    assert braked.status_code == 429
    assert int(braked.headers["Retry-After"]) >= 1
    assert "thử lại sau" in braked.json()["message"]
    right = requests.post(url, json={"user": "supervisor", "password": "demo"}, timeout=10)
    assert right.status_code == 429  # even the right password waits: guessing gains nothing


# -- where tokens live -------------------------------------------------------------------------


class MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


def _files_holding(folder: Path, secret: str) -> list[str]:
    return [
        str(path.relative_to(folder))
        for path in folder.rglob("*")
        if path.is_file() and secret.encode() in path.read_bytes()
    ]


def test_a_token_goes_to_the_keyring_and_nowhere_else(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    store = TokenStore(tmp_path / "config", backend=backend)

    assert store.secure and store.save("https://ioc.hue.gov.vn", "lan", "tok-SECRET-1") is (
        TokenStorage.KEYRING
    )
    assert store.load("https://ioc.hue.gov.vn", "lan") == "tok-SECRET-1"
    assert _files_holding(tmp_path, "tok-SECRET-1") == []


def test_without_a_keyring_the_token_file_is_private_and_flagged(tmp_path: Path) -> None:
    store = TokenStore(tmp_path / "config", backend=keyring.backends.null.Keyring())

    assert not store.secure  # the window shows a warning in the status bar
    assert store.save("https://ioc.hue.gov.vn", "lan", "tok-SECRET-2") is TokenStorage.FILE
    mode = stat.S_IMODE(store.path.stat().st_mode)
    assert mode == 0o600
    assert _files_holding(tmp_path, "tok-SECRET-2") == ["config/tokens.json"]


def test_tokens_never_reach_logs_or_settings(
    central: CentralFixture, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from console.config import load_settings

    caplog.set_level(logging.DEBUG)
    client = CentralClient(central.base_url)
    token = client.login("operator", "demo").token
    cache, outbox = open_cache(tmp_path / "data"), open_outbox(tmp_path / "data")
    SyncEngine(client, cache, outbox).sync_once()
    cache.close()
    outbox.close()
    settings = load_settings(data_dir=str(tmp_path / "data"))

    assert token not in caplog.text  # login and a whole sync logged at DEBUG
    assert token not in repr(client)
    assert not {f.name for f in dataclasses.fields(settings)} & {"token", "password"}
    assert _files_holding(tmp_path, token) == []
    handler_text = io.StringIO()
    handler = logging.StreamHandler(handler_text)
    root = logging.getLogger()
    root.addHandler(handler)
    scrubber = install_log_scrubbing()
    try:
        logging.getLogger("console.sync").warning("retry with %s", client._session.headers)
    finally:
        root.removeHandler(handler)
        root.removeFilter(scrubber)
        for other in root.handlers:
            other.removeFilter(scrubber)
    assert token not in handler_text.getvalue()
    assert "'Authorization': '***'" in handler_text.getvalue()


def test_logs_are_scrubbed_of_tokens_and_phone_numbers() -> None:
    line = (
        "POST /auth/token {'user': 'lan', 'password': 'demo'} -> token=abc.DEF_1; "
        "Authorization: Bearer eyJhbGciOi.x-y_z; gọi 0905 123 456 hoặc +84 905123456, "
        "phản ánh số 12345, lúc 2026-01-05"
    )
    clean = scrub(line)
    for secret in ("demo", "abc.DEF_1", "eyJhbGciOi", "0905 123 456", "905123456"):
        assert secret not in clean
    assert "phản ánh số 12345" in clean and "2026-01-05" in clean

    stream = io.StringIO()
    logger = logging.getLogger("paht.scrub-test")
    handler = logging.StreamHandler(stream)
    logger.addHandler(handler)
    logger.propagate = False
    try:
        install_log_scrubbing(logger)
        install_log_scrubbing(logger)
        logger.error("người báo %s, mã %s", "0912345678", "Bearer tok123")
        try:
            raise RuntimeError("Authorization: Bearer tok456")
        except RuntimeError:
            logger.exception("failed")
    finally:
        logger.removeHandler(handler)
    text = stream.getvalue()
    assert "0912345678" not in text and "tok123" not in text and "tok456" not in text
    assert len(handler.filters) == 1


# -- TLS -----------------------------------------------------------------------------------


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """An HTTPS server on 127.0.0.1 with a self-signed certificate (a private CA)."""
    if shutil.which("openssl") is None:
        pytest.fail("openssl is needed to make a test certificate")
    cert, key = tmp_path / "ca.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
            "-keyout", str(key), "-out", str(cert),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = b'{"name": "lan", "role": "operator"}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{httpd.server_address[1]}", cert
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def test_tls_is_verified_by_default_and_a_custom_ca_bundle_is_honoured(
    tls_server: tuple[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, ca = tls_server
    with pytest.raises(NetworkError):
        CentralClient(url, retries=0).me()
    for name in ("CURL_CA_BUNDLE", "REQUESTS_CA_BUNDLE"):
        monkeypatch.setenv(name, "")  # an empty bundle variable must not switch checks off
    with pytest.raises(NetworkError):
        CentralClient(url, retries=0).me()

    assert CentralClient(url, ca_bundle=str(ca), retries=0).me()["name"] == "lan"
    # A machine-wide bundle (set on many workstations) must not override the Center's CA.
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", requests.certs.where())
    assert CentralClient(url, ca_bundle=str(ca), retries=0).me()["name"] == "lan"


def test_no_code_path_turns_tls_verification_off() -> None:
    root = Path(__file__).resolve().parents[2]
    offenders = [
        str(path.relative_to(root))
        for folder in ("console", "widgets")
        for path in (root / folder).rglob("*.py")
        if "verify=False" in path.read_text(encoding="utf-8").replace(" ", "")
        or "verify = False" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
