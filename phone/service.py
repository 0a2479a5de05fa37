"""What a phone asks of a workshop, as plain data (JSON-ready), in the participant's language.

Every call goes through :class:`WorkshopStore` (the same tokens, the same idempotent upsert,
the same refusals) and every word through the catalogue; the HTTP layer (:mod:`phone.api`) only
turns these into responses. A refusal is a :class:`Refusal`: an HTTP status, a catalogue key
and the message said in the participant's language.
"""

from __future__ import annotations

import re
import threading
import time
from functools import cache

import sqlalchemy as sa

from assessment import formatting as fmt
from assessment.i18n import language_label, say
from assessment.models import Language, Questionnaire
from assessment.questionnaire import (
    QuestionnaireError,
    dont_know_text,
    load_questionnaire,
    questionnaire_files,
)
from assessment.store import StoreError
from assessment.workshop import (
    DimensionNotOpen,
    InvalidAnswer,
    InvalidChoice,
    RoomAggregate,
    UnknownWorkshop,
    WorkshopClosed,
    WorkshopRecord,
    WorkshopStore,
    consensus_band,
    format_code,
    normalise_code,
)
from assessment.workshop.tables import workshops_table
from assessment.workshop.wording import anonymity_statement, symmetry_verdict

LANGS: tuple[Language, ...] = ("fr", "en")
ROOM_TTL = 2.0  # seconds: a room's result is computed once for every phone asking meanwhile

# The page's words, sent once with the page in both languages. Placeholders the page fills
# itself ({done}, {code}…) are kept as they are.
PAGE_TEXTS = {
    "join_title": ("workshop.join_title", {}),
    "code_label": ("workshop.code_label", {}),
    "continue": ("workshop.continue", {}),
    "code_unknown": ("workshop.code_unknown", {"code": "{code}"}),
    "closed_join": ("workshop.closed_join", {}),
    "join_button": ("workshop.join_button", {}),
    "choose_segment": ("workshop.choose_segment", {"names": "{names}"}),
    "participant_unknown": ("workshop.participant_unknown", {}),
    "all_done": ("workshop.all_done", {}),
    "closed_answering": ("workshop.closed_answering", {}),
    "paced_note": ("workshop.paced_note", {"n": "{n}", "total": "{total}"}),
    "wait_next_part": ("workshop.wait_next_part", {}),
    "save_closed": ("workshop.save_closed", {}),
    "save_not_open": ("workshop.save_not_open", {}),
    "save_failed": ("workshop.save_failed", {}),
    "room_title": ("workshop.room_title", {}),
    "refresh": ("workshop.refresh", {}),
    "parts": ("workshop.parts", {}),
    "anonymous_note": ("workshop.anonymous_note", {"code": "{code}"}),
    "progress_one": ("app.progress_one", {"done": "{done}", "total": "{total}"}),
    "progress_other": ("app.progress_other", {"done": "{done}", "total": "{total}"}),
    "back": ("app.back", {}),
    "next": ("app.next", {}),
    "your_answer": ("app.your_answer", {}),
    "saved": ("phone.saved", {}),
    "saving": ("phone.saving", {}),
    "unreachable": ("phone.unreachable", {}),
    "back_online": ("phone.back_online", {}),
    "db_down": ("phone.db_down", {}),
    "loading": ("phone.loading", {}),
    "language": ("phone.language", {}),
    "part_label": ("phone.part_label", {"n": "{n}", "title": "{title}", "done": "{done}"}),
    "revealed_notice": ("phone.revealed_notice", {}),
    "workshop_gone": ("phone.workshop_gone", {}),
    "answered_mark": ("phone.answered_mark", {}),
}


class Refusal(Exception):
    """What the server refuses, said in the participant's language."""

    def __init__(self, status: int, key: str, lang: Language, **values: object):
        self.status, self.key = status, key
        self.message = say(key, lang, **values)
        super().__init__(key)

    def body(self) -> dict:
        return {"error": self.key, "message": self.message}


def language(asked: object, default: Language = "fr", offered: tuple = LANGS) -> Language:
    return asked if asked in offered else default


def languages_of(record: WorkshopRecord) -> tuple[Language, ...]:
    """What a workshop's phones may be read in: the interface's languages and the
    questionnaire's own (a German model is answered in German, its interface in English)."""
    questionnaire = questionnaires().get(record.questionnaire_id)
    own = questionnaire.languages if questionnaire else []
    return tuple(dict.fromkeys([*LANGS, *own]))


def language_choice(record: WorkshopRecord, asked: object) -> dict:
    """The phone's language (as asked when the workshop offers it, else the workshop's), the
    languages to switch between, named in their own words, and the note saying that the
    interface falls back to English when its catalogue lacks the language."""
    offered = languages_of(record)
    lang = language(asked, record.language, offered)
    return {
        "lang": lang,
        "languages": {code: language_label(code, code) for code in offered},
        "ui_note": ""
        if lang in LANGS
        else say("model.interface_fallback", lang, language=language_label(lang, "en")),
    }


