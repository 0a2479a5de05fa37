"""Roadmap: answers + action library → awareness → pilot → diffusion, with the pilot and its
KPIs; a consultant's edits (start date, owners, KPI fields) kept apart and applied on top, so that
new answers update the plan without losing them. Import from here: it is the one entry point.

library (actions.yaml and its validation) · kpis (kpis.yaml, the pilot's indicators, carried by
the library) · generator (the plan) · plan (the roadmap as a value) · pilot (pilot and KPIs)
· edits · text (the words, fr/en) · chart (the timeline) · progress (the KPIs' measured values,
their progress and the diffusion gate) · progress_chart · summary (the pilot's results).
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
from assessment.roadmap.generic import GENERIC_LIBRARY, generic_library, serving_library
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
from assessment.roadmap.progress import (
    Actual,
    ActualRefused,
    Decision,
    Entry,
    Gate,
    GateState,
    KpiProgress,
    PilotProgress,
    PilotRecord,
    Status,
    check_actual,
    check_decision,
    pilot_status,
    record_from_payload,
    record_to_payload,
)
from assessment.roadmap.summary import (
    PilotSummary,
    gate_evidence,
    gate_explanation,
    gate_headline,
    pilot_summary,
)

__all__ = [
    "ADVOCACY_KPI",
    "DEFAULT_KPIS",
    "DEFAULT_LIBRARY",
    "EDITABLE",
    "GENERIC_LIBRARY",
    "OWNER_LIMIT",
    "PHASES",
    "PILOT_ACTION",
    "UNIT_RANGES",
    "Action",
    "ActionLibrary",
    "Actual",
    "ActualRefused",
    "Condition",
    "Decision",
    "Entry",
    "Gate",
    "GateState",
    "Kpi",
    "KpiDefinition",
    "KpiEditError",
    "KpiProgress",
    "KpiUnit",
    "LibraryError",
    "PhasePlan",
    "Pilot",
    "PilotProgress",
    "PilotRecord",
    "PilotSummary",
    "PlannedAction",
    "Reason",
    "Roadmap",
    "RoadmapEdits",
    "Status",
    "apply_edits",
    "check_actual",
    "check_decision",
    "check_kpi_values",
    "edits_from_payload",
    "edits_from_table",
    "edits_to_payload",
    "gate_evidence",
    "gate_explanation",
    "gate_headline",
    "generate_roadmap",
    "generic_library",
    "load_kpis",
    "load_library",
    "next_monday",
    "parse_kpis",
    "parse_library",
    "pilot_status",
    "pilot_summary",
    "priority_notes",
    "record_from_payload",
    "record_to_payload",
    "roadmap_from_dict",
    "roadmap_to_dict",
    "serving_library",
    "timeline_chart",
]
