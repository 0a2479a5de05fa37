"""Open an exported file as its reader's program would: LibreOffice converts it to PDF (a
workbook through Calc, a deck through Impress), poppler renders the pages and reads the text."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def require(program: str) -> str:
    found = shutil.which(program)
    if found is None:
        message = f"{program} is not installed (`make test` installs it when run as root)"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    return found


def to_pdf(document: Path, folder: Path) -> Path:
    """The document converted by LibreOffice into ``folder``, with a profile of its own."""
    convert = subprocess.run(
        [require("soffice"), f"-env:UserInstallation=file://{folder}/profile", "--headless",
         "--convert-to", "pdf", "--outdir", str(folder), str(document)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    pdf = folder / f"{document.stem}.pdf"
    assert convert.returncode == 0 and pdf.exists(), f"LibreOffice opens {document.name}: " + (
        convert.stderr
    )
    return pdf


def pdf_text(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    """The text poppler reads from the PDF's pages ``first`` to ``last`` (all by default)."""
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    return subprocess.run(
        [require("pdftotext"), *pages, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
