"""A sample assessment of the shipped questionnaire, as an export bundle, shared by the tests of
the exports, the import and the command line. Its organisation name is a formula on purpose."""

from datetime import UTC, datetime

from assessment.bundle import AssessmentBundle
from assessment.profile import Profile
from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire

QUESTIONNAIRE = load_questionnaire(DEFAULT_QUESTIONNAIRE)
QUESTIONS = [q for _, q in QUESTIONNAIRE.questions()]
HOSTILE_NAME = '=HYPERLINK("http://example.invalid","click")'


def answers() -> dict:
    levels = {}
    for dimension, question in QUESTIONNAIRE.questions():
        levels[question.id] = (
            5 if dimension.side_of(question) == "customer" else question.order % 5 + 1
        )
    levels[QUESTIONS[3].id] = None  # don't know
    del levels[QUESTIONS[7].id]  # unanswered
    return levels


def bundle(lang="en", **changes) -> AssessmentBundle:
    values = dict(
        questionnaire_id=QUESTIONNAIRE.id,
        questionnaire_version=QUESTIONNAIRE.version,
        language=lang,
        profile=Profile(
            organisation=HOSTILE_NAME, sector="J", size_class="50-249", country="FR", role="it"
        ),
        answers=answers(),
        comments={QUESTIONS[0].id: "+33 1 23 45 67 89", QUESTIONS[1].id: "@SUM(A1:A9)"},
        created_at=datetime(2026, 11, 2, 9, 30, tzinfo=UTC),
        exported_at=datetime(2026, 11, 23, 10, 0, tzinfo=UTC),
    )
    return AssessmentBundle(**{**values, **changes})


def workshop_assessment(store):
    """An assessment made from a live workshop of six people in two roles, as stored."""
    from assessment.workshop import Segment, WorkshopStore

    workshops = WorkshopStore(store)
    role = Segment(name="Role", options=["Leadership", "Staff"])
    facilitator, record = workshops.create(
        QUESTIONNAIRE, "Board day", "en", [role], dispersion_threshold=5
    )
    for person in range(6):
        token, _ = workshops.join(record.join_code, {"Role": role.options[person % 2]})
        for question in QUESTIONS:
            workshops.save_answer(token, question.id, person % 5 + 1)
    profile = bundle().profile
    return store.find(workshops.to_assessment(facilitator, QUESTIONNAIRE, profile, "en"))


# Organisations built for the diagnoses: the level every question of a part gets.
PEOPLE = ("culture", "employee_experience")


def organisation(*, customer: int, tools: int, people: int, rest: int | None = None) -> dict:
    """Answers to the shipped questionnaire: ``customer`` on every customer-side question,
    ``tools`` on the tools dimension, ``people`` on culture and employee experience, and
    ``rest`` (default: ``people``) on the internal questions of the symmetry dimension."""
    levels = {}
    for dimension, question in QUESTIONNAIRE.questions():
        if dimension.side_of(question) == "customer":
            levels[question.id] = customer
        elif dimension.id == "tools":
            levels[question.id] = tools
        elif dimension.id in PEOPLE:
            levels[question.id] = people
        else:
            levels[question.id] = people if rest is None else rest
    return levels


ORGANISATIONS = {
    # tools 100, culture 0, employee experience 0; customer promise low: no stall
    "tools_heavy": organisation(customer=1, tools=5, people=1),
    # a high customer promise on an internal side at 25 everywhere
    "stalled": organisation(customer=5, tools=2, people=2),
    "balanced": organisation(customer=3, tools=3, people=3),
    "both": organisation(customer=5, tools=5, people=1),
}
