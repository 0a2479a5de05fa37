"""The pilot measured: dated actual values of its KPIs, each KPI's progress from baseline to
target, the pilot's as a whole, and the gate that opens the diffusion phase.

What is entered (values, the steering committee's decisions) is a :class:`PilotRecord`, kept as
the assessment's ``pilot`` document and carried by exports; everything else is computed from it
and the roadmap, by pure functions. A value that cannot be kept is refused with every problem
said in the reader's language (:class:`ActualRefused`), naming the KPI and the date.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Literal, NamedTuple

from pydantic import AwareDatetime, Field, Strict, StringConstraints

from assessment.i18n import Message
from assessment.models import Frozen
from assessment.roadmap.edits import parse_day
from assessment.roadmap.kpis import UNIT_RANGES
from assessment.roadmap.pilot import Kpi
from assessment.roadmap.plan import Roadmap

NAME_LIMIT = 120
COMMENT_LIMIT = 500
REASON_LIMIT = 1000
RECORD_VERSION = 1
# On track: at least nine tenths of the way to the target that the time gone by calls for.
PACE = 0.9

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=NAME_LIMIT)]


class Actual(Frozen):
    """One measured value of a KPI, on a day, with who entered it and when."""

    kpi: str = Field(min_length=1, max_length=64)
    on: date = Field(description="The day the value was measured")
    value: Annotated[float, Strict()] = Field(allow_inf_nan=False)
    entered_by: Name
    entered_at: AwareDatetime
    comment: str = Field(default="", max_length=COMMENT_LIMIT)


Verdict = Literal["go", "stop"]


class Decision(Frozen):
    """The steering committee's go or stop for the diffusion phase, with its reason."""

    verdict: Verdict
    reason: str = Field(min_length=1, max_length=REASON_LIMIT)
    decided_by: Name
    decided_at: AwareDatetime


class PilotRecord(Frozen):
    """What was measured during the pilot and what the committee decided: the ``pilot``
    document of an assessment, and its section in the JSON export (strict: nothing else)."""

    version: Literal[1] = RECORD_VERSION
    actuals: list[Actual] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list, description="Oldest first")

    def of(self, kpi_id: str) -> list[Actual]:
        """The KPI's values, oldest first."""
        return sorted((a for a in self.actuals if a.kpi == kpi_id), key=lambda a: a.on)

    def decision(self) -> Decision | None:
        """The committee's latest decision, which stands."""
        return self.decisions[-1] if self.decisions else None


# --- entering values -------------------------------------------------------------------------


