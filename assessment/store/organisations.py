"""Organisations and their waves in the store: an organisation is opened by a private link of
its own (the resume links' token rules: 192 random bits, only the SHA-256 kept); it groups its
assessments into dated, labelled waves, each with the targets set for the next one."""

from __future__ import annotations

import json
import math
import secrets
from datetime import date, datetime

import sqlalchemy as sa
from pydantic import Field

from assessment.models import Frozen
from assessment.store.assessments import AssessmentRecord, Store
from assessment.store.assessments import _record as assessment_record
from assessment.store.engine import TOKEN_BYTES, TOKEN_SHAPE, hash_token
from assessment.store.errors import StoreError, UnknownLink
from assessment.store.schema import (
    assessments_table,
    organisation_members_table,
    organisation_waves_table,
    organisations_table,
    utc_now,
)

MAX_NAME, MAX_LABEL = 200, 80


class AlreadyInOrganisation(StoreError):
    """The assessment already belongs to a wave of another organisation."""


class MemberRecord(Frozen):
    assessment_id: int
    room: str
    attached_at: datetime


class WaveRecord(Frozen):
    id: int
    organisation_id: int
    label: str
    held_on: date | None
    targets: dict[str, float] = Field(default_factory=dict)
    members: list[MemberRecord] = Field(default_factory=list)


class OrganisationRecord(Frozen):
    id: int
    name: str
    created_at: datetime
    updated_at: datetime


class OrganisationSummary(Frozen):
    """A line of the consultant's list of organisations."""

    organisation: OrganisationRecord
    waves: int
    assessments: int
    latest: date | None


def clean_text(text: str, most: int) -> str:
    text = (text or "").strip() if isinstance(text, str) else None
    if not text or len(text) > most:
        raise ValueError(f"a name or label of 1 to {most} characters is needed")
    return text


def clean_targets(targets: dict) -> dict[str, float]:
    cleaned = {}
    for key, value in (targets or {}).items():
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            raise ValueError(f"a target is a score from 0 to 100, not {value!r}")
        if not 0 <= value <= 100 or not isinstance(key, str) or not 0 < len(key) <= 64:
            raise ValueError(f"a target is a score from 0 to 100, not {value!r}")
        cleaned[key] = float(value)
    return cleaned


