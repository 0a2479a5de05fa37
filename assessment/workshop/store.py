"""Live workshops in the database: the room's answers are saved the moment they are given.

The database is the truth; a browser session only holds a token. The workshop's tables
(:mod:`assessment.workshop.tables`) are written through the store's engine and its helpers.

Every answer is its own short write transaction (``BEGIN IMMEDIATE`` on SQLite) that first
reads the workshop's status and pace *inside* that transaction: once "close" has committed, no
answer gets in. A closed workshop, a dimension not open yet, an unknown question or a level off
the scale are refused here, whatever page (or script) tries.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import secrets
import threading
import time
from collections.abc import Iterator

import sqlalchemy as sa
from sqlalchemy import Connection

from assessment.models import Language, Questionnaire
from assessment.profile import Profile
from assessment.store import DocumentKind, Store, StoreError, answers_table, documents_table
from assessment.store.engine import TOKEN_BYTES, TOKEN_SHAPE, check_language, hash_token, upsert
from assessment.store.schema import utc_now
from assessment.workshop.consolidation import consolidated_answers, summary_document
from assessment.workshop.records import (
    JOIN_ALPHABET,
    JOIN_CODE_LENGTH,
    MAX_SEGMENTS,
    DimensionNotOpen,
    InvalidAnswer,
    Pace,
    ParticipantRecord,
    RoomCounts,
    Snapshot,
    ThresholdLocked,
    UnknownWorkshop,
    WorkshopClosed,
    WorkshopError,
    WorkshopRecord,
    check_pace,
    normalise_code,
)
from assessment.workshop.room import (
    DEFAULT_DISPERSION_THRESHOLD,
    DEFAULT_THRESHOLD,
    RoomAggregate,
    aggregate,
    check_thresholds,
)
from assessment.workshop.segments import Participant, Segment
from assessment.workshop.tables import (
    metadata,
    participant_record,
    participants_table,
    read_workshop,
    read_workshop_with_structure,
    room_counts,
    workshop_answers_table,
    workshop_options_table,
    workshops_table,
)

WRITE_ATTEMPTS = 3  # BEGIN tries when another process holds the database (SQLite)


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
        threshold: int = DEFAULT_THRESHOLD,
        pace: Pace = "free",
        dispersion_threshold: int | None = None,
    ) -> tuple[str, WorkshopRecord]:
        """A new open workshop and its facilitator token (returned once, stored as a hash).
        The dispersion threshold defaults to the larger of the anonymity threshold and
        DEFAULT_DISPERSION_THRESHOLD: a spread says more about a small group than a mean."""
        check_language(language, questionnaire.languages)
        if dispersion_threshold is None:
            dispersion_threshold = max(threshold, DEFAULT_DISPERSION_THRESHOLD)
        check_thresholds(threshold, dispersion_threshold)
        title = (title or "").strip()
        if not 0 < len(title) <= 200:
            raise ValueError("a workshop needs a title of 1 to 200 characters")
        segments = list(segments or [])
        if len(segments) > MAX_SEGMENTS:
            raise ValueError(f"at most {MAX_SEGMENTS} segments")
        if len({s.name.casefold() for s in segments}) != len(segments):
            raise ValueError("each segment needs its own name")
        check_pace(pace)
        dimensions = questionnaire.ordered_dimensions()
        structure = {
            "dimensions": [[d.id, [q.id for q in d.ordered_questions()]] for d in dimensions],
            "levels": questionnaire.answer_values(),
        }
        if questionnaire.scale is None or any(q.options for _, q in questionnaire.questions()):
            # questions with their own options: each one's values, checked on every answer
            structure["question_levels"] = {
                q.id: [c.value for c in questionnaire.choices(q)]
                for _, q in questionnaire.questions()
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
                    workshop_id = inserted.inserted_primary_key[0]
                    _set_options(
                        conn,
                        workshop_id,
                        screen_hash=hash_token(screen_token_of(token)),
                        dispersion_threshold=dispersion_threshold,
                    )
                    return token, read_workshop(conn, id=workshop_id)
            except sa.exc.IntegrityError:
                continue
        raise StoreError("could not draw a free join code")

    def by_facilitator(self, token: str) -> WorkshopRecord:
        """The workshop a facilitator link opens; UnknownWorkshop otherwise."""
        if not isinstance(token, str) or not TOKEN_SHAPE.fullmatch(token):
            raise UnknownWorkshop("link")
        with self.store.engine.connect() as conn:
            return read_workshop(conn, what="link", facilitator_hash=hash_token(token))

    def set_open(self, token: str, is_open: bool) -> WorkshopRecord:
        """Open or close answering (joining too)."""
        return self._control(token, status="open" if is_open else "closed")

    def set_pace(self, token: str, pace: Pace, dimension: str | None = None) -> WorkshopRecord:
        """Free: every part open. Paced: only ``dimension`` (by default the current one, or the
        first) is open, and the facilitator moves the room on."""
        check_pace(pace)
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

    def show_live_results(self, token: str, shown: bool = True) -> WorkshopRecord:
        """Let the room screen draw the distributions while the room answers (the counts of
        who has answered always show). Off, the room answers without seeing the others."""
        record = self.by_facilitator(token)
        with self._write() as conn:
            _set_options(conn, record.id, live_results=bool(shown))
            return read_workshop(conn, id=record.id)

    def set_thresholds(self, token: str, threshold: int, dispersion_threshold: int):
        """Change the anonymity thresholds, only while nobody has answered: a threshold
        lowered mid-room would show groups that participants were told stay hidden."""
        check_thresholds(threshold, dispersion_threshold)
        record = self.by_facilitator(token)
        with self._write() as conn:
            answers = workshop_answers_table
            given = conn.scalar(
                sa.select(sa.func.count()).where(answers.c.workshop_id == record.id)
            )
            if given:
                raise ThresholdLocked()
            conn.execute(
                sa.update(workshops_table)
                .where(workshops_table.c.id == record.id)
                .values(anonymity_threshold=threshold, updated_at=utc_now())
            )
            _set_options(conn, record.id, dispersion_threshold=dispersion_threshold)
            return read_workshop(conn, id=record.id)

    def erase_answers(self, token: str) -> WorkshopRecord:
        """Erase every participant and answer of the room; the workshop, its code and its
        links stay, so that the room can start again."""
        record = self.by_facilitator(token)
        with self._write() as conn:
            for table in (workshop_answers_table, participants_table):
                conn.execute(sa.delete(table).where(table.c.workshop_id == record.id))
            return read_workshop(conn, id=record.id)

    def screen_token(self, token: str) -> str:
        """The room screen's view-only token for the facilitator's workshop (registered on
        the way, for workshops made before room screens existed)."""
        record = self.by_facilitator(token)
        screen = screen_token_of(token)
        if record.id != self._screen_workshop(screen):
            with self._write() as conn:
                _set_options(conn, record.id, screen_hash=hash_token(screen))
        return screen

    def by_screen(self, token: str) -> WorkshopRecord:
        """The workshop a room screen link shows; UnknownWorkshop otherwise."""
        workshop_id = self._screen_workshop(token)
        if workshop_id is None:
            raise UnknownWorkshop("link")
        return self.workshop(workshop_id)

    def renew_facilitator(self, code: str) -> tuple[str, WorkshopRecord]:
        """A new facilitator token for the workshop of a join code (the caller checks the
        consultant key): the old facilitator and room screen links stop working."""
        record = self.by_code(code)
        token = secrets.token_urlsafe(TOKEN_BYTES)
        with self._write() as conn:
            conn.execute(
                sa.update(workshops_table)
                .where(workshops_table.c.id == record.id)
                .values(facilitator_hash=hash_token(token), updated_at=utc_now())
            )
            _set_options(conn, record.id, screen_hash=hash_token(screen_token_of(token)))
            return token, read_workshop(conn, id=record.id)

    def _screen_workshop(self, token: str) -> int | None:
        if not isinstance(token, str) or not TOKEN_SHAPE.fullmatch(token):
            return None
        options = workshop_options_table
        with self.store.engine.connect() as conn:
            return conn.scalar(
                sa.select(options.c.workshop_id).where(options.c.screen_hash == hash_token(token))
            )

    def delete(self, token: str) -> None:
        """Erase the workshop with its participants and answers."""
        record = self.by_facilitator(token)
        with self._write() as conn:
            for table in (workshop_answers_table, participants_table, workshop_options_table):
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
            return read_workshop(conn, facilitator_hash=hash_token(token))

    # --- participants ----------------------------------------------------------------------

    def by_code(self, code: str) -> WorkshopRecord:
        """The workshop a join code names (open or closed); UnknownWorkshop otherwise."""
        code = normalise_code(code)
        if len(code) != JOIN_CODE_LENGTH:
            raise UnknownWorkshop("code")
        with self.store.engine.connect() as conn:
            return read_workshop(conn, what="code", join_code=code)

    def join(self, code: str, segments: dict[str, str] | None = None) -> tuple[str, WorkshopRecord]:
        """A new anonymous participant of an open workshop; their token (returned once)."""
        record = self.by_code(code)
        choices = record.check_choices(segments or {})
        token = secrets.token_urlsafe(TOKEN_BYTES)
        with self._write() as conn:
            current = read_workshop(conn, id=record.id, lock=True)  # closed in the meantime?
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
            return participant_record(row), read_workshop(conn, id=row.workshop_id)

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
            record, structure = read_workshop_with_structure(conn, row.workshop_id)
            dimension = structure["question_dimension"].get(question_id)
            if dimension is None:
                raise InvalidAnswer(f"{question_id!r} is not a question of this workshop")
            allowed = structure.get("question_levels", {}).get(question_id, structure["levels"])
            if level is not None and level not in allowed:
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
            return read_workshop(conn, id=workshop_id)

    def counts(self, workshop_id: int) -> RoomCounts:
        with self.store.engine.connect() as conn:
            return room_counts(conn, workshop_id)

    def snapshot(self, workshop_id: int) -> Snapshot:
        """The workshop, its counts and every participant's answers, in one read transaction."""
        people, answers = participants_table, workshop_answers_table
        with self.store.engine.connect() as conn:
            if conn.dialect.name == "postgresql":  # SQLite's read transaction is a snapshot
                conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                record = read_workshop(conn, id=workshop_id)
                counts = room_counts(conn, workshop_id)
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
        record.check_questionnaire(questionnaire)
        return room_of(questionnaire, snapshot)

    def to_assessment(
        self, token: str, questionnaire: Questionnaire, profile: Profile, language: Language
    ) -> str:
        """A new assessment holding the room's consolidated answers (the median level per
        question) and, as its "workshop" document, the room's counts and dispersion; its
        private token. All or nothing. Refused below the anonymity threshold."""
        record = self.by_facilitator(token)
        record.check_questionnaire(questionnaire)
        snapshot = self.snapshot(record.id)
        room = room_of(questionnaire, snapshot)
        if not room.visible:
            raise WorkshopError(
                f"Fewer than {record.threshold} participants have answered: "
                "the room's result stays hidden."
            )
        consolidated = consolidated_answers(questionnaire, snapshot.participants, record.threshold)
        summary = summary_document(
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


def room_of(questionnaire: Questionnaire, snapshot: Snapshot) -> RoomAggregate:
    """The room's result under the workshop's own thresholds."""
    record = snapshot.workshop
    return aggregate(
        questionnaire,
        snapshot.participants,
        record.segments,
        record.threshold,
        dispersion_threshold=record.dispersion_threshold,
    )


def screen_token_of(facilitator_token: str) -> str:
    """The room screen's view-only token, derived from the facilitator's (HMAC-SHA256): the
    facilitator page can show it again at any time, and it tells nothing of the secret."""
    digest = hmac.new(facilitator_token.encode("ascii"), b"room screen", hashlib.sha256)
    return base64.urlsafe_b64encode(digest.digest()).rstrip(b"=").decode("ascii")


def _set_options(conn: Connection, workshop_id: int, **values) -> None:
    """Write some of a workshop's options; the first write makes its row (the defaults)."""
    table = workshop_options_table
    values["updated_at"] = utc_now()
    changed = conn.execute(
        sa.update(table).where(table.c.workshop_id == workshop_id).values(**values)
    )
    if changed.rowcount == 0:
        row = {"workshop_id": workshop_id, "live_results": False, **values}
        conn.execute(table.insert().values(row))
