"""The live workshop pages through AppTest: facilitator, participants, wrong codes, reloads."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from assessment.workshop import Segment, WorkshopStore, format_code
from tests.app.conftest import APP, QUESTIONNAIRE
from ui.workshop_session import live_room

ROLE = Segment(name="Fonction", options=["Direction", "Équipes"])
DIMENSIONS = QUESTIONNAIRE.ordered_dimensions()
FIRST = DIMENSIONS[0].ordered_questions()
SECOND = DIMENSIONS[1].ordered_questions()
ALL_IDS = [q.id for _, q in QUESTIONNAIRE.questions()]


def participant_app(*, code: str | None = None, token: str | None = None, **params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    if code is not None:
        at.query_params["join"] = code
    if token is not None:
        at.query_params["p"] = token
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def facilitator_app(token: str | None = None, lang: str = "fr") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["lang"] = lang
    if token is not None:
        at.query_params["f"] = token
    at.run()
    return at.switch_page("app_pages/workshop_facilitator.py").run()


def texts(at: AppTest, kind: str) -> list[str]:
    return [element.value for element in getattr(at, kind)]


def charts(at: AppTest) -> list[dict]:
    return [json.loads(element.proto.spec) for element in at.get("plotly_chart")]


def fill_room(workshops: WorkshopStore, code: str, people: int, *, levels=None, roles=None):
    """People who answered everything (level by person, role by person)."""
    tokens = []
    for i in range(people):
        choices = {ROLE.name: roles[i]} if roles else {}
        token, _ = workshops.join(code, choices)
        for question_id in ALL_IDS:
            workshops.save_answer(token, question_id, (levels or [3] * people)[i])
        tokens.append(token)
    return tokens


# --- the facilitator ------------------------------------------------------------------------------


def test_a_facilitator_creates_a_workshop_and_gets_code_qr_and_secret_link(workshops):
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["lang"] = "fr"
    at.run().switch_page("app_pages/workshop_new.py").run()
    assert not at.exception, at.exception
    at.text_input(key="workshop_new.title__fr").input("Séminaire de juin").run()
    at.text_area(key="workshop_new.segments__fr").input("Fonction : Direction, Équipes").run()
    at.button(key="create_workshop").click().run()
    assert not at.exception, at.exception

    token = at.query_params["f"][0] if isinstance(at.query_params["f"], list) else None
    token = token or at.session_state["workshop_facilitator_token"]
    record = workshops.by_facilitator(token)
    assert record.title == "Séminaire de juin" and record.segments == [ROLE]
    # First the step before projecting: the secret link to keep, the room screen's to project.
    assert texts(at, "title") == ["Avant de projeter"]
    codes = texts(at, "code")
    assert any(f"facilitate?f={token}" in code for code in codes)
    screen = next(code for code in codes if "?screen=" in code)
    assert token not in screen
    assert not at.get("plotly_chart") and not at.toggle  # no dashboard, no control yet
    assert at.button(key="keep_link_done")
    at = facilitator_app(token)  # the dashboard, as the secret link opens it
    assert not any("facilitate?f=" in code for code in texts(at, "code"))  # never shown there
    assert format_code(record.join_code) in texts(at, "title")
    assert at.get("imgs") or at.get("image")  # the QR code
    codes = texts(at, "code")
    assert any(f"?join={record.join_code}" in code for code in codes)
    assert screen in codes  # the room screen's link stays at hand


def test_a_title_is_needed_and_a_faulty_segment_line_is_pointed_out(workshops):
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["lang"] = "en"
    at.run().switch_page("app_pages/workshop_new.py").run()
    at.button(key="create_workshop").click().run()
    assert "title" in texts(at, "error")[0]
    at.text_input(key="workshop_new.title__en").input("Offsite").run()
    at.text_area(key="workshop_new.segments__en").input("Role: Leadership, Staff\nSite").run()
    at.button(key="create_workshop").click().run()
    assert texts(at, "error")[0].startswith("Groups, line 2:")
    assert "workshop_facilitator_token" not in at.session_state


def test_the_dashboard_needs_the_facilitator_link_not_the_code(workshops):
    token, record = workshops.create(QUESTIONNAIRE, "Atelier", "fr")
    participant, _ = workshops.join(record.join_code)
    at = facilitator_app()
    assert "lien d'animation secret" in texts(at, "info")[0]
    for wrong in (record.join_code, participant, "A" * 32):
        at = facilitator_app(wrong)
        assert "n'ouvre aucun atelier" in texts(at, "error")[0]
        assert "Atelier" not in texts(at, "title")
        assert not at.get("plotly_chart")
    assert "Atelier" in texts(facilitator_app(token), "title")


def test_the_dashboard_waits_for_the_threshold_then_shows_the_room(workshops):
    token, record = workshops.create(QUESTIONNAIRE, "Atelier", "fr", [ROLE])
    fill_room(workshops, record.join_code, 4, roles=["Direction"] * 4)
    at = facilitator_app(token)
    assert not at.exception, at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Connectés"] == "4" and metrics["Ont terminé"] == "4"
    assert any("dès que 5 personnes" in text for text in texts(at, "info"))
    assert not at.get("plotly_chart")

    fill_room(workshops, record.join_code, 4, levels=[1, 5, 1, 5], roles=["Équipes"] * 4)
    live_room.clear()
    at = facilitator_app(token)
    assert {m.label: m.value for m in at.metric}["Connectés"] == "8"
    figures = charts(at)
    names = {trace.get("name") for figure in figures for trace in figure["data"]}
    assert {"Dispersion (± 1 écart type)", "Moyenne de la salle", "5 · Ancré"} <= names
    types = [trace["type"] for figure in figures for trace in figure["data"]]
    assert {"scatterpolar", "scatter", "bar", "heatmap"} <= set(types)
    # 4 and 4: each role is below 5, so the heatmap shows no figure at all.
    # Streamlit drops the traces' uids: the grey withheld layer is drawn first.
    withheld, heatmap = [t for f in figures for t in f["data"] if t["type"] == "heatmap"]
    assert all(value is None for row in heatmap["z"] for value in row)
    assert all(text.startswith("masqué") for row in withheld["text"] for text in row)
    assert any("Pris un par un" in text for text in texts(at, "markdown"))


def test_the_facilitator_closes_paces_and_reveals(workshops):
    token, _ = workshops.create(QUESTIONNAIRE, "Atelier", "fr")
    at = facilitator_app(token)
    at.button(key="close_answering").click().run()
    assert workshops.by_facilitator(token).status == "closed"
    at.button(key="reopen_answering").click().run()
    assert workshops.by_facilitator(token).is_open
    at.segmented_control(key="pace.free.fr").set_value("paced").run()
    assert workshops.by_facilitator(token).pace == "paced"
    at.button(key="next_part").click().run()
    assert workshops.by_facilitator(token).current_dimension == DIMENSIONS[1].id
    at.toggle(key="reveal.False").set_value(True).run()
    assert workshops.by_facilitator(token).revealed
    assert not at.exception, at.exception


def test_the_room_becomes_an_assessment_opened_in_the_results_page(workshops, store):
    token, record = workshops.create(QUESTIONNAIRE, "Séminaire", "fr")
    fill_room(workshops, record.join_code, 5, levels=[2, 3, 3, 4, 4])
    at = facilitator_app(token)
    for field, value in [("sector", "J"), ("size_class", "50-249"), ("country", "FR")]:
        at.selectbox(key=f"convert.{record.id}.{field}__fr").select(value).run()
    at.button(key="convert").click().run()
    assert not at.exception, at.exception
    assessment = store.find(at.session_state["token"])
    assert assessment.profile.organisation == "Séminaire"
    assert assessment.profile.role == "consultant"
    assert set(store.answers(assessment.id).values()) == {3}  # the median of 2, 3, 3, 4, 4
    assert store.document(assessment.id, "workshop")["participants"] == 5
    assert any("Résultats" in title for title in texts(at, "title"))


# --- participants ---------------------------------------------------------------------------------


def test_a_wrong_code_gets_a_clear_message_and_the_form_again(workshops):
    at = participant_app(code="ZZZ-ZZZ")
    assert "Aucun atelier n'a le code" in texts(at, "error")[0]
    assert at.text_input(key="code").value == "ZZZ-ZZZ"  # what was typed, to correct it
    assert len(at.sidebar) == 0  # participant links show no navigation


def test_a_closed_workshop_turns_newcomers_away(workshops):
    token, record = workshops.create(QUESTIONNAIRE, "Atelier", "fr")
    workshops.set_open(token, False)
    at = participant_app(code=record.join_code.lower())
    assert "fermé" in texts(at, "warning")[0]
    assert not at.button or "join" not in [b.key for b in at.button]


def test_joining_keeps_the_place_across_reloads_and_never_counts_twice(workshops):
    _, record = workshops.create(QUESTIONNAIRE, "Atelier", "fr", [ROLE])
    at = participant_app(code=format_code(record.join_code))
    at.button(key="join").click().run()
    assert "Fonction" in texts(at, "error")[0]  # a segment must be chosen
    at.radio(key="segment.0").set_value("Équipes").run()
    at.button(key="join").click().run()
    assert not at.exception, at.exception
    token = at.query_params["p"]
    token = token[0] if isinstance(token, list) else token
    assert "join" not in at.query_params
    assert workshops.counts(record.id).joined == 1

    at.radio(key=f"wa.{FIRST[0].id}.fr").set_value(4).run()
    at.radio(key=f"wa.{FIRST[1].id}.fr").set_value("dont_know").run()
    assert workshops.answers_of(token) == {FIRST[0].id: 4, FIRST[1].id: None}

    for _ in range(3):  # reloads, a sleeping phone waking up, a new tab with the same link
        again = participant_app(token=token)
        assert again.radio(key=f"wa.{FIRST[0].id}.fr").value == 4
        assert "2 questions sur 41" in again.get("progress")[0].proto.text
    assert workshops.counts(record.id).joined == 1


def test_an_answer_given_after_closing_is_refused_and_not_saved(workshops):
    facilitator, record = workshops.create(QUESTIONNAIRE, "Atelier", "fr")
    token, _ = workshops.join(record.join_code)
    at = participant_app(token=token)
    workshops.set_open(facilitator, False)  # while the phone still shows the questions
    at.radio(key=f"wa.{FIRST[0].id}.fr").set_value(5).run()
    assert "vient d'être fermé" in texts(at, "error")[0]
    assert workshops.answers_of(token) == {}
    assert any("réponses sont fermées" in text for text in texts(at, "info"))
    assert not at.radio


def test_a_paced_room_shows_only_the_part_the_facilitator_opened(workshops):
    facilitator, record = workshops.create(QUESTIONNAIRE, "Atelier", "en", pace="paced")
    token, _ = workshops.join(record.join_code)
    at = participant_app(token=token)
    assert at.header[0].value == f"1. {DIMENSIONS[0].title.en}"
    assert len(at.radio) == len(FIRST)
    for question in FIRST:
        at.radio(key=f"wa.{question.id}.en").set_value(3).run()
    assert any("next part" in text for text in texts(at, "info"))
    workshops.advance(facilitator)
    at = participant_app(token=token)
    assert at.header[0].value == f"2. {DIMENSIONS[1].title.en}"
    assert {r.key for r in at.radio} == {f"wa.{q.id}.en" for q in SECOND}


def test_a_tap_on_a_part_the_room_has_left_is_refused_and_the_open_part_shown(workshops):
    facilitator, record = workshops.create(QUESTIONNAIRE, "Atelier", "fr", pace="paced")
    token, _ = workshops.join(record.join_code)
    at = participant_app(token=token)
    workshops.advance(facilitator)  # while this phone still shows the first part
    at.radio(key=f"wa.{FIRST[0].id}.fr").set_value(4).run()
    assert "a ouvert une autre partie" in texts(at, "error")[0]
    assert workshops.answers_of(token) == {}
    assert at.header[0].value == f"2. {DIMENSIONS[1].title.fr}"


def test_participants_see_the_room_only_when_revealed_and_never_one_person(workshops):
    facilitator, record = workshops.create(QUESTIONNAIRE, "Atelier", "fr")
    tokens = fill_room(workshops, record.join_code, 4)
    at = participant_app(token=tokens[0])
    assert "Le résultat de la salle" not in texts(at, "subheader")
    workshops.reveal(facilitator)
    at = participant_app(token=tokens[0])
    assert any("dès que 5 personnes" in text for text in texts(at, "info"))
    assert not at.get("plotly_chart")  # four people: the "room" would be each of them

    fill_room(workshops, record.join_code, 2, levels=[1, 5])
    live_room.clear()
    at = participant_app(token=tokens[0])
    assert "Le résultat de la salle" in texts(at, "subheader")
    (radar,) = charts(at)
    assert [trace["type"] for trace in radar["data"]] == ["scatterpolar"] * 3
    assert radar["data"][0]["fill"] == "toself"  # the spread: ± one standard deviation
    assert any("Moyenne de 6 participants" in text for text in texts(at, "caption"))


def test_a_participant_link_cannot_reach_the_dashboard_or_another_workshop(workshops):
    facilitator, first = workshops.create(QUESTIONNAIRE, "Premier atelier", "fr")
    _, second = workshops.create(QUESTIONNAIRE, "Second atelier", "fr")
    token, _ = workshops.join(first.join_code)
    at = participant_app(token=token)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("app_pages/workshop_facilitator.py")
    # Whatever else is in the address, a participant link shows its own workshop only.
    at = participant_app(token=token, f=facilitator, join=second.join_code)
    assert texts(at, "title") == ["Premier atelier"]
    assert not at.get("metric")
    at = participant_app(token="x" * 32)
    assert "plus valable" in texts(at, "error")[0]


def test_the_participant_page_switches_language(workshops):
    _, record = workshops.create(QUESTIONNAIRE, "Offsite", "en")
    token, _ = workshops.join(record.join_code)
    at = participant_app(token=token)
    assert at.header[0].value == f"1. {DIMENSIONS[0].title.en}"
    at.segmented_control(key="participant_language").set_value("fr").run()
    assert at.header[0].value == f"1. {DIMENSIONS[0].title.fr}"
    assert at.query_params["lang"] in ("fr", ["fr"])


def test_a_pasted_facilitator_link_opens_the_dashboard_and_a_join_code_does_not(workshops):
    token, record = workshops.create(QUESTIONNAIRE, "Atelier", "fr")
    at = facilitator_app()
    at.text_input(key="facilitator_paste__fr").input(record.join_code).run()
    at.button(key="facilitator_paste.open").click().run()
    assert "n'ouvre aucun atelier" in texts(at, "error")[0]
    at.text_input(key="facilitator_paste__fr").input(f"https://x.org/facilitate?f={token}").run()
    at.button(key="facilitator_paste.open").click().run()
    assert "Atelier" in texts(at, "title")
