"""A consultant's edits to a roadmap: the start date and the pilot's KPI fields.

Edits are kept apart from the roadmap, as a small JSON-able document saved in the store, and
applied on top of a freshly generated roadmap: new answers update the plan without losing the
edits. Every invalid value is reported with the indicator and the field it concerns, in both
languages, and nothing is saved until all of them are valid.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, datetime
from numbers import Real
from typing import Any

from pydantic import Field

from assessment.i18n import text_of
from assessment.models import Frozen, Text
from assessment.roadmap.pilot import UNIT_RANGES, Kpi
from assessment.roadmap.plan import Roadmap
from assessment.roadmap.text import number

EDITABLE = ("baseline", "target", "start", "end", "owner")
OWNER_LIMIT = 120
PAYLOAD_VERSION = 1


# --- validation ------------------------------------------------------------------------------


class KpiEditError(ValueError):
    """Edits that cannot be saved; ``problems`` names each indicator and field, bilingual."""

    def __init__(self, problems: list[Text]):
        self.problems = problems
        super().__init__("\n".join(p.en for p in problems))


def check_kpi_values(kpi: Kpi, values: Mapping[str, Any]) -> dict[str, Any]:
    """The edited fields of one indicator, normalised (numbers as float or None, dates as
    dates, the owner stripped); KpiEditError listing every problem otherwise."""
    problems: list[Text] = []
    clean: dict[str, Any] = {}
    for field, value in values.items():
        if field not in EDITABLE:
            continue
        checker = {"baseline": _number, "target": _number, "owner": _owner}.get(field, _date)
        outcome = checker(kpi, field, value)
        if isinstance(outcome, Text):
            problems.append(outcome)
        else:
            clean[field] = outcome
    first, last = clean.get("start", kpi.start), clean.get("end", kpi.end)
    dates_valid = all(f in clean for f in ("start", "end") if f in values)
    if dates_valid and first > last:
        problems.append(text_of("roadmap.dates_out_of_order", kpi=kpi.name, start=first, end=last))
    if problems:
        raise KpiEditError(problems)
    return clean


def _blank(value: Any) -> bool:
    return (
        value is None
        or (isinstance(value, float) and math.isnan(value))
        or (isinstance(value, str) and not value.strip())
    )


def _number(kpi: Kpi, field: str, value: Any) -> float | Text | None:
    if _blank(value):
        return None  # left empty: to be measured or set later
    parsed = value
    if isinstance(value, str):
        try:
            parsed = float(value.strip().replace(",", ".").replace("\u2212", "-"))
        except ValueError:
            parsed = None
    if isinstance(parsed, bool) or not isinstance(parsed, Real) or not math.isfinite(parsed):
        given = str(value)[:40]
        return text_of(
            "roadmap.not_a_number",
            kpi=kpi.name,
            field=text_of(f"kpi_field.{field}"),
            value=given,
            unit=text_of(f"kpi_unit.{kpi.unit}"),
        )
    low, high = UNIT_RANGES[kpi.unit]
    if not low <= parsed <= high:
        return text_of(
            "roadmap.out_of_range",
            kpi=kpi.name,
            field=text_of(f"kpi_field.{field}"),
            value=number(float(parsed)),
            low=number(float(low)),
            high=number(float(high)),
            unit=text_of(f"kpi_unit.{kpi.unit}"),
        )
    return float(parsed)


def parse_day(value: Any) -> date | None:
    """A day given as a date, a datetime or ISO text (YYYY-MM-DD); None otherwise."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _date(kpi: Kpi, field: str, value: Any) -> date | Text:
    day = parse_day(value)
    if day is not None:
        return day
    return text_of("roadmap.not_a_date", kpi=kpi.name, field=text_of(f"kpi_field.{field}"))


