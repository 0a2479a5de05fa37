"""Segments of a room (e.g. "Role": management, staff): typed by the facilitator, chosen by each
participant, and each group's means shown only where the anonymity threshold allows. A cell
below the threshold is hidden, and a larger group is hidden too when otherwise a small one could
be worked out by subtraction (complementary suppression)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator

from assessment.models import Frozen
from assessment.scoring import ScoreSet
from assessment.workshop.dispersion import mean_sd

NOT_STATED = ""  # the group of participants who did not choose an option of a segment

Label = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]


class Segment(Frozen):
    """A way to split the room (e.g. "Role": "Management", "Staff"), typed by the facilitator."""

    name: Label
    options: list[Label] = Field(min_length=2, max_length=12)

    @field_validator("options")
    @classmethod
    def _distinct(cls, options: list[str]) -> list[str]:
        folded = [option.casefold() for option in options]
        if len(set(folded)) != len(folded):
            raise ValueError("each option must be different")
        return options


class SegmentSyntaxError(ValueError):
    """A line of the segments text that cannot be read; ``reason`` is a short code."""

    REASONS = (
        "no_colon",
        "few_options",
        "many_options",
        "same_option",
        "same_name",
        "too_long",
        "too_many",
    )

    def __init__(self, line: int, reason: str):
        self.line, self.reason = line, reason
        super().__init__(f"line {line}: {reason}")


def parse_segments(text: str, most: int = 3) -> list[Segment]:
    """Segments typed one per line as ``Name: option, option, …`` (e.g. "Role: Management,
    Staff"); blank lines are skipped. Raises SegmentSyntaxError on the first faulty line."""
    segments: list[Segment] = []
    lines = [(n, line.strip()) for n, line in enumerate((text or "").splitlines(), 1)]
    for number, line in [(n, line) for n, line in lines if line]:
        name, colon, rest = line.partition(":")
        options = [option.strip() for option in rest.split(",") if option.strip()]
        if not colon or not name.strip():
            raise SegmentSyntaxError(number, "no_colon")
        if len(options) < 2:
            raise SegmentSyntaxError(number, "few_options")
        if len(options) > 12:
            raise SegmentSyntaxError(number, "many_options")
        if any(len(part) > 60 for part in (name.strip(), *options)):
            raise SegmentSyntaxError(number, "too_long")
        if len({o.casefold() for o in options}) != len(options):
            raise SegmentSyntaxError(number, "same_option")
        if any(s.name.casefold() == name.strip().casefold() for s in segments):
            raise SegmentSyntaxError(number, "same_name")
        if len(segments) == most:
            raise SegmentSyntaxError(number, "too_many")
        segments.append(Segment(name=name.strip(), options=options))
    return segments


class Participant(Frozen):
    """One anonymous participant's contribution: segment choices and answers, no identity."""

    id: int
    segments: dict[str, str] = Field(default_factory=dict)
    answers: dict[str, int | None] = Field(default_factory=dict)


CellStatus = Literal["shown", "too_few", "protects_other", "empty"]


class Cell(Frozen):
    """A group's mean on one dimension; no figure at all when it is hidden."""

    status: CellStatus
    score: float | None = None
    contributors: int | None = None


class Group(Frozen):
    option: str = Field(description="the option chosen; NOT_STATED when none was")
    size: int | None = Field(
        description="participants who answered; None when withheld (below the threshold, or "
        "when it would let a withheld group's size be worked out)"
    )
    size_status: CellStatus = Field(
        default="shown", description="shown, too_few, or protects_other (withheld to protect)"
    )
    cells: dict[str, Cell] = Field(description="dimension id (and 'overall') → cell")


class SegmentView(Frozen):
    segment: str
    groups: list[Group]
    gaps: dict[str, float | None] = Field(
        description="per dimension: highest − lowest shown group mean (None: fewer than two)"
    )

    @property
    def widest_gap(self) -> tuple[str, float] | None:
        known = [(key, gap) for key, gap in self.gaps.items() if gap is not None]
        return max(known, key=lambda item: item[1]) if known else None


def segment_view(
    segment: Segment,
    participants: list[Participant],
    scores: dict[int, ScoreSet],
    dimension_ids: list[str],
    threshold: int,
) -> SegmentView:
    """Groups of one segment. A cell (group × dimension) is shown only if at least
    ``threshold`` participants of the group have a score on it; and when the hidden cells of a
    column add up to fewer than ``threshold`` people (their mean could be worked out from the
    room's mean and the shown groups), the smallest shown group is hidden too, until they don't."""
    members: dict[str, list[int]] = {option: [] for option in segment.options}
    for participant in participants:
        option = participant.segments.get(segment.name, NOT_STATED)
        members.setdefault(option if option in members else NOT_STATED, []).append(participant.id)
    keys = [*dimension_ids, "overall"]
    columns = {}
    for key in keys:
        values = {
            option: [v for v in (_score_of(scores[pid], key) for pid in ids) if v is not None]
            for option, ids in members.items()
        }
        columns[key] = _suppress(values, threshold)
    listed = {option: len(ids) for option, ids in members.items() if ids or option != NOT_STATED}
    sizes = _shown_sizes(listed, threshold)
    groups = [
        Group(
            option=option,
            size=sizes[option],
            size_status=(
                "shown"
                if sizes[option] is not None
                else "too_few"
                if listed[option] < threshold
                else "protects_other"
            ),
            cells={key: columns[key][option] for key in keys},
        )
        for option in listed
    ]
    gaps = {}
    for key in keys:
        shown = [c.score for c in columns[key].values() if c.status == "shown"]
        gaps[key] = max(shown) - min(shown) if len(shown) >= 2 else None
    return SegmentView(segment=segment.name, groups=groups, gaps=gaps)


def _shown_sizes(sizes: dict[str, int], threshold: int) -> dict[str, int | None]:
    """Each group's size, or None below the threshold; and, since the sizes add up to the
    room's count, the smallest shown sizes are withheld too until the withheld ones add up
    to the threshold (or to nobody), so that no small group's size is a subtraction away."""
    hidden = {option for option, size in sizes.items() if size < threshold}
    while 0 < sum(sizes[option] for option in hidden) < threshold:
        shown = [option for option in sizes if option not in hidden]
        if not shown:
            break
        hidden.add(min(shown, key=lambda option: (sizes[option], option)))
    return {option: None if option in hidden else size for option, size in sizes.items()}


def _score_of(scores: ScoreSet, key: str) -> float | None:
    return scores.overall if key == "overall" else scores.dimensions[key]


def _suppress(values: dict[str, list[float]], threshold: int) -> dict[str, Cell]:
    """Primary suppression (fewer than ``threshold``), then complementary suppression."""
    hidden = {option for option, v in values.items() if 0 < len(v) < threshold}
    while True:
        hidden_people = sum(len(values[option]) for option in hidden)
        shown = [o for o, v in values.items() if v and o not in hidden]
        if not 0 < hidden_people < threshold or not shown:
            break
        hidden.add(min(shown, key=lambda o: (len(values[o]), o)))
    cells = {}
    for option, v in values.items():
        if not v:
            cells[option] = Cell(status="empty")
        elif option in hidden:
            cells[option] = Cell(status="too_few" if len(v) < threshold else "protects_other")
        else:
            cells[option] = Cell(status="shown", score=mean_sd(v)[0], contributors=len(v))
    return cells
