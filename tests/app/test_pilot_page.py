"""The pilot page (AppTest): values entered and refused, each KPI's status and chart, the gate
of the diffusion phase both ways, and the steering committee's decision."""

from datetime import UTC, date, datetime

from assessment import services
from assessment.roadmap import RoadmapEdits
from assessment.store import DocumentKind
from tests.app.conftest import QUESTIONNAIRE, open_app, start_assessment
from tests.unit.roadmap.pilot_samples import MONTH_ENDS, START, THREE_MONTHS

PAGE = "app_pages/pilot.py"


def pilot_assessment(store):
    """An assessment answered at level 2, its roadmap started in May 2026 and the productivity
    KPI given a baseline (6 h a week) and a target (4.8 h), as a consultant would."""
    _, token = start_assessment("Acme")
    record_id = store.find(token).id
    for _, question in QUESTIONNAIRE.questions():
        store.save_answer(record_id, question.id, 2)
    edits = RoadmapEdits(start=START, kpis={"productivity": {"baseline": 6.0, "target": 4.8}})
    services.save_edits(store, record_id, edits)
    return token, record_id


def open_pilot(token, lang=None):
    at = open_app(token, lang).switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def enter(at, kpi, on, value, by="Claire Martin", comment="", lang="fr"):
    at.selectbox(key=f"pilot_value_kpi.{lang}").select(kpi)
    at.date_input(key=f"pilot_value_date.{lang}").set_value(on)
    field(at, "pilot_value_value", lang).input(value)
    at.text_input(key=f"by.{lang}").input(by)
    field(at, "pilot_comment", lang).input(comment)
    at.button(key=f"pilot_add.{lang}").click().run()
    assert not at.exception, at.exception
    return at


def field(at, name, lang):
    """A text field of the value form (its key changes after each save, to empty it)."""
    return next(t for t in at.text_input if t.key.startswith(name) and t.key.endswith(lang))


def decide(at, verdict, reason, by="Comité de pilotage", lang="fr"):
    at.radio(key=f"pilot_verdict.{lang}").set_value(verdict)
    at.text_area(key=f"pilot_reason.{lang}").input(reason)
    at.text_input(key=f"pilot_decided_by.{lang}").input(by)
    at.button(key=f"pilot_decide.{lang}").click().run()
    assert not at.exception, at.exception
    return at


def stored(store, record_id):
    return services.pilot_record(store, record_id)


def gate_text(at) -> str:
    return "\n".join(box.value for box in [*at.success, *at.warning, *at.error])


def test_before_any_value_the_diffusion_phase_waits_for_evidence(store):
    token, _ = pilot_assessment(store)
    at = open_pilot(token)
    assert at.title[0].value == "Pilote\u00a0: Acme"
    assert "Phase de diffusion\u00a0: en attente de preuves" in at.warning[0].value
    assert at.info[0].value.startswith("Aucune valeur saisie")
    assert not at.get("plotly_chart")


def test_three_months_of_values_entered_open_the_diffusion_phase(store):
    token, record_id = pilot_assessment(store)
    at = open_pilot(token)
    for kpi, values in THREE_MONTHS.items():
        for day, value in zip(MONTH_ENDS, values, strict=True):
            at = enter(at, kpi, day, str(value).replace(".", ","))
            assert not at.error, at.error[0].value
    assert field(at, "pilot_value_value", "fr").value == ""  # emptied for the next value
    assert at.text_input(key="by.fr").value == "Claire Martin"  # the name is kept
    record = stored(store, record_id)
    assert len(record.actuals) == 9
    assert {a.entered_by for a in record.actuals} == {"Claire Martin"}
    assert record.of("productivity")[-1].value == 4.7
    at = open_pilot(token)
    assert "Phase de diffusion\u00a0: prête" in at.success[0].value
    assert len(at.get("plotly_chart")) == 3  # one per measured KPI
    badges = " ".join(md.value for md in at.markdown)
    assert "cible atteinte" in badges and "en bonne voie" in badges
    assert len(at.dataframe[0].value) == 9


def test_a_refused_value_says_what_is_wrong_and_where_and_nothing_is_saved(store):
    token, record_id = pilot_assessment(store)
    at = enter(open_pilot(token), "productivity", date(2026, 9, 30), "200", by="")
    shown = at.error[0].value
    assert shown.startswith("La valeur n’a pas été enregistrée")
    assert "Productivité\u00a0: temps passé à chercher, 30 septembre 2026" in shown
    assert "200 est hors de la plage de l’unité, de 0 à 168 (heures par semaine)" in shown
    assert "indiquez qui saisit la valeur" in shown
    assert stored(store, record_id).actuals == []
    at = enter(at, "knowledge_management", date(2026, 9, 30), "beaucoup")
    assert "«\u00a0beaucoup\u00a0» n’est pas un nombre" in at.error[0].value
    assert store.document(record_id, DocumentKind.pilot) is None


