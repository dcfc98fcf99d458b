"""Desks for widget tests: a real central API seeded with a demo city, and workstations
(a signed-in user's cache, outbox, sync engine and controller) for triage and supervisors.
Registered as fixtures by tests/widgets/conftest.py."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest


def seeded_central(
    tmp_path_factory: pytest.TempPathFactory, folder: str, reports: int
) -> Iterator[Any]:
    """A reference central API on 127.0.0.1 over a demo city seeded with `reports` reports,
    in its own data folder; closed when the fixture ends."""
    from console.central.seed import seed_demo
    from console.central.server import CentralServer

    db_url = f"sqlite:///{tmp_path_factory.mktemp(folder) / 'central.sqlite3'}"
    seed_demo(db_url, reports)
    server = CentralServer(db_url, demo=True, port=0)
    server.start()
    yield server
    server.close()


def role_window(qtbot: Any, central: Any, settings: Any, user: str) -> Iterator[Any]:
    """A main window signed in as `user` over `central`, after its first sync, active."""
    from PySide6.QtWidgets import QApplication

    from console.connection import sign_in
    from widgets.main_window import MainWindow
    from widgets.opening import open_session

    session = open_session(settings, sign_in(central.base_url, user, "demo"))
    window = MainWindow(session, use_tray=False)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.sync.last_outcome is not None, timeout=60_000)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    yield window
    window.close()
    session.cache.close()


# -- triage fixtures (triage helper) ---------------------------------------------------------
# A real central API seeded with a few hundred demo reports, new reports filed through its
# intake (as the demo admin), and "desks": a signed-in operator's cache, outbox, sync engine
# and TriageController over a minimal host window whose selection the test sets.


@pytest.fixture
def triage_central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    yield from seeded_central(tmp_path_factory, "triage-central", 300)


class TriageApi:
    """A signed-in `requests` session on the central API (file reports, read them back)."""

    def __init__(self, base_url: str, user: str) -> None:
        import requests

        self.base = base_url + "/api/v1"
        self.http = requests.Session()
        answer = self.http.post(
            f"{self.base}/auth/token", json={"user": user, "password": "demo"}, timeout=10
        )
        answer.raise_for_status()
        self.http.headers["Authorization"] = f"Bearer {answer.json()['token']}"

    def report(self, report_id: int) -> dict[str, Any]:
        answer = self.http.get(f"{self.base}/reports/{report_id}", timeout=10)
        answer.raise_for_status()
        result: dict[str, Any] = answer.json()
        return result

    def file(self, **fields: Any) -> dict[str, Any]:
        body = {
            "title": "Rác thải tập kết không đúng nơi quy định",
            "description": "Rác tràn ra lòng đường nhiều ngày.",
            "category": "environment",
            "ward": "phu-xuan",
            "lat": 16.4637,
            "lon": 107.5909,
            "address": "Lê Lợi",
            "reporter": {"name": "Nguyễn Văn A", "phone": "0905123456", "email": None},
            **fields,
        }
        answer = self.http.post(f"{self.base}/reports", json=body, timeout=10)
        assert answer.status_code == 201, answer.text
        result: dict[str, Any] = answer.json()
        return result

    def act(self, report: dict[str, Any], action: str, payload: dict[str, Any]) -> dict[str, Any]:
        import uuid

        answer = self.http.post(
            f"{self.base}/reports/{report['id']}/actions",
            json={
                "type": action,
                "payload": payload,
                "expected_version": report["version"],
                "idempotency_key": uuid.uuid4().hex,
            },
            timeout=10,
        )
        assert answer.status_code == 200, answer.text
        result: dict[str, Any] = answer.json()
        return result


@pytest.fixture
def triage_api() -> Callable[[Any, str], TriageApi]:
    return lambda server, user="admin": TriageApi(server.base_url, user)


def _desk_of(station: Any, now: Callable[[], Any] | None = None) -> Any:
    """The controller's Desk over a test workstation: its store, user and selection; each
    sync it asks for is counted by the station."""
    from console.domain.model import utcnow
    from widgets.desk import Desk

    return Desk(
        station.cache,
        station.outbox,
        station._sync_requested,
        station.role,
        station.user,
        station.reference,
        station.sla,
        lambda: list(station.selected),
        now=now or utcnow,
    )


class TriageDesk:
    """One workstation: its own data folder, client, cache, outbox, engine and controller."""

    def __init__(self, server: Any, data_dir: Any, user: str) -> None:
        from PySide6.QtWidgets import QWidget

        from console.domain.model import Role
        from console.domain.reference import load_reference
        from console.domain.sla import load_sla
        from console.store import open_cache, open_outbox
        from console.sync.client import CentralClient
        from console.sync.engine import SyncEngine
        from widgets.triage import TriageController

        self.client = CentralClient(server.base_url, retries=0, timeout=(2, 10))
        info = self.client.login(user, "demo")
        self.user, self.role = info.user, Role(info.role)
        self.cache = open_cache(data_dir)
        self.outbox = open_outbox(data_dir)
        self.engine = SyncEngine(self.client, self.cache, self.outbox)
        self.engine.pull()
        self.reference = load_reference()
        self.sla = load_sla()
        self.selected: list[int] = []
        self.next_calls = 0
        self.sync_requests = 0
        self.host = QWidget()
        self.host.setWindowTitle(f"desk {user}")
        self.host.resize(900, 700)
        self.controller = TriageController(
            self.host,
            _desk_of(self),
            self._select_next,
            refresh_report=self.engine.refresh_report,
        )

    def _sync_requested(self) -> None:
        self.sync_requests += 1

    def _select_next(self) -> None:
        self.next_calls += 1

    def select(self, *report_ids: int) -> None:
        self.selected = list(report_ids)
        self.controller.refresh()

    def close(self) -> None:
        self.controller.shutdown()
        self.host.close()
        self.host.deleteLater()
        self.cache.close()
        self.outbox.close()
        self.client.close()


@pytest.fixture
def triage_desk(
    qtbot: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Callable[..., TriageDesk]]:
    """`triage_desk(server, user="operator")`: a desk, shown and active, closed at the end."""
    from PySide6.QtWidgets import QApplication

    desks: list[TriageDesk] = []

    def make(server: Any, user: str = "operator") -> TriageDesk:
        desk = TriageDesk(server, tmp_path_factory.mktemp(f"desk-{user}"), user)
        desks.append(desk)
        desk.host.show()
        qtbot.waitExposed(desk.host)
        desk.host.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is desk.host)
        return desk

    yield make
    for desk in desks:
        desk.close()


# -- supervisor fixtures (supervisor helper) -------------------------------------------------
# A real central API over a small demo city; "supervisor desks": a signed-in user's cache,
# outbox, sync engine and SupervisorController over a host window whose selection the test
# sets, and a real
# QueueView behind `open_in_queue`.


@pytest.fixture
def supervisor_central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    yield from seeded_central(tmp_path_factory, "supervisor-central", 40)


class SupervisorDesk:
    """One workstation with the supervisor's controller and a queue its board can open."""

    def __init__(self, server: Any, data_dir: Any, user: str) -> None:
        from PySide6.QtWidgets import QWidget

        from console.config import load_settings
        from console.connection import sign_in
        from console.domain.escalation import load_escalation
        from console.domain.model import utcnow
        from console.domain.reference import load_reference
        from console.domain.sla import load_sla
        from console.store import open_cache, open_outbox
        from console.sync.engine import SyncEngine
        from widgets.export_place import ExportPlace
        from widgets.queue_view import QueueView
        from widgets.supervisor import SupervisorController, show_in_queue

        self.connection = sign_in(server.base_url, user, "demo")
        self.user, self.role = self.connection.user, self.connection.role
        self.cache = open_cache(data_dir)
        self.outbox = open_outbox(data_dir)
        self.engine = SyncEngine(self.connection.client, self.cache, self.outbox)
        self.engine.pull()
        self.reference = load_reference()
        self.sla = load_sla()
        self.now = utcnow
        self.selected: list[int] = []
        self.opened: list[Any] = []
        self.sync_requests = 0
        self.host = QWidget()
        self.host.setWindowTitle(f"desk {user}")
        self.host.resize(900, 700)
        self.queue = QueueView(
            self.sla,
            self.reference,
            load_settings(),
            store=(self.cache, self.outbox),
            now=self.now,
        )
        self.queue.resize(1100, 600)

        def open_in_queue(target: Any) -> None:
            self.opened.append(target)
            show_in_queue(self.queue, target)

        self.controller = SupervisorController(
            self.host,
            _desk_of(self, self.now),
            load_escalation(),
            open_in_queue,
            # Writes straight into the folder: the save dialog has its own tests.
            exports=ExportPlace(data_dir / "exports", ask=False),
        )

    def _sync_requested(self) -> None:
        self.sync_requests += 1

    def select(self, *report_ids: int) -> None:
        self.selected = list(report_ids)
        self.controller.refresh()

    def close(self) -> None:
        self.controller.shutdown()
        self.queue.shutdown()
        self.queue.close()
        self.host.close()
        self.host.deleteLater()
        self.cache.close()
        self.outbox.close()
        self.connection.client.close()


