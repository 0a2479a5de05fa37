"""PostgreSQL goes away and comes back: clear errors, nothing lost, then work resumes."""

import pytest

from assessment.profile import Profile
from assessment.store import Store, StoreUnavailable
from tests import postgres

ACME = Profile(organisation="Acme", sector="J", size_class="50-249", country="FR", role="it")


@pytest.fixture
def cluster():
    started = postgres.started_cluster()
    yield started
    started.stop()


def test_an_outage_is_reported_clearly_and_loses_nothing(cluster, minimal):
    store = Store(cluster.new_database())
    _, record = store.create_assessment(minimal, ACME, "fr")
    store.save_answer(record.id, "share", 4)

    cluster.pause()
    with pytest.raises(StoreUnavailable, match="cannot be reached"):
        store.save_answer(record.id, "sponsor", 2)
    with pytest.raises(StoreUnavailable):
        store.answers(record.id)

    cluster.resume()
    assert store.answers(record.id) == {"share": 4}  # the answer given before is intact
    store.save_answer(record.id, "sponsor", 2)  # the one refused during the outage, again
    assert store.answers(record.id) == {"share": 4, "sponsor": 2}
    store.dispose()


def test_a_participant_answering_during_an_outage_is_told_and_can_resubmit(cluster, minimal):
    from assessment.workshop import WorkshopStore

    store = Store(cluster.new_database())
    workshops = WorkshopStore(store)
    _, record = workshops.create(minimal, "Atelier", "fr")
    token, _ = workshops.join(record.join_code)
    workshops.save_answer(token, "share", 4)

    cluster.pause()
    with pytest.raises(StoreUnavailable):  # the participant page shows "not saved" on this
        workshops.save_answer(token, "sponsor", 2)

    cluster.resume()
    assert workshops.answers_of(token) == {"share": 4}
    workshops.save_answer(token, "sponsor", 2)
    assert workshops.answers_of(token) == {"share": 4, "sponsor": 2}
    assert workshops.counts(record.id).joined == 1
    store.dispose()
