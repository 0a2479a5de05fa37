"""Organisations to compare, as stored, shared by the exports, command line, browser and bench:
one with a baseline and a follow-up (self-assessments, the roadmap edited, targets set), and
one with a baseline and three workshop rooms pooled into one wave, answered through the store
as the room's phones do (Lyon's three leaders under the anonymity threshold)."""

from datetime import date

from assessment.roadmap import RoadmapEdits
from assessment.services import save_edits
from assessment.store import Organisations, Store
from tests.samples import QUESTIONNAIRE, QUESTIONS, bundle


def answered(store: Store, levels: dict[str, int | None], organisation: str = "Acme"):
    profile = bundle().profile.model_copy(update={"organisation": organisation})
    token, record = store.create_assessment(QUESTIONNAIRE, profile, "en")
    for question_id, level in levels.items():
        store.save_answer(record.id, question_id, level)
    return token, record


def levels(tools: int, people: int, customer: int) -> dict[str, int]:
    """Tools questions at ``tools``, customer-side ones at ``customer``, others at ``people``."""
    chosen = {}
    for dimension, question in QUESTIONNAIRE.questions():
        if dimension.side_of(question) == "customer":
            chosen[question.id] = customer
        else:
            chosen[question.id] = tools if dimension.id == "tools" else people
    return chosen


def baseline_and_follow_up(store: Store) -> tuple[str, int]:
    """Acme: a baseline (a stall: ambition well ahead of capability) and a follow-up six months
    later, the employee side caught up; targets set after the baseline. Its token and id."""
    organisations = Organisations(store)
    token, record = organisations.create("Acme")
    baseline = organisations.add_wave(record.id, "Baseline", date(2026, 1, 12))
    follow_up = organisations.add_wave(record.id, "Follow-up", date(2026, 7, 6))
    first = levels(tools=2, people=2, customer=4)
    first[QUESTIONS[5].id] = None  # don't know
    _, before = answered(store, first)
    save_edits(store, before.id, RoadmapEdits(start=date(2026, 2, 2)))
    _, after = answered(store, levels(tools=4, people=3, customer=4))
    store.save_comment(after.id, QUESTIONS[0].id, "The board now sponsors it visibly.")
    organisations.attach(baseline.id, before.id)
    organisations.attach(follow_up.id, after.id)
    organisations.set_targets(baseline.id, {"culture": 60, "tools": 70, "overall": 60})
    return token, record.id


def pooled_rooms(store: Store) -> tuple[str, int]:
    """A branch network: a baseline self-assessment, then three workshop rooms pooled."""
    from tests.unit.waves.conftest import room

    organisations = Organisations(store)
    token, record = organisations.create("Réseau d’agences")
    baseline = organisations.add_wave(record.id, "Baseline", date(2026, 1, 12))
    pooled = organisations.add_wave(record.id, "Three sites", date(2026, 6, 1))
    _, first = answered(store, levels(tools=2, people=2, customer=3), "Réseau d’agences")
    organisations.attach(baseline.id, first.id)
    rooms = (
        ("Lyon", [1] * 3 + [4] * 7, ["Leadership"] * 3 + ["Staff"] * 7),
        ("Lille", [3] * 6 + [4] * 6, ["Leadership", "Staff"]),
        ("Nantes", [4] * 8 + [3] * 4, ["Leadership", "Staff"]),
    )
    for name, people, roles in rooms:
        organisations.attach(pooled.id, room(store, name, people, roles).id, name)
    organisations.set_targets(baseline.id, {"culture": 55, "overall": 55})
    return token, record.id
