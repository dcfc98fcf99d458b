"""Passwords and tokens never travel in clear text by accident: a plain-HTTP server off this
machine is refused (settings, command line, client) unless a lab opts in with
--insecure-http, and then the connection carries the warning the status bar shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.cli import main
from console.config import SettingsError, load_settings
from console.connection import Connection, sign_in
from console.domain.model import Role
from console.sync import CentralClient
from console.sync.server_url import InsecureServer, check_server_url

LAB = "http://10.20.30.40:8750"


@pytest.mark.parametrize(
    "url",
    [
        "https://tuongtac.hue.gov.vn",
        "http://127.0.0.1:8750",
        "http://localhost:8750/",
        "http://[::1]:8750",
        "http://LOCALHOST",
    ],
)
def test_https_and_loopback_need_no_opt_in(url: str) -> None:
    assert check_server_url(url, insecure_http=False) is None
    assert CentralClient(url).insecure_warning is None


@pytest.mark.parametrize("url", [LAB, "http://ioc.hue.gov.vn", "http://127.0.0.1.example.com"])
def test_plain_http_off_this_machine_is_refused_in_vietnamese(url: str) -> None:
    with pytest.raises(InsecureServer) as refused:
        CentralClient(url)
    assert "không mã hoá" in refused.value.message
    assert "https://" in refused.value.message and "--insecure-http" in refused.value.message


def test_sign_in_refuses_before_sending_the_password() -> None:
    # Nothing listens at LAB: a refusal that tried the network would be a NetworkError.
    with pytest.raises(InsecureServer):
        sign_in(LAB, "lan", "mat-khau")


def test_an_opted_in_lab_connection_carries_its_warning() -> None:
    client = CentralClient(LAB, insecure_http=True)
    connection = Connection(LAB, client, "lan", Role.OPERATOR, "token")

    assert connection.insecure_warning is not None
    assert "10.20.30.40" in connection.insecure_warning
    assert "không mã hoá" in connection.insecure_warning
    client.close()


def test_settings_refuse_a_plain_http_server_unless_opted_in(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="không mã hoá"):
        load_settings(data_dir=tmp_path, server=LAB)
    with pytest.raises(SettingsError, match="https://"):
        load_settings(data_dir=tmp_path, server="ftp://ioc.hue.gov.vn")

    lab = load_settings(data_dir=tmp_path, server=LAB, insecure_http=True)
    assert lab.insecure_http
    lab.save()
    assert load_settings(data_dir=tmp_path).insecure_http


@pytest.mark.parametrize("where", ["before", "after"])
def test_the_command_line_refuses_plain_http_and_takes_the_opt_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    common = ["--server", LAB, "--data-dir", str(tmp_path)]

    assert main([*common, "status"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("Lỗi: ") and "--insecure-http" in error

    argv = (
        ["--insecure-http", *common, "status"]
        if where == "before"
        else [*common, "status", "--insecure-http"]
    )
    assert main(argv) == 0
    assert f"Thư mục dữ liệu: {tmp_path}" in capsys.readouterr().out
