"""A demo report's life: the history the IOC, the unit and the citizen would have written.

The story is told forward in time from the report's creation and stops at `now`, so the
status a report ends in is simply where its story was when the clock ran out: old reports are
closed, recent ones still new, assigned or in progress. Every step is a legal transition of
console.domain.workflow; events are written in their wire form (Event.to_json) directly.
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from typing import Any

from console.central.demo import texts
from console.central.demo.city import DAY, between, pick
from console.central.demo.deadlines import Deadlines
from console.domain.model import Urgency

HOUR = 3_600.0
OPERATORS = tuple(f"dhv{n:02d}" for n in range(1, 15))
SUPERVISORS = ("gsv01", "gsv02", "gsv03")
RATINGS = (1, 2, 3, 4, 5)
RATING_WEIGHTS = (3, 4, 10, 33, 50)
RATING_WINDOW = 7 * DAY


def iso(moment: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(moment))


class Story:
    """Writes one report's events into its wire dict `r`, never past `now`."""

    __slots__ = ("city_units", "deadlines", "events", "hold", "now", "r", "rng", "status", "t")

    def __init__(
        self,
        r: dict[str, Any],
        rng: random.Random,
        deadlines: Deadlines,
        now: float,
        created: float,
        unit_names: dict[str, str],
        hold: frozenset[str] = frozenset(),
    ) -> None:
        self.r = r
        self.rng = rng
        self.deadlines = deadlines
        self.now = now
        self.t = created
        self.status = "new"
        self.events: list[dict[str, Any]] = []
        self.city_units = unit_names
        #: Statuses the story stops at, as if `now` came right after reaching them.
        self.hold = hold
        r["events"] = self.events

    def office(self, at: float) -> float:
        """`at` moved into office hours (07:30-17:00 Vietnam time), when people post."""
        local = (at + 7 * HOUR) % DAY
        if local < 7.5 * HOUR:
            return at + 7.5 * HOUR - local + self.rng.uniform(0, 2) * HOUR
        if local > 17 * HOUR:
            return at + DAY - local + 7.5 * HOUR + self.rng.uniform(0, 2) * HOUR
        return at

    def when(self, at: float) -> float:
        """`at` as the whole second an action there would be recorded at."""
        return float(int(max(at, self.t + 1)))

    def act(
        self,
        at: float,
        action: str,
        actor: str,
        role: str,
        target: str | None,
        payload: dict[str, Any],
        **changes: Any,
    ) -> bool:
        """Record one action at `at` (not before the last one); False once `now` is reached
        or the story rests in a held status."""
        at = self.when(at)
        if at > self.now or self.status in self.hold:
            return False
        to_status = target or self.status
        self.events.append(
            {
                "report_id": self.r["id"],
                "at": iso(at),
                "actor": actor,
                "role": role,
                "action": action,
                "from_status": self.status,
                "to_status": to_status,
                "payload": payload,
            }
        )
        self.status = to_status
        self.t = at
        self.r.update(changes)
        return True

    def finish(self) -> None:
        r = self.r
        r["status"] = self.status
        r["version"] = 1 + len(self.events)
        r["updated_at"] = self.events[-1]["at"] if self.events else r["created_at"]

    def _deadline(self, start: float) -> float:
        return self.deadlines(self.r["category"], Urgency(self.r["urgency"]), start)

    def _operator(self) -> str:
        return pick(self.rng, OPERATORS)

    def _supervisor(self) -> str:
        return pick(self.rng, SUPERVISORS)

    def intake_delay(self) -> float:
        rng = self.rng
        if self.r["urgency"] == "urgent":
            return rng.expovariate(1 / (0.25 * HOUR))
        local_hour = (self.t / HOUR + 7) % 24
        wait = (7.5 - local_hour) * HOUR if local_hour < 7.5 else 0.0
        if rng.random() < 0.04:
            wait += rng.uniform(1, 3) * DAY
        return wait + rng.expovariate(1 / (0.8 * HOUR))

    def reject(self, reason: str) -> None:
        rng = self.rng
        at = self.t + self.intake_delay()
        if rng.random() < 0.2:
            accepted = {"category": self.r["category"], "urgency": self.r["urgency"]}
            if not self.act(at, "accept", self._operator(), "operator", "accepted", accepted):
                return
            at = self.t + rng.uniform(0.2, 6) * HOUR
        note = pick(rng, texts.REJECT_NOTES[reason])
        payload = {"reason": reason, "note": note, "reply": texts.REJECT_REPLY.format(note=note)}
        self.act(
            at, "reject", self._operator(), "operator", "rejected", payload, reject_reason=reason
        )

    def merge(self, original: int) -> None:
        at = self.t + self.intake_delay()
        self.act(
            at,
            "merge",
            self._operator(),
            "operator",
            "rejected",
            {"duplicate_of": original},
            duplicate_of=original,
            reject_reason="duplicate",
        )

    def assign(self, unit: str, at: float) -> float | None:
        """Assign `unit` at `at`; returns the deadline, or None when the clock ran out."""
        deadline = self._deadline(self.when(at))
        payload = {
            "unit": unit,
            "deadline": iso(deadline),
            "deadline_reason": "",
            "message": "",
            "previous_unit": self.r["unit"],
        }
        ok = self.act(
            at,
            "assign",
            self._operator(),
            "operator",
            "assigned",
            payload,
            unit=unit,
            deadline=iso(deadline),
            escalation_level=0,
            escalated_at=None,
        )
        return deadline if ok else None

    def handle(self, unit: str, wrong_unit: str | None, results: Sequence[str]) -> None:
        """From accept to closure: the whole usual path, with its detours."""
        rng = self.rng
        r = self.r
        accepted = {"category": r["category"], "urgency": r["urgency"]}
        if not self.act(
            self.t + self.intake_delay(),
            "accept",
            self._operator(),
            "operator",
            "accepted",
            accepted,
        ):
            return
        first = wrong_unit or unit
        deadline = self.assign(first, self.t + rng.expovariate(1 / (0.4 * HOUR)))
        if deadline is None:
            return
        if wrong_unit is not None:
            reason = {"reason": pick(rng, texts.RETURN_REASONS), "unit": wrong_unit}
            at = self.office(self.t + rng.uniform(1, 30) * HOUR)
            if not self.act(
                at, "return", wrong_unit, "unit", "returned", reason, unit=None, deadline=None
            ):
                return
            deadline = self.assign(unit, self.t + rng.uniform(0.3, 8) * HOUR)
            if deadline is None:
                return
        if not self._work(unit, deadline, results, escalate=True):
            return
        while True:
            if not self.act(
                self.office(self.t + rng.uniform(1, 30) * HOUR),
                "publish",
                self._operator(),
                "operator",
                "published",
                {"reply": self.r.get("result_text") or ""},
            ):
                return
            if rng.random() < 0.04:
                at = self.t + rng.uniform(0.5, 5) * DAY
                reopened_deadline = self._deadline(self.when(at))
                reason = {"reason": pick(rng, texts.REOPEN_REASONS)}
                if not self.act(
                    at,
                    "reopen",
                    self._supervisor(),
                    "supervisor",
                    "reopened",
                    reason,
                    resolved_at=None,
                    deadline=iso(reopened_deadline),
                ):
                    return
                if not self._work(unit, reopened_deadline, results, escalate=False):
                    return
                continue
            break
        if rng.random() < 0.6:
            rating = rng.choices(RATINGS, RATING_WEIGHTS)[0]
            at = self.t + min(rng.expovariate(1 / (1.5 * DAY)), RATING_WINDOW - HOUR)
            self.act(at, "rate", "citizen", "citizen", "closed", {"rating": rating}, rating=rating)
        else:
            note = {"note": "Tự động đóng sau thời hạn đánh giá 7 ngày."}
            self.act(self.t + RATING_WINDOW, "close", "system", "citizen", "closed", note)
        if self.status == "closed":
            r["views"] = int(rng.paretovariate(1.5) * 20)

    def _work(self, unit: str, deadline: float, results: Sequence[str], *, escalate: bool) -> bool:
        """The unit acknowledges, maybe asks for time, is urged when late, and posts a result."""
        rng = self.rng
        window = max(deadline - self.t, HOUR)
        ack = self.office(self.t + min(rng.expovariate(1 / (0.08 * window)), 0.5 * window))
        if not self.act(ack, "acknowledge", unit, "unit", "in_progress", {}):
            return False
        if rng.random() < 0.08:
            text = {"text": pick(rng, texts.NOTES)}
            if not self.act(
                self.t + rng.uniform(0.1, 4) * HOUR,
                "note",
                self._operator(),
                "operator",
                None,
                text,
            ):
                return False
        if rng.random() < 0.13:
            asked = self.office(self.t + rng.uniform(0.2, 0.9) * max(deadline - self.t, HOUR))
            wanted = deadline + between(rng, 3, 12) * DAY
            request = {"deadline": iso(wanted), "reason": pick(rng, texts.EXTENSION_REASONS)}
            if not self.act(
                asked,
                "request_extension",
                unit,
                "unit",
                "extension_requested",
                request,
                extension_deadline=iso(wanted),
                extension_reason=request["reason"],
            ):
                return False
            at = self.t + rng.uniform(1, 30) * HOUR
            if rng.random() < 0.8:
                decided = {"approve": True, "deadline": iso(wanted)}
                changes = {"deadline": iso(wanted), "extended": True}
                deadline = wanted
            else:
                decided = {"approve": False, "reason": pick(rng, texts.DENY_REASONS)}
                changes = {}
            if not self.act(
                at,
                "decide_extension",
                self._supervisor(),
                "supervisor",
                "in_progress",
                decided,
                extension_deadline=None,
                extension_reason=None,
                **changes,
            ):
                return False
        span = max(deadline - self.t, HOUR)
        luck = rng.random()
        if luck < 0.76:
            done = self.t + rng.uniform(0.05, 0.97) * span
        elif luck < 0.96:
            done = deadline + rng.uniform(0.02, 1.5) * span
        else:
            done = deadline + rng.uniform(10, 120) * DAY
        done = self.office(done)
        if escalate and done > deadline:
            self._urge(deadline, done)
        done = self.when(done)
        result = texts.RESULT_FORM.format(
            unit=self.city_units.get(unit, unit), result=pick(rng, results)
        )
        return self.act(
            done,
            "resolve",
            unit,
            "unit",
            "resolved",
            {"result_text": result},
            result_text=result,
            resolved_at=iso(done),
        )

    def _urge(self, deadline: float, done: float) -> None:
        """Reminders to a late unit: level 1 after a day, then its head, then the city."""
        rng = self.rng
        at = deadline + rng.uniform(0.7, 2) * DAY
        for level in (1, 2, 3):
            if at >= done or rng.random() > (0.85, 0.6, 0.5)[level - 1]:
                return
            actor, role = (
                (self._operator(), "operator") if level == 1 else (self._supervisor(), "supervisor")
            )
            at = self.when(at)
            message = {"level": level, "message": texts.ESCALATION_MESSAGES[level]}
            if not self.act(
                at,
                "escalate",
                actor,
                role,
                None,
                message,
                escalation_level=level,
                escalated_at=iso(at),
            ):
                return
            at = self.t + rng.uniform(2.5, 6) * DAY
