"""What a sync run reports: the pull's and the push's counts, and the run's outcome; the
tally a pull keeps as it goes (the central's engine and the Open311 engine alike)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from console.domain.model import parse_time

Progress = Callable[[int, int | None], None]


@dataclass(frozen=True, slots=True)
class PullResult:
    """`new_ids`: reports the cache did not hold before (none on the first fill of an empty
    cache, where all are); `live`: the server holds the live channel (it answered the wait)."""

    received: int = 0
    stored: int = 0
    quarantined: int = 0
    pages: int = 0
    new_ids: tuple[int, ...] = ()
    live: bool = False
    last_change_at: datetime | None = None
    #: The central database was restored or replaced: the cache was filled again from it.
    rebuilt: bool = False


@dataclass(frozen=True, slots=True)
class PushResult:
    """`sent`: entries posted; `applied`: answered 200 (first time or replayed);
    `error`: why pushing stopped early (network or server failure), else None."""

    sent: int = 0
    applied: int = 0
    conflicts: int = 0
    refused: int = 0
    failed: int = 0
    error: str | None = None


@dataclass(frozen=True, slots=True)
class SyncResult:
    pull: PullResult
    push: PushResult
    online: bool
    error: str | None


@dataclass
class PullTally:
    """A pull's counts as it goes; `result()` once it ends (the Open311 engine counts alike)."""

    received: int = 0
    stored: int = 0
    quarantined: int = 0
    pages: int = 0
    new_ids: list[int] = field(default_factory=list)
    live: bool = False
    last_change_at: datetime | None = None
    rebuilt: bool = False

    def result(self) -> PullResult:
        return PullResult(
            self.received,
            self.stored,
            self.quarantined,
            self.pages,
            tuple(self.new_ids),
            self.live,
            self.last_change_at,
            self.rebuilt,
        )

    def saw(self, newest: str | None) -> None:
        """`newest`: the latest updated_at stamp of a stored page (stamps sort as text)."""
        changed = parse_time(newest)
        if changed is not None and (self.last_change_at is None or changed > self.last_change_at):
            self.last_change_at = changed
