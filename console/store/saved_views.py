"""The queue's saved views: the built-in tabs and the operator's own, kept in a JSON file."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from console.domain.model import Status
from console.domain.text import fold
from console.store.queue_filter import QueueFilter

log = logging.getLogger(__name__)

USER_VIEWS_FILE = "queue_views.json"


@dataclass(frozen=True, slots=True)
class SavedView:
    key: str
    label_vi: str
    label_en: str
    filter: QueueFilter = field(default_factory=QueueFilter)
    builtin: bool = False

    def label(self, language: str = "vi") -> str:
        """The tab's name in `language` (like the reference's names: Vietnamese by default)."""
        return self.label_en if language == "en" and self.label_en else self.label_vi


BUILTIN_VIEWS: tuple[SavedView, ...] = (
    SavedView(
        "new",
        "Mới, chờ phân loại",
        "New (to triage)",
        QueueFilter(statuses=frozenset({Status.NEW, Status.ACCEPTED})),
        builtin=True,
    ),
    SavedView(
        "assigned",
        "Đã chuyển xử lý",
        "Assigned",
        QueueFilter(statuses=frozenset({Status.ASSIGNED, Status.IN_PROGRESS, Status.REOPENED})),
        builtin=True,
    ),
    SavedView("overdue", "Quá hạn", "Overdue", QueueFilter(overdue_only=True), builtin=True),
    SavedView(
        "returned",
        "Đơn vị trả lại",
        "Returned",
        QueueFilter(statuses=frozenset({Status.RETURNED})),
        builtin=True,
    ),
    SavedView(
        "extension",
        "Xin gia hạn",
        "Extension requests",
        QueueFilter(statuses=frozenset({Status.EXTENSION_REQUESTED})),
        builtin=True,
    ),
    SavedView(
        "awaiting_publication",
        "Chờ công khai",
        "Resolved, awaiting publication",
        QueueFilter(statuses=frozenset({Status.RESOLVED})),
        builtin=True,
    ),
    SavedView("all", "Tất cả", "All", QueueFilter(), builtin=True),
)


def load_user_views(config_dir: Path) -> list[SavedView]:
    """The operator's own views; a damaged file is logged and ignored (never blocks the queue)."""
    path = config_dir / USER_VIEWS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError) as exc:
        log.warning("Không đọc được các bộ lọc đã lưu %s: %s", path, exc)
        return []
    views: list[SavedView] = []
    for item in data.get("views", []) if isinstance(data, dict) else []:
        try:
            views.append(
                SavedView(
                    key=str(item["key"]),
                    label_vi=str(item["label_vi"]),
                    label_en=str(item.get("label_en") or item["label_vi"]),
                    filter=QueueFilter.from_json(item["filter"]),
                )
            )
        except (KeyError, TypeError, ValueError) as exc:
            log.warning("Bỏ qua bộ lọc đã lưu không hợp lệ trong %s: %r", path, exc)
    return views


def save_user_views(config_dir: Path, views: Iterable[SavedView]) -> None:
    """Write the operator's views atomically (a crash never leaves half a file)."""
    config_dir.mkdir(parents=True, exist_ok=True)
    payload = {
        "version": 1,
        "views": [
            {
                "key": v.key,
                "label_vi": v.label_vi,
                "label_en": v.label_en,
                "filter": v.filter.to_json(),
            }
            for v in views
            if not v.builtin
        ],
    }
    path = config_dir / USER_VIEWS_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, path)


def new_view_key(label: str, taken: Iterable[str]) -> str:
    """A stable key for a user view from its label ("Đèn đường Vỹ Dạ" -> "user-den-duong-vy-da")."""
    base = "user-" + ("-".join(fold(label).split()) or "view")
    used = set(taken)
    key, n = base, 2
    while key in used:
        key, n = f"{base}-{n}", n + 1
    return key
