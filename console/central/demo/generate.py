"""Deterministic demo reports of Huế, in wire form with their history, at any scale.

`generate_reports(count, seed=, now=)` yields the same reports for the same arguments: ids
1..count in order of arrival, spread over the two years before `now`. Each dict is what
`Report.to_json` would give, plus "events" (Event.to_json dicts) that lead to its status.
"""

from __future__ import annotations

import random
import unicodedata
from collections import deque
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, NamedTuple

from console.central.demo import names, texts
from console.central.demo.city import DAY, MERGER, City, Picker, between, pick
from console.central.demo.deadlines import Deadlines
from console.central.demo.lifecycle import Story, iso
from console.domain.reference import Reference, load_reference
from console.domain.sla import SlaClock, load_sla

#: Reports kept back so a later duplicate can still raise its original's merged_count.
WINDOW = 500
DUPLICATE_WITHIN = 3 * DAY
REJECT_SHARE = 0.25
REJECT_REASONS = Picker(
    [
        ("out_of_scope", 30.0),
        ("insufficient_info", 25.0),
        ("duplicate", 20.0),
        ("complaint", 12.0),
        ("outside_city", 8.0),
        ("abusive", 5.0),
    ]
)
PLATE_CATEGORIES = frozenset({"roads", "urban-order", "security"})
PHOTO_COUNTS = {
    "app": (1, 3),
    "zalo": (1, 3),
    "facebook": (1, 2),
    "portal": (0, 2),
    "email": (0, 1),
}
URGENT_SHARE = {"trees": 0.25, "water": 0.2, "lighting": 0.15, "security": 0.15}
#: The backlog a shift inherits: so many recent reports rest in each waiting status, so that
#: every operator view has work at any hour (reports are rarely returned or extended, and a
#: demo city of a few thousand would otherwise often show those views empty).
HELD_PER_STATUS = 3
#: Reports waiting for the IOC's intake are held among those of the last 12 hours; those
#: waiting at a unit or for publication among the last 2 days.
INTAKE_BACKLOG = 0.5 * DAY
HANDLING_BACKLOG = 2 * DAY
HANDLING_HELD = ("returned", "extension_requested", "resolved")
_ASCII = str.maketrans({"đ": "d", "Đ": "D", " ": ""})


def _ascii(name: str) -> str:
    plain = unicodedata.normalize("NFD", name.translate(_ASCII))
    return "".join(ch for ch in plain if not unicodedata.combining(ch)).lower()


def _reporter(rng: random.Random, channel: str) -> dict[str, Any]:
    if rng.random() < 0.5:
        middle, given = pick(rng, names.MIDDLE_MALE), pick(rng, names.GIVEN_MALE)
    else:
        middle, given = pick(rng, names.MIDDLE_FEMALE), pick(rng, names.GIVEN_FEMALE)
    surname = pick(rng, names.SURNAMES)
    name = f"{surname} {middle} {given}"
    phone = None
    if channel == "hotline" or rng.random() < 0.85:
        phone = pick(rng, names.PHONE_PREFIXES) + f"{between(rng, 0, 9_999_999):07d}"
    email = None
    if channel == "email" or rng.random() < 0.25:
        email = f"{_ascii(given)}.{_ascii(surname)}{between(rng, 0, 99)}@{pick(rng, names.MAIL_DOMAINS)}"
    return {"name": name, "phone": phone, "email": email}


def _place(rng: random.Random, city: City, ward: str, created: float) -> tuple[str, str]:
    """(phrase for the text, postal address) somewhere in `ward`."""
    place = city.places[ward]
    province = "thành phố Huế" if created >= MERGER else "tỉnh Thừa Thiên Huế"
    if place.streets:
        index = between(rng, 0, len(place.streets) - 1)
        street = place.streets[index]
        step = between(rng, 1, max(1, len(place.streets) - 1))
        other = place.streets[(index + step) % len(place.streets)]
        number = between(rng, 1, 180)
        phrase = pick(rng, names.PLACE_FORMS).format(n=number, street=street, other=other)
        return phrase, f"{number} {street}, {place.name}, {province}"
    phrase = pick(rng, names.LOCAL_PLACES).format(ward=place.short, n=between(rng, 1, 12))
    return phrase, f"{phrase}, {place.name}, {province}"


