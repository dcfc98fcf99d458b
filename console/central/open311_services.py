"""Open311 service definitions: the questions a partner app asks for some categories.

Roads, lighting and sanitation reports are triaged faster when the kind of problem comes with
them. The answers (`attribute[CODE]` in a POST) are checked against these definitions and
written at the end of the report's description, where the operator reads them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Attribute:
    code: str
    datatype: str
    required: bool
    description: str
    datatype_description: str = ""
    values: tuple[tuple[str, str], ...] = ()

    def to_json(self, order: int) -> dict[str, Any]:
        return {
            "variable": True,
            "code": self.code,
            "datatype": self.datatype,
            "required": self.required,
            "datatype_description": self.datatype_description,
            "order": order,
            "description": self.description,
            "values": [{"key": key, "name": name} for key, name in self.values],
        }


ATTRIBUTES: dict[str, tuple[Attribute, ...]] = {
    "roads": (
        Attribute(
            "DAMAGE",
            "singlevaluelist",
            True,
            "Loại hư hỏng mặt đường",
            values=(
                ("pothole", "Ổ gà"),
                ("subsidence", "Sụt lún"),
                ("crack", "Nứt mặt đường"),
                ("flooded", "Ngập nước"),
                ("obstacle", "Vật cản trên đường"),
            ),
        ),
        Attribute(
            "WIDTH_M",
            "number",
            False,
            "Chiều rộng ước tính (mét)",
            "Một số, ví dụ 1.5",
        ),
    ),
    "lighting": (
        Attribute(
            "FAULT",
            "singlevaluelist",
            True,
            "Tình trạng đèn",
            values=(
                ("off", "Đèn không sáng"),
                ("flicker", "Đèn chập chờn"),
                ("daytime", "Đèn sáng ban ngày"),
                ("pole", "Cột đèn nghiêng, đổ"),
                ("wire", "Dây điện hở, đứt"),
            ),
        ),
        Attribute("POLE", "string", False, "Số hiệu cột đèn (nếu thấy)"),
    ),
    "environment": (
        Attribute(
            "WASTE",
            "multivaluelist",
            False,
            "Loại rác thải",
            values=(
                ("household", "Rác sinh hoạt"),
                ("construction", "Xà bần, phế thải xây dựng"),
                ("bulky", "Đồ cồng kềnh"),
                ("dead-animal", "Xác động vật"),
            ),
        ),
    ),
}


def definition(service_code: str) -> dict[str, Any]:
    attributes = ATTRIBUTES.get(service_code, ())
    return {
        "service_code": service_code,
        "attributes": [a.to_json(n) for n, a in enumerate(attributes, start=1)],
    }


class AttributeRefused(ValueError):
    """An attribute value the service definition refuses; the message says which."""


def _number(raw: str, attribute: Attribute) -> str:
    try:
        value = float(raw.replace(",", "."))
    except ValueError:
        raise AttributeRefused(f"attribute[{attribute.code}] phải là một số.") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise AttributeRefused(f"attribute[{attribute.code}] phải là một số.")
    return raw.strip()


def answers(service_code: str, given: Mapping[str, list[str]]) -> list[str]:
    """Lines "description: answer" for the report; raises AttributeRefused on a bad value."""
    known = {a.code: a for a in ATTRIBUTES.get(service_code, ())}
    unknown = sorted(set(given) - set(known))
    if unknown:
        raise AttributeRefused(f"Lĩnh vực {service_code} không có attribute[{unknown[0][:40]}].")
    lines = []
    for attribute in known.values():
        raw = [v.strip() for v in given.get(attribute.code, []) if v.strip()]
        if not raw:
            if attribute.required:
                raise AttributeRefused(f"Thiếu attribute[{attribute.code}] (bắt buộc).")
            continue
        names = dict(attribute.values)
        if attribute.datatype in ("singlevaluelist", "multivaluelist"):
            if attribute.datatype == "singlevaluelist" and len(raw) > 1:
                raise AttributeRefused(f"attribute[{attribute.code}] chỉ nhận một giá trị.")
            wrong = [v for v in raw if v not in names]
            if wrong:
                raise AttributeRefused(
                    f"attribute[{attribute.code}] không có giá trị «{wrong[0][:40]}»."
                )
            text = ", ".join(names[v] for v in raw)
        elif attribute.datatype == "number":
            text = _number(raw[0], attribute)
        else:
            text = raw[0][:500]
        lines.append(f"{attribute.description}: {text}")
    return lines
