"""Published research behind the diagnoses (``benchmarks/evidence/``): reference points shown
beside a warning or the capability × people map, each with its year, population, source and
check status. A YAML file validated like a questionnaire, every problem located."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from pydantic import Field

from assessment import formatting as fmt
from assessment.i18n import TYPOGRAPHY, Message
from assessment.models import (
    LANGUAGES,
    Frozen,
    Identifier,
    Language,
    NonEmpty,
    Questionnaire,
    Text,
)
from assessment.questionnaire.texts import language_problems
from assessment.scoring import declared_diagnoses
from assessment.settings import PROJECT_DIR
from assessment.yaml_document import (
    DocumentError,
    Found,
    describe,
    duplicates,
    entries,
    read_document,
    validate_document,
)

EVIDENCE_DIR = PROJECT_DIR / "benchmarks" / "evidence"
DEFAULT_EVIDENCE = EVIDENCE_DIR / "research.yaml"
PEOPLE_MAP = "people_map"  # what the capability × people map's evidence is about


class EvidenceError(DocumentError):
    """An evidence file that cannot be used; ``problems`` lists everything wrong with it."""


class Evidence(Frozen):
    id: Identifier
    about: Identifier = Field(description="a diagnosis id of the questionnaire, or people_map")
    year: int = Field(ge=1900, le=2100)
    value: float | None = Field(default=None, description="the figure the statement gives")
    unit: NonEmpty | None = None
    statement: Text
    population: Text
    source: NonEmpty
    url: str | None = None
    status: Literal["P", "S"]
    seen_at: NonEmpty | None = None
    note: str | None = None

    @property
    def second_hand(self) -> bool:
        return self.status == "S"


class EvidenceFile(Frozen):
    questionnaire: Identifier
    checked: dt.date
    evidence: list[Evidence] = Field(min_length=1)

    def about(self, subject: str) -> list[Evidence]:
        return [e for e in self.evidence if e.about == subject]


def load_evidence(
    questionnaire: Questionnaire, path: str | Path = DEFAULT_EVIDENCE
) -> EvidenceFile | None:
    """The research behind this questionnaire's diagnoses; None when the file is written for
    another questionnaire (EvidenceError listing every problem of a faulty file)."""
    path = Path(path)
    text = read_document(path, EvidenceError)
    return parse_evidence(text, questionnaire, path.name)


def parse_evidence(
    text: str, questionnaire: Questionnaire, source: str = "<evidence>"
) -> EvidenceFile | None:
    def consistency(data: dict) -> Found:
        if data.get("questionnaire") != questionnaire.id:
            return []
        return _problems(data, questionnaire)

    document = validate_document(
        text,
        source,
        EvidenceFile,
        EvidenceError,
        lambda error: describe(error, "benchmarks/README.md"),
        consistency,
    )
    if document.questionnaire != questionnaire.id:
        return None
    return document.model_copy(update={"evidence": [_typeset(e) for e in document.evidence]})


def _typeset(evidence: Evidence) -> Evidence:
    """Each language's typography on the texts (French no-break spaces), as say() does."""

    def typeset(text: Text) -> Text:
        spaced = {
            lang: TYPOGRAPHY.get(lang, str)(getattr(text, lang)) for lang in Text.model_fields
        }
        return Text(**spaced)

    return evidence.model_copy(
        update={
            "statement": typeset(evidence.statement),
            "population": typeset(evidence.population),
        }
    )


def statement_figure(evidence: Evidence, lang: Language) -> str | None:
    """The figure as the statement should write it (``1,3``, ``7 939``, ``26 %``)."""
    if evidence.value is None:
        return None
    decimals = 0 if float(evidence.value).is_integer() else len(f"{evidence.value}".split(".")[1])
    return fmt.number(evidence.value, lang, decimals=decimals)


def _problems(data: dict, questionnaire: Questionnaire) -> Found:
    items = entries(data, "evidence")
    problems = duplicates([(("evidence", i, "id"), e.get("id")) for i, e in items], "evidence_id")
    problems += language_problems(data, EvidenceFile, required=LANGUAGES)
    known = {d.id for d in declared_diagnoses(questionnaire)} | {PEOPLE_MAP}
    for i, item in items:
        about = item.get("about")
        if isinstance(about, str) and about not in known:
            values = {"about": repr(about), "known": ", ".join(sorted(known))}
            problems.append((("evidence", i, "about"), _said("unknown_about", **values)))
        if item.get("status") == "S" and not item.get("seen_at"):
            problems.append((("evidence", i), _said("no_seen_at")))
        if item.get("value") is not None and not item.get("unit"):
            problems.append((("evidence", i), _said("no_unit")))
    return problems


def _said(reason: str, **values: object) -> Message:
    return Message(f"diagnoses.evidence_{reason}", values)
