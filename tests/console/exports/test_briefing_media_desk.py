"""The media desk end to end: a real central API on 127.0.0.1, the media account's sync, and
a pack built from what that desk holds. Reporter contact never reaches the desk at all."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from console.central.seed import seed_demo
from console.central.server import CentralServer
from console.domain.calendar import to_local
from console.domain.model import utcnow
from console.exports.briefing import export_briefing
from console.store import open_cache, open_outbox
from console.sync import CentralClient, SyncEngine
from tests.console.exports.briefing_data import all_images, pdf_text, pptx_text


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    db_url = f"sqlite:///{tmp_path_factory.mktemp('media-central') / 'central.sqlite3'}"
    seed_demo(db_url, 400)
    server = CentralServer(db_url, demo=True, port=0)
    server.start()
    yield server
    server.close()


def _desk_raw_records(data_dir: Path) -> list[dict[str, object]]:
    import sqlite3

    with sqlite3.connect(data_dir / "cache.sqlite3") as conn:
        return [json.loads(raw) for (raw,) in conn.execute("SELECT data FROM reports")]


def test_media_desk_gets_no_contact_and_exports_a_clean_pack(
    central: CentralServer, tmp_path: Path
) -> None:
    operator_dir, media_dir = tmp_path / "operator", tmp_path / "media"
    for user, folder in (("operator", operator_dir), ("media", media_dir)):
        client = CentralClient(central.base_url, retries=0, timeout=(2, 20))
        client.login(user, "demo")
        cache, outbox = open_cache(folder), open_outbox(folder)
        SyncEngine(client, cache, outbox).pull()
        if user == "media":
            today = to_local(utcnow()).date()
            export = export_briefing(
                cache,
                date_from=today - timedelta(days=59),
                date_to=today,
                out_dir=tmp_path / "pack",
                actor="media",
                fetch_media=client.media,
                map_png=None,
            )
        cache.close()
        outbox.close()
        client.close()

    operator_records = _desk_raw_records(operator_dir)
    media_records = _desk_raw_records(media_dir)
    assert len(media_records) == len(operator_records) == 400
    assert sum(1 for r in operator_records if r.get("reporter")) > 300
    assert [r["id"] for r in media_records if "reporter" in r] == []

    names = {r["reporter"]["name"] for r in operator_records if r.get("reporter")}  # type: ignore[index]
    text = pdf_text(export.pdf) + pptx_text(export.pptx)
    assert [n for n in names if n in text] == []
    manifest = json.loads(export.manifest.read_text("utf-8"))
    photos = [p for c in manifest["cases"] for p in c["photos"]]
    assert manifest["cases"] and photos, "the pack has cases with photos from the server"
    assert all(b"Exif" not in data for _, data in all_images(export))
