"""``python -m assessment compare``: two exports compared as a consultant would on the command
line, in words or as JSON, in English or French; refusals said and exit codes kept."""

import json

import pytest

from assessment.bundle import bundle_of
from assessment.store import Organisations, Store, member_records
from assessment.waves.bundle import organisation_bundle
from exports.json_backup import build_json, build_organisation_json
from exports.workbook import build_workbook
from tests.cli.commands import run_cli
from tests.samples import QUESTIONNAIRE
from tests.waves_samples import baseline_and_follow_up, pooled_rooms


@pytest.fixture
def store(tmp_path):
    opened = Store(f"sqlite:///{tmp_path / 'cli.db'}")
    yield opened
    opened.dispose()


def exports(store, tmp_path):
    """The baseline as a workbook and the follow-up as JSON, as a consultant keeps them."""
    _, organisation_id = baseline_and_follow_up(store)
    waves = Organisations(store).waves(organisation_id)
    before, after = (bundle_of(store, member_records(store, w)[0]) for w in waves)
    first, second = tmp_path / "baseline.xlsx", tmp_path / "follow-up.json"
    first.write_bytes(build_workbook(QUESTIONNAIRE, before))
    second.write_bytes(build_json(after))
    return first, second


def test_two_exports_compared_in_words(store, tmp_path):
    first, second = exports(store, tmp_path)
    done = run_cli("compare", first, second)
    assert done.returncode == 0, done.stderr
    assert "baseline (" in done.stdout and "→ follow-up (" in done.stdout
    culture = next(line for line in done.stdout.splitlines() if line.startswith("Culture"))
    # one "don't know" in the baseline: 9 of its 10 culture questions answered
    assert "25 / 100 (90%) → 50 / 100 (100%)" in culture and "+25 points  progress" in culture
    assert "Between baseline" in done.stdout


def test_two_exports_compared_as_json_in_french(store, tmp_path):
    first, second = exports(store, tmp_path)
    done = run_cli("compare", first, second, "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    culture = next(c for c in data["total"]["dimensions"] if c["key"] == "culture")
    assert (culture["before"], culture["after"], culture["verdict"]) == (25, 50, "progress")
    french = run_cli("compare", first, second, "--lang", "fr")
    assert "progrès" in french.stdout and "Entre baseline" in french.stdout


def test_an_organisations_export_compares_its_waves_with_the_rooms_pooled(store, tmp_path):
    _, organisation_id = pooled_rooms(store)
    path = tmp_path / "network.json"
    path.write_bytes(build_organisation_json(organisation_bundle(store, organisation_id)))
    done = run_cli("compare", path, "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert [w["kind"] for w in data["waves"]] == ["assessment", "pool"]
    assert [r["label"] for r in data["waves"][1]["rooms"]] == ["Lyon", "Lille", "Nantes"]


def test_one_export_or_a_broken_one_is_refused(store, tmp_path):
    first, _ = exports(store, tmp_path)
    alone = run_cli("compare", first)
    assert alone.returncode == 2 and "two waves or more" in alone.stderr
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    refused = run_cli("compare", first, broken)
    assert refused.returncode == 1 and "broken.json" in refused.stderr
