"""Live workshop: a room answers on phones, the facilitator sees the result forming.

room (the room's figures) · segments (groups and the anonymity threshold) · dispersion ·
consolidation (the room as one assessment) · records, tables, store (the database) · charts.
"""

from assessment.workshop.charts import (
    distribution_chart,
    room_map_points,
    room_people_map,
    room_quadrant,
    room_radar,
    segment_heatmap,
)
from assessment.workshop.consolidation import as_result, consolidated_answers, summary_document
from assessment.workshop.dispersion import Spread
from assessment.workshop.records import (
    JOIN_ALPHABET,
    MAX_SEGMENTS,
    DimensionNotOpen,
    InvalidAnswer,
    InvalidChoice,
    RoomCounts,
    Snapshot,
    ThresholdLocked,
    UnknownWorkshop,
    WorkshopClosed,
    WorkshopError,
    WorkshopRecord,
    format_code,
    normalise_code,
)
from assessment.workshop.room import (
    CONSENSUS_BANDS,
    DEFAULT_DISPERSION_THRESHOLD,
    DEFAULT_THRESHOLD,
    MAX_THRESHOLD,
    MIN_THRESHOLD,
    QuestionStats,
    RoomAggregate,
    aggregate,
    consensus_band,
    median_level,
    question_stats,
    top_disagreements,
)
from assessment.workshop.segments import (
    NOT_STATED,
    Participant,
    Segment,
    SegmentSyntaxError,
    SegmentView,
    parse_segments,
)
from assessment.workshop.store import WorkshopStore, room_of
from assessment.workshop.tables import workshop_answers_table

__all__ = [
    "CONSENSUS_BANDS",
    "DEFAULT_DISPERSION_THRESHOLD",
    "DEFAULT_THRESHOLD",
    "JOIN_ALPHABET",
    "MAX_SEGMENTS",
    "MAX_THRESHOLD",
    "MIN_THRESHOLD",
    "NOT_STATED",
    "DimensionNotOpen",
    "InvalidAnswer",
    "InvalidChoice",
    "Participant",
    "QuestionStats",
    "RoomAggregate",
    "RoomCounts",
    "Segment",
    "SegmentSyntaxError",
    "SegmentView",
    "Snapshot",
    "Spread",
    "ThresholdLocked",
    "UnknownWorkshop",
    "WorkshopClosed",
    "WorkshopError",
    "WorkshopRecord",
    "WorkshopStore",
    "aggregate",
    "as_result",
    "consensus_band",
    "consolidated_answers",
    "distribution_chart",
    "format_code",
    "median_level",
    "normalise_code",
    "parse_segments",
    "question_stats",
    "room_map_points",
    "room_of",
    "room_people_map",
    "room_quadrant",
    "room_radar",
    "segment_heatmap",
    "summary_document",
    "top_disagreements",
    "workshop_answers_table",
]
