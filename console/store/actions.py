"""An operator's action: checked by the domain first, then queued for the server."""

from __future__ import annotations

from typing import Any

from console.domain.model import ActionType, Role
from console.domain.workflow import Context, apply_action
from console.store.cache import Cache
from console.store.db import StoreError
from console.store.outbox import Outbox, OutboxEntry


class UnknownReport(StoreError):
    pass


def submit_action(
    cache: Cache,
    outbox: Outbox,
    report_id: int,
    action_type: ActionType,
    payload: dict[str, Any],
    *,
    actor: str,
    role: Role,
    ctx: Context,
) -> OutboxEntry:
    """Apply `action_type` to the report as it will be once its pending actions land, and queue
    it. A WorkflowError is raised before anything is queued. The expected version is the
    server's version plus the pending actions queued before this one on the same report."""
    server_report = cache.get_report(report_id)
    if server_report is None:
        raise UnknownReport(f"Phản ánh số {report_id} chưa có trong bộ nhớ đệm, cần đồng bộ lại.")
    current = outbox.pending_previews().get(report_id, server_report)
    preview, _event = apply_action(current, action_type, payload, actor=actor, role=role, ctx=ctx)
    expected = server_report.version + outbox.pending_count_for(report_id)
    return outbox.enqueue(report_id, action_type, payload, expected, actor, role, preview)
