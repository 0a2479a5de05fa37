"""An executive's self-assessment through the app pages (AppTest), saved as they go."""

import pytest

from tests.app.conftest import (
    QUESTIONNAIRE,
    answer,
    fill_profile,
    open_app,
    restart_server,
    start_assessment,
)

DIMENSIONS = QUESTIONNAIRE.ordered_dimensions()
FIRST_STEP = DIMENSIONS[0].ordered_questions()
SECOND_STEP = DIMENSIONS[1].ordered_questions()


def radio_value(at, question_id, lang="fr"):
    return at.radio(key=f"answer.{question_id}.{lang}").value


def test_start_page_asks_for_the_profile_and_refuses_an_incomplete_one(database):
    at = open_app()
    assert not at.exception
    at.text_input(key="new.organisation__fr").input("Acme").run()
    at.button(key="start").click().run()
    assert "À compléter" in at.error[0].value
    assert "Secteur" in at.error[0].value
    assert "token" not in at.session_state


def test_starting_creates_the_assessment_and_opens_the_first_step(store):
    at, token = start_assessment("Acme")
    record = store.find(token)
    assert record.profile.organisation == "Acme"
    assert record.profile.sector == "J" and record.language == "fr"
    assert at.header[0].value == f"1. {DIMENSIONS[0].title.fr}"
    assert len(at.radio) == len(FIRST_STEP)
    assert "0 question sur 41 répondue" in at.get("progress")[0].proto.text


def test_every_answer_and_comment_is_saved_the_moment_it_is_given(store):
    at, token = start_assessment()
    record_id = store.find(token).id
    answer(at, FIRST_STEP[0].id, 4)
    assert store.answers(record_id) == {FIRST_STEP[0].id: 4}
    answer(at, FIRST_STEP[1].id, "dont_know")
    assert store.answers(record_id)[FIRST_STEP[1].id] is None
    at.text_area(key=f"comment.{FIRST_STEP[0].id}.fr").input("Seulement au siège").run()
    assert store.comments(record_id) == {FIRST_STEP[0].id: "Seulement au siège"}
    assert "2 questions sur 41" in at.get("progress")[0].proto.text


def test_every_level_description_is_visible_while_choosing(database):
    at, _ = start_assessment()
    radio = at.radio(key=f"answer.{FIRST_STEP[0].id}.fr")
    captions = [option for option in radio.proto.captions]
    assert captions[:5] == [FIRST_STEP[0].anchors[v].fr for v in range(1, 6)]
    assert radio.options[-1] == QUESTIONNAIRE.scale.dont_know.fr


def test_unanswered_questions_of_the_step_are_listed(database):
    at, _ = start_assessment()
    for question in FIRST_STEP[:-1]:
        answer(at, question.id, 3)
    assert f"questions {FIRST_STEP[-1].order}." in at.info[-1].value
    answer(at, FIRST_STEP[-1].id, 3)
    assert at.success[-1].value == "Étape complète."


def test_back_and_next_keep_every_answer(database):
    at, _ = start_assessment()
    answer(at, FIRST_STEP[0].id, 5)
    at.button(key="next_bottom").click().run()
    assert at.header[0].value.startswith("2.")
    answer(at, SECOND_STEP[0].id, 2)
    at.button(key="back_bottom").click().run()
    assert radio_value(at, FIRST_STEP[0].id) == 5
    at.button(key="next_bottom").click().run()
    assert radio_value(at, SECOND_STEP[0].id) == 2


def test_switching_language_mid_way_loses_nothing(store):
    at, token = start_assessment()
    answer(at, FIRST_STEP[0].id, 4)
    at.text_area(key=f"comment.{FIRST_STEP[0].id}.fr").input("note").run()
    at.segmented_control(key="lang").set_value("en").run()
    assert not at.exception
    assert at.header[0].value == f"1. {DIMENSIONS[0].title.en}"
    assert radio_value(at, FIRST_STEP[0].id, "en") == 4
    assert at.text_area(key=f"comment.{FIRST_STEP[0].id}.en").value == "note"
    answer(at, FIRST_STEP[1].id, 2, "en")
    assert store.answers(store.find(token).id) == {FIRST_STEP[0].id: 4, FIRST_STEP[1].id: 2}


