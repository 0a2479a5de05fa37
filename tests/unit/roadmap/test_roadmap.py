"""The roadmap generator, the pilot, its KPIs and their edits, on contrasting assessments."""

import json
from datetime import date, timedelta

import pytest

from assessment.profile import Profile
from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire
from assessment.roadmap import (
    DEFAULT_LIBRARY,
    PHASES,
    KpiEditError,
    Roadmap,
    RoadmapEdits,
    apply_edits,
    check_kpi_values,
    edits_from_payload,
    edits_from_table,
    edits_to_payload,
    generate_roadmap,
    load_library,
    next_monday,
    parse_library,
    roadmap_from_dict,
    roadmap_to_dict,
)
from assessment.scoring import score
from tests.paths import FIXTURES

QUESTIONNAIRE = load_questionnaire(DEFAULT_QUESTIONNAIRE)
LIBRARY = load_library(DEFAULT_LIBRARY, QUESTIONNAIRE)
START = date(2026, 1, 5)  # a Monday
DIMENSION_OF = {q.id: d.id for d, q in QUESTIONNAIRE.questions()}
SIDE_OF = {q.id: d.side_of(q).value for d, q in QUESTIONNAIRE.questions()}
METHOD_STEPS = {
    "case_study_briefing",
    "executive_sponsor",
    "pilot_scoping",
    "pilot_indicators",
    "run_pilot",
    "publish_pilot_results",
    "pilot_ambassadors",
}


def answers(default: int, **by_dimension: int) -> dict[str, int]:
    """Every question at ``default``, except the dimensions given."""
    return {qid: by_dimension.get(dimension, default) for qid, dimension in DIMENSION_OF.items()}


ALL_WEAK = answers(1)
ALL_STRONG = answers(5)
TOOLS_ONLY_WEAK = answers(4, tools=2)
# Customer-facing ambition at the top, the internal side at "emerging".
STALL = {qid: 5 if side == "customer" else 2 for qid, side in SIDE_OF.items()}


def plan(given: dict, profile: Profile | None = None, library=LIBRARY) -> Roadmap:
    return generate_roadmap(QUESTIONNAIRE, given, profile, library, START)


def ids(roadmap: Roadmap, phase: str | None = None) -> list[str]:
    return [a.id for a in roadmap.actions() if phase is None or a.phase == phase]


def reasons(roadmap: Roadmap, action_id: str, lang: str = "en") -> list[str]:
    return [reason.text(lang) for reason in roadmap.action(action_id).reasons]


def profile(sector: str = "C", size_class: str = "50-249") -> Profile:
    return Profile(
        organisation="Acme", sector=sector, size_class=size_class, country="FR", role="hr"
    )


SCENARIOS = {
    "all weak": ALL_WEAK,
    "all strong": ALL_STRONG,
    "stall": STALL,
    "tools only weak": TOOLS_ONLY_WEAK,
}


# --- phases, actions and their order ---------------------------------------------------------


@pytest.mark.parametrize("given", SCENARIOS.values(), ids=SCENARIOS.keys())
def test_the_three_phases_come_in_order_and_follow_each_other(given):
    roadmap = plan(given)
    assert [p.phase for p in roadmap.phases] == list(PHASES)
    assert roadmap.phases[0].start == roadmap.start == START
    for before, after in zip(roadmap.phases, roadmap.phases[1:], strict=False):
        assert after.start == before.end + timedelta(days=1)
    assert roadmap.end == roadmap.phases[-1].end
    for phase in roadmap.phases:
        assert phase.actions, phase.phase
        assert all(phase.start <= a.start and a.end <= phase.end for a in phase.actions)


@pytest.mark.parametrize("given", SCENARIOS.values(), ids=SCENARIOS.keys())
def test_a_dependency_is_always_scheduled_before_its_dependent(given):
    roadmap = plan(given)
    position = {a.id: i for i, a in enumerate(roadmap.actions())}
    for action in roadmap.actions():
        for dependency in action.depends_on:
            assert position[dependency] < position[action.id]
            assert roadmap.action(dependency).end < action.start


