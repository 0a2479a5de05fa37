"""The JSON schema of questionnaire files, generated from the models so it never drifts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assessment.models import Questionnaire
from assessment.questionnaire.loader import QUESTIONNAIRES_DIR

SCHEMA_PATH: Path = QUESTIONNAIRES_DIR / "questionnaire.schema.json"


def questionnaire_schema() -> dict[str, Any]:
    schema = Questionnaire.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Transformation maturity questionnaire",
        **{key: value for key, value in schema.items() if key != "title"},
    }
