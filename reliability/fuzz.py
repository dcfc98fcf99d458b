"""Server robustness: Schemathesis against the reference API's own /openapi.json.

Every operation gets generated requests, valid (positive) and invalid (negative), sent over
real HTTP to a running server while signed in. Each answer is checked: no 5xx, a documented
status, the documented content type, and a body that matches the documented schema.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.core.result import Ok

from reliability.crash_harness import CentralFixture

#: Operations only a sending role may call (the admin is refused with 403): fuzzed as a
#: supervisor, so their bodies reach validation and the outbox.
SENDER_OPERATIONS = frozenset(
    {
        "POST /api/v1/relay/messages",
        "POST /api/v1/relay/messages/{message_id}/retry",
        "POST /api/v1/relay/preview",
    }
)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@dataclass
class OperationResult:
    label: str
    cases: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)


@dataclass
class FuzzSummary:
    operations: list[OperationResult] = field(default_factory=list)

    @property
    def cases(self) -> int:
        return sum(op.cases for op in self.operations)

    @property
    def server_errors(self) -> int:
        return sum(n for op in self.operations for s, n in op.statuses.items() if s >= 500)

    @property
    def failures(self) -> list[str]:
        return [f"{op.label}: {f}" for op in self.operations for f in op.failures]


def _failure_kind(exc: BaseException) -> str:
    """One line per kind of failure (the generated inputs vary, the kind does not)."""
    parts = exc.exceptions if isinstance(exc, BaseExceptionGroup) else (exc,)
    kinds = sorted(
        {f"{type(p).__name__}: {getattr(p, 'title', '') or str(p)[:120]}" for p in parts}
    )
    return "; ".join(kinds)


def fuzz_operation(
    operation: Any,
    base_url: str,
    session: requests.Session,
    headers: dict[str, str],
    max_examples: int,
    mode: GenerationMode,
    result: OperationResult,
    open311_key: str = "",
) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=max_examples,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def run(case: Any) -> None:
        if open311_key and isinstance(case.body, dict) and "api_key" in case.body:
            # A real partner key, or every generated report would stop at 403.
            case.body["api_key"] = open311_key
        response = case.call(base_url=base_url, session=session, headers=headers, timeout=30)
        result.cases += 1
        result.statuses[response.status_code] += 1
        try:
            case.validate_response(response, checks=CHECKS)
        except (Exception, BaseExceptionGroup) as exc:  # record every failed check, go on
            kind = _failure_kind(exc)
            if kind not in result.failures:
                result.failures.append(kind)
                result.examples.append(" ".join(str(exc).split())[:600])

    # No invalid input exists for an operation without parameters.
    with contextlib.suppress(Unsatisfiable):
        run()


def fuzz_api(
    base_url: str,
    token: str,
    *,
    max_examples: int,
    open311_key: str = "",
    sender_token: str = "",
) -> FuzzSummary:
    """Every operation as the holder of `token`; SENDER_OPERATIONS as `sender_token`'s."""
    schema = schemathesis.openapi.from_url(f"{base_url}/openapi.json")
    session = requests.Session()
    summary = FuzzSummary()
    try:
        for found in schema.get_all_operations():
            if not isinstance(found, Ok):
                summary.operations.append(
                    OperationResult("?", failures=[f"invalid operation: {found.err()}"])
                )
                continue
            operation = found.ok()
            result = OperationResult(f"{operation.method.upper()} {operation.path}")
            signer = sender_token if sender_token and result.label in SENDER_OPERATIONS else token
            headers = {"Authorization": f"Bearer {signer}"}
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                fuzz_operation(
                    operation, base_url, session, headers, max_examples, mode, result, open311_key
                )
            summary.operations.append(result)
    finally:
        session.close()
    return summary


def run_fuzz(work: Path, *, reports: int = 200, max_examples: int = 100) -> FuzzSummary:
    """A seeded demo server, signed in as the admin (who may call every other operation) and
    as a supervisor for the relay's sending operations."""
    central = CentralFixture(work, reports)

    def sign_in(user: str) -> str:
        login = requests.post(
            f"{central.base_url}/api/v1/auth/token",
            json={"user": user, "password": "demo"},
            timeout=10,
        )
        login.raise_for_status()
        return str(login.json()["token"])

    try:
        token = sign_in("admin")
        made = requests.post(
            f"{central.base_url}/api/v1/open311/keys",
            json={"app": "fuzz-partner"},
            headers={"Authorization": f"Bearer {token}"},
            timeout=10,
        )
        made.raise_for_status()
        return fuzz_api(
            central.base_url,
            token,
            max_examples=max_examples,
            open311_key=made.json()["api_key"],
            sender_token=sign_in("supervisor"),
        )
    finally:
        central.close()
