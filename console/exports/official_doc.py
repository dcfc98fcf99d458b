"""A DOCX in the administrative format of Nghị định 30/2020/NĐ-CP.

A4, Times New Roman 13-14 pt, margins 20/20/30/15 mm, the two-column header (issuing body and
national motto), number and dated place line, centred title with its summary line, numbered
headings, justified body with a first-line indent, the signature block and "Nơi nhận", then
annexes (Phụ lục I, II...) for tables of figures, landscape when they are wide.
Numbers are written the Vietnamese way (1.234; 12,5) and times in Vietnam time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm, Length, Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from console.domain.hue_time import to_local
from console.exports.docx_parts import (
    align_of,
    cell_xml,
    fixed_widths,
    no_borders,
    rule_under,
    set_font,
    tight,
)
from console.exports.vn_text import Rounded, date_line, vn_number

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


@dataclass(frozen=True, slots=True)
class Letterhead:
    parent_body: str = "UBND THÀNH PHỐ HUẾ"
    issuing_body: str = "TRUNG TÂM GIÁM SÁT, ĐIỀU HÀNH\nĐÔ THỊ THÔNG MINH"
    number: str = "Số: 01/BC-TTGSĐHĐTTM"
    place: str = "Huế"
    signer_title: str = "GIÁM ĐỐC"
    signer_name: str = ""
    recipients: tuple[str, ...] = (
        "- UBND thành phố (để báo cáo);",
        "- Lãnh đạo Trung tâm;",
        "- Lưu: VT, ĐHĐTTM.",
    )


@dataclass
class AnnexTable:
    title: str
    header: Sequence[str]
    rows: Sequence[Sequence[object]]
    widths_cm: Sequence[float] = field(default_factory=tuple)
    note: str = ""


def vn_cell(value: object) -> str:
    """A table cell as text: Vietnamese numbers, times as dd/mm/yyyy HH:MM in Vietnam time."""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, int):
        return vn_number(value)
    if isinstance(value, Rounded):
        return vn_number(value, value.places)
    if isinstance(value, float):
        return vn_number(value, 1 if round(value, 1) == value else 2)
    if isinstance(value, datetime):
        return f"{to_local(value):%d/%m/%Y %H:%M}"
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


class OfficialDocument:
    """Builds one document; call the parts in reading order, then save()."""

    #: Header columns: they must hold "TRUNG TÂM GIÁM SÁT, ĐIỀU HÀNH" and the national name
    #: (12 pt bold capitals) on one line each: 0.7 cm wider than the text, centred on it.
    HEADER_CM = (7.9, 9.3)

    def __init__(self, letterhead: Letterhead) -> None:
        self.letterhead = letterhead
        self.doc: DocumentType = Document()
        self.annexes = 0
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin = Mm(20)
        section.bottom_margin = Mm(20)
        section.left_margin = Mm(30)
        section.right_margin = Mm(15)
        normal = self.doc.styles["Normal"]
        set_font(normal, 13)
        normal.paragraph_format.space_after = Pt(6)
        normal.paragraph_format.line_spacing = 1.1

    def _para(
        self,
        text: str = "",
        *,
        size: float = 13,
        bold: bool = False,
        italic: bool = False,
        align: WD_ALIGN_PARAGRAPH | None = None,
        indent: bool = False,
        container: DocumentType | _Cell | None = None,
    ) -> Paragraph:
        target = container if container is not None else self.doc
        paragraph = target.add_paragraph()
        if align is not None:
            paragraph.alignment = align
        if indent:
            paragraph.paragraph_format.first_line_indent = Cm(1.27)
        if text:
            set_font(paragraph.add_run(text), size, bold=bold, italic=italic)
        return paragraph

    def header(self, issued: date) -> None:
        lh = self.letterhead
        left_cm, right_cm = self.HEADER_CM
        table = self.doc.add_table(rows=1, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        fixed_widths(table, self.HEADER_CM)
        no_borders(table)
        left, right = table.rows[0].cells
        first = tight(left.paragraphs[0])
        first.alignment = WD_ALIGN_PARAGRAPH.CENTER
        set_font(first.add_run(lh.parent_body.upper()), 12)
        tight(
            self._para(
                lh.issuing_body.upper(),
                size=12,
                bold=True,
                align=WD_ALIGN_PARAGRAPH.CENTER,
                container=left,
            )
        )
        rule_under(self._para(container=left), 2.5, left_cm)
        self._para(lh.number, size=13, align=WD_ALIGN_PARAGRAPH.CENTER, container=left)

        motto_top = tight(right.paragraphs[0])
        motto_top.alignment = WD_ALIGN_PARAGRAPH.CENTER
        set_font(motto_top.add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), 12, bold=True)
        tight(
            self._para(
                "Độc lập - Tự do - Hạnh phúc",
                size=13.5,
                bold=True,
                align=WD_ALIGN_PARAGRAPH.CENTER,
                container=right,
            )
        )
        rule_under(self._para(container=right), 6.0, right_cm)
        self._para(
            date_line(lh.place, issued),
            size=13,
            italic=True,
            align=WD_ALIGN_PARAGRAPH.CENTER,
            container=right,
        )

    def title(self, title: str, summary: str) -> None:
        self._para()
        heading = self._para(title.upper(), size=14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        tight(heading)
        tight(self._para(summary, size=14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER))
        rule_under(self._para(), 4.0, 16.5)

    def heading(self, text: str, level: int = 1) -> None:
        """Level 1 'I. ...' and level 2 '1. ...' bold; level 3 'a) ...' italic."""
        paragraph = self._para(
            text,
            size=13,
            bold=level <= 2,
            italic=level == 3,
            align=WD_ALIGN_PARAGRAPH.JUSTIFY,
            indent=True,
        )
        paragraph.paragraph_format.space_before = Pt(6)
        paragraph.paragraph_format.keep_with_next = True

    def body(self, text: str) -> None:
        self._para(text, size=13, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True)

    def bullet(self, text: str) -> None:
        self._para(f"- {text}", size=13, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True)

    def note(self, text: str) -> None:
        """A small italic remark (sources, how figures are counted)."""
        self._para(text, size=12, italic=True, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True)

    def spacer(self) -> None:
        """A thin gap (after a table, so the next paragraph does not touch it)."""
        tight(self._para()).paragraph_format.line_spacing = Pt(6)

    def caption(self, text: str) -> None:
        p = self._para(text, size=12, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        p.paragraph_format.keep_with_next = True

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[object]],
        widths_cm: Sequence[float] = (),
        *,
        size: float = 11,
    ) -> Table:
        """A grid with a bold header row repeated on every page; numbers right-aligned; a row
        whose first or second cell says 'Tổng cộng' in bold. Built as one XML fragment:
        python-docx's per-cell calls take seconds for an annex of a few hundred rows."""
        widths = list(widths_cm) or [self.text_width_cm() / len(header)] * len(header)
        twips = [int(Cm(w).twips) for w in widths]
        parts = [
            f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="TableGrid"/>'
            '<w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/>'
            '<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>',
            *(f'<w:gridCol w:w="{w}"/>' for w in twips),
            "</w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr>",
            *(
                cell_xml(str(h), w, size, bold=True, align="center")
                for h, w in zip(header, twips, strict=True)
            ),
            "</w:tr>",
        ]
        for values in rows:
            total = "Tổng cộng" in (str(v) for v in values[:2])
            parts.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
            parts.extend(
                cell_xml(vn_cell(v), w, size, bold=total, align=align_of(v))
                for v, w in zip(values, twips, strict=True)
            )
            parts.append("</w:tr>")
        parts.append("</w:tbl>")
        tbl = parse_xml("".join(parts))
        self.doc.element.body._insert_tbl(tbl)
        return Table(tbl, self.doc._body)

    def text_width_cm(self) -> float:
        section = self.doc.sections[-1]
        lengths = (section.page_width, section.left_margin, section.right_margin)
        page, left, right = (Length(v or 0) for v in lengths)
        return float(Length(page - left - right).cm)

    def signature(self, recipients: Sequence[str] | None = None) -> None:
        lh = self.letterhead
        self._para()
        table = self.doc.add_table(rows=1, cols=2)
        fixed_widths(table, (8.0, 8.5))
        no_borders(table)
        left, right = table.rows[0].cells
        heading = tight(left.paragraphs[0])
        set_font(heading.add_run("Nơi nhận:"), 12, bold=True, italic=True)
        for line in recipients or lh.recipients:
            set_font(tight(left.add_paragraph()).add_run(line), 11)
        title = tight(right.paragraphs[0])
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        set_font(title.add_run(lh.signer_title), 13, bold=True)
        for _ in range(4):
            tight(self._para(container=right))
        if lh.signer_name:
            self._para(
                lh.signer_name, size=13, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, container=right
            )

    def annex(self, annex: AnnexTable, *, landscape: bool = False, size: float = 11) -> str:
        """'Phụ lục I' (II, ...) on a new page with its title and table; returns the numeral.

        The first landscape annex opens a landscape section; later annexes follow on new
        pages of the same section."""
        numeral = ROMAN[self.annexes]
        self.annexes += 1
        current = self.doc.sections[-1]
        if landscape and current.orientation != WD_ORIENT.LANDSCAPE:
            section = self.doc.add_section(WD_SECTION.NEW_PAGE)
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Mm(297), Mm(210)
        else:
            self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        tight(self._para(f"Phụ lục {numeral}", size=13, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER))
        tight(self._para(annex.title.upper(), size=13, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER))
        if annex.note:
            self._para(annex.note, size=12, italic=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        else:
            self._para()
        self.table(annex.header, annex.rows, annex.widths_cm, size=size)
        return numeral

    def save(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".tmp")
        self.doc.save(str(tmp))
        tmp.replace(path)
        return path