@pytest.mark.parametrize("given", SCENARIOS.values(), ids=SCENARIOS.keys())
def test_each_action_takes_its_typical_duration_and_starts_as_soon_as_it_can(given):
    roadmap = plan(given)
    for phase in roadmap.phases:
        for action in phase.actions:
            assert (action.end - action.start).days + 1 == 7 * action.duration_weeks
            ready = [roadmap.action(d).end + timedelta(days=1) for d in action.depends_on]
            assert action.start == max([phase.start, *ready])


@pytest.mark.parametrize("given", SCENARIOS.values(), ids=SCENARIOS.keys())
def test_within_a_phase_the_largest_gap_goes_first_once_its_dependencies_are_placed(given):
    roadmap = plan(given)
    for phase in roadmap.phases:
        placed: set[str] = set()
        remaining = list(phase.actions)
        for action in phase.actions:
            ready = [
                a
                for a in remaining
                if all(d in placed or d not in ids(roadmap, phase.phase) for d in a.depends_on)
            ]
            internal_first = roadmap.stall and any(a.side != "internal" for a in ready)
            best = min(
                ready,
                key=lambda a: (
                    internal_first and a.side != "internal",
                    -(a.gap if a.gap is not None else -1),
                    a.id,
                ),
            )
            assert action.id == best.id, (phase.phase, action.id, best.id)
            placed.add(action.id)
            remaining.remove(action)


def test_an_all_weak_result_gets_every_action_for_its_weak_spots():
    roadmap = plan(ALL_WEAK)
    proposed = set(ids(roadmap))
    assert proposed >= METHOD_STEPS
    assert {
        "people_before_tools",  # weak culture
        "open_collaboration",
        "collaboration_space",  # weak tools
        "social_media_charter",
        "social_media_training",
        "simplify_employee_journey",  # weak employee experience
        "inform_first",  # the conditions for ambassadors
        "encourage_and_coach",
        "time_and_know_how",
        "peer_exchange_recognition",
    } <= proposed
    assert not roadmap.stall
    assert "hold_customer_promises" not in proposed


def test_an_all_strong_result_keeps_only_the_steps_of_the_method():
    roadmap = plan(ALL_STRONG)
    assert set(ids(roadmap)) == METHOD_STEPS
    assert ids(roadmap, "awareness") == ["case_study_briefing", "executive_sponsor"]
    assert ids(roadmap, "diffusion") == ["publish_pilot_results", "pilot_ambassadors"]
    assert all(a.gap == 0 for a in roadmap.actions())


def test_tools_only_weak_proposes_the_tool_actions_and_nothing_for_culture_or_experience():
    roadmap = plan(TOOLS_ONLY_WEAK)
    proposed = set(ids(roadmap))
    assert proposed - METHOD_STEPS == {
        "collaboration_space",
        "social_media_charter",
        "social_media_training",
        "advocacy_tool",
        "front_line_customer_context",
    }
    assert "Tools and digital workplace scores 25/100 (below 50)." in reasons(
        roadmap, "collaboration_space"
    )
    # The charter comes before the training that builds on it.
    assert ids(roadmap, "pilot").index("social_media_charter") < ids(roadmap, "pilot").index(
        "social_media_training"
    )


def test_a_stall_proposes_holding_customer_promises_and_says_by_how_much():
    roadmap = plan(STALL)
    assert roadmap.stall
    assert "hold_customer_promises" in ids(roadmap, "awareness")
    assert reasons(roadmap, "hold_customer_promises")[0] == (
        "Stall warning: the customer side (100/100) leads the internal side (25/100) by 75 "
        "points (threshold 15)."
    )
    assert reasons(roadmap, "hold_customer_promises", "fr")[0].startswith(
        "Alerte décrochage\u00a0: le côté client (100/100) devance le côté interne (25/100) "
        "de 75 points"
    )
    stall_reasons = [r.kind for r in roadmap.action("front_line_customer_context").reasons]
    assert "stall" in stall_reasons