def _description(rng: random.Random, problem: texts.Problem, phrase: str, category: str) -> str:
    parts = [
        pick(rng, texts.OPENERS),
        pick(rng, problem.details).format(place=phrase),
        pick(rng, texts.WHEN).format(morning=between(rng, 5, 10), evening=between(rng, 7, 10)),
    ]
    if category in PLATE_CATEGORIES and rng.random() < 0.2:
        series = pick(rng, names.PLATE_SERIES)
        plate = f"{series}-{between(rng, 100, 999)}.{between(rng, 10, 99)}"
        parts.append(texts.PLATE_LINE.format(plate=plate))
    if rng.random() < 0.04:
        phone = pick(rng, names.PHONE_PREFIXES) + f"{between(rng, 0, 9_999_999):07d}"
        parts.append(texts.PHONE_LINE.format(phone=phone))
    parts.append(pick(rng, texts.REQUESTS))
    return " ".join(p for p in parts if p)


def _media(
    rng: random.Random, report_id: int, channel: str, resolved: bool
) -> list[dict[str, Any]]:
    low, high = PHOTO_COUNTS.get(channel, (0, 0))
    media = [
        {
            "url": f"/api/v1/reports/{report_id}/media/{n}",
            "kind": "photo",
            "caption": pick(rng, texts.CAPTIONS),
        }
        for n in range(1, between(rng, low, high) + 1)
    ]
    if resolved:
        for _ in range(between(rng, 1, 2)):
            media.append(
                {
                    "url": f"/api/v1/reports/{report_id}/media/{len(media) + 1}",
                    "kind": "result_photo",
                    "caption": pick(rng, texts.RESULT_CAPTIONS),
                }
            )
    return media


class _Recent(NamedTuple):
    """A report still held back, with what a duplicate of it needs."""

    report: dict[str, Any]
    created: float
    problem: int
    phrase: str


