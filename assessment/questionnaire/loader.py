"""Load a questionnaire file and report every problem in it, each with its location.

Validation has two passes over the same parsed YAML, and both always run so that a consultant
sees all the problems at once:
- structure (keys, types, ranges, translations) by the pydantic models;
- consistency (duplicate ids, unknown themes or references, anchors that do not match the scale,
  maturity thresholds, both sides of the symmetry present), on the raw data, tolerant of any
  shape the structural pass has already complained about.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from assessment.i18n import Message
from assessment.models import Questionnaire
from assessment.questionnaire.texts import language_problems
from assessment.yaml_document import (
    DocumentError,
    Found,
    Location,
    Problem,
    describe,
    duplicates,
    entries,
    format_location,
    read_document,
    said,
    validate_document,
)

QUESTIONNAIRES_DIR = Path(__file__).resolve().parents[2] / "questionnaires"
DEFAULT_QUESTIONNAIRE = QUESTIONNAIRES_DIR / "transformation.yaml"


class QuestionnaireError(DocumentError):
    """A questionnaire file that cannot be used; ``problems`` lists everything wrong with it."""


__all__ = ["Problem", "QuestionnaireError", "default_of", "format_location", "load_questionnaire"]


def default_of(
    loaded: Mapping[str, Questionnaire | QuestionnaireError], default_file: str
) -> Questionnaire | None:
    """The questionnaire offered first: the one the DEFAULT_QUESTIONNAIRE setting names, else
    the only valid one; None when the reader must choose (adding a file to the folder never
    changes what others get)."""
    named = loaded.get(default_file) if default_file else None
    if isinstance(named, Questionnaire):
        return named
    valid = [q for q in loaded.values() if isinstance(q, Questionnaire)]
    return valid[0] if len(valid) == 1 else None


def questionnaire_files() -> list[Path]:
    """The questionnaire files offered: the shipped ones, then those of OWN_QUESTIONNAIRES."""
    from assessment.settings import settings

    folders = [QUESTIONNAIRES_DIR]
    own = settings().own_questionnaires.strip()
    if own and Path(own).is_dir():
        folders.append(Path(own))
    return [path for folder in folders for path in sorted(Path(folder).glob("*.yaml"))]


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


def check_data(data: dict) -> tuple[Questionnaire | None, Found]:
    """A questionnaire read from elsewhere than YAML (a spreadsheet): the same two passes, the
    problems left for the caller to locate."""
    try:
        questionnaire, found = Questionnaire.model_validate(data), []
    except ValidationError as invalid:
        questionnaire = None
        found = [describe(e, "questionnaires/README.md") for e in invalid.errors()]
    found += _consistency_problems(data)
    return (None if found else questionnaire), found


# --- consistency ---------------------------------------------------------------------------


def _consistency_problems(data: dict) -> Found:
    return (
        language_problems(data)
        + _duplicate_ids(data)
        + _unknown_references(data)
        + _option_problems(data)
        + _anchor_problems(data)
        + _scale_problems(data)
        + _maturity_problems(data)
        + _symmetry_problems(data)
        + _diagnosis_problems(data)
    )


def _questions(data: dict) -> list[tuple[Location, dict, dict]]:
    return [
        (("dimensions", d, "questions", q), dimension, question)
        for d, dimension in entries(data, "dimensions")
        for q, question in entries(dimension, "questions")
    ]


def _duplicate_ids(data: dict) -> Found:
    def ids(key: str, field: str = "id") -> list[tuple[Location, Any]]:
        return [((key, i, field), item.get(field)) for i, item in entries(data, key)]

    question_ids = [(loc + ("id",), q.get("id")) for loc, _, q in _questions(data)]
    scale = data.get("scale") if isinstance(data.get("scale"), dict) else {}
    scale_values = [(("scale",) + loc[1:], v) for loc, v in _ids_in(scale, "levels", "value")]
    return (
        duplicates(ids("dimensions"), "dimension_id")
        + duplicates(question_ids, "question_id")
        + duplicates(ids("themes"), "theme_id")
        + duplicates(ids("references"), "reference_id")
        + duplicates(ids("maturity_levels", "level"), "maturity_level")
        + duplicates(scale_values, "scale_value")
    )


def _ids_in(container: dict, key: str, field: str) -> list[tuple[Location, Any]]:
    return [((key, i, field), item.get(field)) for i, item in entries(container, key)]


def _unknown_references(data: dict) -> Found:
    themes = {t.get("id") for _, t in entries(data, "themes")}
    references = {r.get("id") for _, r in entries(data, "references")}
    problems = []
    for location, _, question in _questions(data):
        theme = question.get("theme")
        if isinstance(theme, str) and theme not in themes:
            problems.append((location + ("theme",), said("unknown_theme", theme=repr(theme))))
        cited = question.get("references")
        for i, reference in enumerate(cited if isinstance(cited, list) else []):
            if isinstance(reference, str) and reference not in references:
                message = said("unknown_reference", reference=repr(reference))
                problems.append((location + ("references", i), message))
    return problems


def _scale_values(data: dict) -> list[int]:
    scale = data.get("scale") if isinstance(data.get("scale"), dict) else {}
    return [
        level["value"]
        for _, level in entries(scale, "levels")
        if isinstance(level.get("value"), int)
    ]


def _has_options(question: dict) -> bool:
    return bool(question.get("options"))


def _option_problems(data: dict) -> Found:
    """A question answers with its own options (at least two, no anchors) or on the scale,
    which the file must then have."""
    problems: Found = []
    needs_scale = []
    for location, _, question in _questions(data):
        options = question.get("options")
        if not _has_options(question):
            needs_scale.append(location)
            continue
        if isinstance(options, list) and len(options) < 2:
            problems.append((location + ("options",), _model_said("two_options")))
        if question.get("anchors"):
            problems.append((location + ("anchors",), _model_said("anchors_and_options")))
    if needs_scale and not isinstance(data.get("scale"), dict):
        problems.append((needs_scale[0], _model_said("needs_scale", count=len(needs_scale))))
    return problems


def _anchor_problems(data: dict) -> Found:
    expected = set(_scale_values(data))
    if not expected:
        return []
    problems = []
    for location, _, question in _questions(data):
        anchors = question.get("anchors", {})
        if not isinstance(anchors, dict) or _has_options(question):
            continue
        given = {key for key in anchors if isinstance(key, int)}
        for missing in sorted(expected - given):
            message = said("no_anchor", level=str(missing))
            problems.append((location + ("anchors",), message))
        for extra in sorted(given - expected):
            problems.append((location + ("anchors", extra), said("off_scale", level=str(extra))))
    return problems


def _scale_problems(data: dict) -> Found:
    scale = data.get("scale") if isinstance(data.get("scale"), dict) else {}
    levels = [level for _, level in entries(scale, "levels")]
    values = _scale_values(data)
    problems = []
    if values != sorted(values):
        problems.append((("scale", "levels"), said("levels_order")))
    scores = [level.get("score") for level in levels]
    explicit = [s for s in scores if isinstance(s, int | float)]
    if explicit and len(explicit) != len(levels):
        problems.append((("scale", "levels"), said("scores_all_or_none")))
    elif explicit and explicit != sorted(explicit):
        # A better answer must never lower a score.
        problems.append((("scale", "levels"), said("scores_rise")))
    return problems


def _maturity_problems(data: dict) -> Found:
    levels = entries(data, "maturity_levels")
    problems = []
    numbers = [level.get("level") for _, level in levels]
    if all(isinstance(n, int) for n in numbers) and numbers != list(range(1, len(numbers) + 1)):
        problems.append((("maturity_levels",), said("maturity_numbering")))
    minimums = [level.get("min_score") for _, level in levels]
    if minimums and all(isinstance(m, int | float) for m in minimums):
        if minimums[0] != 0:
            problems.append((("maturity_levels", 0, "min_score"), said("first_level_zero")))
        if minimums != sorted(minimums) or len(set(minimums)) != len(minimums):
            problems.append((("maturity_levels",), said("min_score_rise")))
    return problems


def _symmetry_problems(data: dict) -> Found:
    """Sides are optional (a model without them has no symmetry analysis), but a declared
    sides diagnosis needs questions on both."""
    sides = {
        question.get("side") or dimension.get("side") or "internal"
        for _, dimension, question in _questions(data)
    }
    declared = [(i, d) for i, d in entries(data, "diagnoses") if d.get("compare") == "sides"]
    if not sides or not declared:
        return []
    return [
        (("diagnoses", declared[0][0], "compare"), said(reason))
        for side, reason in (("customer", "no_customer_side"), ("internal", "no_internal_side"))
        if side not in sides
    ]


def _diagnosis_problems(data: dict) -> Found:
    """Diagnoses: unique ids; a dimensions comparison names known, distinct dimensions on both
    hands; the sides comparison names none, and its threshold is the symmetry's."""
    declared = entries(data, "diagnoses")
    problems = duplicates(
        [(("diagnoses", i, "id"), d.get("id")) for i, d in declared], "diagnosis_id"
    )
    known = {d.get("id") for _, d in entries(data, "dimensions")}
    symmetry = data.get("symmetry") if isinstance(data.get("symmetry"), dict) else {}
    stall_threshold = symmetry.get("stall_threshold", 15)
    for i, diagnosis in declared:
        location = ("diagnoses", i)
        hands = {key: diagnosis.get(key) for key in ("ahead", "behind")}
        if diagnosis.get("compare") == "sides":
            for key, given in hands.items():
                if given:
                    problems.append((location + (key,), _diagnosis_said("sides_no_dimensions")))
            threshold = diagnosis.get("threshold")
            if isinstance(threshold, int | float) and threshold != stall_threshold:
                values = {"threshold": f"{threshold:g}", "stall": f"{stall_threshold:g}"}
                problems.append(
                    (location + ("threshold",), _diagnosis_said("sides_threshold", **values))
                )
        elif diagnosis.get("compare") == "dimensions":
            for key, given in hands.items():
                if not given:
                    problems.append((location + (key,), _diagnosis_said("needs_dimensions")))
                for j, dimension in enumerate(given if isinstance(given, list) else []):
                    if isinstance(dimension, str) and dimension not in known:
                        message = _diagnosis_said("unknown_dimension", dimension=repr(dimension))
                        problems.append((location + (key, j), message))
            ahead, behind = (set(v) if isinstance(v, list) else set() for v in hands.values())
            for dimension in sorted(ahead & behind, key=str):
                message = _diagnosis_said("both_hands", dimension=repr(dimension))
                problems.append((location + ("behind",), message))
    return problems


def _diagnosis_said(reason: str, **values: object) -> Message:
    return Message(f"diagnoses.problem_{reason}", values)


def _model_said(reason: str, **values: object) -> Message:
    return Message(f"model.problem_{reason}", values)
