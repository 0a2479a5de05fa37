"""Everything needed to restore an assessment, as one value: what exports carry and imports read.

Every section is a model with strict types (a boolean is not a level, a number is not a
version), so that an imported file is refused whole before anything is stored, rather than
accepted and breaking later. A new section of the export is one more field and its model.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    Field,
    SerializerFunctionWrapHandler,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    model_serializer,
)

from assessment.models import Frozen, Language, Questionnaire
from assessment.profile import Profile
from assessment.roadmap import PilotRecord, record_from_payload, record_to_payload
from assessment.store import AssessmentRecord, DocumentKind, Store

BUNDLE_SCHEMA_VERSION = 1

Count = Annotated[StrictInt, Field(ge=0)]
Figure = StrictFloat | StrictInt
Key = Annotated[StrictStr, Field(max_length=200)]
Label = Annotated[StrictStr, Field(max_length=2_000)]


def _iso_date(text: str) -> str:
    date.fromisoformat(text)  # ValueError: pydantic reports it, located
    return text


IsoDate = Annotated[StrictStr, AfterValidator(_iso_date)]


class Section(Frozen):
    """A part of the export kept as a JSON document in the store; written back (stored,
    exported) with only the keys it was given, so that a round trip changes nothing."""

    @model_serializer(mode="wrap")
    def _as_given(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        return {k: v for k, v in handler(self).items() if k in self.model_fields_set}

    def document(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


class KpiEdit(Section):
    baseline: Figure | None = None
    target: Figure | None = None
    start: IsoDate | None = None
    end: IsoDate | None = None
    owner: Label | None = None


class RoadmapSection(Section):
    """The roadmap's edits (``edits_to_payload``)."""

    version: StrictInt
    start: IsoDate | None = None
    kpis: dict[Key, KpiEdit] = Field(default_factory=dict)


class Spread(Section):
    participants: Count
    mean: Figure | None = None
    sd: Figure | None = None


class QuestionFigures(Section):
    answered: Count
    dont_know: Count
    distribution: dict[Key, Count] = Field(default_factory=dict)
    mean_score: Figure | None = None
    sd: Figure | None = None
    consensus: Figure | None = None
    modal_share: Figure | None = None
    median_level: StrictInt | None = None


class GroupFigures(Section):
    option: Label
    size: Count | None = None  # hidden below the anonymity threshold
    scores: dict[Key, Figure] = Field(default_factory=dict)


class SegmentFigures(Section):
    segment: Label
    groups: list[GroupFigures]


class WorkshopSection(Section):
    """The room's figures (``summary_document``): counts, dispersion, groups' scores."""

    title: Label = ""
    participants: Count
    contributors: Count
    anonymity_threshold: Annotated[StrictInt, Field(ge=1)]
    consolidation: Label
    joined: Count | None = None
    completed: Count | None = None
    workshop_created_at: Label | None = None
    overall: Spread | None = None
    dimensions: dict[Key, Spread] = Field(default_factory=dict)
    questions: dict[Key, QuestionFigures] = Field(default_factory=dict)
    disagreements: list[Key] = Field(default_factory=list)
    symmetry: dict[Key, Figure | StrictBool | Label | None] | None = None
    segments: list[SegmentFigures] = Field(default_factory=list)


Level = StrictInt


class AssessmentBundle(Frozen):
    schema_version: StrictInt = BUNDLE_SCHEMA_VERSION
    questionnaire_id: Key
    questionnaire_version: Key
    language: Language
    profile: Profile | None = None
    answers: dict[Key, Level | None] = Field(description="question id → level; null: don't know")
    comments: dict[Key, Annotated[StrictStr, Field(max_length=20_000)]] = Field(
        default_factory=dict
    )
    created_at: datetime | None = None
    exported_at: datetime | None = None
    roadmap: RoadmapSection | None = Field(default=None, description="the roadmap's edits")
    workshop: WorkshopSection | None = Field(default=None, description="the room's figures")
    pilot: PilotRecord | None = Field(
        default=None, description="the pilot's measured KPI values and the committee's decisions"
    )

    def documents(self) -> list[tuple[DocumentKind, dict[str, Any]]]:
        """The sections kept as store documents, as stored."""
        sections = [
            (kind, section.document())
            for kind, section in (
                (DocumentKind.roadmap, self.roadmap),
                (DocumentKind.workshop, self.workshop),
            )
            if section is not None
        ]
        if self.pilot is not None:
            sections.append((DocumentKind.pilot, record_to_payload(self.pilot)))
        return sections


def bundle_of(store: Store, record: AssessmentRecord) -> AssessmentBundle:
    """Everything stored about an assessment, ready to export."""
    return AssessmentBundle(
        questionnaire_id=record.questionnaire_id,
        questionnaire_version=record.questionnaire_version,
        language=record.language,
        profile=record.profile,
        answers=store.answers(record.id),
        comments=store.comments(record.id),
        created_at=record.created_at,
        exported_at=datetime.now(UTC),
        roadmap=store.document(record.id, DocumentKind.roadmap),
        workshop=store.document(record.id, DocumentKind.workshop),
        pilot=_pilot(store.document(record.id, DocumentKind.pilot)),
    )


def _pilot(payload: dict | None) -> PilotRecord | None:
    return None if payload is None else record_from_payload(payload)


def restore(store: Store, questionnaire: Questionnaire, bundle: AssessmentBundle) -> str:
    """A new assessment from a validated bundle; its private token. All or nothing: if any
    write fails, the half-made assessment is deleted."""
    if bundle.profile is None:
        raise ValueError("an export without an organisation profile cannot be restored")
    token, record = store.create_assessment(questionnaire, bundle.profile, bundle.language)
    try:
        for question_id, level in bundle.answers.items():
            store.save_answer(record.id, question_id, level)
        for question_id, text in bundle.comments.items():
            store.save_comment(record.id, question_id, text)
        for kind, document in bundle.documents():
            store.save_document(record.id, kind, document)
    except Exception:
        store.delete_assessment(record.id)
        raise
    return token
