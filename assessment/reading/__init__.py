"""Reading a result: the written interpretation (fr, en), the figures (radar, ambition /
capability map) and the plain-text report of the command line."""

from assessment.reading.interpretation import (
    SCALE_MIDDLE,
    compared,
    diagnosis_values,
    diagnosis_warnings,
    format_share,
    interpret,
    stall_explanation,
)
from assessment.reading.quadrant import quadrant_chart
from assessment.reading.radar import radar_chart
from assessment.reading.text_report import format_result

__all__ = [
    "SCALE_MIDDLE",
    "compared",
    "diagnosis_values",
    "diagnosis_warnings",
    "format_result",
    "format_share",
    "interpret",
    "quadrant_chart",
    "radar_chart",
    "stall_explanation",
]
