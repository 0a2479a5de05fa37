"""Every French text the product ships, in the catalogue and in its data (questionnaire,
roadmap actions and KPIs, benchmark sources), writes its apostrophes as ’: a committee reading
"l'UE" next to "l’organisation" on one slide sees two hands at work."""

import csv
import re

import pytest
import yaml

from assessment.i18n import CATALOGUES
from tests.paths import ROOT

STRAIGHT = re.compile(r"(?<=[A-Za-zÀ-ÿ])'(?=[A-Za-zÀ-ÿ])")
DATA_FILES = [
    *sorted((ROOT / "questionnaires").glob("*.yaml")),
    *sorted((ROOT / "roadmaps").glob("*.yaml")),
    *sorted((ROOT / "benchmarks").glob("*.yaml")),
]
CSV_FILES = sorted((ROOT / "benchmarks").glob("*.csv"))


def french_in(node, path: str = ""):
    """(where, text) for every value under an ``fr`` key of a YAML document."""
    if isinstance(node, dict):
        for key, value in node.items():
            where = f"{path}.{key}" if path else str(key)
            if key == "fr" and isinstance(value, str):
                yield where, value
            else:
                yield from french_in(value, where)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from french_in(item, f"{path}[{index}]")


def test_the_french_catalogue_uses_the_typographic_apostrophe():
    straight = [key for key, text in CATALOGUES.messages("fr").items() if STRAIGHT.search(text)]
    assert not straight, f"fr.yaml: straight apostrophes in {straight}"


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_french_texts_of_the_data_use_the_typographic_apostrophe(path):
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    straight = [where for where, text in french_in(document) if STRAIGHT.search(text)]
    assert not straight, f"{path.name}: straight apostrophes in {straight}"


@pytest.mark.parametrize("path", CSV_FILES, ids=lambda p: p.name)
def test_french_columns_of_benchmark_sources_use_the_typographic_apostrophe(path):
    with path.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    straight = [
        f"line {number} {column}"
        for number, row in enumerate(rows, start=2)
        for column, text in row.items()
        if column.endswith("_fr") and STRAIGHT.search(text or "")
    ]
    assert not straight, f"{path.name}: straight apostrophes in {straight}"
