"""A questionnaire as a spreadsheet, both ways: what a consultant writes in Excel or LibreOffice
becomes the YAML file the app reads, and any questionnaire file becomes a workbook to edit.

The layout follows the XLSForm convention of survey tools: one sheet per kind of row
(``questions``, ``options``, ``scale``…), one header row naming the columns, and one column per
language for every text, ``text::en``, ``text::fr``, ``label::de``. A question answered with its
own options names an option list of the ``options`` sheet, as XLSForm's ``select_one`` names a
list of its ``choices`` sheet. Every problem of a workbook is located as ``Sheet!Cell``.
"""

from exports.authoring.layout import MAX_BYTES, WorkbookProblem
from exports.authoring.reading import read_workbook, yaml_of
from exports.authoring.writing import blank_workbook, questionnaire_workbook

__all__ = [
    "MAX_BYTES",
    "WorkbookProblem",
    "blank_workbook",
    "questionnaire_workbook",
    "read_workbook",
    "yaml_of",
]