@cache
def page_texts() -> dict[str, dict[str, str]]:
    return {
        lang: {name: say(key, lang, **values) for name, (key, values) in PAGE_TEXTS.items()}
        for lang in LANGS
    }


@cache
def questionnaires() -> dict[str, Questionnaire]:
    found = {}
    for path in questionnaire_files():  # the shipped ones and OWN_QUESTIONNAIRES'
        try:
            questionnaire = load_questionnaire(path)
        except QuestionnaireError:
            continue  # the start page shows why; a workshop cannot use it anyway
        found[questionnaire.id] = questionnaire
    return found


@cache
def questionnaire_json(questionnaire_id: str, lang: Language) -> dict:
    """The questionnaire as the phone shows it: parts, questions, each with its answers (the
    scale's levels or its own options) and their descriptions, and "don't know"."""
    questionnaire = questionnaires()[questionnaire_id]

    def levels(choices: list) -> list[dict]:
        return [{"value": c.value, "label": f"{c.value} · {c.label(lang)}"} for c in choices]

    return {
        "dont_know": dont_know_text(questionnaire, lang),
        "dimensions": [
            {
                "id": d.id,
                "title": d.title(lang),
                "description": d.description(lang),
                "questions": [
                    {
                        "id": q.id,
                        "order": q.order,
                        "text": q.text(lang),
                        "help": q.help(lang) if q.help else "",
                        "levels": levels(questionnaire.choices(q)),
                        "anchors": [
                            c.description(lang) if c.description else ""
                            for c in questionnaire.choices(q)
                        ],
                    }
                    for q in d.ordered_questions()
                ],
            }
            for d in questionnaire.ordered_dimensions()
        ],
    }


def moves(record: WorkshopRecord) -> dict:
    """What the facilitator controls and every phone follows."""
    return {
        "status": record.status,
        "pace": record.pace,
        "current": record.current_dimension,
        "revealed": record.revealed,
        "version": record.updated_at.isoformat(),
    }


def plain_text(markdown: str) -> str:
    """A catalogue message written for Streamlit's markdown, as plain text."""
    text = re.sub(r":[a-z]+\[(.*?)\]", r"\1", markdown)
    return text.replace("**", "").replace("  \n", "\n")