class ActualRefused(ValueError):
    """A value or a decision that cannot be kept; ``problems`` are Messages, said later in the
    reader's language (``str()`` is English)."""

    def __init__(self, problems: list[Message]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class Entry(NamedTuple):
    """A value as a person typed it, before it is checked."""

    kpi: str
    on: date | str | None
    value: object
    entered_by: str
    comment: str = ""


def check_actual(roadmap: Roadmap, record: PilotRecord, entry: Entry, now: datetime) -> Actual:
    """The value as it will be kept, or ActualRefused listing everything wrong with it: an
    unknown KPI, a date missing or in the future, a value that is not a number or outside the
    KPI's unit, no name, a comment too long, a value already entered for that day."""
    kpi_id, on, value, entered_by, comment = entry
    kpi = next((k for k in roadmap.kpis if k.id == kpi_id), None)
    if kpi is None:
        raise ActualRefused([Message("pilot.unknown_kpi", {"kpi": str(kpi_id)[:64]})])
    day = parse_day(on)
    where = {"kpi": kpi.name, "date": day if day else Message("pilot.undated")}
    problems: list[Message] = []
    if day is None:
        problems.append(Message("pilot.not_a_date", {"kpi": kpi.name, "given": str(on)[:40]}))
    elif day > now.date():
        problems.append(Message("pilot.future_date", where))
    number = _number(value)
    if number is None:
        given = "" if value is None else str(value)[:40]
        problems.append(Message("pilot.not_a_number", {**where, "given": given, **_unit(kpi)}))
    else:
        low, high = UNIT_RANGES[kpi.unit]
        if not low <= number <= high:
            problems.append(Message("pilot.out_of_range", {**where, "value": number, **_unit(kpi)}))
    name = (entered_by or "").strip()
    if not name:
        problems.append(Message("pilot.name_missing", where))
    elif len(name) > NAME_LIMIT:
        problems.append(Message("pilot.name_too_long", {**where, "limit": NAME_LIMIT}))
    comment = (comment or "").strip()
    if len(comment) > COMMENT_LIMIT:
        problems.append(Message("pilot.comment_too_long", {**where, "limit": COMMENT_LIMIT}))
    twin = next((a for a in record.of(kpi.id) if a.on == day), None)
    if twin is not None:
        problems.append(Message("pilot.already_entered", {**where, "by": twin.entered_by}))
    if problems:
        raise ActualRefused(problems)
    return Actual(
        kpi=kpi.id, on=day, value=number, entered_by=name, entered_at=now, comment=comment
    )


def check_decision(verdict: str, reason: str, decided_by: str, now: datetime) -> Decision:
    """The committee's decision as it will be kept, or ActualRefused saying what is missing."""
    problems: list[Message] = []
    if verdict not in ("go", "stop"):
        problems.append(Message("pilot.verdict_missing"))
    reason, name = (reason or "").strip(), (decided_by or "").strip()
    if not reason:
        problems.append(Message("pilot.reason_missing"))
    elif len(reason) > REASON_LIMIT:
        problems.append(Message("pilot.reason_too_long", {"limit": REASON_LIMIT}))
    if not name:
        problems.append(Message("pilot.decided_by_missing"))
    elif len(name) > NAME_LIMIT:
        problems.append(Message("pilot.decided_by_too_long", {"limit": NAME_LIMIT}))
    if problems:
        raise ActualRefused(problems)
    return Decision(verdict=verdict, reason=reason, decided_by=name, decided_at=now)


def _number(value: object) -> float | None:
    """A number as typed in either language (``4,5``, ``−3``), or None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        text = value.strip().replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
        text = text.replace(",", ".").replace("\u2212", "-").removesuffix("%")
        try:
            value = float(text)
        except ValueError:
            return None
    if not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return float(value)


def _unit(kpi: Kpi) -> dict[str, object]:
    low, high = UNIT_RANGES[kpi.unit]
    return {"unit": Message(f"kpi_unit.{kpi.unit}"), "low": low, "high": high}


# --- progress --------------------------------------------------------------------------------


class Status(StrEnum):
    reached = "reached"  # the target is met
    on_track = "on_track"  # better than the baseline, and about as far on as planned by now
    behind = "behind"  # not better than the baseline, or well short of the way planned
    no_baseline = "no_baseline"  # measured, but nothing to compare with
    no_data = "no_data"  # nothing measured yet


class KpiProgress(Frozen):
    kpi: Kpi
    actuals: list[Actual]
    status: Status
    latest: Actual | None
    beaten: bool = Field(description="The latest value is better than the baseline")
    share: float | None = Field(description="Share of the way from baseline to target")
    expected: float | None = Field(description="Where the plan puts the value at the latest date")


class PilotProgress(Frozen):
    kpis: list[KpiProgress]
    status: Status = Field(description="Of the gating KPIs, taken together")

    def gating(self) -> list[KpiProgress]:
        return [p for p in self.kpis if p.kpi.gating]


def better(kpi: Kpi, value: float, than: float) -> bool:
    """Whether ``value`` is better than ``than`` in the KPI's direction."""
    return value < than if kpi.better == "lower" else value > than


def kpi_progress(kpi: Kpi, record: PilotRecord) -> KpiProgress:
    actuals = record.of(kpi.id)
    latest = actuals[-1] if actuals else None
    if latest is None:
        return KpiProgress(
            kpi=kpi, actuals=[], status=Status.no_data, latest=None, beaten=False, share=None,
            expected=None,
        )  # fmt: skip
    value, baseline, target = latest.value, kpi.baseline, kpi.target
    beaten = baseline is not None and better(kpi, value, baseline)
    aimed = baseline is not None and target is not None and better(kpi, target, baseline)
    share = expected = None
    if aimed:
        share = (value - baseline) / (target - baseline)
        expected = baseline + _elapsed(kpi, latest.on) * (target - baseline)
    if target is not None and (value == target or better(kpi, value, target)):
        status = Status.reached
    elif baseline is None:
        status = Status.no_baseline
    elif not beaten or (share is not None and share < PACE * _elapsed(kpi, latest.on)):
        status = Status.behind
    else:
        status = Status.on_track
    return KpiProgress(
        kpi=kpi, actuals=actuals, status=status, latest=latest, beaten=beaten, share=share,
        expected=expected,
    )  # fmt: skip


def _elapsed(kpi: Kpi, day: date) -> float:
    """Share of the KPI's measuring period gone by on that day, from 0 to 1."""
    length = (kpi.end - kpi.start).days
    if length <= 0:
        return 1.0
    return min(1.0, max(0.0, (day - kpi.start).days / length))


# The pilot reads as its weakest gating KPI: one behind is enough to say so.
_ORDER = (Status.behind, Status.no_data, Status.no_baseline, Status.on_track, Status.reached)


def pilot_progress(roadmap: Roadmap, record: PilotRecord) -> PilotProgress:
    kpis = [kpi_progress(kpi, record) for kpi in roadmap.kpis]
    judged = [p.status for p in kpis if p.kpi.gating] or [Status.no_data]
    return PilotProgress(kpis=kpis, status=min(judged, key=_ORDER.index))


# --- the diffusion gate ----------------------------------------------------------------------


class GateState(StrEnum):
    ready = "ready"  # the diffusion phase can start
    waiting = "waiting"  # waiting for evidence
    stopped = "stopped"  # the steering committee said stop


class Gate(Frozen):
    state: GateState
    by_committee: bool = Field(description="The committee's decision set the state")
    decision: Decision | None
    evidence: list[KpiProgress] = Field(description="The gating KPIs, as measured")
    missing: list[str] = Field(description="Gating KPIs that have not beaten their baseline")


def diffusion_gate(progress: PilotProgress, record: PilotRecord) -> Gate:
    """Ready when every gating KPI's latest value beats its baseline in its direction, or when
    the committee said go; stopped when it said stop. The committee's latest word stands."""
    evidence = progress.gating()
    missing = [p.kpi.id for p in evidence if not p.beaten]
    decision = record.decision()
    if decision is not None:
        state = GateState.ready if decision.verdict == "go" else GateState.stopped
    else:
        state = GateState.ready if evidence and not missing else GateState.waiting
    return Gate(
        state=state,
        by_committee=decision is not None,
        decision=decision,
        evidence=evidence,
        missing=missing,
    )


def pilot_status(roadmap: Roadmap, record: PilotRecord) -> tuple[PilotProgress, Gate]:
    """The pilot's progress and the gate of the diffusion phase that follows from it."""
    progress = pilot_progress(roadmap, record)
    return progress, diffusion_gate(progress, record)


def record_from_payload(payload: object) -> PilotRecord:
    """The record read back from the store; an empty one if there is none."""
    return PilotRecord() if payload is None else PilotRecord.model_validate(payload)


def record_to_payload(record: PilotRecord) -> dict:
    return record.model_dump(mode="json")
