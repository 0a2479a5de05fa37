"""Malformed questionnaires: every problem reported with its file, line and location."""

import pytest

from assessment.questionnaire import QuestionnaireError, load_questionnaire, parse_questionnaire
from tests.paths import FIXTURES

BROKEN = FIXTURES / "broken"
MINIMAL = (BROKEN.parent / "minimal.yaml").read_text(encoding="utf-8")

# One fixture per error kind: (file, the exact message a consultant reads).
CASES = [
    ("yaml_syntax", "yaml_syntax.yaml:5: YAML syntax error: did not find expected ',' or '}'"),
    ("missing_field", "missing_field.yaml:2: version: required field is missing"),
    (
        "wrong_type",
        "wrong_type.yaml:54: dimensions[0].questions[1].weight: must be a valid number",
    ),
    (
        "duplicate_id",
        "duplicate_id.yaml:51: dimensions[0].questions[1].id: duplicate question id 'share' "
        "(already used at dimensions[0].questions[0].id)",
    ),
    (
        "unknown_reference",
        "unknown_reference.yaml:50: dimensions[0].questions[0].references[0]: "
        "unknown reference 'ibm_2031'",
    ),
    (
        "missing_translation",
        "missing_translation.yaml:73: dimensions[1].questions[1].text.en: missing translation (en)",
    ),
    ("empty_scale", "empty_scale.yaml:7: scale.levels: must have at least 2 item(s), found 0"),
    (
        "non_positive_weight",
        "non_positive_weight.yaml:54: dimensions[0].questions[1].weight: must be greater than 0",
    ),
    ("unknown_top_level_key", "unknown_top_level_key.yaml:21: colour: unknown top-level key"),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_malformed_file_is_rejected_with_its_location(name, expected):
    with pytest.raises(QuestionnaireError) as error:
        load_questionnaire(BROKEN / f"{name}.yaml")
    messages = [str(p) for p in error.value.problems]
    assert any(m.startswith(expected) for m in messages), messages


def test_every_fixture_has_a_case():
    assert {p.stem for p in BROKEN.glob("*.yaml")} == {name for name, _ in CASES}


def test_all_problems_are_reported_at_once_in_line_order():
    text = (
        MINIMAL.replace("        weight: 3\n", "        weight: -2\n")
        .replace(
            "        theme: journey\n        side: internal",
            "        theme: jouney\n        side: internal",
        )
        .replace('version: "0.1"\n', 'version: "0.1"\nauthor: me\n')
    )
    with pytest.raises(QuestionnaireError) as error:
        parse_questionnaire(text, "several.yaml")
    messages = [str(p) for p in error.value.problems]
    assert len(messages) == 3, messages
    assert messages[0].startswith("several.yaml:4: author: unknown top-level key")
    assert "questions[1].weight: must be greater than 0" in messages[1]
    assert "questions[1].theme: unknown theme 'jouney'" in messages[2]
    lines = [p.line for p in error.value.problems]
    assert lines == sorted(lines)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ('          5: {fr: "Toujours", en: "Always"}\n', ""),
            "anchors: no description for scale level 5",
        ),
        (("min_score: 20", "min_score: 90"), "maturity_levels: min_score must strictly rise"),
        (("{value: 2,", "{value: 1,"), "duplicate scale value 1"),
        (("year: 2013", "year: 1066"), "year: must be greater than or equal to 1900"),
        (
            ("id: ibm_2013\n", "id: ibm_2013\n    year: 1066\n"),
            "references[0].year: duplicate key (also on line 26)",
        ),
    ],
)
def test_inconsistencies_between_sections_are_reported(change, expected):
    old, new = change
    assert old in MINIMAL
    with pytest.raises(QuestionnaireError) as error:
        parse_questionnaire(MINIMAL.replace(old, new, 1), "x.yaml")
    assert any(expected in str(p) for p in error.value.problems), error.value.problems


@pytest.mark.parametrize("text", ["", "just a sentence", "- a\n- list\n"])
def test_a_file_that_is_not_a_mapping_is_rejected_clearly(text):
    with pytest.raises(QuestionnaireError, match="must be a mapping"):
        parse_questionnaire(text, "odd.yaml")


def test_an_unreadable_file_is_reported_not_raised(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("titre: é".encode("latin-1"))
    with pytest.raises(QuestionnaireError, match=r"latin1\.yaml: cannot be read"):
        load_questionnaire(path)
