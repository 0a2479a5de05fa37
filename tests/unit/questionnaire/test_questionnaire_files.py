"""Every shipped questionnaire loads, is fully bilingual and consistent; the schema is current."""

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from assessment.models import Text
from assessment.questionnaire import (
    QUESTIONNAIRES_DIR,
    SCHEMA_PATH,
    load_questionnaire,
    parse_questionnaire,
    questionnaire_schema,
)

SHIPPED = sorted(QUESTIONNAIRES_DIR.glob("*.yaml"))


def texts(value):
    """Every bilingual Text inside a model, however deeply nested."""
    if isinstance(value, Text):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from texts(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from texts(item)
    elif hasattr(value, "__pydantic_fields__"):
        for name in type(value).model_fields:
            yield from texts(getattr(value, name))


def test_the_default_questionnaire_is_shipped():
    assert (QUESTIONNAIRES_DIR / "transformation.yaml") in SHIPPED


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_questionnaire_loads_and_every_reference_resolves(path: Path):
    questionnaire = load_questionnaire(path)
    theme_ids = {t.id for t in questionnaire.themes}
    reference_ids = {r.id for r in questionnaire.references}
    for _, question in questionnaire.questions():
        assert question.theme in theme_ids
        assert set(question.references) <= reference_ids
        assert sorted(question.anchors) == questionnaire.scale.values


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_visible_string_has_french_and_english(path: Path):
    found = list(texts(load_questionnaire(path)))
    assert len(found) > 100
    for text in found:
        assert text.fr.strip() and text.en.strip()


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_file_matches_the_published_json_schema(path: Path):
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema)


def test_published_json_schema_is_up_to_date_with_the_models():
    on_disk = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert on_disk == questionnaire_schema(), "run `make schema` to regenerate it"


def test_default_questionnaire_covers_the_four_dimensions_with_8_to_12_questions():
    questionnaire = load_questionnaire(QUESTIONNAIRES_DIR / "transformation.yaml")
    dimensions = questionnaire.ordered_dimensions()
    assert [d.id for d in dimensions] == [
        "culture",
        "tools",
        "employee_experience",
        "customer_symmetry",
    ]
    assert all(8 <= len(d.questions) <= 12 for d in dimensions)
    sides = {d.side_of(q) for d in dimensions for q in d.questions}
    assert sides == {"internal", "customer"}


def test_every_seed_figure_is_attached_to_a_question_with_year_and_source():
    questionnaire = load_questionnaire(QUESTIONNAIRES_DIR / "transformation.yaml")
    cited = {r for _, q in questionnaire.questions() for r in q.references}
    assert {r.id for r in questionnaire.references} == cited
    assert all(r.source and r.year for r in questionnaire.references)
    values = {r.value for r in questionnaire.references}
    assert {79, 49, 97} <= values  # IBM 2013, Forrester 2010, UMass Dartmouth 2014


def readme_example() -> str:
    readme = (QUESTIONNAIRES_DIR / "README.md").read_text(encoding="utf-8")
    example = readme.split("## A complete small example", 1)[1].split("```yaml", 1)[1]
    return example.split("```", 1)[0]


def test_the_worked_example_in_the_authors_readme_is_a_valid_questionnaire():
    questionnaire = parse_questionnaire(readme_example(), "README example")
    assert {d.side_of(q) for d, q in questionnaire.questions()} == {"internal", "customer"}


def test_the_diagnoses_example_in_the_authors_readme_is_valid():
    readme = (QUESTIONNAIRES_DIR / "README.md").read_text(encoding="utf-8")
    example = readme.split("### `diagnoses`", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    shipped = (QUESTIONNAIRES_DIR / "transformation.yaml").read_text(encoding="utf-8")
    start, end = shipped.index("diagnoses:\n"), shipped.index("\n# Theme tags")
    questionnaire = parse_questionnaire(shipped[:start] + example + shipped[end:], "README")
    assert [(d.id, d.compare) for d in questionnaire.diagnoses] == [
        ("stall", "sides"),
        ("tools_ahead_of_people", "dimensions"),
    ]


def test_a_numeric_version_is_read_as_text():
    numeric = re.sub(r"^version: .*$", "version: 1.0", readme_example(), count=1, flags=re.M)
    assert parse_questionnaire(numeric, "x").version == "1.0"
