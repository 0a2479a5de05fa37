"""The benchmark loader and the consultant's import: every problem reported, located."""

import shutil
from pathlib import Path

import pytest

from assessment.benchmark import (
    MAX_IMPORT_BYTES,
    MAX_IMPORT_ROWS,
    BenchmarkError,
    export_rows,
    exportable,
    load_benchmarks,
    parse_import,
)
from assessment.i18n import in_language
from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire
from assessment.store import ScoreRow
from tests.paths import FIXTURES

BROKEN = FIXTURES / "benchmark_broken"
QUESTIONNAIRE = load_questionnaire(DEFAULT_QUESTIONNAIRE)
DIMENSIONS = [d.id for d in QUESTIONNAIRE.ordered_dimensions()]


def english(caught) -> list[str]:
    """The problems as the command line prints them."""
    return in_language(caught.value.problems, "en")


def problems_of(tmp_path: Path, *names: str) -> list[str]:
    """Load only these fixture pairs (each CSV with its YAML, if any)."""
    for name in names:
        for path in BROKEN.glob(f"{name}.*"):
            shutil.copy(path, tmp_path / path.name)
    with pytest.raises(BenchmarkError) as caught:
        load_benchmarks(QUESTIONNAIRE, tmp_path)
    return english(caught)


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        (
            "wrong_column",
            [
                "wrong_column.csv:1: column 'valeur': unexpected column",
                "wrong_column.csv:1: column 'value': missing",
            ],
        ),
        ("non_numeric", ["non_numeric.csv:3: column 'value': 'n/a' is not a number"]),
        (
            "unknown_id",
            [
                "unknown_id.csv:4: column 'target': 'tools_teleportation' is no "
                "question or dimension id of 'transformation'"
            ],
        ),
        ("over_100", ["over_100.csv:3: column 'value': 120 % is not a percentage (0-100)"]),
        ("duplicate_row", ["duplicate_row.csv:3: duplicate row: id 'ok_row' already on line 2"]),
        (
            "missing_provenance",
            ["missing_provenance.csv: no provenance file missing_provenance.yaml beside it"],
        ),
        (
            "second_hand_unsourced",
            [
                "second_hand_unsourced.csv:2: column 'seen_at': a "
                "second-hand figure says where it was seen"
            ],
        ),
    ],
)
def test_each_broken_file_is_reported_with_file_line_and_column(tmp_path, fixture, expected):
    assert problems_of(tmp_path, fixture) == expected


def test_a_broken_distribution_lists_every_problem(tmp_path):
    assert problems_of(tmp_path, "distribution_shares") == [
        "distribution_shares.csv:2: column 'share': 130 is not a percentage (0-100)",
        "distribution_shares.csv:4: duplicate row: sme/low already on line 3",
        "distribution_shares.csv:5: column 'share': 'abc' is not a number",
        "distribution_shares.csv: group 'sme' has no row for high, very_high",
    ]


def test_all_problems_of_all_files_come_at_once(tmp_path):
    problems = problems_of(tmp_path, "non_numeric", "over_100", "unknown_id")
    assert len(problems) == 3 + 1  # and the id ok_row shared by the three files
    assert problems[-1].endswith("reference id 'ok_row' is used in 3 files")


def test_shares_that_do_not_add_up_to_100_are_refused(tmp_path):
    shutil.copy(BROKEN / "distribution_shares.yaml", tmp_path / "d.yaml")
    (tmp_path / "d.csv").write_text(
        "group,level,share,status,derived,seen_at\n"
        "sme,very_low,40,P,no,\nsme,low,30,P,no,\nsme,high,20,P,no,\nsme,very_high,5,P,no,\n"
    )
    with pytest.raises(BenchmarkError) as caught:
        load_benchmarks(QUESTIONNAIRE, tmp_path)
    assert english(caught) == ["d.csv: group 'sme': shares add up to 95, not 100"]


def test_a_provenance_file_missing_keys_is_refused(tmp_path):
    (tmp_path / "x.csv").write_text((BROKEN / "over_100.csv").read_text())
    (tmp_path / "x.yaml").write_text("kind: reference\npublisher: Someone\n")
    with pytest.raises(BenchmarkError) as caught:
        load_benchmarks(QUESTIONNAIRE, tmp_path)
    assert english(caught)[0].startswith("x.yaml: missing key(s) checked, licence,")


# --- a consultant's import --------------------------------------------------------------------

GOOD = (
    "sector,size_class,culture,tools,employee_experience,customer_symmetry\n"
    "J,50-249,62.5,40,55,\n"
    "c,250+,30,35,42.5,50\n"
)


def test_a_valid_import_gives_one_row_per_client_and_skips_empty_scores():
    rows = parse_import(GOOD.encode(), QUESTIONNAIRE)
    assert [(r.sector, r.size_class) for r in rows] == [("J", "50-249"), ("C", "250+")]
    assert rows[0].scores == {"culture": 62.5, "tools": 40, "employee_experience": 55}


