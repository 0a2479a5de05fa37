"""The benchmark pool in the store: opt-in respected, deletion honoured, imports all or nothing.
Every test runs on SQLite and on PostgreSQL (the `database_url` fixture of tests/conftest.py)."""

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from assessment.benchmark import load_pool, questionnaire_key
from assessment.profile import Profile
from assessment.store import DocumentKind, ScoreRow, Store

ACME = Profile(organisation="Acme", sector="C", size_class="10-49", country="FR", role="hr")
GLOBEX = Profile(organisation="Globex", sector="J", size_class="250+", country="BE", role="it")
ALL_ANSWERED = {"share": 4, "sponsor": 2, "ambition": 5, "equipped": 3}


@pytest.fixture
def store(database_url):
    opened = Store(database_url)
    yield opened
    opened.dispose()


def assessed(store, minimal, profile=ACME, answers=ALL_ANSWERED, opt_in=False) -> int:
    _, record = store.create_assessment(minimal, profile, "fr")
    for question_id, level in answers.items():
        store.save_answer(record.id, question_id, level)
    if opt_in:
        store.save_document(record.id, DocumentKind.pool, {"opt_in": True})
    return record.id


def rows(n: int, sector="J", size="50-249") -> list[ScoreRow]:
    return [
        ScoreRow(sector=sector, size_class=size, scores={"culture": 10.0 * i, "cx": 50.0})
        for i in range(n)
    ]


def test_an_assessment_that_did_not_opt_in_never_enters_the_pool(store, minimal):
    assessed(store, minimal)
    assessed(store, minimal, opt_in=False)
    assert store.pool_members(minimal.id) == []
    assert load_pool(store, minimal) == []


def test_an_opted_in_assessment_enters_with_its_profile_and_answers_but_no_name(store, minimal):
    ours = assessed(store, minimal, GLOBEX, opt_in=True)
    assessed(store, minimal, ACME)  # not opted in
    [member] = store.pool_members(minimal.id)
    assert (member.assessment_id, member.sector, member.size_class) == (ours, "J", "250+")
    assert member.answers == ALL_ANSWERED
    assert "Globex" not in member.model_dump_json()


def test_opting_out_or_a_false_flag_takes_the_assessment_out(store, minimal):
    first = assessed(store, minimal, opt_in=True)
    second = assessed(store, minimal, opt_in=True)
    store.delete_document(first, DocumentKind.pool)
    store.save_document(second, DocumentKind.pool, {"opt_in": False})
    assert store.pool_members(minimal.id) == []


def test_deleting_an_assessment_removes_it_from_the_pool(store, minimal):
    kept = assessed(store, minimal, opt_in=True)
    deleted = assessed(store, minimal, GLOBEX, opt_in=True)
    store.delete_assessment(deleted)
    assert [m.assessment_id for m in store.pool_members(minimal.id)] == [kept]
    assert store.document(deleted, DocumentKind.pool) is None


def test_the_pool_is_per_questionnaire(store, minimal):
    assessed(store, minimal, opt_in=True)
    store.add_benchmark_batch(minimal.id, rows(2))
    assert store.pool_members("another") == []
    assert store.benchmark_rows("another") == []
    assert len(load_pool(store, minimal)) == 3


def test_partially_answered_dimensions_stay_out_of_the_pool(store, minimal):
    assessed(store, minimal, answers={"share": 4, "ambition": 5, "equipped": 3}, opt_in=True)
    [entry] = load_pool(store, minimal)
    assert set(entry.scores) == {"cx"}  # culture is half answered


def test_a_batch_is_saved_whole_and_listed(store, minimal):
    batch_id = store.add_benchmark_batch(minimal.id, rows(3))
    assert store.benchmark_rows(minimal.id) == rows(3)
    [batch] = store.benchmark_batches()
    assert (batch.batch_id, batch.rows, batch.questionnaire_id) == (batch_id, 3, minimal.id)
    assert batch.imported_at.tzinfo is not None
    assert abs((datetime.now(UTC) - batch.imported_at).total_seconds()) < 60


def test_a_batch_that_fails_midway_saves_nothing(store, minimal):
    store.add_benchmark_batch(minimal.id, rows(1))
    bad = rows(3)
    # Two good rows, then one the database refuses (NOT NULL), bypassing validation.
    bad[2] = ScoreRow.model_construct(sector=None, size_class="50-249", scores={"cx": 1.0})
    with pytest.raises(sa.exc.IntegrityError):
        store.add_benchmark_batch(minimal.id, bad)
    assert len(store.benchmark_rows(minimal.id)) == 1
    assert len(store.benchmark_batches()) == 1


