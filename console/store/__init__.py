"""The workstation's local store: the report cache and the durable outbox of actions."""

from console.store.actions import UnknownReport, submit_action
from console.store.cache import Cache, open_cache
from console.store.db import DamagedDatabase, StoreError
from console.store.outbox import EntryState, Outbox, OutboxCounts, OutboxEntry, open_outbox
from console.store.records import AuditRecord, CacheCounts, QuarantineEntry, QueueRow

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
