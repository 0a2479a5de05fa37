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


def test_a_phone_answering_during_an_outage_is_told_and_resubmits(cluster):
    from starlette.applications import Starlette
    from starlette.testclient import TestClient

    from assessment.store import Store
    from assessment.workshop import WorkshopStore
    from phone.api import PhoneApp
    from phone.service import PhoneService
    from tests.app.conftest import QUESTIONNAIRE

    store = Store(os.environ["DATABASE_URL"])
    workshops = WorkshopStore(store)
    _, record = workshops.create(QUESTIONNAIRE, "Workshop", "en")
    token, _ = workshops.join(record.join_code)
    first, second = QUESTIONNAIRE.ordered_dimensions()[0].ordered_questions()[:2]
    app = Starlette(routes=PhoneApp(lambda: PhoneService(workshops)).routes())
    with TestClient(app) as client:

        def tap(question, level):
            body = {"p": token, "question": question.id, "level": level}
            return client.post("/phone/api/answer?lang=en", json=body)  # as the page asks

        assert tap(first, 4).status_code == 200
        cluster.pause()
        refused = tap(second, 2)
        assert refused.status_code == 503
        assert refused.json()["error"] == "phone.db_down"
        assert "database is not answering" in refused.json()["message"]
        cluster.resume()
        assert tap(second, 2).status_code == 200
    assert workshops.answers_of(token) == {first.id: 4, second.id: 2}
    store.dispose()
