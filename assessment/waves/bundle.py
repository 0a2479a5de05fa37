"""An organisation as one value, to export and restore whole: its name, its waves (label, date,
targets) and every assessment of each wave as the assessment's own export carries it (answers,
comments, roadmap edits, the room's figures, the pilot's values and decisions)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Literal

from pydantic import Field, StrictInt, StrictStr

from assessment.bundle import AssessmentBundle, Figure, IsoDate, Key, bundle_of, restore
from assessment.models import Frozen, Questionnaire
from assessment.store import Organisations, Store, member_records

ORGANISATION_SCHEMA_VERSION = 1
MAX_WAVES, MAX_ASSESSMENTS = 100, 50

Name = Annotated[StrictStr, Field(min_length=1, max_length=200)]
WaveLabel = Annotated[StrictStr, Field(min_length=1, max_length=80)]
RoomLabel = Annotated[StrictStr, Field(max_length=80)]


class WaveMember(Frozen):
    room: RoomLabel = ""
    assessment: AssessmentBundle


class WaveEntry(Frozen):
    label: WaveLabel
    held_on: IsoDate | None = None
    targets: dict[Key, Figure] = Field(default_factory=dict)
    assessments: list[WaveMember] = Field(default_factory=list, max_length=MAX_ASSESSMENTS)


class OrganisationBundle(Frozen):
    kind: Literal["organisation"] = "organisation"
    schema_version: StrictInt = ORGANISATION_SCHEMA_VERSION
    name: Name
    exported_at: datetime | None = None
    waves: list[WaveEntry] = Field(default_factory=list, max_length=MAX_WAVES)


def organisation_bundle(store: Store, organisation_id: int) -> OrganisationBundle:
    """Everything stored about an organisation, ready to export."""
    organisations = Organisations(store)
    record = organisations.get(organisation_id)
    waves = []
    for wave in organisations.waves(organisation_id):
        rooms = {m.assessment_id: m.room for m in wave.members}
        waves.append(
            WaveEntry(
                label=wave.label,
                held_on=wave.held_on.isoformat() if wave.held_on else None,
                targets=wave.targets,
                assessments=[
                    WaveMember(room=rooms[member.id], assessment=bundle_of(store, member))
                    for member in member_records(store, wave)
                ],
            )
        )
    return OrganisationBundle(name=record.name, exported_at=datetime.now(UTC), waves=waves)


def restore_organisation(
    store: Store,
    bundle: OrganisationBundle,
    questionnaires: list[list[Questionnaire]],
) -> str:
    """A new organisation from a validated bundle, with a new assessment for each of its own
    (``questionnaires[w][a]`` is the one of wave w's assessment a); its private token. All or
    nothing: if any write fails, what was made is deleted."""
    organisations = Organisations(store)
    token, record = organisations.create(bundle.name)
    made: list[str] = []
    try:
        for wave, chosen in zip(bundle.waves, questionnaires, strict=True):
            held_on = date.fromisoformat(wave.held_on) if wave.held_on else None
            stored = organisations.add_wave(record.id, wave.label, held_on)
            if wave.targets:
                organisations.set_targets(stored.id, dict(wave.targets))
            for member, questionnaire in zip(wave.assessments, chosen, strict=True):
                assessment_token = restore(store, questionnaire, member.assessment)
                made.append(assessment_token)
                organisations.attach(stored.id, store.find(assessment_token).id, member.room)
    except Exception:
        for assessment_token in made:
            store.delete_assessment(store.find(assessment_token).id)
        organisations.delete(record.id)
        raise
    return token
