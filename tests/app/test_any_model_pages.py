"""A consultant's own models in the app (through AppTest): an English-only model without sides
shows no symmetry on its results, gets a generic roadmap, runs in a workshop without the
symmetry panels; a three-language model is offered in German, the interface saying it falls
back to English."""

import pytest

from assessment.i18n import say
from assessment.profile import Profile
from assessment.questionnaire import load_questionnaire
from tests.app.conftest import open_app
from tests.app.test_room_screen import everything_shown, screen_app
from tests.app.test_workshop_pages import charts, facilitator_app
from tests.paths import FIXTURES
from ui import context

OWN = FIXTURES / "any_model"
MODEL = load_questionnaire(OWN / "data_practice.yaml")
THREE = load_questionnaire(OWN / "trilingual.yaml")
PROFILE = Profile(organisation="Acme", sector="J", size_class="50-249", country="FR", role="it")


@pytest.fixture(autouse=True)
def own_models(monkeypatch):
    monkeypatch.setenv("OWN_QUESTIONNAIRES", str(OWN))
    context.load_all_questionnaires.clear()
    yield
    context.load_all_questionnaires.clear()


def assessment_on(store, questionnaire, lang: str, level: int = 3) -> str:
    token, record = store.create_assessment(questionnaire, PROFILE, lang)
    for _, question in questionnaire.questions():
        store.save_answer(record.id, question.id, level)
    return token


def page(token: str, lang: str, path: str):
    at = open_app(token, lang)
    at.switch_page(path).run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_results_of_a_model_without_sides_show_no_symmetry(store, lang):
    at = page(assessment_on(store, MODEL, lang), lang, "app_pages/results.py")
    headings = [s.value for s in at.subheader]
    assert say("app.symmetry_title", lang) not in headings
    assert not any("quadrant" in (chart.key or "") for chart in at.get("plotly_chart"))
    shown = everything_shown(at)
    assert "Governance" in shown and "Data handling" in shown
    assert say("core.quadrant_grounded", lang) not in shown


def test_the_roadmap_of_a_model_no_library_serves_is_a_generic_plan(store):
    at = page(assessment_on(store, MODEL, "en", level=2), "en", "app_pages/roadmap.py")
    assert not at.error, [e.value for e in at.error]
    assert any(say("model.generic_note", "en") == i.value for i in at.info)
    shown = everything_shown(at) + str([t.value for t in at.get("dataframe")])
    assert "Try one improvement to" in shown or at.get("plotly_chart")


def test_an_english_only_model_read_in_french_says_its_content_is_in_english(store):
    at = page(assessment_on(store, MODEL, "fr"), "fr", "app_pages/answer.py")
    captions = " ".join(c.value for c in at.sidebar.caption).replace("\u00a0", " ")
    assert "Ce questionnaire est rédigé en anglais" in captions
    assert any(MODEL.questions()[0][1].text("en") in m.value for m in at.markdown)


def test_a_three_language_model_is_offered_in_german_with_the_interface_in_english(store):
    token = assessment_on(store, THREE, "de")
    at = page(token, "de", "app_pages/answer.py")
    switch = at.sidebar.get("button_group")[0]
    assert "Deutsch" in str(switch.proto)
    captions = " ".join(c.value for c in at.sidebar.caption)
    assert say("model.interface_fallback", "en", language="German") in captions
    assert any("Alle trauen sich zu widersprechen." in m.value for m in at.markdown)
    assert store.find(token).language == "de"


def test_a_workshop_on_a_model_without_sides_shows_no_symmetry_panel(workshops):
    token, record = workshops.create(MODEL, "Security review", "en")
    workshops.show_live_results(token, True)
    for _ in range(5):
        participant, _ = workshops.join(record.join_code)
        for _, question in MODEL.questions():
            workshops.save_answer(participant, question.id, 3)
    room = workshops.aggregate(record.id, MODEL)
    assert [d.mean for d in room.dimensions] == [50] * 5
    at = facilitator_app(token, "en")
    assert not at.exception, at.exception
    assert say("workshop.room_symmetry", "en") not in [s.value for s in at.subheader]
    assert charts(at) and not any("quadrant" in (c.key or "") for c in at.get("plotly_chart"))
    workshops.reveal(token)
    screen = screen_app(workshops.screen_token(token), lang="en")
    assert not screen.exception, screen.exception
    assert say("workshop.verdict_stall", "en") not in everything_shown(screen)
    assert say("workshop.verdict_no_stall", "en") not in everything_shown(screen)


def test_the_questionnaire_page_offers_the_model_and_a_blank_one_as_workbooks(store):
    at = page(assessment_on(store, MODEL, "en"), "en", "app_pages/questionnaire.py")
    labels = [b.proto.label for b in at.get("download_button")]
    assert say("model.download_questionnaire", "en") in labels
    assert say("model.download_blank", "en") in labels


@pytest.mark.parametrize(
    "path",
    [
        "app_pages/start.py",
        "app_pages/answer.py",
        "app_pages/results.py",
        "app_pages/benchmark.py",
        "app_pages/roadmap.py",
        "app_pages/pilot.py",
        "app_pages/questionnaire.py",
    ],
)
@pytest.mark.parametrize("questionnaire", [MODEL, THREE], ids=["english_only", "three_languages"])
def test_every_page_opens_on_a_model_of_ones_own(store, questionnaire, path):
    lang = questionnaire.languages[-1]
    at = page(assessment_on(store, questionnaire, lang, level=2), lang, path)
    assert not at.error, [e.value for e in at.error]
