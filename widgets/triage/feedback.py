"""What the operator is told after an action is queued: the reports' PA codes and what happened.

Every action (triage and supervision alike) is queued through `BatchRunner`, which asks here
for one status-bar line: "Đã tiếp nhận và giao PA-2026-000123 cho UBND phường Vỹ Dạ".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from console.domain.model import ACTION_LABELS_VI, ActionType
from console.store import OutboxEntry
from widgets.triage.common import tr

#: Codes named in one message; the rest are counted.
NAMED = 3


def codes_text(codes: Sequence[str]) -> str:
    if len(codes) <= NAMED:
        return ", ".join(codes)
    return (
        tr("%1 and %2 more")
        .replace("%1", ", ".join(codes[:NAMED]))
        .replace("%2", str(len(codes) - NAMED))
    )


def _one_of(values: set[str], several: str) -> str:
    return next(iter(values)) if len(values) == 1 else several


def queued_text(
    entries: Sequence[OutboxEntry],
    refused: int,
    code_of: Callable[[int], str],
    unit_name: Callable[[str], str],
    *,
    accepted_first: bool = False,
) -> str:
    """One line for a batch of queued entries (one action type) and the refused count."""
    parts: list[str] = []
    if entries:
        action = entries[0].action_type
        codes = codes_text([e.preview.code if e.preview else code_of(e.report_id) for e in entries])
        previews = [e.preview for e in entries if e.preview is not None]
        if action is ActionType.ASSIGN:
            unit = _one_of({unit_name(p.unit) for p in previews if p.unit}, tr("several units"))
            template = (
                tr("Accepted %1 and assigned it to %2")
                if accepted_first
                else tr("Assigned %1 to %2")
            )
            parts.append(template.replace("%1", codes).replace("%2", unit))
        elif action is ActionType.MERGE:
            target = _one_of(
                {code_of(p.duplicate_of) for p in previews if p.duplicate_of is not None}, "?"
            )
            parts.append(tr("Merged %1 into %2").replace("%1", codes).replace("%2", target))
        elif action is ActionType.ESCALATE:
            level = _one_of({str(p.escalation_level) for p in previews}, "1-3")
            parts.append(tr("Escalated %1 (level %2)").replace("%1", codes).replace("%2", level))
        elif action is ActionType.DECIDE_EXTENSION:
            approved = bool(entries[0].payload.get("approve"))
            template = (
                tr("Approved the extension of %1") if approved else tr("Denied the extension of %1")
            )
            parts.append(template.replace("%1", codes))
        else:
            templates = {
                ActionType.ACCEPT: tr("Accepted %1"),
                ActionType.REJECT: tr("Rejected %1"),
                ActionType.NOTE: tr("Added a note to %1"),
                ActionType.PUBLISH: tr("Published the result of %1"),
                ActionType.REOPEN: tr("Sent %1 back to the unit to handle again"),
                ActionType.CLOSE: tr("Closed %1"),
            }
            template = templates.get(action, f"{ACTION_LABELS_VI[action]}: %1")
            parts.append(template.replace("%1", codes))
    if refused:
        parts.append(tr("%1 report(s) not queued").replace("%1", str(refused)))
    return "; ".join(parts)
