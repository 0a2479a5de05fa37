"""Time to build the steering-committee workbook, against openpyxl writing an empty workbook.

The assessment has 48 questions (the default questionnaire plus 7 more), every question
answered and commented, with its generated roadmap and pilot KPIs, the benchmark sheet and the
workshop sheet of a 200-participant room (three groups). The ratio says how much our sheets,
styles, chart and formulas cost on top of openpyxl's own fixed cost of producing a file.
Timed in interleaved pairs (bench/measure.py). Target: at most 20×.
"""

from __future__ import annotations

import io
import random
from datetime import date

from openpyxl import Workbook

from assessment.bundle import AssessmentBundle
from assessment.models import Questionnaire
from assessment.profile import Profile
from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire
from assessment.roadmap import DEFAULT_LIBRARY, load_library
from assessment.services import bundle_roadmap
from assessment.workshop import Participant, aggregate, summary_document
from bench.measure import Figure, cli, interleaved
from bench.workshop_phones import ROLE
from exports.workbook import full_workbook

PAIRS = 25
QUESTIONS = 48
PARTICIPANTS = 200
TARGET = 20


def questionnaire_with(count: int) -> Questionnaire:
    """The default questionnaire grown to `count` questions by repeating tools questions."""
    base = load_questionnaire(DEFAULT_QUESTIONNAIRE)
    tools = base.dimension("tools")
    extra = [
        q.model_copy(update={"id": f"{q.id}_bis", "order": 100 + i})
        for i, q in enumerate(tools.questions[: count - len(base.questions())])
    ]
    grown = tools.model_copy(update={"questions": [*tools.questions, *extra]})
    dimensions = [grown if d.id == "tools" else d for d in base.dimensions]
    return base.model_copy(update={"dimensions": dimensions})


def workshop_room(questionnaire: Questionnaire, participants: int) -> dict:
    """What an assessment made from a workshop of that many participants keeps of the room."""
    rng = random.Random(20261201)
    ids = [q.id for _, q in questionnaire.questions()]
    people = [
        Participant(
            id=i,
            segments={ROLE.name: ROLE.options[i % 3]},
            answers={q: rng.choice([1, 2, 3, 3, 4, 4, 5, None]) for q in ids},
        )
        for i in range(participants)
    ]
    room = aggregate(questionnaire, people, [ROLE])
    return summary_document(room, title="Atelier de lancement")


def bundle_for(questionnaire: Questionnaire, workshop: dict | None = None) -> AssessmentBundle:
    ids = [q.id for _, q in questionnaire.questions()]
    return AssessmentBundle(
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        language="fr",
        profile=Profile(
            organisation="Bench", sector="J", size_class="250+", country="FR", role="it"
        ),
        answers={qid: i % 5 + 1 for i, qid in enumerate(ids)},
        comments={
            qid: "Un commentaire de longueur moyenne sur la pratique observée." for qid in ids
        },
        workshop=workshop,
    )


def empty_workbook() -> bytes:
    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


def figures() -> list[Figure]:
    questionnaire = questionnaire_with(QUESTIONS)
    bundle = bundle_for(questionnaire, workshop_room(questionnaire, PARTICIPANTS))
    assert len(questionnaire.questions()) == QUESTIONS
    today = date(2026, 11, 23)
    base = load_questionnaire(DEFAULT_QUESTIONNAIRE)
    roadmap = bundle_roadmap(base, bundle_for(base), load_library(DEFAULT_LIBRARY, base), today)
    pairs = interleaved(lambda: full_workbook(questionnaire, bundle, today), empty_workbook, PAIRS)
    size = len(full_workbook(questionnaire, bundle, today))
    actions = len(roadmap.actions()) if roadmap else 0
    print(
        f"workbook for {QUESTIONS} answered and commented questions, a {actions}-action roadmap"
        f" and a {PARTICIPANTS}-participant workshop, {PAIRS} interleaved pairs ({size:,} bytes)"
    )
    return [
        pairs.figure(
            "workbook: assessment, roadmap, workshop",
            "empty openpyxl workbook",
            target=TARGET,
            note=f"{QUESTIONS} questions, {actions} actions, {PARTICIPANTS} participants",
        )
    ]


if __name__ == "__main__":
    cli(figures)
