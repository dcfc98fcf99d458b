"""The "Relay results" dialog: one published result at a time, to the channels ticked.

Every network call and every photo step runs on the task runner; the pages only show
results. A draft (text per channel, reviewed photos, one idempotency key) is made by
"Preview" and sent as it was shown; anything changed afterwards asks for a new preview.
A failed send keeps the draft, and sending it again repeats its keys, so nothing is queued
twice; the Send button stays off while a send is under way and after it succeeded.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QTabWidget, QVBoxLayout, QWidget

from console.domain.model import Status
from console.exports.briefing.cases import chosen_media
from console.exports.briefing.redaction import Box, review_copy
from console.relay import Channel, Draft, clean_photo, draft_for
from console.store import Cache
from console.store.records import QueueRow
from console.sync.errors import ApiError
from console.sync.relay_client import RelayClient, RelayMessage
from widgets.briefing.photo_review import ReviewPhoto
from widgets.relay.compose_page import ComposePage
from widgets.relay.failed_page import FailedPage
from widgets.tasks import TaskRunner

#: Message states the failed view lists: given up on, and begun but not known to be done.
FAILED_STATES = ("failed", "uncertain")


@dataclass(frozen=True, slots=True)
class FetchedPhoto:
    n: int
    label: str
    review_jpeg: bytes
    detected: list[Box]
    raw: bytes
    caption: str


def published_results(cache: Cache) -> list[QueueRow]:
    rows = cache.load_queue_rows_in([Status.PUBLISHED.value])
    return sorted(rows, key=lambda r: r.updated_at, reverse=True)


def fetch_photos(
    cache: Cache, client: RelayClient, report_id: int
) -> tuple[int, list[FetchedPhoto], list[str]]:
    report = cache.get_report(report_id)
    photos: list[FetchedPhoto] = []
    problems: list[str] = []
    if report is None:
        return report_id, photos, problems
    for n, media in chosen_media(report):
        label = QCoreApplication.translate("RelayDialog", "photo {0}").format(n)
        try:
            raw = client.media(report_id, n)
            jpeg, regions = review_copy(raw)
        except Exception as exc:  # one photo that cannot be read must not stop the others
            problems.append(f"{label}: {_reason(exc)}")
            continue
        photos.append(FetchedPhoto(n, label, jpeg, [r.box for r in regions], raw, media.caption))
    return report_id, photos, problems


def compose(
    cache: Cache,
    client: RelayClient,
    report_id: int,
    channels: list[Channel],
    reviewed: list[tuple[FetchedPhoto, list[Box]]],
) -> Draft:
    """The server's words for the result (what it will queue) and the reviewed photos."""
    report = cache.get_report(report_id)
    if report is None:
        raise LookupError(
            QCoreApplication.translate("RelayDialog", "The report is not in this computer's data.")
        )
    photos = [clean_photo(p.raw, boxes, p.caption, report) for p, boxes in reviewed]
    wording = client.preview(report_id, [c.id for c in channels])
    return draft_for(report_id, wording, channels, photos)


def send(client: RelayClient, draft: Draft) -> list[RelayMessage]:
    queued: list[RelayMessage] = []
    for body in draft.requests():
        queued.extend(client.send(body))
    return queued


def failed_messages(client: RelayClient, cache: Cache) -> tuple[list[RelayMessage], dict[int, str]]:
    found = [m for state in FAILED_STATES for m in client.messages(state=state)]
    reports = cache.get_reports(sorted({m.report_id for m in found}))
    return found, {rid: report.code for rid, report in reports.items()}


def _reason(exc: BaseException) -> str:
    return exc.message if isinstance(exc, ApiError) else str(exc) or type(exc).__name__


