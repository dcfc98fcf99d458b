"""The reference data of Huế: categories, units, wards, routing rules, templates, channels.

It is data (console/resources/reference/*.yaml), editable by an admin and served by the central API,
so places and units carry validity dates and are never enums. `load_reference` checks that the
files hang together and says in Vietnamese what is wrong when they do not.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from console.domain.model import Category, Unit, Ward
from console.domain.yaml_rules import load_yaml
from console.paths import RESOURCES_DIR

REFERENCE_DIR = RESOURCES_DIR / "reference"

#: A rule's `unit` value meaning "the UBND of the report's ward".
WARD_COMMITTEE = "ward_committee"


class ReferenceDataError(ValueError):
    """The reference files are inconsistent; the message (Vietnamese) names the culprit."""


@dataclass(frozen=True, slots=True)
class RoutingRule:
    category: str
    unit: str
    #: None matches every ward (the category's default).
    wards: frozenset[str] | None = None

    def matches(self, category: str, ward: str) -> bool:
        return self.category == category and (self.wards is None or ward in self.wards)

    def to_json(self) -> dict[str, Any]:
        wards = sorted(self.wards) if self.wards is not None else None
        return {"category": self.category, "unit": self.unit, "wards": wards}


@dataclass(frozen=True, slots=True)
class RoutingRules:
    """Ordered rules; the first one matching a (category, ward) wins."""

    rules: tuple[RoutingRule, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"rules": [rule.to_json() for rule in self.rules]}


class _Blank(dict[str, str]):
    """Leaves unknown placeholders visible instead of failing a reply."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass(frozen=True)
class Reference:
    categories: tuple[Category, ...]
    units: tuple[Unit, ...]
    wards: tuple[Ward, ...]
    routing: RoutingRules
    templates: dict[str, str]
    channels: dict[str, str]
    #: English channel names (code -> name); a channel missing here shows its Vietnamese one.
    channels_en: dict[str, str] = field(default_factory=dict)
    _categories: dict[str, Category] = field(init=False, repr=False, compare=False)
    _units: dict[str, Unit] = field(init=False, repr=False, compare=False)
    _wards: dict[str, Ward] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_categories", {c.code: c for c in self.categories})
        object.__setattr__(self, "_units", {u.code: u for u in self.units})
        object.__setattr__(self, "_wards", {w.code: w for w in self.wards})

    def category(self, code: str) -> Category | None:
        return self._categories.get(code)

    def unit(self, code: str) -> Unit | None:
        return self._units.get(code)

    def ward(self, code: str) -> Ward | None:
        return self._wards.get(code)

    def active_units(self) -> tuple[Unit, ...]:
        return tuple(u for u in self.units if u.active)

    def current_wards(self) -> tuple[Ward, ...]:
        """The 40 phường/xã in force since 1 July 2025 (no former ones)."""
        return tuple(w for w in self.wards if w.kind != "former")

    def current_ward(self, code: str) -> Ward | None:
        """The ward itself if current, else its successor (following a chain); None if unknown."""
        ward = self._wards.get(code)
        seen: set[str] = set()
        while ward is not None and ward.kind == "former" and ward.code not in seen:
            seen.add(ward.code)
            ward = self._wards.get(ward.successor or "")
        return ward if ward is not None and ward.kind != "former" else None

    def ward_name(self, code: str, language: str = "vi") -> str:
        return _named(self._wards.get(code), code, language)

    def category_name(self, code: str, language: str = "vi") -> str:
        return _named(self._categories.get(code), code, language)

    def unit_name(self, code: str, language: str = "vi") -> str:
        return _named(self._units.get(code), code, language)

    def channel_name(self, code: str, language: str = "vi") -> str:
        if language == "en" and self.channels_en.get(code):
            return self.channels_en[code]
        return self.channels.get(code, code)

    def related_categories(self, code: str) -> frozenset[str]:
        """The category itself and those related to it, in either direction."""
        related = {code}
        category = self._categories.get(code)
        if category is not None:
            related.update(category.related)
        related.update(c.code for c in self.categories if code in c.related)
        return frozenset(related)

    def render(self, key: str, **values: object) -> str:
        """Fill template `key` (e.g. "reject.duplicate", "publication"); unknown fields stay."""
        template = self.templates.get(key)
        if template is None:
            raise KeyError(f"Không có mẫu văn bản '{key}'")
        return string.Formatter().vformat(
            template, (), _Blank({k: str(v) for k, v in values.items()})
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "categories": [
                {"code": c.code, "name": c.name, "name_en": c.name_en, "related": list(c.related)}
                for c in self.categories
            ],
            "units": [dataclasses.asdict(u) for u in self.units],
            "wards": [dataclasses.asdict(w) for w in self.wards],
            "routing": self.routing.to_json(),
            "templates": dict(self.templates),
            "channels": dict(self.channels),
            "channels_en": dict(self.channels_en),
        }


def _named(item: Category | Unit | Ward | None, code: str, language: str) -> str:
    """A reference item's name in `language` (its Vietnamese name when it has no other)."""
    if item is None:
        return code
    return item.name_en if language == "en" and item.name_en else item.name


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def _category(data: Mapping[str, Any]) -> Category:
    return Category(
        code=str(data["code"]),
        name=str(data["name"]),
        related=tuple(str(c) for c in data.get("related") or ()),
        name_en=str(data.get("name_en") or ""),
    )


def _unit(data: Mapping[str, Any]) -> Unit:
    return Unit(
        code=str(data["code"]),
        name=str(data["name"]),
        kind=str(data["kind"]),
        active=bool(data.get("active", True)),
        head=str(data.get("head") or ""),
        focal_point=str(data.get("focal_point") or ""),
        valid_from=_str_or_none(data.get("valid_from")),
        valid_to=_str_or_none(data.get("valid_to")),
        name_en=str(data.get("name_en") or ""),
    )


