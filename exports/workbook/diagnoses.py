"""The workbook's Diagnoses sheet: each warning the questionnaire declares, its two figures, gap,
threshold and verdict, then the published research shown beside them, each reference with its
year, population, source and check status (pure: a result in, cells out)."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from assessment.i18n import say
from assessment.models import Language, Questionnaire
from assessment.reading import compared
from assessment.results import Result
from assessment.scoring import declared_diagnoses
from assessment.services import evidence_library
from exports.workbook.style import (
    ALERT_FONT,
    SUBTITLE_FONT,
    WRAP,
    fit_row_heights,
    print_setup,
    put,
    table,
    title,
    widths,
)


def diagnoses_sheet(ws: Worksheet, questionnaire: Questionnaire, result: Result, lang: Language):
    row = title(ws, say("diagnoses.sheet", lang), say("diagnoses.sheet_subtitle", lang))
    declared = {d.id: d for d in declared_diagnoses(questionnaire)}
    rows = []
    for judged in result.diagnoses:
        diagnosis = declared[judged.id]
        ahead, behind = compared(questionnaire, diagnosis, lang)
        verdict = "diagnoses.sheet_raised" if judged.raised else "diagnoses.sheet_not_raised"
        rows.append(
            (
                diagnosis.title(lang),
                diagnosis.explanation(lang),
                say("diagnoses.sheet_compares", lang, ahead=ahead, behind=behind),
                say(verdict, lang),
                judged.ahead_score,
                judged.behind_score,
                judged.gap,
                judged.threshold,
            )
        )
    headers = [
        say(f"diagnoses.sheet_{key}", lang)
        for key in ("warning", "why", "what", "verdict", "ahead", "behind", "gap", "threshold")
    ]
    last = table(ws, row, headers, rows, {5: "0.0", 6: "0.0", 7: "+0.0;-0.0;0", 8: "0"})
    for offset, judged in enumerate(result.diagnoses, start=1):
        if judged.raised:
            ws.cell(row=row + offset, column=4).font = ALERT_FONT
    widths(ws, [24, 46, 30, 36, 10, 14, 10, 10])
    fit_row_heights(ws, row + 1, last)
    _research(ws, questionnaire, lang, last + 2)
    print_setup(ws)  # no repeated header: the research table below has its own


def _research(ws: Worksheet, questionnaire: Questionnaire, lang: Language, row: int) -> None:
    evidence = evidence_library(questionnaire)
    if evidence is None:
        return
    put(ws, row, 1, say("diagnoses.sheet_research", lang), font=SUBTITLE_FONT)
    put(ws, row + 1, 1, say("diagnoses.research_help", lang), alignment=WRAP)
    ws.merge_cells(start_row=row + 1, start_column=1, end_row=row + 1, end_column=8)
    ws.row_dimensions[row + 1].height = 30
    headers = [
        say(f"diagnoses.sheet_{key}", lang)
        for key in ("about", "statement", "population", "source", "year", "checked")
    ]
    titles = {d.id: d.title(lang) for d in declared_diagnoses(questionnaire)}
    rows = [
        (
            titles.get(item.about, say("diagnoses.map_title", lang)),
            item.statement(lang),
            item.population(lang),
            item.source
            + (say("diagnoses.sheet_seen_at", lang, where=item.seen_at) if item.seen_at else ""),
            item.year,
            say(f"workbook.status_{item.status}", lang),
        )
        for item in evidence.evidence
    ]
    fit_row_heights(ws, row + 3, table(ws, row + 3, headers, rows))