SIDES_LIBRARY = (FIXTURES / "roadmap_sides.yaml").read_text(encoding="utf-8")


def test_with_a_stall_the_internal_side_comes_first_and_the_reason_says_so():
    library = parse_library(SIDES_LIBRARY, "sides.yaml", QUESTIONNAIRE)
    customer = {q: 2 for q, side in SIDE_OF.items() if side == "customer"}
    customer["cx_social_customer_channels"] = 5
    # Internal side strong: no stall, the larger customer gap (75) goes first.
    steady = {**answers(4), **customer, "cx_front_line_knows_customer": 3}
    calm = plan(steady, library=library)
    assert not calm.stall
    assert ids(calm) == ["a_customer_promise", "b_equip_front_line"]
    assert [a.side for a in calm.actions()] == ["customer", "internal"]
    assert calm.action("a_customer_promise").gap > calm.action("b_equip_front_line").gap
    # Internal side weak: the customer side leads by more than 15 points, the order flips.
    stalling = {**answers(1), **customer, "cx_front_line_knows_customer": 3}
    stalled = plan(stalling, library=library)
    assert stalled.stall
    assert ids(stalled) == ["b_equip_front_line", "a_customer_promise"]
    assert any(
        "with a stall warning, the internal side must catch up" in text
        for text in reasons(stalled, "b_equip_front_line")
    )
    assert not any("stall" in text for text in reasons(stalled, "a_customer_promise"))


def test_actions_are_ranked_by_the_gap_they_address():
    given = answers(5, culture=1, employee_experience=2)
    given |= {q: 1 for q, side in SIDE_OF.items() if side == "customer"}  # no stall
    roadmap = plan(given)
    assert not roadmap.stall
    pilot = ids(roadmap, "pilot")
    gaps = {a.id: a.gap for a in roadmap.actions()}
    order = ["open_collaboration", "inform_first", "pilot_indicators", "simplify_employee_journey"]
    assert [gaps[i] for i in order] == [80, 75, 50, 37.5]
    assert [pilot.index(i) for i in order] == sorted(pilot.index(i) for i in order)


def test_equal_gaps_are_ordered_by_id():
    roadmap = plan(ALL_WEAK)
    awareness = ids(roadmap, "awareness")
    assert awareness[0] == "case_study_briefing"  # the others wait for it
    assert awareness[1:] == sorted(awareness[1:])


def test_every_reason_names_the_score_that_triggered_it():
    roadmap = plan(ALL_WEAK)
    assert "Culture scores 0/100 (below 50)." in reasons(roadmap, "people_before_tools")
    assert (
        "The theme “Measurement and indicators” averages 0/100 over 2 answered questions "
        "(below 50)." in reasons(roadmap, "measure_before_launch")
    )
    charter = reasons(roadmap, "social_media_charter")[0]
    assert charter.startswith("Answer to “Is there a social-media charter")
    assert charter.endswith(": 1 · Absent, i.e. 0/100 (below 50).")
    assert reasons(roadmap, "social_media_charter", "fr")[0].endswith(
        "\u00a0: 1 · Absent, soit 0/100 (sous le seuil de 50)."
    )
    for action in roadmap.actions():
        assert action.reasons, action.id
        for reason in action.reasons:
            assert reason.text.fr and reason.text.en


def test_the_steps_of_the_method_say_they_are_proposed_whatever_the_result():
    roadmap = plan(ALL_STRONG)
    for action in roadmap.actions():
        assert [r.kind for r in action.reasons] == ["always"]
        assert "whatever the result" in action.reasons[0].text.en