@pytest.fixture
def supervisor_desk(
    qtbot: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Callable[..., SupervisorDesk]]:
    """`supervisor_desk(server, user="supervisor")`: shown, closed at the end."""
    desks: list[SupervisorDesk] = []

    def make(server: Any, user: str = "supervisor") -> SupervisorDesk:
        desk = SupervisorDesk(server, tmp_path_factory.mktemp(f"supervisor-{user}"), user)
        desks.append(desk)
        desk.host.show()
        qtbot.waitExposed(desk.host)
        return desk

    yield make
    for desk in desks:
        desk.close()


@pytest.fixture
def file_assigned(triage_api: Any) -> Callable[..., list[dict[str, Any]]]:
    """`file_assigned(server, count, category=, ward=)`: new reports, accepted and assigned
    (by the demo admin) to the unit the routing rules pick; their current JSON."""

    def make(server: Any, count: int, **fields: Any) -> list[dict[str, Any]]:
        from console.domain.reference import load_reference
        from console.domain.routing import suggest_unit

        admin = triage_api(server, "admin")
        reference = load_reference()
        filed = []
        for n in range(count):
            report = admin.file(title=f"Phản ánh cần xử lý số {n}", **fields)
            report = admin.act(report, "accept", {})
            unit = suggest_unit(reference, report["category"], report["ward"]).unit
            filed.append(admin.act(report, "assign", {"unit": unit}))
        return filed

    return make
