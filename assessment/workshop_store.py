"""Live workshops in the database: the room's answers are saved the moment they are given.

The database is the truth; a browser session only holds a token. Three tables of their own
(created next to the store's), written through the store's engine and its helpers:

- ``workshops``: settings, status (open / closed), pace (free / paced, with the dimension
  open), whether results are revealed; the facilitator's token only as a SHA-256.
- ``workshop_participants``: an anonymous participant (token hash, segment choices).
- ``workshop_answers``: one row per (workshop, participant, question), written by upsert, so a
  double tap, a reload or a replayed message can never count twice.

Every answer is its own short write transaction (``BEGIN IMMEDIATE`` on SQLite) that first
reads the workshop's status and pace *inside* that transaction: once "close" has committed, no
answer gets in. A closed workshop, a dimension not open yet, an unknown question or a level off
the scale are refused here, whatever page (or script) tries.
"""

from __future__ import annotations

import contextlib
import json
import secrets
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from typing import Literal

import sqlalchemy as sa
from pydantic import Field
from sqlalchemy import Connection, Table

from assessment import workshop
from assessment.models import Frozen, Language, Questionnaire
from assessment.profile import Profile
from assessment.store import DocumentKind, Store, StoreError, answers_table, documents_table
from assessment.store.engine import TOKEN_BYTES, TOKEN_SHAPE, check_language, hash_token, upsert
from assessment.store.schema import UTCDateTime, column, utc_now
from assessment.workshop import Participant, RoomAggregate, Segment

# No 0/O, 1/I/L, U: nothing to confuse when read off a projector or typed on a phone.
JOIN_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"
JOIN_CODE_LENGTH = 6  # 30⁶ ≈ 729 million codes
MAX_SEGMENTS = 3
WRITE_ATTEMPTS = 3  # BEGIN tries when another process holds the database (SQLite)

Status = Literal["open", "closed"]
Pace = Literal["free", "paced"]

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


class WorkshopError(StoreError):
    """Anything a workshop refuses; the message says why, in plain words."""


class UnknownWorkshop(WorkshopError):
    def __init__(self, what: str = "code") -> None:
        self.what = what
        super().__init__(f"This {what} does not match any workshop.")


class WorkshopClosed(WorkshopError):
    def __init__(self) -> None:
        super().__init__("This workshop is closed: answers are no longer accepted.")


class DimensionNotOpen(WorkshopError):
    def __init__(self, dimension_id: str) -> None:
        self.dimension_id = dimension_id
        super().__init__(f"The part {dimension_id!r} is not open for answers yet.")


class InvalidAnswer(WorkshopError):
    """A question that is not in the workshop's questionnaire, or a level off its scale."""


class InvalidChoice(WorkshopError):
    """Segment choices that do not match the workshop's segments."""


class WorkshopRecord(Frozen):
    """A workshop as stored, without its facilitator token."""

    id: int
    title: str
    questionnaire_id: str
    questionnaire_version: str
    language: Language
    join_code: str
    segments: list[Segment]
    threshold: int
    status: Status
    pace: Pace
    current_dimension: str | None
    revealed: bool
    dimensions: list[str] = Field(description="dimension ids, in order")
    question_count: int
    created_at: datetime
    updated_at: datetime

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    def open_dimensions(self) -> list[str]:
        """The dimensions a participant may answer now."""
        if not self.is_open:
            return []
        if self.pace == "paced":
            return [self.current_dimension] if self.current_dimension else []
        return list(self.dimensions)


class ParticipantRecord(Frozen):
    id: int
    workshop_id: int
    segments: dict[str, str]
    joined_at: datetime
    completed_at: datetime | None


class RoomCounts(Frozen):
    joined: int
    responded: int = Field(description="participants with at least one answer")
    completed: int = Field(description="participants who answered every question")
    answers: int


class Snapshot(Frozen):
    """What the live dashboard needs, read in one transaction (a consistent picture)."""

    workshop: WorkshopRecord
    counts: RoomCounts
    participants: list[Participant]


def format_code(code: str) -> str:
    """ABCDEF → ABC-DEF: easier to read aloud and to type."""
    return f"{code[:3]}-{code[3:]}"