class RelayDialog(QDialog):
    def __init__(
        self,
        cache: Cache,
        client: RelayClient,
        *,
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Relay results"))
        self.resize(1100, 760)
        self.cache, self.client = cache, client
        self.runner = runner or TaskRunner(self)
        self._own_runner = runner is None
        self.channels: list[Channel] = []
        self.fetched: list[FetchedPhoto] = []
        self.draft: Draft | None = None
        self.sent_key: str | None = None
        self.sending = False
        self._generation = 0
        self.compose_page = ComposePage()
        self.failed_page = FailedPage()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.compose_page, self.tr("Compose and send"))
        self.tabs.addTab(self.failed_page, self.tr("Failed and uncertain messages"))
        QVBoxLayout(self).addWidget(self.tabs)
        page = self.compose_page
        page.results.currentRowChanged.connect(self._result_chosen)
        page.changed.connect(self._invalidate)
        page.preview_button.clicked.connect(self.preview)
        page.send_button.clicked.connect(self.send)
        self.failed_page.refresh_button.clicked.connect(self.load_failed)
        self.failed_page.retry_button.clicked.connect(self.retry)
        self.tabs.currentChanged.connect(lambda index: self.load_failed() if index == 1 else None)
        self.finished.connect(self._shutdown)
        self.refresh_results()
        self.runner.run(client.channels, on_done=self._channels_ready, on_error=self._error)

    def refresh_results(self) -> None:
        """The published results from the cache: at opening, and after each sync."""
        self.runner.run(
            published_results,
            self.cache,
            on_done=self.compose_page.show_results,
            on_error=self._error,
        )

    # -- compose --------------------------------------------------------------------------

    def _channels_ready(self, channels: list[Channel]) -> None:
        self.channels = channels
        self.compose_page.show_channels(channels)
        if not channels:
            self.compose_page.status.setText(
                self.tr("No channel is configured on the central server.")
            )

    def _result_chosen(self) -> None:
        report_id = self.compose_page.chosen_report()
        self.fetched = []
        self.compose_page.show_photos([], [])
        self._invalidate()
        if report_id is None:
            return
        self.compose_page.status.setText(self.tr("Loading photos..."))
        self.runner.run(
            fetch_photos,
            self.cache,
            self.client,
            report_id,
            on_done=self._photos_ready,
            on_error=self._error,
        )

    def _photos_ready(self, result: tuple[int, list[FetchedPhoto], list[str]]) -> None:
        report_id, fetched, problems = result
        if report_id != self.compose_page.chosen_report():
            return
        self.fetched = fetched
        photos = [
            ReviewPhoto(
                report_id,
                p.n,
                p.label,
                QImage.fromData(p.review_jpeg),
                p.detected,
                list(p.detected),
            )
            for p in fetched
        ]
        self.compose_page.status.setText(
            self.tr("{0} photos to review; none is sent until reviewed.").format(len(photos))
        )
        self.compose_page.show_photos(photos, problems)

    def _invalidate(self) -> None:
        """The shown preview no longer matches the choices: compose again before sending."""
        self._generation += 1
        self.draft = None
        self.compose_page.clear_preview()

    def preview(self) -> None:
        page = self.compose_page
        report_id = page.chosen_report()
        chosen = set(page.chosen_channels())
        channels = [c for c in self.channels if c.id in chosen]
        if report_id is None or not channels:
            page.status.setText(self.tr("Choose a published result and at least one channel."))
            return
        by_n = {p.n: p for p in self.fetched}
        reviewed = [(by_n[p.n], list(p.boxes)) for p in page.reviewed_photos() if p.n in by_n]
        self._invalidate()
        generation = self._generation
        page.status.setText(self.tr("Composing the preview..."))
        self.runner.run(
            compose,
            self.cache,
            self.client,
            report_id,
            channels,
            reviewed,
            on_done=lambda draft: self._draft_ready(draft, generation),
            on_error=self._error,
        )

    def _draft_ready(self, draft: Draft, generation: int) -> None:
        if generation != self._generation:
            return
        self.draft = draft
        self.compose_page.show_preview(draft)
        self.compose_page.send_button.setEnabled(True)
        self.compose_page.status.setText(self.tr("This is exactly what each channel will receive."))

    def send(self) -> None:
        draft = self.draft
        if draft is None or self.sending or self.sent_key == draft.key:
            return
        self.sending = True
        self.compose_page.send_button.setEnabled(False)
        self.compose_page.status.setText(self.tr("Sending..."))
        self.runner.run(
            send,
            self.client,
            draft,
            on_done=lambda queued: self._sent(draft, queued),
            on_error=self._send_failed,
        )

    def _sent(self, draft: Draft, queued: list[RelayMessage]) -> None:
        self.sending = False
        self.sent_key = draft.key
        self.compose_page.status.setText(
            self.tr("Queued for sending: {0} messages ({1}).").format(
                len(queued), ", ".join(c.name for c in draft.channels)
            )
        )

    def _send_failed(self, exc: BaseException) -> None:
        self.sending = False
        self.compose_page.send_button.setEnabled(self.draft is not None)
        self.compose_page.status.setText(
            self.tr("Could not send: {0} The message is kept; press Send to try again.").format(
                _reason(exc)
            )
        )

    def _error(self, exc: BaseException) -> None:
        self.compose_page.status.setText(self.tr("Error: {0}").format(_reason(exc)))

    # -- failed view ----------------------------------------------------------------------

    def load_failed(self) -> None:
        self.failed_page.status.setText(self.tr("Loading..."))
        self.runner.run(
            failed_messages,
            self.client,
            self.cache,
            on_done=self._failed_ready,
            on_error=self._failed_error,
        )

    def _failed_ready(self, result: tuple[list[RelayMessage], dict[int, str]]) -> None:
        messages, codes = result
        names = {c.id: c.name for c in self.channels}
        self.failed_page.show_messages(messages, codes, names)

    def _failed_error(self, exc: BaseException) -> None:
        self.failed_page.status.setText(self.tr("Error: {0}").format(_reason(exc)))
        self.failed_page.refresh_selection()

    def retry(self) -> None:
        chosen = self.failed_page.chosen()
        if chosen is None:
            return
        self.failed_page.retry_button.setEnabled(False)
        self.runner.run(
            self.client.retry,
            chosen.id,
            on_done=lambda _message: self.load_failed(),
            on_error=self._failed_error,
        )

    def _shutdown(self) -> None:
        if self._own_runner:
            self.runner.shutdown()
