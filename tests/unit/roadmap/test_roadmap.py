"""The roadmap generator, the pilot and its KPIs, on contrasting assessments."""

import json
from datetime import date, timedelta

import pytest

from assessment.roadmap import (
    PHASES,
    next_monday,
    parse_library,
    roadmap_to_dict,
)
from assessment.scoring import score
from tests.paths import FIXTURES
from tests.unit.roadmap.scenarios import (
    ALL_STRONG,
    ALL_WEAK,
    DIMENSION_OF,
    METHOD_STEPS,
    QUESTIONNAIRE,
    SCENARIOS,
    SIDE_OF,
    STALL,
    START,
    TOOLS_ONLY_WEAK,
    answers,
    ids,
    plan,
    profile,
    reasons,
)

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
    assert "Tools and digital workplace scores 25 / 100 (below 50)." in reasons(
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
        "Stall warning: the customer side (100 / 100) leads the internal side (25 / 100) by 75 "
        "points (threshold 15)."
    )
    assert reasons(roadmap, "hold_customer_promises", "fr")[0].startswith(
        "Alerte décrochage\u00a0: le côté client (100\u00a0/\u00a0100) devance "
        "le côté interne (25\u00a0/\u00a0100) de 75 points"
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
    assert "Culture scores 0 / 100 (below 50)." in reasons(roadmap, "people_before_tools")
    assert (
        "The theme “Measurement and indicators” averages 0 / 100 over 2 answered questions "
        "(below 50)." in reasons(roadmap, "measure_before_launch")
    )
    charter = reasons(roadmap, "social_media_charter")[0]
    assert charter.startswith("Answer to “Is there a social-media charter")
    assert charter.endswith(": 1 · Absent, i.e. 0 / 100 (below 50).")
    assert reasons(roadmap, "social_media_charter", "fr")[0].endswith(
        "\u00a0: 1 · Absent, soit 0\u00a0/\u00a0100 (sous le seuil de 50)."
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
    assert reasons(roadmap, "a_customer_promise") == ["Culture scores 46.7 / 100 (below 47)."]
    assert reasons(roadmap, "a_customer_promise", "fr") == [
        "La dimension «\u00a0Culture\u00a0» obtient 46,7\u00a0/\u00a0100 (sous le seuil de 47)."
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
        "Tools and digital workplace is your weakest internal dimension (25 / 100)"
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
