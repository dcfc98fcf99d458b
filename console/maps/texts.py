"""The live map's words in the console's language, given to the page with `paht.setTexts`.

The page ships with its Vietnamese words (it works before Python speaks to it); status labels
come from the domain's one lookup, so the map and the queue always say the same.
"""

from __future__ import annotations

import json

from console.domain.labels import label
from console.domain.model import Status

_WORDS = {
    "vi": {
        "families": [
            "Chờ IOC xử lý",
            "Đơn vị đang xử lý",
            "Đã xử lý / công khai",
            "Đã đóng / không tiếp nhận",
        ],
        "overdue": "Quá hạn",
        "escalation": "Đôn đốc mức ",
        "escalationLegend": "Vòng tím: mức đôn đốc",
        "heat": "Bản đồ nhiệt",
        "heatTitle": "Bật/tắt bản đồ nhiệt",
        "samePlace": " phản ánh khác tại cùng vị trí",
        "cluster": " phản ánh, ",
        "clusterLate": " quá hạn — bấm để phóng to",
    },
    "en": {
        "families": [
            "Waiting for the IOC",
            "Unit handling",
            "Resolved / published",
            "Closed / not accepted",
        ],
        "overdue": "Overdue",
        "escalation": "Escalation level ",
        "escalationLegend": "Purple ring: escalation level",
        "heat": "Heat map",
        "heatTitle": "Heat map on/off",
        "samePlace": " other report(s) at the same place",
        "cluster": " reports, ",
        "clusterLate": " overdue — click to zoom in",
    },
}


def page_texts(language: str) -> dict[str, object]:
    words = _WORDS.get(language, _WORDS["vi"])
    return {**words, "statuses": {s.value: label(s, language) for s in Status}}


def set_texts_script(language: str) -> str:
    return f"paht.setTexts({json.dumps(page_texts(language), ensure_ascii=False)})"
