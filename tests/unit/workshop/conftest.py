"""Workshops on a store on SQLite and on PostgreSQL (tests/conftest.py), with the shipped
questionnaire, and a look at the answer rows they keep."""

import random

import pytest
import sqlalchemy as sa

from assessment.profile import Profile
from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire
from assessment.store import Store
from assessment.workshop import Segment, WorkshopStore, workshop_answers_table

FULL = load_questionnaire(DEFAULT_QUESTIONNAIRE)
FULL_IDS = [q.id for _, q in FULL.questions()]
ROLE = Segment(name="Rôle", options=["Direction", "Équipes"])
PROFILE = Profile(organisation="Acme", sector="J", size_class="50-249", country="FR", role="hr")


# Tests of SQLite's own mechanics (the file, its write lock) run on SQLite only.
SQLITE_ONLY = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@pytest.fixture
def database(database_url) -> str:
    return database_url


@pytest.fixture
def store(database) -> Store:
    store = Store(database)
    yield store
    store.dispose()


@pytest.fixture
def workshops(store) -> WorkshopStore:
    return WorkshopStore(store)


def rows(store: Store) -> list[tuple]:
    table = workshop_answers_table
    with store.engine.connect() as conn:
        return conn.execute(
            sa.select(table.c.participant_id, table.c.question_id, table.c.level)
        ).all()


def answer_everything(workshops: WorkshopStore, token: str, seed: int) -> dict:
    """One participant's whole questionnaire, in a shuffled order, with replays."""
    rng = random.Random(seed)
    levels = {q: rng.choice([1, 2, 3, 4, 5, None]) for q in FULL_IDS}
    order = FULL_IDS + rng.sample(FULL_IDS, 10)  # ten answers sent twice
    rng.shuffle(order)
    for question_id in order:
        workshops.save_answer(token, question_id, levels[question_id])
    return levels