class _Generator:
    def __init__(self, reference: Reference, sla: SlaClock, now: datetime, seed: int) -> None:
        self.city = City(reference, now)
        self.deadlines = Deadlines(sla)
        self.now = self.city.now
        self.rng = random.Random(seed)
        self.window: deque[_Recent] = deque()
        self.year_seq: dict[int, int] = {}
        self.to_hold = dict.fromkeys(("new", *HANDLING_HELD), HELD_PER_STATUS)

    def _original(self, created: float) -> _Recent | None:
        entry: _Recent
        for entry in reversed(self.window):
            if created - entry.created > DUPLICATE_WITHIN:
                return None
            available = entry.report["reject_reason"] is None
            if available and self.rng.random() < 0.3:
                return entry
        return None

    def _code(self, created: float) -> str:
        year = int(iso(created + 7 * 3600)[:4])
        seq = self.year_seq.get(year, 0) + 1
        self.year_seq[year] = seq
        return f"PA-{year}-{seq:06d}"

    def report(self, report_id: int, created: float, mood: int) -> dict[str, Any]:
        rng, city = self.rng, self.city
        reason = REJECT_REASONS.pick(rng) if rng.random() < REJECT_SHARE else None
        original = self._original(created) if reason == "duplicate" else None
        if reason == "duplicate" and original is None:
            reason = "insufficient_info"
        if original is not None:
            source, _, problem_index, phrase = original
            category = source["category"]
            ward = source["ward"]
            if created >= MERGER:
                ward = city.successor[ward]
            problems = texts.PROBLEMS.get(category, texts.GENERIC)
            lat = round(rng.gauss(source["lat"], 0.0004), 6)
            lon = round(rng.gauss(source["lon"], 0.0004), 6)
            address = source["address"]
        else:
            category = city.by_mood[mood].pick(rng)
            ward = city.ward_for(rng, created)
            problems = texts.PROBLEMS.get(category, texts.GENERIC)
            problem_index = between(rng, 0, len(problems) - 1)
            phrase, address = _place(rng, city, ward, created)
            lat, lon = city.position(rng, ward)
        problem = problems[problem_index]
        urgent = URGENT_SHARE.get(category, 0.04) * (2 if mood == 1 else 1)
        luck = rng.random()
        urgency = "urgent" if luck < urgent else "complex" if luck > 0.92 else "normal"
        channel = city.channels.pick(rng)
        created_iso = iso(created)
        r: dict[str, Any] = {
            "id": report_id,
            "code": self._code(created),
            "title": problem.title.format(place=phrase),
            "description": _description(rng, problem, phrase, category),
            "category": category,
            "urgency": urgency,
            "status": "new",
            "ward": ward,
            "lat": lat,
            "lon": lon,
            "address": address,
            "channel": channel,
            "created_at": created_iso,
            "updated_at": created_iso,
            "version": 1,
            "unit": None,
            "deadline": None,
            "escalation_level": 0,
            "escalated_at": None,
            "duplicate_of": None,
            "merged_count": 0,
            "media": [],
            "rating": None,
            "reject_reason": None,
            "result_text": None,
            "resolved_at": None,
            "extension_deadline": None,
            "extension_reason": None,
            "extended": False,
            "views": 0,
            "reporter": _reporter(rng, channel),
        }
        hold: frozenset[str] = frozenset()
        if created >= self.now - HANDLING_BACKLOG:
            hold = frozenset(s for s in HANDLING_HELD if self.to_hold[s])
        story = Story(r, rng, self.deadlines, self.now, created, city.unit_names, hold)
        if original is not None:
            story.merge(original.report["id"])
            if story.status == "rejected":
                original.report["merged_count"] += 1
        elif reason is not None:
            story.reject(reason)
        elif self.to_hold["new"] and urgency != "urgent" and created >= self.now - INTAKE_BACKLOG:
            self.to_hold["new"] -= 1
        else:
            unit = city.route(category, ward) or pick(rng, city.spare_units)
            mistaken = rng.random() < 0.06 or "returned" in hold
            wrong = city.wrong_unit(rng, unit) if mistaken else None
            story.handle(unit, wrong, problem.results)
        if story.status in hold:
            self.to_hold[story.status] -= 1
        story.finish()
        r["media"] = _media(rng, report_id, channel, r["result_text"] is not None)
        self.window.append(_Recent(r, created, problem_index, phrase))
        return r

    def run(self, count: int) -> Iterator[dict[str, Any]]:
        arrivals = self.city.arrival_times(count, self.rng)
        for report_id, (created, mood) in enumerate(arrivals, start=1):
            self.report(report_id, created, mood)
            if len(self.window) > WINDOW:
                yield self.window.popleft().report
        while self.window:
            yield self.window.popleft().report


def generate_reports(
    count: int, *, seed: int = 7, now: datetime, reference: Reference | None = None
) -> Iterator[dict[str, Any]]:
    """`count` demo reports with their events, the same for the same (count, seed, now)."""
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    generator = _Generator(reference or load_reference(), load_sla(), now, seed)
    return generator.run(count)


def citizen_report(rng: random.Random, city: City) -> dict[str, Any]:
    """A new report as a citizen's app would send it (POST /api/v1/reports), happening now."""
    category = city.by_mood[0].pick(rng)
    ward = city.successor[city.ward_for(rng, city.now)]
    problems = texts.PROBLEMS.get(category, texts.GENERIC)
    problem = pick(rng, problems)
    phrase, address = _place(rng, city, ward, city.now)
    lat, lon = city.position(rng, ward)
    channel = city.channels.pick(rng)
    low, high = PHOTO_COUNTS.get(channel, (0, 0))
    return {
        "title": problem.title.format(place=phrase),
        "description": _description(rng, problem, phrase, category),
        "category": category,
        "ward": ward,
        "lat": lat,
        "lon": lon,
        "address": address,
        "channel": channel,
        "urgency": "urgent" if rng.random() < URGENT_SHARE.get(category, 0.04) else "normal",
        "reporter": _reporter(rng, channel),
        "photos": between(rng, low, high),
    }
