"""The detail panel's photos: thumbnails fetched in the background from the central API's
own media route only, a small memory of recent ones, and a viewer for one at full size.

Its texts were the panel's and keep the panel's translation context ("DetailPanel")."""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QWidget

from console.domain.model import Media, Report
from widgets.photo_viewer import Photo, PhotoViewer, Thumbnail, decode_photo
from widgets.tasks import TaskRunner

FetchMedia = Callable[[int, int], bytes]
_OWN_MEDIA = re.compile(r"/api/v1/reports/[0-9]{1,10}/media/[0-9]{1,4}")
PHOTO_MEMORY = 48
translate = QCoreApplication.translate


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


class PhotoStrip(QWidget):
    """A row of thumbnails for the shown report; a click opens the viewer."""

    def __init__(self, parent: QWidget, fetch_media: FetchMedia | None) -> None:
        super().__init__(parent)
        self._fetch_media = fetch_media
        self._runner = TaskRunner(self, max_threads=2)
        self._photos: OrderedDict[tuple[int, int], Photo] = OrderedDict()
        self._shown: tuple[int, tuple[Media, ...]] | None = None
        self.viewer: PhotoViewer | None = None
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.addStretch(1)
        self.thumbnails: list[Thumbnail] = []

    def show_media(self, report: Report | None) -> None:
        key = None if report is None else (report.id, report.media)
        if key == self._shown:
            return
        self._shown = key
        for thumb in self.thumbnails:
            self.row.removeWidget(thumb)
            thumb.deleteLater()
        self.thumbnails = []
        if report is None:
            return
        for position, media in enumerate(report.media):
            caption = media.caption or (
                translate("DetailPanel", "Result photo")
                if media.kind == "result_photo"
                else translate("DetailPanel", "Photo")
            )
            thumb = Thumbnail(caption, self)
            thumb.clicked.connect(lambda t=thumb: self.enlarge(t))
            self.row.insertWidget(self.row.count() - 1, thumb)
            self.thumbnails.append(thumb)
            n = media_number(media, position)
            cached = self._photos.get((report.id, n))
            if not own_media(media, report.id):
                thumb.set_failed(
                    translate("DetailPanel", "Not loaded: the photo is not on the central server")
                )
            elif cached is not None:
                thumb.set_photo(cached)
            elif self._fetch_media is None:
                thumb.set_failed(translate("DetailPanel", "Photos are not available offline"))
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
            text = translate("DetailPanel", "Could not load the photo: %1")
            thumb.set_failed(text.replace("%1", str(exc)))

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
