"""paht-console accounts ... against a real central API: what the admin reads, what scripts
parse, and the Vietnamese line and exit code of each refusal."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from console.central.server import CentralServer
from console.cli import main
from tests.console.central.conftest import START, UNIT_CODE, Clock

PASSWORD = "mat-khau-du-dai"


@pytest.fixture
def central(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[CentralServer]:
    monkeypatch.setenv("PAHT_PASSWORD", "demo")
    with CentralServer(
        f"sqlite:///{tmp_path / 'central.sqlite3'}", demo=True, now=Clock(START)
    ) as server:
        yield server


def _run(
    central: CentralServer, capsys: pytest.CaptureFixture[str], *argv: str
) -> tuple[int, str, str]:
    code = main(["accounts", *argv, "--server", central.base_url, "--user", "admin"])
    out, err = capsys.readouterr()
    return code, out, err


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _signs_in(central: CentralServer, user: str, password: str) -> int:
    return requests.post(
        f"{central.base_url}/api/v1/auth/token",
        json={"user": user, "password": password},
        timeout=10,
    ).status_code


def test_add_then_list_a_units_staff_as_a_table(
    central: CentralServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, PASSWORD + "\n")
    code, out, _ = _run(
        central,
        capsys,
        "add",
        "hoa.tran",
        "--role",
        "unit",
        "--unit",
        UNIT_CODE,
        "--display-name",
        "Trần Thị Hoa",
        "--password-stdin",
    )
    assert code == 0
    assert out == f"Đã tạo tài khoản hoa.tran (Đơn vị xử lý, đơn vị {UNIT_CODE}).\n"
    assert _signs_in(central, "hoa.tran", PASSWORD) == 200

    code, out, _ = _run(central, capsys, "staff", UNIT_CODE)
    lines = out.splitlines()
    assert code == 0 and len(lines) == 3
    assert lines[0].startswith("Tài khoản  Vai trò") and lines[0].endswith("Tạo lúc")
    assert set(lines[1]) <= {"-", " "}
    assert lines[2].startswith("hoa.tran") and "Trần Thị Hoa" in lines[2]
    assert "hoạt động" in lines[2] and "05/01/2026 09:00" in lines[2]  # Huế time

    code, out, _ = _run(central, capsys, "list", "--json")
    names = [account["name"] for account in json.loads(out)]
    assert code == 0 and {"admin", "operator", "hoa.tran"} <= set(names)


def test_generated_password_is_printed_once_and_works(
    central: CentralServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(central, capsys, "add", "lan.nguyen", "--role", "operator", "--generate")
    assert code == 0
    first, second = out.splitlines()
    assert first == "Đã tạo tài khoản lan.nguyen (Điều hành viên)."
    password = second.rsplit(": ", 1)[1]
    assert second.startswith("Mật khẩu (chỉ hiện một lần") and len(password) >= 10
    assert _signs_in(central, "lan.nguyen", password) == 200

    code, out, _ = _run(central, capsys, "reset-password", "lan.nguyen", "--generate", "--json")
    fresh = json.loads(out)["password"]
    assert code == 0 and fresh != password
    assert _signs_in(central, "lan.nguyen", password) == 401
    assert _signs_in(central, "lan.nguyen", fresh) == 200


def test_deactivate_activate_and_list_the_inactive(
    central: CentralServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(central, capsys, "deactivate", "media")
    assert (code, out) == (
        0,
        "Đã vô hiệu hóa tài khoản media; các phiên đăng nhập đã kết thúc.\n",
    )
    assert _signs_in(central, "media", "demo") == 403
    code, out, _ = _run(central, capsys, "list", "--inactive")
    assert [line.split()[0] for line in out.splitlines()[2:]] == ["media"]
    assert "media" not in _run(central, capsys, "list")[1]

    code, out, _ = _run(central, capsys, "activate", "media", "--json")
    assert code == 0 and json.loads(out)["active"] is True
    assert _signs_in(central, "media", "demo") == 200


def test_set_role_moves_an_account_into_a_unit(
    central: CentralServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(central, capsys, "set-role", "media", "unit", "--unit", UNIT_CODE)
    assert (code, out) == (0, f"Đã đổi vai trò: media (Đơn vị xử lý, đơn vị {UNIT_CODE}).\n")
    code, out, _ = _run(central, capsys, "set-role", "media", "supervisor")
    assert (code, out) == (0, "Đã đổi vai trò: media (Giám sát viên).\n")


@pytest.mark.parametrize(
    ("argv", "line", "exit_code"),
    [
        (
            ("set-role", "media", "unit"),
            "Lỗi máy chủ trung tâm: Tài khoản đơn vị xử lý cần mã đơn vị (unit_code). (422)",
            3,
        ),
        (
            ("deactivate", "admin"),
            "Lỗi máy chủ trung tâm: Không thể tự vô hiệu hóa hoặc tự hạ quyền tài khoản "
            "quản trị đang dùng. (409)",
            3,
        ),
        (
            ("activate", "khong.co"),
            "Lỗi máy chủ trung tâm: Không tìm thấy tài khoản «khong.co». (404)",
            3,
        ),
        (
            ("staff", "khong-co"),
            "Lỗi máy chủ trung tâm: Không có đơn vị «khong-co» trong danh mục đơn vị. (422)",
            3,
        ),
        (
            ("add", "x.y", "--role", "operator"),
            "Lỗi: Cần mật khẩu mới: dùng --password-stdin, --generate hoặc chạy trong cửa sổ "
            "dòng lệnh.",
            2,
        ),
    ],
)
def test_each_refusal_is_one_vietnamese_line(
    central: CentralServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: tuple[str, ...],
    line: str,
    exit_code: int,
) -> None:
    _stdin(monkeypatch, "")
    code, out, err = _run(central, capsys, *argv)
    assert (code, out, err) == (exit_code, "", line + "\n")


def test_a_weak_password_from_stdin_is_refused(
    central: CentralServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, "ngan\n")
    code, _, err = _run(central, capsys, "reset-password", "operator", "--password-stdin")
    assert code == 3
    assert err == "Lỗi máy chủ trung tâm: Mật khẩu quá ngắn: cần ít nhất 10 ký tự. (422)\n"
    assert _signs_in(central, "operator", "demo") == 200


def test_prompted_passwords_must_match(
    central: CentralServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter([PASSWORD, PASSWORD + "x", PASSWORD, PASSWORD])
    monkeypatch.setattr("sys.stdin", _Terminal())
    monkeypatch.setattr("getpass.getpass", lambda _prompt: next(answers))
    code, _, err = _run(central, capsys, "add", "lan", "--role", "media")
    assert (code, err) == (2, "Lỗi: Hai lần nhập mật khẩu không khớp.\n")
    code, out, _ = _run(central, capsys, "add", "lan", "--role", "media")
    assert (code, out) == (0, "Đã tạo tài khoản lan (Truyền thông).\n")
    assert _signs_in(central, "lan", PASSWORD) == 200
