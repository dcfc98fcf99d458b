"""The living demo city: citizens keep reporting and units keep answering, on a fast clock.

`CitySimulator` talks to a central API over HTTP like any other client: it signs in as the
demo `citizen` and `unit` accounts, posts new reports, follows the changes feed, and has units
acknowledge, resolve, return or ask for more time on what the operators assigned, and citizens
rate published results. Time runs `speed` times faster than the wall clock. Network errors are
logged and retried later (actions keep their idempotency key); the thread never dies of them.
"""

from __future__ import annotations

import heapq
import logging
import random
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import requests

from console.central.demo import texts
from console.central.demo.city import City
from console.central.demo.generate import citizen_report
from console.domain.model import format_time, parse_time, utcnow
from console.domain.reference import load_reference

log = logging.getLogger(__name__)

HOUR = 3_600.0
TICK = 0.1
POLL_EVERY = 1.0
RETRY_AFTER = 3.0
REQUEST_TIMEOUT = 5.0
STOP_TIMEOUT = REQUEST_TIMEOUT + 2.0
FEED_PAGE = 500


@dataclass(order=True)
class _Plan:
    """One action someone in the city will take on a report at real time `due`."""

    due: float
    report_id: int = field(compare=False)
    status: str = field(compare=False)
    action: str = field(compare=False)
    payload: dict[str, Any] = field(compare=False)
    account: str = field(compare=False)
    #: The report as last seen, for the wording of a later result.
    report: dict[str, Any] = field(compare=False, default_factory=dict)
    key: str = field(compare=False, default_factory=lambda: uuid.uuid4().hex)


