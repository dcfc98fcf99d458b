"""The relay dialog's preview is the server's own wording: what a media officer is shown, from
a console that never holds the reporter's name, is word for word what each channel receives,
with the name the citizen wrote into the title hidden all the same. Over real HTTP, with the
console's own client (console.sync.relay_client) and local channel servers."""

from __future__ import annotations

from collections.abc import Callable

from console.central.server import CentralServer
from console.relay import draft_for
from console.sync.relay_client import RelayClient
from tests.console.central.conftest import Api, Clock
from tests.console.central.relay_helpers import PERSONAL, Fakes, configure, fakes, published, settle

__all__ = ["fakes"]
CHANNELS = ["telegram-ioc", "webhook-portal"]


def _console_of(api: Api, server: CentralServer) -> RelayClient:
    token = api.http.headers["Authorization"].removeprefix("Bearer ")
    return RelayClient(server.base_url, token=token)


def test_the_preview_shown_is_what_each_channel_receives(
    server: CentralServer, clock: Clock, login: Callable[[str], Api], fakes: Fakes
) -> None:
    configure(login("admin"), fakes)
    title = "Rác ùn ứ trước nhà Nguyễn Văn A, " + "kiệt 12 đường Lê Lợi, " * 12
    report = published(login("operator"), login("citizen"), login("unit"), title=title)
    media = login("media")
    client = _console_of(media, server)
    try:
        channels = [c for c in client.channels() if c.id in CHANNELS]
        wording = client.preview(report["id"], CHANNELS)
        draft = draft_for(report["id"], wording, channels)
        for body in draft.requests():
            client.send(body)
    finally:
        client.close()
    items = settle(media, server, clock)

    assert {m["state"] for m in items} == {"sent"}
    (telegram,) = fakes.telegram.log
    (hook,) = fakes.webhook.log
    assert telegram["text"] == draft.texts["telegram-ioc"]
    assert hook["text"] == draft.texts["webhook-portal"]
    assert draft.text.startswith(f"Phản ánh {report['code']}: Rác ùn ứ trước nhà ")
    assert "Đã thu gom rác" in draft.text
    assert not [p for p in PERSONAL if p in draft.text], draft.text
