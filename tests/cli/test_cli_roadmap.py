"""`python -m assessment roadmap`, run as a consultant runs it: a subprocess."""

import json
import subprocess
from pathlib import Path

from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire
from tests.cli.commands import answers_file, run_cli
from tests.paths import ROOT

QUESTIONNAIRE = load_questionnaire(DEFAULT_QUESTIONNAIRE)
BROKEN = ROOT / "tests" / "fixtures" / "roadmap_broken"


def cli(*args: str | Path):
    return run_cli("roadmap", *args)


def tools_only_weak() -> dict:
    return {q.id: 2 if d.id == "tools" else 4 for d, q in QUESTIONNAIRE.questions()}


def run(tmp_path: Path, *extra: str) -> subprocess.CompletedProcess:
    path = answers_file(tmp_path, tools_only_weak())
    return cli(
        "--questionnaire", DEFAULT_QUESTIONNAIRE, "--answers", path, "--start", "2026-01-05", *extra
    )


def test_the_roadmap_prints_as_readable_text_with_phases_reasons_pilot_and_kpis(tmp_path):
    result = run(tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Roadmap: transformation (library default v1.0)")
    assert "From 5 January 2026 to" in out
    positions = [
        out.index(f"{n}. {title}")
        for n, title in enumerate(("AWARENESS", "PILOT AND MEASURE", "DIFFUSION"), start=1)
    ]
    assert positions == sorted(positions)
    assert "Give the pilot team a shared workspace beyond email" in out
    assert "- Tools and digital workplace scores 25 / 100 (below 50)." in out
    assert "THE PILOT" in out and "Team: The IT and digital team" in out
    assert "PILOT INDICATORS" in out and "Knowledge management" in out
    assert "Baseline: to measure before start" in out


def test_the_roadmap_speaks_french_on_request(tmp_path):
    result = run(tmp_path, "--lang", "fr")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Feuille de route\u00a0: transformation")
    assert "1. SENSIBILISATION" in result.stdout
    assert "obtient 25\u00a0/\u00a0100 (sous le seuil de 50)." in result.stdout


def test_json_gives_phases_actions_reasons_dates_pilot_and_kpis(tmp_path):
    result = run(tmp_path, "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert [p["phase"] for p in document["phases"]] == ["awareness", "pilot", "diffusion"]
    first = document["phases"][0]["actions"][0]
    assert first["start"] == "2026-01-05"
    assert set(first["title"]) == {"fr", "en"}  # both languages unless --lang
    space = next(
        a for p in document["phases"] for a in p["actions"] if a["id"] == "collaboration_space"
    )
    assert space["reasons"][0]["kind"] == "dimension"
    assert space["reasons"][0]["score"] == 25
    assert document["pilot"]["team"] == "technology"
    assert {k["id"] for k in document["kpis"]} >= {
        "productivity",
        "knowledge_management",
        "employee_satisfaction",
    }


def test_json_in_one_language_has_plain_texts(tmp_path):
    document = json.loads(run(tmp_path, "--json", "--lang", "en").stdout)
    assert document["phases"][1]["title"] == "Pilot and measure"


def test_a_bad_answers_file_fails_naming_the_question(tmp_path):
    path = answers_file(tmp_path, {"tools_social_listening": 9})
    result = cli("--questionnaire", DEFAULT_QUESTIONNAIRE, "--answers", path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "error: answers.json: question 'tools_social_listening': 9 is outside the scale" in (
        result.stderr
    )


def test_a_broken_library_fails_with_its_located_problems(tmp_path):
    path = answers_file(tmp_path, tools_only_weak())
    library = BROKEN / "unknown_phase.yaml"
    result = cli("--questionnaire", DEFAULT_QUESTIONNAIRE, "--answers", path, "--library", library)
    assert result.returncode == 1
    assert "error: unknown_phase.yaml:28: actions[2].phase: unknown phase 'rollout'" in (
        result.stderr
    )


def test_a_start_that_is_not_a_date_is_a_usage_error(tmp_path):
    result = run(tmp_path, "--start", "next week")
    assert result.returncode == 2
    assert "not a date: 'next week' (use YYYY-MM-DD)" in result.stderr
