"""The briefing wizard: the media desk's way to a press-tour pack (issue 6).

Every slow step (figures, photos, the pack, the files) runs on the task runner; the pages
only show results. The wizard holds the state the pages share: period, audience, figures and
rankings, the map picture, the chosen cases, the reviewed blur boxes, the pack, the export.
"""

from __future__ import annotations

import functools
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget, QWizard

from console.config import default_exports_dir
from console.domain.hue_time import local_date
from console.domain.model import utcnow
from console.domain.reference import Reference
from console.exports.briefing import (
    BriefingData,
    BriefingExport,
    BriefingPack,
    Period,
    build_pack,
    prepare_briefing,
    write_pack,
)
from console.exports.briefing.cases import FetchMedia, chosen_media
from console.exports.briefing.redaction import Box, review_copy
from console.maps.page import DEFAULT_TILES, TileProvider
from console.store import Cache
from widgets.briefing.cases_page import CasePickerPage
from widgets.briefing.pages import FiguresPage, MapPage, PeriodPage
from widgets.briefing.photo_review import PhotoReviewPage, ReviewPhoto
from widgets.briefing.preview_page import ExportPage, PreviewPage
from widgets.export_place import ExportPlace
from widgets.tasks import TaskRunner

RawPhoto = tuple[int, int, str, bytes, list[Box]]


def fetch_for_review(
    cache: Cache, case_ids: list[int], fetch_media: FetchMedia | None
) -> tuple[list[RawPhoto], list[str]]:
    """(photos with detected boxes, problems) for the chosen cases: runs off the GUI thread."""
    photos: list[RawPhoto] = []
    problems: list[str] = []
    if fetch_media is None:
        return photos, [QCoreApplication.translate("BriefingWizard", "no source of photos")]
    reports = cache.get_reports(case_ids)
    for report_id in case_ids:
        report = reports.get(report_id)
        if report is None:
            continue
        for n, media in chosen_media(report):
            kind = (
                QCoreApplication.translate("BriefingWizard", "before")
                if media.kind == "photo"
                else QCoreApplication.translate("BriefingWizard", "after")
            )
            photo = QCoreApplication.translate("BriefingWizard", "photo {0}").format(n)
            try:
                jpeg, regions = review_copy(fetch_media(report_id, n))
            except Exception as exc:  # shown to the staff; the export records it too
                problems.append(f"{report.code} {photo}: {exc}")
                continue
            photos.append(
                (report_id, n, f"{report.code} · {photo} ({kind})", jpeg, [r.box for r in regions])
            )
    return photos, problems


