"""The steering-committee workbook and the JSON export, read back as a committee member would."""

import io
import json
from datetime import date

import pytest
from openpyxl import load_workbook

from assessment.bundle import AssessmentBundle
from assessment.scoring import score
from exports.json_backup import build_json
from exports.workbook import META_SHEET, build_workbook
from tests.samples import HOSTILE_NAME, QUESTIONNAIRE, QUESTIONS, answers, bundle


def workbook(lang="en"):
    return load_workbook(io.BytesIO(build_workbook(QUESTIONNAIRE, bundle(lang))))


def values_of(sheet) -> list[list]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.mark.parametrize(("lang", "sheets"), [
    ("en", ["Summary", "Scores", "Symmetry", "Answers", "Diagnoses"]),
    ("fr", ["Synthèse", "Scores", "Symétrie", "Réponses", "Diagnostics"]),
])  # fmt: skip
def test_workbook_speaks_the_assessment_language(lang, sheets):
    book = workbook(lang)
    assert book.sheetnames == [*sheets, META_SHEET]
    assert book[META_SHEET].sheet_state == "hidden"
    assert book[sheets[0]]["A1"].value == QUESTIONNAIRE.title(lang)


def test_summary_gives_the_result_a_committee_needs():
    result = score(QUESTIONNAIRE, answers())
    facts = {row[0]: row[1] for row in values_of(workbook()["Summary"]) if row[0]}
    assert facts["Overall score (out of 100)"] == pytest.approx(result.overall.score)
    assert facts["Coverage"] == pytest.approx(result.overall.coverage)
    assert facts["Questionnaire"] == f"transformation v{QUESTIONNAIRE.version}"
    assert facts["Sector (NACE)"] == "Information and communication"
    assert "Stall" in facts["Symmetry verdict"] or "stall" in facts["Symmetry verdict"]
    assert facts["1."] and facts["2."] and facts["3."]


def test_scores_sheet_has_every_dimension_and_a_native_chart_on_those_cells():
    sheet = workbook()["Scores"]
    result = score(QUESTIONNAIRE, answers())
    count = len(QUESTIONNAIRE.dimensions)
    rows = values_of(sheet)[4 : 4 + count]  # the table; the method notes come below the chart
    assert [r[0] for r in rows] == [d.title.en for d in QUESTIONNAIRE.ordered_dimensions()]
    assert [r[1] for r in rows] == [round(d.score, 1) for d in result.dimensions]
    (chart,) = sheet._charts
    assert chart.tagname == "radarChart"
    assert chart.series[0].val.numRef.f == "'Scores'!$B$5:$B$8"


def test_symmetry_verdict_is_a_formula_on_the_scores():
    sheet = workbook()["Symmetry"]
    formulas = [c.value for row in sheet.iter_rows() for c in row if str(c.value).startswith("=")]
    assert any("B5-B6" in f for f in formulas)
    assert any("IF(" in f and "YES" in f for f in formulas)


def test_answers_sheet_lists_every_question_with_level_description_comment_and_weight():
    rows = {r[1]: r for r in values_of(workbook("fr")["Réponses"])[4:] if r[1]}
    assert set(rows) == {q.id for q in QUESTIONS}
    first = rows[QUESTIONS[0].id]
    assert first[3] == answers()[QUESTIONS[0].id]
    assert first[4] == QUESTIONS[0].anchors[first[3]].fr
    assert rows[QUESTIONS[3].id][4] == QUESTIONNAIRE.scale.dont_know.fr
    assert rows[QUESTIONS[7].id][3] is None and rows[QUESTIONS[7].id][4] == "Sans réponse"
    assert rows[QUESTIONS[0].id][6] == QUESTIONS[0].weight


def test_user_text_that_looks_like_a_formula_is_stored_as_text():
    book = workbook()
    name = next(row[1] for row in book["Summary"].iter_rows() if row[0].value == "Organisation")
    assert name.value == HOSTILE_NAME and name.data_type == "s" and name.quotePrefix
    comments = [row[5] for row in book["Answers"].iter_rows(min_row=5) if row[5].value]
    assert {c.value for c in comments} == {"+33 1 23 45 67 89", "@SUM(A1:A9)"}
    assert all(c.data_type == "s" and c.quotePrefix for c in comments)


def test_every_sheet_prints_landscape_one_page_wide_with_titles_repeated():
    book = workbook()
    for name in ["Summary", "Scores", "Symmetry", "Answers"]:
        setup = book[name].page_setup
        assert setup.orientation == "landscape" and setup.fitToWidth == 1
    assert book["Answers"].print_title_rows == "$4:$4"
    assert book["Answers"].freeze_panes == "A5"


