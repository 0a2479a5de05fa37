"""Read an answers file: ``{"questionnaire": "<id>", "answers": {"<question id>": 1-5 | null}}``."""

from __future__ import annotations

import json
from pathlib import Path

from assessment.json_document import BadNumber, TooDeep, load_json
from assessment.models import Questionnaire
from assessment.scoring import AnswerError, check_answers

MAX_BYTES = 1_000_000  # a full answers file is a few kilobytes


class AnswersFileError(ValueError):
    """An answers file that cannot be read; the message names the file and what is wrong."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


def read_answers(path: str | Path, questionnaire: Questionnaire) -> dict[str, int | None]:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise AnswersFileError(
                [f"{path.name}: larger than {MAX_BYTES} bytes, not an answers file"]
            )
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise AnswersFileError([f"{path.name}: cannot be read ({error})"]) from error
    return parse_answers(text, questionnaire, path.name)


def parse_answers(
    text: str, questionnaire: Questionnaire, source: str = "<answers>"
) -> dict[str, int | None]:
    try:
        data = load_json(text)
    except json.JSONDecodeError as error:
        raise AnswersFileError(
            [f"{source}:{error.lineno}: not valid JSON ({error.msg})"]
        ) from error
    except (TooDeep, BadNumber) as error:
        raise AnswersFileError([f"{source}: not an answers file ({error})"]) from error
    if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
        raise AnswersFileError(
            [f'{source}: expected an object {{"questionnaire": "<id>", "answers": {{...}}}}']
        )
    declared = data.get("questionnaire")
    if declared != questionnaire.id:
        raise AnswersFileError(
            [f"{source}: answers are for questionnaire {declared!r}, not {questionnaire.id!r}"]
        )
    try:
        return check_answers(questionnaire, data["answers"])
    except AnswerError as error:
        raise AnswerError(
            [f"{source}: question {problem}" for problem in error.problems]
        ) from error