def normalise_code(typed: str) -> str:
    """What a participant typed → a code: case, spaces and dashes do not matter."""
    return "".join(ch for ch in (typed or "").upper() if ch.isalnum())


class WorkshopStore:
    """Workshops on a :class:`Store`'s database; a connection per call, safe across threads."""

    def __init__(self, store: Store):
        self.store = store
        sqlite = store.engine.dialect.name == "sqlite"
        # SQLite has one writer at a time anyway: waiting our turn on a lock is fair and
        # prompt, where SQLite's busy handler sleeps and may starve a writer past its timeout
        # when a whole room answers at once. PostgreSQL needs no such thing.
        self._writer = threading.Lock() if sqlite else contextlib.nullcontext()
        with self._write() as conn:
            metadata.create_all(conn)

    @contextlib.contextmanager
    def _write(self) -> Iterator[Connection]:
        """One write transaction (BEGIN IMMEDIATE on SQLite), committed on success. When
        another process holds the database beyond the busy timeout, BEGIN is tried again:
        nothing has been written at that point, so trying again is safe."""
        with self._writer:
            for attempt in range(1, WRITE_ATTEMPTS + 1):
                conn = self.store.engine.connect()
                try:
                    conn.execution_options(write=True)
                    transaction = conn.begin()
                    break
                except sa.exc.OperationalError as error:
                    conn.close()
                    if "locked" not in str(error) or attempt == WRITE_ATTEMPTS:
                        raise
                    time.sleep(0.05 * attempt)
            with conn, transaction:
                yield conn

    # --- the facilitator -------------------------------------------------------------------

    def create(
        self,
        questionnaire: Questionnaire,
        title: str,
        language: Language,
        segments: list[Segment] | None = None,
        threshold: int = workshop.DEFAULT_THRESHOLD,
        pace: Pace = "free",
    ) -> tuple[str, WorkshopRecord]:
        """A new open workshop and its facilitator token (returned once, stored as a hash)."""
        check_language(language)
        workshop._check_threshold(threshold)
        title = (title or "").strip()
        if not 0 < len(title) <= 200:
            raise ValueError("a workshop needs a title of 1 to 200 characters")
        segments = list(segments or [])
        if len(segments) > MAX_SEGMENTS:
            raise ValueError(f"at most {MAX_SEGMENTS} segments")
        if len({s.name.casefold() for s in segments}) != len(segments):
            raise ValueError("each segment needs its own name")
        _check_pace(pace)
        dimensions = questionnaire.ordered_dimensions()
        structure = {
            "dimensions": [[d.id, [q.id for q in d.ordered_questions()]] for d in dimensions],
            "levels": questionnaire.scale.values,
        }
        token, now = secrets.token_urlsafe(TOKEN_BYTES), utc_now()
        values = dict(
            title=title,
            questionnaire_id=questionnaire.id,
            questionnaire_version=questionnaire.version,
            language=language,
            facilitator_hash=hash_token(token),
            segments=json.dumps([s.model_dump() for s in segments], ensure_ascii=False),
            structure=json.dumps(structure),
            anonymity_threshold=threshold,
            status="open",
            pace=pace,
            current_dimension=dimensions[0].id if pace == "paced" else None,
            revealed=False,
            created_at=now,
            updated_at=now,
        )
        for _ in range(20):  # a clash of join codes is rare; draw again
            code = "".join(secrets.choice(JOIN_ALPHABET) for _ in range(JOIN_CODE_LENGTH))
            try:
                with self._write() as conn:
                    inserted = conn.execute(
                        workshops_table.insert().values(join_code=code, **values)
                    )
                    return token, _workshop(conn, id=inserted.inserted_primary_key[0])
            except sa.exc.IntegrityError:
                continue
        raise StoreError("could not draw a free join code")

    def by_facilitator(self, token: str) -> WorkshopRecord:
        """The workshop a facilitator link opens; UnknownWorkshop otherwise."""
        if not isinstance(token, str) or not TOKEN_SHAPE.fullmatch(token):
            raise UnknownWorkshop("link")
        with self.store.engine.connect() as conn:
            return _workshop(conn, what="link", facilitator_hash=hash_token(token))

    def set_open(self, token: str, is_open: bool) -> WorkshopRecord:
        """Open or close answering (joining too)."""
        return self._control(token, status="open" if is_open else "closed")

    def set_pace(self, token: str, pace: Pace, dimension: str | None = None) -> WorkshopRecord:
        """Free: every part open. Paced: only ``dimension`` (by default the current one, or the
        first) is open, and the facilitator moves the room on."""
        _check_pace(pace)
        record = self.by_facilitator(token)
        if pace == "free":
            return self._control(token, pace="free")
        dimension = dimension or record.current_dimension or record.dimensions[0]
        if dimension not in record.dimensions:
            raise ValueError(f"no part {dimension!r} in this workshop")
        return self._control(token, pace="paced", current_dimension=dimension)

    def advance(self, token: str) -> WorkshopRecord:
        """Paced: open the next part (the last one stays open)."""
        record = self.by_facilitator(token)
        current = record.current_dimension or record.dimensions[0]
        position = record.dimensions.index(current)
        following = record.dimensions[min(position + 1, len(record.dimensions) - 1)]
        return self.set_pace(token, "paced", following)

    def reveal(self, token: str, revealed: bool = True) -> WorkshopRecord:
        """Let participants see the room's result (never anyone's answers)."""
        return self._control(token, revealed=bool(revealed))

    def delete(self, token: str) -> None:
        """Erase the workshop with its participants and answers."""
        record = self.by_facilitator(token)
        with self._write() as conn:
            for table in (workshop_answers_table, participants_table):
                conn.execute(sa.delete(table).where(table.c.workshop_id == record.id))
            conn.execute(sa.delete(workshops_table).where(workshops_table.c.id == record.id))

    def _control(self, token: str, **values) -> WorkshopRecord:
        if not isinstance(token, str) or not TOKEN_SHAPE.fullmatch(token):
            raise UnknownWorkshop("link")
        table = workshops_table
        with self._write() as conn:
            changed = conn.execute(
                sa.update(table)
                .where(table.c.facilitator_hash == hash_token(token))
                .values(updated_at=utc_now(), **values)
            )
            if changed.rowcount != 1:
                raise UnknownWorkshop("link")
            return _workshop(conn, facilitator_hash=hash_token(token))

    # --- participants ----------------------------------------------------------------------

    def by_code(self, code: str) -> WorkshopRecord:
        """The workshop a join code names (open or closed); UnknownWorkshop otherwise."""
        code = normalise_code(code)
        if len(code) != JOIN_CODE_LENGTH:
            raise UnknownWorkshop("code")
        with self.store.engine.connect() as conn:
            return _workshop(conn, what="code", join_code=code)

    def join(self, code: str, segments: dict[str, str] | None = None) -> tuple[str, WorkshopRecord]:
        """A new anonymous participant of an open workshop; their token (returned once)."""
        record = self.by_code(code)
        choices = _check_choices(record, segments or {})
        token = secrets.token_urlsafe(TOKEN_BYTES)
        with self._write() as conn:
            current = _workshop(conn, id=record.id, lock=True)  # closed in the meantime?
            if not current.is_open:
                raise WorkshopClosed()
            conn.execute(
                participants_table.insert().values(
                    workshop_id=record.id,
                    token_hash=hash_token(token),
                    segments=json.dumps(choices, ensure_ascii=False),
                    joined_at=utc_now(),
                    completed_at=None,
                )
            )
        return token, current

    def participant(self, token: str) -> tuple[ParticipantRecord, WorkshopRecord]:
        """The participant a link names, with their workshop; UnknownWorkshop otherwise."""
        if not isinstance(token, str) or not TOKEN_SHAPE.fullmatch(token):
            raise UnknownWorkshop("link")
        table = participants_table
        with self.store.engine.connect() as conn:
            row = conn.execute(
                sa.select(table).where(table.c.token_hash == hash_token(token))
            ).first()
            if row is None:
                raise UnknownWorkshop("link")
            return _participant(row), _workshop(conn, id=row.workshop_id)

    def answers_of(self, token: str) -> dict[str, int | None]:
        """A participant's own answers (question id → level, None: don't know)."""
        participant, _ = self.participant(token)
        table = workshop_answers_table
        query = sa.select(table.c.question_id, table.c.level).where(
            table.c.participant_id == participant.id
        )
        with self.store.engine.connect() as conn:
            return dict(conn.execute(query).all())

    def save_answer(self, token: str, question_id: str, level: int | None) -> bool:
        """Record a participant's answer (None: don't know); saving again replaces it.
        Refused when the workshop is closed or the question's part is not open. Whether the
        participant has now answered every question."""
        if level is not None and (isinstance(level, bool) or not isinstance(level, int)):
            raise InvalidAnswer(f"a level is a whole number or None, not {level!r}")
        if not isinstance(token, str) or not TOKEN_SHAPE.fullmatch(token):
            raise UnknownWorkshop("link")
        people, answers = participants_table, workshop_answers_table
        with self._write() as conn:
            row = conn.execute(
                sa.select(people.c.id, people.c.workshop_id, people.c.completed_at).where(
                    people.c.token_hash == hash_token(token)
                )
            ).first()
            if row is None:
                raise UnknownWorkshop("link")
            record, structure = _workshop_with_structure(conn, row.workshop_id)
            dimension = structure["question_dimension"].get(question_id)
            if dimension is None:
                raise InvalidAnswer(f"{question_id!r} is not a question of this workshop")
            if level is not None and level not in structure["levels"]:
                raise InvalidAnswer(f"{level} is not a level of this workshop's scale")
            if not record.is_open:
                raise WorkshopClosed()
            if dimension not in record.open_dimensions():
                raise DimensionNotOpen(dimension)
            now = utc_now()
            keys = dict(workshop_id=row.workshop_id, participant_id=row.id, question_id=question_id)
            upsert(conn, answers, keys, {"level": level, "updated_at": now})
            given = conn.scalar(
                sa.select(sa.func.count()).where(answers.c.participant_id == row.id)
            )
            complete = given >= record.question_count
            if complete and row.completed_at is None:
                conn.execute(
                    sa.update(people).where(people.c.id == row.id).values(completed_at=now)
                )
            return complete

    # --- the room --------------------------------------------------------------------------

    def workshop(self, workshop_id: int) -> WorkshopRecord:
        with self.store.engine.connect() as conn:
            return _workshop(conn, id=workshop_id)

    def counts(self, workshop_id: int) -> RoomCounts:
        with self.store.engine.connect() as conn:
            return _counts(conn, workshop_id)

    def snapshot(self, workshop_id: int) -> Snapshot:
        """The workshop, its counts and every participant's answers, in one read transaction."""
        people, answers = participants_table, workshop_answers_table
        with self.store.engine.connect() as conn:
            if conn.dialect.name == "postgresql":  # SQLite's read transaction is a snapshot
                conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                record = _workshop(conn, id=workshop_id)
                counts = _counts(conn, workshop_id)
                rows = conn.execute(
                    sa.select(people.c.id, people.c.segments).where(
                        people.c.workshop_id == workshop_id
                    )
                ).all()
                given: dict[int, dict[str, int | None]] = {pid: {} for pid, _ in rows}
                query = sa.select(answers.c.participant_id, answers.c.question_id, answers.c.level)
                for pid, question_id, level in conn.execute(
                    query.where(answers.c.workshop_id == workshop_id)
                ):
                    given.setdefault(pid, {})[question_id] = level
        participants = [
            Participant(id=pid, segments=json.loads(segments), answers=given[pid])
            for pid, segments in rows
        ]
        return Snapshot(workshop=record, counts=counts, participants=participants)

    def aggregate(self, workshop_id: int, questionnaire: Questionnaire) -> RoomAggregate:
        snapshot = self.snapshot(workshop_id)
        record = snapshot.workshop
        _check_questionnaire(record, questionnaire)
        return workshop.aggregate(
            questionnaire, snapshot.participants, record.segments, record.threshold
        )

    def to_assessment(
        self, token: str, questionnaire: Questionnaire, profile: Profile, language: Language
    ) -> str:
        """A new assessment holding the room's consolidated answers (the median level per
        question) and, as its "workshop" document, the room's counts and dispersion; its
        private token. All or nothing. Refused below the anonymity threshold."""
        record = self.by_facilitator(token)
        _check_questionnaire(record, questionnaire)
        snapshot = self.snapshot(record.id)
        room = workshop.aggregate(
            questionnaire, snapshot.participants, record.segments, record.threshold
        )
        if not room.visible:
            raise WorkshopError(
                f"Fewer than {record.threshold} participants have answered: "
                "the room's result stays hidden."
            )
        consolidated = workshop.consolidated_answers(
            questionnaire, snapshot.participants, record.threshold
        )
        summary = workshop.summary_document(
            room,
            title=record.title,
            joined=snapshot.counts.joined,
            completed=snapshot.counts.completed,
            workshop_created_at=record.created_at.isoformat(),
        )
        assessment_token, assessment = self.store.create_assessment(
            questionnaire, profile, language
        )
        try:
            with self._write() as conn:
                now = utc_now()
                if consolidated:
                    conn.execute(
                        answers_table.insert(),
                        [
                            dict(
                                assessment_id=assessment.id,
                                question_id=question_id,
                                level=level,
                                updated_at=now,
                            )
                            for question_id, level in consolidated.items()
                        ],
                    )
                keys = {"assessment_id": assessment.id, "kind": DocumentKind.workshop}
                text = json.dumps(summary, ensure_ascii=False, sort_keys=True)
                upsert(conn, documents_table, keys, {"payload": text, "updated_at": now})
        except Exception:
            self.store.delete_assessment(assessment.id)
            raise
        return assessment_token


