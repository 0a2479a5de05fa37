"""Roadmap: answers + action library → awareness → pilot → diffusion, with the pilot and its
KPIs; a consultant's edits (start date, owners, KPI fields) kept apart and applied on top, so that
new answers update the plan without losing them. Import from here: it is the one entry point.

library (actions.yaml and its validation) · kpis (kpis.yaml, the pilot's indicators, carried by
the library) · generator (the plan) · plan (the roadmap as a value) · pilot (pilot and KPIs)
· edits · text (the words, fr/en) · chart (the timeline).
"""

from assessment.roadmap.chart import timeline_chart
from assessment.roadmap.edits import (
    EDITABLE,
    OWNER_LIMIT,
    KpiEditError,
    RoadmapEdits,
    apply_edits,
    check_kpi_values,
    edits_from_payload,
    edits_from_table,
    edits_to_payload,
)
from assessment.roadmap.generator import (
    PILOT_ACTION,
    generate_roadmap,
    next_monday,
    priority_notes,
)
from assessment.roadmap.kpis import UNIT_RANGES, KpiDefinition, KpiUnit, load_kpis, parse_kpis
from assessment.roadmap.library import (
    DEFAULT_KPIS,
    DEFAULT_LIBRARY,
    PHASES,
    Action,
    ActionLibrary,
    Condition,
    LibraryError,
    load_library,
    parse_library,
)
from assessment.roadmap.pilot import ADVOCACY_KPI, Kpi, Pilot
from assessment.roadmap.plan import (
    PhasePlan,
    PlannedAction,
    Reason,
    Roadmap,
    roadmap_from_dict,
    roadmap_to_dict,
)

__all__ = [
    "ADVOCACY_KPI",
    "DEFAULT_KPIS",
    "DEFAULT_LIBRARY",
    "EDITABLE",
    "OWNER_LIMIT",
    "PHASES",
    "PILOT_ACTION",
    "UNIT_RANGES",
    "Action",
    "ActionLibrary",
    "Condition",
    "Kpi",
    "KpiDefinition",
    "KpiEditError",
    "KpiUnit",
    "LibraryError",
    "PhasePlan",
    "Pilot",
    "PlannedAction",
    "Reason",
    "Roadmap",
    "RoadmapEdits",
    "apply_edits",
    "check_kpi_values",
    "edits_from_payload",
    "edits_from_table",
    "edits_to_payload",
    "generate_roadmap",
    "load_kpis",
    "load_library",
    "next_monday",
    "parse_kpis",
    "parse_library",
    "priority_notes",
    "roadmap_from_dict",
    "roadmap_to_dict",
    "timeline_chart",
]
