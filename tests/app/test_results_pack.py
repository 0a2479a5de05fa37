"""The results page hands out the whole committee's pack: the PDF report and the slide deck
beside the workbook and the JSON backup, labelled in the reader's language."""

import pytest

from tests.app.conftest import QUESTIONNAIRE, open_app, start_assessment


@pytest.mark.parametrize(
    ("lang", "report", "deck"),
    [
        ("fr", "Rapport au comité de pilotage (PDF)", "Présentation (PowerPoint)"),
        ("en", "Steering committee report (PDF)", "Slide deck (PowerPoint)"),
    ],
)
def test_the_results_page_offers_the_report_and_the_deck(store, lang, report, deck):
    at, token = start_assessment("Acme", lang)
    record = store.find(token)
    for _, question in QUESTIONNAIRE.questions():
        store.save_answer(record.id, question.id, 3)
    at = open_app(token, lang)
    at.switch_page("app_pages/results.py").run()
    assert not at.exception, at.exception
    buttons = {button.label: button for button in at.get("download_button")}
    assert {report, deck} <= set(buttons)
