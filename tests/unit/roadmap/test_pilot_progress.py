"""The pilot measured: values checked against their KPI, progress from baseline to target in
each KPI's direction, the pilot as a whole, and the gate of the diffusion phase."""

from datetime import date, timedelta

import pytest

from assessment.roadmap import (
    ActualRefused,
    Entry,
    GateState,
    PilotRecord,
    Status,
    check_actual,
    check_decision,
    gate_explanation,
    gate_headline,
    pilot_status,
    record_from_payload,
    record_to_payload,
)
from tests.unit.roadmap.pilot_samples import NOW, THREE_MONTHS, measured, roadmap


def refusal(
    kpi="productivity", on=date(2026, 10, 1), value="5", by="Claire", comment="", record=None
):
    with pytest.raises(ActualRefused) as error:
        check_actual(roadmap(), record or PilotRecord(), Entry(kpi, on, value, by, comment), NOW)
    return error.value


def test_three_months_of_values_put_the_pilot_on_track_and_open_the_diffusion_phase():
    progress, gate = pilot_status(roadmap(), measured())
    statuses = {p.kpi.id: p.status for p in progress.kpis}
    assert statuses == {
        "productivity": Status.reached,  # 4.7 h a week searching, 4.8 h aimed at
        "knowledge_management": Status.on_track,
        "employee_satisfaction": Status.on_track,
        "employee_advocacy": Status.no_data,  # not gating: it does not hold the pilot back
        "participation": Status.no_data,
    }
    assert progress.status == Status.on_track
    assert gate.state == GateState.ready and not gate.by_committee and gate.missing == []
    assert [p.kpi.id for p in gate.evidence] == list(THREE_MONTHS)
    assert gate_headline(gate, "en") == "Diffusion phase: ready"
    assert gate_explanation(gate, "fr").startswith("Chaque indicateur qui conditionne")


def test_a_lower_is_better_kpi_improves_when_its_value_falls():
    """Hours spent searching: 6 h at the start, 4.8 h aimed at."""
    falling = pilot_status(roadmap(), measured({"productivity": [5.6, 5.1, 4.7]}))[0]
    rising = pilot_status(roadmap(), measured({"productivity": [6.2, 6.5, 7.0]}))[0]
    down, up = falling.kpis[0], rising.kpis[0]
    assert down.kpi.better == "lower"
    assert down.status == Status.reached and down.beaten and down.share > 1
    assert up.status == Status.behind and not up.beaten and up.share < 0


def test_better_than_the_baseline_but_short_of_the_plan_is_behind():
    """At the end of the pilot the plan expects the target: 30 out of 50 is behind."""
    item = pilot_status(roadmap(), measured({"knowledge_management": [26, 28, 30]}))[0].kpis[1]
    assert item.beaten and item.status == Status.behind
    assert item.expected == pytest.approx(50, abs=1)
    assert item.share == pytest.approx(0.2)


def test_a_kpi_measured_without_a_baseline_cannot_be_judged():
    item = pilot_status(roadmap(), measured({"participation": [40, 45, 52]}))[0].kpis[-1]
    assert item.kpi.baseline is None and item.status == Status.no_baseline
    reached = pilot_status(roadmap(), measured({"participation": [40, 62]}))[0].kpis[-1]
    assert reached.status == Status.reached  # its fixed target of 60 is met


def test_the_gate_waits_while_a_gating_kpi_has_not_beaten_its_baseline():
    values = {**THREE_MONTHS, "employee_satisfaction": [24, 25, 25]}
    progress, gate = pilot_status(roadmap(), measured(values))
    assert gate.state == GateState.waiting and gate.missing == ["employee_satisfaction"]
    assert progress.status == Status.behind
    assert gate_headline(gate, "fr") == "Phase de diffusion\u00a0: en attente de preuves"
    assert gate_explanation(gate, "en") == (
        "Not yet better than the baseline: Employee satisfaction."
    )
    nothing = pilot_status(roadmap(), PilotRecord())[1]
    assert nothing.state == GateState.waiting
    assert gate_explanation(nothing, "en") == (
        "Not measured yet: Productivity: time spent searching; Knowledge management; "
        "Employee satisfaction."
    )