class Organisations:
    """The organisations of a :class:`Store`'s database; a connection per call."""

    def __init__(self, store: Store):
        self.store = store

    def create(self, name: str) -> tuple[str, OrganisationRecord]:
        """A new organisation and its private token (returned once, stored only as a hash)."""
        name = clean_text(name, MAX_NAME)
        token, now = secrets.token_urlsafe(TOKEN_BYTES), utc_now()
        values = dict(token_hash=hash_token(token), name=name, created_at=now, updated_at=now)
        with self.store._write() as conn:
            inserted = conn.execute(organisations_table.insert().values(**values))
            return token, _organisation(conn, inserted.inserted_primary_key[0])

    def find(self, token: str) -> OrganisationRecord:
        """The organisation a private link opens; UnknownLink otherwise."""
        if not isinstance(token, str) or not TOKEN_SHAPE.fullmatch(token):
            raise UnknownLink()
        table = organisations_table
        with self.store.engine.connect() as conn:
            found = conn.scalar(
                sa.select(table.c.id).where(table.c.token_hash == hash_token(token))
            )
        if found is None:
            raise UnknownLink()
        return self.get(found)

    def get(self, organisation_id: int) -> OrganisationRecord:
        with self.store.engine.connect() as conn:
            return _organisation(conn, organisation_id)

    def touch(self, organisation_id: int) -> OrganisationRecord:
        """Stamp the organisation and its assessments as used: opening an organisation keeps
        its assessments from being erased as untouched (a baseline is read again a year on)."""
        now = utc_now()
        members = self.assessment_ids(organisation_id)
        with self.store._write() as conn:
            table = organisations_table
            conn.execute(
                sa.update(table).where(table.c.id == organisation_id).values(updated_at=now)
            )
            if members:
                conn.execute(
                    sa.update(assessments_table)
                    .where(assessments_table.c.id.in_(members))
                    .values(updated_at=now)
                )
            return _organisation(conn, organisation_id)

    def all(self) -> list[OrganisationSummary]:
        """Every organisation, the latest wave first (the consultant's list)."""
        orgs, waves, members = (
            organisations_table,
            organisation_waves_table,
            organisation_members_table,
        )
        with self.store.engine.connect() as conn:
            rows = conn.execute(sa.select(orgs)).all()
            wave_rows = conn.execute(
                sa.select(waves.c.id, waves.c.organisation_id, waves.c.held_on)
            ).all()
            counts = dict(
                conn.execute(
                    sa.select(members.c.wave_id, sa.func.count()).group_by(members.c.wave_id)
                ).all()
            )
        summaries = []
        for row in rows:
            mine = [w for w in wave_rows if w.organisation_id == row.id]
            dates = [w.held_on for w in mine if w.held_on is not None]
            summaries.append(
                OrganisationSummary(
                    organisation=_record(row),
                    waves=len(mine),
                    assessments=sum(counts.get(w.id, 0) for w in mine),
                    latest=max(dates) if dates else None,
                )
            )
        summaries.sort(
            key=lambda s: (s.latest or date.min, s.organisation.updated_at), reverse=True
        )
        return summaries

    def renew_link(self, organisation_id: int) -> str:
        """A new private link (the consultant's, when a client lost theirs): the old one stops."""
        token = secrets.token_urlsafe(TOKEN_BYTES)
        with self.store._write() as conn:
            table = organisations_table
            changed = conn.execute(
                sa.update(table)
                .where(table.c.id == organisation_id)
                .values(token_hash=hash_token(token), updated_at=utc_now())
            )
            if changed.rowcount != 1:
                raise UnknownLink()
        return token

    def rename(self, organisation_id: int, name: str) -> OrganisationRecord:
        name = clean_text(name, MAX_NAME)
        with self.store._write() as conn:
            table = organisations_table
            conn.execute(
                sa.update(table)
                .where(table.c.id == organisation_id)
                .values(name=name, updated_at=utc_now())
            )
            return _organisation(conn, organisation_id)

    def delete(self, organisation_id: int) -> None:
        """Erase the organisation and its waves; its assessments stay, each with its own link."""
        waves = organisation_waves_table
        with self.store._write() as conn:
            ids = conn.scalars(
                sa.select(waves.c.id).where(waves.c.organisation_id == organisation_id)
            ).all()
            if ids:
                members = organisation_members_table
                conn.execute(sa.delete(members).where(members.c.wave_id.in_(ids)))
            conn.execute(sa.delete(waves).where(waves.c.organisation_id == organisation_id))
            orgs = organisations_table
            conn.execute(sa.delete(orgs).where(orgs.c.id == organisation_id))

    # --- waves ---------------------------------------------------------------------------

    def add_wave(self, organisation_id: int, label: str, held_on: date | None) -> WaveRecord:
        label = clean_text(label, MAX_LABEL)
        now = utc_now()
        with self.store._write() as conn:
            _organisation(conn, organisation_id)
            inserted = conn.execute(
                organisation_waves_table.insert().values(
                    organisation_id=organisation_id,
                    label=label,
                    held_on=held_on,
                    targets="{}",
                    created_at=now,
                    updated_at=now,
                )
            )
            self._touch(conn, organisation_id, now)
            wave_id = inserted.inserted_primary_key[0]
        return self.wave(wave_id)

    def update_wave(self, wave_id: int, label: str, held_on: date | None) -> WaveRecord:
        label = clean_text(label, MAX_LABEL)
        return self._update_wave(wave_id, label=label, held_on=held_on)

    def set_targets(self, wave_id: int, targets: dict[str, float]) -> WaveRecord:
        """The scores aimed at for the next wave, per dimension (replacing the earlier ones)."""
        text = json.dumps(clean_targets(targets), sort_keys=True)
        return self._update_wave(wave_id, targets=text)

    def delete_wave(self, wave_id: int) -> None:
        """Remove a wave; its assessments stay, out of the organisation."""
        with self.store._write() as conn:
            members, waves = organisation_members_table, organisation_waves_table
            conn.execute(sa.delete(members).where(members.c.wave_id == wave_id))
            conn.execute(sa.delete(waves).where(waves.c.id == wave_id))

    def _update_wave(self, wave_id: int, **values) -> WaveRecord:
        now = utc_now()
        with self.store._write() as conn:
            table = organisation_waves_table
            organisation_id = conn.scalar(
                sa.select(table.c.organisation_id).where(table.c.id == wave_id)
            )
            if organisation_id is None:
                raise UnknownLink()
            conn.execute(
                sa.update(table).where(table.c.id == wave_id).values(updated_at=now, **values)
            )
            self._touch(conn, organisation_id, now)
        return self.wave(wave_id)

    def wave(self, wave_id: int) -> WaveRecord:
        with self.store.engine.connect() as conn:
            row = conn.execute(
                sa.select(organisation_waves_table).where(organisation_waves_table.c.id == wave_id)
            ).first()
            if row is None:
                raise UnknownLink()
            return _waves(conn, [row])[0]

    def waves(self, organisation_id: int) -> list[WaveRecord]:
        """The organisation's waves, oldest first (by date, then as they were made)."""
        table = organisation_waves_table
        with self.store.engine.connect() as conn:
            rows = conn.execute(
                sa.select(table).where(table.c.organisation_id == organisation_id)
            ).all()
            waves = _waves(conn, rows)
        return sorted(waves, key=lambda w: (w.held_on or date.max, w.id))

    def assessment_ids(self, organisation_id: int) -> list[int]:
        members, waves = organisation_members_table, organisation_waves_table
        query = (
            sa.select(members.c.assessment_id)
            .join(waves, waves.c.id == members.c.wave_id)
            .where(waves.c.organisation_id == organisation_id)
        )
        with self.store.engine.connect() as conn:
            return list(conn.scalars(query).all())

    # --- assessments in waves --------------------------------------------------------------

    def attach(self, wave_id: int, assessment_id: int, room: str = "") -> WaveRecord:
        """Put an assessment into a wave (moving it from another wave of the same
        organisation); AlreadyInOrganisation when another organisation holds it."""
        room = (room or "").strip()
        if len(room) > MAX_LABEL:
            raise ValueError(f"a room's name has at most {MAX_LABEL} characters")
        members, waves = organisation_members_table, organisation_waves_table
        now = utc_now()
        with self.store._write() as conn:
            organisation_id = conn.scalar(
                sa.select(waves.c.organisation_id).where(waves.c.id == wave_id)
            )
            if organisation_id is None:
                raise UnknownLink()
            if (
                conn.scalar(
                    sa.select(assessments_table.c.id).where(assessments_table.c.id == assessment_id)
                )
                is None
            ):
                raise UnknownLink()
            current = conn.scalar(
                sa.select(waves.c.organisation_id)
                .join(members, members.c.wave_id == waves.c.id)
                .where(members.c.assessment_id == assessment_id)
            )
            if current is not None and current != organisation_id:
                raise AlreadyInOrganisation()
            conn.execute(sa.delete(members).where(members.c.assessment_id == assessment_id))
            conn.execute(
                members.insert().values(
                    assessment_id=assessment_id, wave_id=wave_id, room=room, attached_at=now
                )
            )
            self._touch(conn, organisation_id, now)
        return self.wave(wave_id)

    def detach(self, assessment_id: int) -> None:
        """Take an assessment out of its wave (it stays, with its own link)."""
        members = organisation_members_table
        with self.store._write() as conn:
            conn.execute(sa.delete(members).where(members.c.assessment_id == assessment_id))

    def organisation_of(self, assessment_id: int) -> tuple[OrganisationRecord, WaveRecord] | None:
        """The organisation and wave an assessment belongs to, if any."""
        members = organisation_members_table
        with self.store.engine.connect() as conn:
            wave_id = conn.scalar(
                sa.select(members.c.wave_id).where(members.c.assessment_id == assessment_id)
            )
        if wave_id is None:
            return None
        wave = self.wave(wave_id)
        return self.get(wave.organisation_id), wave

    def _touch(self, conn, organisation_id: int, now: datetime) -> None:
        table = organisations_table
        conn.execute(sa.update(table).where(table.c.id == organisation_id).values(updated_at=now))