def _owner(kpi: Kpi, field: str, value: Any) -> Text | str:
    text = value.strip() if isinstance(value, str) else ""
    if not text:
        return text_of("roadmap.owner_missing", kpi=kpi.name, field=text_of(f"kpi_field.{field}"))
    if len(text) > OWNER_LIMIT:
        return text_of(
            "roadmap.owner_too_long",
            kpi=kpi.name,
            field=text_of(f"kpi_field.{field}"),
            limit=OWNER_LIMIT,
        )
    return text


# --- the edits document ----------------------------------------------------------------------


class RoadmapEdits(Frozen):
    """What a consultant changed: the start date and KPI fields (only those that differ)."""

    start: date | None = None
    kpis: dict[str, dict[str, Any]] = Field(default_factory=dict)


def edits_from_table(
    generated: Roadmap, rows: Mapping[str, Mapping[str, Any]], start: date | None
) -> RoadmapEdits:
    """Edits from the KPI table as shown (every editable field of every row): the values
    that differ from the generated ones. KpiEditError lists every invalid cell."""
    problems, kpis = [], {}
    for kpi in generated.kpis:
        if kpi.id not in rows:
            continue
        try:
            clean = check_kpi_values(kpi, rows[kpi.id])
        except KpiEditError as error:
            problems += error.problems
            continue
        changed = {field: value for field, value in clean.items() if not _same(kpi, field, value)}
        if changed:
            kpis[kpi.id] = changed
    if problems:
        raise KpiEditError(problems)
    return RoadmapEdits(start=start, kpis=kpis)


def _same(kpi: Kpi, field: str, value: Any) -> bool:
    if field == "owner":
        return value in (kpi.owner.fr, kpi.owner.en)
    return getattr(kpi, field) == value


def apply_edits(roadmap: Roadmap, edits: RoadmapEdits) -> Roadmap:
    """The roadmap with the edited KPI fields; an edit that is no longer valid is ignored."""
    kpis = []
    for kpi in roadmap.kpis:
        wanted = {f: v for f, v in edits.kpis.get(kpi.id, {}).items() if f in EDITABLE}
        try:
            clean = check_kpi_values(kpi, wanted)
        except KpiEditError:  # keep the fields that still make sense on their own
            clean = {}
            for field, value in wanted.items():
                try:
                    clean |= check_kpi_values(kpi, {field: value})
                except KpiEditError:
                    continue
            if clean.get("start", kpi.start) > clean.get("end", kpi.end):
                clean.pop("start")  # each date fits alone, not together: drop both
                clean.pop("end")
        update: dict[str, Any] = dict(clean)
        if "owner" in clean:
            update["owner"] = Text(fr=clean["owner"], en=clean["owner"])
        kpis.append(kpi.model_copy(update={**update, "edited": sorted(clean)}) if clean else kpi)
    return roadmap.model_copy(update={"kpis": kpis})


def edits_to_payload(edits: RoadmapEdits) -> dict:
    """The JSON document saved in the store."""
    return {
        "version": PAYLOAD_VERSION,
        "start": edits.start.isoformat() if edits.start else None,
        "kpis": {
            kpi_id: {f: v.isoformat() if isinstance(v, date) else v for f, v in fields.items()}
            for kpi_id, fields in edits.kpis.items()
        },
    }


def edits_from_payload(payload: Mapping[str, Any] | None) -> RoadmapEdits:
    """Edits read back from the store, tolerant of anything malformed (it is left out)."""
    if not isinstance(payload, Mapping):
        return RoadmapEdits()
    try:
        start = date.fromisoformat(payload.get("start"))
    except (TypeError, ValueError):
        start = None
    kpis = payload.get("kpis")
    kpis = {
        str(kpi_id): {str(f): v for f, v in fields.items() if f in EDITABLE}
        for kpi_id, fields in (kpis.items() if isinstance(kpis, Mapping) else [])
        if isinstance(fields, Mapping)
    }
    return RoadmapEdits(start=start, kpis={k: v for k, v in kpis.items() if v})
