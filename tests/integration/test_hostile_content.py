"""Hostile content through the API, the sync and the exports (the window side is in
tests/widgets/test_hostile_widgets.py): HTML and script payloads, right-to-left and
zero-width characters, combining marks, NUL and U+FFFF, a 100 KB description."""

from __future__ import annotations

from pathlib import Path

from console.domain.privacy import mask_personal
from reliability.hostile import HUGE_DESCRIPTION, SCRIPT_PAYLOADS, UNICODE_PAYLOADS
from reliability.hostile_flow import run_hostile_roundtrip


def test_hostile_reports_are_stored_cached_and_exported_intact(tmp_path: Path) -> None:
    summary = run_hostile_roundtrip(tmp_path)

    assert summary.violations == []
    assert summary.payloads == len(SCRIPT_PAYLOADS) + len(UNICODE_PAYLOADS) + 1
    assert summary.fields_checked == 4 * summary.reports
    assert summary.export_titles_checked == 2 * summary.reports


def test_document_text_keeps_markup_as_text_and_drops_what_xml_cannot_hold() -> None:
    assert mask_personal("<script>alert(1)</script>") == "<script>alert(1)</script>"
    assert mask_personal("Cây đổ\x00 giữa\uffff đường\x16") == "Cây đổ giữa đường"
    assert mask_personal(HUGE_DESCRIPTION) == HUGE_DESCRIPTION
