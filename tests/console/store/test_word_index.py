"""The word index answers typed text exactly as a scan of every search key would (no Qt)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from console.domain.model import Report
from console.domain.sla import load_sla
from console.domain.text import fold
from console.store import open_cache, open_outbox, queue_loading
from console.store.queue_clock import QueueClock
from console.store.queue_filter import QueueFilter
from console.store.queue_loading import load_everything, load_snapshot
from console.store.word_index import WordIndex
from tests.console.store.factories import new_report

NOW = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)
WORDS = ["den", "duong", "hong", "rac", "thai", "song", "huong", "ngap", "nuoc", "kiet", "vy", "da"]


def generated_keys(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    keys = []
    for n in range(count):
        words = [f"pa-2026-{n:06d}", *rng.sample(WORDS, rng.randint(0, 6))]
        if rng.random() < 0.1:
            words.append(rng.choice(["12/4", "phường,", "x" * rng.randint(1, 5)]))
        keys.append(" ".join(dict.fromkeys(words)))
    return keys


def test_every_token_finds_exactly_the_keys_holding_it() -> None:
    keys = [*generated_keys(3000, seed=7), ""]
    index = WordIndex(keys)
    tokens = ["d", "de", "den", "uong", "g", "pa-2026-0001", "0", "2026-002", "12/", "xxx"]
    tokens += ["ờ", "phường", "zzz", "a", "ng", "-", "9"]
    for token in tokens:
        held = index.holding(token)
        assert held.tolist() == [token in key for key in keys], token


def test_an_empty_index_finds_nothing() -> None:
    assert WordIndex([]).holding("a").tolist() == []


def report(report_id: int, title: str, **fields: Any) -> Report:
    """Report n filed n hours before NOW."""
    at = NOW - timedelta(hours=report_id)
    return new_report(NOW, report_id, title=title, created_at=at, updated_at=at, **fields)


@pytest.mark.parametrize(("changed_share", "scanned"), [(10, {2, 41}), (100, set())])
def test_the_queue_answers_from_words_and_sees_changed_and_new_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, changed_share: int, scanned: set[int]
) -> None:
    monkeypatch.setattr(queue_loading, "WORDS_FROM", 0)
    monkeypatch.setattr(queue_loading, "REPACK_SHARE", changed_share)
    clock = QueueClock(load_sla())
    titles = ["Đèn đường hỏng", "Rác thải ven sông Hương", "Đường ngập nước", "Đèn trang trí"]
    cache, outbox = open_cache(tmp_path), open_outbox(tmp_path)
    try:
        cache.upsert_reports([report(n, titles[n % 4]) for n in range(1, 41)])
        snapshot = load_everything(cache, outbox, [], None, clock, NOW)
        assert snapshot.index.words is not None
        since = cache.revision()
        cache.upsert_reports([report(2, "Cây đổ chắn kiệt"), report(41, "Đèn cây xăng")])
        merged = load_snapshot(cache, outbox, [], None, clock, NOW, snapshot.index, since)
        truth = {row.id: row.search_key for row in cache.load_queue_rows()}
        order = [row.id for row in merged.index.rows]

        def scanned_ids(text: str) -> list[int]:
            return [i for i in order if all(t in truth[i] for t in fold(text).split())]

        for text in ["den", "đường", "cay", "kiet", "pa-2026-00004", "song huong", "zzz", ""]:
            found = merged.index.search(QueueFilter(text=text), NOW, clock)
            assert [r.id for r in merged.index.take(found)] == scanned_ids(text), text
        first = merged.index.search(QueueFilter(text="d"), NOW, clock)
        narrower = merged.index.search(QueueFilter(text="den"), NOW, clock, within=first)
        assert [r.id for r in merged.index.take(narrower)] == scanned_ids("den")
    finally:
        cache.close()
        outbox.close()
