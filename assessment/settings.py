"""Every setting the product reads from the environment, in one place (see README, "Settings").

Read afresh whenever the environment changed, so that a test (or an operator restarting with a
new value) never meets a stale copy: :func:`settings` keeps the last one read with the values it
was read from, and compares them (a few microseconds, where validating anew took a millisecond
on every page run).
"""

from __future__ import annotations

import re
from os import environ
from pathlib import Path

from pydantic import field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = PROJECT_DIR / "data"
DEFAULT_MIN_PEERS = 5
DEFAULT_QUESTIONNAIRE_FILE = "transformation.yaml"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(frozen=True, extra="ignore")

    database_url: str = ""
    """Where assessments are kept (SQLAlchemy URL); empty: the SQLite file in ``data_dir``."""
    data_dir: Path = DEFAULT_DATA_DIR
    """Folder of the default SQLite file."""
    benchmark_min_peers: int = DEFAULT_MIN_PEERS
    """Smallest peer group shown as a distribution."""
    consultant_key: str = ""
    """When set, required for importing, deleting and exporting the benchmark pool."""
    public_url: str = ""
    """The address phones use to join a workshop, when it differs from the facilitator's."""
    default_questionnaire: str = DEFAULT_QUESTIONNAIRE_FILE
    """The file in ``questionnaires/`` offered first; empty: a choice is required when there
    are several. Adding a file never changes it."""
    report_firm: str = ""
    """The consultant's firm, in the footer of every page of the PDF report and the deck."""
    report_logo: str = ""
    """A PNG or JPEG file of the firm's logo, shown in that footer instead of the name."""
    report_confidentiality: str = ""
    """The confidentiality line printed at the foot of every page and slide."""
    own_questionnaires: str = ""
    """A folder of the consultant's own questionnaires, listed beside the shipped ones."""

    @field_validator("benchmark_min_peers", mode="before")
    @classmethod
    def _whole_number_or_default(cls, value: object) -> int:
        try:
            number = int(str(value).strip())
        except ValueError:
            return DEFAULT_MIN_PEERS
        return number if number >= 1 else DEFAULT_MIN_PEERS

    @field_validator(
        "database_url",
        "consultant_key",
        "public_url",
        "report_firm",
        "report_logo",
        "report_confidentiality",
        mode="after",
    )
    @classmethod
    def _stripped(cls, value: str) -> str:
        return value.strip()

    @field_validator("default_questionnaire", mode="after")
    @classmethod
    def _file_name_only(cls, value: str) -> str:
        """A name inside ``questionnaires/``, never a path elsewhere."""
        value = value.strip()
        return value if value == Path(value).name and value not in (".", "..") else ""

    @field_validator("data_dir", mode="before")
    @classmethod
    def _default_when_empty(cls, value: object) -> object:
        return value if str(value or "").strip() else DEFAULT_DATA_DIR

    def database(self) -> str:
        """DATABASE_URL (``postgres://`` and ``postgresql://`` are read as psycopg 3), else
        sqlite:///<data_dir>/assessments.db, creating the folder."""
        if self.database_url:
            return re.sub(r"^postgres(ql)?://", "postgresql+psycopg://", self.database_url)
        folder = self.data_dir.expanduser().resolve()
        folder.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{folder / 'assessments.db'}"


_last: tuple[dict, Settings] | None = None


def settings() -> Settings:
    global _last
    environment = _environment()
    if _last is None or _last[0] != environment:
        _last = (environment, Settings())
    return _last[1]


def _environment() -> dict:
    """The whole environment, copied as the os module holds it (bytes, no decoding): a
    change to any variable reads the settings again."""
    held = getattr(environ, "_data", None)
    return dict(held) if isinstance(held, dict) else dict(environ)
