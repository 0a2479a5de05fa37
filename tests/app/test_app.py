"""The app starts in both languages, and its reference page shows the whole questionnaire."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire

APP = str(Path(__file__).resolve().parents[2] / "app.py")
QUESTIONNAIRE = load_questionnaire(DEFAULT_QUESTIONNAIRE)


def start(lang: str | None = None) -> AppTest:
    """Open the questionnaire reference page."""
    at = AppTest.from_file(APP, default_timeout=30)
    if lang:
        at.query_params["lang"] = lang
    return at.run().switch_page("app_pages/questionnaire.py").run()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_app_starts_without_exceptions_and_shows_every_dimension(lang, database):
    at = start(lang)
    assert not at.exception
    assert at.title[0].value == QUESTIONNAIRE.title(lang)
    assert [tab.label for tab in at.tabs] == [
        d.title(lang) for d in QUESTIONNAIRE.ordered_dimensions()
    ]
    shown = [e.label for e in at.expander]
    for _, question in QUESTIONNAIRE.questions():
        assert any(question.text(lang) in label for label in shown)


def test_french_is_the_default_and_switching_to_english_rerenders_in_english(database):
    at = start()
    assert at.title[0].value == QUESTIONNAIRE.title.fr
    at.segmented_control(key="lang").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == QUESTIONNAIRE.title.en
    assert at.tabs[0].label == QUESTIONNAIRE.ordered_dimensions()[0].title.en


def test_reference_points_are_shown_with_year_and_source_and_the_caveat(database):
    at = start("en")
    reference = QUESTIONNAIRE.references[0]
    infos = [i.value for i in at.info]
    assert any(reference.source in text and str(reference.year) in text for text in infos)
    assert any("not a distribution" in c.value for c in at.caption)
