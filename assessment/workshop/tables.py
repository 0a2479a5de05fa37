"""The workshop's tables (created beside the store's) and how their rows become records.

- ``workshops``: settings, status (open / closed), pace (free / paced, with the dimension
  open), whether results are revealed; the facilitator's token only as a SHA-256.
- ``workshop_participants``: an anonymous participant (token hash, segment choices).
- ``workshop_answers``: one row per (workshop, participant, question), written by upsert, so a
  double tap, a reload or a replayed message can never count twice.
- ``workshop_options``: what came after the first release, one row per workshop (none for
  an older workshop, which reads as the defaults): the room screen's view-only token (as a
  SHA-256), whether the room screen shows live results, the dispersion threshold.
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from sqlalchemy import Connection, Table

from assessment.store.schema import UTCDateTime, column
from assessment.workshop.records import (
    JOIN_CODE_LENGTH,
    ParticipantRecord,
    RoomCounts,
    UnknownWorkshop,
    WorkshopRecord,
)
from assessment.workshop.segments import Segment

metadata = sa.MetaData()
workshops_table = Table(
    "workshops",
    metadata,
    column("id", sa.Integer, primary_key=True, autoincrement=True),
    column("title", sa.String(200)),
    column("questionnaire_id", sa.String(64)),
    column("questionnaire_version", sa.String(32)),
    column("language", sa.String(2)),
    # Unique over every workshop ever made, so an old code never opens someone else's room.
    column("join_code", sa.String(JOIN_CODE_LENGTH), unique=True),
    column("facilitator_hash", sa.String(64), unique=True),
    column("segments", sa.Text),  # JSON: [{"name": …, "options": […]}]
    # JSON snapshot of the questionnaire's shape: [[dimension id, [question ids]], …] and the
    # scale's levels, so that every write is checked here even if the file changes meanwhile.
    column("structure", sa.Text),
    column("anonymity_threshold", sa.Integer),
    column("status", sa.String(8)),
    column("pace", sa.String(8)),
    column("current_dimension", sa.String(64), nullable=True),
    column("revealed", sa.Boolean),
    column("created_at", UTCDateTime),
    column("updated_at", UTCDateTime),
)
participants_table = Table(
    "workshop_participants",
    metadata,
    column("id", sa.Integer, primary_key=True, autoincrement=True),
    column(
        "workshop_id", sa.Integer, sa.ForeignKey("workshops.id", ondelete="CASCADE"), index=True
    ),
    column("token_hash", sa.String(64), unique=True),
    column("segments", sa.Text),  # JSON: {segment name: option}
    column("joined_at", UTCDateTime),
    column("completed_at", UTCDateTime, nullable=True),
)
workshop_answers_table = Table(
    "workshop_answers",
    metadata,
    column(
        "workshop_id",
        sa.Integer,
        sa.ForeignKey("workshops.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    column(
        "participant_id",
        sa.Integer,
        sa.ForeignKey("workshop_participants.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    column("question_id", sa.String(64), primary_key=True),
    column("level", sa.Integer, nullable=True),  # NULL: don't know
    column("updated_at", UTCDateTime),
)


workshop_options_table = Table(
    "workshop_options",
    metadata,
    column(
        "workshop_id",
        sa.Integer,
        sa.ForeignKey("workshops.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    column("screen_hash", sa.String(64), unique=True, nullable=True),
    column("live_results", sa.Boolean),
    column("dispersion_threshold", sa.Integer, nullable=True),  # NULL: the anonymity threshold
    column("updated_at", UTCDateTime),
)


def read_workshop(
    conn: Connection, *, what: str = "code", lock: bool = False, **where
) -> WorkshopRecord:
    return read_workshop_row(conn, what=what, lock=lock, **where)[0]


def read_workshop_with_structure(conn: Connection, workshop_id: int) -> tuple[WorkshopRecord, dict]:
    record, structure = read_workshop_row(conn, what="link", lock=True, id=workshop_id)
    question_dimension = {
        question_id: dimension_id
        for dimension_id, question_ids in structure["dimensions"]
        for question_id in question_ids
    }
    return record, {**structure, "question_dimension": question_dimension}


def read_workshop_row(
    conn: Connection, *, what: str, lock: bool, **where
) -> tuple[WorkshopRecord, dict]:
    table, options = workshops_table, workshop_options_table
    query = (
        sa.select(table, options.c.live_results, options.c.dispersion_threshold)
        .select_from(table.outerjoin(options))
        .where(*(table.c[name] == value for name, value in where.items()))
    )
    if lock:  # PostgreSQL: a concurrent "close" waits for this write, or this waits for it
        query = query.with_for_update(read=True, of=table)
    row = conn.execute(query).first()
    if row is None:
        raise UnknownWorkshop(what)
    data = row._mapping
    structure = json.loads(data["structure"])
    threshold = data["anonymity_threshold"]
    record = WorkshopRecord(
        id=data["id"],
        title=data["title"],
        questionnaire_id=data["questionnaire_id"],
        questionnaire_version=data["questionnaire_version"],
        language=data["language"],
        join_code=data["join_code"],
        segments=[Segment(**s) for s in json.loads(data["segments"])],
        threshold=threshold,
        dispersion_threshold=data["dispersion_threshold"] or threshold,
        live_results=bool(data["live_results"]),
        status=data["status"],
        pace=data["pace"],
        current_dimension=data["current_dimension"],
        revealed=data["revealed"],
        dimensions=[dimension_id for dimension_id, _ in structure["dimensions"]],
        question_count=sum(len(ids) for _, ids in structure["dimensions"]),
        created_at=data["created_at"],
        updated_at=data["updated_at"],
    )
    return record, structure


def participant_record(row) -> ParticipantRecord:
    data = row._mapping
    return ParticipantRecord(
        id=data["id"],
        workshop_id=data["workshop_id"],
        segments=json.loads(data["segments"]),
        joined_at=data["joined_at"],
        completed_at=data["completed_at"],
    )


def room_counts(conn: Connection, workshop_id: int) -> RoomCounts:
    people, answers = participants_table, workshop_answers_table
    joined, completed = conn.execute(
        sa.select(sa.func.count(), sa.func.count(people.c.completed_at)).where(
            people.c.workshop_id == workshop_id
        )
    ).one()
    responded, given = conn.execute(
        sa.select(sa.func.count(sa.distinct(answers.c.participant_id)), sa.func.count()).where(
            answers.c.workshop_id == workshop_id
        )
    ).one()
    return RoomCounts(joined=joined, responded=responded, completed=completed, answers=given)
