"""Running ``python -m assessment …`` as a user does, and writing the answers file it reads."""

import json
import subprocess
import sys
from pathlib import Path

from tests.paths import ROOT


def run_cli(*args: str | Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "assessment", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


def answers_file(tmp_path: Path, answers: dict, questionnaire: str = "transformation") -> Path:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"questionnaire": questionnaire, "answers": answers}))
    return path
