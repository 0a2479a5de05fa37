"""Workshop sheet, for an assessment made from a live workshop: the room's participation, and
per question the mean, dispersion and consensus; group scores only where the anonymity
threshold let them through (the stored document holds nothing else)."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from assessment.i18n import say
from assessment.models import Language, Questionnaire
from exports.workbook.sheets import SheetWriter
from exports.workbook.style import (
    BOLD,
    ITALIC,
    LEFT,
    SUBTITLE_FONT,
    fit_row_heights,
    print_setup,
    put,
    table,
    title,
    widths,
)


def workshop_sheet(
    questionnaire: Questionnaire, room: dict, lang: Language
) -> dict[str, SheetWriter]:
    return {
        say("workbook.sheet_workshop", lang): lambda ws: _workshop(ws, questionnaire, room, lang)
    }


def _workshop(ws: Worksheet, questionnaire: Questionnaire, room: dict, lang: Language) -> None:
    row = title(ws, say("workbook.sheet_workshop", lang), str(room.get("title", "")))
    facts = [
        ("participants", room.get("participants")),
        ("contributors", room.get("contributors")),
        ("anonymity_threshold", room.get("anonymity_threshold")),
        ("consolidation", room.get("consolidation")),
    ]
    for offset, (key, value) in enumerate(facts):
        put(ws, row + offset, 1, say(f"workbook.{key}", lang), font=BOLD)
        put(ws, row + offset, 2, value, alignment=LEFT)
    row += len(facts) + 1
    questions = room.get("questions", {})
    if not questions:
        put(ws, row, 1, say("workbook.room_hidden", lang))
        widths(ws, [30, 60])
        print_setup(ws)
        return
    put(ws, row, 1, say("workbook.room_questions", lang), font=SUBTITLE_FONT)
    rows = [
        (
            dimension.title(lang),
            question.text(lang),
            figures.get("answered"),
            figures.get("dont_know"),
            figures.get("mean_score"),
            figures.get("sd"),
            figures.get("consensus"),
            figures.get("median_level"),
        )
        for dimension, question in questionnaire.questions()
        if (figures := questions.get(question.id))
    ]
    keys = ("dimension", "question", "answered", "dont_know", "room_mean", "sd", "consensus",
            "median_level")  # fmt: skip
    header = row + 1
    last = table(
        ws, header, [say(f"workbook.{k}", lang) for k in keys], rows, {5: "0.0", 6: "0.0", 7: "0%"}
    )
    fit_row_heights(ws, header + 1, last)
    row = last + 2
    for view in room.get("segments", []):
        put(ws, row, 1, f"{say('workbook.segment', lang)}: {view['segment']}", font=SUBTITLE_FONT)
        dimension_ids = [d.id for d in questionnaire.ordered_dimensions()]
        headers = [say("workbook.group", lang), say("workbook.size", lang)] + [
            questionnaire.dimension(d).title(lang) for d in dimension_ids
        ]
        withheld = say("workbook.size_withheld", lang)
        groups = [
            (
                group["option"],
                withheld if group["size"] is None else group["size"],
                *(group["scores"].get(d) for d in dimension_ids),
            )
            for group in view["groups"]
        ]
        row = table(ws, row + 1, headers, groups, {n: "0.0" for n in range(3, 7)}) + 2
    put(ws, row, 1, say("workbook.anonymity_note", lang), font=ITALIC)
    widths(ws, [22, 60, 10, 10, 10, 10, 11, 10])
    print_setup(ws, header_row=header)
