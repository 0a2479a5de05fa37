"""Every environment variable is read in one place, and documented in the README's one table."""

import re

import pytest

from assessment.settings import DEFAULT_MIN_PEERS, Settings, settings
from tests.paths import ROOT


def test_the_readme_table_lists_exactly_the_settings_the_code_reads():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([A-Z_]+)` \|", readme, flags=re.MULTILINE))
    assert documented == {name.upper() for name in Settings.model_fields}


def test_the_readme_says_what_each_default_means_on_a_shared_server(monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([A-Z_]+)` \| (.+?) \| (.+?) \| (.+?) \|$", readme, flags=re.M)
    assert {name for name, *_ in rows} == {name.upper() for name in Settings.model_fields}
    for name in Settings.model_fields:
        monkeypatch.delenv(name.upper(), raising=False)
    defaults = Settings()
    for name, default, meaning, shared in rows:
        assert meaning.strip() and shared.strip(), name
        value = getattr(defaults, name.lower())
        if isinstance(value, int) or (isinstance(value, str) and value.endswith(".yaml")):
            assert default == f"`{value}`", name  # the table gives the code's own default
        elif value == "":
            assert default in ("unset", "the browser's address") or "sqlite" in default, name


def test_a_database_url_is_taken_as_given_and_postgres_is_read_as_psycopg_3(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", " postgres://u:p@db/x ")
    assert settings().database() == "postgresql+psycopg://u:p@db/x"
    monkeypatch.setenv("DATABASE_URL", "sqlite:///elsewhere.db")
    assert settings().database() == "sqlite:///elsewhere.db"


def test_without_a_url_the_sqlite_file_goes_in_the_data_folder_made_for_it(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "new" / "folder"))
    assert settings().database() == f"sqlite:///{tmp_path}/new/folder/assessments.db"
    assert (tmp_path / "new" / "folder").is_dir()


@pytest.mark.parametrize(
    ("value", "expected"), [("3", 3), (" 12 ", 12), ("0", 5), ("-2", 5), ("lots", 5), ("", 5)]
)
def test_a_peer_group_size_that_is_no_whole_number_above_zero_falls_back(
    monkeypatch, value, expected
):
    monkeypatch.setenv("BENCHMARK_MIN_PEERS", value)
    assert settings().benchmark_min_peers == expected
    assert DEFAULT_MIN_PEERS == 5


def test_a_changed_variable_is_seen_at_once(monkeypatch):
    monkeypatch.setenv("PUBLIC_URL", "https://one.example")
    assert settings().public_url == "https://one.example"
    monkeypatch.setenv("PUBLIC_URL", "https://two.example")
    assert settings().public_url == "https://two.example"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, "transformation.yaml"),
        (" other.yaml ", "other.yaml"),
        ("", ""),
        ("../../etc/passwd", ""),
        ("/tmp/x.yaml", ""),
        ("..", ""),
    ],
)
def test_the_default_questionnaire_is_a_file_name_inside_the_folder(monkeypatch, value, expected):
    if value is None:
        monkeypatch.delenv("DEFAULT_QUESTIONNAIRE", raising=False)
    else:
        monkeypatch.setenv("DEFAULT_QUESTIONNAIRE", value)
    assert settings().default_questionnaire == expected


def test_settings_read_once_still_follow_a_variable_removed_or_written_in_lower_case(
    monkeypatch,
):
    monkeypatch.setenv("BENCHMARK_MIN_PEERS", "12")
    assert settings().benchmark_min_peers == 12
    assert settings() is settings()  # kept while nothing changes
    monkeypatch.delenv("BENCHMARK_MIN_PEERS")
    assert settings().benchmark_min_peers == 5
    monkeypatch.setenv("benchmark_min_peers", "7")
    assert settings().benchmark_min_peers == 7
