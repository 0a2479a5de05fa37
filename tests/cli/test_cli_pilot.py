"""``python -m assessment kpi add | list``: a measured value kept for a stored assessment, a bad
one refused with every problem and exit code 2; the roadmap's diffusion phase marked."""

import os

import pytest

from assessment import services
from assessment.store import Store
from tests.cli.commands import answers_file, run_cli
from tests.unit.roadmap.pilot_samples import ANSWERS, MONTH_ENDS, THREE_MONTHS, stored_assessment


@pytest.fixture
def assessment(tmp_path):
    """A stored assessment with its answers and the consultant's KPI edits; its token, the
    environment that points the CLI at its database, and the store."""
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    store = Store(url)
    token, record_id = stored_assessment(store)
    yield token, {**os.environ, "DATABASE_URL": url}, store, record_id
    store.dispose()


def kpi(env, *args):
    return run_cli("kpi", *args, env=env)


def test_kpi_add_keeps_a_value_and_kpi_list_shows_three_months_and_the_gate(assessment):
    token, env, store, record_id = assessment
    for kpi_id, values in THREE_MONTHS.items():
        for day, value in zip(MONTH_ENDS, values, strict=True):
            run = kpi(env, "add", "--assessment", token, "--kpi", kpi_id, "--date",
                      day.isoformat(), "--value", str(value), "--by", "Claire Martin")  # fmt: skip
            assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "Saved: Employee satisfaction, 27 November 2026: 48 / 100."
    assert len(services.pilot_record(store, record_id).actuals) == 9
    listing = kpi(env, "list", "--assessment", token, "--lang", "fr")
    assert listing.returncode == 0, listing.stderr
    out = listing.stdout
    assert "Productivité : temps passé à chercher\u00a0: cible atteinte" in out
    assert "27 novembre 2026\u00a0: 4,7\u00a0h (Claire Martin)" in out
    assert "Le pilote dans son ensemble\u00a0: en bonne voie." in out
    assert "Phase de diffusion\u00a0: prête" in out


def test_a_bad_value_is_refused_with_every_problem_and_exit_code_2(assessment):
    token, env, store, record_id = assessment
    run = kpi(env, "add", "--assessment", token, "--kpi", "productivity", "--date",
              "2026-09-30", "--value", "200", "--by", " ")  # fmt: skip
    assert run.returncode == 2
    assert run.stderr.splitlines() == [
        "error: Productivity: time spent searching, 30 September 2026: 200 is outside the range "
        "of the unit, 0 to 168 (hours per week).",
        "error: Productivity: time spent searching, 30 September 2026: say who enters the value "
        "(a name or a role).",
    ]
    french = kpi(env, "add", "--assessment", token, "--kpi", "vitesse", "--date", "2026-09-30",
                 "--value", "3", "--by", "A", "--lang", "fr")  # fmt: skip
    assert french.returncode == 2
    assert (
        french.stderr.strip()
        == "error: «\u00a0vitesse\u00a0» n’est pas un indicateur de ce pilote."
    )
    assert services.pilot_record(store, record_id).actuals == []


def test_an_unknown_link_is_said_plainly(assessment):
    _, env, _, _ = assessment
    run = kpi(env, "list", "--assessment", "not-a-token")
    assert run.returncode == 1
    assert "no assessment has this private link" in run.stderr


def test_the_roadmap_command_marks_the_diffusion_phase_as_waiting_for_evidence(tmp_path):
    answers = answers_file(tmp_path, ANSWERS)
    questionnaire = "questionnaires/transformation.yaml"
    run = run_cli(
        "roadmap", "--questionnaire", questionnaire, "--answers", answers, "--start", "2026-05-11"
    )
    assert run.returncode == 0, run.stderr
    diffusion = run.stdout.split("3. DIFFUSION", 1)[1]
    assert "[Diffusion phase: waiting for evidence] Not measured yet: Productivity" in diffusion
