"""The facilitator's workshop pages through AppTest (phones have their own page: tests/live)."""

import json

from streamlit.testing.v1 import AppTest

from assessment.workshop import Segment, WorkshopStore, format_code
from tests.app.conftest import APP, QUESTIONNAIRE
from ui.workshop_session import live_room

ROLE = Segment(name="Fonction", options=["Direction", "Équipes"])
DIMENSIONS = QUESTIONNAIRE.ordered_dimensions()
FIRST = DIMENSIONS[0].ordered_questions()
SECOND = DIMENSIONS[1].ordered_questions()
ALL_IDS = [q.id for _, q in QUESTIONNAIRE.questions()]


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
    assert "lien d’animation secret" in texts(at, "info")[0]
    for wrong in (record.join_code, participant, "A" * 32):
        at = facilitator_app(wrong)
        assert "n’ouvre aucun atelier" in texts(at, "error")[0]
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


def test_a_pasted_facilitator_link_opens_the_dashboard_and_a_join_code_does_not(workshops):
    token, record = workshops.create(QUESTIONNAIRE, "Atelier", "fr")
    at = facilitator_app()
    at.text_input(key="facilitator_paste__fr").input(record.join_code)
    at.button(key="facilitator_paste.open").click().run()
    assert "n’ouvre aucun atelier" in texts(at, "error")[0]
    at.text_input(key="facilitator_paste__fr").input(f"https://x.org/facilitate?f={token}")
    at.button(key="facilitator_paste.open").click().run()
    assert "Atelier" in texts(at, "title")