def _ward(data: Mapping[str, Any]) -> Ward:
    return Ward(
        code=str(data["code"]),
        name=str(data["name"]),
        kind=str(data["kind"]),
        lat=float(data["lat"]),
        lon=float(data["lon"]),
        valid_from=_str_or_none(data.get("valid_from")),
        valid_to=_str_or_none(data.get("valid_to")),
        successor=_str_or_none(data.get("successor")),
        committee=_str_or_none(data.get("committee")),
        name_en=str(data.get("name_en") or ""),
    )


def _channel(value: Any) -> tuple[str, str]:
    """A channel's (Vietnamese, English) names: YAML gives {name, name_en}, older JSON a name."""
    if isinstance(value, Mapping):
        return str(value["name"]), str(value.get("name_en") or "")
    return str(value), ""


def _channels_en(data: Mapping[str, Any]) -> dict[str, str]:
    given = {str(k): str(v) for k, v in (data.get("channels_en") or {}).items()}
    for code, value in (data.get("channels") or {}).items():
        english = _channel(value)[1]
        if english:
            given[str(code)] = english
    return given


def _rule(data: Mapping[str, Any]) -> RoutingRule:
    wards = data.get("wards")
    return RoutingRule(
        category=str(data["category"]),
        unit=str(data["unit"]),
        wards=None if wards is None else frozenset(str(w) for w in wards),
    )


def _unique(kind: str, codes: Iterable[str]) -> None:
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            raise ReferenceDataError(f"Mã {kind} '{code}' bị trùng")
        seen.add(code)


def _check(reference: Reference) -> None:
    """Raise ReferenceDataError for dangling codes or a category without a default rule."""
    _unique("lĩnh vực", (c.code for c in reference.categories))
    _unique("đơn vị", (u.code for u in reference.units))
    _unique("địa bàn", (w.code for w in reference.wards))
    for category in reference.categories:
        for other in category.related:
            if reference.category(other) is None:
                raise ReferenceDataError(
                    f"Lĩnh vực '{category.code}' liên quan tới lĩnh vực không tồn tại '{other}'"
                )
    for ward in reference.wards:
        if ward.successor is not None and reference.ward(ward.successor) is None:
            raise ReferenceDataError(
                f"Địa bàn cũ '{ward.code}' chuyển về địa bàn không tồn tại '{ward.successor}'"
            )
        if ward.committee is not None and reference.unit(ward.committee) is None:
            raise ReferenceDataError(
                f"Địa bàn '{ward.code}' gắn với UBND không tồn tại '{ward.committee}'"
            )
    defaults: set[str] = set()
    for index, rule in enumerate(reference.routing.rules, start=1):
        where = f"Quy tắc phân công {index}"
        if reference.category(rule.category) is None:
            raise ReferenceDataError(f"{where}: lĩnh vực không tồn tại '{rule.category}'")
        if rule.unit != WARD_COMMITTEE and reference.unit(rule.unit) is None:
            raise ReferenceDataError(f"{where}: đơn vị không tồn tại '{rule.unit}'")
        for ward_code in sorted(rule.wards or ()):
            if reference.ward(ward_code) is None:
                raise ReferenceDataError(f"{where}: địa bàn không tồn tại '{ward_code}'")
        if rule.wards is None:
            defaults.add(rule.category)
    for category in reference.categories:
        if category.code not in defaults:
            raise ReferenceDataError(
                f"Lĩnh vực '{category.code}' chưa có quy tắc phân công mặc định (không ghi địa bàn)"
            )


def reference_from_json(data: Mapping[str, Any]) -> Reference:
    """Build a Reference from its JSON (or YAML) shape; raise ReferenceDataError if broken."""
    try:
        reference = Reference(
            categories=tuple(_category(c) for c in data.get("categories") or ()),
            units=tuple(_unit(u) for u in data.get("units") or ()),
            wards=tuple(_ward(w) for w in data.get("wards") or ()),
            routing=RoutingRules(
                tuple(_rule(r) for r in (data.get("routing") or {}).get("rules") or ())
            ),
            templates={str(k): str(v) for k, v in (data.get("templates") or {}).items()},
            channels={str(k): _channel(v)[0] for k, v in (data.get("channels") or {}).items()},
            channels_en=_channels_en(data),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ReferenceDataError(f"Dữ liệu danh mục không hợp lệ: {exc!r}") from exc
    _check(reference)
    return reference


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        with path.open(encoding="utf-8") as handle:
            data = load_yaml(handle)
    except OSError as exc:
        raise ReferenceDataError(f"Không đọc được tệp danh mục {path}: {exc}") from exc
    except yaml.YAMLError as exc:
        raise ReferenceDataError(f"Tệp danh mục {path.name} sai cú pháp YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ReferenceDataError(f"Tệp danh mục {path.name} không chứa một bảng dữ liệu")
    return data


@functools.cache
def _load_cached(folder: Path) -> Reference:
    data: dict[str, Any] = {}
    for name in ("categories", "units", "wards", "templates", "channels"):
        data[name] = _read_yaml(folder / f"{name}.yaml").get(name)
    data["routing"] = {"rules": _read_yaml(folder / "routing.yaml").get("rules")}
    return reference_from_json(data)


def load_reference(folder: Path | None = None) -> Reference:
    """The reference data from `folder` (default: the shipped resources), cached per folder."""
    return _load_cached((folder or REFERENCE_DIR).resolve())


def reference_or_shipped(stored: Mapping[str, Any] | None) -> Reference:
    """The server's copy when there is a usable one, else the shipped reference data."""
    if stored:
        with contextlib.suppress(ReferenceDataError):
            return reference_from_json(stored)
    return load_reference()
