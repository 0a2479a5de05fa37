"""The sheets of a questionnaire workbook and their columns, which writing and reading share."""

from __future__ import annotations

from assessment.questionnaire import QuestionnaireError

MAX_BYTES = 5_000_000  # a 90-question workbook is about 30 kB
SCHEMA_LINE = "# yaml-language-server: $schema=questionnaire.schema.json\n"

SETTINGS, SCALE, LEVELS, THEMES, REFERENCES = (
    "settings",
    "scale",
    "maturity_levels",
    "themes",
    "references",
)
DIMENSIONS, QUESTIONS, OPTIONS, DIAGNOSES = "dimensions", "questions", "options", "diagnoses"

# Each sheet's plain columns, then its texts (one column per language).
COLUMNS: dict[str, tuple[list[str], list[str]]] = {
    SETTINGS: (["id", "version", "languages", "stall_threshold", "midpoint"], []),
    SCALE: (["value", "score"], ["label"]),
    LEVELS: (["level", "min_score"], ["name", "description"]),
    THEMES: (["id"], ["label"]),
    REFERENCES: (["id", "value", "unit", "year", "source", "url"], ["statement", "population"]),
    DIMENSIONS: (["id", "order", "weight", "side"], ["title", "description"]),
    QUESTIONS: (
        ["dimension", "id", "order", "theme", "weight", "side", "options", "references"],
        ["text", "help"],
    ),
    OPTIONS: (["list", "value"], ["label", "description"]),
    DIAGNOSES: (["id", "compare", "ahead", "behind", "threshold"], ["title", "explanation"]),
}
SETTINGS_TEXTS = ["title", "description", "dont_know"]
LISTS = {"languages", "references", "ahead", "behind"}  # written "a, b" in one cell


class WorkbookProblem(QuestionnaireError):
    """A questionnaire workbook that cannot be converted; every problem located Sheet!Cell."""
