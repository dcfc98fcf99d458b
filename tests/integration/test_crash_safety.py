"""Crash safety: a syncing console killed with SIGKILL during push and pull, then restarted;
a damaged cache file moved aside and rebuilt by a resync with the outbox kept.

The full 50-trial run is `python -m reliability.crash --trials 50` (docs/RELIABILITY.md)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from console.sync import CentralClient
from reliability.corrupt_cache import VARIANTS, corruption_trial
from reliability.crash_harness import CentralFixture, run_crash_trials


def test_syncs_killed_at_random_points_lose_nothing_and_converge(tmp_path: Path) -> None:
    summary = run_crash_trials(tmp_path, 5, reports=600, page_size=25, seed=11)

    assert summary.violations == []
    assert [t.kind for t in summary.trials] == ["push", "pull", "push", "pull", "push"]
    assert summary.actions_queued > 0
    assert summary.actions_applied_once == summary.actions_queued
    assert summary.actions_lost == summary.actions_applied_twice == 0


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[CentralFixture, str]]:
    fixture = CentralFixture(tmp_path_factory.mktemp("corrupt-central"), 400)
    token = CentralClient(fixture.base_url).login("operator", "demo").token
    yield fixture, token
    fixture.close()


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_a_damaged_cache_is_rebuilt_by_a_resync_with_the_outbox_kept(
    central: tuple[CentralFixture, str], tmp_path: Path, variant: str
) -> None:
    fixture, token = central
    outcome = corruption_trial(fixture, token, tmp_path / "ws", variant)

    assert outcome.violations == []
    assert outcome.pending_kept == outcome.pending_before == 3
    assert outcome.converged and outcome.applied_once == 3
    if variant != "junk WAL file":  # SQLite ignores WAL frames whose checksums fail
        assert outcome.rebuilt
        assert list((tmp_path / "ws").glob("cache.sqlite3.broken-*"))
