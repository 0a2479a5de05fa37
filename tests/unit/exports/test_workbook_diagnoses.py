"""The workbook's Diagnoses sheet, opened as a committee member would, in both languages: each
warning with its figures and verdict, then the research with its year, source and status."""

import io

import pytest
from openpyxl import load_workbook

from exports.workbook import build_workbook
from tests.samples import ORGANISATIONS, QUESTIONNAIRE, bundle

SHEET = {"en": "Diagnoses", "fr": "Diagnostics"}
RAISED = {"en": "RAISED", "fr": "DÉCLENCHÉE"}


def rows_of(name: str, lang: str) -> list[tuple]:
    data = build_workbook(QUESTIONNAIRE, bundle(lang, answers=ORGANISATIONS[name]))
    sheet = load_workbook(io.BytesIO(data))[SHEET[lang]]
    return [row for row in sheet.iter_rows(values_only=True) if any(row)]


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize(
    ("name", "raised"),
    [("tools_heavy", [False, True]), ("stalled", [True, False]), ("balanced", [False, False]),
     ("both", [True, True])],
)  # fmt: skip
def test_each_warning_is_judged_with_its_figures(lang, name, raised):
    rows = rows_of(name, lang)
    warnings = rows[3:5]  # title, subtitle, header, then one row per diagnosis
    assert [row[3] == RAISED[lang] for row in warnings] == raised
    tools = warnings[1]
    assert tools[0] == (
        "Tools ahead of people" if lang == "en" else "Les outils avant les personnes"
    )
    assert tools[7] == 15


def test_the_tools_heavy_figures_are_the_scores():
    tools = rows_of("tools_heavy", "en")[4]
    assert tools[4:8] == (100, 0, 100, 15)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_research_gives_year_source_and_check_status(lang):
    rows = rows_of("stalled", lang)
    titles = ("What the research says", "Ce que dit la recherche")
    research = rows[rows.index(next(r for r in rows if r[0] in titles)) :]
    items = research[3:]  # title, note, header
    assert len(items) >= 8
    for item in items:
        assert isinstance(item[4], int) and item[3] and item[5]  # year, source, status
    statuses = {item[5] for item in items}
    expected = {
        "en": {"read at the publisher", "second-hand"},
        "fr": {"lu chez l’éditeur", "de seconde main"},
    }
    assert statuses == expected[lang]
    second_hand = [item for item in items if item[5] in ("second-hand", "de seconde main")]
    assert all(" — " in item[3] for item in second_hand)  # where it was seen
