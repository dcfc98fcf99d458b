"""Qt's side of Huế time: the only way between an aware UTC datetime and a QDateTime, and the
date-time editor every dialog uses.

A QDateTime or QDateTimeEdit left in local time shows the workstation's zone (an extension
asked for 17:00 Huế time read 10:00 on a machine set to UTC); these carry Huế's zone instead.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtWidgets import QDateTimeEdit, QWidget

from console.domain.hue_time import VN_TZ, ZONE_NAME

DISPLAY_FORMAT = "HH:mm dd/MM/yyyy"


def _hue_zone() -> QTimeZone:
    named = QTimeZone(ZONE_NAME.encode())
    if named.isValid():
        return named
    offset = VN_TZ.utcoffset(None)
    assert offset is not None
    return QTimeZone(int(offset.total_seconds()))


HUE_ZONE = _hue_zone()


def to_qdatetime(moment: datetime) -> QDateTime:
    """`moment` (naive = UTC) as a QDateTime in Huế's zone, to the second."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), HUE_ZONE)


def from_qdatetime(value: QDateTime) -> datetime:
    """The aware UTC instant a QDateTime (of any zone) stands for."""
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), UTC)


def hue_datetime_edit(parent: QWidget | None = None) -> QDateTimeEdit:
    """A date-time editor that reads and writes Huế wall-clock time."""
    edit = QDateTimeEdit(parent)
    edit.setTimeZone(HUE_ZONE)
    edit.setDisplayFormat(DISPLAY_FORMAT)
    edit.setCalendarPopup(True)
    return edit
