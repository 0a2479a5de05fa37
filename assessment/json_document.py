"""JSON a user hands the product (an export to re-import, an answers file), read within bounds:
the nesting depth is measured before parsing (the parser is recursive), numbers are kept to a
few dozen digits (Python refuses to convert 4,300 and more) and NaN or Infinity are refused."""

from __future__ import annotations

import json
import re
from typing import Any

MAX_DEPTH = 32  # an export nests 6 levels deep
MAX_DIGITS = 30  # a level, a count or a score: far fewer digits

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKET = re.compile(r"[\[\]{}]")


class TooDeep(ValueError):
    """Nested beyond ``MAX_DEPTH``."""


class BadNumber(ValueError):
    """A number beyond ``MAX_DIGITS`` digits, or a constant JSON does not allow."""


def load_json(text: str) -> Any:
    """The parsed text; json.JSONDecodeError for a syntax problem (with its line), TooDeep or
    BadNumber beyond the bounds."""
    if nesting(text) > MAX_DEPTH:
        raise TooDeep(f"nested more than {MAX_DEPTH} levels deep")
    return json.loads(text, parse_int=_bounded_int, parse_constant=_no_constant)


def nesting(text: str) -> int:
    """How deep the brackets of a JSON text go, outside strings."""
    depth = deepest = 0
    for bracket in _BRACKET.findall(_STRING.sub('""', text)):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise BadNumber(f"a number of {len(text)} digits")
    return int(text)


def _no_constant(text: str) -> float:
    raise BadNumber(f"{text} is not a number JSON allows")