def test_deleting_a_batch_removes_only_its_rows(store, minimal):
    first = store.add_benchmark_batch(minimal.id, rows(2))
    second = store.add_benchmark_batch(minimal.id, rows(4, sector="C"))
    assert store.delete_benchmark_batch(first) == 2
    assert store.delete_benchmark_batch(first) == 0
    assert [b.batch_id for b in store.benchmark_batches()] == [second]
    assert {r.sector for r in store.benchmark_rows(minimal.id)} == {"C"}


def test_an_empty_batch_or_a_row_out_of_range_is_refused(store, minimal):
    with pytest.raises(ValueError):
        store.add_benchmark_batch(minimal.id, [])
    with pytest.raises(ValueError):
        ScoreRow(sector="J", size_class="50-249", scores={"cx": 101})
    with pytest.raises(ValueError):
        ScoreRow(sector="Z", size_class="50-249", scores={"cx": 1})


def test_the_imports_table_is_created_on_an_existing_database(database_url, minimal):
    Store(database_url).dispose()
    with sa.create_engine(database_url).begin() as conn:
        conn.execute(sa.text("DROP TABLE benchmark_imports"))
    reopened = Store(database_url)  # as when this version opens an older database
    try:
        assert reopened.add_benchmark_batch(minimal.id, rows(1))
    finally:
        reopened.dispose()


# --- pool scores kept in the store (computed once, anew when answers or questionnaire change) --


def with_sponsor_weight(questionnaire, weight: float):
    culture = questionnaire.dimension("culture")
    questions = [
        q.model_copy(update={"weight": weight}) if q.id == "sponsor" else q
        for q in culture.questions
    ]
    changed = culture.model_copy(update={"questions": questions})
    dimensions = [changed if d.id == "culture" else d for d in questionnaire.dimensions]
    return questionnaire.model_copy(update={"dimensions": dimensions})


def test_pool_scores_are_computed_once_then_read_back_as_stored(store, minimal):
    ours = assessed(store, minimal, opt_in=True)
    [first] = load_pool(store, minimal)
    stored, stale = store.pool_scores(minimal.id, questionnaire_key(minimal))
    assert stale == [] and {row[0] for row in stored} == {ours}
    [again] = load_pool(store, minimal)
    assert again == first
    assert again.scores == {"culture": 37.5, "cx": 75.0}


def test_a_changed_answer_changes_the_stored_pool_scores(store, minimal):
    ours = assessed(store, minimal, opt_in=True)
    load_pool(store, minimal)
    store.save_answer(ours, "sponsor", 4)  # 25 → 75
    [entry] = load_pool(store, minimal)
    assert entry.scores["culture"] == 75.0
    store.clear_answer(ours, "share")  # culture now half answered: out of the pool
    [entry] = load_pool(store, minimal)
    assert set(entry.scores) == {"cx"}


def test_pool_scores_are_computed_anew_when_the_questionnaire_changes(store, minimal):
    assessed(store, minimal, opt_in=True)
    assert load_pool(store, minimal)[0].scores["culture"] == 37.5
    reweighted = with_sponsor_weight(minimal, 1)  # same id and version, other content
    assert load_pool(store, reweighted)[0].scores["culture"] == 50.0
    assert load_pool(store, minimal)[0].scores["culture"] == 37.5


def test_opting_out_removes_the_member_and_its_stored_scores(store, minimal):
    ours = assessed(store, minimal, opt_in=True)
    other = assessed(store, minimal, GLOBEX, opt_in=True)
    assert len(load_pool(store, minimal)) == 2
    store.delete_document(ours, DocumentKind.pool)
    assert [e.assessment_id for e in load_pool(store, minimal)] == [other]
    with store.engine.connect() as conn:
        kept = conn.scalars(sa.text("SELECT DISTINCT assessment_id FROM pool_score_values")).all()
    assert kept == [other]
    store.save_document(other, DocumentKind.pool, {"opt_in": False})
    assert load_pool(store, minimal) == []


def test_an_older_database_without_stored_pool_scores_still_loads_its_pool(database_url, minimal):
    first = Store(database_url)
    ours = assessed(first, minimal, opt_in=True)
    first.dispose()
    with sa.create_engine(database_url).begin() as conn:
        conn.execute(sa.text("DROP TABLE pool_score_values"))  # as a database made before
        conn.execute(sa.text("DROP TABLE pool_scores"))
    reopened = Store(database_url)
    try:
        [entry] = load_pool(reopened, minimal)
        assert (entry.assessment_id, entry.scores) == (ours, {"culture": 37.5, "cx": 75.0})
        assert reopened.pool_scores(minimal.id, questionnaire_key(minimal))[1] == []
    finally:
        reopened.dispose()
