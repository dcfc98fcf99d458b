"""Submitting an action: the domain checks it first, pending actions chain their versions."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from console.domain.model import ActionType, Role, Status
from console.domain.sla import load_sla
from console.domain.wire import report_from_json
from console.domain.workflow import Context, IllegalTransition, RoleNotAllowed
from console.store import UnknownReport, open_cache, open_outbox, submit_action
from tests.console.store.factories import report_json

NOW = datetime(2025, 10, 6, 2, 0, tzinfo=UTC)


@pytest.fixture
def stores(tmp_path: Path):  # type: ignore[no-untyped-def]
    cache = open_cache(tmp_path)
    cache.upsert_page([report_from_json(report_json(1, 4))], [], "1")
    return cache, open_outbox(tmp_path)


def test_chained_actions_expect_successive_versions(stores) -> None:  # type: ignore[no-untyped-def]
    cache, outbox = stores
    ctx = Context(NOW, load_sla())
    accept = submit_action(
        cache,
        outbox,
        1,
        ActionType.ACCEPT,
        {"urgency": "urgent"},
        actor="op",
        role=Role.OPERATOR,
        ctx=ctx,
    )
    assign = submit_action(
        cache,
        outbox,
        1,
        ActionType.ASSIGN,
        {"unit": "ubnd-phu-xuan"},
        actor="op",
        role=Role.OPERATOR,
        ctx=ctx,
    )

    assert (accept.expected_version, assign.expected_version) == (4, 5)
    preview = outbox.pending_previews()[1]
    assert preview.status is Status.ASSIGNED
    assert preview.unit == "ubnd-phu-xuan"
    assert preview.deadline is not None and preview.deadline > NOW
    cached = cache.get_report(1)
    assert cached is not None and cached.status is Status.NEW  # the cache holds the server's truth


def test_a_refused_action_is_never_queued(stores) -> None:  # type: ignore[no-untyped-def]
    cache, outbox = stores
    ctx = Context(NOW, load_sla())
    with pytest.raises(IllegalTransition):
        submit_action(
            cache, outbox, 1, ActionType.PUBLISH, {}, actor="op", role=Role.OPERATOR, ctx=ctx
        )
    with pytest.raises(RoleNotAllowed):
        submit_action(cache, outbox, 1, ActionType.ACCEPT, {}, actor="m", role=Role.MEDIA, ctx=ctx)
    with pytest.raises(UnknownReport):
        submit_action(
            cache, outbox, 2, ActionType.ACCEPT, {}, actor="op", role=Role.OPERATOR, ctx=ctx
        )
    assert outbox.all_entries() == []
