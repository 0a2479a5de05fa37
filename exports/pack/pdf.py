"""The steering committee's PDF report: a Story in, PDF bytes out (reportlab, A4 portrait).

Page 1 is the executive summary (score, level, the verdict in one sentence, the radar and the
ambition / capability map, the key messages); then dimensions, diagnoses, priorities with their
reasons, the roadmap as a timeline, the pilot's KPIs, peers and reference points with their
sources, the workshop when there was one; method, coverage and the provenance of every figure in
an appendix. DejaVu Sans is embedded; every page has the consultant's firm (or logo), the client,
the date, the confidentiality line and its number in the footer.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as Grid

from assessment import formatting as fmt
from assessment.reading.chart_style import INK, MUTED, NAVY, STALL
from exports.pack import charts
from exports.pack.story import Story, Table

MARGIN = 16 * mm
WIDTH = A4[0] - 2 * MARGIN
FONT, BOLD, ITALIC = "DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"
LIGHT = colors.HexColor("#eef2f7")
LINE = colors.HexColor("#d5d9de")


def _fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    for name, file in (
        (FONT, "DejaVuSans"),
        (BOLD, "DejaVuSans-Bold"),
        (ITALIC, "DejaVuSans-Oblique"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(charts.FONTS / f"{file}.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=ITALIC, boldItalic=BOLD)


def _styles() -> dict[str, ParagraphStyle]:
    ink, navy = colors.HexColor(INK), colors.HexColor(NAVY)
    base = ParagraphStyle(
        "body", fontName=FONT, fontSize=9.5, leading=13, textColor=ink, spaceAfter=3
    )
    return {
        "body": base,
        "title": ParagraphStyle(
            "title", base, fontName=BOLD, fontSize=19, leading=23, textColor=navy
        ),
        "subtitle": ParagraphStyle(
            "subtitle", base, fontSize=10.5, textColor=colors.HexColor(MUTED)
        ),
        "h1": ParagraphStyle(
            "h1",
            base,
            fontName=BOLD,
            fontSize=14,
            leading=18,
            textColor=navy,
            spaceBefore=10,
            spaceAfter=5,
            keepWithNext=1,
        ),
        "h2": ParagraphStyle(
            "h2",
            base,
            fontName=BOLD,
            fontSize=11,
            leading=14,
            spaceBefore=6,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "score": ParagraphStyle(
            "score",
            base,
            fontName=BOLD,
            fontSize=24,
            leading=28,
            textColor=navy,
            alignment=TA_CENTER,
        ),
        "level": ParagraphStyle("level", base, fontName=BOLD, fontSize=10, alignment=TA_CENTER),
        "verdict": ParagraphStyle("verdict", base, fontSize=11, leading=15),
        "message": ParagraphStyle(
            "message",
            base,
            fontSize=10,
            leading=14,
            leftIndent=14,
            firstLineIndent=-14,
            spaceAfter=5,
        ),
        "cell": ParagraphStyle("cell", base, fontSize=7.8, leading=10),
        "head": ParagraphStyle("head", base, fontName=BOLD, fontSize=7.8, leading=10),
        "note": ParagraphStyle(
            "note", base, fontName=ITALIC, fontSize=8, leading=11, textColor=colors.HexColor(MUTED)
        ),
    }


def build_pdf(story: Story) -> bytes:
    _fonts()
    styles = _styles()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=14 * mm,
        bottomMargin=22 * mm,
        title=f"{story.word('report.title')} — {story.client}",
        author=story.brand.firm or story.word("report.title"),
        subject=story.title,
        lang=story.lang,
    )
    flow = _summary(story, styles) + [PageBreak()] + _body(story, styles) + _appendix(story, styles)
    footer = _Footer(story)
    document.build(
        flow,
        canvasmaker=lambda *a, **k: _NumberedCanvas(
            *a, footer=footer, **{**k, "initialFontName": FONT}
        ),
    )
    return buffer.getvalue()


# --- page 1 -------------------------------------------------------------------------------


def _summary(story: Story, s: dict) -> list[Flowable]:
    flow: list[Flowable] = [
        Paragraph(_text(story.word("report.title")), s["title"]),
        Paragraph(
            _text(" · ".join(p for p in (story.client, story.title, story.day) if p)), s["subtitle"]
        ),
        Spacer(1, 5 * mm),
    ]
    score = [Paragraph(_text(story.score), s["score"]), Paragraph(_text(story.level), s["level"])]
    verdict = Paragraph(_text(story.verdict), s["verdict"])
    box = Grid([[score, verdict]], colWidths=[52 * mm, WIDTH - 52 * mm])
    box.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("BACKGROUND", (0, 0), (-1, -1), LIGHT),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                (
                    "LINEBEFORE",
                    (0, 0),
                    (0, 0),
                    3,
                    colors.HexColor(STALL if _stalled(story) else NAVY),
                ),
            ]
        )
    )
    flow += [box, Spacer(1, 4 * mm)]
    half = WIDTH / 2
    radar = _image(charts.radar(story), half - 3 * mm)
    headings = [Paragraph(_text(story.word("report.radar")), s["h2"])]
    shown = [radar]
    if story.has_sides:  # a model without sides has no map, not even a note about it
        mapped = charts.ambition_map(story)
        headings.append(Paragraph(_text(story.word("report.map")), s["h2"]))
        shown.append(
            _image(mapped, half - 3 * mm)
            if mapped
            else Paragraph(_text(story.word("report.no_map")), s["note"])
        )
    figures = Grid([headings, shown], colWidths=[half] * len(shown))
    figures.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    flow += [figures, Paragraph(_text(story.word("report.key_messages")), s["h1"])]
    if not story.messages:
        flow.append(Paragraph(_text(story.word("report.no_messages")), s["body"]))
    for n, message in enumerate(story.messages, start=1):
        flow.append(Paragraph(f"<b>{n}.</b>&nbsp;&nbsp;{_text(message.text)}", s["message"]))
    return flow


# --- the body -----------------------------------------------------------------------------


def _body(story: Story, s: dict) -> list[Flowable]:
    flow: list[Flowable] = [Paragraph(_text(story.word("report.dimensions")), s["h1"])]
    flow += [_image(charts.bars(story), WIDTH), Spacer(1, 2 * mm), _grid(story.dimension_table, s)]
    if story.diagnoses:
        flow.append(Paragraph(_text(story.word("report.diagnoses")), s["h1"]))
        for title, raised, sentence in story.diagnoses:
            verdict = story.word("report.raised" if raised else "report.not_raised")
            colour = STALL if raised else MUTED
            flow.append(
                Paragraph(
                    f"<b>{_text(title)}</b> — "
                    f'<font color="{colour}"><b>{_text(verdict)}</b></font>. {_text(sentence)}',
                    s["body"],
                )
            )
            flow.append(Spacer(1, 2 * mm))
    if story.priorities:
        flow += [CondPageBreak(60 * mm), Paragraph(_text(story.word("report.priorities")), s["h1"])]
        flow += [_grid(story.priorities, s)]
        picture = charts.timeline(story)
        if picture:
            flow += [
                CondPageBreak(90 * mm),
                Paragraph(_text(story.word("report.roadmap")), s["h1"]),
                Paragraph(
                    _text(
                        story.word(
                            "report.roadmap_span",
                            start=fmt.date(story.roadmap.start, story.lang),
                            end=fmt.date(story.roadmap.end, story.lang),
                        )
                    ),
                    s["body"],
                ),
                _image(picture, WIDTH),
            ]
    if story.kpis:
        flow += [CondPageBreak(60 * mm), Paragraph(_text(story.word("report.kpis")), s["h1"])]
        flow += [Paragraph(_text(story.pilot), s["body"]), Spacer(1, 2 * mm), _grid(story.kpis, s)]
    flow += [CondPageBreak(50 * mm), Paragraph(_text(story.word("report.peers")), s["h1"])]
    if story.peers:
        flow.append(_grid(story.peers, s))
    else:
        flow.append(Paragraph(_text(story.word("report.no_peers")), s["note"]))
    if story.references:
        flow += [Paragraph(_text(story.word("report.references")), s["h2"])]
        flow += [Paragraph(_text(story.word("workbook.reference_caveat")), s["note"])]
        flow += [Spacer(1, 1 * mm), _grid(story.references, s)]
    if story.workshop:
        flow += _workshop(story, s)
    return flow


def _workshop(story: Story, s: dict) -> list[Flowable]:
    room = story.workshop
    flow: list[Flowable] = [
        CondPageBreak(60 * mm),
        Paragraph(_text(story.word("report.workshop", title=room.title)), s["h1"]),
        _grid(
            Table([story.word("report.figure"), ""], [list(p) for p in room.participation], [4, 2]),
            s,
        ),
    ]
    flow.append(Paragraph(_text(story.word("report.disagreements")), s["h2"]))
    flow.append(
        _grid(room.disagreements, s)
        if room.disagreements
        else Paragraph(_text(story.word("report.no_disagreements")), s["note"])
    )
    flow.append(Paragraph(_text(story.word("report.group_gaps")), s["h2"]))
    flow.append(
        _grid(room.group_gaps, s)
        if room.group_gaps
        else Paragraph(_text(story.word("report.no_group_gaps")), s["note"])
    )
    flow.append(Paragraph(_text(story.word("workbook.anonymity_note")), s["note"]))
    return flow


def _appendix(story: Story, s: dict) -> list[Flowable]:
    flow: list[Flowable] = [PageBreak(), Paragraph(_text(story.word("report.appendix")), s["h1"])]
    flow.append(Paragraph(_text(story.word("report.method")), s["h2"]))
    flow += [Paragraph(_text(paragraph), s["body"]) for paragraph in story.method]
    flow.append(Paragraph(_text(story.word("report.method_note")), s["note"]))
    if story.provenance:
        heading = Paragraph(_text(story.word("report.provenance")), s["h2"])
        flow.append(KeepTogether([heading, _grid(story.provenance, s)]))
    return flow


# --- pieces -------------------------------------------------------------------------------


def _text(value: str) -> str:
    return escape(value)


def _stalled(story: Story) -> bool:
    return bool(story.map_point and story.map_point.stall)


def _image(png: bytes, width: float) -> Image:
    reader = ImageReader(io.BytesIO(png))
    w, h = reader.getSize()
    return Image(io.BytesIO(png), width=width, height=width * h / w)


def _grid(table: Table, s: dict) -> Flowable:
    total = sum(table.widths)
    widths = [WIDTH * w / total for w in table.widths]
    rows = [[Paragraph(_text(h), s["head"]) for h in table.headers]]
    rows += [[Paragraph(_text(cell), s["cell"]) for cell in row] for row in table.rows]
    grid = Grid(rows, colWidths=widths, repeatRows=1)
    grid.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, LINE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return grid if len(rows) > 8 else KeepTogether(grid)


class _Footer:
    def __init__(self, story: Story) -> None:
        self.story = story
        brand = story.brand
        self.logo = ImageReader(io.BytesIO(brand.logo)) if brand.logo else None

    def draw(self, canvas: Canvas, page: int, pages: int) -> None:
        story, brand = self.story, self.story.brand
        canvas.saveState()
        canvas.setStrokeColor(LINE)
        canvas.line(MARGIN, 17 * mm, A4[0] - MARGIN, 17 * mm)
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(colors.HexColor(MUTED))
        left = MARGIN
        if self.logo:
            w, h = self.logo.getSize()
            height = 7 * mm
            canvas.drawImage(
                self.logo, left, 8.5 * mm, width=height * w / h, height=height, mask="auto"
            )
            left += height * w / h + 3 * mm
        elif brand.firm:
            canvas.setFont(BOLD, 7.5)
            canvas.drawString(left, 13 * mm, brand.firm)
            canvas.setFont(FONT, 7.5)
        client = " · ".join(p for p in (story.client, story.day) if p)
        canvas.drawString(left, 13 * mm if self.logo or not brand.firm else 9.5 * mm, client)
        if brand.confidentiality:
            canvas.drawCentredString(A4[0] / 2, 5.5 * mm, brand.confidentiality)
        canvas.drawRightString(
            A4[0] - MARGIN, 13 * mm, story.word("report.page", page=page, pages=pages)
        )
        canvas.restoreState()


class _NumberedCanvas(Canvas):
    """Draws every footer once the page count is known ("page 2 of 7")."""

    def __init__(self, *args, footer: _Footer, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._pages: list[dict] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        count = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._footer.draw(self, number, count)
            super().showPage()
        super().save()
