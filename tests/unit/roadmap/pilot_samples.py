"""A pilot measured for three months, shared by the tests of progress, exports and the CLI:
the shipped questionnaire answered at level 2 everywhere, the pilot from September to November
2026, and the three gating KPIs measured at the end of each month."""

from datetime import UTC, date, datetime

from assessment import services
from assessment.profile import Profile
from assessment.roadmap import (
    DEFAULT_LIBRARY,
    Entry,
    PilotRecord,
    RoadmapEdits,
    apply_edits,
    check_actual,
    generate_roadmap,
    load_library,
)
from tests.samples import QUESTIONNAIRE

ANSWERS = {q.id: 2 for _, q in QUESTIONNAIRE.questions()}
START = date(2026, 5, 11)  # the pilot then runs from 31 August to 29 November 2026
EDITS = RoadmapEdits(start=START, kpis={"productivity": {"baseline": 6.0, "target": 4.8}})
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
MONTH_ENDS = [date(2026, 9, 30), date(2026, 10, 30), date(2026, 11, 27)]
# Hours searching fall (lower is better), the two scores rise from their baseline of 25.
THREE_MONTHS = {
    "productivity": [5.6, 5.1, 4.7],
    "knowledge_management": [34, 42, 48],
    "employee_satisfaction": [33, 41, 48],
}


def roadmap():
    library = load_library(DEFAULT_LIBRARY, QUESTIONNAIRE)
    generated = generate_roadmap(QUESTIONNAIRE, ANSWERS, None, library, START)
    return apply_edits(generated, EDITS)


def measured(values: dict[str, list[float]] = THREE_MONTHS, days=MONTH_ENDS) -> PilotRecord:
    plan, record = roadmap(), PilotRecord()
    for kpi_id, series in values.items():
        for day, value in zip(days, series, strict=False):
            entry = Entry(kpi_id, day, value, "Claire Martin")
            actual = check_actual(plan, record, entry, NOW)
            record = record.model_copy(update={"actuals": [*record.actuals, actual]})
    return record


def stored_assessment(store, organisation: str = "Acme") -> tuple[str, int]:
    """The sample saved as an assessment with the consultant's KPI edits: token and id."""
    profile = Profile(
        organisation=organisation, sector="C", size_class="50-249", country="FR", role="executive"
    )
    token, record = store.create_assessment(QUESTIONNAIRE, profile, "fr")
    for question_id, level in ANSWERS.items():
        store.save_answer(record.id, question_id, level)
    services.save_edits(store, record.id, EDITS)
    return token, record.id
