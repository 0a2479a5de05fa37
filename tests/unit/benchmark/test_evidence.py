"""The research shown beside the diagnoses: every figure has a year, a population, a source and
its check status; a faulty file is refused with each problem located."""

import re

import pytest

from assessment.benchmark.evidence import (
    PEOPLE_MAP,
    EvidenceError,
    load_evidence,
    parse_evidence,
    statement_figure,
)
from tests.samples import QUESTIONNAIRE

SHIPPED = load_evidence(QUESTIONNAIRE)


def plain(text: str) -> str:
    return re.sub(r"[\u00a0\u202f]", " ", text)


def test_the_stall_and_the_map_have_their_evidence():
    assert {"heskett_1994_service_profit_chain", "rucci_1998_sears_customer_impression"} <= {
        e.id for e in SHIPPED.about("stall")
    }
    assert [e.id for e in SHIPPED.about(PEOPLE_MAP)] == ["capgemini_mit_2012_digital_masters"]


@pytest.mark.parametrize("evidence", SHIPPED.evidence, ids=lambda e: e.id)
def test_every_reference_has_year_population_source_and_status(evidence):
    assert 1990 <= evidence.year <= 2026
    assert evidence.population.en and evidence.population.fr and evidence.source
    assert evidence.status in ("P", "S")
    assert evidence.status == "P" or evidence.seen_at  # second-hand says where it was seen
    for lang in ("en", "fr"):
        figure = statement_figure(evidence, lang)
        assert figure is None or plain(figure) in plain(evidence.statement(lang)), lang


def test_an_association_is_never_told_as_a_cause():
    for evidence in (*SHIPPED.about(PEOPLE_MAP), *SHIPPED.about("stall")):
        assert not re.search(r"\b(causes|proves)\b", evidence.statement.en)
    mapped = SHIPPED.about(PEOPLE_MAP)[0].statement
    assert "not cause and effect" in mapped.en and "pas une relation de cause" in mapped.fr


def test_the_sears_figures_are_the_published_chain():
    values = {e.id: e.value for e in SHIPPED.about("stall")}
    assert values["rucci_1998_sears_customer_impression"] == 1.3
    assert values["rucci_1998_sears_revenue_growth"] == 0.5


BROKEN = """questionnaire: transformation
checked: 2026-12-01
evidence:
  - id: a
    about: stal
    year: 2002
    value: 3
    statement: {fr: "x", en: "x"}
    population: {fr: "x", en: "x"}
    source: "x"
    status: S
  - id: a
    about: stall
    year: 1850
    statement: {fr: "x", en: "x"}
    population: {fr: "x", en: "x"}
    source: "x"
    status: P
"""


def test_a_faulty_evidence_file_is_refused_with_every_problem_located():
    with pytest.raises(EvidenceError) as error:
        parse_evidence(BROKEN, QUESTIONNAIRE, "evidence.yaml")
    messages = [str(p) for p in error.value.problems]
    expected = [
        "evidence.yaml:5: evidence[0].about: unknown subject 'stal'",
        "evidence.yaml:4: evidence[0]: a second-hand reference (status S) says where",
        "evidence.yaml:4: evidence[0]: a reference with a value gives its unit",
        "evidence.yaml:12: evidence[1].id: duplicate evidence id 'a'",
        "evidence.yaml:14: evidence[1].year: ",
    ]
    for start in expected:
        assert any(m.startswith(start) for m in messages), (start, messages)


def test_a_file_for_another_questionnaire_applies_to_none():
    other = BROKEN.replace("questionnaire: transformation", "questionnaire: other")
    other = other.replace("year: 1850", "year: 1990")
    assert parse_evidence(other, QUESTIONNAIRE) is None