class CitySimulator(threading.Thread):
    """Citizens and units of the demo city, acting against the central API at `base_url`."""

    def __init__(
        self,
        base_url: str,
        *,
        speed: float = 60.0,
        seed: int | None = None,
        rate_per_hour: float = 4.0,
        from_start: bool = False,
    ) -> None:
        super().__init__(name="city-simulator", daemon=True)
        self.api = base_url.rstrip("/") + "/api/v1"
        self.speed = speed
        self.rate_per_hour = rate_per_hour
        self.rng = random.Random(seed)
        self.from_start = from_start
        self.http = requests.Session()
        self._stop_event = threading.Event()
        self._tokens: dict[str, str] = {}
        self._cursor: str | None = None
        self._versions: dict[int, int] = {}
        self._plans: dict[int, _Plan] = {}
        self._queue: list[_Plan] = []
        self._city: City | None = None
        self._next_report = 0.0
        self._next_poll = 0.0
        self._quiet_until = 0.0
        self.reports_sent = 0
        self.actions_done = 0
        self.errors = 0

    def stop(self) -> None:
        """Ask the thread to end and wait for it (at most one request timeout and a bit)."""
        self._stop_event.set()
        if self.is_alive():
            self.join(timeout=STOP_TIMEOUT)
        self.http.close()

    def run(self) -> None:
        self._next_report = time.monotonic() + self._report_gap()
        while not self._stop_event.wait(TICK):
            now = time.monotonic()
            if now < self._quiet_until:
                continue
            try:
                self._step(now)
            except requests.RequestException as exc:
                self.errors += 1
                self._quiet_until = time.monotonic() + RETRY_AFTER
                log.warning(
                    "Mô phỏng: không kết nối được máy chủ trung tâm (%s); thử lại sau.", exc
                )
            except Exception:
                self.errors += 1
                self._quiet_until = time.monotonic() + RETRY_AFTER
                log.exception("Mô phỏng: lỗi không mong đợi; thử lại sau.")

    def _step(self, now: float) -> None:
        if now >= self._next_poll:
            self._follow()
            self._next_poll = now + POLL_EVERY
        if now >= self._next_report:
            self._next_report = now + self._report_gap()
            self._send_report()
        while self._queue and self._queue[0].due <= now and not self._stop_event.is_set():
            plan = heapq.heappop(self._queue)
            if self._plans.get(plan.report_id) is plan:
                self._carry_out(plan)

    def _report_gap(self) -> float:
        """Real seconds until the next citizen's report (Poisson arrivals on the fast clock)."""
        return self.rng.expovariate(self.rate_per_hour * self.speed / HOUR)

    def _after(self, low_hours: float, high_hours: float) -> float:
        """A real moment `low..high` city hours from now."""
        return time.monotonic() + self.rng.uniform(low_hours, high_hours) * HOUR / self.speed

    def _headers(self, account: str) -> dict[str, str]:
        token = self._tokens.get(account)
        if token is None:
            answer = self.http.post(
                f"{self.api}/auth/token",
                json={"user": account, "password": "demo"},
                timeout=REQUEST_TIMEOUT,
            )
            if answer.status_code != 200:
                raise requests.RequestException(
                    f"đăng nhập {account} bị từ chối ({answer.status_code}): {answer.text[:200]}"
                )
            token = str(answer.json()["token"])
            self._tokens[account] = token
        return {"Authorization": f"Bearer {token}"}

    def _send(self, method: str, path: str, account: str, **kwargs: Any) -> requests.Response:
        answer = self.http.request(
            method,
            self.api + path,
            headers=self._headers(account),
            timeout=REQUEST_TIMEOUT,
            **kwargs,
        )
        if answer.status_code == 401:
            self._tokens.pop(account, None)
            raise requests.RequestException(f"phiên đăng nhập {account} hết hạn")
        return answer

    def _send_report(self) -> None:
        if self._city is None:
            self._city = City(load_reference(), utcnow())
        body = citizen_report(self.rng, self._city)
        answer = self._send("POST", "/reports", "citizen", json=body)
        if answer.status_code == 201:
            self.reports_sent += 1
        else:
            log.warning(
                "Mô phỏng: phản ánh mới bị từ chối (%s): %s", answer.status_code, answer.text[:200]
            )

    def _follow(self) -> None:
        """Read the changes feed to its end and plan what each report's actors do next."""
        if self._cursor is None and not self.from_start:
            health = self.http.get(f"{self.api}/health", timeout=REQUEST_TIMEOUT)
            self._cursor = str(health.json().get("cursor", "0")) if health.ok else "0"
        for _ in range(20):
            params = {"after": self._cursor or "0", "limit": FEED_PAGE}
            answer = self._send("GET", "/changes", "unit", params=params)
            answer.raise_for_status()
            page = answer.json()
            for item in page["items"]:
                self._observe(item)
            self._cursor = str(page["next"])
            if not page.get("more"):
                return

    def _observe(self, report: dict[str, Any]) -> None:
        report_id, status = int(report["id"]), str(report["status"])
        self._versions[report_id] = int(report["version"])
        planned = self._plans.get(report_id)
        if planned is not None and planned.status == status:
            return
        plan = self._plan(report, status)
        if plan is None:
            self._plans.pop(report_id, None)
            return
        plan.report = report
        self._plans[report_id] = plan
        heapq.heappush(self._queue, plan)

    def _plan(self, report: dict[str, Any], status: str) -> _Plan | None:
        rng = self.rng
        report_id = int(report["id"])
        if status in ("assigned", "reopened"):
            if status == "assigned" and rng.random() < 0.06:
                payload: dict[str, Any] = {"reason": rng.choice(texts.RETURN_REASONS)}
                return _Plan(self._after(0.5, 4), report_id, status, "return", payload, "unit")
            return _Plan(self._after(0.2, 3), report_id, status, "acknowledge", {}, "unit")
        if status == "in_progress":
            deadline = parse_time(report.get("deadline"))
            if deadline is not None and not report.get("extended") and rng.random() < 0.1:
                later = deadline + timedelta(days=rng.randint(3, 10))
                payload = {
                    "deadline": format_time(later),
                    "reason": rng.choice(texts.EXTENSION_REASONS),
                }
                return _Plan(
                    self._after(2, 24), report_id, status, "request_extension", payload, "unit"
                )
            payload = {"result_text": self._result(report), "photos": rng.randint(1, 2)}
            return _Plan(self._after(3, 48), report_id, status, "resolve", payload, "unit")
        if status == "published" and rng.random() < 0.6:
            payload = {"rating": rng.choices((1, 2, 3, 4, 5), (3, 4, 10, 33, 50))[0]}
            return _Plan(self._after(1, 24), report_id, status, "rate", payload, "citizen")
        return None

    def _result(self, report: dict[str, Any]) -> str:
        problems = texts.PROBLEMS.get(str(report.get("category")), texts.GENERIC)
        title = str(report.get("title", ""))
        problem = next(
            (p for p in problems if title.startswith(p.title.split("{")[0])), problems[0]
        )
        unit = str(report.get("unit") or "")
        name = self._city.unit_names.get(unit, unit) if self._city else unit
        return texts.RESULT_FORM.format(
            unit=name or "Đơn vị", result=self.rng.choice(problem.results)
        )

    def _replan_resolve(self, refused: _Plan) -> None:
        """A refused request for more time: the unit just gets on with the work."""
        report = {"id": refused.report_id, "status": refused.status}
        payload = {"result_text": self._result(report), "photos": self.rng.randint(1, 2)}
        plan = _Plan(
            self._after(3, 48), refused.report_id, refused.status, "resolve", payload, "unit"
        )
        self._plans[refused.report_id] = plan
        heapq.heappush(self._queue, plan)

    def _carry_out(self, plan: _Plan) -> None:
        body = {
            "type": plan.action,
            "payload": plan.payload,
            "expected_version": self._versions.get(plan.report_id, 1),
            "idempotency_key": plan.key,
        }
        try:
            answer = self._send(
                "POST", f"/reports/{plan.report_id}/actions", plan.account, json=body
            )
        except requests.RequestException:
            plan.due = time.monotonic() + RETRY_AFTER
            heapq.heappush(self._queue, plan)
            raise
        if answer.status_code == 200:
            self.actions_done += 1
            self._plans.pop(plan.report_id, None)
            self._observe(answer.json())
        elif answer.status_code == 409:
            current = answer.json().get("current")
            self._plans.pop(plan.report_id, None)
            if isinstance(current, dict):
                self._observe(current)
        else:
            self._plans.pop(plan.report_id, None)
            if plan.status == "in_progress" and plan.action != "resolve":
                self._replan_resolve(plan)
            log.info(
                "Mô phỏng: %s phản ánh %s bị từ chối (%s): %s",
                plan.action,
                plan.report_id,
                answer.status_code,
                answer.text[:200],
            )
