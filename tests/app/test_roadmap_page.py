"""The roadmap page (AppTest): the plan of the open assessment, its pilot and editable KPIs.

AppTest cannot type into a data editor cell, but it can seed the editor's edit state before a
run, exactly as the browser reports an edit (``edited_rows``); the page then reads the edited
table through ``st.data_editor``'s return value, as it does in the browser.
"""

from datetime import date

from assessment.store import DocumentKind
from tests.app.conftest import QUESTIONNAIRE, open_app, restart_server, start_assessment

PAGE = "app_pages/roadmap.py"
KPI_ROWS = ["productivity", "knowledge_management", "employee_satisfaction"]
KNOWLEDGE = 1  # row of the knowledge management KPI in the table


def open_roadmap(token: str | None = None, lang: str | None = None):
    at = open_app(token, lang).switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def assessment_with_answers(store, level_of=lambda dimension: 2 if dimension == "tools" else 4):
    _, token = start_assessment("Acme")
    record_id = store.find(token).id
    for dimension, question in QUESTIONNAIRE.questions():
        store.save_answer(record_id, question.id, level_of(dimension.id))
    return token, record_id


def edit(at, row: int, **cells):
    """What the browser sends when cells of the KPI table are changed."""
    key = at.data_editor[0].key
    at.session_state[key] = {"edited_rows": {row: cells}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception, at.exception
    return at


def kpi_table(at):
    return at.data_editor[0].value


def texts(at) -> str:
    return "\n".join(m.value for m in at.markdown) + "\n".join(c.value for c in at.caption)


def test_without_an_assessment_the_page_points_to_the_start_page(database):
    at = open_roadmap()
    assert at.info[0].value.startswith("Aucune évaluation ouverte dans ce navigateur")
    assert not at.data_editor
    assert not at.get("plotly_chart")


def test_the_page_shows_the_timeline_the_actions_with_reasons_the_pilot_and_the_kpis(store):
    token, _ = assessment_with_answers(store)
    at = open_roadmap(token)
    assert at.title[0].value == "Feuille de route\u00a0: Acme"
    assert len(at.get("plotly_chart")) == 1
    shown = texts(at)
    assert "Équiper l’équipe pilote d’un espace collaboratif" in shown
    assert "obtient 25\u00a0/\u00a0100 (sous le seuil de 50)" in shown
    assert "L’équipe informatique et numérique" in shown  # the pilot card
    table = kpi_table(at)
    assert list(table.index)[:3] == KPI_ROWS
    assert table.loc["knowledge_management", "baseline"] == 50  # from the assessment
    assert at.data_editor[0].editing_mode == "fixed"


def test_the_page_speaks_english(store):
    token, _ = assessment_with_answers(store)
    at = open_roadmap(token, lang="en")
    assert at.title[0].value == "Roadmap: Acme"
    assert "Tools and digital workplace scores 25 / 100 (below 50)." in texts(at)


def test_a_stall_is_announced_above_the_plan(store):
    token, _ = assessment_with_answers(
        store, level_of=lambda dimension: 5 if dimension == "customer_symmetry" else 1
    )
    at = open_roadmap(token, lang="en")
    assert at.warning[0].value.startswith("Stall warning: customer ambition outruns")


def test_an_edited_kpi_target_is_saved_at_once_and_survives_a_restart(store):
    token, record_id = assessment_with_answers(store)
    at = edit(open_roadmap(token), KNOWLEDGE, target=90)
    assert at.toast[0].value == "Indicateurs enregistrés."
    saved = store.document(record_id, DocumentKind.roadmap)
    assert saved["kpis"] == {"knowledge_management": {"target": 90.0}}
    assert date.fromisoformat(saved["start"]).weekday() == 0  # the start date goes with it

    restart_server()
    again = open_roadmap(token)
    table = kpi_table(again)
    assert table.loc["knowledge_management", "target"] == 90
    assert table.loc["knowledge_management", "name"].endswith("✎")
    assert table.loc["employee_satisfaction", "target"] == 100  # untouched: as generated


def test_an_invalid_edit_is_explained_and_not_saved(store):
    token, record_id = assessment_with_answers(store)
    at = edit(open_roadmap(token), KNOWLEDGE, target=150)
    assert at.error[0].value.startswith("Modification non enregistrée")
    assert "Gestion des connaissances, cible\u00a0: 150 est hors de l’intervalle de 0 à 100" in (
        at.error[0].value
    )
    assert store.document(record_id, DocumentKind.roadmap) is None


def test_dates_out_of_order_are_refused(store):
    token, record_id = assessment_with_answers(store)
    at = edit(open_roadmap(token, lang="en"), 0, start="2027-06-01", end="2027-05-01")
    assert (
        "Productivity: time spent searching, dates: the start (1 June 2027) comes after the "
        "end (1 May 2027)."
    ) in at.error[0].value
    assert store.document(record_id, DocumentKind.roadmap) is None


def test_reset_asks_for_confirmation_and_restores_the_generated_kpis(store):
    token, record_id = assessment_with_answers(store)
    at = edit(open_roadmap(token), KNOWLEDGE, target=90)
    reset = at.button(key="roadmap_reset")
    assert reset.disabled  # nothing happens without the confirmation
    at.checkbox(key="roadmap_reset_confirm.fr").check().run()
    at.button(key="roadmap_reset").click().run()
    assert not at.exception, at.exception
    assert store.document(record_id, DocumentKind.roadmap) is None
    assert at.toast[0].value.startswith("Modifications effacées")
    assert kpi_table(at).loc["knowledge_management", "target"] == 75  # as generated
    assert "roadmap_reset" not in [button.key for button in at.button]  # nothing to reset


def test_the_chosen_start_date_moves_the_plan_and_is_saved(store):
    token, record_id = assessment_with_answers(store)
    at = open_roadmap(token, lang="en")
    at.date_input(key="roadmap_start.0.en").set_value(date(2027, 3, 1)).run()
    assert not at.exception, at.exception
    assert store.document(record_id, DocumentKind.roadmap)["start"] == "2027-03-01"
    assert "From 1 March 2027 to" in texts(at)
    restart_server()
    again = open_roadmap(token, lang="en")
    assert again.date_input(key="roadmap_start.0.en").value == date(2027, 3, 1)


def test_switching_language_keeps_every_edit(store):
    token, _ = assessment_with_answers(store)
    at = edit(open_roadmap(token), KNOWLEDGE, target=90, owner="Camille")
    at.segmented_control(key="lang").set_value("en").run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Roadmap: Acme"
    table = kpi_table(at)
    assert table.loc["knowledge_management", "target"] == 90
    assert table.loc["knowledge_management", "owner"] == "Camille"
    assert table.loc["productivity", "owner"] == "Pilot lead"
