"""A workshop, a participant and the room's counts as stored; what can go wrong with them."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from assessment.models import Frozen, Language, Questionnaire
from assessment.store import StoreError
from assessment.workshop.segments import Participant, Segment

# No 0/O, 1/I/L, U: nothing to confuse when read off a projector or typed on a phone.
JOIN_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"
JOIN_CODE_LENGTH = 6  # 30⁶ ≈ 729 million codes
MAX_SEGMENTS = 3

Status = Literal["open", "closed"]
Pace = Literal["free", "paced"]


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


class ThresholdLocked(WorkshopError):
    def __init__(self) -> None:
        super().__init__("Answers have been given: the anonymity thresholds can no longer change.")


class WorkshopRecord(Frozen):
    """A workshop as stored, without its facilitator token."""

    id: int
    title: str
    questionnaire_id: str
    questionnaire_version: str
    language: Language
    join_code: str
    segments: list[Segment]
    threshold: int = Field(description="people a group needs before its means are shown")
    dispersion_threshold: int = Field(
        description="people a group needs before its spread and disagreements are shown"
    )
    status: Status
    pace: Pace
    current_dimension: str | None
    revealed: bool = Field(description="the room's result is shown on the phones and the screen")
    live_results: bool = Field(
        default=False, description="the room screen shows the distributions as answers arrive"
    )
    dimensions: list[str] = Field(description="dimension ids, in order")
    question_count: int
    created_at: datetime
    updated_at: datetime

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    @property
    def shows_distributions(self) -> bool:
        """Whether the room screen draws the answers' distributions (the counts always show)."""
        return self.live_results or self.revealed

    def open_dimensions(self) -> list[str]:
        """The dimensions a participant may answer now."""
        if not self.is_open:
            return []
        if self.pace == "paced":
            return [self.current_dimension] if self.current_dimension else []
        return list(self.dimensions)

    def check_questionnaire(self, questionnaire: Questionnaire) -> None:
        if questionnaire.id != self.questionnaire_id:
            raise WorkshopError(
                f"this workshop uses the questionnaire {self.questionnaire_id!r}, "
                f"not {questionnaire.id!r}"
            )

    def check_choices(self, choices: dict[str, str]) -> dict[str, str]:
        """Every segment of the workshop needs one of its options; nothing else is accepted."""
        expected = {s.name: s.options for s in self.segments}
        unknown = sorted(set(choices) - set(expected))
        if unknown:
            raise InvalidChoice(f"no segment {unknown[0]!r} in this workshop")
        for name, options in expected.items():
            if choices.get(name) not in options:
                raise InvalidChoice(f"choose one of {options} for {name!r}")
        return {name: choices[name] for name in expected}


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


def check_pace(pace: str) -> None:
    if pace not in ("free", "paced"):
        raise ValueError(f"unknown pace {pace!r}; expected 'free' or 'paced'")


def format_code(code: str) -> str:
    """ABCDEF → ABC-DEF: easier to read aloud and to type."""
    return f"{code[:3]}-{code[3:]}"


def normalise_code(typed: str) -> str:
    """What a participant typed → a code: case, spaces and dashes do not matter."""
    return "".join(ch for ch in (typed or "").upper() if ch.isalnum())