class BriefingWizard(QWizard):
    """One pack per wizard: when it finishes or is cancelled, its map page and runner go."""

    #: A case for the video wall's spotlight: (report id, blur boxes reviewed so far).
    wallRequested = Signal(int, object)

    def __init__(
        self,
        cache: Cache,
        reference: Reference,
        *,
        actor: str,
        fetch_media: FetchMedia | None,
        tiles: TileProvider | None = DEFAULT_TILES,
        runner: TaskRunner | None = None,
        now: Callable[[], datetime] = utcnow,
        exports: ExportPlace | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Press briefing"))
        self.resize(1100, 800)
        self.cache, self.reference, self.actor = cache, reference, actor
        self.fetch_media, self.tiles, self.now = fetch_media, tiles, now
        self.exports = exports or ExportPlace(default_exports_dir())
        self.runner = runner or TaskRunner(self)
        self._own_runner = runner is None
        self._shut = False
        self.period: Period | None = None
        self.audience = ""
        self.data: BriefingData | None = None
        self.map_png: bytes | None = None
        self.case_ids: list[int] = []
        self.reviewed: dict[tuple[int, int], list[Box]] = {}
        self.pack: BriefingPack | None = None
        self.export: BriefingExport | None = None
        self._preview_dir = tempfile.TemporaryDirectory(prefix="paht-briefing-preview-")
        self.period_page = PeriodPage(self, local_date(now()))
        self.figures_page = FiguresPage(self)
        self.map_page = MapPage(self)
        self.cases_page = CasePickerPage(self)
        self.photos_page = PhotoReviewPage(self)
        self.preview_page = PreviewPage(self)
        self.export_page = ExportPage(self)
        for page in (
            self.period_page,
            self.figures_page,
            self.map_page,
            self.cases_page,
            self.photos_page,
            self.preview_page,
            self.export_page,
        ):
            self.addPage(page)
        for button, text in (
            (QWizard.WizardButton.BackButton, self.tr("< Back")),
            (QWizard.WizardButton.NextButton, self.tr("Next >")),
            (QWizard.WizardButton.FinishButton, self.tr("Finish")),
            (QWizard.WizardButton.CancelButton, self.tr("Cancel")),
        ):
            self.setButtonText(button, text)
        self.finished.connect(self._shutdown)

    # -- state changes from the pages --------------------------------------------------------

    def set_period(self, period: Period, audience: str) -> None:
        if period != self.period:
            self.data, self.case_ids, self.map_png = None, [], None
        self.period, self.audience = period, audience

    def load_data(self) -> None:
        if self.data is not None or self.period is None:
            self.figures_page.show_data()
            return
        period = self.period
        self.runner.run(
            prepare_briefing,
            self.cache,
            period,
            self.reference,
            on_done=self._data_ready,
            on_error=lambda exc: self.figures_page.show_error(
                self.tr("Could not compute the figures: {0}").format(exc)
            ),
        )

    def _data_ready(self, data: BriefingData) -> None:
        if data.period == self.period:
            self.data = data
            self.figures_page.show_data()

    def load_photos(self) -> None:
        self.remember_review()
        self.runner.run(
            fetch_for_review,
            self.cache,
            list(self.case_ids),
            self.fetch_media,
            on_done=self._photos_ready,
            on_error=lambda exc: self.photos_page.show_photos([], [str(exc)]),
        )

    def _photos_ready(self, result: tuple[list[RawPhoto], list[str]]) -> None:
        raw, problems = result
        photos = []
        for report_id, n, label, jpeg, detected in raw:
            boxes = self.reviewed.get((report_id, n), list(detected))
            photos.append(
                ReviewPhoto(report_id, n, label, QImage.fromData(jpeg), detected, list(boxes))
            )
        self.photos_page.show_photos(photos, problems)

    def remember_review(self) -> None:
        self.reviewed.update(self.photos_page.overrides())

    def build_preview(self) -> None:
        self.remember_review()
        self.pack = None
        if self.data is None:
            return
        self.runner.run(
            self._make_preview,
            dict(self.reviewed),
            on_done=self._preview_ready,
            on_error=lambda exc: self.preview_page.show_error(
                self.tr("Could not build the document: {0}").format(exc)
            ),
        )

    def _make_preview(
        self, overrides: dict[tuple[int, int], list[Box]]
    ) -> tuple[BriefingPack, Path]:
        """Runs on a worker thread, where reportlab loads on the first preview."""
        from console.exports.briefing.pack_pdf import write_pdf

        assert self.data is not None
        pack = build_pack(
            self.cache,
            self.data,
            self.reference,
            case_ids=list(self.case_ids),
            audience=self.audience,
            fetch_media=self.fetch_media,
            map_png=self.map_png,
            blur_overrides=overrides,
            now=self.now(),
        )
        pdf = write_pdf(pack, Path(self._preview_dir.name) / f"xem-truoc-{pack.period.slug}.pdf")
        return pack, pdf

    def _preview_ready(self, result: tuple[BriefingPack, Path]) -> None:
        self.pack, pdf = result
        summary = self.tr("{0} cases, {1} photos").format(
            len(self.pack.cases), sum(len(c.photos) for c in self.pack.cases)
        )
        self.preview_page.show_preview(pdf, summary)

    def export_to(self, pdf: Path) -> None:
        """The pack's files beside `pdf`, under its name."""
        if self.pack is None:
            return
        self.runner.run(
            functools.partial(write_pack, actor=self.actor, stem=pdf.stem),
            self.cache,
            self.pack,
            pdf.parent,
            on_done=self._exported,
            on_error=lambda exc: self.export_page.show_error(
                self.tr("Could not export the document: {0}").format(exc)
            ),
        )

    def show_on_wall(self, report_id: int) -> None:
        """The window that holds the wizard opens its video wall on this case."""
        self.wallRequested.emit(report_id, dict(self.reviewed))

    def _exported(self, export: BriefingExport) -> None:
        self.export = export
        self.export_page.show_done([export.pdf, export.docx, export.pptx, export.manifest])

    def _shutdown(self, *_: Any) -> None:
        if self._shut:
            return
        self._shut = True
        if self._own_runner:
            self.runner.shutdown()
        self.preview_page.document.close()
        self._preview_dir.cleanup()
        # The web page must go before the web profile does, at the latest when the app quits.
        self.map_page.view.deleteLater()
