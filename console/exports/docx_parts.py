"""Pieces of WordprocessingML python-docx has no API for: fonts on every script slot,
borderless tables, fixed column widths, a rule under a header line, raw table cells."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

FONT = "Times New Roman"


def fonts_of(r_pr: Any) -> None:
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def set_font(target: Any, size: float, *, bold: bool = False, italic: bool = False) -> None:
    """Font of a run or a style, on every script slot (Word picks eastAsia/cs for some text)."""
    font = target.font
    font.name = FONT
    font.size = Pt(size)
    font.bold = bold
    font.italic = italic
    fonts_of(target.element.get_or_add_rPr())


def no_borders(table: Table) -> None:
    """No borders and narrow cell margins: header and signature text uses the full column."""
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), "28")
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    tbl_pr = table._tbl.tblPr
    # Schema order: ... jc, tblInd, tblBorders, shd, tblLayout, tblCellMar, tblLook.
    layout = tbl_pr.find(qn("w:tblLayout"))
    look = tbl_pr.find(qn("w:tblLook"))
    if layout is not None:
        layout.addprevious(borders)
    elif look is not None:
        look.addprevious(borders)
    else:
        tbl_pr.append(borders)
    if look is not None:
        look.addprevious(margins)
    else:
        tbl_pr.append(margins)


def fixed_widths(table: Table, widths_cm: Sequence[float]) -> None:
    """Fixed column widths, in the grid (LibreOffice reads it) and on every cell (Word)."""
    table.autofit = False
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_cm, strict=False):
        col.set(qn("w:w"), str(int(Cm(width).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=False):
            cell.width = Cm(width)
    table_width = table._tbl.tblPr.find(qn("w:tblW"))
    if table_width is not None:
        table_width.set(qn("w:type"), "dxa")
        table_width.set(qn("w:w"), str(sum(int(Cm(w).twips) for w in widths_cm)))


def rule_under(paragraph: Paragraph, width_cm: float, column_cm: float) -> None:
    """A short centred rule under a header line (a bottom border on a narrowed paragraph)."""
    p_pr = paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), "6")
    bottom.set(qn("w:space"), "1")
    bottom.set(qn("w:color"), "000000")
    border.append(bottom)
    p_pr.append(border)
    indent = max(0.0, (column_cm - width_cm) / 2)
    paragraph.paragraph_format.left_indent = Cm(indent)
    paragraph.paragraph_format.right_indent = Cm(indent)
    paragraph.paragraph_format.space_after = Pt(6)
    paragraph.paragraph_format.line_spacing = Pt(2)


def align_of(value: object) -> str:
    return "right" if isinstance(value, int | float) and not isinstance(value, bool) else "left"


_CONTROL = dict.fromkeys(range(32), " ")


def cell_xml(text: str, twips: int, size: float, *, bold: bool, align: str) -> str:
    """One table cell: a tight paragraph with one run (Normal style gives the font)."""
    half_points = round(size * 2)
    bold_props = "<w:b/><w:bCs/>" if bold else ""
    size_props = f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'
    spacing = '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
    shown = escape(text.translate(_CONTROL))
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{twips}" w:type="dxa"/></w:tcPr>'
        f'<w:p><w:pPr>{spacing}<w:jc w:val="{align}"/></w:pPr>'
        f"<w:r><w:rPr>{bold_props}{size_props}</w:rPr>"
        f'<w:t xml:space="preserve">{shown}</w:t></w:r></w:p></w:tc>'
    )


def tight(paragraph: Paragraph) -> Paragraph:
    paragraph.paragraph_format.space_before = Pt(0)
    paragraph.paragraph_format.space_after = Pt(0)
    return paragraph
