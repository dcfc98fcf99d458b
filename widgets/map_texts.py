"""The live map's words, given to the page with `paht.setTexts`: the legend and tooltips
through Qt's translators like every UI string, the statuses from the domain's one lookup, so
the map and the queue always say the same. The page ships with its Vietnamese words (it works
before Python speaks to it)."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication

from console.domain.labels import label
from console.domain.model import Status
from widgets.i18n import current_language


def page_texts() -> dict[str, object]:
    """What `paht.setTexts` takes, in the language now in use."""
    language = current_language()
    return {
        "families": [
            QCoreApplication.translate("MapTexts", "Waiting for the IOC"),
            QCoreApplication.translate("MapTexts", "Unit handling"),
            QCoreApplication.translate("MapTexts", "Resolved / published"),
            QCoreApplication.translate("MapTexts", "Closed / not accepted"),
        ],
        "overdue": QCoreApplication.translate("MapTexts", "Overdue"),
        "escalation": QCoreApplication.translate("MapTexts", "Escalation level "),
        "escalationLegend": QCoreApplication.translate("MapTexts", "Purple ring: escalation level"),
        "heat": QCoreApplication.translate("MapTexts", "Heat map"),
        "heatTitle": QCoreApplication.translate("MapTexts", "Heat map on/off"),
        "samePlace": QCoreApplication.translate("MapTexts", " other report(s) at the same place"),
        "cluster": QCoreApplication.translate("MapTexts", " reports, "),
        "clusterLate": QCoreApplication.translate("MapTexts", " overdue — click to zoom in"),
        "statuses": {s.value: label(s, language) for s in Status},
    }


def set_texts_script() -> str:
    return f"paht.setTexts({json.dumps(page_texts(), ensure_ascii=False)})"
