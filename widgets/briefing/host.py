"""What the wizard's pages read and ask of the wizard that holds them.

The pages depend on this protocol, not on the wizard's module, so the wizard imports its
pages and nothing imports back (issue 13: no import circles). BriefingWizard implements it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from console.exports.briefing import BriefingData, BriefingExport, BriefingPack, Period
from console.maps.page import TileProvider
from widgets.export_place import ExportPlace


class BriefingHost(Protocol):
    """The shared state (figures, map picture, chosen cases, pack, export) and the slow steps
    the pages start; results come back through the page methods the wizard calls."""

    data: BriefingData | None
    map_png: bytes | None
    case_ids: list[int]
    pack: BriefingPack | None
    export: BriefingExport | None
    exports: ExportPlace
    tiles: TileProvider | None

    def set_period(self, period: Period, audience: str) -> None: ...

    def load_data(self) -> None: ...

    def load_photos(self) -> None: ...

    def build_preview(self) -> None: ...

    def export_to(self, pdf: Path) -> None: ...

    def show_on_wall(self, report_id: int) -> None: ...
