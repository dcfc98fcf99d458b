"""How well the briefing's photo redaction finds licence plates and faces, and what it blurs
for nothing, on reliability.redaction_photos' synthetic set (drawn afresh, seeded).

Methods measured on the same photos: "product" (console.exports.briefing.redaction's
detect_regions: the frontal-face cascade plus plates by their lettering) and "previous"
(the same face cascade plus OpenCV's Russian 16-stage plate cascade, as the console did
before); plate finders alone too. A target counts as found when one blurred box covers at
least half of it (and is at most 8 times its size); a blurred box is false when less than a
tenth of it lies on any target. The faces are the astronaut photo shipped in scikit-image's
wheel: without it, no face is measured and the face figure is not ok.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from PIL import Image

from benchmarks._figures import failed, figure
from console.exports.briefing import redaction
from reliability.redaction_photos import Photo, Target, astronaut, photo_set

Box = tuple[int, int, int, int]
Regions = list[tuple[Box, str]]
COVERED = 0.5
#: Width buckets (px) of plates and faces (the generator's PLATE_WIDTHS and FACE_WIDTHS).
BUCKETS = ((0, 60, "030-059 px"), (60, 120, "060-119 px"), (120, 10_000, "120+ px"))
GOAL_RECALL = 0.9
GOAL_FALSE = 0.05


def _area(box: Box) -> int:
    return box[2] * box[3]


def _overlap(a: Box, b: Box) -> int:
    w = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    h = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return max(0, w) * max(0, h)


def covered(target: Target, boxes: list[Box]) -> bool:
    return any(
        _overlap(b, target.box) >= COVERED * _area(target.box) and _area(b) <= 8 * _area(target.box)
        for b in boxes
    )


def false_boxes(photo: Photo, regions: Regions) -> Regions:
    return [
        (box, kind)
        for box, kind in regions
        if all(_overlap(box, t.box) < 0.1 * _area(box) for t in photo.targets)
    ]


def _grey(image: Image.Image) -> Any:
    import cv2
    import numpy as np

    return cv2.cvtColor(np.asarray(image), cv2.COLOR_RGB2GRAY)


def _grown(image: Image.Image, boxes: list[Box], kind: str) -> Regions:
    return [(redaction._grow(b, *image.size), kind) for b in boxes]


def haar_plates(image: Image.Image) -> Regions:
    """The plate cascade exactly as the console ran it before this benchmark."""
    import cv2

    side = min(image.size)
    size = (max(30, side // 20), max(10, side // 60))
    cascade = redaction._cascade("haarcascade_license_plate_rus_16stages.xml")
    boxes = cascade.detectMultiScale(
        cv2.equalizeHist(_grey(image)), scaleFactor=1.1, minNeighbors=5, minSize=size
    )
    return _grown(image, [redaction._box(b) for b in boxes], "plate")


def character_plates(image: Image.Image) -> Regions:
    return _grown(image, redaction.detect_plates(_grey(image)), "plate")


def faces(image: Image.Image) -> Regions:
    import cv2

    return _grown(image, redaction.detect_faces(cv2.equalizeHist(_grey(image))), "face")


def product(image: Image.Image) -> Regions:
    return [(r.box, r.kind) for r in redaction.detect_regions(image)]


def _bucket(width: int) -> str:
    return next(name for low, high, name in BUCKETS if low <= width < high)


def _share(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def measure(photos: list[Photo], method: Callable[[Image.Image], Regions]) -> dict[str, Any]:
    """Found and total per class, layout and width bucket; false boxes; seconds per photo."""
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    false_by_kind: Counter[str] = Counter()
    clean: Counter[str] = Counter()
    blurred_clean: Counter[str] = Counter()
    started = time.perf_counter()
    for photo in photos:
        regions = method(photo.image)
        boxes = [box for box, _ in regions]
        for target in photo.targets:
            hit = covered(target, boxes)
            for key in (
                target.kind,
                f"{target.kind}/layout/{target.layout}",
                f"{target.kind}/size/{_bucket(target.width)}",
                f"{target.kind}/width/{target.layout} {target.width:>3}",
            ):
                total[key] += 1
                found[key] += hit
        wrong = false_boxes(photo, regions)
        false_by_kind.update(kind for _, kind in wrong)
        if photo.clean:
            group = photo.name.split("-")[0]
            clean[group] += 1
            blurred_clean[group] += bool(wrong)
    return {
        "found": found,
        "total": total,
        "false": sum(false_by_kind.values()),
        "false_by_kind": dict(false_by_kind),
        "clean": clean,
        "blurred_clean": blurred_clean,
        "s_per_photo": (time.perf_counter() - started) / max(1, len(photos)),
    }


def _recalls(m: dict[str, Any], prefix: str) -> dict[str, str]:
    """'found/total' of each key just under `prefix` (e.g. 'plate/size/')."""
    return {
        key[len(prefix) :]: f"{m['found'][key]}/{m['total'][key]}"
        for key in sorted(m["total"])
        if key.startswith(prefix)
    }


def _report(name: str, m: dict[str, Any], photos: int) -> None:
    print(f"\n{name}: {m['s_per_photo'] * 1000:.0f} ms/photo")
    for kind in ("plate", "face") if not name.startswith("plates") else ("plate",):
        if m["total"][kind]:
            recall = _share(m["found"][kind], m["total"][kind])
            print(f"  {kind} recall {recall:.2f} ({m['found'][kind]}/{m['total'][kind]})")
            for part in ("layout", "size", "width"):
                found = _recalls(m, f"{kind}/{part}/")
                if found and (part != "layout" or kind == "plate"):
                    print(f"    {part:<7}", "  ".join(f"{k}: {v}" for k, v in found.items()))
    print(f"  false boxes {m['false']} in {photos} photos {m['false_by_kind']}")
    for group, count in sorted(m["clean"].items()):
        print(f"  clean '{group}' photos blurred: {m['blurred_clean'][group]}/{count}")


def run() -> dict[str, Any]:
    try:
        started = time.perf_counter()
        portrait = astronaut()
        photos = photo_set(portrait=portrait)
        print(f"{len(photos)} photos drawn in {time.perf_counter() - started:.1f} s")
        methods = {
            "product": product,
            "previous": lambda image: faces(image) + haar_plates(image),
            "plates_haar_rus16": haar_plates,
            "plates_characters": character_plates,
        }
        results = {name: measure(photos, method) for name, method in methods.items()}
    except Exception as exc:
        return failed("redaction_plate_recall", exc)
    for name, m in results.items():
        _report(name, m, len(photos))
    return _figures(photos, results, portrait is not None)


def _figures(
    photos: list[Photo], results: dict[str, dict[str, Any]], real_face: bool
) -> dict[str, Any]:
    now, before = results["product"], results["previous"]
    problems = [] if photos else ["no photo generated"]
    if not now["total"]["plate"]:
        problems.append("no plate in the set")
    clean_photos = sum(now["clean"].values())
    if not clean_photos:
        problems.append("no photo without plate or face")
    plate = _share(now["found"]["plate"], now["total"]["plate"])
    figure(
        "redaction_plate_recall",
        plate,
        "ratio",
        f">= {GOAL_RECALL}",
        met=plate >= GOAL_RECALL,
        problems=problems,
        method="lettering rows on a light rectangle (detect_plates)",
        found=now["found"]["plate"],
        plates=now["total"]["plate"],
        by_layout=_recalls(now, "plate/layout/"),
        by_size=_recalls(now, "plate/size/"),
        by_width=_recalls(now, "plate/width/"),
        previous_haar_rus16=round(_share(before["found"]["plate"], before["total"]["plate"]), 3),
    )
    face = _share(now["found"]["face"], now["total"]["face"])
    figure(
        "redaction_face_recall",
        face,
        "ratio",
        f">= {GOAL_RECALL}",
        met=face >= GOAL_RECALL,
        problems=problems
        + ([] if real_face else ["scikit-image not installed: no real face on disk"]),
        method="haarcascade_frontalface_default",
        face_source="skimage/data/astronaut.png" if real_face else None,
        found=now["found"]["face"],
        faces=now["total"]["face"],
        by_size=_recalls(now, "face/size/"),
        by_width=_recalls(now, "face/width/"),
    )
    per_photo = now["false"] / max(1, len(photos))
    figure(
        "redaction_false_blurs",
        per_photo,
        "boxes/photo",
        f"<= {GOAL_FALSE}",
        met=per_photo <= GOAL_FALSE,
        problems=problems,
        false_boxes=now["false"],
        photos=len(photos),
        by_kind=now["false_by_kind"],
        previous=round(before["false"] / max(1, len(photos)), 3),
        previous_by_kind=before["false_by_kind"],
    )
    blurred = sum(now["blurred_clean"].values())
    share = _share(blurred, clean_photos)
    return figure(
        "redaction_clean_photos_blurred",
        share,
        "ratio",
        f"<= {GOAL_FALSE}",
        met=share <= GOAL_FALSE,
        problems=problems,
        blurred=blurred,
        clean_photos=clean_photos,
        by_set={g: f"{now['blurred_clean'][g]}/{n}" for g, n in sorted(now["clean"].items())},
        previous=round(_share(sum(before["blurred_clean"].values()), clean_photos), 3),
        previous_by_set={
            g: f"{before['blurred_clean'][g]}/{n}" for g, n in sorted(before["clean"].items())
        },
    )
