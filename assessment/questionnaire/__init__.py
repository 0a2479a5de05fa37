"""Questionnaires: load and validate a file (every problem located), its schema, answer files."""

from assessment.questionnaire.answers import AnswersFileError, read_answers
from assessment.questionnaire.loader import (
    DEFAULT_QUESTIONNAIRE,
    QUESTIONNAIRES_DIR,
    QuestionnaireError,
    default_of,
    format_location,
    load_questionnaire,
    parse_questionnaire,
)
from assessment.questionnaire.schema import SCHEMA_PATH, questionnaire_schema

__all__ = [
    "DEFAULT_QUESTIONNAIRE",
    "QUESTIONNAIRES_DIR",
    "SCHEMA_PATH",
    "AnswersFileError",
    "QuestionnaireError",
    "default_of",
    "format_location",
    "load_questionnaire",
    "parse_questionnaire",
    "questionnaire_schema",
    "read_answers",
]
