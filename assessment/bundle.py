"""Everything needed to restore an assessment, as one value: what exports carry and imports read."""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import Field

from assessment.models import Frozen, Language, Questionnaire
from assessment.profile import Profile
from assessment.roadmap import PilotRecord, record_from_payload, record_to_payload
from assessment.store import AssessmentRecord, DocumentKind, Store

BUNDLE_SCHEMA_VERSION = 1


class AssessmentBundle(Frozen):
    schema_version: int = BUNDLE_SCHEMA_VERSION
    questionnaire_id: str
    questionnaire_version: str
    language: Language
    profile: Profile | None = None
    answers: dict[str, int | None] = Field(description="question id → level; null: don't know")
    comments: dict[str, str] = Field(default_factory=dict)
    created_at: datetime | None = None
    exported_at: datetime | None = None
    roadmap: dict | None = Field(default=None, description="the saved roadmap edits, if any")
    workshop: dict | None = Field(default=None, description="the room's figures, if any")
    pilot: PilotRecord | None = Field(
        default=None, description="the pilot's measured KPI values and the committee's decisions"
    )


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
        for kind, document in (
            (DocumentKind.roadmap, bundle.roadmap),
            (DocumentKind.workshop, bundle.workshop),
        ):
            if document is not None:
                store.save_document(record.id, kind, document)
        if bundle.pilot is not None:
            store.save_document(record.id, DocumentKind.pilot, record_to_payload(bundle.pilot))
    except Exception:
        store.delete_assessment(record.id)
        raise
    return token
