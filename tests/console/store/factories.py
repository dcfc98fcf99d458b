"""Reports for store and sync tests: wire records, and reports as the queue reads them."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from console.domain.model import Report, Status, Urgency

WARDS = ["phu-xuan", "thuan-hoa", "vy-da", "an-cuu", "kim-long"]


def report_json(report_id: int, version: int = 1, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": report_id,
        "code": f"PA-2025-{report_id:06d}",
        "title": f"Đèn đường hỏng số {report_id}",
        "description": "Đèn đường trên phố Lê Lợi không sáng từ tối qua.",
        "category": "street_lighting",
        "urgency": "normal",
        "status": "new",
        "ward": WARDS[report_id % len(WARDS)],
        "lat": 16.46 + (report_id % 100) * 0.0001,
        "lon": 107.59 + (report_id % 100) * 0.0001,
        "address": "12 Lê Lợi, Huế",
        "channel": "app",
        "created_at": f"2025-10-01T{report_id % 24:02d}:00:00Z",
        "updated_at": "2025-10-02T08:00:00Z",
        "version": version,
        "unit": None,
        "deadline": None,
        "escalation_level": 0,
        "duplicate_of": None,
        "merged_count": 0,
        "media": [],
        "rating": None,
        "reporter": {"name": "Nguyễn Văn A", "phone": "0905123456", "email": None},
    }
    data.update(changes)
    return data


def new_report(now: datetime, report_id: int, **fields: Any) -> Report:
    """A report filed an hour before `now`, new and placed in Vỹ Dạ, unless `fields` say else."""
    created = fields.pop("created_at", now - timedelta(hours=1))
    values: dict[str, Any] = {
        "id": report_id,
        "code": f"PA-2026-{report_id:06d}",
        "title": f"Phản ánh {report_id}",
        "description": "",
        "category": "environment",
        "urgency": Urgency.NORMAL,
        "status": Status.NEW,
        "ward": "vy-da",
        "lat": 16.47,
        "lon": 107.60,
        "address": "",
        "channel": "app",
        "created_at": created,
        "updated_at": created,
    }
    values.update(fields)
    return Report(**values)
