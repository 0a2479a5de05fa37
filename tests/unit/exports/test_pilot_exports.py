"""The pilot measured, in the exports: the workbook's KPI sheet carries the values with a native
line chart per KPI, the Roadmap sheet says where the diffusion phase stands, the JSON backup and
its re-import keep values and decisions, and the one-page results name every KPI."""

import io
import json
from datetime import date

import pytest
from openpyxl import load_workbook

from assessment.bundle import bundle_of, restore
from assessment.roadmap import check_decision, edits_to_payload
from assessment.store import Store
from exports.importer import ImportRejected, read_export
from exports.json_backup import build_json
from exports.pilot_summary import build_summary_page
from exports.workbook import full_workbook
from tests.samples import QUESTIONNAIRE, bundle
from tests.unit.roadmap.pilot_samples import ANSWERS, EDITS, NOW, measured, roadmap

TODAY = date(2026, 12, 1)


def pilot_bundle(lang="en", record=None):
    return bundle(
        lang,
        answers=ANSWERS,
        roadmap=edits_to_payload(EDITS),
        pilot=record if record is not None else measured(),
    )


def kpi_sheet(lang="en", record=None):
    book = load_workbook(
        io.BytesIO(full_workbook(QUESTIONNAIRE, pilot_bundle(lang, record), TODAY))
    )
    return book, book["Pilot KPIs" if lang == "en" else "Indicateurs pilote"]


def test_the_kpi_sheet_carries_each_months_latest_value_and_the_status():
    _, sheet = kpi_sheet()
    headers = [c.value for c in sheet[6]]
    months = ["2026-08", "2026-09", "2026-10", "2026-11"]
    assert [h for h in headers if h and h[:2] == "20"] == months
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=7, max_row=11)}
    productivity = rows["Productivity: time spent searching"]
    by_month = [productivity[headers.index(m)].value for m in months]
    assert by_month == [None, 5.6, 5.1, 4.7]
    status = headers.index("Status when exported")
    assert productivity[status].value == "target reached"
    assert rows["Knowledge management"][status].value == "on track"
    assert rows["Participation"][status].value is None  # a row to fill in by hand


def test_the_kpi_sheet_lists_every_value_entered_and_draws_a_line_chart_per_measured_kpi():
    _, sheet = kpi_sheet()
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    first = next(i for i, row in enumerate(cells) if row[0] == "Values entered")
    assert cells[first + 1][:6] == [
        "Indicator", "Date", "Value", "Entered on", "Entered by", "Comment"
    ]  # fmt: skip
    values = [row for row in cells[first + 2 : first + 11]]
    assert len(values) == 9 and {row[4] for row in values} == {"Claire Martin"}
    charts = sheet._charts
    assert len(charts) == 3  # the three gating KPIs measured
    assert all(len(chart.series) == 3 for chart in charts)  # measured, baseline, target
    dashes = [s.graphicalProperties.line.dashStyle for s in charts[0].series]
    assert dashes == ["solid", "dash", "sysDot"]
    titles = {chart.title.tx.rich.p[0].r[0].t for chart in charts}
    assert "Knowledge management" in titles


def test_the_roadmap_sheet_says_whether_the_diffusion_phase_can_start():
    book, _ = kpi_sheet("fr")
    assert book["Feuille de route"]["A3"].value.startswith("Phase de diffusion\u00a0: prête")
    book, _ = kpi_sheet("fr", record=measured({"productivity": [6.5]}))
    assert "en attente de preuves" in book["Feuille de route"]["A3"].value


def test_without_values_the_kpi_sheet_stays_a_blank_tracking_grid():
    _, sheet = kpi_sheet(record=measured({}))
    assert sheet._charts == []
    assert all(row[0].value != "Values entered" for row in sheet.iter_rows())


@pytest.fixture
def store(tmp_path):
    opened = Store(f"sqlite:///{tmp_path / 'pilot.db'}")
    yield opened
    opened.dispose()


def test_values_and_decisions_survive_a_json_round_trip(store):
    go = check_decision("go", "Clear gains; diffuse to sales.", "COMEX", NOW)
    record = measured().model_copy(update={"decisions": [go]})
    data = build_json(pilot_bundle("fr", record))
    questionnaire, read = read_export(data, "export.json", [QUESTIONNAIRE])
    restored = bundle_of(store, store.find(restore(store, questionnaire, read)))
    assert restored.pilot == record
    assert restored.roadmap.document() == edits_to_payload(EDITS)
    again = json.loads(build_json(restored))
    assert again["pilot"] == json.loads(data)["pilot"]


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda p: p["actuals"][0].update(value="5,6"), "pilot.actuals[0].value"),
        (
            lambda p: p["actuals"][0].pop("entered_by"),
            "pilot.actuals[0].entered_by: Field required",
        ),
        (lambda p: p.update(notes="x"), "pilot.notes: Extra inputs are not permitted"),
        (lambda p: p["decisions"].append({"verdict": "maybe"}), "pilot.decisions[0].verdict"),
    ],
)
def test_a_broken_pilot_section_is_refused_with_its_place(change, where):
    document = json.loads(build_json(pilot_bundle()))
    change(document["pilot"])
    with pytest.raises(ImportRejected) as error:
        read_export(json.dumps(document).encode(), "export.json", [QUESTIONNAIRE])
    assert where in error.value.message("en")


def test_the_one_page_results_name_every_kpi_and_the_gate_with_people_text_escaped():
    from assessment.roadmap import pilot_summary

    stop = check_decision("stop", "<script>alert(1)</script> budget", "COMEX & co", NOW)
    record = measured().model_copy(update={"decisions": [stop]})
    page = build_summary_page(pilot_summary("Acme <b>", roadmap(), record, TODAY), "fr")
    html = page.decode("utf-8")
    assert html.startswith("<!DOCTYPE html>") and "size: A4 portrait" in html
    assert "Résultats du pilote\u00a0: Acme &lt;b&gt;" in html
    assert "Phase de diffusion\u00a0: arrêtée par le comité de pilotage" in html
    assert "&lt;script&gt;" in html and "<script>" not in html and "COMEX &amp; co" in html
    for name in ("Productivité", "Gestion des connaissances", "Satisfaction des collaborateurs"):
        assert name in html
    assert html.count("<svg") == 3  # a trend line per measured KPI
    assert "cible atteinte" in html and "4,7\u00a0h" in html
