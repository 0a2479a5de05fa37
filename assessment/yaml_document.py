"""YAML data files (questionnaires, action libraries, KPI definitions) checked with every
problem located.

A file is parsed once into data and a node tree; each problem found is a (location, message)
pair, turned here into `file:line: location: message` with the line of the location (or of
its nearest parent, since a missing key has no line of its own). Messages are ``Message``s of
the ``validation`` part, so an author reads them in their language; ``str()`` is the English.

Reading is bounded, as a file may come from anyone: its size is checked before it is read, and
the YAML is composed once by a loader that refuses deep nesting and alias expansion beyond a
fixed number of nodes (a "billion laughs" file would otherwise make validation run for ever);
a value the constructor cannot build (a 5,000-digit number, 30 February) is a located problem.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from assessment.i18n import Message

Location = tuple[str | int, ...]
Found = list[tuple[Location, str | Message]]
Model = TypeVar("Model", bound=BaseModel)

LANGUAGES = ("fr", "en")

# A questionnaire is ~90 kB and ~3,000 nodes: these leave room for files 15 times larger.
MAX_DOCUMENT_BYTES = 2_000_000
MAX_DEPTH = 64
MAX_NODES = 50_000


@dataclass(frozen=True)
class Problem:
    source: str
    location: Location
    message: str | Message
    line: int | None = None
    said: Message | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        # ``message`` stays the English text that callers and logs read; ``said`` keeps the
        # Message to say it in another language.
        if isinstance(self.message, Message):
            object.__setattr__(self, "said", self.message)
            object.__setattr__(self, "message", str(self.message))

    def __call__(self, lang: str) -> str:
        """The problem in the reader's language, behind the same location."""
        message = self.said(lang) if self.said else self.message
        where = f"{self.source}:{self.line}" if self.line else self.source
        path = format_location(self.location)
        return f"{where}: {path}: {message}" if path else f"{where}: {message}"

    def __str__(self) -> str:
        return self("en")


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
    """The file's text, or `error` naming the file when it is missing, too big (checked
    before reading) or not UTF-8."""
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise error([Problem(path.name, (), _too_big(size))])
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as problem:
        raise error(
            [Problem(path.name, (), said("cannot_read", problem=str(problem)))]
        ) from problem


def validate_document(
    text: str,
    source: str,
    model: type[Model],
    error: type[DocumentError],
    explain: Callable[[Any], tuple[Location, str | Message]],
    consistency: Callable[[dict], Found],
    expected: str | None = None,
) -> Model:
    """The document as `model`, or `error` listing every problem of both passes: the structure
    (each pydantic error put into words by `explain`) and the `consistency` of the raw data.
    ``expected`` names the top-level keys when the document is not a mapping at all."""
    expected = expected or ", ".join(model.model_fields)
    data, root = parse_mapping(text, source, error, expected)
    try:
        document, found = model.model_validate(data), []
    except ValidationError as invalid:
        document, found = None, [explain(e) for e in invalid.errors()]
    found = duplicate_keys(root) + found + consistency(data)
    if found:
        raise error(located(source, root, found))
    return document


def parse_mapping(
    text: str, source: str, error: type[DocumentError], expected: str
) -> tuple[dict, yaml.Node]:
    """The file's data (a mapping) and node tree, or `error` with the syntax problem's line."""
    if len(text) > MAX_DOCUMENT_BYTES:
        raise error([Problem(source, (), _too_big(len(text.encode("utf-8"))))])
    try:
        data, root = load_bounded(text)
    except Unbounded as problem:
        raise error([Problem(source, (), problem.message, problem.line)]) from None
    except yaml.YAMLError as problem:
        mark = getattr(problem, "problem_mark", None)
        reason = getattr(problem, "problem", None) or str(problem)
        context, context_mark = (
            getattr(problem, "context", None),
            getattr(problem, "context_mark", None),
        )
        # PyYAML's own words stay English: they cannot be enumerated.
        message = said("yaml_syntax", reason=reason)
        if context and context_mark:
            message = said(
                "yaml_syntax_in", reason=reason, context=context, line=str(context_mark.line + 1)
            )
        line = mark.line + 1 if mark else None
        raise error([Problem(source, (), message, line)]) from problem
    if not isinstance(data, dict):
        raise error([Problem(source, (), said("not_a_mapping", expected=expected), 1)])
    return data, root


class Unbounded(Exception):
    """A document beyond what the bounded loader reads; ``message`` says which limit."""

    def __init__(self, message: Message, mark: yaml.Mark | None):
        self.message, self.line = message, (mark.line + 1 if mark else None)
        super().__init__(str(message))


