"""The message catalogues: every language has every key with the same placeholders, no key is
defined twice or left unused, and every key the code asks for exists."""

import ast
import re
import string

import pytest
import yaml

from assessment import profile
from assessment.i18n import CATALOGUES, FALLBACK, LOCALES_DIR, Catalogues, languages
from assessment.yaml_document import duplicate_keys
from tests.paths import ROOT

KEY = r"[a-z_]+\.[A-Za-z0-9_+-]+"
SOURCES = [
    path
    for folder in ("assessment", "exports", "ui", "app_pages", "phone")
    for path in (ROOT / folder).rglob("*.py")
] + [ROOT / "app.py"]


def placeholders(message: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(message) if name is not None}


def keys_in_code() -> tuple[set[str], set[str], set[str]]:
    """The keys the code passes to say() or text_of(): literal ones, and the fixed start of the
    computed ones (f"kpi_unit.{unit}", "workshop.band_" + band); and the parts whose key is
    computed whole (f"workbook.{key}"), whose names come from strings in the code."""
    literal, prefixes, bare, strings = set(), set(), set(), set()
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        pieces = {
            id(part)
            for node in ast.walk(tree)
            if isinstance(node, ast.JoinedStr)
            for part in node.values
        } | {id(node.left) for node in ast.walk(tree) if isinstance(node, ast.BinOp)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if id(node) not in pieces:
                    strings.add(node.value)
                if re.fullmatch(KEY, node.value) and id(node) not in pieces:
                    literal.add(node.value)
            start = None
            if isinstance(node, ast.JoinedStr) and isinstance(node.values[0], ast.Constant):
                start = node.values[0].value
            elif isinstance(node, ast.BinOp) and isinstance(node.left, ast.Constant):
                start = node.left.value
            if isinstance(start, str) and re.fullmatch(r"[a-z_]+\.\w*", start):
                (bare if start.endswith(".") else prefixes).add(start)
    return literal, prefixes, {part + name for part in bare for name in strings}


def test_the_product_speaks_french_and_english():
    assert {"fr", "en"} <= set(languages())


@pytest.mark.parametrize("lang", languages())
def test_every_language_has_every_key_with_the_same_placeholders(lang):
    english, other = CATALOGUES.messages(FALLBACK), CATALOGUES.messages(lang)
    assert set(other) == set(english), set(other) ^ set(english)
    differing = {k for k in english if placeholders(english[k]) != placeholders(other[k])}
    assert not differing


@pytest.mark.parametrize("lang", languages())
def test_no_key_is_defined_twice(lang):
    path = LOCALES_DIR / f"{lang}.yaml"
    root = yaml.compose(path.read_text(encoding="utf-8"))
    assert duplicate_keys(root) == []


def test_every_key_the_code_asks_for_exists():
    literal, prefixes, _ = keys_in_code()
    known = set(CATALOGUES.messages(FALLBACK))
    parts = {key.split(".")[0] for key in known}
    asked = {key for key in literal if key.split(".")[0] in parts}
    assert asked - known == set()
    computed = {p for p in prefixes if p.split(".")[0] in parts}
    assert {p for p in computed if not any(k.startswith(p) for k in known)} == set()


def test_every_key_is_used():
    literal, prefixes, computed = keys_in_code()
    codes = {f"{field}.{code}" for field, codes in profile.CODES.items() for code in codes}
    unused = {
        key
        for key in CATALOGUES.messages(FALLBACK)
        if key not in literal | computed | codes and not any(key.startswith(p) for p in prefixes)
    }
    assert unused == set()


def test_adding_a_language_is_adding_one_file(tmp_path):
    """A throw-away language: one catalogue file beside the others, partly translated."""
    for lang in languages():
        (tmp_path / f"{lang}.yaml").write_bytes((LOCALES_DIR / f"{lang}.yaml").read_bytes())
    (tmp_path / "xx.yaml").write_text("app:\n  page_start: Xxstart\n", encoding="utf-8")
    catalogues = Catalogues(tmp_path)
    assert "xx" in catalogues.languages()
    assert catalogues.say("app.page_start", "xx") == "Xxstart"
    assert catalogues.say("app.page_results", "xx") == catalogues.say("app.page_results", "en")
