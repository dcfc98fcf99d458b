"""A cache filled once per module with the weekly test data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from console.store import Cache, open_cache
from tests.console.exports.weekly_data import GENERATED, fill


@pytest.fixture(scope="module")
def filled_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("weekly-cache")
    cache = open_cache(folder)
    fill(cache, GENERATED)
    cache.close()
    return folder


@pytest.fixture
def cache(filled_dir: Path) -> Iterator[Cache]:
    opened = open_cache(filled_dir)
    yield opened
    opened.close()