try:  # libyaml's scanner: PyYAML's own slows down quadratically on nested flow brackets
    from yaml._yaml import CParser as _EventParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml.parser import Parser as _EventParser  # type: ignore[assignment]
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _EventParser(Reader, Scanner, _EventParser):  # type: ignore[no-redef]
        def __init__(self, text: str):
            Reader.__init__(self, text)
            Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)


BOOL_TAG = "tag:yaml.org,2002:bool"


class _Yaml12Booleans(Resolver):
    """YAML 1.2's booleans: only true and false. PyYAML follows YAML 1.1, where no, yes, on
    and off are booleans too, so that a French "Non" or an English "No" would not be text."""

    yaml_implicit_resolvers: ClassVar[dict] = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != BOOL_TAG]
        for first, resolvers in Resolver.yaml_implicit_resolvers.items()
    }


_Yaml12Booleans.add_implicit_resolver(
    BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


class _BoundedLoader(Composer, _EventParser, SafeConstructor, _Yaml12Booleans):
    """PyYAML's safe loading, from libyaml's events, composed here with a depth limit and
    counting nodes as they would be expanded (an alias counts as the whole node it repeats),
    reading booleans as YAML 1.2 does, and turning every value it cannot construct into a
    located YAML error."""

    def __init__(self, text: str):
        _EventParser.__init__(self, text)
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        _Yaml12Booleans.__init__(self)
        self._depth = 0
        self._sizes: dict[int, int] = {}
        self._total = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            node = self.anchors.get(event.anchor)
            self._count(self._sizes.get(id(node), 1), event.start_mark)
            return super().compose_node(parent, index)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            mark = self.peek_event().start_mark
            raise Unbounded(Message("hardening.too_deep", {"depth": MAX_DEPTH}), mark)
        before = self._total
        try:
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        self._count(1, node.start_mark)
        self._sizes[id(node)] = self._total - before
        return node

    def _count(self, nodes: int, mark: yaml.Mark) -> None:
        self._total += nodes
        if self._total > MAX_NODES:
            raise Unbounded(Message("hardening.too_many_nodes", {"nodes": MAX_NODES}), mark)

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep)
        except yaml.YAMLError:
            raise
        except (ValueError, TypeError, OverflowError) as problem:
            raise Unbounded(
                Message("hardening.bad_value", {"reason": str(problem)}), node.start_mark
            ) from problem


def load_bounded(text: str) -> tuple[Any, yaml.Node | None]:
    """The document's data and node tree, composed once, within the limits above."""
    loader = _BoundedLoader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except RecursionError:
        raise Unbounded(Message("hardening.too_deep", {"depth": MAX_DEPTH}), None) from None
    _version_as_written(data, root)
    return data, root


def _version_as_written(data: Any, root: yaml.Node | None) -> None:
    """``version: 1.10`` is the text "1.10", as written, not the number 1.1."""
    if not isinstance(data, dict) or not isinstance(root, yaml.MappingNode):
        return
    for key, value in root.value:
        plain = isinstance(value, yaml.ScalarNode) and not value.style
        if key.value == "version" and plain and isinstance(data.get("version"), int | float):
            data["version"] = value.value


def _too_big(size: int) -> Message:
    return Message("hardening.file_too_big", {"size": size, "limit": MAX_DOCUMENT_BYTES})


def located(source: str, root: yaml.Node, found: Found) -> list[Problem]:
    """Problems with their lines, in file order."""
    lines = _line_numbers(root)
    problems = [
        Problem(source, location, message, _nearest_line(lines, location))
        for location, message in found
    ]
    return sorted(problems, key=lambda p: (p.line or 0, str(p)))


def said(reason: str, /, **values: object) -> Message:
    """The problem ``validation.<reason>``, said later in the reader's language."""
    return Message(f"validation.{reason}", values)


# Pydantic errors common in hand-written files, said in the reader's language: each key's
# English is pydantic's own sentence; ``describe`` keeps pydantic's words when they differ.
PYDANTIC_KINDS = (
    "string_type",
    "int_type",
    "int_parsing",
    "int_from_float",
    "float_type",
    "float_parsing",
    "bool_type",
    "bool_parsing",
    "list_type",
    "dict_type",
    "greater_than",
    "greater_than_equal",
    "less_than",
    "less_than_equal",
    "literal_error",
)


