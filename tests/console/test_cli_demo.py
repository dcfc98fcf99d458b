"""demo-data's progress lines: one per 100,000 reports and one at the end, on stderr."""

from __future__ import annotations

import pytest

from console.cli_demo import progress_printer


def test_progress_is_said_every_step_and_at_the_end(capsys: pytest.CaptureFixture[str]) -> None:
    progress = progress_printer(250_000)
    for done in range(5_000, 250_001, 5_000):
        progress(done)
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert captured.out == ""
    assert [line.split()[0] for line in lines] == [
        "100,000/250,000",
        "200,000/250,000",
        "250,000/250,000",
    ]
    assert "(100%)" in lines[-1] and "/giây" in lines[-1] and "còn khoảng 0 giây" in lines[-1]
