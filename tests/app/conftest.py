"""AppTest helpers: each test gets its own SQLite file, and a way to 'restart the server'."""

from pathlib import Path

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire
from assessment.store import Store
from assessment.workshop import WorkshopStore
from ui.session import store_for
from ui.workshop_session import live_room, workshop_store_for

APP = str(Path(__file__).resolve().parents[2] / "app.py")
QUESTIONNAIRE = load_questionnaire(DEFAULT_QUESTIONNAIRE)


@pytest.fixture(autouse=True)
def error_details_shown():
    """Browsers get a reference to the log, never a traceback (.streamlit/config.toml); tests
    see the traceback, so that a page that fails is never taken for a page that works."""
    config.set_option("client.showErrorDetails", "full")
    yield
    config.set_option("client.showErrorDetails", "none")


@pytest.fixture
def database(tmp_path, monkeypatch) -> str:
    url = f"sqlite:///{tmp_path / 'assessments.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    store_for.clear()
    yield url
    store_for.clear()


@pytest.fixture
def store(database) -> Store:
    store = Store(database)
    yield store
    store.dispose()


@pytest.fixture
def workshops(store) -> WorkshopStore:
    """A workshop store on the test's database, with the app's workshop caches emptied."""
    for cache in (workshop_store_for, live_room):
        cache.clear()
    yield WorkshopStore(store)
    for cache in (workshop_store_for, live_room):
        cache.clear()


def restart_server() -> None:
    """What a restart does to the app: every cached engine is gone."""
    store_for.clear()


def open_app(token: str | None = None, lang: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    if token:
        at.query_params["a"] = token
    if lang:
        at.query_params["lang"] = lang
    return at.run()


def enter_key(at: AppTest, field: str, key: str, lang: str) -> AppTest:
    """Type the consultant key into ``field`` and press its form's button."""
    at.text_input(key=f"{field}__{lang}").input(key)
    return at.button(key=f"{field}.unlock").click().run()


def fill_profile(at: AppTest, organisation: str = "Acme", lang: str = "fr") -> AppTest:
    at.text_input(key=f"new.organisation__{lang}").input(organisation).run()
    for field, value in [
        ("sector", "J"),
        ("size_class", "50-249"),
        ("country", "FR"),
        ("role", "executive"),
    ]:
        at.selectbox(key=f"new.{field}__{lang}").select(value).run()
    return at


def start_assessment(organisation: str = "Acme", lang: str = "fr") -> tuple[AppTest, str]:
    at = fill_profile(open_app(lang=lang), organisation, lang)
    at.button(key="start").click().run()
    assert not at.exception, at.exception
    return at, at.session_state["token"]


def answer(at: AppTest, question_id: str, level, lang: str = "fr") -> AppTest:
    return at.radio(key=f"answer.{question_id}.{lang}").set_value(level).run()
