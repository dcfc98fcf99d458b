"""A Zalo OA access token lives 25 hours: a channel given its app's refresh token renews it by
itself against the local Zalo OAuth server, keeps the new pair (the refresh token is good
once), and a renewal Zalo refuses ends in the channel's own words, with nothing posted."""

from __future__ import annotations

import base64
import io
from collections.abc import Callable
from typing import Any

from PIL import Image

from console.central.server import CentralServer
from tests.channels.http_fakes import FakeZalo
from tests.console.central.conftest import Api, Clock
from tests.console.central.relay_helpers import Fakes, fakes, published, send, settle

__all__ = ["fakes"]
TEXT = "Phản ánh về rác trên đường Lê Lợi đã được xử lý xong."


def zalo_channel(api: Api, zalo: FakeZalo, **renewal: str) -> None:
    settings = {"base_url": zalo.url, "access_token": zalo.token, "group_id": "g-xanh", **renewal}
    body = {"id": "zalo-xanh", "kind": "zalo", "name": "Nhóm Zalo xanh", "settings": settings}
    answer = api.post("/relay/channels", body)
    assert answer.status_code == 201, answer.text


def renewal(zalo: FakeZalo, secret: str = FakeZalo.SECRET) -> dict[str, str]:
    return {
        "oauth_url": zalo.url,
        "app_id": FakeZalo.APP_ID,
        "secret_key": secret,
        "refresh_token": zalo.refresh_token,
    }


def photo() -> list[dict[str, Any]]:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (40, 160, 90)).save(buffer, "JPEG")
    jpeg = base64.b64encode(buffer.getvalue()).decode()
    return [{"jpeg_b64": jpeg, "reviewed": True, "caption": "Sau khi dọn"}]


def test_an_expired_token_is_renewed_once_and_the_new_pair_is_kept(
    server: CentralServer, clock: Clock, login: Callable[[str], Api], fakes: Fakes
) -> None:
    zalo_channel(login("admin"), fakes.zalo, **renewal(fakes.zalo))
    operator = login("operator")
    report = published(operator, login("citizen"), login("unit"))
    fakes.zalo.expire()

    send(operator, report["id"], ["zalo-xanh"], TEXT, photos=photo())
    (first,) = settle(operator, server, clock)

    assert first["state"] == "sent" and first["attempts"] == 1, first
    assert fakes.zalo.renewals == 1
    assert [entry["text"] for entry in fakes.zalo.log] == [TEXT, "Sau khi dọn"]
    assert fakes.zalo.log[1]["photo"]

    send(operator, report["id"], ["zalo-xanh"], TEXT)
    assert {m["state"] for m in settle(operator, server, clock)} == {"sent"}
    assert fakes.zalo.renewals == 1, "the stored new token was used, not renewed again"

    fakes.zalo.expire()
    send(operator, report["id"], ["zalo-xanh"], TEXT)
    assert {m["state"] for m in settle(operator, server, clock)} == {"sent"}
    assert fakes.zalo.renewals == 2, "the stored new refresh token was good for the next renewal"
    assert len(fakes.zalo.log) == 4


def relayed_after_expiry(
    server: CentralServer, clock: Clock, login: Callable[[str], Api], fakes: Fakes, **renew: str
) -> dict[str, Any]:
    """One message to a Zalo channel whose access token has just expired, once it settled."""
    zalo_channel(login("admin"), fakes.zalo, **renew)
    operator = login("operator")
    report = published(operator, login("citizen"), login("unit"))
    fakes.zalo.expire()
    send(operator, report["id"], ["zalo-xanh"], TEXT)
    (message,) = settle(operator, server, clock)
    result: dict[str, Any] = message
    return result


def test_a_renewal_zalo_refuses_fails_in_its_words_with_nothing_posted(
    server: CentralServer, clock: Clock, login: Callable[[str], Api], fakes: Fakes
) -> None:
    refused = renewal(fakes.zalo, secret="khong-dung")
    message = relayed_after_expiry(server, clock, login, fakes, **refused)

    assert message["state"] == "failed"
    assert message["last_error"] == (
        "Lỗi gửi qua Zalo OA «Nhóm Zalo xanh»: "
        "không gia hạn được mã truy cập Zalo: Invalid secret key"
    )
    assert fakes.zalo.log == [] and fakes.zalo.renewals == 0


def test_without_a_refresh_token_an_expired_token_is_shown_as_zalo_says(
    server: CentralServer, clock: Clock, login: Callable[[str], Api], fakes: Fakes
) -> None:
    message = relayed_after_expiry(server, clock, login, fakes)

    assert message["state"] == "failed"
    assert message["last_error"] == (
        "Lỗi gửi qua Zalo OA «Nhóm Zalo xanh»: lỗi -124: Access token has expired"
    )
    assert fakes.zalo.log == [] and fakes.zalo.renewals == 0
