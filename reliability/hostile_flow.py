"""Hostile content end to end, without a window: filed through the API, synced, exported.

Every payload of reliability.hostile goes in as a report's title, description, address and
reporter name (plus one 100 KB description). The reports are accepted and assigned, so two
weeks later they are overdue and their titles appear in the weekly report. Checked: the
server stores and serves each field as sent, the console caches it char for char (nothing
quarantined, nothing lost), and the weekly DOCX and XLSX open and carry each title intact
(after the personal-data masking every export applies).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from docx import Document
from openpyxl import load_workbook

from console.domain.model import ActionType, utcnow
from console.domain.privacy import mask_personal
from console.exports.weekly import export_weekly
from console.store import open_cache, open_outbox
from console.sync import CentralClient, SyncEngine
from reliability.access import UNIT_CODE, Session
from reliability.crash_harness import CentralFixture
from reliability.hostile import HUGE_DESCRIPTION, text_payloads

TITLE_MAX = 2000


@dataclass
class HostileSummary:
    payloads: int = 0
    reports: int = 0
    fields_checked: int = 0
    export_titles_checked: int = 0
    violations: list[str] = field(default_factory=list)


def _file(admin: Session, payload: str, description: str) -> dict[str, Any]:
    answer = admin.http.post(
        f"{admin.base}/reports",
        json={
            "title": payload[:TITLE_MAX],
            "description": description,
            "category": "environment",
            "ward": "phu-xuan",
            "lat": 16.46,
            "lon": 107.59,
            "address": payload[:TITLE_MAX],
            "reporter": {"name": payload[:200], "phone": "0905123456", "email": None},
        },
        timeout=30,
    )
    if answer.status_code != 201:
        raise AssertionError(f"intake refused a payload: {answer.status_code} {answer.text[:200]}")
    report: dict[str, Any] = answer.json()
    for action, payload_in in ((ActionType.ACCEPT, {}), (ActionType.ASSIGN, {"unit": UNIT_CODE})):
        step = admin.act(report, action, payload_in)
        step.raise_for_status()
        report = step.json()
    return report


def _docx_text(path: Path) -> str:
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


def _xlsx_text(path: Path) -> str:
    book = load_workbook(path, read_only=True)
    return "\n".join(
        str(value) for sheet in book for row in sheet.iter_rows(values_only=True) for value in row
    )


def _compare(sent: dict[str, Any], cached: Any, summary: HostileSummary) -> None:
    pairs = {
        "title": (sent["title"], cached.title),
        "description": (sent["description"], cached.description),
        "address": (sent["address"], cached.address),
        "reporter": (sent["reporter"]["name"], cached.reporter.name if cached.reporter else None),
    }
    for name, (expected, got) in pairs.items():
        summary.fields_checked += 1
        if expected != got:
            summary.violations.append(f"report {sent['id']} {name} changed in the cache")


def run_hostile_roundtrip(work: Path) -> HostileSummary:
    central = CentralFixture(work, 20)
    summary = HostileSummary()
    try:
        admin = Session(central.base_url, "admin")
        payloads = list(text_payloads())
        summary.payloads = len(payloads) + 1
        sent = [_file(admin, p, p) for p in payloads]
        sent.append(_file(admin, "Mô tả rất dài", HUGE_DESCRIPTION))
        summary.reports = len(sent)
        for report in sent:
            served = admin.http.get(f"{admin.base}/reports/{report['id']}", timeout=30).json()
            if served["description"] != report["description"]:
                summary.violations.append(f"report {report['id']}: the server changed the text")

        data_dir = work / "workstation"
        client = CentralClient(central.base_url)
        client.login("operator", "demo")
        cache, outbox = open_cache(data_dir), open_outbox(data_dir)
        try:
            result = SyncEngine(client, cache, outbox).sync_once()
            if not result.online or result.error:
                summary.violations.append(f"sync failed: {result.error}")
            if cache.counts().quarantined:
                summary.violations.append(f"{cache.counts().quarantined} report(s) quarantined")
            for report in sent:
                cached = cache.get_report(report["id"])
                if cached is None:
                    summary.violations.append(f"report {report['id']} lost in the cache")
                    continue
                _compare(report, cached, summary)
            _check_export(cache, sent, work / "exports", summary)
        finally:
            client.close()
            cache.close()
            outbox.close()
    finally:
        central.close()
    return summary


def _check_export(
    cache: Any, sent: list[dict[str, Any]], out: Path, summary: HostileSummary
) -> None:
    later = utcnow() + timedelta(days=21)
    week = f"{later.isocalendar().year}-W{later.isocalendar().week:02d}"
    try:
        export = export_weekly(cache, week, out, actor="operator", now=later)
    except Exception as exc:
        summary.violations.append(f"the weekly export failed: {type(exc).__name__}: {exc}")
        return
    for path in (export.docx, export.xlsx):
        with zipfile.ZipFile(path) as archive:
            if archive.testzip() is not None:
                summary.violations.append(f"{path.name} is damaged")
    texts = {"docx": _docx_text(export.docx), "xlsx": _xlsx_text(export.xlsx)}
    for report in sent:
        expected = mask_personal(report["title"])
        for kind, text in texts.items():
            summary.export_titles_checked += 1
            if expected not in text:
                summary.violations.append(f"{kind}: title of report {report['id']} not intact")
