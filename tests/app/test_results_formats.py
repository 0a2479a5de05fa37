"""Every figure of the results page is written one way, the way the reader's language writes
it: 40 of 41 questions answered never reads 98 % beside 97 %, nor 73.9 beside 74."""

import re

import pytest

from tests.app.conftest import QUESTIONNAIRE, open_app, start_assessment

QUESTIONS = [q for _, q in QUESTIONNAIRE.questions()]


def page_text(at) -> str:
    parts = [m.value for m in at.metric] + [m.value for m in at.markdown]
    parts += [w.value for w in at.warning] + [s.value for s in at.success]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize(
    ("lang", "score", "coverage"),
    [("fr", "57\u00a0/\u00a0100", "97\u202f%"), ("en", "57 / 100", "97%")],
)
def test_forty_of_forty_one_reads_the_same_everywhere_on_the_page(store, lang, score, coverage):
    at, token = start_assessment("Acme", lang)
    record = store.find(token)
    for number, question in enumerate(QUESTIONS[:-1]):
        store.save_answer(record.id, question.id, 1 + number % 5 if number % 7 else 5)
    at = open_app(token, lang)
    at.switch_page("app_pages/results.py").run()
    assert not at.exception, at.exception
    headline, _, shown_coverage = (m.value for m in at.metric)
    assert (headline, shown_coverage) == (score, coverage)
    text = page_text(at)
    assert f"({coverage})" in text  # the written reading says the same share
    assert score in text.replace("**", "")  # and the same score
    assert "98" not in shown_coverage
    if lang == "fr":
        assert not re.search(r"\d\.\d", text), "a French page writes decimals with a comma"
        assert " %" not in text and " :" not in text  # no-break spaces, never plain ones


def radar_scores(at) -> list[float]:
    import json

    radar = next(c for c in at.get("plotly_chart") if c.proto.id.endswith("-radar"))
    outline = next(t for t in json.loads(radar.proto.spec)["data"] if t.get("fill") == "toself")
    return outline["r"]


def test_the_charts_follow_a_changed_answer_at_the_next_run(store):
    at, token = start_assessment("Acme", "en")
    record = store.find(token)
    for question in QUESTIONS:
        store.save_answer(record.id, question.id, 2)
    at = open_app(token, "en")
    at.switch_page("app_pages/results.py").run()
    before = radar_scores(at)
    at.run()
    assert radar_scores(at) == before  # drawn again from the figure built once
    first = QUESTIONNAIRE.ordered_dimensions()[0]
    for question in first.questions:
        store.save_answer(record.id, question.id, 5)
    at.run()
    after = radar_scores(at)
    assert after[0] == after[-1] == 100  # the polygon is closed on its first point
    assert after[1:-1] == before[1:-1]
