"""Organisations in the store (SQLite and PostgreSQL): a private link of their own with the
resume links' token rules, waves dated and labelled with their targets, assessments filed into
waves, the consultant's list, and what deleting keeps."""

from datetime import date

import pytest
import sqlalchemy as sa

from assessment.store import (
    AlreadyInOrganisation,
    Organisations,
    Store,
    UnknownLink,
    member_records,
)
from tests.samples import QUESTIONNAIRE, bundle


@pytest.fixture
def store(database_url):
    store = Store(database_url)
    yield store
    store.dispose()


def assessment(store):
    return store.create_assessment(QUESTIONNAIRE, bundle().profile, "en")[1]


def test_an_organisation_opens_with_its_own_private_link_kept_only_as_a_hash(store):
    organisations = Organisations(store)
    token, record = organisations.create("  Acme  ")
    assert record.name == "Acme" and len(token) >= 32
    assert organisations.find(token).id == record.id
    with store.engine.connect() as conn:
        rows = [str(row) for row in conn.execute(sa.text("SELECT * FROM organisations"))]
    assert not any(token in row for row in rows)
    for wrong in ("", "short", token[:-1] + ("A" if token[-1] != "A" else "B"), None):
        with pytest.raises(UnknownLink):
            organisations.find(wrong)


def test_waves_are_dated_labelled_and_listed_oldest_first_with_their_assessments(store):
    organisations = Organisations(store)
    _, record = organisations.create("Acme")
    follow_up = organisations.add_wave(record.id, "Follow-up", date(2026, 7, 6))
    baseline = organisations.add_wave(record.id, "Baseline", date(2026, 1, 12))
    first, second, third = assessment(store), assessment(store), assessment(store)
    organisations.attach(baseline.id, first.id)
    organisations.attach(follow_up.id, second.id, "Lyon")
    organisations.attach(follow_up.id, third.id, "Lille")
    waves = organisations.waves(record.id)
    assert [w.label for w in waves] == ["Baseline", "Follow-up"]
    assert [m.room for m in waves[1].members] == ["Lyon", "Lille"]
    assert [r.id for r in member_records(store, waves[1])] == [second.id, third.id]
    found, wave = organisations.organisation_of(second.id)
    assert (found.id, wave.id) == (record.id, follow_up.id)
    organisations.attach(baseline.id, second.id)  # moved within the organisation
    assert [len(w.members) for w in organisations.waves(record.id)] == [2, 1]


def test_an_assessment_belongs_to_one_organisation(store):
    organisations = Organisations(store)
    _, acme = organisations.create("Acme")
    _, other = organisations.create("Other")
    mine = assessment(store)
    organisations.attach(organisations.add_wave(acme.id, "Baseline", None).id, mine.id)
    with pytest.raises(AlreadyInOrganisation):
        organisations.attach(organisations.add_wave(other.id, "Baseline", None).id, mine.id)


def test_targets_are_scores_for_the_next_wave(store):
    organisations = Organisations(store)
    _, record = organisations.create("Acme")
    wave = organisations.add_wave(record.id, "Baseline", None)
    assert organisations.set_targets(wave.id, {"culture": 70, "tools": 62.5}).targets == {
        "culture": 70.0,
        "tools": 62.5,
    }
    for bad in ({"culture": 101}, {"culture": True}, {"culture": "70"}, {"culture": float("nan")}):
        with pytest.raises(ValueError):
            organisations.set_targets(wave.id, bad)


def test_deleting_an_assessment_leaves_its_wave_and_deleting_the_organisation_keeps_them(store):
    organisations = Organisations(store)
    _, record = organisations.create("Acme")
    wave = organisations.add_wave(record.id, "Baseline", None)
    kept, gone = assessment(store), assessment(store)
    organisations.attach(wave.id, kept.id)
    organisations.attach(wave.id, gone.id)
    store.delete_assessment(gone.id)
    assert [m.assessment_id for m in organisations.wave(wave.id).members] == [kept.id]
    organisations.delete(record.id)
    assert organisations.all() == [] and store.answers(kept.id) == {}
    assert organisations.organisation_of(kept.id) is None


def test_the_consultant_lists_every_organisation_latest_wave_first_and_can_renew_a_link(store):
    organisations = Organisations(store)
    old_token, old = organisations.create("Old client")
    _, new = organisations.create("New client")
    organisations.add_wave(old.id, "Baseline", date(2025, 3, 1))
    wave = organisations.add_wave(new.id, "Baseline", date(2026, 3, 1))
    organisations.attach(wave.id, assessment(store).id)
    listed = organisations.all()
    assert [s.organisation.name for s in listed] == ["New client", "Old client"]
    assert [(s.waves, s.assessments) for s in listed] == [(1, 1), (1, 0)]
    fresh = organisations.renew_link(old.id)
    assert organisations.find(fresh).id == old.id
    with pytest.raises(UnknownLink):
        organisations.find(old_token)


def test_opening_an_organisation_keeps_its_assessments_from_being_erased(store):
    organisations = Organisations(store)
    _, record = organisations.create("Acme")
    baseline = assessment(store)
    organisations.attach(organisations.add_wave(record.id, "Baseline", None).id, baseline.id)
    with store._write() as conn:  # a baseline untouched for more than a year
        conn.execute(
            sa.text("UPDATE assessments SET updated_at = :old WHERE id = :id"),
            {"old": "2024-01-01 00:00:00", "id": baseline.id},
        )
    organisations.touch(record.id)
    assert store.purge_expired() == 0