def test_switching_language_keeps_a_half_filled_profile(database):
    at = fill_profile(open_app(), "Acme")
    at.segmented_control(key="lang").set_value("en").run()
    assert at.text_input(key="new.organisation__en").value == "Acme"
    assert at.selectbox(key="new.sector__en").value == "J"
    assert at.selectbox(key="new.sector__en").format_func("J") == "Information and communication"


def test_the_state_after_a_restart_is_identical(store):
    at, token = start_assessment()
    for question, level in zip(FIRST_STEP, [1, 2, 3, 4, 5, "dont_know"], strict=False):
        answer(at, question.id, level)
    at.text_area(key=f"comment.{FIRST_STEP[2].id}.fr").input("à vérifier").run()
    before = [radio_value(at, q.id) for q in FIRST_STEP]

    restart_server()
    again = open_app(token=token)
    again.switch_page("app_pages/answer.py").run()
    assert not again.exception
    assert [radio_value(again, q.id) for q in FIRST_STEP] == before
    assert again.text_area(key=f"comment.{FIRST_STEP[2].id}.fr").value == "à vérifier"


def test_a_wrong_link_gets_a_clear_message_and_no_data(database):
    start_assessment("Secret Corp")
    at = open_app(token="x" * 32)
    assert "ne correspond à aucune évaluation" in at.error[0].value
    assert "Secret Corp" not in str([e.value for e in at.title])
    assert at.text_input(key="new.organisation__fr").value == ""


def test_results_show_a_partial_result_with_its_coverage(database):
    at, _ = start_assessment()
    for question in FIRST_STEP:
        answer(at, question.id, 4)
    at.switch_page("app_pages/results.py").run()
    assert not at.exception
    assert at.metric[0].value == "75\u00a0/\u00a0100"
    assert at.metric[2].value == f"{100 * len(FIRST_STEP) // 41}\u202f%"
    assert "Résultat partiel" in at.warning[0].value
    assert len(at.get("plotly_chart")) == 2


def test_results_of_a_complete_assessment_are_not_called_partial(database):
    at, _ = start_assessment(lang="en")
    for step, dimension in enumerate(DIMENSIONS):
        for question in dimension.ordered_questions():
            answer(at, question.id, 5 if dimension.id == "customer_symmetry" else 2, "en")
        if step < len(DIMENSIONS) - 1:
            at.button(key="next_bottom").click().run()
    at.switch_page("app_pages/results.py").run()
    assert not at.exception
    assert at.metric[2].value == "100%"
    assert not [w for w in at.warning if "Partial" in w.value]
    assert "stall" in " ".join(e.value for e in at.error).lower()


@pytest.mark.parametrize("page", ["app_pages/answer.py", "app_pages/results.py"])
def test_pages_without_an_assessment_point_to_the_start(database, page):
    at = open_app()
    at.switch_page(page).run()
    assert not at.exception
    assert "Aucune évaluation" in at.info[0].value


def test_deleting_needs_confirmation_and_removes_everything(store):
    at, token = start_assessment()
    record_id = store.find(token).id
    answer(at, FIRST_STEP[0].id, 3)
    at.switch_page("app_pages/start.py").run()
    assert at.button(key="delete").disabled
    at.checkbox(key="delete_confirm").check().run()
    at.button(key="delete").click().run()
    assert "supprimée" in at.success[0].value
    assert store.answers(record_id) == {}
    assert "token" not in at.session_state
    assert "ne correspond à aucune évaluation" in open_app(token=token).error[0].value


def test_the_assessment_remembers_the_language_last_used(store):
    at, token = start_assessment()
    at.segmented_control(key="lang").set_value("en").run()
    assert store.find(token).language == "en"


@pytest.mark.parametrize("pasted", ["{token}", "https://example.org/?lang=fr&a={token}&x=1"])
def test_a_pasted_private_link_or_its_token_resumes_the_assessment(database, pasted):
    _, token = start_assessment("Acme")
    at = open_app()  # a new browser: nothing in its session
    at.text_input(key="resume.link__fr").input(pasted.format(token=token))
    at.button(key="resume.link.open").click().run()
    assert "Acme" in [element.value for element in at.title]
    assert at.query_params["a"] == token


def test_a_pasted_link_that_opens_nothing_is_refused_and_kept_for_correction(database):
    at = open_app()
    at.text_input(key="resume.link__fr").input("https://example.org/?a=" + "z" * 32)
    at.button(key="resume.link.open").click().run()
    assert "ne correspond à aucune évaluation" in at.error[0].value
    assert at.text_input(key="resume.link__fr").value.endswith("z" * 32)
