"""How outbox_release1.sqlite3 was made: by the first release's own code (eb4476c), four
operator actions queued offline. Run from a copy of that release:

    mkdir /tmp/v1 && git archive eb4476c | tar -x -C /tmp/v1
    cd /tmp/v1 && PYTHONPATH=/tmp/v1 python <this file> OUT_DIR
    sqlite3 OUT_DIR/outbox.sqlite3 "PRAGMA journal_mode=DELETE"
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from console.domain.model import ActionType, Report, Role, Status, Urgency
from console.domain.sla import load_sla
from console.domain.workflow import Context, apply_action
from console.store.outbox import open_outbox

out = Path(sys.argv[1])
when = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)
ctx = Context(when, load_sla())


def report(n: int) -> Report:
    return Report(
        id=n,
        code=f"PA-2026-{n:06d}",
        title=f"Phản ánh {n}",
        description="",
        category="environment",
        urgency=Urgency.NORMAL,
        status=Status.NEW,
        ward="phu-xuan",
        lat=16.46,
        lon=107.59,
        address="",
        channel="app",
        created_at=when,
        updated_at=when,
        version=1,
    )


actions = [
    (1, ActionType.ACCEPT, {"category": "environment", "urgency": "urgent"}),
    (2, ActionType.REJECT, {"reason": "out_of_scope", "note": "Không thuộc phạm vi"}),
    (3, ActionType.NOTE, {"text": "Đã gọi lại cho người dân, hẹn kiểm tra"}),
    (4, ActionType.MERGE, {"duplicate_of": 1}),
]
outbox = open_outbox(out)
for report_id, action, payload in actions:
    preview, _ = apply_action(
        report(report_id), action, payload, actor="operator", role=Role.OPERATOR, ctx=ctx
    )
    outbox.enqueue(report_id, action, payload, 1, "operator", Role.OPERATOR, preview)
print([(e.report_id, e.action_type.value, e.state.value) for e in outbox.pending()])
outbox.close()
