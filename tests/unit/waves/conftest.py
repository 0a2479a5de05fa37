"""Waves for the tests: the shipped questionnaire, a second version of it (one question gone,
one added), and rooms of a live workshop answered through the store, as the room's phones do."""

from pathlib import Path

import pytest
import yaml

from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire
from assessment.waves import Member
from assessment.workshop import Segment, WorkshopStore
from tests.samples import QUESTIONNAIRE, QUESTIONS, bundle

DROPPED, ADDED = QUESTIONS[2].id, "added_later"


def write_second_version(folder: Path) -> Path:
    """Version 2.0 of the shipped questionnaire, written into the folder: its third question
    dropped, one added."""
    data = yaml.safe_load(Path(DEFAULT_QUESTIONNAIRE).read_text(encoding="utf-8"))
    data["version"] = "2.0"
    first = data["dimensions"][0]
    new = dict(first["questions"][0], id=ADDED, order=99)
    new["text"] = {"fr": "Une question ajoutée plus tard ?", "en": "A question added later?"}
    first["questions"] = [q for q in first["questions"] if q["id"] != DROPPED] + [new]
    path = folder / "transformation-2.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def second_version(tmp_path_factory) -> Path:
    return write_second_version(tmp_path_factory.mktemp("questionnaires"))


@pytest.fixture(scope="session")
def v2(second_version):
    return load_questionnaire(second_version)


def everything(level: int, questionnaire=QUESTIONNAIRE) -> dict:
    return {q.id: level for _, q in questionnaire.questions()}


def assessment(level: int, questionnaire=QUESTIONNAIRE, label="") -> Member:
    return Member(
        label=label, questionnaire=questionnaire, answers=everything(level, questionnaire)
    )


ROLE = Segment(name="Role", options=["Leadership", "Staff"])


def room(store, title: str, levels: list[int], roles: list[str] | None = None, **options):
    """A workshop room whose people answer every question at their level, turned into an
    assessment; the assessment's record."""
    workshops = WorkshopStore(store)
    facilitator, record = workshops.create(QUESTIONNAIRE, title, "en", [ROLE], **options)
    for person, level in enumerate(levels):
        role = (roles or ROLE.options)[person % len(roles or ROLE.options)]
        token, _ = workshops.join(record.join_code, {"Role": role})
        for question in QUESTIONS:
            workshops.save_answer(token, question.id, level)
    token = workshops.to_assessment(facilitator, QUESTIONNAIRE, bundle().profile, "en")
    return store.find(token)
