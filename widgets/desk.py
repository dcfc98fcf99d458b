"""What a signed-in user works with at their desk, shared by the role controllers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from console.domain.model import Report, Role, utcnow
from console.domain.reference import Reference
from console.domain.sla import SlaClock

if TYPE_CHECKING:
    from console.store.cache import Cache
    from console.store.outbox import Outbox


@dataclass(frozen=True)
class Desk:
    """The local store, the signed-in user and the host's hooks a controller acts through.

    `sync_trigger` asks for a sync once actions are queued; `get_selected_ids` reads the
    host's selection; `now` may run ahead in tests.
    """

    cache: Cache
    outbox: Outbox
    sync_trigger: Callable[[], None]
    role: Role
    user: str
    reference: Reference
    sla: SlaClock
    get_selected_ids: Callable[[], list[int]]
    now: Callable[[], datetime] = field(default=utcnow)

    def reports(self, report_ids: Sequence[int]) -> list[Report]:
        """The reports as they will be once their pending actions land, in the given order."""
        if not report_ids:
            return []
        previews = self.outbox.pending_previews()
        cached = self.cache.get_reports(list(report_ids))
        found = [previews.get(i) or cached.get(i) for i in report_ids]
        return [r for r in found if r is not None]
