"""What the video wall's account is sent: reports and their history with nothing personal.

The wall faces press cameras, so the server, not the wall, removes what identifies a person:
no reporter (as for every non-contact role); phones, e-mails, plates and the reporter's own
name masked in every free text (console.domain.privacy.hide_personal); and in the history a
role or unit label instead of the staff member who acted. Other roles' answers are built as
before, without this pass.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, select

from console.central.db import UserRow
from console.central.principal import Principal
from console.central.report_rows import report_json
from console.domain.model import CONTACT_ROLES, ROLE_LABELS_VI, Role
from console.domain.privacy import hide_personal
from console.domain.reference import Reference

#: A report's free texts, as the API names them.
REPORT_TEXTS = (
    "title",
    "description",
    "address",
    "result_text",
    "reject_reason",
    "extension_reason",
)
#: Free texts an action may record in its event's payload (console.domain.workflow).
PAYLOAD_TEXTS = frozenset(
    {"text", "note", "reply", "message", "reason", "deadline_reason", "result_text"}
)
ROLE_VALUES = frozenset(role.value for role in Role)


def audience(principal: Principal) -> str:
    """Which of the three shapes of a report `principal` is sent (a shared page's key)."""
    if principal.role is Role.WALL:
        return "wall"
    return "contact" if principal.role in CONTACT_ROLES else "plain"


def mask_report(data: dict[str, Any], names: Sequence[str | None]) -> dict[str, Any]:
    """`data` (a report's wire form, without reporter) with its free texts masked in place
    and each of `names` (its reporter's, the staff who acted on it) hidden."""
    for key in REPORT_TEXTS:
        if data.get(key):
            data[key] = hide_personal(data[key], names)
    for item in data.get("media") or ():
        if item.get("caption"):
            item["caption"] = hide_personal(item["caption"], names)
    return data


def actor_label(
    actor: str, role: str, unit_of: Mapping[str, str | None], reference: Reference
) -> str:
    """A unit's name for a unit's action (units may be shown), a role's label otherwise."""
    if role == Role.UNIT.value:
        code = unit_of.get(actor) or actor
        unit = reference.unit(code)
        if unit is not None:
            return unit.name
    return ROLE_LABELS_VI.get(Role(role), role) if role in ROLE_VALUES else "Trung tâm"


def mask_event(
    event: dict[str, Any],
    names: Sequence[str | None],
    unit_of: Mapping[str, str | None],
    reference: Reference,
) -> dict[str, Any]:
    """A history event (wire form) in place: a label for who acted, its texts masked."""
    event["actor"] = actor_label(event["actor"], event["role"], unit_of, reference)
    payload = event["payload"]
    for key in PAYLOAD_TEXTS.intersection(payload):
        if isinstance(payload[key], str):
            payload[key] = hide_personal(payload[key], names)
    return event


def wall_json(row: Any) -> dict[str, Any]:
    """A `reports` row as the wall is sent it in /changes."""
    return mask_report(report_json(row, with_reporter=False), (row.reporter_name,))


def mask_detail(
    conn: Connection, row: Any, body: dict[str, Any], reference: Reference
) -> dict[str, Any]:
    """A report with its history (GET /reports/{id}) as the wall is sent it: the names of the
    staff who acted on it are hidden in its texts too."""
    actors = {event["actor"] for event in body["history"]}
    accounts = conn.execute(
        select(UserRow.name, UserRow.unit_code, UserRow.display_name).where(
            UserRow.name.in_(actors)
        )
    ).all()
    unit_of = {account.name: account.unit_code for account in accounts}
    staff = [e["actor"] for e in body["history"] if e["role"] != Role.UNIT.value]
    names = (row.reporter_name, *staff, *(a.display_name for a in accounts))
    mask_report(body, names)
    for event in body["history"]:
        mask_event(event, names, unit_of, reference)
    return body
