"""Load a questionnaire file and report every problem in it, each with its location.

Validation has two passes over the same parsed YAML, and both always run so that a consultant
sees all the problems at once:
- structure (keys, types, ranges, translations) by the pydantic models;
- consistency (duplicate ids, unknown themes or references, anchors that do not match the scale,
  maturity thresholds, both sides of the symmetry present), on the raw data, tolerant of any
  shape the structural pass has already complained about.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from assessment.models import LANGUAGES, Questionnaire

Location = tuple[str | int, ...]

QUESTIONNAIRES_DIR = Path(__file__).resolve().parent.parent / "questionnaires"
DEFAULT_QUESTIONNAIRE = QUESTIONNAIRES_DIR / "transformation.yaml"


@dataclass(frozen=True)
class Problem:
    source: str
    location: Location
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        path = format_location(self.location)
        return f"{where}: {path}: {self.message}" if path else f"{where}: {self.message}"


class QuestionnaireError(ValueError):
    """A questionnaire file that cannot be used; ``problems`` lists everything wrong with it."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def format_location(location: Location) -> str:
    """``("dimensions", 2, "weight")`` → ``dimensions[2].weight``."""
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def load_questionnaire(path: str | Path) -> Questionnaire:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise QuestionnaireError([Problem(path.name, (), f"cannot be read: {error}")]) from error
    return parse_questionnaire(text, path.name)


def parse_questionnaire(text: str, source: str = "<questionnaire>") -> Questionnaire:
    try:
        data = yaml.safe_load(text)
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else None
        reason = getattr(error, "problem", None) or str(error)
        context, context_mark = (
            getattr(error, "context", None),
            getattr(error, "context_mark", None),
        )
        if context and context_mark:
            reason += f" ({context} that starts on line {context_mark.line + 1})"
        raise QuestionnaireError(
            [Problem(source, (), f"YAML syntax error: {reason}", line)]
        ) from error

    lines = _line_numbers(root)
    if not isinstance(data, dict):
        message = "must be a mapping with the keys id, version, title, scale, dimensions, …"
        raise QuestionnaireError([Problem(source, (), message, 1)])

    found = _duplicate_keys(root) + _structure_problems(data) + _consistency_problems(data)
    if found:
        problems = [
            Problem(source, location, message, _nearest_line(lines, location))
            for location, message in found
        ]
        raise QuestionnaireError(sorted(problems, key=lambda p: (p.line or 0, str(p))))
    return Questionnaire.model_validate(data)


# --- structure -----------------------------------------------------------------------------


def _structure_problems(data: dict) -> list[tuple[Location, str]]:
    try:
        Questionnaire.model_validate(data)
    except ValidationError as error:
        return [_describe(e) for e in error.errors()]
    return []


def _describe(error: Any) -> tuple[Location, str]:
    """Turn a pydantic error into a location and a sentence a consultant understands."""
    location = tuple(part for part in error["loc"] if part != "[key]")
    kind, ctx, given = error["type"], error.get("ctx", {}), error.get("input")
    if kind == "missing":
        last = location[-1] if location else ""
        if last in LANGUAGES:
            return location, f"missing translation ({last})"
        return location, "required field is missing"
    if kind == "extra_forbidden":
        where = "top-level key" if len(location) == 1 else "key"
        return location, f"unknown {where} (check the spelling; see questionnaires/README.md)"
    if kind == "string_too_short" and ctx.get("min_length") == 1:
        return location, "must not be empty"
    if kind == "too_short":
        return (
            location,
            f"must have at least {ctx['min_length']} item(s), found {ctx['actual_length']}",
        )
    if kind == "string_pattern_mismatch":
        return location, (
            f"must be lowercase letters, digits or '_', starting with a letter (got {given!r})"
        )
    message = error["msg"].replace("Input should be", "must be")
    if isinstance(given, str | int | float | bool) and kind not in ("greater_than", "less_than"):
        message += f" (got {given!r})"
    return location, message


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