class PhoneService:
    def __init__(self, workshops: WorkshopStore):
        self.workshops = workshops
        self._rooms: dict[tuple[int, str], tuple[float, dict]] = {}
        self._room_locks: dict[int, threading.Lock] = {}
        self._guard = threading.Lock()

    # --- joining -------------------------------------------------------------------------

    def workshop_for_code(self, code: str, lang: str | None) -> dict:
        try:
            record = self.workshops.by_code(code)
        except UnknownWorkshop:
            shown = normalise_code(code)[:12] or "-"
            raise Refusal(404, "workshop.code_unknown", language(lang), code=shown) from None
        chosen = language_choice(record, lang)
        lang = chosen["lang"]
        return {
            **chosen,
            "title": record.title,
            "code": format_code(record.join_code),
            "open": record.is_open,
            "anonymity": anonymity_statement(record, lang),
            "segments": [{"name": s.name, "options": s.options} for s in record.segments],
            "segment_why": say("workshop.segment_why", lang, k=record.threshold)
            if record.segments
            else "",
        }

    def join(self, code: str, segments: object, lang: str | None) -> dict:
        info = self.workshop_for_code(code, lang)
        lang = info["lang"]
        if not isinstance(segments, dict):
            segments = {}
        try:
            token, _ = self.workshops.join(code, {str(k): v for k, v in segments.items()})
        except WorkshopClosed:
            raise Refusal(409, "workshop.closed_join", lang) from None
        except InvalidChoice:
            missing = [s["name"] for s in info["segments"] if segments.get(s["name"]) is None]
            names = ", ".join(missing) or ", ".join(s["name"] for s in info["segments"])
            raise Refusal(422, "workshop.choose_segment", lang, names=names) from None
        return {"token": token, **self.state(token, lang)}

    # --- answering -------------------------------------------------------------------------

    def participant(self, token: object, lang: str | None) -> WorkshopRecord:
        try:
            _, record = self.workshops.participant(token)
        except UnknownWorkshop:
            raise Refusal(404, "workshop.participant_unknown", language(lang)) from None
        return record

    def state(self, token: object, lang: str | None) -> dict:
        """Everything a phone shows: the workshop, the questionnaire, the participant's own
        answers (nobody else's) and, once revealed, the room's result."""
        record = self.participant(token, lang)
        chosen = language_choice(record, lang)
        lang = chosen["lang"]
        if record.questionnaire_id not in questionnaires():
            raise Refusal(410, "workshop.questionnaire_missing", lang)
        return {
            **chosen,
            "title": record.title,
            "code": format_code(record.join_code),
            "workshop_id": record.id,
            "moves": moves(record),
            "questionnaire": questionnaire_json(record.questionnaire_id, lang),
            "answers": self.workshops.answers_of(token),
            "room": self.room(record, lang) if record.revealed else None,
        }

    def save(self, token: object, question: object, level: object, lang: str | None) -> dict:
        if not isinstance(question, str) or not (level is None or type(level) is int):
            raise Refusal(422, "phone.invalid_answer", language(lang))
        try:
            complete = self.workshops.save_answer(token, question, level)
        except UnknownWorkshop:
            raise Refusal(404, "workshop.participant_unknown", language(lang)) from None
        except (WorkshopClosed, DimensionNotOpen, InvalidAnswer) as refused:
            lang = language(lang, self.participant(token, lang).language)
            key = {
                WorkshopClosed: "workshop.save_closed",
                DimensionNotOpen: "workshop.save_not_open",
            }.get(type(refused), "phone.invalid_answer")
            raise Refusal(409 if key != "phone.invalid_answer" else 422, key, lang) from None
        return {"saved": True, "question": question, "level": level, "complete": complete}

    # --- the room, once revealed -----------------------------------------------------------

    def room_for(self, token: object, lang: str | None) -> dict | None:
        record = self.participant(token, lang)
        lang = language_choice(record, lang)["lang"]
        return self.room(record, lang) if record.revealed else None

    def room(self, record: WorkshopRecord, lang: Language) -> dict:
        """The room's result under the workshop's thresholds, computed at most once every
        ROOM_TTL seconds per workshop whatever the number of phones asking."""
        key = (record.id, lang)
        with self._guard:
            lock = self._room_locks.setdefault(record.id, threading.Lock())
        with lock:
            cached = self._rooms.get(key)
            if cached and time.monotonic() - cached[0] < ROOM_TTL:
                return cached[1]
            questionnaire = questionnaires()[record.questionnaire_id]
            room = self.workshops.aggregate(record.id, questionnaire)
            shown = room_json(questionnaire, room, lang)
            self._rooms[key] = (time.monotonic(), shown)
            return shown

    def room_by_language(self, workshop_id: int) -> dict:
        """The room's result in each language, for the watcher to push once revealed."""
        record = self.workshops.workshop(workshop_id)
        return {lang: self.room(record, lang) for lang in languages_of(record)}

    # --- what the watcher reads ---------------------------------------------------------------

    def moves_of(self, workshop_id: int) -> dict | None:
        """The facilitator's moves, read in one small query; None once the workshop is gone."""
        table = workshops_table
        with self.workshops.store.engine.connect() as conn:
            row = conn.execute(
                sa.select(
                    table.c.status,
                    table.c.pace,
                    table.c.current_dimension,
                    table.c.revealed,
                    table.c.updated_at,
                ).where(table.c.id == workshop_id)
            ).first()
        if row is None:
            return None
        return {
            "status": row.status,
            "pace": row.pace,
            "current": row.current_dimension,
            "revealed": bool(row.revealed),
            "version": row.updated_at.isoformat(),
        }

    def workshop_of(self, token: object, lang: str | None = None) -> int:
        return self.participant(token, lang).id


def room_json(questionnaire: Questionnaire, room: RoomAggregate, lang: Language) -> dict:
    if not room.visible:
        return {"visible": False, "hidden": say("workshop.room_hidden", lang, k=room.threshold)}
    parts = []
    for dimension in questionnaire.ordered_dimensions():
        spread = next((d for d in room.dimensions if d.id == dimension.id), None)
        mean = spread.mean if spread else None
        parts.append(
            {
                "title": dimension.title(lang),
                "value": round(mean, 1) if mean is not None else None,
                "shown": fmt.score(mean, lang) if mean is not None else "–",
            }
        )
    discuss = []
    for stats in room.disagreements[:3]:
        question = questionnaire.question(stats.question_id)
        band = say("workshop.band_" + consensus_band(stats.consensus), lang)
        discuss.append(f"{question.text(lang)} · {band}")
    return {
        "visible": True,
        "caption": say("workshop.room_caption", lang, n=room.contributors),
        "parts": parts,
        # a model without sides has no symmetry verdict
        "verdict": plain_text(symmetry_verdict(room, lang)).split("\n")
        if questionnaire.has_sides
        else [],
        "discuss_title": say("workshop.to_discuss", lang),
        "discuss": discuss,
    }


def database_down(error: BaseException) -> bool:
    """A database that does not answer (as opposed to a refusal)."""
    return isinstance(error, sa.exc.SQLAlchemyError | StoreError) and not isinstance(
        error, UnknownWorkshop
    )
