"""Every shipped benchmark file loads, is sourced, and speaks to a real question or dimension."""

from pathlib import Path

import yaml

from assessment.benchmark import BENCHMARKS_DIR, load_benchmarks
from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire

QUESTIONNAIRE = load_questionnaire(DEFAULT_QUESTIONNAIRE)


def test_every_shipped_benchmark_file_loads():
    library = load_benchmarks(QUESTIONNAIRE)
    csvs = sorted(p.stem for p in Path(BENCHMARKS_DIR).glob("*.csv"))
    assert sorted(library.provenance) == csvs
    assert library.references and "eurostat_dii_2023" in library.distributions


def test_every_csv_has_its_provenance_and_every_yaml_its_csv():
    folder = Path(BENCHMARKS_DIR)
    assert {p.stem for p in folder.glob("*.csv")} == {p.stem for p in folder.glob("*.yaml")}


def test_second_hand_figures_say_where_they_were_seen():
    library = load_benchmarks(QUESTIONNAIRE)
    for figure in library.references:
        assert figure.status == "P" or figure.seen_at, figure.id
    for distribution in library.distributions.values():
        for group, statuses in distribution.status.items():
            assert set(statuses.values()) <= {"P", "S"}, group


def test_seed_reference_points_stay_in_the_questionnaire_and_are_not_repeated():
    library = load_benchmarks(QUESTIONNAIRE)
    seeds = {r.id for r in QUESTIONNAIRE.references}
    assert not seeds & {f.id for f in library.references}
    seed_publishers = ("IBM", "Forrester", "Hootsuite", "Massachusetts", "Kelly", "Gartner")
    assert not [f.id for f in library.references if f.publisher.startswith(seed_publishers)]


def test_the_provenance_files_record_when_they_were_checked():
    for path in Path(BENCHMARKS_DIR).glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["status"] in ("P", "S", "mixed"), path.name
        assert str(data["checked"]) >= "2026-01-01", path.name