def test_a_score_just_under_the_threshold_is_not_rounded_up_to_it():
    library = parse_library(
        SIDES_LIBRARY.replace("when: always", "when: {dimension: culture, below: 47}", 1),
        "threshold.yaml",
        QUESTIONNAIRE,
    )
    given = {"culture_executive_sponsorship": 3, "culture_people_before_tools": 2}
    given |= {q: 3 for q, d in DIMENSION_OF.items() if d == "culture" and q not in given}
    assert 46.5 < score(QUESTIONNAIRE, given).dimension("culture").score < 47
    roadmap = plan(given, library=library)
    assert reasons(roadmap, "a_customer_promise") == ["Culture scores 46.7/100 (below 47)."]
    assert reasons(roadmap, "a_customer_promise", "fr") == [
        "La dimension «\u00a0Culture\u00a0» obtient 46,7/100 (sous le seuil de 47)."
    ]


def test_unanswered_and_dont_know_questions_trigger_nothing():
    nothing = plan({})
    assert set(ids(nothing)) == METHOD_STEPS
    assert all(a.gap is None for a in nothing.actions())
    dont_know = plan({q: None for q in DIMENSION_OF})
    assert set(ids(dont_know)) == METHOD_STEPS


@pytest.mark.parametrize("given", SCENARIOS.values(), ids=SCENARIOS.keys())
def test_the_same_answers_always_give_the_same_roadmap(given):
    first = plan(given, profile())
    again = plan(dict(reversed(list(given.items()))), profile())
    assert first == again
    assert json.dumps(roadmap_to_dict(first)) == json.dumps(roadmap_to_dict(again))


def test_the_default_start_is_the_coming_monday():
    assert next_monday(date(2026, 1, 5)) == date(2026, 1, 12)  # a Monday: the next one
    assert next_monday(date(2026, 1, 8)) == date(2026, 1, 12)
    assert next_monday(date(2026, 1, 11)) == date(2026, 1, 12)


# --- the pilot -------------------------------------------------------------------------------


def test_the_pilot_is_in_communications_by_default_for_three_months():
    roadmap = plan(ALL_STRONG, profile())
    pilot = roadmap.pilot
    assert pilot.team == "communications"
    assert "communications team" in pilot.reason.en
    assert pilot.duration_weeks == 13
    run = roadmap.action("run_pilot")
    assert (pilot.start, pilot.end) == (run.start, run.end)
    assert "for 3 months" in pilot.scope.en and "pendant 3 mois" in pilot.scope.fr
    assert "8 to 15 people" in pilot.participants.en
    assert "volontariat" in pilot.participants.fr
    assert len(pilot.success_criteria) >= 3


def test_the_pilot_moves_to_the_it_team_when_tools_lag_most():
    pilot = plan(TOOLS_ONLY_WEAK, profile()).pilot
    assert pilot.team == "technology"
    assert pilot.reason.en.startswith(
        "Tools and digital workplace is your weakest internal dimension (25/100)"
    )


def test_the_pilot_follows_the_sector_and_the_size_of_the_organisation():
    tech = plan(ALL_STRONG, profile(sector="J")).pilot
    assert tech.team == "technology"
    assert "Information and communication" in tech.reason.en
    micro = plan(ALL_WEAK, profile(size_class="1-9")).pilot
    assert micro.team == "whole_organisation"
    assert "Every employee" in micro.participants.en
    large = plan(ALL_STRONG, profile(size_class="250+")).pilot
    assert "15 to 30 people" in large.participants.en


# --- KPIs ------------------------------------------------------------------------------------


def test_the_pilot_measures_productivity_knowledge_satisfaction_and_advocacy():
    roadmap = plan(ALL_WEAK)
    assert [k.id for k in roadmap.kpis][:4] == [
        "productivity",
        "knowledge_management",
        "employee_satisfaction",
        "employee_advocacy",
    ]
    for kpi in roadmap.kpis:
        assert (kpi.start, kpi.end) == (roadmap.pilot.start, roadmap.pilot.end)
        for text in (kpi.name, kpi.definition, kpi.method, kpi.source, kpi.frequency, kpi.owner):
            assert text.fr and text.en


