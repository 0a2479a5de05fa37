"""The languages of a questionnaire file: declared under ``languages`` (ISO 639-1 codes), or
those of its title; every text must be written in each of them, and in no other.

The texts are found by walking the raw data along the models' own fields, so that a new text
field is checked without being listed here.
"""

from __future__ import annotations

import types
from collections.abc import Iterator
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel

from assessment.i18n import Message
from assessment.models import Questionnaire, Text, is_language
from assessment.yaml_document import Found, Location, said


def file_languages(data: dict) -> list[str]:
    """The languages every text must have: the declared ones, else the title's."""
    declared = data.get("languages")
    if isinstance(declared, list) and declared:
        return [code for code in declared if isinstance(code, str)]
    title = data.get("title")
    return [code for code in title if is_language(code)] if isinstance(title, dict) else []


def language_problems(
    data: dict, model: type[BaseModel] = Questionnaire, required: tuple[str, ...] = ()
) -> Found:
    """Every text of the file in each of its languages and no other: ``required`` ones (an
    action library speaks French and English), else those the questionnaire declares or its
    title has."""
    problems: Found = []
    declared = data.get("languages")
    for i, code in enumerate(declared if isinstance(declared, list) else []):
        if not is_language(code):
            problems.append((("languages", i), _said("not_a_language", given=repr(code))))
    if isinstance(declared, list) and len(set(map(str, declared))) != len(declared):
        problems.append((("languages",), _said("languages_twice")))
    expected = list(required) or file_languages(data)
    if not expected:
        return problems
    for location, text in texts_in(data, model):
        for code in expected:
            if code not in text:
                problems.append((location + (code,), said("missing_translation", language=code)))
        for code in text:
            if code in expected:
                continue
            if is_language(code):
                message = _said(
                    "other_language", language=repr(code), languages=", ".join(expected)
                )
            else:
                message = _said("not_a_language", given=repr(code))
            problems.append((location + (code,), message))
    return problems


def texts_in(
    data: Any, model: type[BaseModel], at: Location = ()
) -> Iterator[tuple[Location, dict]]:
    """Every text mapping of ``data`` read as ``model``, with its location; parts of the wrong
    shape are skipped (the structural pass reports them)."""
    if not isinstance(data, dict):
        return
    for name, field in model.model_fields.items():
        if name in data:
            yield from _walk(data[name], field.annotation, at + (name,))


def _walk(value: Any, annotation: Any, at: Location) -> Iterator[tuple[Location, dict]]:
    origin, args = get_origin(annotation), get_args(annotation)
    if origin in (Union, types.UnionType):
        for arg in args:
            if arg is not type(None):
                yield from _walk(value, arg, at)
        return
    if origin is list and isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk(item, args[0], at + (i,))
    elif origin is dict and isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, args[1], at + (key,))
    elif annotation is Text:
        if isinstance(value, dict):
            yield at, value
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield from texts_in(value, annotation, at)


def _said(reason: str, **values: object) -> Message:
    return Message(f"model.problem_{reason}", values)
