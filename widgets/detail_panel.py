"""Everything about one report: fields, photos, where it is, and what happened to it.

A citizen's words are data: every text here is a plain-text QLabel, a read-only
QPlainTextEdit or an item-view cell, so "<img src=x onerror=...>" shows as typed. The
reporter's identity is filled in only for roles allowed to see it (CONTACT_ROLES).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from console.domain.hue_time import time_text
from console.domain.labels import label, label_of
from console.domain.model import (
    CONTACT_ROLES,
    Event,
    RejectReason,
    Report,
    Role,
    utcnow,
)
from console.domain.reference import Reference, load_reference
from console.domain.sla import SlaClock, Stage, load_sla
from console.store.queue_clock import DeadlineState, describe_time_left
from widgets.detail_history import HistoryTree
from widgets.detail_photos import FetchMedia, PhotoStrip
from widgets.i18n import current_language
from widgets.location_map import LocationMap, inside_city
from widgets.photo_viewer import PhotoViewer, Thumbnail
from widgets.plain_text import LINE_LIMIT, TEXT_LIMIT, for_display, plain_label

NEARBY_WARDS = 6


def _plain_box(parent: QWidget) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setReadOnly(True)
    box.setMaximumHeight(110)
    return box


def _when(moment: datetime | None) -> str:
    return time_text(moment)


class DetailPanel(QWidget):
    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        fetch_media: FetchMedia | None = None,
        reference: Reference | None = None,
        sla: SlaClock | None = None,
        now: Callable[[], datetime] = utcnow,
    ) -> None:
        super().__init__(parent)
        self.reference = reference or load_reference()
        self.sla = sla or load_sla()
        self._now = now
        self.report: Report | None = None
        #: PA codes of the reports `report` links to (merged into), by id.
        self.codes: dict[int, str] = {}
        self._history: Sequence[Event] = ()
        self._role = Role.MEDIA

        body = QWidget(self)
        self.heading = plain_label(body)
        heading_font = self.heading.font()
        heading_font.setPointSizeF(heading_font.pointSizeF() + 2)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.heading.setObjectName("detailHeading")
        self.empty = plain_label(body)

        self.fields: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key in self._captions():
            field = plain_label(body)
            field.setObjectName(f"detail_{key}")
            self.fields[key] = field
            self.captions[key] = plain_label(body)
            self.form.addRow(self.captions[key], field)

        self.description = _plain_box(body)
        self.description.setObjectName("detailDescription")
        self.result = _plain_box(body)
        self.result.setObjectName("detailResult")
        self.result_box = self._group(body, self.result)

        self.photos = PhotoStrip(body, fetch_media)
        self.photos_box = self._group(body, self.photos)

        self.location = LocationMap(body)
        self.location_note = plain_label(body)
        location = QWidget(body)
        location_layout = QVBoxLayout(location)
        location_layout.setContentsMargins(0, 0, 0, 0)
        location_layout.addWidget(self.location)
        location_layout.addWidget(self.location_note)

        self.history = HistoryTree(body, self.reference, self._code)

        self.sections = QWidget(body)
        sections = QVBoxLayout(self.sections)
        sections.setContentsMargins(0, 0, 0, 0)
        sections.addLayout(self.form)
        self.description_box = self._group(body, self.description)
        self.location_box = self._group(body, location)
        self.history_box = self._group(body, self.history)
        for box in (
            self.description_box,
            self.result_box,
            self.photos_box,
            self.location_box,
            self.history_box,
        ):
            sections.addWidget(box)

        layout = QVBoxLayout(body)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty)
        layout.addWidget(self.sections)
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._retranslate()
        self.show_report(None, [], Role.MEDIA)

    def _captions(self) -> dict[str, str]:
        return {
            "status": self.tr("Status"),
            "category": self.tr("Category"),
            "urgency": self.tr("Urgency"),
            "ward": self.tr("Ward/commune"),
            "address": self.tr("Address"),
            "channel": self.tr("Channel"),
            "created": self.tr("Received"),
            "updated": self.tr("Updated"),
            "unit": self.tr("Handling unit"),
            "deadline": self.tr("Deadline"),
            "escalation": self.tr("Escalation"),
            "extension": self.tr("Extension"),
            "duplicates": self.tr("Duplicates"),
            "rejected": self.tr("Not accepted because"),
            "rating": self.tr("Citizen's rating"),
            "reporter": self.tr("Reporter"),
        }

    def _retranslate(self) -> None:
        self.empty.setText(self.tr("Select a report in the queue."))
        for key, caption in self._captions().items():
            self.captions[key].setText(caption)
        self.description_box.setTitle(self.tr("Description"))
        self.result_box.setTitle(self.tr("Result posted by the unit"))
        self.photos_box.setTitle(self.tr("Photos"))
        self.location_box.setTitle(self.tr("Location"))
        self.history_box.setTitle(self.tr("History"))
        self.history.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        """A new language: captions, and the report shown again with its labels in it."""
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.show_report(self.report, self._history, self._role)
        super().changeEvent(event)

    @staticmethod
    def _group(parent: QWidget, content: QWidget) -> QGroupBox:
        box = QGroupBox(parent)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(content)
        return box

    # -- showing ---------------------------------------------------------------------------

    def show_report(self, report: Report | None, history: Sequence[Event], role: Role) -> None:
        """Show `report` (None: nothing selected) as `role` may see it."""
        self.report = report
        self._history, self._role = history, role
        self.empty.setVisible(report is None)
        self.sections.setVisible(report is not None)
        if report is None:
            self.heading.setText("")
            self.photos.show_media(None)
            return
        self.heading.setText(for_display(f"{report.code} · {report.title}", LINE_LIMIT))
        ref, language = self.reference, current_language()
        values = {
            "status": label(report.status, language),
            "category": ref.category_name(report.category, language),
            "urgency": label(report.urgency, language),
            "ward": ref.ward_name(report.ward, language) if report.ward else "",
            "address": report.address,
            "channel": ref.channel_name(report.channel, language),
            "created": _when(report.created_at),
            "updated": f"{_when(report.updated_at)} · v{report.version}",
            "unit": ref.unit_name(report.unit, language) if report.unit else "",
            "deadline": self._deadline_text(report),
            "escalation": self._escalation_text(report),
            "extension": self._extension_text(report),
            "duplicates": self._duplicates_text(report),
            "rejected": self._reject_text(report),
            "rating": "★" * report.rating + "☆" * (5 - report.rating) if report.rating else "",
            "reporter": self._reporter_text(report, role),
        }
        for key, value in values.items():
            shown = self.fields[key]
            shown.setText(for_display(value, LINE_LIMIT))
            show = bool(value) or key in ("status", "category", "ward", "reporter")
            shown.setVisible(show)
            caption = self.form.labelForField(shown)
            if caption is not None:
                caption.setVisible(show)
        self.description.setPlainText(for_display(report.description, TEXT_LIMIT))
        self.result.setPlainText(for_display(report.result_text or "", TEXT_LIMIT))
        self.result_box.setVisible(bool(report.result_text))
        self._show_location(report)
        self.history.show_events(history)
        self.photos_box.setVisible(bool(report.media))
        self.photos.show_media(report)

    def _deadline_text(self, report: Report) -> str:
        if report.deadline is None:
            return ""
        now = self._now()
        text = _when(report.deadline)
        state = DeadlineState(
            deadline=report.deadline,
            stage=Stage.HANDLE,
            time_left=self.sla.time_left(report.deadline, now, report.urgency),
            budget=self.sla.budget(Stage.HANDLE, report.category, report.urgency),
            wall_clock=report.urgency in self.sla.wall_clock,
        )
        left = describe_time_left(state, now, self.sla.calendar.day_length, current_language())
        return f"{text} ({left})"

    def _escalation_text(self, report: Report) -> str:
        if not report.escalation_level:
            return ""
        text = self.tr("Level %1").replace("%1", str(report.escalation_level))
        return f"{text} · {_when(report.escalated_at)}" if report.escalated_at else text

    def _extension_text(self, report: Report) -> str:
        if report.extension_deadline is not None:
            asked = self.tr("Asked until %1").replace("%1", _when(report.extension_deadline))
            return f"{asked}: {report.extension_reason or ''}".rstrip(": ")
        return self.tr("Extended") if report.extended else ""

    def _duplicates_text(self, report: Report) -> str:
        parts = []
        if report.duplicate_of is not None:
            parts.append(
                self.tr("Merged into report %1").replace("%1", self._code(report.duplicate_of))
            )
        if report.merged_count:
            parts.append(
                self.tr("%1 duplicate(s) merged here").replace("%1", str(report.merged_count))
            )
        return "; ".join(parts)

    def _code(self, report_id: object) -> str:
        """A linked report's PA code when known (the operator never works with ids)."""
        code = self.codes.get(report_id) if isinstance(report_id, int) else None
        return code or f"#{report_id}"

    @staticmethod
    def _reject_text(report: Report) -> str:
        return label_of(RejectReason, report.reject_reason, current_language())

    def _reporter_text(self, report: Report, role: Role) -> str:
        if role not in CONTACT_ROLES:
            return self.tr("Hidden for your role")
        person = report.reporter
        if person is None:
            return self.tr("Not given")
        return " · ".join(p for p in (person.name, person.phone, person.email) if p) or self.tr(
            "Not given"
        )

    def _show_location(self, report: Report) -> None:
        ward = self.reference.ward(report.ward) if report.ward else None
        here = (
            (report.lat, report.lon) if report.lat is not None and report.lon is not None else None
        )
        centre = here or ((ward.lat, ward.lon) if ward else None)
        others = []
        if centre is not None:
            current = [
                w for w in self.reference.current_wards() if ward is None or w.code != ward.code
            ]
            current.sort(key=lambda w: (w.lat - centre[0]) ** 2 + (w.lon - centre[1]) ** 2)
            others = current[:NEARBY_WARDS]
        self.location.set_place(report.lat, report.lon, ward, others)
        if here is None:
            note = self.tr("No coordinates; the ward's centre is shown.") if ward else ""
        else:
            note = f"{here[0]:.5f}, {here[1]:.5f}"
            if not inside_city(*here):
                note += " · " + self.tr("outside the city: check the location")
        self.location_note.setText(note)

    @property
    def thumbnails(self) -> list[Thumbnail]:
        return self.photos.thumbnails

    @property
    def viewer(self) -> PhotoViewer | None:
        return self.photos.viewer

    def enlarge(self, thumb: Thumbnail) -> None:
        self.photos.enlarge(thumb)

    def shutdown(self) -> None:
        self.photos.shutdown()