def test_a_baseline_comes_from_the_assessment_when_it_measures_the_same_thing():
    given = {**ALL_STRONG, "culture_knowledge_sharing": 2, "tools_search_and_tagging": 4}
    kpi = plan(given).kpi("knowledge_management")
    assert kpi.baseline == 50  # (25 + 75) / 2
    assert kpi.target == 75  # one level of the scale higher
    assert kpi.baseline_questions == ["culture_knowledge_sharing", "tools_search_and_tagging"]
    assert kpi.baseline_note.en.startswith("From the assessment: mean of the answers to 2")


def test_a_baseline_the_assessment_cannot_give_is_to_measure_before_start():
    given = {**ALL_STRONG, "culture_knowledge_sharing": None, "tools_search_and_tagging": None}
    roadmap = plan(given)
    knowledge = roadmap.kpi("knowledge_management")
    assert knowledge.baseline is None and knowledge.target is None
    assert knowledge.baseline_note.en == "To measure before start."
    assert knowledge.baseline_note.fr == "À mesurer avant le lancement."
    productivity = roadmap.kpi("productivity")
    assert productivity.baseline is None
    assert "20% below the baseline" in productivity.target_rule.en


def test_the_enps_is_left_out_when_the_roadmap_does_not_work_on_advocacy():
    library = parse_library(SIDES_LIBRARY, "sides.yaml", QUESTIONNAIRE)
    kpis = [k.id for k in plan(ALL_WEAK, library=library).kpis]
    assert "employee_advocacy" not in kpis
    assert {"productivity", "knowledge_management", "employee_satisfaction"} <= set(kpis)


# --- KPI edits -------------------------------------------------------------------------------

ROADMAP = plan({**ALL_WEAK, "culture_knowledge_sharing": 3, "tools_search_and_tagging": 3})


def problems_of(kpi_id: str, values: dict) -> list:
    with pytest.raises(KpiEditError) as error:
        check_kpi_values(ROADMAP.kpi(kpi_id), values)
    return error.value.problems


def test_a_target_outside_the_kpis_unit_is_refused_naming_the_kpi_and_the_field():
    [problem] = problems_of("knowledge_management", {"target": 150})
    assert problem.en == (
        "Knowledge management, target: 150 is outside the range 0 to 100 (points out of 100)."
    )
    assert problem.fr == (
        "Gestion des connaissances, cible\u00a0: 150 est hors de l'intervalle de 0 à 100 "
        "(points sur 100)."
    )
    [percent] = problems_of("participation", {"baseline": 101})
    assert percent.en.startswith("Participation, baseline: 101 is outside the range 0 to 100")


def test_an_enps_may_be_negative_but_stays_within_minus_100_and_100():
    enps = ROADMAP.kpi("employee_advocacy")
    assert check_kpi_values(enps, {"baseline": -40, "target": "-20"}) == {
        "baseline": -40.0,
        "target": -20.0,
    }
    [problem] = problems_of("employee_advocacy", {"target": -140})
    assert "outside the range −100 to 100 (eNPS points)" in problem.en


def test_a_target_must_be_a_number_and_may_use_a_decimal_comma_or_stay_empty():
    [problem] = problems_of("productivity", {"target": "soon"})
    assert problem.en == (
        "Productivity: time spent searching, target: “soon” is not a number; enter a number "
        "in hours per week."
    )
    kpi = ROADMAP.kpi("productivity")
    assert check_kpi_values(kpi, {"target": "2,5"}) == {"target": 2.5}
    assert check_kpi_values(kpi, {"target": ""}) == {"target": None}
    assert check_kpi_values(kpi, {"target": float("nan")}) == {"target": None}


def test_dates_must_be_in_order_and_present():
    [problem] = problems_of(
        "employee_satisfaction", {"start": date(2026, 5, 1), "end": date(2026, 4, 1)}
    )
    assert problem.en == (
        "Employee satisfaction, dates: the start (1 May 2026) comes after the end (1 April 2026)."
    )
    assert "le début (1er mai 2026) tombe après la fin (1er avril 2026)" in problem.fr
    [missing] = problems_of("employee_satisfaction", {"end": None})
    assert missing.en == "Employee satisfaction, end: enter a date."


