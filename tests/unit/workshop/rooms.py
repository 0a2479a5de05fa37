"""Rooms of participants on the minimal questionnaire, for the workshop tests."""

from hypothesis import strategies as st

from assessment.workshop import Participant, Segment, question_stats

QUESTIONS = ("share", "sponsor", "ambition", "equipped")
LEVEL = st.one_of(st.none(), st.integers(1, 5))
ANSWERS = st.dictionaries(st.sampled_from(QUESTIONS), LEVEL)


def room(*answer_sets, segments=None):
    """Participants numbered from 1, with the given answers (and segment choices)."""
    return [
        Participant(id=i, answers=answers, segments=(segments or {}).get(i, {}))
        for i, answers in enumerate(answer_sets, 1)
    ]


def same(level, n, **more):
    return [{q: level for q in QUESTIONS} | more for _ in range(n)]


def stats_of(minimal, participants, question_id):
    return next(s for s in question_stats(minimal, participants) if s.question_id == question_id)


ROLE = Segment(name="Role", options=["Leadership", "Staff"])


def with_roles(leaders, staff, level_leaders=5, level_staff=2):
    answer_sets = same(level_leaders, leaders) + same(level_staff, staff)
    roles = {i: {"Role": "Leadership" if i <= leaders else "Staff"} for i in range(1, 20)}
    return room(*answer_sets, segments=roles)
