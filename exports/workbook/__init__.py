"""The steering-committee workbook (.xlsx): summary, scores with a native chart, symmetry,
answers, roadmap, pilot KPIs, benchmark and workshop sheets; it prints and imports back."""

from exports.workbook.pack import full_workbook
from exports.workbook.sheets import ANSWERS_HEADER_ROW, META_SHEET, build_workbook

__all__ = ["ANSWERS_HEADER_ROW", "META_SHEET", "build_workbook", "full_workbook"]
