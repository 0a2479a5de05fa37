"""The domain core and the exporters never import streamlit, not even indirectly."""

import pkgutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_core_and_exporters_import_without_streamlit():
    modules = [
        f"{package}.{info.name}"
        for package in ("assessment", "exports")
        for info in pkgutil.iter_modules([str(ROOT / package)])
        if info.name != "__main__"
    ]
    assert "assessment.scoring" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'streamlit'))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"
