"""YAML data files (questionnaires, action libraries, KPI definitions) checked with every
problem located.

A file is parsed once into data and a node tree; each problem found is a (location, message)
pair, turned here into `file:line: location: message` with the line of the location (or of
its nearest parent, since a missing key has no line of its own).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

Location = tuple[str | int, ...]
Found = list[tuple[Location, str]]
Model = TypeVar("Model", bound=BaseModel)

LANGUAGES = ("fr", "en")


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


class DocumentError(ValueError):
    """A data file that cannot be used; ``problems`` lists everything wrong with it."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def format_location(location: Location) -> str:
    """``("dimensions", 2, "weight")`` → ``dimensions[2].weight``."""
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def read_document(path: Path, error: type[DocumentError]) -> str:
    """The file's text, or `error` naming the file when it is missing or not UTF-8."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as problem:
        raise error([Problem(path.name, (), f"cannot be read: {problem}")]) from problem


def validate_document(
    text: str,
    source: str,
    model: type[Model],
    error: type[DocumentError],
    explain: Callable[[Any], tuple[Location, str]],
    consistency: Callable[[dict], Found],
    expected: str | None = None,
) -> Model:
    """The document as `model`, or `error` listing every problem of both passes: the structure
    (each pydantic error put into words by `explain`) and the `consistency` of the raw data.
    ``expected`` names the top-level keys when the document is not a mapping at all."""
    expected = expected or ", ".join(model.model_fields)
    data, root = parse_mapping(text, source, error, expected)
    try:
        model.model_validate(data)
        found = []
    except ValidationError as invalid:
        found = [explain(e) for e in invalid.errors()]
    found = duplicate_keys(root) + found + consistency(data)
    if found:
        raise error(located(source, root, found))
    return model.model_validate(data)


def parse_mapping(
    text: str, source: str, error: type[DocumentError], expected: str
) -> tuple[dict, yaml.Node]:
    """The file's data (a mapping) and node tree, or `error` with the syntax problem's line."""
    try:
        data = yaml.safe_load(text)
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as problem:
        mark = getattr(problem, "problem_mark", None)
        reason = getattr(problem, "problem", None) or str(problem)
        context, context_mark = (
            getattr(problem, "context", None),
            getattr(problem, "context_mark", None),
        )
        if context and context_mark:
            reason += f" ({context} that starts on line {context_mark.line + 1})"
        line = mark.line + 1 if mark else None
        raise error([Problem(source, (), f"YAML syntax error: {reason}", line)]) from problem
    if not isinstance(data, dict):
        raise error([Problem(source, (), f"must be a mapping with the keys {expected}", 1)])
    return data, root


def located(source: str, root: yaml.Node, found: Found) -> list[Problem]:
    """Problems with their lines, in file order."""
    lines = _line_numbers(root)
    problems = [
        Problem(source, location, message, _nearest_line(lines, location))
        for location, message in found
    ]
    return sorted(problems, key=lambda p: (p.line or 0, str(p)))


def describe(error: Any, readme: str) -> tuple[Location, str]:
    """A pydantic error as a location and a sentence an author understands."""
    location = tuple(part for part in error["loc"] if part != "[key]")
    kind, ctx, given = error["type"], error.get("ctx", {}), error.get("input")
    if kind == "missing":
        last = location[-1] if location else ""
        if last in LANGUAGES:
            return location, f"missing translation ({last})"
        return location, "required field is missing"
    if kind == "extra_forbidden":
        where = "top-level key" if len(location) == 1 else "key"
        return location, f"unknown {where} (check the spelling; see {readme})"
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


def unknown_choice(error: Any) -> str:
    """A value outside an enumeration, with the choices: ``unknown phase 'x' (use a, b or c)``."""
    choices = error["ctx"]["expected"].replace("'", "")
    return f"unknown {error['loc'][-1]} {error['input']!r} (use {choices})"


def other_questionnaire(data: dict, questionnaire_id: str, what: str) -> Found:
    """A file declaring another questionnaire than the one it is checked against."""
    declared = data.get("questionnaire")
    if isinstance(declared, str) and declared != questionnaire_id:
        message = f"this {what} is for questionnaire {declared!r}, not {questionnaire_id!r}"
        return [(("questionnaire",), message)]
    return []


def unknown_reference(kind: str, ref: str, questionnaire_id: str) -> str:
    return f"unknown {kind} {ref!r} (not in questionnaire {questionnaire_id!r})"


def entries(container: Any, key: str) -> list[tuple[int, dict]]:
    """The mapping items of ``container[key]`` with their index, ignoring malformed ones."""
    items = container.get(key) if isinstance(container, dict) else None
    if not isinstance(items, list):
        return []
    return [(i, item) for i, item in enumerate(items) if isinstance(item, dict)]


def duplicates(located_values: list[tuple[Location, Any]], what: str) -> list[tuple[Location, str]]:
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


def duplicate_keys(node: yaml.Node | None, location: Location = ()) -> Found:
    """YAML keeps the last of two equal keys without a word; an author should hear of it."""
    problems: Found = []
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
            problems += duplicate_keys(value, location + (_key(key.value),))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            problems += duplicate_keys(item, location + (index,))
    return problems


def _line_numbers(node: yaml.Node | None, location: Location = ()) -> dict[Location, int]:
    """Each location in the document → its 1-based line (keys by their own line)."""
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


def _key(text: str) -> str | int:
    return int(text) if text.isdigit() else text


def _nearest_line(lines: dict[Location, int], location: Location) -> int | None:
    for end in range(len(location), -1, -1):
        found = lines.get(tuple(_key(str(p)) for p in location[:end]))
        if found:
            return found
    return None
