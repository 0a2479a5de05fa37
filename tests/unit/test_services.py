"""The use cases that pages, exports and the CLI share, on a real SQLite store."""

import os
from datetime import date

import pytest

from assessment import services
from assessment.benchmark import load_pool
from assessment.profile import Profile
from assessment.roadmap import GENERIC_LIBRARY, ActionLibrary, RoadmapEdits
from assessment.store import AssessmentRecord, Store
from tests.samples import QUESTIONNAIRE, QUESTIONS, bundle

PROFILE = Profile(organisation="Acme", sector="J", size_class="50-249", country="FR", role="it")
TODAY = date(2026, 12, 1)  # a Tuesday: the default start is Monday 7 December


@pytest.fixture
def store(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'services.db'}")
    yield store
    store.dispose()


def assessed(store: Store, level: int, opt_in: bool) -> AssessmentRecord:
    _, record = store.create_assessment(QUESTIONNAIRE, PROFILE, "en")
    for question in QUESTIONS:
        store.save_answer(record.id, question.id, level)
    services.set_opt_in(store, record.id, opt_in)
    return record


def test_the_result_is_scored_from_the_saved_answers(store):
    record = assessed(store, 5, opt_in=False)
    result = services.result_of(store, record, QUESTIONNAIRE)
    assert result.overall.score == 100 and result.overall.coverage == 1


def test_an_assessment_is_never_its_own_peer(store):
    me = assessed(store, 1, opt_in=True)
    for _ in range(5):
        assessed(store, 5, opt_in=True)
    pool = load_pool(store, QUESTIONNAIRE)
    positions = services.peer_positions(me, services.result_of(store, me, QUESTIONNAIRE), pool)
    assert all(len(p.peers) == 5 and p.percentile == 0 for p in positions)


def test_opting_in_and_out_of_the_pool(store):
    record = assessed(store, 3, opt_in=True)
    assert services.opted_in(store, record.id)
    services.set_opt_in(store, record.id, False)
    assert not services.opted_in(store, record.id)
    assert load_pool(store, QUESTIONNAIRE) == []


def test_saved_roadmap_edits_survive_new_answers(store):
    record = assessed(store, 2, opt_in=False)
    library = services.action_library(QUESTIONNAIRE)
    assert isinstance(library, ActionLibrary)
    edits = RoadmapEdits(start=date(2027, 3, 1))
    services.save_edits(store, record.id, edits)
    store.save_answer(record.id, QUESTIONS[0].id, 5)  # the answers move on
    saved = services.saved_edits(store, record.id)
    generated, roadmap = services.edited_roadmap(
        QUESTIONNAIRE, store.answers(record.id), PROFILE, library, saved, saved.start
    )
    assert roadmap.start == generated.start == date(2027, 3, 1)
    services.forget_edits(store, record.id)
    assert services.start_of(services.saved_edits(store, record.id), TODAY) == date(2026, 12, 7)


def test_an_exported_assessment_without_answers_has_no_roadmap():
    library = services.action_library(QUESTIONNAIRE)
    assert services.bundle_roadmap(QUESTIONNAIRE, bundle(answers={}), library, TODAY) is None
    assert services.bundle_roadmap(QUESTIONNAIRE, bundle(), None, TODAY) is None
    assert services.bundle_roadmap(QUESTIONNAIRE, bundle(), library, TODAY).phases


def test_a_questionnaire_no_library_serves_gets_a_plan_from_its_own_gaps(minimal):
    library = services.action_library(minimal)
    assert isinstance(library, ActionLibrary) and library.id == GENERIC_LIBRARY
    addressed = {t for a in library.actions for t in a.themes} | {
        d for a in library.actions for d in a.dimensions
    }
    assert addressed == {t.id for t in minimal.themes} | {d.id for d in minimal.dimensions}


def test_the_action_library_is_checked_once_per_questionnaire_and_file_version(tmp_path):
    first = services.action_library(QUESTIONNAIRE)
    assert isinstance(first, ActionLibrary)
    assert services.action_library(QUESTIONNAIRE) is first  # not read and checked again
    other = QUESTIONNAIRE.model_copy(update={"version": "9.9"})
    assert services.action_library(other) is not first  # another questionnaire: its own check
    library = services.DEFAULT_LIBRARY
    stamp = library.stat()
    try:
        os.utime(library, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 1_000_000_000))
        assert services.action_library(QUESTIONNAIRE) is not first  # the file changed
    finally:
        os.utime(library, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
