"""The workbook as a steering committee prints and hands it back: the summary's messages each
name a roadmap action, its charts are native, and a re-imported workbook keeps the roadmap's
edits, the pilot's values and the room's figures, as the JSON backup does."""

import io
from datetime import UTC, date, datetime

from openpyxl import load_workbook

from assessment.bundle import KpiEdit, RoadmapSection
from assessment.profile import Profile
from assessment.reading.messages import key_messages
from assessment.roadmap import Actual, PilotRecord
from assessment.scoring import score
from assessment.services import action_library, bundle_roadmap
from exports.importer import read_export
from exports.json_backup import build_json
from exports.workbook import full_workbook
from tests.rendering import pdf_text, to_pdf
from tests.samples import HOSTILE_NAME, ORGANISATIONS, QUESTIONNAIRE, bundle

TODAY = date(2026, 11, 23)


def edited(lang="en"):
    roadmap = RoadmapSection(
        version=1,
        start="2027-01-04",
        kpis={"knowledge_management": KpiEdit(baseline=40, target=65, owner="Claire Martin")},
    )
    measured = Actual(
        kpi="knowledge_management",
        on=date(2027, 2, 1),
        value=48.0,
        entered_by="Claire Martin",
        entered_at=datetime(2027, 2, 1, 9, tzinfo=UTC),
        comment="first month",
    )
    return bundle(
        lang,
        answers=ORGANISATIONS["stalled"],
        roadmap=roadmap,
        pilot=PilotRecord(actuals=[measured]),
    )


def test_a_reimported_workbook_keeps_the_roadmap_edits_and_the_pilots_values():
    given = edited()
    data = full_workbook(QUESTIONNAIRE, given, TODAY)
    _, back = read_export(data, "pack.xlsx", [QUESTIONNAIRE])
    assert back.roadmap == given.roadmap
    assert back.pilot == given.pilot
    _, from_json = read_export(build_json(given), "pack.json", [QUESTIONNAIRE])
    assert (back.roadmap, back.pilot) == (from_json.roadmap, from_json.pilot)


def test_a_reimported_workshop_workbook_keeps_the_rooms_figures(tmp_path):
    from assessment.bundle import bundle_of
    from assessment.store import Store
    from tests.samples import workshop_assessment

    store = Store(f"sqlite:///{tmp_path / 'room.db'}")
    given = bundle_of(store, workshop_assessment(store))
    store.dispose()
    _, back = read_export(full_workbook(QUESTIONNAIRE, given, TODAY), "room.xlsx", [QUESTIONNAIRE])
    assert back.workshop == given.workshop


def test_the_summarys_key_messages_each_name_an_action_of_the_roadmap():
    given = bundle("fr", answers=ORGANISATIONS["stalled"])
    book = load_workbook(io.BytesIO(full_workbook(QUESTIONNAIRE, given, TODAY)))
    summary = book["Synthèse"]
    texts = [row[1] for row in summary.iter_rows(values_only=True) if row[0] in {"1.", "2.", "3."}]
    roadmap = bundle_roadmap(QUESTIONNAIRE, given, action_library(QUESTIONNAIRE), TODAY)
    messages = key_messages(QUESTIONNAIRE, score(QUESTIONNAIRE, given.answers), roadmap, "fr")
    assert texts == [m.text for m in messages]
    assert not any("partiel" in text for text in texts), "method notes are not key messages"


def test_the_summary_carries_its_radar_and_map_and_the_roadmap_its_timeline_as_native_charts():
    book = load_workbook(io.BytesIO(full_workbook(QUESTIONNAIRE, edited(), TODAY)))
    summary = book["Summary"]
    assert sorted(chart.tagname for chart in summary._charts) == ["radarChart", "scatterChart"]
    assert summary.page_setup.fitToHeight == 1, "the summary and its charts print on one page"
    (timeline,) = book["Roadmap"]._charts
    assert timeline.tagname == "barChart" and timeline.grouping == "stacked"
    actions = [r for r in book["Roadmap"].iter_rows(min_row=5, values_only=True) if r[1]]
    assert timeline.series[1].val.numRef.f.endswith(f"$L${4 + len(actions)}")


def test_headers_get_the_height_their_wrapped_words_need():
    book = load_workbook(io.BytesIO(full_workbook(QUESTIONNAIRE, edited("fr"), TODAY)))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.fill.fgColor.rgb in ("001F3A5F", "FF1F3A5F") and isinstance(
                    cell.value, str
                ):
                    width = sheet.column_dimensions[cell.column_letter].width or 10
                    lines = -(-len(cell.value) // int(width))
                    height = sheet.row_dimensions[cell.row].height or 15
                    assert height >= 15 * lines, (sheet.title, cell.value)


def test_the_printed_summary_shows_its_messages_and_both_charts_on_page_one(tmp_path):
    import subprocess

    from tests.paths import ARTIFACTS
    from tests.rendering import require

    for lang in ("en", "fr"):
        workbook = tmp_path / f"committee-{lang}.xlsx"
        workbook.write_bytes(full_workbook(QUESTIONNAIRE, edited(lang), TODAY))
        pdf = to_pdf(workbook, tmp_path)
        page_one = pdf_text(pdf, 1, 1)
        flat = " ".join(page_one.replace("\u00a0", " ").replace("\u202f", " ").split())
        given = edited(lang)
        roadmap = bundle_roadmap(QUESTIONNAIRE, given, action_library(QUESTIONNAIRE), TODAY)
        for message in key_messages(
            QUESTIONNAIRE, score(QUESTIONNAIRE, given.answers), roadmap, lang
        ):
            assert message.action.replace("\u00a0", " ")[:40] in flat
        from assessment.i18n import say

        assert say("report.map", lang) in flat and say("workbook.radar_title", lang) in flat
        folder = ARTIFACTS / "pack"
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob(f"workbook-{lang}-*.png"):
            old.unlink()
        subprocess.run(
            [require("pdftoppm"), "-png", "-r", "50", str(pdf), str(folder / f"workbook-{lang}")],
            check=True,
        )


def test_the_maps_series_take_their_names_from_cells_so_any_organisation_name_reads_whole(
    tmp_path,
):
    """Written into the chart, a series name is read by LibreOffice as a formula string: a
    double quote cut «Le "Bon" Coin» to "Le", and a formula-like name became "Column F"."""
    for name in (HOSTILE_NAME, 'Le "Bon" Coin'):
        profile = Profile(
            organisation=name, sector="J", size_class="50-249", country="FR", role="it"
        )
        given = edited().model_copy(update={"profile": profile})
        workbook = tmp_path / "named.xlsx"
        workbook.write_bytes(full_workbook(QUESTIONNAIRE, given, TODAY))
        book = load_workbook(workbook)
        (scatter,) = [c for c in book["Summary"]._charts if c.tagname == "scatterChart"]
        sheet, cell = scatter.series[0].tx.strRef.f.rsplit("!", 1)
        assert book[sheet.strip("'")][cell.replace("$", "")].value == name
        page_one = pdf_text(to_pdf(workbook, tmp_path), 1, 1)
        assert "Column" not in page_one
        assert page_one.count(name.split("/")[0]) == 2, "the profile's line and the legend"
