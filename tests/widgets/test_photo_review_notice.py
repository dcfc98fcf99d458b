"""The photo review page warns that plates need the officer's own rectangles: automatic plate
detection misses many (python -m benchmarks redaction), and nothing else would say so."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from widgets.briefing.photo_review import PhotoReviewPage

if TYPE_CHECKING:
    from widgets.briefing.wizard import BriefingWizard


def test_photo_review_page_tells_the_officer_to_check_plates_by_hand(qtbot: QtBot) -> None:
    page = PhotoReviewPage(cast("BriefingWizard", None))
    qtbot.addWidget(page)
    page.show()
    shown = [label.text() for label in page.findChildren(QLabel) if label.isVisible()]
    assert any("Licence plates" in text and "by hand" in text for text in shown), shown