def test_the_committee_decides_with_its_reason_and_its_latest_word_stands():
    record = measured({**THREE_MONTHS, "employee_satisfaction": [24, 25, 25]})
    go = check_decision("go", "Satisfaction lags the season; the rest is clear.", "COMEX", NOW)
    record = record.model_copy(update={"decisions": [go]})
    gate = pilot_status(roadmap(), record)[1]
    assert gate.state == GateState.ready and gate.by_committee and gate.decision == go
    assert gate.missing == ["employee_satisfaction"]  # the evidence stays shown beside it
    assert gate_explanation(gate, "en") == (
        "The steering committee said go on 1 December 2026 (COMEX): "
        "Satisfaction lags the season; the rest is clear."
    )
    stop = check_decision("stop", "Budget frozen.", "COMEX", NOW + timedelta(days=1))
    record = measured().model_copy(update={"decisions": [go, stop]})
    assert pilot_status(roadmap(), record)[1].state == GateState.stopped


def test_a_decision_without_a_verdict_a_reason_or_a_name_is_refused():
    with pytest.raises(ActualRefused) as error:
        check_decision("", " ", "", NOW)
    assert [p.key for p in error.value.problems] == [
        "pilot.verdict_missing",
        "pilot.reason_missing",
        "pilot.decided_by_missing",
    ]


def test_every_problem_of_a_value_is_said_with_its_kpi_and_date_in_the_readers_language():
    error = refusal(value="abc", by=" ", comment="x" * 501)
    assert [p.key for p in error.problems] == [
        "pilot.not_a_number",
        "pilot.name_missing",
        "pilot.comment_too_long",
    ]
    assert error.problems[0]("fr") == (
        "Productivité\u00a0: temps passé à chercher, 1er octobre 2026\u00a0: «\u00a0abc\u00a0» "
        "n’est pas un nombre\u00a0; saisissez un nombre en heures par semaine, de 0 à 168."
    )
    assert str(error.problems[0]).startswith("Productivity: time spent searching, 1 October 2026")


@pytest.mark.parametrize(
    ("kpi", "value", "key"),
    [
        ("productivity", "169", "pilot.out_of_range"),  # more hours than a week has
        ("knowledge_management", "101", "pilot.out_of_range"),
        ("employee_advocacy", "-101", "pilot.out_of_range"),
        ("knowledge_management", "nan", "pilot.not_a_number"),
        ("knowledge_management", True, "pilot.not_a_number"),
        ("unknown", "5", "pilot.unknown_kpi"),
    ],
)
def test_a_value_outside_its_unit_or_for_no_kpi_is_refused(kpi, value, key):
    assert [p.key for p in refusal(kpi=kpi, value=value).problems] == [key]


def test_values_typed_the_french_way_are_read():
    actual = check_actual(
        roadmap(), PilotRecord(), Entry("productivity", "2026-10-01", " 4,5 ", "A"), NOW
    )
    assert actual.value == 4.5 and actual.on == date(2026, 10, 1) and actual.entered_at == NOW
    enps = Entry("employee_advocacy", date(2026, 10, 1), "\u221212", "A")
    assert check_actual(roadmap(), PilotRecord(), enps, NOW).value == -12


def test_a_future_date_a_broken_date_and_a_second_value_for_the_same_day_are_refused():
    assert [p.key for p in refusal(on=NOW.date() + timedelta(days=1)).problems] == [
        "pilot.future_date"
    ]
    assert [p.key for p in refusal(on="2026-02-30").problems] == ["pilot.not_a_date"]
    twice = refusal(on=date(2026, 9, 30), record=measured())
    assert [p.key for p in twice.problems] == ["pilot.already_entered"]
    assert "Claire Martin" in twice.problems[0]("en")


def test_the_record_survives_its_json_form_and_refuses_anything_else():
    record = measured().model_copy(
        update={"decisions": [check_decision("go", "Clear results.", "COMEX", NOW)]}
    )
    assert record_from_payload(record_to_payload(record)) == record
    payload = record_to_payload(record)
    payload["actuals"][0]["value"] = "5"
    with pytest.raises(ValueError):
        record_from_payload(payload)
    with pytest.raises(ValueError):
        record_from_payload({**record_to_payload(record), "extra": 1})