def test_document_properties_name_the_organisation_and_questionnaire():
    properties = workbook().properties
    assert HOSTILE_NAME in properties.title
    assert properties.keywords == f"transformation {QUESTIONNAIRE.version}"


def test_json_export_holds_everything_to_restore_with_a_schema_version():
    document = json.loads(build_json(bundle()))
    assert document["schema_version"] == 1
    assert document["answers"] == answers()
    assert document["profile"]["sector"] == "J"
    assert AssessmentBundle.model_validate(document) == bundle()


def full(lang="en"):
    from exports.workbook import full_workbook

    data = full_workbook(QUESTIONNAIRE, bundle(lang), date(2026, 11, 23))
    return load_workbook(io.BytesIO(data))


def test_full_workbook_adds_the_roadmap_and_the_pilot_kpis():
    book = full("fr")
    assert book.sheetnames[4:6] == ["Feuille de route", "Indicateurs pilote"]
    rows = [r for r in values_of(book["Feuille de route"])[4:] if r[1]]
    phases = [r[0] for r in rows]
    assert phases == sorted(phases, key=["Sensibilisation", "Pilote et mesure", "Diffusion"].index)
    assert all(r[3] for r in rows), "every action says why it is proposed"
    assert all(r[6] <= r[7] for r in rows), "every action ends after it starts"


def test_kpi_sheet_tracks_the_pilot_month_by_month_with_validated_inputs():
    sheet = full()["Pilot KPIs"]
    headers = [c.value for c in sheet[6]]
    assert headers[:4] == ["Indicator", "Unit", "Baseline", "Target"]
    months = [h for h in headers if h and h[:2] == "20"]
    assert len(months) >= 3  # a three-month pilot spans at least three calendar months
    assert headers[-2:] == ["Progress", "Status when exported"]
    names = [c.value for c in sheet["A"][6:] if c.value]
    assert {"Knowledge management", "Employee satisfaction"} <= set(names)
    progress = sheet.cell(row=7, column=len(headers) - 1).value
    assert progress.startswith("=IF(") and "LOOKUP(2,1/" in progress
    assert len(sheet.data_validations.dataValidation) == len(names)
    assert all(v.type == "decimal" for v in sheet.data_validations.dataValidation)
    assert len(sheet.conditional_formatting) == 1


def test_nothing_answered_means_no_roadmap_sheets():
    from exports.workbook import full_workbook

    empty = bundle(answers={})
    book = load_workbook(io.BytesIO(full_workbook(QUESTIONNAIRE, empty, date(2026, 11, 23))))
    assert "Roadmap" not in book.sheetnames


def test_benchmark_sheet_lists_peer_positions_and_every_reference_point_with_its_source():
    from assessment.benchmark import position
    from exports.workbook import full_workbook

    result = score(QUESTIONNAIRE, answers())
    pool_of_one = position(result, [], "J", "50-249", min_peers=5)
    data = full_workbook(QUESTIONNAIRE, bundle(), date(2026, 11, 23), pool_of_one)
    rows = values_of(load_workbook(io.BytesIO(data))["Benchmark"])
    header = rows.index(
        ["Dimension", "Score", "Peer group", "Peers", "Percentile", "Peers' median", None]
    )
    peers = rows[header + 1 : header + 5]
    assert [r[0] for r in peers] == [d.title.en for d in QUESTIONNAIRE.ordered_dimensions()]
    assert all(r[2] == "not enough peers yet" for r in peers)
    references = [r for r in rows if r[4] and isinstance(r[4], int) and r[4] > 1900]
    cited = sum(len(q.references) for q in QUESTIONS)
    assert len(references) > cited  # the questionnaire's seed figures and the datasets'
    assert all(r[5] for r in references), "every reference point names its source"
    assert {"read at the publisher", "second-hand"} <= {r[6] for r in references}


def test_an_assessment_from_a_workshop_carries_the_room_into_its_own_sheet(tmp_path):
    from assessment.bundle import bundle_of
    from assessment.store import Store
    from exports.workbook import full_workbook
    from tests.samples import workshop_assessment

    store = Store(f"sqlite:///{tmp_path / 'room.db'}")
    assessment = workshop_assessment(store)
    data = full_workbook(QUESTIONNAIRE, bundle_of(store, assessment), date(2026, 11, 23))
    rows = values_of(load_workbook(io.BytesIO(data))["Workshop"])
    facts = {r[0]: r[1] for r in rows if r[0]}
    assert facts["Participants"] == 6
    assert facts["Anonymity threshold"] == 5
    per_question = [r for r in rows if r[1] in {q.text.en for q in QUESTIONS}]
    assert len(per_question) == len(QUESTIONS)
    assert all(r[5] is not None for r in per_question), "every question shows its dispersion"
    assert "Groups smaller than the anonymity threshold are not shown." in facts
    store.dispose()
