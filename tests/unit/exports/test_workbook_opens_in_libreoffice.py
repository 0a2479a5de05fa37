"""The workbook opens in a real spreadsheet program: LibreOffice converts it to PDF, and the
pages render to images (saved under test-artifacts/ to look at)."""

import subprocess

import pytest

from exports.workbook import build_workbook
from tests.paths import ARTIFACTS
from tests.rendering import require, to_pdf
from tests.samples import QUESTIONNAIRE, bundle


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_libreoffice_converts_the_workbook_to_a_printable_pdf(tmp_path, lang):
    pdftoppm = require("pdftoppm")
    workbook = tmp_path / f"report-{lang}.xlsx"
    workbook.write_bytes(build_workbook(QUESTIONNAIRE, bundle(lang)))
    pdf = to_pdf(workbook, tmp_path)
    ARTIFACTS.mkdir(exist_ok=True)
    prefix = ARTIFACTS / f"workbook-{lang}"
    for old in ARTIFACTS.glob(f"workbook-{lang}-*.png"):
        old.unlink()
    subprocess.run([pdftoppm, "-png", "-r", "60", str(pdf), str(prefix)], check=True, timeout=120)
    pages = sorted(ARTIFACTS.glob(f"workbook-{lang}-*.png"))
    assert len(pages) >= 4  # summary, scores, symmetry, answers (over one or more pages)
    assert all(page.stat().st_size > 5_000 for page in pages)  # not blank


def test_the_kpi_progress_formula_computes_in_libreoffice(tmp_path):
    """Fill two months of the knowledge-management KPI; LibreOffice computes the progress."""
    import io
    from datetime import date

    from openpyxl import load_workbook

    from exports.workbook import full_workbook

    soffice = require("soffice")
    book = load_workbook(io.BytesIO(full_workbook(QUESTIONNAIRE, bundle("en"), date(2026, 11, 23))))
    sheet = book["Pilot KPIs"]
    row = next(c.row for c in sheet["A"] if c.value == "Knowledge management")
    sheet[f"C{row}"], sheet[f"D{row}"] = 50, 75  # baseline, target
    sheet[f"G{row}"], sheet[f"H{row}"] = 55, 60  # two monthly measures
    path = tmp_path / "kpis.xlsx"
    book.save(path)
    position = book.sheetnames.index("Pilot KPIs") + 1
    csv_filter = (
        f"csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,{position}"
    )
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
         "--convert-to", csv_filter, "--outdir", str(tmp_path), str(path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    (csv,) = tmp_path.glob("kpis*.csv")
    line = next(line for line in csv.read_text().splitlines() if line.startswith("Knowledge"))
    assert ",40%," in line  # (60 − 50) / (75 − 50), from the latest month