def _record(row) -> OrganisationRecord:
    data = row._mapping
    return OrganisationRecord(
        id=data["id"],
        name=data["name"],
        created_at=data["created_at"],
        updated_at=data["updated_at"],
    )


def _organisation(conn, organisation_id: int) -> OrganisationRecord:
    table = organisations_table
    row = conn.execute(sa.select(table).where(table.c.id == organisation_id)).first()
    if row is None:
        raise UnknownLink()
    return _record(row)


def _waves(conn, rows) -> list[WaveRecord]:
    members = organisation_members_table
    ids = [row.id for row in rows]
    found: dict[int, list[MemberRecord]] = {wave_id: [] for wave_id in ids}
    if ids:
        query = (
            sa.select(members)
            .where(members.c.wave_id.in_(ids))
            .order_by(members.c.attached_at, members.c.assessment_id)
        )
        for member in conn.execute(query):
            found[member.wave_id].append(
                MemberRecord(
                    assessment_id=member.assessment_id,
                    room=member.room,
                    attached_at=member.attached_at,
                )
            )
    return [
        WaveRecord(
            id=row.id,
            organisation_id=row.organisation_id,
            label=row.label,
            held_on=row.held_on,
            targets=json.loads(row.targets or "{}"),
            members=found[row.id],
        )
        for row in rows
    ]


def member_records(store: Store, wave: WaveRecord) -> list[AssessmentRecord]:
    """The assessments of a wave, as stored, in the order they were attached."""
    ids = [m.assessment_id for m in wave.members]
    if not ids:
        return []
    table = assessments_table
    with store.engine.connect() as conn:
        rows = {row.id: row for row in conn.execute(sa.select(table).where(table.c.id.in_(ids)))}
    return [assessment_record(rows[i]) for i in ids if i in rows]