def test_an_owner_cannot_be_left_empty():
    [problem] = problems_of("participation", {"owner": "  "})
    assert problem.en == "Participation, owner: name who is responsible."


def test_every_invalid_cell_of_the_table_is_reported_at_once():
    rows = {
        "knowledge_management": {"target": 120},
        "participation": {"owner": ""},
        "productivity": {"target": 3},
    }
    with pytest.raises(KpiEditError) as error:
        edits_from_table(ROADMAP, rows, START)
    assert [p.en.split(",")[0] for p in error.value.problems] == [
        "Knowledge management",
        "Participation",
    ]


def table(roadmap: Roadmap, **changes: dict) -> dict:
    """The KPI table as the page shows it, with some cells changed."""
    rows = {
        k.id: {
            "baseline": k.baseline,
            "target": k.target,
            "start": k.start,
            "end": k.end,
            "owner": k.owner.en,
        }
        for k in roadmap.kpis
    }
    for kpi_id, fields in changes.items():
        rows[kpi_id] |= fields
    return rows


def test_only_the_changed_cells_are_kept_as_edits():
    edits = edits_from_table(ROADMAP, table(ROADMAP, knowledge_management={"target": 80}), START)
    assert edits == RoadmapEdits(start=START, kpis={"knowledge_management": {"target": 80.0}})
    unchanged = edits_from_table(ROADMAP, table(ROADMAP), START)
    assert unchanged.kpis == {}


def test_edits_survive_the_round_trip_through_the_store_and_apply_on_a_fresh_roadmap():
    changes = {
        "knowledge_management": {"target": 80},
        "participation": {"owner": "Camille, DSI", "end": date(2026, 12, 1)},
    }
    edits = edits_from_table(ROADMAP, table(ROADMAP, **changes), START)
    stored = json.loads(json.dumps(edits_to_payload(edits)))
    edited = apply_edits(ROADMAP, edits_from_payload(stored))
    assert edited.kpi("knowledge_management").target == 80
    assert edited.kpi("knowledge_management").edited == ["target"]
    participation = edited.kpi("participation")
    assert participation.owner.fr == participation.owner.en == "Camille, DSI"
    assert participation.end == date(2026, 12, 1)
    assert participation.edited == ["end", "owner"]
    assert edited.kpi("productivity") == ROADMAP.kpi("productivity")
    assert edits_from_payload(stored).start == START


def test_a_malformed_or_stale_saved_edit_is_ignored():
    payload = {
        "start": "soon",
        "kpis": {
            "unknown": {"target": 3},
            "productivity": {"target": "lots", "colour": "red"},
            "participation": "full",
            "knowledge_management": {"target": 70},
        },
    }
    edits = edits_from_payload(payload)
    assert edits.start is None
    edited = apply_edits(ROADMAP, edits)
    assert edited.kpi("productivity") == ROADMAP.kpi("productivity")
    assert edited.kpi("knowledge_management").target == 70
    assert edits_from_payload(None) == edits_from_payload("nonsense") == RoadmapEdits()


# --- serialisation ---------------------------------------------------------------------------


def test_a_roadmap_reads_back_from_its_json_document():
    roadmap = plan(STALL, profile())
    document = json.loads(json.dumps(roadmap_to_dict(roadmap)))
    assert roadmap_from_dict(document) == roadmap
    french = roadmap_to_dict(roadmap, "fr")
    assert french["phases"][0]["title"] == "Sensibilisation"
    assert french["pilot"]["team_label"] == "L'équipe communication"
    assert french["phases"][0]["actions"][0]["start"] == "2026-01-05"


def test_saved_dates_that_no_longer_fit_together_are_both_dropped():
    kpi = ROADMAP.kpi("participation")
    late_start = kpi.end - timedelta(days=1)
    early_end = kpi.start + timedelta(days=1)
    edits = RoadmapEdits(kpis={"participation": {"start": late_start, "end": early_end}})
    edited = apply_edits(ROADMAP, edits).kpi("participation")
    assert (edited.start, edited.end) == (kpi.start, kpi.end)
    assert edited.edited == []
