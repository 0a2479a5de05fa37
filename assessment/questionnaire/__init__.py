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
    questionnaire_files,
)
from assessment.questionnaire.schema import SCHEMA_PATH, questionnaire_schema
from assessment.questionnaire.wording import dont_know_text, dont_know_texts

__all__ = [
    "DEFAULT_QUESTIONNAIRE",
    "QUESTIONNAIRES_DIR",
    "SCHEMA_PATH",
    "AnswersFileError",
    "QuestionnaireError",
    "default_of",
    "dont_know_text",
    "dont_know_texts",
    "format_location",
    "load_questionnaire",
    "parse_questionnaire",
    "questionnaire_files",
    "questionnaire_schema",
    "read_answers",
]
