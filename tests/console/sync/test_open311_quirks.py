"""The Open311 adapter over real HTTP, fed the spec's own examples and what real servers do
with them (tests/fixtures/open311/): shapes, strings, dates, statuses, XML only, errors."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from console.domain.model import ActionType, Report, Role, Status
from console.domain.wire import report_from_json
from console.store import Cache, EntryState, Outbox, open_cache, open_outbox
from console.sync.open311.engine import READ_ONLY, Open311Engine
from console.sync.open311.mapping import FIRST_MAPPED_ID, to_wire
from tests.console.sync.scripted_server import Answer, ScriptedServer

FIXTURES = Path(__file__).parents[2] / "fixtures" / "open311"
V2 = "/open311/v2"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def answer(name: str, status: int = 200) -> Answer:
    kind = "text/xml" if name.endswith(".xml") else "application/json"
    if name.endswith(".html"):
        kind = "text/html"
    return Answer(status, fixture(name), {"Content-Type": f"{kind}; charset=utf-8"})


@dataclass
class Desk:
    folder: Path
    cache: Cache
    outbox: Outbox
    city: ScriptedServer

    def engine(self) -> Open311Engine:
        url = f"open311+{self.city.url}{V2}"
        return Open311Engine.for_server(url, self.cache, self.outbox)

    def sync(self) -> Open311Engine:
        engine = self.engine()
        result = engine.sync_once()
        assert result.error is None, result.error
        engine.client.close()
        return engine

    def reports(self) -> dict[str, Report]:
        return {r.code: r for r in self.cache.get_reports(self._ids()).values()}

    def _ids(self) -> list[int]:
        return [row.id for row in self.cache.load_queue_rows()]


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    city = ScriptedServer().start()
    cache = open_cache(tmp_path)
    outbox = open_outbox(tmp_path)
    yield Desk(tmp_path, cache, outbox, city)
    cache.close()
    outbox.close()
    city.stop()


def serve(desk: Desk, requests: str, services: str = "services.json") -> None:
    desk.city.on(f"{V2}/{services.split('.')[0]}.{services.split('.')[-1]}", answer(services))
    desk.city.on(f"{V2}/requests.{requests.split('.')[-1]}", answer(requests))


def test_the_specs_example_becomes_reports_and_categories(desk: Desk) -> None:
    serve(desk, "requests.json")
    desk.sync()
    reports = desk.reports()
    assert sorted(reports) == ["638344", "638349"]
    closed, opened = reports["638344"], reports["638349"]
    assert closed.id == 638344 and closed.status is Status.CLOSED
    assert opened.status is Status.ACCEPTED
    assert closed.category == "006" and closed.channel == "open311"
    assert closed.lat == pytest.approx(37.762221815)
    assert closed.lon == pytest.approx(-122.4651145)
    assert closed.created_at == datetime(2010, 4, 14, 14, 37, 38, tzinfo=UTC)
    assert closed.deadline == datetime(2010, 4, 15, 14, 37, 38, tzinfo=UTC)
    assert closed.result_text == "Duplicate request."
    assert closed.title == "Sidewalk and Curb Issues"
    # The spec's own example carries a trailing space in media_url.
    assert closed.media[0].url == "http://city.gov.s3.amazonaws.com/requests/media/638344.jpg"
    assert closed.reporter is None
    reference = desk.cache.reference_json()
    assert reference is not None
    assert [c["name"] for c in reference["categories"]] == [
        "Cans left out 24x7",
        "Construction plate shifted",
        "Sidewalk and Curb Issues",
    ]


def test_a_server_that_only_speaks_xml_is_asked_in_xml_and_remembered(desk: Desk) -> None:
    serve(desk, "requests.xml", "services.xml")  # every .json path answers 404
    desk.sync()
    assert sorted(desk.reports()) == ["638344", "638349"]
    assert desk.reports()["638344"].media[0].url.endswith("638344.jpg")
    json_asks = desk.city.hits(f"{V2}/services.json") + desk.city.hits(f"{V2}/requests.json")
    desk.sync()  # a new engine, as the next `sync --once` would be
    later = desk.city.hits(f"{V2}/services.json") + desk.city.hits(f"{V2}/requests.json")
    assert later == json_asks


def test_discovery_listing_only_xml_means_xml_from_the_first_call(desk: Desk) -> None:
    desk.city.on(f"{V2}/discovery.json", answer("discovery_xml_only.json"))
    serve(desk, "requests.xml", "services.xml")
    desk.sync()
    assert len(desk.reports()) == 2
    assert desk.city.hits(f"{V2}/services.json") == 0
    assert desk.city.hits(f"{V2}/requests.json") == 0


def test_an_xml_list_of_one_element_is_still_a_list(desk: Desk) -> None:
    serve(desk, "requests_one.xml", "services.xml")
    desk.sync()
    assert list(desk.reports()) == ["638344"]


@pytest.mark.parametrize(
    ("name", "count"),
    [
        ("requests_envelope.json", 2),
        ("requests_service_requests.json", 2),
        ("requests_converted_one.json", 1),
    ],
)
def test_wrapped_envelopes_are_opened(desk: Desk, name: str, count: int) -> None:
    desk.city.on(f"{V2}/services.json", answer("services.json"))
    desk.city.on(f"{V2}/requests.json", answer(name))
    desk.sync()
    assert len(desk.reports()) == count
    assert desk.cache.counts().quarantined == 0


def test_every_value_a_string(desk: Desk) -> None:
    serve(desk, "requests_strings.json")
    desk.sync()
    report = desk.reports()["638344"]
    assert report.id == 638344
    assert report.lat == pytest.approx(37.762221815)
    assert report.lon == pytest.approx(-122.4651145)
    assert report.media == ()


def test_string_ids_get_numbers_that_survive_a_rebuilt_cache(desk: Desk) -> None:
    serve(desk, "requests_string_ids.json")
    desk.sync()
    first = {code: r.id for code, r in desk.reports().items()}
    assert first["638349"] == 638349
    mapped = {first["SR-2010-638344"], first["5f1c2a9e-77b0-4c1e-9d1a-0b2c3d4e5f60"]}
    assert len(mapped) == 2 and min(mapped) >= FIRST_MAPPED_ID
    desk.cache.close()
    for path in desk.folder.glob("cache.sqlite3*"):
        path.unlink()
    desk.cache = open_cache(desk.folder)
    desk.sync()
    assert {code: r.id for code, r in desk.reports().items()} == first


def test_dates_statuses_missing_places_and_bad_records(desk: Desk) -> None:
    serve(desk, "requests_quirks.json")
    desk.sync()
    reports = desk.reports()
    statuses = {code: r.status for code, r in reports.items()}
    assert statuses == {
        "700001": Status.ACCEPTED,  # acknowledged
        "700002": Status.IN_PROGRESS,
        "700003": Status.ASSIGNED,
        "700004": Status.CLOSED,  # closed_duplicate
        "700005": Status.RESOLVED,  # Fixed
        "700006": Status.ACCEPTED,  # unknown
    }
    z, slashes, offsets = reports["700001"], reports["700002"], reports["700003"]
    assert z.created_at == datetime(2010, 4, 14, 14, 37, 38, tzinfo=UTC)
    assert z.title == "Cans left on the kerb since Monday."
    assert slashes.created_at == datetime(2010, 4, 14, 6, 37, 38, tzinfo=UTC)
    assert slashes.updated_at == datetime(2010, 4, 15, 6, 37, 38, tzinfo=UTC)
    assert (slashes.lat, slashes.lon) == (None, None)
    assert z.lat is None
    assert offsets.updated_at == datetime(2010, 4, 14, 23, 37, 38, tzinfo=UTC)
    assert reports["700005"].media[0].url == (
        "http://city.gov.s3.amazonaws.com/requests/media/700005.jpg"
    )
    reasons = sorted(entry.reason for entry in desk.cache.quarantined())
    assert reasons == ["open311: lat: not a number", "open311: service_request_id: missing"]


def test_an_html_error_page_is_a_clear_error_not_a_crash(desk: Desk) -> None:
    desk.city.on(f"{V2}/services.json", answer("services.json"))
    desk.city.on(f"{V2}/requests.json", answer("error_page.html", 500))
    engine = desk.engine()
    result = engine.sync_once()
    assert not result.online
    assert result.error is not None and "500" in result.error and "<" not in result.error
    desk.city.script[f"{V2}/requests.json"].clear()
    desk.city.on(f"{V2}/requests.json", answer("error_page.html", 200))
    result = engine.sync_once()
    assert result.error is not None and "HTML" in result.error
    assert desk.cache.counts().reports == 0


def test_a_georeport_error_list_is_shown_in_its_words(desk: Desk) -> None:
    desk.city.on(f"{V2}/services.json", answer("errors.json", 403))
    result = desk.engine().sync_once()
    assert result.error is not None and "Invalid api_key" in result.error


def test_an_xml_error_list_is_read_too(desk: Desk) -> None:
    desk.city.on(f"{V2}/services.xml", answer("errors.xml", 403))
    result = desk.engine().sync_once()  # .json is 404: asked again in XML
    assert result.error is not None and "Invalid api_key" in result.error


def test_an_empty_body_is_no_requests(desk: Desk) -> None:
    desk.city.on(f"{V2}/services.json", answer("services.json"))
    desk.city.on(f"{V2}/requests.json", Answer(200, b"", {"Content-Type": "application/json"}))
    result = desk.engine().sync_once()
    assert result.error is None and result.pull.received == 0


def test_every_queued_action_is_refused_and_kept(desk: Desk) -> None:
    serve(desk, "requests.json")
    desk.sync()
    report = desk.cache.get_report(638349)
    assert report is not None
    entry = desk.outbox.enqueue(
        638349, ActionType.NOTE, {"text": "x"}, report.version, "lan", Role.OPERATOR, report
    )
    result = desk.engine().sync_once()
    assert result.push.refused == 1 and result.error is None
    kept = desk.outbox.get(entry.id)
    assert kept is not None and kept.state is EntryState.REFUSED
    assert kept.last_error == READ_ONLY and READ_ONLY.startswith("Máy chủ Open311 chỉ cho đọc")
    assert desk.outbox.counts().refused == 1


def test_a_cache_that_followed_another_server_is_filled_again(desk: Desk) -> None:
    stale = report_from_json(
        to_wire({"service_request_id": 99, "requested_datetime": "2010-04-01T00:00:00Z"}, int)
    )
    desk.cache.upsert_page([stale], [], "41", database="paht-central-1")
    serve(desk, "requests.json")
    result = desk.engine().sync_once()
    assert result.pull.rebuilt
    assert sorted(desk.reports()) == ["638344", "638349"]
    assert desk.cache.database() is not None and desk.cache.database().startswith("open311:")


def test_one_request_is_read_again_by_the_servers_own_id(desk: Desk) -> None:
    serve(desk, "requests_string_ids.json")
    desk.sync()
    number = desk.reports()["SR-2010-638344"].id
    closed = {
        "service_request_id": "SR-2010-638344",
        "status": "closed",
        "service_code": "006",
        "requested_datetime": "2010-04-14T06:37:38-08:00",
        "updated_datetime": "2010-04-20T06:37:38-08:00",
    }
    desk.city.on(f"{V2}/requests/SR-2010-638344.json", Answer(200, [closed]))
    report = desk.engine().refresh_report(number)
    assert report is not None and report.id == number and report.status is Status.CLOSED
    desk.city.on(f"{V2}/requests/638349.json", Answer(200, [closed]))
    assert desk.engine().refresh_report(638349) is None  # another request's answer
    stored = desk.cache.get_report(638349)
    assert stored is not None and stored.status is Status.ACCEPTED
