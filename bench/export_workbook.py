"""Time to build the steering-committee workbook, against openpyxl writing an empty workbook.

The assessment has 48 questions (the default questionnaire plus 7 more), every question
answered and commented, with its generated roadmap and pilot KPIs and the benchmark sheet.
The ratio says how much our sheets, styles, chart and formulas cost on top of openpyxl's own
fixed cost of producing a file.
"""

from __future__ import annotations

import io
import statistics
import time
from datetime import date

from openpyxl import Workbook

from assessment.bundle import AssessmentBundle
from assessment.models import Questionnaire
from assessment.profile import Profile
from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire
from assessment.roadmap import DEFAULT_LIBRARY, load_library
from assessment.services import bundle_roadmap
from exports.workbook import full_workbook

ROUNDS = 15
QUESTIONS = 48


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


def bundle_for(questionnaire: Questionnaire) -> AssessmentBundle:
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
    )


def timed(build) -> list[float]:
    times = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        build()
        times.append(time.perf_counter() - started)
    return times


def empty_workbook() -> bytes:
    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


def main() -> None:
    questionnaire = questionnaire_with(QUESTIONS)
    bundle = bundle_for(questionnaire)
    assert len(questionnaire.questions()) == QUESTIONS
    today = date(2026, 11, 23)
    base = load_questionnaire(DEFAULT_QUESTIONNAIRE)
    roadmap = bundle_roadmap(base, bundle_for(base), load_library(DEFAULT_LIBRARY, base), today)
    ours = statistics.median(timed(lambda: full_workbook(questionnaire, bundle, today))) * 1000
    empty = statistics.median(timed(empty_workbook)) * 1000
    size = len(full_workbook(questionnaire, bundle, today))
    actions = len(roadmap.actions()) if roadmap else 0
    print(
        f"workbook for {QUESTIONS} answered and commented questions, "
        f"a {actions}-action roadmap, {ROUNDS} rounds"
    )
    print(f"  full workbook:  median {ours:6.1f} ms ({size:,} bytes)")
    print(f"  empty workbook: median {empty:6.1f} ms (openpyxl alone)")
    print(f"  ratio {ours / empty:.1f}×")


if __name__ == "__main__":
    main()