def test_a_refusal_is_said_in_english_too(store):
    token, _ = pilot_assessment(store)
    at = enter(open_pilot(token, "en"), "participation", date(2026, 9, 30), "120", lang="en")
    assert "Participation, 30 September 2026: 120 is outside the range of the unit, 0 to 100" in (
        at.error[0].value
    )


def test_a_lower_is_better_kpi_falling_is_on_track_and_rising_is_behind(store):
    token, record_id = pilot_assessment(store)
    at = open_pilot(token)
    at = enter(at, "productivity", date(2026, 9, 30), "5,5")
    text = " ".join(md.value for md in at.markdown)
    assert "plus bas, c’est mieux" in text and "en bonne voie" in text
    services.remove_actual(store, record_id, "productivity", date(2026, 9, 30))
    at = enter(open_pilot(token), "productivity", date(2026, 9, 30), "6,5")
    assert "en retard" in " ".join(md.value for md in at.markdown)


def test_the_gate_stays_closed_while_one_gating_kpi_lags(store):
    token, _ = pilot_assessment(store)
    at = open_pilot(token)
    for kpi, value in (("productivity", "5"), ("knowledge_management", "40")):
        at = enter(at, kpi, date(2026, 9, 30), value)
    at = enter(at, "employee_satisfaction", date(2026, 9, 30), "20")
    at = open_pilot(token)
    assert "en attente de preuves" in at.warning[0].value
    assert "Pas encore mieux que le point de départ\u00a0: Satisfaction des collaborateurs." in (
        at.warning[0].value
    )


def test_the_committee_records_a_go_with_its_reason_and_the_evidence_stays_beside_it(store):
    token, record_id = pilot_assessment(store)
    at = decide(open_pilot(token), "go", "Les premiers retours suffisent.")
    decision = stored(store, record_id).decision()
    assert decision.verdict == "go" and decision.decided_by == "Comité de pilotage"
    assert decision.reason == "Les premiers retours suffisent."
    at = open_pilot(token)
    assert "Phase de diffusion\u00a0: prête" in at.success[0].value
    assert "Le comité de pilotage a donné son feu vert le" in at.success[0].value
    assert "Les premiers retours suffisent" in at.success[0].value
    evidence = " ".join(md.value for md in at.markdown)
    assert "pas encore mesuré" in evidence  # the evidence is still shown
    at = decide(at, "stop", "Budget gelé.")
    assert "arrêtée par le comité de pilotage" in open_pilot(token).error[0].value
    assert len(stored(store, record_id).decisions) == 2


def test_a_decision_without_a_reason_is_refused(store):
    token, record_id = pilot_assessment(store)
    at = decide(open_pilot(token), "stop", "   ")
    assert "Indiquez le motif du comité." in at.error[0].value
    assert stored(store, record_id).decisions == []


def test_the_roadmap_page_marks_the_diffusion_phase(store):
    token, record_id = pilot_assessment(store)
    services.record_decision(store, record_id, "stop", "Budget gelé.", "COMEX", _now())
    at = open_app(token).switch_page("app_pages/roadmap.py").run()
    assert not at.exception, at.exception
    shown = "\n".join(md.value for md in at.markdown) + "\n".join(c.value for c in at.caption)
    assert "Phase de diffusion\u00a0: arrêtée par le comité de pilotage" in shown
    assert "Budget gelé" in shown


def _now():
    return datetime(2026, 12, 1, tzinfo=UTC)


def test_a_value_typed_by_mistake_is_removed_once_confirmed(store):
    token, record_id = pilot_assessment(store)
    at = enter(open_pilot(token), "knowledge_management", date(2026, 9, 30), "4")
    at = enter(at, "knowledge_management", date(2026, 9, 30), "40")
    assert "une valeur a déjà été saisie pour ce jour (par Claire Martin)" in at.error[0].value
    remove = at.button(key="pilot_remove.fr")
    assert remove.disabled  # not without the confirmation
    at.checkbox(key="pilot_remove_sure.fr").check().run()
    at.button(key="pilot_remove.fr").click().run()
    assert stored(store, record_id).actuals == []
    at = enter(at, "knowledge_management", date(2026, 9, 30), "40")
    assert [a.value for a in stored(store, record_id).actuals] == [40.0]
