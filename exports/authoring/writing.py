"""A questionnaire, or a blank model, as a workbook to edit."""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from assessment.models import LANGUAGES, Option, Questionnaire, Text
from exports.authoring.layout import (
    COLUMNS,
    DIAGNOSES,
    DIMENSIONS,
    LEVELS,
    OPTIONS,
    QUESTIONS,
    REFERENCES,
    SCALE,
    SETTINGS,
    SETTINGS_TEXTS,
    THEMES,
)
from exports.workbook.style import HEADER_FILL, HEADER_FONT, put


def questionnaire_workbook(questionnaire: Questionnaire) -> bytes:
    """The questionnaire as a workbook to edit (``yaml_of`` brings it back unchanged)."""
    languages = questionnaire.languages or list(LANGUAGES)
    book = Workbook()
    book.remove(book.active)
    scale = questionnaire.scale
    anchors = [f"anchor_{v}" for v in scale.values] if scale else []
    settings = {
        "id": questionnaire.id,
        "version": questionnaire.version,
        "languages": ", ".join(questionnaire.languages),
        "stall_threshold": questionnaire.symmetry.stall_threshold,
        "midpoint": questionnaire.symmetry.midpoint,
        "title": questionnaire.title,
        "description": questionnaire.description,
        "dont_know": questionnaire.dont_know_label(),
    }
    _sheet(book, SETTINGS, languages, [settings], texts=SETTINGS_TEXTS)
    if scale is not None:
        rows = [{"value": lv.value, "score": lv.score, "label": lv.label} for lv in scale.levels]
        _sheet(book, SCALE, languages, rows)
    _sheet(
        book, LEVELS, languages, [m.model_dump() | _texts(m) for m in questionnaire.maturity_levels]
    )
    _sheet(book, THEMES, languages, [{"id": t.id, "label": t.label} for t in questionnaire.themes])
    _sheet(
        book, REFERENCES, languages, [r.model_dump() | _texts(r) for r in questionnaire.references]
    )
    _sheet(
        book,
        DIMENSIONS,
        languages,
        [
            d.model_dump(exclude={"questions"}) | _texts(d)
            for d in questionnaire.ordered_dimensions()
        ],
    )
    lists: dict[tuple, tuple[str, list[Option]]] = {}
    questions = []
    for dimension, question in questionnaire.questions():
        row = question.model_dump(exclude={"anchors", "options"}) | _texts(question)
        row["dimension"] = dimension.id
        if question.options:
            key = tuple(o.model_dump_json() for o in question.options)
            name = f"list_{len(lists) + 1}"
            row["options"] = lists.setdefault(key, (name, question.options))[0]
        row |= {f"anchor_{v}": text for v, text in question.anchors.items()}
        questions.append(row)
    _sheet(book, QUESTIONS, languages, questions, texts=["text", "help", *anchors])
    options = [
        {"list": name, "value": o.value, "label": o.label, "description": o.description}
        for name, listed in lists.values()
        for o in listed
    ]
    _sheet(book, OPTIONS, languages, options)
    if questionnaire.diagnoses is not None:
        rows = [d.model_dump() | _texts(d) for d in questionnaire.diagnoses]
        _sheet(book, DIAGNOSES, languages, rows)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def blank_workbook(languages: Iterable[str] = ("en",)) -> bytes:
    """An empty questionnaire workbook: every sheet with its headers and one example row."""
    languages = list(languages)
    book = Workbook()
    book.remove(book.active)
    example = {code: "…" for code in languages}
    text = Text(**example)
    _sheet(
        book,
        SETTINGS,
        languages,
        [
            {
                "id": "my_model",
                "version": "1.0",
                "languages": ", ".join(languages),
                "title": text,
                "description": text,
            }
        ],
        texts=SETTINGS_TEXTS,
    )
    _sheet(
        book, LEVELS, languages, [{"level": 1, "min_score": 0, "name": text, "description": text}]
    )
    _sheet(book, THEMES, languages, [{"id": "my_theme", "label": text}])
    _sheet(
        book,
        DIMENSIONS,
        languages,
        [{"id": "my_dimension", "order": 1, "title": text, "description": text}],
    )
    _sheet(
        book,
        QUESTIONS,
        languages,
        [
            {
                "dimension": "my_dimension",
                "id": "my_question",
                "order": 1,
                "theme": "my_theme",
                "options": "yes_no",
                "text": text,
            }
        ],
    )
    _sheet(
        book,
        OPTIONS,
        languages,
        [
            {"list": "yes_no", "value": 0, "label": text},
            {"list": "yes_no", "value": 1, "label": text},
        ],
    )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _texts(model: Any) -> dict[str, Any]:
    """The model's text fields as themselves (model_dump would make them dictionaries)."""
    return {
        name: getattr(model, name)
        for name in type(model).model_fields
        if isinstance(getattr(model, name), Text)
    }


def _sheet(
    book: Workbook,
    name: str,
    languages: list[str],
    rows: list[dict[str, Any]],
    texts: list[str] | None = None,
) -> Worksheet:
    plain, default_texts = COLUMNS[name]
    texts = default_texts if texts is None else texts
    headers = plain + [f"{t}::{code}" for t in texts for code in languages]
    ws = book.create_sheet(name)
    for column, header in enumerate(headers, start=1):
        put(ws, 1, column, header, font=HEADER_FONT, fill=HEADER_FILL)
        ws.column_dimensions[get_column_letter(column)].width = 40 if "::" in header else 14
    for r, row in enumerate(rows, start=2):
        for column, header in enumerate(headers, start=1):
            key, _, code = header.partition("::")
            value = row.get(key)
            if code:
                value = (
                    value(code) if isinstance(value, Text) and code in value.languages() else None
                )
            elif isinstance(value, list):
                value = ", ".join(map(str, value)) or None
            elif hasattr(value, "value") and not isinstance(value, int | float):
                value = value.value  # an enum: side, compare
            put(ws, r, column, value)
    ws.freeze_panes = "A2"
    return ws
