"""``python -m assessment convert``: a questionnaire between a spreadsheet and its YAML file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assessment.models import is_language
from assessment.questionnaire import QuestionnaireError, load_questionnaire
from exports.authoring import (
    MAX_BYTES,
    WorkbookProblem,
    blank_workbook,
    questionnaire_workbook,
    read_workbook,
    yaml_of,
)


def register(commands: argparse._SubParsersAction) -> None:
    convert = commands.add_parser(
        "convert",
        help="convert a questionnaire: model.xlsx → model.yaml, or model.yaml → model.xlsx",
    )
    convert.add_argument("source", nargs="?", metavar="IN", help="a .xlsx or .yaml questionnaire")
    convert.add_argument("out", metavar="OUT", help="the file to write (.yaml or .xlsx)")
    convert.add_argument(
        "--blank",
        action="store_true",
        help="write an empty questionnaire workbook to OUT, to fill in",
    )
    convert.add_argument(
        "--languages",
        type=languages,
        default=["en"],
        metavar="CODES",
        help="with --blank: the languages of its text columns, e.g. en,fr,de (default en)",
    )
    convert.set_defaults(command=_convert)


def language(text: str) -> str:
    """One ISO 639-1 code (the interface's words fall back to English in another)."""
    if not is_language(text):
        raise argparse.ArgumentTypeError(f"not an ISO 639-1 language code: {text!r}")
    return text


def languages(text: str) -> list[str]:
    codes = [code.strip() for code in text.split(",") if code.strip()]
    wrong = [code for code in codes if not is_language(code)]
    if wrong or not codes:
        raise argparse.ArgumentTypeError(f"not ISO 639-1 language codes: {', '.join(wrong)}")
    return codes


def _convert(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if args.blank:
        out.write_bytes(blank_workbook(args.languages))
        print(f"wrote {out}: an empty questionnaire workbook ({', '.join(args.languages)})")
        return 0
    if args.source is None:
        print("error: give the file to convert (or --blank)", file=sys.stderr)
        return 2
    source = Path(args.source)
    try:
        if source.suffix.lower() == ".xlsx":
            return _from_workbook(source, out)
        questionnaire = load_questionnaire(source)
    except QuestionnaireError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{source.name}: INVALID, {len(error.problems)} problem(s)", file=sys.stderr)
        return 1
    out.write_bytes(questionnaire_workbook(questionnaire))
    print(f"wrote {out}: {questionnaire.id} v{questionnaire.version} as a workbook")
    return 0


def _from_workbook(source: Path, out: Path) -> int:
    try:
        with source.open("rb") as handle:  # never more than the cap into memory
            questionnaire, data = read_workbook(handle.read(MAX_BYTES + 1), source.name)
    except WorkbookProblem as error:
        raise QuestionnaireError(error.problems) from None
    out.write_text(yaml_of(data), encoding="utf-8")
    count = len(questionnaire.questions())
    print(f"wrote {out}: {questionnaire.id} v{questionnaire.version}, {count} questions")
    return 0
