"""A consultant's edits of the roadmap's KPIs and start date, and the roadmap as JSON."""

import json
from datetime import date, timedelta

import pytest

from assessment.roadmap import (
    KpiEditError,
    Roadmap,
    RoadmapEdits,
    apply_edits,
    check_kpi_values,
    edits_from_payload,
    edits_from_table,
    edits_to_payload,
    roadmap_from_dict,
    roadmap_to_dict,
)
from tests.unit.roadmap.scenarios import (
    ALL_WEAK,
    STALL,
    START,
    plan,
    profile,
)

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
        "Gestion des connaissances, cible\u00a0: 150 est hors de l’intervalle de 0 à 100 "
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
    assert french["pilot"]["team_label"] == "L’équipe communication"
    assert french["phases"][0]["actions"][0]["start"] == "2026-01-05"


def test_saved_dates_that_no_longer_fit_together_are_both_dropped():
    kpi = ROADMAP.kpi("participation")
    late_start = kpi.end - timedelta(days=1)
    early_end = kpi.start + timedelta(days=1)
    edits = RoadmapEdits(kpis={"participation": {"start": late_start, "end": early_end}})
    edited = apply_edits(ROADMAP, edits).kpi("participation")
    assert (edited.start, edited.end) == (kpi.start, kpi.end)
    assert edited.edited == []