def describe(error: Any, readme: str) -> tuple[Location, Message]:
    """A pydantic error as a location and a sentence an author understands."""
    location = tuple(part for part in error["loc"] if part != "[key]")
    kind, ctx, given = error["type"], error.get("ctx", {}), error.get("input")
    if kind == "missing":
        last = location[-1] if location else ""
        if last in LANGUAGES:
            return location, said("missing_translation", language=last)
        return location, said("missing_field")
    if kind == "extra_forbidden":
        reason = "unknown_top_level_key" if len(location) == 1 else "unknown_key"
        return location, said(reason, readme=readme)
    if kind == "string_too_short" and ctx.get("min_length") == 1:
        return location, said("not_empty")
    if kind == "too_short":
        found = {"least": str(ctx["min_length"]), "found": str(ctx["actual_length"])}
        return location, said("min_items", **found)
    if kind == "string_pattern_mismatch":
        return location, said("identifier", given=repr(given))
    if kind == "string_type" and isinstance(given, bool | int | float):
        # true, false, 12 or 1.5 where a text belongs: YAML read a value, quotes keep the text
        return location, Message("model.quote_text", {"given": str(given).lower()})
    english = error["msg"].replace("Input should be", "must be")
    message = said("pydantic", detail=english)
    if kind in PYDANTIC_KINDS:
        values = {name: _either(_bound(value)) for name, value in ctx.items()}
        translated = said(kind, **values)
        message = translated if str(translated) == english else message
    if isinstance(given, str | int | float | bool) and kind not in ("greater_than", "less_than"):
        message = said("got", message=message, given=repr(given))
    return location, message


def _bound(value: object) -> str:
    """A limit as pydantic writes it: ``gt=0.0`` reads "greater than 0"."""
    return f"{value:g}" if isinstance(value, float) else str(value)


def _either(choices: str) -> str | Message:
    """Pydantic's ``a, b or c`` with the language's word for "or"."""
    first, sep, last = choices.rpartition(" or ")
    return said("either", first=first, last=last) if sep else choices


def unknown_choice(error: Any) -> Message:
    """A value outside an enumeration, with the choices: ``unknown phase 'x' (use a, b or c)``."""
    choices = _either(error["ctx"]["expected"].replace("'", ""))
    return said(
        "unknown_choice", field=error["loc"][-1], given=repr(error["input"]), choices=choices
    )


def other_questionnaire(data: dict, questionnaire_id: str, reason: str) -> Found:
    """A file declaring another questionnaire than the one it is checked against; ``reason``
    names the kind of file (``other_questionnaire_library``…), as languages word it apart."""
    declared = data.get("questionnaire")
    if isinstance(declared, str) and declared != questionnaire_id:
        message = said(reason, declared=repr(declared), expected=repr(questionnaire_id))
        return [(("questionnaire",), message)]
    return []


UNKNOWN_IN_QUESTIONNAIRE = {
    "theme": "validation.unknown_theme_in",
    "question": "validation.unknown_question_in",
    "dimension": "validation.unknown_dimension_in",
}


def unknown_reference(kind: str, ref: str, questionnaire_id: str) -> Message:
    values = {"ref": repr(ref), "questionnaire": repr(questionnaire_id)}
    return Message(UNKNOWN_IN_QUESTIONNAIRE[kind], values)


def entries(container: Any, key: str) -> list[tuple[int, dict]]:
    """The mapping items of ``container[key]`` with their index, ignoring malformed ones."""
    items = container.get(key) if isinstance(container, dict) else None
    if not isinstance(items, list):
        return []
    return [(i, item) for i, item in enumerate(items) if isinstance(item, dict)]


def duplicates(located_values: list[tuple[Location, Any]], what: str) -> Found:
    """Every repeat of a value after its first; ``what`` is the ``validation`` key naming it."""
    counts = Counter(value for _, value in located_values if value is not None)
    first_seen: dict[Any, Location] = {}
    problems = []
    for location, value in located_values:
        if value is None or counts[value] < 2:
            continue
        if value in first_seen:
            first = format_location(first_seen[value])
            message = said("duplicate", what=said(what), value=repr(value), first=first)
            problems.append((location, message))
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
                message = said("duplicate_key", line=str(seen[key.value]))
                problems.append((location + (_key(key.value),), message))
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


def _key(text: object) -> str | int:
    # ASCII digits only ("²" is a digit to str.isdigit, not to int), and a short run of them.
    text = str(text)
    return int(text) if text.isascii() and text.isdigit() and len(text) < 19 else text


def _nearest_line(lines: dict[Location, int], location: Location) -> int | None:
    for end in range(len(location), -1, -1):
        found = lines.get(tuple(_key(str(p)) for p in location[:end]))
        if found:
            return found
    return None
