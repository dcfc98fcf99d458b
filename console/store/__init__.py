"""The workstation's local store: the report cache and the durable outbox of actions.

The names below load on first use (PEP 562): the store runs on SQLAlchemy, whose import
takes about a quarter of a second, and the main window shows before the store opens.
Importing a light submodule (`console.store.records`, `queue_filter`...) stays light.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from console.store.actions import UnknownReport, submit_action
    from console.store.cache import Cache, open_cache
    from console.store.db import DamagedDatabase, StoreError
    from console.store.outbox import EntryState, Outbox, OutboxCounts, OutboxEntry, open_outbox
    from console.store.records import AuditRecord, CacheCounts, QuarantineEntry, QueueRow

_HOMES = {
    "UnknownReport": "actions",
    "submit_action": "actions",
    "Cache": "cache",
    "open_cache": "cache",
    "DamagedDatabase": "db",
    "StoreError": "db",
    "EntryState": "outbox",
    "Outbox": "outbox",
    "OutboxCounts": "outbox",
    "OutboxEntry": "outbox",
    "open_outbox": "outbox",
    "AuditRecord": "records",
    "CacheCounts": "records",
    "QuarantineEntry": "records",
    "QueueRow": "records",
}

__all__ = [
    "AuditRecord",
    "Cache",
    "CacheCounts",
    "DamagedDatabase",
    "EntryState",
    "Outbox",
    "OutboxCounts",
    "OutboxEntry",
    "QuarantineEntry",
    "QueueRow",
    "StoreError",
    "UnknownReport",
    "open_cache",
    "open_outbox",
    "submit_action",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
