"""The domain core, the exporters and the phones' light page never import streamlit, not even
indirectly: the phones are served without it (see serve.py)."""

import pkgutil
import subprocess
import sys

from tests.paths import ROOT


def core_modules() -> list[str]:
    """Every module of the core, subpackages included (walked from the files, not imported)."""
    return [
        info.name
        for package in ("assessment", "exports", "phone")
        for info in pkgutil.walk_packages([str(ROOT / package)], prefix=f"{package}.")
        if not info.name.endswith("__main__")
    ]


def test_the_walk_reaches_into_subpackages():
    modules = core_modules()
    assert "assessment.questionnaire.loader" in modules
    assert "exports.importer" in modules
    assert "phone.service" in modules


def test_core_and_exporters_import_without_streamlit():
    code = (
        "import importlib, sys\n"
        f"for name in {core_modules()!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'streamlit'))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"