def test_a_french_spreadsheet_export_with_semicolons_and_decimal_commas_is_read():
    text = "\ufeffsector;size_class;culture;tools\r\nJ;50-249;62,5;40\r\n"
    rows = parse_import(text.encode("utf-8"), QUESTIONNAIRE)
    assert rows[0].scores == {"culture": 62.5, "tools": 40}


def test_every_bad_cell_is_located_and_nothing_is_returned():
    text = "sector,size_class,culture,tools\nJ,50-249,62.5,40\nZ,12-30,abc,140\nJ,50-249,,\n"
    with pytest.raises(BenchmarkError) as caught:
        parse_import(text.encode(), QUESTIONNAIRE, "clients.csv")
    assert english(caught) == [
        "clients.csv:3: column 'sector': 'Z' is no NACE section (A-U)",
        "clients.csv:3: column 'size_class': '12-30', expected 1-9, 10-49, 50-249, 250+",
        "clients.csv:3: column 'culture': 'abc' is not a number",
        "clients.csv:3: column 'tools': 140 is outside 0-100",
        "clients.csv:4: no score on this row",
    ]


def test_unknown_or_missing_columns_are_named():
    text = "secteur,size_class,culture,organisation\nJ,50-249,50,Acme\n"
    with pytest.raises(BenchmarkError) as caught:
        parse_import(text.encode(), QUESTIONNAIRE, "clients.csv")
    problems = english(caught)
    assert problems[0] == "clients.csv:1: column 'sector': missing"
    assert problems[1].startswith("clients.csv:1: column 'secteur': unknown;")
    assert problems[2].startswith("clients.csv:1: column 'organisation': unknown;")


def test_a_file_that_is_not_utf8_is_refused_with_a_clear_message():
    text = "sector,size_class,culture\nJ,50-249,50\n# Société\n".encode("latin-1")
    with pytest.raises(BenchmarkError) as caught:
        parse_import(text, QUESTIONNAIRE, "clients.csv")
    assert english(caught) == ["clients.csv: not UTF-8 text (byte 45); save the file as CSV UTF-8"]


def test_an_oversized_file_is_refused_before_reading_it():
    with pytest.raises(BenchmarkError) as caught:
        parse_import(b"x" * (MAX_IMPORT_BYTES + 1), QUESTIONNAIRE, "big.csv")
    assert "more than the 1,000,000 accepted" in english(caught)[0]


def test_too_many_rows_are_refused():
    text = "sector,size_class,culture\n" + "J,50-249,50\n" * (MAX_IMPORT_ROWS + 1)
    with pytest.raises(BenchmarkError) as caught:
        parse_import(text.encode(), QUESTIONNAIRE, "many.csv")
    assert english(caught) == [
        f"many.csv:{MAX_IMPORT_ROWS + 2}: more than 5,000 rows; split the file"
    ]


def test_an_empty_file_or_a_header_alone_is_refused():
    with pytest.raises(BenchmarkError):
        parse_import(b"", QUESTIONNAIRE)
    with pytest.raises(BenchmarkError) as caught:
        parse_import(b"sector,size_class,culture\n", QUESTIONNAIRE, "h.csv")
    assert english(caught) == ["h.csv: no data row under the header"]


def test_the_export_has_the_import_format_and_imports_again_as_it_is():
    rows = parse_import(GOOD.encode(), QUESTIONNAIRE)
    exported = export_rows(rows, DIMENSIONS, min_peers=1)
    assert exported.splitlines()[0] == "sector,size_class," + ",".join(DIMENSIONS)
    assert exported.splitlines()[1] == "C,250+,30.0,35.0,42.5,50.0"  # sorted, not in input order
    again = parse_import(exported.encode(), QUESTIONNAIRE)
    assert sorted(r.model_dump_json() for r in again) == sorted(r.model_dump_json() for r in rows)


def test_a_cell_beyond_the_csv_field_limit_is_a_located_refusal():
    huge = "9" * 200_000  # the csv module refuses fields over 131,072 characters
    data = (GOOD.splitlines()[0] + "\n" + f"J,50-249,{huge},40,55,\n").encode()
    with pytest.raises(BenchmarkError) as caught:
        parse_import(data, QUESTIONNAIRE, "big.csv")
    [problem] = caught.value.problems
    assert str(problem).startswith("big.csv:2: this line cannot be read as CSV: field larger")
    assert problem("fr").startswith("big.csv:2\u00a0: cette ligne n’est pas du CSV lisible")


def test_an_export_holds_back_peer_groups_under_the_minimum():
    crowd = [ScoreRow(sector="K", size_class="10-49", scores={"culture": 50 + n}) for n in range(5)]
    alone = ScoreRow(sector="J", size_class="250+", scores={"culture": 99})
    kept, held_back = exportable([*crowd, alone], min_peers=5)
    assert kept == crowd and held_back == 1
    lines = export_rows([*crowd, alone], DIMENSIONS, min_peers=5).splitlines()
    assert len(lines) == 6 and not any(line.startswith("J,") for line in lines)
