"""Network faults between the console and the central API, injected by a proxy on 127.0.0.1.

The sync under each fault ends offline without raising, keeps every action and retries
exactly as the client documents; once the fault stops, one sync converges. The main window
under the same faults: tests/widgets/test_network_faults_window.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from console.sync import CentralClient
from reliability.crash_harness import CentralFixture
from reliability.network import CASES, FaultCase, fault_trial


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralFixture]:
    fixture = CentralFixture(tmp_path_factory.mktemp("faults-central"), 400)
    yield fixture
    fixture.close()


@pytest.fixture(scope="module")
def clients(central: CentralFixture) -> Iterator[tuple[str, CentralClient]]:
    token = CentralClient(central.base_url).login("operator", "demo").token
    supervisor = CentralClient(central.base_url)
    supervisor.login("supervisor", "demo")
    yield token, supervisor
    supervisor.close()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_sync_under_a_fault_keeps_everything_and_converges_after(
    central: CentralFixture,
    clients: tuple[str, CentralClient],
    tmp_path: Path,
    case: FaultCase,
) -> None:
    token, supervisor = clients
    outcome = fault_trial(central, token, supervisor, tmp_path / "ws", case)

    assert outcome.violations == []
    assert outcome.injected >= 1
    assert outcome.lost == outcome.applied_twice == 0
    assert outcome.converged
    if case.survivable:
        assert outcome.online_under_fault and outcome.error_under_fault is None
    else:
        assert not outcome.online_under_fault
        assert outcome.error_under_fault  # a Vietnamese reason for the status bar
        assert outcome.attempts == outcome.expected_attempts
    if case.retried:
        assert outcome.transient_recovered
