"""Invariants of the scoring that a steering committee relies on, checked by hypothesis."""

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire
from assessment.scoring import score

QUESTIONNAIRE = load_questionnaire(DEFAULT_QUESTIONNAIRE)
QUESTION_IDS = [q.id for _, q in QUESTIONNAIRE.questions()]
LEVELS = QUESTIONNAIRE.scale.values

answer = st.one_of(st.none(), st.sampled_from(LEVELS))
answer_sets = st.dictionaries(st.sampled_from(QUESTION_IDS), answer)


def all_scores(result):
    yield result.overall.score
    yield result.symmetry.customer_score
    yield result.symmetry.internal_score
    yield from (d.score for d in result.dimensions)
    yield from (s.score for s in result.strongest + result.weakest)


@given(answer_sets)
def test_every_score_stays_between_0_and_100(answers):
    result = score(QUESTIONNAIRE, answers)
    assert all(0 <= s <= 100 for s in all_scores(result) if s is not None)
    assert all(0 <= d.coverage <= 1 for d in result.dimensions)


@given(answer_sets, st.sampled_from(QUESTION_IDS), st.data())
def test_a_better_answer_never_lowers_a_score(answers, question_id, data):
    before = dict(answers)
    low = data.draw(st.sampled_from(LEVELS[:-1]))
    high = data.draw(st.sampled_from([v for v in LEVELS if v > low]))
    before[question_id] = low
    after = {**before, question_id: high}
    worse, better = score(QUESTIONNAIRE, before), score(QUESTIONNAIRE, after)
    assert better.overall.score >= worse.overall.score
    assert better.overall.level >= worse.overall.level
    changed = QUESTIONNAIRE.questions()[QUESTION_IDS.index(question_id)][0].id
    assert better.dimension(changed).score >= worse.dimension(changed).score
    for w, b in zip(worse.dimensions, better.dimensions, strict=True):
        assert b.score == w.score or b.id == changed


@given(answer_sets, st.randoms(use_true_random=False))
def test_answer_order_is_irrelevant(answers, rng: random.Random):
    items = list(answers.items())
    rng.shuffle(items)
    assert score(QUESTIONNAIRE, dict(items)) == score(QUESTIONNAIRE, answers)


@settings(max_examples=200)
@given(answer_sets, st.sampled_from(QUESTION_IDS))
def test_dont_know_never_changes_a_score(answers, question_id):
    without = {k: v for k, v in answers.items() if k != question_id}
    with_dont_know = {**without, question_id: None}
    a, b = score(QUESTIONNAIRE, without), score(QUESTIONNAIRE, with_dont_know)
    assert list(all_scores(a)) == list(all_scores(b))
    assert a.symmetry == b.symmetry
    assert [d.coverage for d in a.dimensions] == [d.coverage for d in b.dimensions]
