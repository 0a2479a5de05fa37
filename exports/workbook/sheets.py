"""The steering-committee workbook: an assessment → .xlsx bytes (pure: no Streamlit, no database).

Sheets: Summary, Scores (with a native radar chart built from the cells), Symmetry, Answers,
then Roadmap / Pilot KPIs / Benchmark / Workshop when that data is given, Diagnoses (each
warning and the research behind it), and a hidden `_meta` sheet that lets the toolkit re-import
the workbook.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from datetime import UTC, datetime
from types import EllipsisType

from openpyxl import Workbook
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from assessment.bundle import AssessmentBundle
from assessment.i18n import say
from assessment.models import Language, Questionnaire
from assessment.questionnaire import dont_know_text
from assessment.reading import diagnosis_warnings, interpret, stall_explanation
from assessment.reading.messages import key_messages
from assessment.results import Result
from assessment.roadmap import LibraryError, Roadmap
from assessment.scoring import maturity_level, score
from exports.workbook import charts
from exports.workbook.diagnoses import diagnoses_sheet
from exports.workbook.style import (
    BOLD,
    LEFT,
    SUBTITLE_FONT,
    WRAP,
    fit_row_heights,
    print_setup,
    put,
    table,
    title,
    widths,
)

META_SHEET = "_meta"
ANSWERS_HEADER_ROW = 4
SheetWriter = Callable[[Worksheet], None]


def build_workbook(
    questionnaire: Questionnaire,
    bundle: AssessmentBundle,
    extra_sheets: dict[str, SheetWriter] | None = None,
    roadmap: Roadmap | EllipsisType | None = ...,
) -> bytes:
    """The workbook in the assessment's language. `extra_sheets` maps sheet titles to writers
    (roadmap, KPIs, benchmark, workshop) supplied by those features; the key messages name
    the actions of `roadmap` (by default, the bundle's own)."""
    lang = bundle.language
    result = score(questionnaire, bundle.answers)
    if roadmap is ...:
        roadmap = _roadmap_of(questionnaire, bundle)
    workbook = Workbook()
    summary = workbook.active
    summary.title = say("workbook.sheet_summary", lang)
    next_row = _summary(summary, questionnaire, bundle, result, roadmap)
    scores = workbook.create_sheet(say("workbook.sheet_scores", lang))
    _scores(scores, questionnaire, result, lang)
    symmetry = None
    if questionnaire.has_sides:  # a model without sides has no symmetry analysis
        symmetry = workbook.create_sheet(say("workbook.sheet_symmetry", lang))
        _symmetry(symmetry, questionnaire, result, lang)
    _summary_charts(summary, scores, symmetry, questionnaire, bundle, result, next_row)
    _answers(workbook.create_sheet(say("workbook.sheet_answers", lang)), questionnaire, bundle)
    for sheet_title, write in (extra_sheets or {}).items():
        write(workbook.create_sheet(sheet_title[:31]))
    diagnoses = workbook.create_sheet(say("diagnoses.sheet", lang))
    diagnoses_sheet(diagnoses, questionnaire, result, lang)
    _meta(workbook.create_sheet(META_SHEET), bundle)
    _properties(workbook, questionnaire, bundle)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _roadmap_of(questionnaire: Questionnaire, bundle: AssessmentBundle) -> Roadmap | None:
    from assessment.services import action_library, bundle_roadmap

    library = action_library(questionnaire)
    today = (bundle.exported_at or datetime.now(UTC)).date()
    return bundle_roadmap(
        questionnaire, bundle, None if isinstance(library, LibraryError) else library, today
    )


def _summary(
    ws: Worksheet,
    questionnaire: Questionnaire,
    bundle: AssessmentBundle,
    result: Result,
    roadmap: Roadmap | None,
) -> int:
    lang, profile = bundle.language, bundle.profile
    row = title(ws, questionnaire.title(lang), say("workbook.summary_subtitle", lang))
    level = maturity_level(questionnaire, result.overall.score)
    warnings = diagnosis_warnings(questionnaire, result, lang)
    if questionnaire.has_sides:
        verdict = stall_explanation(result, lang) or say(
            "workbook.no_stall"
            if result.symmetry.index is not None
            else "workbook.symmetry_unknown",
            lang,
        )
        verdict = " ".join([verdict, *warnings])
    else:
        verdict = " ".join(warnings) or say("model.no_warning", lang)
    facts = [
        ("organisation", profile.organisation if profile else "—"),
        ("sector", say(f"sector.{profile.sector}", lang) if profile else "—"),
        ("size_class", say(f"size_class.{profile.size_class}", lang) if profile else "—"),
        ("country", say(f"country.{profile.country}", lang) if profile else "—"),
        ("role", say(f"role.{profile.role}", lang) if profile else "—"),
        ("date", (bundle.exported_at or datetime.now(UTC)).date()),
        ("questionnaire", f"{questionnaire.id} v{questionnaire.version}"),
        ("overall_score", result.overall.score),
        ("maturity_level", f"{level.level} · {level.name(lang)}" if level else "—"),
        ("coverage", result.overall.coverage),
        ("symmetry_verdict" if questionnaire.has_sides else "warnings", verdict),
    ]
    for offset, (key, value) in enumerate(facts):
        label = say("model.warnings" if key == "warnings" else f"workbook.{key}", lang)
        put(ws, row + offset, 1, label, font=BOLD, alignment=WRAP)
        cell = put(ws, row + offset, 2, value, alignment=LEFT)
        if key == "overall_score":
            cell.number_format = "0.0"
        elif key == "coverage":
            cell.number_format = "0%"
        elif key == "date":
            cell.number_format = "yyyy-mm-dd"
    row += len(facts) + 1
    put(ws, row, 1, say("workbook.key_messages", lang), font=SUBTITLE_FONT)
    # Each message names an action of the roadmap and the figure calling for it; the method
    # and coverage notes are on the Scores sheet.
    messages = [m.text for m in key_messages(questionnaire, result, roadmap, lang)]
    for offset, message in enumerate(messages, start=1):
        put(ws, row + offset, 1, f"{offset}.", font=BOLD, alignment=WRAP)
        put(ws, row + offset, 2, message, alignment=WRAP)
    if not messages:
        put(ws, row + 1, 2, say("report.no_messages", lang), alignment=WRAP)
    widths(ws, [27, 110])
    fit_row_heights(ws, 4, row + max(1, len(messages)))
    print_setup(ws)
    ws.page_setup.fitToHeight = 1  # the summary and its charts on one page
    return row + max(1, len(messages)) + 2


def _summary_charts(
    ws: Worksheet,
    scores: Worksheet,
    symmetry: Worksheet | None,
    questionnaire: Questionnaire,
    bundle: AssessmentBundle,
    result: Result,
    row: int,
) -> None:
    """The radar and, when the result has a symmetry to place, the map, side by side."""
    count = len(result.dimensions)
    radar = charts.radar(scores, 4, 4 + count, bundle.language)
    charts.beside(radar, row, 0)
    ws.add_chart(radar)
    if symmetry is not None and result.symmetry.index is not None:
        organisation = bundle.profile.organisation if bundle.profile else ""
        chart = charts.ambition_map(symmetry, 5, organisation, bundle.language)
        charts.beside(chart, row, radar.width + 1)
        ws.add_chart(chart)


def _scores(ws: Worksheet, questionnaire: Questionnaire, result: Result, lang: Language) -> None:
    row = title(ws, say("workbook.sheet_scores", lang), say("workbook.scores_subtitle", lang))
    rows = [
        (
            questionnaire.dimension(d.id).title(lang),
            round(d.score, 1) if d.score is not None else None,
            d.answered,
            d.total,
            d.coverage,
        )
        for d in result.dimensions
    ]
    headers = [
        say(f"workbook.{k}", lang)
        for k in ("dimension", "score", "answered", "questions", "coverage")
    ]
    last = table(ws, row, headers, rows, {2: "0.0", 5: "0%"})
    ws.add_chart(charts.radar(ws, row, last, lang), f"A{last + 3}")
    widths(ws, [48, 12, 12, 12, 12])
    # How the result was read, and how complete it is: the method notes, below the chart.
    below = last + 23
    ws.row_breaks.append(Break(id=below - 1))  # the reading starts a page of its own
    put(ws, below, 1, say("report.summary_reading", lang), font=SUBTITLE_FONT)
    for offset, paragraph in enumerate(interpret(questionnaire, result, lang), start=1):
        put(ws, below + offset, 1, _plain(paragraph), alignment=WRAP)
        ws.merge_cells(
            start_row=below + offset, start_column=1, end_row=below + offset, end_column=5
        )
        ws.row_dimensions[below + offset].height = 15 * (1 + len(paragraph) // 90)
    print_setup(ws, header_row=row)


def _symmetry(ws: Worksheet, questionnaire: Questionnaire, result: Result, lang: Language) -> None:
    row = title(ws, say("workbook.sheet_symmetry", lang), say("workbook.symmetry_subtitle", lang))
    s = result.symmetry
    rows = [
        (say("workbook.customer_side", lang), s.customer_score, s.customer_coverage),
        (say("workbook.internal_side", lang), s.internal_score, s.internal_coverage),
    ]
    headers = [say(f"workbook.{k}", lang) for k in ("side", "score", "coverage")]
    last = table(ws, row, headers, rows, {2: "0.0", 3: "0%"})
    # Formulas, so the index and the verdict follow a committee member's edits.
    facts = [
        (
            "symmetry_index",
            f'=IF(OR(B{row + 1}="",B{row + 2}=""),"",B{row + 1}-B{row + 2})',
            "+0.0;-0.0;0",
        ),
        ("stall_threshold", s.stall_threshold, "0"),
        (
            "stall_verdict",
            f'=IF(B{last + 2}="","",IF(B{last + 2}>=B{last + 3},'
            f'"{_quoted(say("workbook.stall_yes", lang))}",'
            f'"{_quoted(say("workbook.stall_no", lang))}"))',
            None,
        ),
        ("quadrant", say(f"workbook.quadrant_{s.quadrant}", lang) if s.quadrant else "—", None),
    ]
    for offset, (key, value, number_format) in enumerate(facts, start=2):
        put(ws, last + offset, 1, say(f"workbook.{key}", lang), font=BOLD)
        cell = ws.cell(row=last + offset, column=2, value=value)  # our own formulas, not user text
        if number_format:
            cell.number_format = number_format
    explanation = stall_explanation(result, lang) or say("workbook.symmetry_explained", lang)
    put(ws, last + 7, 1, explanation, alignment=WRAP)
    ws.merge_cells(start_row=last + 7, start_column=1, end_row=last + 7, end_column=3)
    ws.row_dimensions[last + 7].height = 60
    widths(ws, [40, 14, 14])
    if questionnaire.symmetry is not None:
        charts.map_cells(ws, questionnaire.symmetry.midpoint, s.stall_threshold, row + 1)
    print_setup(ws, header_row=row)


def _answers(ws: Worksheet, questionnaire: Questionnaire, bundle: AssessmentBundle) -> None:
    lang = bundle.language
    row = title(ws, say("workbook.sheet_answers", lang), say("workbook.answers_subtitle", lang))
    assert row == ANSWERS_HEADER_ROW
    rows = []
    for dimension, question in questionnaire.questions():
        level = bundle.answers.get(question.id, "unanswered")
        if level == "unanswered":
            level_cell, described = None, say("workbook.not_answered", lang)
        elif level is None:
            level_cell, described = None, dont_know_text(questionnaire, lang)
        else:
            choice = questionnaire.choice(question, level)
            described = (choice.description or choice.label)(lang)
            if question.options:  # its own answer's words, then what they mean
                described = " — ".join(
                    t(lang) for t in (choice.label, choice.description) if t is not None
                )
            level_cell = level
        rows.append(
            (
                dimension.title(lang),
                question.id,
                question.text(lang),
                level_cell,
                described,
                bundle.comments.get(question.id, ""),
                question.weight,
            )
        )
    keys = (
        "dimension",
        "question_id",
        "question",
        "level",
        "level_description",
        "comment",
        "weight",
    )
    last = table(ws, row, [say(f"workbook.{k}", lang) for k in keys], rows, {4: "0", 7: "0.0"})
    widths(ws, [22, 26, 60, 8, 48, 40, 8])
    fit_row_heights(ws, row, last)
    print_setup(ws, header_row=row)


def _meta(ws: Worksheet, bundle: AssessmentBundle) -> None:
    """Machine-readable facts for re-import; hidden from readers."""
    profile = bundle.profile.model_dump() if bundle.profile else {}
    facts = {
        "schema_version": bundle.schema_version,
        "questionnaire_id": bundle.questionnaire_id,
        "questionnaire_version": bundle.questionnaire_version,
        "language": bundle.language,
        **{f"profile.{key}": value for key, value in profile.items()},
        "created_at": bundle.created_at.isoformat() if bundle.created_at else "",
        "answers_sheet": say("workbook.sheet_answers", bundle.language),
    }
    for row, (key, value) in enumerate(facts.items(), start=1):
        put(ws, row, 1, key)
        put(ws, row, 2, value)
    # The roadmap's edits, the pilot's values and the room's figures as the JSON backup keeps
    # them, so that a re-imported workbook loses none of them; cut to fit Excel's cells.
    row = len(facts) + 1
    for key, document in section_documents(bundle):
        text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
        put(ws, row, 1, key)
        for column, start in enumerate(range(0, len(text), META_CELL), start=2):
            put(ws, row, column, text[start : start + META_CELL])
        row += 1
    ws.sheet_state = "hidden"


META_CELL = 30_000  # characters of one cell (Excel holds at most 32,767)


def section_documents(bundle: AssessmentBundle) -> list[tuple[str, dict]]:
    """The bundle's sections (roadmap edits, workshop, pilot) by their field name, as the
    JSON backup writes them."""
    dumped = bundle.model_dump(mode="json", include={"roadmap", "workshop", "pilot"})
    return [(key, dumped[key]) for key in ("roadmap", "workshop", "pilot") if dumped[key]]


def _properties(workbook: Workbook, questionnaire: Questionnaire, bundle: AssessmentBundle) -> None:
    lang = bundle.language
    organisation = bundle.profile.organisation if bundle.profile else ""
    workbook.properties.title = f"{questionnaire.title(lang)} — {organisation}".strip(" —")
    workbook.properties.subject = say("workbook.summary_subtitle", lang)
    workbook.properties.creator = "Transformation maturity toolkit"
    workbook.properties.keywords = f"{questionnaire.id} {questionnaire.version}"
    workbook.properties.language = lang


def _quoted(text: str) -> str:
    """Text inside a formula's string literal."""
    return text.replace('"', '""')


def _plain(markdown: str) -> str:
    return re.sub(r"\*\*(.+?)\*\*", r"\1", markdown)