# --- helpers -------------------------------------------------------------------------------


def _check_pace(pace: str) -> None:
    if pace not in ("free", "paced"):
        raise ValueError(f"unknown pace {pace!r}; expected 'free' or 'paced'")


def _check_questionnaire(record: WorkshopRecord, questionnaire: Questionnaire) -> None:
    if questionnaire.id != record.questionnaire_id:
        raise WorkshopError(
            f"this workshop uses the questionnaire {record.questionnaire_id!r}, "
            f"not {questionnaire.id!r}"
        )


def _check_choices(record: WorkshopRecord, choices: dict[str, str]) -> dict[str, str]:
    """Every segment of the workshop needs one of its options; nothing else is accepted."""
    expected = {s.name: s.options for s in record.segments}
    unknown = sorted(set(choices) - set(expected))
    if unknown:
        raise InvalidChoice(f"no segment {unknown[0]!r} in this workshop")
    for name, options in expected.items():
        if choices.get(name) not in options:
            raise InvalidChoice(f"choose one of {options} for {name!r}")
    return {name: choices[name] for name in expected}


def _workshop(
    conn: Connection, *, what: str = "code", lock: bool = False, **where
) -> WorkshopRecord:
    return _workshop_row(conn, what=what, lock=lock, **where)[0]


def _workshop_with_structure(conn: Connection, workshop_id: int) -> tuple[WorkshopRecord, dict]:
    record, structure = _workshop_row(conn, what="link", lock=True, id=workshop_id)
    question_dimension = {
        question_id: dimension_id
        for dimension_id, question_ids in structure["dimensions"]
        for question_id in question_ids
    }
    return record, {**structure, "question_dimension": question_dimension}


def _workshop_row(
    conn: Connection, *, what: str, lock: bool, **where
) -> tuple[WorkshopRecord, dict]:
    table = workshops_table
    query = sa.select(table).filter_by(**where)
    if lock:  # PostgreSQL: a concurrent "close" waits for this write, or this waits for it
        query = query.with_for_update(read=True)
    row = conn.execute(query).first()
    if row is None:
        raise UnknownWorkshop(what)
    data = row._mapping
    structure = json.loads(data["structure"])
    record = WorkshopRecord(
        id=data["id"],
        title=data["title"],
        questionnaire_id=data["questionnaire_id"],
        questionnaire_version=data["questionnaire_version"],
        language=data["language"],
        join_code=data["join_code"],
        segments=[Segment(**s) for s in json.loads(data["segments"])],
        threshold=data["anonymity_threshold"],
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


def _participant(row) -> ParticipantRecord:
    data = row._mapping
    return ParticipantRecord(
        id=data["id"],
        workshop_id=data["workshop_id"],
        segments=json.loads(data["segments"]),
        joined_at=data["joined_at"],
        completed_at=data["completed_at"],
    )


def _counts(conn: Connection, workshop_id: int) -> RoomCounts:
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
