"""A store on SQLite and on PostgreSQL for each test (tests/conftest.py), and what its tests
use to look inside it."""

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from assessment.profile import Profile
from assessment.store import Store, assessments_table

ACME = Profile(organisation="Acme", sector="C", size_class="10-49", country="FR", role="hr")
GLOBEX = Profile(organisation="Globex", sector="J", size_class="250+", country="BE", role="it")


# Tests of SQLite's own mechanics (the file, pragmas, BEGIN IMMEDIATE) run on SQLite only.
SQLITE_ONLY = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@pytest.fixture
def url(database_url):
    """Every store test runs on SQLite and on PostgreSQL (tests/conftest.py)."""
    return database_url


@pytest.fixture
def store(url):
    opened = Store(url)
    yield opened
    opened.dispose()


@pytest.fixture
def created(store, minimal):
    """A fresh assessment: (token, record)."""
    return store.create_assessment(minimal, ACME, "fr")


def count(store, table, **where):
    query = sa.select(sa.func.count()).select_from(table).filter_by(**where)
    with store.engine.connect() as conn:
        return conn.scalar(query)


def age(store, assessment_id, days):
    """Move an assessment's last change back by some days, straight in SQL."""
    when = datetime.now(UTC) - timedelta(days=days)
    query = sa.update(assessments_table).where(assessments_table.c.id == assessment_id)
    with store.engine.begin() as conn:
        conn.execute(query.values(updated_at=when))


def statements(store):
    """A list that fills with every SQL statement the store sends from now on."""
    sent = []
    sa.event.listen(store.engine, "before_cursor_execute", lambda *a: sent.append(a[2]))
    return sent
