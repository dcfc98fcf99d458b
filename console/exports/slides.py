"""What the Center's slide decks share (the press-tour briefing, the period report's conference
deck): 16:9, Arial (Liberation Sans in LibreOffice, every Vietnamese letter), the Center's
blue, text boxes, the title band and the cover."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import cast

from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.presentation import Presentation as PresentationType
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from console.exports.briefing.wording import ISSUING_BODY, PARENT_BODY

FONT = "Arial"
#: python-pptx leaves RGBColor untyped.
_rgb = cast(Callable[[int, int, int], RGBColor], RGBColor)
BLUE = _rgb(0x15, 0x65, 0xC0)
INK = _rgb(0x21, 0x25, 0x29)
MUTED = _rgb(0x6C, 0x75, 0x7D)
WHITE = _rgb(0xFF, 0xFF, 0xFF)
PALE = _rgb(0xE3, 0xF2, 0xFD)
SLIDE_W, SLIDE_H = Inches(13.333), Inches(7.5)
Line = tuple[str, float, bool, RGBColor]


def text_box(
    slide: Slide,
    box: tuple[float, float, float, float],
    lines: Sequence[Line],
    *,
    align: PP_ALIGN = PP_ALIGN.LEFT,
    anchor: MSO_ANCHOR = MSO_ANCHOR.TOP,
) -> None:
    x, y, w, h = box
    frame = slide.shapes.add_textbox(Inches(x), Inches(y), Inches(w), Inches(h)).text_frame
    frame.word_wrap = True
    frame.vertical_anchor = anchor
    for i, (text, size, bold, colour) in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.alignment = align
        paragraph.space_after = Pt(size * 0.35)
        run = paragraph.add_run()
        run.text = text
        run.font.name = FONT
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = colour


def band(slide: Slide, title: str, subtitle: str = "") -> None:
    """A content slide's title on a blue band across the top, its subtitle under it."""
    shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Emu(0), Emu(0), SLIDE_W, Inches(1.1))
    shape.fill.solid()
    shape.fill.fore_color.rgb = BLUE
    shape.line.fill.background()
    lines: list[Line] = [(title, 28, True, WHITE)]
    text_box(slide, (0.5, 0.12, 12.3, 0.9), lines, anchor=MSO_ANCHOR.MIDDLE)
    if subtitle:
        text_box(slide, (0.5, 1.15, 12.3, 0.5), [(subtitle, 16, False, MUTED)])


def cover_slide(prs: PresentationType, band_height_in: float) -> Slide:
    """A new cover: the issuing body at the top, a blue band from 2.2 in for the title."""
    slide: Slide = prs.slides.add_slide(prs.slide_layouts[6])
    height = Inches(band_height_in)
    shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Emu(0), Inches(2.2), SLIDE_W, height)
    shape.fill.solid()
    shape.fill.fore_color.rgb = BLUE
    shape.line.fill.background()
    text_box(
        slide,
        (0.5, 0.5, 12.3, 1.4),
        [(PARENT_BODY, 18, False, INK), (ISSUING_BODY, 20, True, INK)],
        align=PP_ALIGN.CENTER,
    )
    return slide
