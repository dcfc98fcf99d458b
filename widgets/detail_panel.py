"""Everything about one report: fields, photos, where it is, and what happened to it.

A citizen's words are data: every text here is a plain-text QLabel, a read-only
QPlainTextEdit or an item-view cell, so "<img src=x onerror=...>" shows as typed. The
reporter's identity is filled in only for roles allowed to see it (CONTACT_ROLES).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Sequence
from datetime import datetime
from functools import partial
from typing import Any

from PySide6 import QtGui
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.domain.hue_time import time_text
from console.domain.labels import label, label_of
from console.domain.model import (
    CONTACT_ROLES,
    Event,
    Media,
    RejectReason,
    Report,
    Role,
    Urgency,
    parse_time,
    utcnow,
)
from console.domain.reference import Reference, load_reference
from console.domain.sla import SlaClock, Stage, load_sla
from console.store.queue_clock import DeadlineState, describe_time_left
from widgets.i18n import current_language
from widgets.location_map import LocationMap, inside_city
from widgets.photo_viewer import Photo, PhotoViewer, Thumbnail, decode_photo
from widgets.tasks import TaskRunner

FetchMedia = Callable[[int, int], bytes]
_OWN_MEDIA = re.compile(r"/api/v1/reports/[0-9]{1,10}/media/[0-9]{1,4}")
#: Display limits: a 100 KB description must not freeze a label or a text box.
LINE_LIMIT = 500
TEXT_LIMIT = 20_000
PHOTO_MEMORY = 48
NEARBY_WARDS = 6


def plain_label(parent: QWidget, text: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _plain_box(parent: QWidget) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setReadOnly(True)
    box.setMaximumHeight(110)
    return box


def _when(moment: datetime | None) -> str:
    return time_text(moment)


def media_number(media: Media, position: int) -> int:
    """The n of /reports/{id}/media/{n} (1-based), read from the URL when it ends with one."""
    tail = media.url.rstrip("/").rsplit("/", 1)[-1]
    return int(tail) if tail.isdigit() else position + 1


def own_media(media: Media, report_id: int) -> bool:
    """Only the API's own media route (a relative URL) is fetched, and from the API itself:
    file:, javascript:, data:, other hosts and loopback addresses are never asked for."""
    return _OWN_MEDIA.fullmatch(media.url) is not None and media.url.startswith(
        f"/api/v1/reports/{report_id}/media/"
    )


def for_display(text: str, limit: int) -> str:
    """Citizen text cut to what a screen can show; the cache and exports keep it whole."""
    if len(text) <= limit:
        return text
    return text[:limit] + "… [đã cắt bớt, toàn văn có trong dữ liệu và bản xuất]"


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
        self._fetch_media = fetch_media
        self._now = now
        self._runner = TaskRunner(self, max_threads=2)
        self._photos: OrderedDict[tuple[int, int], Photo] = OrderedDict()
        self._shown: tuple[int, tuple[Media, ...]] | None = None
        self.report: Report | None = None
        #: PA codes of the reports `report` links to (merged into), by id.
        self.codes: dict[int, str] = {}
        self._history: Sequence[Event] = ()
        self._role = Role.MEDIA
        self.viewer: PhotoViewer | None = None

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

        photos = QWidget(body)
        self.photo_row = QHBoxLayout(photos)
        self.photo_row.setContentsMargins(0, 0, 0, 0)
        self.photo_row.addStretch(1)
        self.thumbnails: list[Thumbnail] = []
        self.photos_box = self._group(body, photos)

        self.location = LocationMap(body)
        self.location_note = plain_label(body)
        location = QWidget(body)
        location_layout = QVBoxLayout(location)
        location_layout.setContentsMargins(0, 0, 0, 0)
        location_layout.addWidget(self.location)
        location_layout.addWidget(self.location_note)

        self.history = QTreeWidget(body)
        self.history.setObjectName("detailHistory")
        self.history.setRootIsDecorated(False)
        self.history.setWordWrap(True)
        self.history.setUniformRowHeights(False)
        self.history.setAlternatingRowColors(True)
        self.history.setMinimumHeight(160)

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
        self.history.setHeaderLabels(
            [self.tr("When, who"), self.tr("Action, status"), self.tr("Note")]
        )

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
            self._show_photos(None)
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
        self._show_history(history)
        self._show_photos(report)

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

    def _show_history(self, history: Sequence[Event]) -> None:
        self.history.clear()
        language = current_language()
        for event in sorted(history, key=lambda e: e.at):
            who = f"{event.actor} ({label(event.role, language)})"
            moved = label(event.from_status, language)
            if event.to_status != event.from_status:
                moved += " → " + label(event.to_status, language)
            action = label(event.action, language)
            note = for_display(self._note(event.payload), LINE_LIMIT)
            item = QTreeWidgetItem([f"{_when(event.at)}\n{who}", f"{action}\n{moved}", note])
            item.setToolTip(
                2, QtGui.Qt.convertFromPlainText(note, QtGui.Qt.WhiteSpaceMode.WhiteSpaceNormal)
            )
            self.history.addTopLevelItem(item)
        for column in range(2):
            self.history.resizeColumnToContents(column)

    def _note(self, payload: dict[str, Any]) -> str:
        ref, language = self.reference, current_language()
        parts: list[str] = []
        for key, value in payload.items():
            if value in (None, "", []) or key == "previous_unit":
                continue
            if key == "unit":
                parts.append(ref.unit_name(str(value), language))
            elif key == "category":
                parts.append(ref.category_name(str(value), language))
            elif key == "reason" and str(value) in {r.value for r in RejectReason}:
                parts.append(label(RejectReason(str(value)), language))
            elif key == "deadline":
                moment = parse_time(str(value)) if isinstance(value, str) else None
                parts.append(self.tr("deadline %1").replace("%1", _when(moment)))
            elif key == "level":
                parts.append(self.tr("Level %1").replace("%1", str(value)))
            elif key == "approve":
                parts.append(self.tr("approved") if value else self.tr("denied"))
            elif key == "rating":
                parts.append("★" * int(value))
            elif key == "urgency" and str(value) in {u.value for u in Urgency}:
                parts.append(label(Urgency(str(value)), language))
            elif key == "duplicate_of":
                parts.append(self.tr("into report %1").replace("%1", self._code(value)))
            else:
                parts.append(str(value))
        return " · ".join(parts)

    # -- photos ----------------------------------------------------------------------------

    def _show_photos(self, report: Report | None) -> None:
        key = None if report is None else (report.id, report.media)
        if key == self._shown:
            return
        self._shown = key
        for thumb in self.thumbnails:
            self.photo_row.removeWidget(thumb)
            thumb.deleteLater()
        self.thumbnails = []
        if report is None:
            return
        self.photos_box.setVisible(bool(report.media))
        for position, media in enumerate(report.media):
            caption = media.caption or (
                self.tr("Result photo") if media.kind == "result_photo" else self.tr("Photo")
            )
            thumb = Thumbnail(caption, self.photos_box)
            thumb.clicked.connect(lambda t=thumb: self.enlarge(t))
            self.photo_row.insertWidget(self.photo_row.count() - 1, thumb)
            self.thumbnails.append(thumb)
            n = media_number(media, position)
            cached = self._photos.get((report.id, n))
            if not own_media(media, report.id):
                thumb.set_failed(self.tr("Not loaded: the photo is not on the central server"))
            elif cached is not None:
                thumb.set_photo(cached)
            elif self._fetch_media is None:
                thumb.set_failed(self.tr("Photos are not available offline"))
            else:
                self._runner.run(
                    _fetch_photo,
                    self._fetch_media,
                    report.id,
                    n,
                    on_done=partial(self._photo_ready, report.id, n, thumb),
                    on_error=partial(self._photo_failed, thumb),
                )

    def _photo_ready(self, report_id: int, n: int, thumb: Thumbnail, photo: Photo) -> None:
        self._photos[(report_id, n)] = photo
        while len(self._photos) > PHOTO_MEMORY:
            self._photos.popitem(last=False)
        if thumb in self.thumbnails:
            thumb.set_photo(photo)

    def _photo_failed(self, thumb: Thumbnail, exc: BaseException) -> None:
        if thumb in self.thumbnails:
            thumb.set_failed(self.tr("Could not load the photo: %1").replace("%1", str(exc)))

    def enlarge(self, thumb: Thumbnail) -> None:
        if thumb.photo is None:
            return
        if self.viewer is not None:
            self.viewer.close()
        self.viewer = PhotoViewer(thumb.photo.full, thumb.caption, self)
        self.viewer.destroyed.connect(self._viewer_gone)
        self.viewer.show()

    def _viewer_gone(self) -> None:
        self.viewer = None

    def shutdown(self) -> None:
        self._runner.shutdown()
        if self.viewer is not None:
            self.viewer.close()


def _fetch_photo(fetch: FetchMedia, report_id: int, n: int) -> Photo:
    return decode_photo(fetch(report_id, n))
