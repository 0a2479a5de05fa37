"""The app when its database server is away: a clear message, and it comes back by itself."""

import os

import pytest
from streamlit.testing.v1 import AppTest

from tests import postgres
from tests.app.conftest import APP, restart_server


@pytest.fixture
def cluster(monkeypatch):
    started = postgres.started_cluster()
    monkeypatch.setenv("DATABASE_URL", started.new_database())
    restart_server()
    yield started
    restart_server()
    started.stop()


def test_an_unreachable_database_is_said_plainly_then_the_app_comes_back(cluster):
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception and at.button(key="start")  # working normally

    cluster.pause()
    restart_server()  # a fresh process: it must reach the database to start
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    assert "injoignable" in at.error[0].value
    assert "toutes les 5 secondes" in at.caption[-1].value

    cluster.resume()
    at.run()
    assert not at.error
    assert at.button(key="start")


def test_a_participant_answering_during_an_outage_is_told_and_resubmits(cluster):
    from assessment.store import Store
    from assessment.workshop import WorkshopStore
    from tests.app.conftest import QUESTIONNAIRE
    from ui.workshop_session import live_room, workshop_state, workshop_store_for

    for cache in (workshop_store_for, live_room, workshop_state):
        cache.clear()
    store = Store(os.environ["DATABASE_URL"])
    workshops = WorkshopStore(store)
    _, record = workshops.create(QUESTIONNAIRE, "Atelier", "fr")
    token, _ = workshops.join(record.join_code)
    first, second = QUESTIONNAIRE.ordered_dimensions()[0].ordered_questions()[:2]
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["p"] = token
    at.run()
    at.radio(key=f"wa.{first.id}.fr").set_value(4).run()

    cluster.pause()
    at.radio(key=f"wa.{second.id}.fr").set_value(2).run()
    assert not at.exception
    shown = " ".join(e.value for e in at.error)
    assert "non enregistrée" in shown or "injoignable" in shown

    cluster.resume()
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["p"] = token
    at.run()
    assert at.radio(key=f"wa.{first.id}.fr").value == 4  # given before the outage: intact
    assert at.radio(key=f"wa.{second.id}.fr").value is None  # refused, shown as unanswered
    at.radio(key=f"wa.{second.id}.fr").set_value(2).run()
    assert workshops.answers_of(token) == {first.id: 4, second.id: 2}
    store.dispose()
