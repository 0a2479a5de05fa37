"""The steering committee's slide deck: a Story in, .pptx bytes out (python-pptx, 16:9).

The same story as the PDF report in ten to twelve slides, every chart native and editable (the
radar, the ambition / capability map as a scatter chart, the dimension bars, the roadmap as a
Gantt of stacked bars), every text a text box, and the reasons behind each message and action in
the speaker notes, so that a consultant can adapt the deck to the room.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from pptx import Presentation
from pptx.chart.data import CategoryChartData, XyChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu, Inches, Pt

from assessment import formatting as fmt
from assessment.reading.chart_style import INK, MUTED, NAVY, STALL, wrap_label
from exports.pack.story import Story, Table

WIDE, HIGH = Inches(13.333), Inches(7.5)
LEFT, TOP = Inches(0.6), Inches(1.35)
BODY_WIDTH = WIDE - 2 * LEFT
TABLE_ROWS = 9  # rows of a table slide; the rest go to the speaker notes
MAP_POINTS = 6  # points of every series of the map (the midpoint cross needs six)


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def deck_of(story: Story) -> bytes:
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDE, HIGH
    _Deck(deck, story).build()
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


class _Deck:
    def __init__(self, deck: Presentation, story: Story) -> None:
        self.deck, self.story = deck, story
        self.blank = deck.slide_layouts[6]

    def word(self, key: str, **values: object) -> str:
        return self.story.word(key, **values)

    def build(self) -> None:
        story = self.story
        self._title()
        self._summary()
        self._messages()
        self._dimensions()
        if story.map_point:
            self._map()
        if story.diagnoses:
            self._diagnoses()
        if story.priorities:
            self._priorities()
        if story.roadmap and story.roadmap.actions():
            self._timeline()
        if story.kpis:
            self._table_slide(self.word("report.kpis"), story.kpis, intro=story.pilot)
        self._peers()
        if story.workshop:
            self._workshop()
        self._appendix()
        self._footers()

    # --- slides ---------------------------------------------------------------------------

    def _slide(self, heading: str, notes: str = ""):
        slide = self.deck.slides.add_slide(self.blank)
        self._text(
            slide, heading, LEFT, Inches(0.45), BODY_WIDTH, Inches(0.8), 26, bold=True, colour=NAVY
        )
        if notes:
            slide.notes_slide.notes_text_frame.text = notes
        return slide

    def _title(self) -> None:
        story = self.story
        slide = self.deck.slides.add_slide(self.blank)
        self._text(
            slide,
            self.word("report.title"),
            LEFT,
            Inches(2.3),
            BODY_WIDTH,
            Inches(1.1),
            40,
            bold=True,
            colour=NAVY,
        )
        lines = [story.client, story.title, story.day]
        self._text(
            slide,
            "\n".join(p for p in lines if p),
            LEFT,
            Inches(3.5),
            BODY_WIDTH,
            Inches(1.6),
            20,
            colour=MUTED,
        )
        slide.notes_slide.notes_text_frame.text = story.verdict

    def _summary(self) -> None:
        story = self.story
        slide = self._slide(self.word("deck.summary"), "\n\n".join(story.method))
        self._text(
            slide,
            story.score,
            LEFT,
            TOP,
            Inches(3.4),
            Inches(1.0),
            40,
            bold=True,
            colour=STALL if story.map_point and story.map_point.stall else NAVY,
        )
        self._text(
            slide, story.level, LEFT, TOP + Inches(1.0), Inches(3.4), Inches(0.5), 16, bold=True
        )
        self._text(slide, story.verdict, LEFT, TOP + Inches(1.7), Inches(4.2), Inches(3.5), 17)
        self._radar(slide, Inches(5.2), TOP - Inches(0.1), Inches(7.5), Inches(5.4))

    def _messages(self) -> None:
        story = self.story
        notes = []
        reasons = {row[0]: row[2] for row in (story.priorities.rows if story.priorities else [])}
        for n, message in enumerate(story.messages, start=1):
            notes.append(
                f"{n}. {message.action} ({message.number}): {reasons.get(message.number, '')}"
            )
        slide = self._slide(self.word("report.key_messages"), "\n\n".join(notes))
        if not story.messages:
            self._text(slide, self.word("report.no_messages"), LEFT, TOP, BODY_WIDTH, Inches(1), 18)
            return
        top = TOP + Inches(0.1)
        for n, message in enumerate(story.messages, start=1):
            self._text(
                slide, str(n), LEFT, top, Inches(0.7), Inches(1.3), 36, bold=True, colour=NAVY
            )
            self._text(
                slide,
                message.text,
                LEFT + Inches(0.9),
                top + Inches(0.08),
                BODY_WIDTH - Inches(0.9),
                Inches(1.4),
                19,
            )
            top += Inches(1.65)

    def _dimensions(self) -> None:
        story = self.story
        slide = self._slide(self.word("report.dimensions"), _table_text(story.dimension_table))
        data = CategoryChartData(number_format="0")
        data.categories = [title for title, _ in story.dimensions]
        data.add_series(self.word("workbook.score"), [score or 0 for _, score in story.dimensions])
        chart = slide.shapes.add_chart(
            XL_CHART_TYPE.BAR_CLUSTERED, LEFT, TOP, BODY_WIDTH, Inches(5.4), data
        ).chart
        chart.has_legend = chart.has_title = False
        plot = chart.plots[0]
        plot.has_data_labels = True
        plot.data_labels.font.size = Pt(14)
        plot.data_labels.number_format, plot.data_labels.number_format_is_linked = "0", False
        plot.series[0].format.fill.solid()
        plot.series[0].format.fill.fore_color.rgb = _rgb(NAVY)
        chart.value_axis.maximum_scale, chart.value_axis.minimum_scale = 100, 0
        chart.value_axis.tick_labels.font.size = Pt(12)
        chart.category_axis.tick_labels.font.size = Pt(14)
        chart.category_axis.reverse_order = True  # the questionnaire's order, top down

    def _map(self) -> None:
        story, point = self.story, self.story.map_point
        notes = self.word(
            "deck.map_notes",
            midpoint=fmt.number(point.midpoint, story.lang),
            threshold=fmt.number(point.threshold, story.lang),
        )
        slide = self._slide(self.word("report.map"), notes)
        data = XyChartData()
        balance = data.add_series(self.word("deck.balance"))
        # Every series has the same number of points: Impress drops a series shorter than a
        # later one.
        for n in range(MAP_POINTS):
            balance.add_data_point(100 * n / (MAP_POINTS - 1), 100 * n / (MAP_POINTS - 1))
        stall = data.add_series(self.word("deck.stall_line"))
        t = point.threshold
        for n in range(MAP_POINTS):
            x = (100 - t) * n / (MAP_POINTS - 1)
            stall.add_data_point(x, x + t)
        # The midpoint cross as one path, so that the legend names it once.
        cross = data.add_series(self.word("deck.midpoint"))
        m = point.midpoint
        for xy in ((m, 0), (m, m), (0, m), (100, m), (m, m), (m, 100)):
            cross.add_data_point(*xy)
        organisation = data.add_series(story.client or self.word("deck.organisation"))
        for _ in range(MAP_POINTS):
            organisation.add_data_point(point.internal, point.customer)
        frame = slide.shapes.add_chart(
            XL_CHART_TYPE.XY_SCATTER, LEFT, TOP, Inches(7.4), Inches(5.6), data
        )
        chart = frame.chart
        chart.has_title = False
        for axis, key in (
            (chart.category_axis, "chart.internal_axis"),
            (chart.value_axis, "chart.customer_axis"),
        ):
            axis.minimum_scale, axis.maximum_scale, axis.major_unit = 0, 100, 25
            axis.has_title = True
            axis.axis_title.text_frame.text = self.word(key)
            axis.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(12)
            axis.tick_labels.font.size = Pt(11)
            axis.has_major_gridlines = False
        colours = [MUTED, STALL, "#9aa1ab", STALL if point.stall else NAVY]
        for series, colour in zip(chart.plots[0].series, colours, strict=True):
            series.format.line.color.rgb = _rgb(colour)
            series.format.line.width = Pt(1.75)
            series.smooth = False
            series.marker.style = XL_MARKER_STYLE.NONE
        dot = chart.plots[0].series[3]
        dot.format.line.fill.background()  # a point, no line
        label = dot.points[0].data_label
        label.has_text_frame = True
        label.text_frame.text = story.client or self.word("deck.organisation")
        label.position = XL_LABEL_POSITION.RIGHT
        label.font.size, label.font.bold = Pt(12), True
        dot.marker.style, dot.marker.size = XL_MARKER_STYLE.CIRCLE, 14
        dot.marker.format.fill.solid()
        dot.marker.format.fill.fore_color.rgb = _rgb(STALL if point.stall else NAVY)
        chart.plots[0].series[1].format.line.dash_style = MSO_LINE_DASH_STYLE.DASH
        chart.has_legend = True
        chart.legend.position, chart.legend.include_in_layout = XL_LEGEND_POSITION.BOTTOM, False
        chart.legend.font.size = Pt(11)
        side = LEFT + Inches(7.8)
        quadrant = self.word(
            "deck.position",
            internal=fmt.score(point.internal, story.lang),
            customer=fmt.score(point.customer, story.lang),
        )
        self._text(
            slide, quadrant, side, TOP + Inches(0.2), Inches(4.3), Inches(1.2), 18, bold=True
        )
        self._text(slide, story.verdict, side, TOP + Inches(1.5), Inches(4.3), Inches(3.5), 16)

    def _diagnoses(self) -> None:
        slide = self._slide(self.word("report.diagnoses"))
        top = TOP
        for title, raised, sentence in self.story.diagnoses:
            verdict = self.word("report.raised" if raised else "report.not_raised")
            self._text(
                slide,
                f"{title} — {verdict}",
                LEFT,
                top,
                BODY_WIDTH,
                Inches(0.5),
                18,
                bold=True,
                colour=STALL if raised else INK,
            )
            self._text(slide, sentence, LEFT, top + Inches(0.5), BODY_WIDTH, Inches(1.6), 14)
            top += Inches(2.3)

    def _priorities(self) -> None:
        table = self.story.priorities
        shown = Table(
            [table.headers[i] for i in (0, 1, 3, 4)],
            [[row[i] for i in (0, 1, 3, 4)] for row in table.rows],
            [1, 8, 3, 1.5],
        )
        notes = "\n\n".join(f"{row[0]} {row[1]}: {row[2]}" for row in table.rows)
        self._table_slide(self.word("report.priorities"), shown, notes=notes)

    def _timeline(self) -> None:
        roadmap, lang = self.story.roadmap, self.story.lang
        actions = roadmap.actions()
        slide = self._slide(
            self.word("report.roadmap"),
            "\n".join(
                f"{a.number} {a.title(lang)}: {a.start.isoformat()} – {a.end.isoformat()}"
                for a in actions
            ),
        )
        data = CategoryChartData(number_format="0")
        data.categories = [f"{a.number} {_short(a.title(lang))}" for a in actions]
        data.add_series(
            self.word("deck.waiting"), [(a.start - roadmap.start).days for a in actions]
        )
        data.add_series(self.word("deck.days"), [(a.end - a.start).days + 1 for a in actions])
        chart = slide.shapes.add_chart(
            XL_CHART_TYPE.BAR_STACKED, LEFT, TOP - Inches(0.15), BODY_WIDTH, Inches(5.6), data
        ).chart
        chart.has_legend = chart.has_title = False
        waiting, doing = chart.plots[0].series
        waiting.format.fill.background()
        doing.format.fill.solid()
        doing.format.fill.fore_color.rgb = _rgb(NAVY)
        chart.plots[0].gap_width = 40
        chart.category_axis.reverse_order = True
        chart.category_axis.tick_labels.font.size = Pt(9)
        chart.value_axis.tick_labels.font.size = Pt(10)
        chart.value_axis.minimum_scale = 0
        chart.value_axis.has_title = True
        chart.value_axis.axis_title.text_frame.text = self.word(
            "deck.days_from", start=fmt.date(roadmap.start, self.story.lang)
        )
        chart.value_axis.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(11)

    def _peers(self) -> None:
        story = self.story
        if story.peers:
            self._table_slide(self.word("report.peers"), story.peers)
            return
        notes = _table_text(story.references) if story.references else ""
        slide = self._slide(self.word("report.peers"), notes)
        self._text(
            slide, self.word("report.no_peers"), LEFT, TOP, BODY_WIDTH, Inches(1), 16, colour=MUTED
        )
        if story.references:
            rows = [[r[0], r[1], r[2], f"{r[4]}, {r[3]}"] for r in story.references.rows[:3]]
            head = story.references.headers
            table = Table([head[0], head[1], head[2], head[4]], rows, [2, 1.2, 7, 2.5])
            self._grid(slide, table, TOP + Inches(1.1), 11)

    def _workshop(self) -> None:
        room = self.story.workshop
        slide = self._slide(self.word("report.workshop", title=room.title))
        facts = "   ·   ".join(f"{label}: {value}" for label, value in room.participation)
        self._text(slide, facts, LEFT, TOP, BODY_WIDTH, Inches(0.5), 16, bold=True)
        top = TOP + Inches(0.7)
        for key, table in (
            ("report.disagreements", room.disagreements),
            ("report.group_gaps", room.group_gaps),
        ):
            self._text(slide, self.word(key), LEFT, top, BODY_WIDTH, Inches(0.4), 15, bold=True)
            if table:
                shown = Table(table.headers, table.rows[:4], table.widths)
                self._grid(slide, shown, top + Inches(0.45), 11)
                top += Inches(0.45) + Inches(0.42) * (len(shown.rows) + 1) + Inches(0.3)
            else:
                empty = (
                    "report.no_disagreements"
                    if key == "report.disagreements"
                    else "report.no_group_gaps"
                )
                self._text(
                    slide,
                    self.word(empty),
                    LEFT,
                    top + Inches(0.45),
                    BODY_WIDTH,
                    Inches(0.4),
                    13,
                    colour=MUTED,
                )
                top += Inches(1.0)

    def _appendix(self) -> None:
        story = self.story
        notes = "\n\n".join([*story.method, self.word("report.method_note")])
        slide = self._slide(self.word("report.appendix"), notes)
        self._text(slide, self.word("report.method_note"), LEFT, TOP, BODY_WIDTH, Inches(0.9), 14)
        if story.provenance:
            rows = [[r[0], r[1], r[2], r[4]] for r in story.provenance.rows[:7]]
            head = story.provenance.headers
            table = Table([head[0], head[1], head[2], head[4]], rows, [2, 6, 1, 3])
            self._grid(slide, table, TOP + Inches(1.0), 11)

    def _table_slide(self, heading: str, table: Table, intro: str | None = None, notes: str = ""):
        slide = self._slide(heading, notes or _table_text(table))
        top = TOP
        if intro:
            self._text(slide, intro, LEFT, top, BODY_WIDTH, Inches(0.9), 14)
            top += Inches(1.0)
        shown = Table(table.headers, table.rows[:TABLE_ROWS], table.widths)
        self._grid(slide, shown, top, 12)
        hidden = len(table.rows) - len(shown.rows)
        if hidden > 0:
            self._text(slide, self.word("deck.more_in_notes", count=hidden), LEFT,
                       HIGH - Inches(1.0), BODY_WIDTH, Inches(0.4), 12, colour=MUTED)  # fmt: skip
        return slide

    # --- pieces ---------------------------------------------------------------------------

    def _radar(self, slide, left: Emu, top: Emu, width: Emu, height: Emu) -> None:
        data = CategoryChartData(number_format="0")
        # Wrapped labels leave the radar itself room in the chart's frame.
        data.categories = [wrap_label(title, 18, "\n") for title, _ in self.story.dimensions]
        data.add_series(
            self.word("workbook.score"), [score or 0 for _, score in self.story.dimensions]
        )
        chart = slide.shapes.add_chart(
            XL_CHART_TYPE.RADAR_FILLED, left, top, width, height, data
        ).chart
        chart.has_legend = chart.has_title = False
        series = chart.plots[0].series[0]
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = _rgb("#a9bdd1")
        series.format.line.color.rgb = _rgb(NAVY)
        chart.value_axis.maximum_scale, chart.value_axis.minimum_scale = 100, 0
        chart.value_axis.major_unit = 25
        chart.value_axis.tick_labels.font.size = Pt(10)
        chart.category_axis.tick_labels.font.size = Pt(13)

    def _grid(self, slide, table: Table, top: Emu, size: int) -> None:
        rows, columns = len(table.rows) + 1, len(table.headers)
        height = Inches(0.42) * rows
        frame = slide.shapes.add_table(rows, columns, LEFT, top, BODY_WIDTH, height)
        grid = frame.table
        total = sum(table.widths)
        for n, weight in enumerate(table.widths):
            grid.columns[n].width = int(BODY_WIDTH * weight / total)
        for r, row in enumerate([table.headers, *table.rows]):
            for c, value in enumerate(row):
                cell = grid.cell(r, c)
                cell.text = value
                for paragraph in cell.text_frame.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(size)
                        run.font.bold = r == 0

    def _text(
        self,
        slide,
        text: str,
        left,
        top,
        width,
        height,
        size: int,
        bold: bool = False,
        colour: str = INK,
    ) -> None:
        box = slide.shapes.add_textbox(left, top, width, height)
        frame = box.text_frame
        frame.word_wrap = True
        for n, line in enumerate(text.split("\n")):
            paragraph = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
            paragraph.alignment = PP_ALIGN.LEFT
            run = paragraph.add_run()
            run.text = line
            run.font.size, run.font.bold = Pt(size), bold
            run.font.color.rgb = _rgb(colour)

    def _footers(self) -> None:
        story, brand = self.story, self.story.brand
        count = len(self.deck.slides)
        for number, slide in enumerate(self.deck.slides, start=1):
            parts = [brand.firm, story.client, story.day, brand.confidentiality]
            left = LEFT
            if brand.logo:
                picture = slide.shapes.add_picture(
                    io.BytesIO(brand.logo), LEFT, HIGH - Inches(0.55), height=Inches(0.35)
                )
                left = LEFT + picture.width + Inches(0.2)
                parts = parts[1:]
            self._text(
                slide,
                "  ·  ".join(p for p in parts if p),
                left,
                HIGH - Inches(0.55),
                WIDE - left - Inches(2.2),
                Inches(0.4),
                10,
                colour=MUTED,
            )
            self._text(
                slide,
                self.word("report.page", page=number, pages=count),
                WIDE - Inches(2.1),
                HIGH - Inches(0.55),
                Inches(1.5),
                Inches(0.4),
                10,
                colour=MUTED,
            )


def _table_text(table: Table | None) -> str:
    if table is None:
        return ""
    return "\n".join(" · ".join(row) for row in _rows(table))


def _rows(table: Table) -> Iterable[list[str]]:
    yield table.headers
    yield from table.rows


def _short(title: str, limit: int = 48) -> str:
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"
