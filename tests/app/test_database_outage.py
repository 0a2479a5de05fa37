"""The app when its database server is away: a clear message, and it comes back by itself."""

import os

import pytest
from streamlit.testing.v1 import AppTest

from tests import postgres
from tests.app.conftest import APP, restart_server


@pytest.fixture
def cluster(monkeypatch):
    if not postgres.available():
        message = "PostgreSQL is not installed (`make test` installs it when run as root)"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    started = postgres.PostgresCluster().start()
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
