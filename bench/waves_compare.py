"""Server time of the waves page comparing two waves, each a workshop room of 200 participants,
against the single-result page of one of those rooms, measured side by side.

Ours: the waves page of an organisation whose baseline and follow-up are each an assessment made
from a 200-participant room (consolidated answers and the room's figures): the comparison on the
questions both asked, each change judged against the rooms' margin of error, what changed in
words, the dimension chart and the trajectory map, the questions that moved. Baseline: the
results page of the follow-up room's assessment (headline, radar, dimension bars, symmetry map,
highlights, reading, peer summary), the page a consultant opens for one result. Both are run
again as a browser's rerun does, timed in interleaved pairs (bench/measure.py). Target: at
most 2×.
"""

from __future__ import annotations

import logging
import os
import random
import tempfile
from datetime import date
from pathlib import Path

import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from assessment.profile import Profile
from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire
from assessment.store import Organisations, Store
from assessment.store.schema import utc_now
from assessment.workshop import WorkshopStore, workshop_answers_table
from bench.measure import Figure, cli, interleaved, share_script_cache
from bench.results_page import rerun

ROOT = Path(__file__).resolve().parent.parent
PAIRS = 25
TARGET = 2
PARTICIPANTS = 200
PROFILE = Profile(organisation="Bench", sector="J", size_class="250+", country="FR", role="it")


def room(store: Store, questionnaire, title: str, rng: random.Random, lean: int):
    """A room of 200 whose answers lean toward ``lean``, saved in bulk, made an assessment:
    the assessment's private token and record."""
    workshops = WorkshopStore(store)
    facilitator, record = workshops.create(questionnaire, title, "en")
    rows, now = [], utc_now()
    for _ in range(PARTICIPANTS):
        token, _ = workshops.join(record.join_code)
        participant, _ = workshops.participant(token)
        for _, question in questionnaire.questions():
            level = min(5, max(1, lean + rng.choice((-1, 0, 0, 1))))
            rows.append(
                dict(
                    workshop_id=record.id,
                    participant_id=participant.id,
                    question_id=question.id,
                    level=None if rng.random() < 0.04 else level,
                    updated_at=now,
                )
            )
    with store.engine.begin() as conn:
        conn.execute(sa.insert(workshop_answers_table), rows)
    token = workshops.to_assessment(facilitator, questionnaire, PROFILE, "en")
    return token, store.find(token)


def apps(folder: Path) -> tuple[AppTest, AppTest]:
    questionnaire = load_questionnaire(DEFAULT_QUESTIONNAIRE)
    store = Store(f"sqlite:///{folder / 'waves.db'}")
    rng = random.Random(20261201)
    _, before = room(store, questionnaire, "Baseline room", rng, lean=2)
    result_token, after = room(store, questionnaire, "Follow-up room", rng, lean=3)
    organisations = Organisations(store)
    organisation_token, organisation = organisations.create("Bench")
    for label, day, record in (
        ("Baseline", date(2026, 1, 12), before),
        ("Follow-up", date(2026, 7, 6), after),
    ):
        wave = organisations.add_wave(organisation.id, label, day)
        organisations.attach(wave.id, record.id)
    os.environ["DATABASE_URL"] = str(store.engine.url)
    store.dispose()
    ours = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    ours.query_params["o"] = organisation_token
    ours.run().switch_page("app_pages/waves.py").run()
    assert not ours.exception, ours.exception
    assert len(ours.get("plotly_chart")) == 2, "the comparison's charts are missing"
    single = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    single.query_params["a"] = result_token
    single.run().switch_page("app_pages/results.py").run()
    assert not single.exception, single.exception
    return ours, single


def figures() -> list[Figure]:
    logging.getLogger("streamlit.runtime.caching.cache_data_api").setLevel(logging.ERROR)
    share_script_cache()
    with tempfile.TemporaryDirectory() as name:
        ours, single = apps(Path(name))
        pairs = interleaved(rerun(ours), rerun(single), PAIRS)
    print(f"two waves of {PARTICIPANTS}-participant rooms compared, {PAIRS} interleaved pairs")
    return [
        pairs.figure(
            f"waves compared: two rooms of {PARTICIPANTS}",
            "the single-result page",
            target=TARGET,
            note="comparison, reading, charts",
        )
    ]


if __name__ == "__main__":
    cli(figures)
