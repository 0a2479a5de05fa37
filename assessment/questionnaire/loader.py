"""Load a questionnaire file and report every problem in it, each with its location.

Validation has two passes over the same parsed YAML, and both always run so that a consultant
sees all the problems at once:
- structure (keys, types, ranges, translations) by the pydantic models;
- consistency (duplicate ids, unknown themes or references, anchors that do not match the scale,
  maturity thresholds, both sides of the symmetry present), on the raw data, tolerant of any
  shape the structural pass has already complained about.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assessment.models import Questionnaire
from assessment.yaml_document import (
    DocumentError,
    Location,
    Problem,
    describe,
    duplicates,
    entries,
    format_location,
    read_document,
    validate_document,
)

QUESTIONNAIRES_DIR = Path(__file__).resolve().parents[2] / "questionnaires"
DEFAULT_QUESTIONNAIRE = QUESTIONNAIRES_DIR / "transformation.yaml"


class QuestionnaireError(DocumentError):
    """A questionnaire file that cannot be used; ``problems`` lists everything wrong with it."""


__all__ = ["Problem", "QuestionnaireError", "format_location", "load_questionnaire"]


def load_questionnaire(path: str | Path) -> Questionnaire:
    path = Path(path)
    return parse_questionnaire(read_document(path, QuestionnaireError), path.name)


def parse_questionnaire(text: str, source: str = "<questionnaire>") -> Questionnaire:
    return validate_document(
        text,
        source,
        Questionnaire,
        QuestionnaireError,
        lambda error: describe(error, "questionnaires/README.md"),
        _consistency_problems,
        expected="id, version, title, scale, dimensions, …",
    )


# --- consistency ---------------------------------------------------------------------------


def _consistency_problems(data: dict) -> list[tuple[Location, str]]:
    return (
        _duplicate_ids(data)
        + _unknown_references(data)
        + _anchor_problems(data)
        + _scale_problems(data)
        + _maturity_problems(data)
        + _symmetry_problems(data)
    )


def _questions(data: dict) -> list[tuple[Location, dict, dict]]:
    return [
        (("dimensions", d, "questions", q), dimension, question)
        for d, dimension in entries(data, "dimensions")
        for q, question in entries(dimension, "questions")
    ]


def _duplicate_ids(data: dict) -> list[tuple[Location, str]]:
    def ids(key: str, field: str = "id") -> list[tuple[Location, Any]]:
        return [((key, i, field), item.get(field)) for i, item in entries(data, key)]

    question_ids = [(loc + ("id",), q.get("id")) for loc, _, q in _questions(data)]
    scale = data.get("scale") if isinstance(data.get("scale"), dict) else {}
    scale_values = [(("scale",) + loc[1:], v) for loc, v in _ids_in(scale, "levels", "value")]
    return (
        duplicates(ids("dimensions"), "dimension id")
        + duplicates(question_ids, "question id")
        + duplicates(ids("themes"), "theme id")
        + duplicates(ids("references"), "reference id")
        + duplicates(ids("maturity_levels", "level"), "maturity level")
        + duplicates(scale_values, "scale value")
    )


def _ids_in(container: dict, key: str, field: str) -> list[tuple[Location, Any]]:
    return [((key, i, field), item.get(field)) for i, item in entries(container, key)]


def _unknown_references(data: dict) -> list[tuple[Location, str]]:
    themes = {t.get("id") for _, t in entries(data, "themes")}
    references = {r.get("id") for _, r in entries(data, "references")}
    problems = []
    for location, _, question in _questions(data):
        theme = question.get("theme")
        if isinstance(theme, str) and theme not in themes:
            problems.append((location + ("theme",), f"unknown theme {theme!r} (not under themes)"))
        cited = question.get("references")
        for i, reference in enumerate(cited if isinstance(cited, list) else []):
            if isinstance(reference, str) and reference not in references:
                problems.append(
                    (
                        location + ("references", i),
                        f"unknown reference {reference!r} (not under references)",
                    )
                )
    return problems


def _scale_values(data: dict) -> list[int]:
    scale = data.get("scale") if isinstance(data.get("scale"), dict) else {}
    return [
        level["value"]
        for _, level in entries(scale, "levels")
        if isinstance(level.get("value"), int)
    ]


def _anchor_problems(data: dict) -> list[tuple[Location, str]]:
    expected = set(_scale_values(data))
    if not expected:
        return []
    problems = []
    for location, _, question in _questions(data):
        anchors = question.get("anchors")
        if not isinstance(anchors, dict):
            continue
        given = {key for key in anchors if isinstance(key, int)}
        for missing in sorted(expected - given):
            problems.append((location + ("anchors",), f"no description for scale level {missing}"))
        for extra in sorted(given - expected):
            problems.append((location + ("anchors", extra), f"level {extra} is not on the scale"))
    return problems


def _scale_problems(data: dict) -> list[tuple[Location, str]]:
    scale = data.get("scale") if isinstance(data.get("scale"), dict) else {}
    levels = [level for _, level in entries(scale, "levels")]
    values = _scale_values(data)
    problems = []
    if values != sorted(values):
        problems.append((("scale", "levels"), "levels must be listed from lowest to highest value"))
    scores = [level.get("score") for level in levels]
    explicit = [s for s in scores if isinstance(s, int | float)]
    if explicit and len(explicit) != len(levels):
        problems.append((("scale", "levels"), "give a score to every level or to none"))
    elif explicit and explicit != sorted(explicit):
        # A better answer must never lower a score.
        problems.append((("scale", "levels"), "scores must rise with the level"))
    return problems


def _maturity_problems(data: dict) -> list[tuple[Location, str]]:
    levels = entries(data, "maturity_levels")
    problems = []
    numbers = [level.get("level") for _, level in levels]
    if all(isinstance(n, int) for n in numbers) and numbers != list(range(1, len(numbers) + 1)):
        problems.append((("maturity_levels",), "levels must be numbered 1, 2, 3… in order"))
    minimums = [level.get("min_score") for _, level in levels]
    if minimums and all(isinstance(m, int | float) for m in minimums):
        if minimums[0] != 0:
            problems.append(
                (("maturity_levels", 0, "min_score"), "the first level must start at 0")
            )
        if minimums != sorted(minimums) or len(set(minimums)) != len(minimums):
            problems.append(
                (("maturity_levels",), "min_score must strictly rise from level to level")
            )
    return problems


def _symmetry_problems(data: dict) -> list[tuple[Location, str]]:
    sides = {
        question.get("side") or dimension.get("side") or "internal"
        for _, dimension, question in _questions(data)
    }
    if not sides:
        return []
    return [
        (("dimensions",), f"no question on the {side} side: the symmetry analysis needs both")
        for side in ("customer", "internal")
        if side not in sides
    ]
