"""Consoles woken together share one read of the changes feed, and only what they may see."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from console.central.server import CentralServer
from console.central.shared_pages import SharedPages
from tests.console.central.conftest import Api, answered_at, top_cursor, wait_until_parked


def test_requests_in_flight_under_one_key_share_one_read_and_its_failure() -> None:
    async def scenario() -> tuple[list[int], int, int, list[str]]:
        pages: SharedPages[int] = SharedPages()
        calls: list[str] = []
        release = asyncio.Event()

        async def read() -> int:
            calls.append("read")
            number = len(calls)
            await release.wait()
            return number

        same = [asyncio.ensure_future(pages.get("k", read)) for _ in range(5)]
        other = asyncio.ensure_future(pages.get("other", read))
        await asyncio.sleep(0)
        release.set()
        answers = [*await asyncio.gather(*same), await other]

        async def fails() -> int:
            raise ValueError("cursor_ahead")

        failures = await asyncio.gather(
            pages.get("bad", fails), pages.get("bad", fails), return_exceptions=True
        )
        return answers, pages.reads, pages.joined, [str(f) for f in failures]

    answers, reads, joined, failures = asyncio.run(scenario())
    assert answers == [1, 1, 1, 1, 1, 2]
    assert (reads, joined) == (3, 5)
    assert failures == ["cursor_ahead", "cursor_ahead"]


def test_a_read_that_began_before_a_ring_is_not_shared_after_it() -> None:
    async def scenario() -> list[str]:
        pages: SharedPages[str] = SharedPages()
        release = asyncio.Event()

        async def before() -> str:
            await release.wait()
            return "snapshot before the change"

        async def after() -> str:
            return "snapshot with the change"

        early = asyncio.ensure_future(pages.get(("ticket 1", "0"), before))
        await asyncio.sleep(0)
        late = await pages.get(("ticket 2", "0"), after)
        release.set()
        return [await early, late]

    assert asyncio.run(scenario()) == ["snapshot before the change", "snapshot with the change"]


def test_consoles_woken_together_see_only_what_their_role_may_see(
    server: CentralServer, login: Callable[[str], Api]
) -> None:
    """An operator and a media officer wait at one cursor: they share nothing, so the
    citizen's phone number reaches the operator and never the press desk."""
    operator, media, citizen = login("operator"), login("media"), login("citizen")
    cursor = top_cursor(operator)
    with ThreadPoolExecutor(4) as pool:
        waits = [
            pool.submit(api.get, "/changes", after=cursor, wait=20)
            for api in (operator, operator, media, media)
        ]
        wait_until_parked(server, 4)
        report = citizen.new_report(
            title="Rác thải ùn ứ chợ Đông Ba",
            reporter={"name": "Trần Thị Hoa", "phone": "0905123456"},
        )
        answers = [answered_at(w)[0].json()["items"] for w in waits]
    assert all([i["code"] for i in items] == [report["code"]] for items in answers)
    assert [items[0].get("reporter", {}).get("phone") for items in answers] == [
        "0905123456",
        "0905123456",
        None,
        None,
    ]
    assert all("reporter" not in items[0] for items in answers[2:])
