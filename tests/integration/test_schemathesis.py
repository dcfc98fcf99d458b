"""Server robustness: Schemathesis over every operation of the reference API's /openapi.json,
signed in, valid and invalid inputs: no 5xx, documented statuses and content types, bodies
that match the documented schemas. Bounded here; `python -m reliability.report` runs 100
examples per operation and mode."""

from __future__ import annotations

import os
from pathlib import Path

from reliability.fuzz import SENDER_OPERATIONS, run_fuzz

EXAMPLES = int(os.environ.get("RELIABILITY_FUZZ_EXAMPLES", "6"))


def test_every_operation_answers_without_5xx_and_as_documented(tmp_path: Path) -> None:
    summary = run_fuzz(tmp_path, reports=100, max_examples=EXAMPLES)

    labels = {op.label for op in summary.operations}
    assert {"POST /api/v1/reports/{report_id}/actions", "GET /api/v1/changes"} <= labels
    assert len(labels) >= 13
    assert all(op.cases >= 1 for op in summary.operations)
    assert summary.server_errors == 0
    assert summary.failures == []
    sending = [op for op in summary.operations if op.label in SENDER_OPERATIONS]
    assert len(sending) == len(SENDER_OPERATIONS)
    assert all(set(op.statuses) - {401, 403} for op in sending), "the relay's bodies were read"