def _entries(container: Any, key: str) -> list[tuple[int, dict]]:
    """The mapping items of ``container[key]`` with their index, ignoring malformed ones."""
    items = container.get(key) if isinstance(container, dict) else None
    if not isinstance(items, list):
        return []
    return [(i, item) for i, item in enumerate(items) if isinstance(item, dict)]


def _questions(data: dict) -> list[tuple[Location, dict, dict]]:
    return [
        (("dimensions", d, "questions", q), dimension, question)
        for d, dimension in _entries(data, "dimensions")
        for q, question in _entries(dimension, "questions")
    ]


def _duplicates(
    located_values: list[tuple[Location, Any]], what: str
) -> list[tuple[Location, str]]:
    counts = Counter(value for _, value in located_values if value is not None)
    first_seen: dict[Any, Location] = {}
    problems = []
    for location, value in located_values:
        if value is None or counts[value] < 2:
            continue
        if value in first_seen:
            first = format_location(first_seen[value])
            problems.append((location, f"duplicate {what} {value!r} (already used at {first})"))
        else:
            first_seen[value] = location
    return problems


def _duplicate_ids(data: dict) -> list[tuple[Location, str]]:
    def ids(key: str, field: str = "id") -> list[tuple[Location, Any]]:
        return [((key, i, field), item.get(field)) for i, item in _entries(data, key)]

    question_ids = [(loc + ("id",), q.get("id")) for loc, _, q in _questions(data)]
    scale = data.get("scale") if isinstance(data.get("scale"), dict) else {}
    scale_values = [(("scale",) + loc[1:], v) for loc, v in _ids_in(scale, "levels", "value")]
    return (
        _duplicates(ids("dimensions"), "dimension id")
        + _duplicates(question_ids, "question id")
        + _duplicates(ids("themes"), "theme id")
        + _duplicates(ids("references"), "reference id")
        + _duplicates(ids("maturity_levels", "level"), "maturity level")
        + _duplicates(scale_values, "scale value")
    )


def _ids_in(container: dict, key: str, field: str) -> list[tuple[Location, Any]]:
    return [((key, i, field), item.get(field)) for i, item in _entries(container, key)]


def _unknown_references(data: dict) -> list[tuple[Location, str]]:
    themes = {t.get("id") for _, t in _entries(data, "themes")}
    references = {r.get("id") for _, r in _entries(data, "references")}
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
        for _, level in _entries(scale, "levels")
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
    levels = [level for _, level in _entries(scale, "levels")]
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
    levels = _entries(data, "maturity_levels")
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


# --- line numbers --------------------------------------------------------------------------


def _line_numbers(node: yaml.Node | None, location: Location = ()) -> dict[Location, int]:
    """Map each location in the YAML document to its 1-based line, keys by their key line."""
    if node is None:
        return {}
    lines: dict[Location, int] = {location: node.start_mark.line + 1}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = location + (_key(key.value),)
            lines |= _line_numbers(value, child)
            lines[child] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines |= _line_numbers(item, location + (index,))
    return lines


def _duplicate_keys(node: yaml.Node | None, location: Location = ()) -> list[tuple[Location, str]]:
    """YAML keeps the last of two equal keys without a word; a consultant should hear of it."""
    problems: list[tuple[Location, str]] = []
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            line = key.start_mark.line + 1
            if key.value in seen:
                problems.append(
                    (
                        location + (_key(key.value),),
                        f"duplicate key (also on line {seen[key.value]})",
                    )
                )
            seen.setdefault(key.value, line)
            problems += _duplicate_keys(value, location + (_key(key.value),))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            problems += _duplicate_keys(item, location + (index,))
    return problems


def _key(text: str) -> str | int:
    return int(text) if text.isdigit() else text


def _nearest_line(lines: dict[Location, int], location: Location) -> int | None:
    """The line of the location, or of its closest parent (a missing key has no line)."""
    for end in range(len(location), -1, -1):
        found = lines.get(tuple(_key(str(p)) for p in location[:end]))
        if found:
            return found
    return None
