"""Safe defaults on a shared server, through AppTest: the consultant's tools locked until a key
is set, keys slowed down per session (join codes: tests/live), no traceback in a browser, an
explicit default questionnaire, and hostile uploads refused with the database byte-identical."""

import hashlib
import logging
import re
from pathlib import Path

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from assessment.store import ScoreRow, Store
from tests.app.conftest import QUESTIONNAIRE, enter_key, fill_profile, open_app, start_assessment
from tests.hostile import hostile_jsons, hostile_workbooks, valid_workbook
from ui import context

BENCHMARK = "app_pages/benchmark.py"
KEY = "clé été ✓"


def benchmark_page(lang: str):
    at, _ = start_assessment("Acme", lang)
    at.switch_page(BENCHMARK).run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize(
    ("lang", "said"),
    [("en", "locked until a key is set"), ("fr", "restent verrouillés tant qu’aucune clé")],
)
def test_without_a_key_the_pool_tools_are_locked_and_say_how_to_open_them(
    database, monkeypatch, lang, said
):
    monkeypatch.delenv("CONSULTANT_KEY", raising=False)
    at = benchmark_page(lang)
    assert any(said in info.value and "CONSULTANT_KEY" in info.value for info in at.info)
    assert not at.get("download_button") and not at.get("file_uploader")
    assert not [b for b in at.button if (b.key or "").startswith("bench.")]


def test_a_key_with_accents_opens_the_tools_and_wrong_keys_are_slowed_down(database, monkeypatch):
    monkeypatch.setenv("CONSULTANT_KEY", KEY)
    at = benchmark_page("fr")
    enter_key(at, "bench.key", "clé ete ✓", "fr")
    assert not at.exception, at.exception
    assert "Clé incorrecte." in [e.value for e in at.error]  # the first mistake: told at once
    enter_key(at, "bench.key", "autre", "fr")
    assert "Clé incorrecte." in [e.value for e in at.error]
    enter_key(at, "bench.key", KEY, "fr")  # right, but too soon after two wrong tries
    assert any("réessayez dans 1" in w.value for w in at.warning)
    assert not at.get("download_button")
    at.session_state["throttle.consultant_key"].until = 0  # the wait is over
    at.run()
    assert len(at.get("download_button")) == 1 and not at.error


def test_a_failing_page_shows_a_reference_to_the_log_never_a_traceback(
    database, monkeypatch, caplog
):
    config.set_option("client.showErrorDetails", "none")  # as .streamlit/config.toml has it

    def broken(*_):
        raise RuntimeError("/srv/secret/path went wrong")

    at, _ = start_assessment("Acme", "fr")
    monkeypatch.setattr(Store, "answers", broken)
    with caplog.at_level(logging.ERROR, logger="assessment.app"):
        at.switch_page("app_pages/results.py").run()
    assert not at.exception
    [shown] = [e.value for e in at.error]
    reference = re.search(r"référence ([0-9a-f]{8})", shown).group(1)
    assert "journal du serveur" in shown and "secret" not in shown
    assert f"reference {reference}" in caplog.text and "/srv/secret/path" in caplog.text


@pytest.fixture
def two_questionnaires(tmp_path, monkeypatch):
    folder = tmp_path / "questionnaires"
    folder.mkdir()
    shipped = (Path(context.QUESTIONNAIRES_DIR) / "transformation.yaml").read_text()
    (folder / "transformation.yaml").write_text(shipped)
    other = shipped.replace("id: transformation", "id: another", 1)
    (folder / "aaa-another.yaml").write_text(other)  # sorts first
    monkeypatch.setattr(context, "QUESTIONNAIRES_DIR", folder)
    context.load_all_questionnaires.clear()
    yield
    context.load_all_questionnaires.clear()


def test_adding_a_questionnaire_never_changes_the_default(database, two_questionnaires):
    at = open_app(lang="fr")
    picker = at.selectbox(key="new.questionnaire__fr")
    assert picker.value == "transformation"
    count = len(QUESTIONNAIRE.questions())
    assert any(f"{count} questions · français, anglais" in o for o in picker.options)


def test_without_a_default_a_choice_is_required_in_the_pages_language(
    database, two_questionnaires, monkeypatch
):
    monkeypatch.setenv("DEFAULT_QUESTIONNAIRE", "")
    at = fill_profile(open_app(lang="fr"), "Acme", "fr")
    picker = at.selectbox(key="new.questionnaire__fr")
    assert picker.value is None and picker.placeholder == "Choisir…"
    at.button(key="start").click().run()
    assert "choisissez-en un" in at.error[0].value and "token" not in at.session_state
    at.selectbox(key="new.questionnaire__fr").select("another").run()
    assert not at.exception, at.exception
    at.button(key="start").click().run()
    assert not at.exception and "token" in at.session_state


def digest(url: str) -> str:
    return hashlib.sha256(Path(url.removeprefix("sqlite:///")).read_bytes()).hexdigest()


def upload(at: AppTest, name: str, content: bytes, button: str = "import") -> AppTest:
    at.file_uploader(key="import_file").upload(name, content, "application/octet-stream")
    at.run()
    return at.button(key=button).click().run()


@pytest.mark.parametrize("case", ["truncated_sheet_xml", "corrupted_bytes", "huge_number_cell"])
def test_a_hostile_workbook_upload_is_refused_and_the_database_is_byte_identical(
    database, store, case
):
    at = open_app(lang="en")
    before = digest(database)
    at = upload(at, f"{case}.xlsx", hostile_workbooks()[case])
    assert not at.exception, at.exception
    assert f"{case}.xlsx" in at.error[0].value and digest(database) == before


@pytest.mark.parametrize("case", ["deep_nesting", "huge_number", "boolean_level"])
def test_a_hostile_json_upload_is_refused_and_the_database_is_byte_identical(database, store, case):
    at = open_app(lang="fr")
    before = digest(database)
    at = upload(at, f"{case}.json", hostile_jsons()[case])
    assert not at.exception, at.exception
    assert f"{case}.json" in at.error[0].value and digest(database) == before


def test_a_workbook_exported_without_a_profile_asks_for_one(store):
    at = upload(open_app(lang="fr"), "cli.xlsx", valid_workbook(profile=None))
    assert "décrivez l’organisation" in at.info[0].value and "token" not in at.session_state
    at.text_input(key="import.organisation__fr").input("Depuis la CLI").run()
    for field, value in [("sector", "J"), ("size_class", "1-9"), ("country", "FR"), ("role", "it")]:
        at.selectbox(key=f"import.{field}__fr").select(value).run()
    at.button(key="import_with_profile").click().run()
    assert not at.exception, at.exception
    assert store.find(at.session_state["token"]).profile.organisation == "Depuis la CLI"


def test_the_pool_download_leaves_out_peer_groups_under_the_minimum(store, monkeypatch):
    monkeypatch.setenv("CONSULTANT_KEY", KEY)
    crowd = [ScoreRow(sector="K", size_class="10-49", scores={"culture": 50 + n}) for n in range(5)]
    store.add_benchmark_batch(
        QUESTIONNAIRE.id, [*crowd, crowd[0].model_copy(update={"sector": "J"})]
    )
    at = benchmark_page("en")
    enter_key(at, "bench.key", KEY, "en")
    assert any("1 organisation(s) of peer groups under 5" in c.value for c in at.caption)
    assert len(at.get("download_button")) == 1  # its rows: export_rows, tested on its own
