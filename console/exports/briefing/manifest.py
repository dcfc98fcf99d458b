"""The manifest written beside a pack: what it holds, how it was protected, which files.

Plain JSON, so the data-protection officer can check an export without opening the files.
It names cases by code and photos by number, never a person.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from console.exports.briefing.fonts import find_family
from console.exports.briefing.pack import BriefingPack
from console.exports.briefing.wording import PRIVACY_NOTE

PROTECTIONS = (
    "Không có họ tên, số điện thoại, thư điện tử, tài khoản của người phản ánh.",
    "Số điện thoại, thư điện tử, biển số xe trong nội dung được che.",
    "Vị trí chỉ ghi đến phường, xã; bản đồ quy về trung tâm phường, xã.",
    "Ảnh được mã hóa lại: không còn EXIF, GPS.",
    "Khuôn mặt, biển số trong ảnh được nhận diện tự động và làm mờ; cán bộ rà soát thêm.",
)


def _file(path: Path) -> dict[str, Any]:
    data = path.read_bytes()
    return {"name": path.name, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def manifest_data(pack: BriefingPack, files: Sequence[Path], actor: str) -> dict[str, Any]:
    c, p = pack.figures.current, pack.figures.previous
    return {
        "kind": "paht-briefing-pack",
        "generated_at": pack.generated_at.isoformat(),
        "exported_by": actor,
        "period": {"first": pack.period.first.isoformat(), "last": pack.period.last.isoformat()},
        "previous_period": {
            "first": pack.period.previous().first.isoformat(),
            "last": pack.period.previous().last.isoformat(),
        },
        "audience": pack.audience,
        "figures": {
            name: {
                "received": h.received,
                "handled": h.handled,
                "on_time": h.on_time,
                "on_time_rate": h.on_time_rate,
                "rated": h.rated,
                "satisfied": h.satisfied,
                "satisfaction_rate": h.satisfaction_rate,
                "median_handling_hours": h.median_hours,
            }
            for name, h in (("current", c), ("previous", p))
        },
        "map": {"source": pack.map_source},
        "cases": [
            {
                "id": case.report_id,
                "code": case.code,
                "reasons": list(case.reasons),
                "photos": [
                    {
                        "n": photo.n,
                        "kind": photo.kind,
                        "detected_regions": photo.detected,
                        "blurred_boxes": [list(b) for b in photo.boxes],
                        "reviewed_by_hand": photo.reviewed,
                    }
                    for photo in case.photos
                ],
                "photos_left_out": [{"n": n, "reason": why} for n, why in case.missing_photos],
            }
            for case in pack.cases
        ],
        "protections": list(PROTECTIONS),
        "privacy_note": PRIVACY_NOTE,
        "notes": list(pack.notes),
        "font": find_family().name,
        "files": [_file(path) for path in files],
    }


def write_manifest(pack: BriefingPack, files: Sequence[Path], actor: str, path: Path) -> Path:
    path.write_text(
        json.dumps(manifest_data(pack, files, actor), ensure_ascii=False, indent=2), "utf-8"
    )
    return path
