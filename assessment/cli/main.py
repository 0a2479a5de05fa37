"""Command line: ``python -m assessment validate | score | template | schema``.

Exit codes: 0 success, 1 invalid input (every problem is printed to stderr), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from pydantic import ValidationError

from assessment.bundle import AssessmentBundle, restore
from assessment.cli import authoring as authoring_commands
from assessment.cli import benchmark as benchmark_commands
from assessment.cli import pilot as pilot_commands
from assessment.cli import roadmap as roadmap_commands
from assessment.cli import waves as waves_commands
from assessment.cli.authoring import language
from assessment.models import Questionnaire
from assessment.profile import ROLES, SIZE_CLASSES, Profile
from assessment.questionnaire import (
    SCHEMA_PATH,
    AnswersFileError,
    QuestionnaireError,
    dont_know_text,
    load_questionnaire,
    questionnaire_files,
    questionnaire_schema,
    read_answers,
)
from assessment.reading import format_result
from assessment.results import Result
from assessment.scoring import AnswerError, score
from assessment.store import Store
from exports.importer import MAX_UPLOAD_BYTES, ImportRejected, read_export
from exports.json_backup import build_json
from exports.pack import build_deck, build_report
from exports.workbook import full_workbook


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.command(args)
    except (QuestionnaireError, AnswersFileError, AnswerError) as error:
        for line in getattr(error, "problems", [error]):
            print(f"error: {line}", file=sys.stderr)
        return 1


def _validate(args: argparse.Namespace) -> int:
    failed = 0
    for path in args.paths:
        try:
            questionnaire = load_questionnaire(path)
        except QuestionnaireError as error:
            failed += 1
            for problem in error.problems:
                print(problem, file=sys.stderr)
            print(f"{Path(path).name}: INVALID, {len(error.problems)} problem(s)", file=sys.stderr)
            continue
        print(f"{Path(path).name}: OK, {_summary(questionnaire)}")
    return 1 if failed else 0


def _summary(questionnaire: Questionnaire) -> str:
    counts = ", ".join(f"{d.id} {len(d.questions)}" for d in questionnaire.ordered_dimensions())
    return (
        f"{questionnaire.id} v{questionnaire.version}: {len(questionnaire.dimensions)} dimensions, "
        f"{len(questionnaire.questions())} questions ({counts}), "
        f"{len(questionnaire.references)} reference points"
    )


def _score(args: argparse.Namespace) -> int:
    questionnaire = load_questionnaire(args.questionnaire)
    answers = read_answers(args.answers, questionnaire)
    result = score(questionnaire, answers)
    print(_as_json(result) if args.json else format_result(questionnaire, result, args.lang))
    return 0


def _as_json(result: Result) -> str:
    return json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False)


def _template(args: argparse.Namespace) -> int:
    questionnaire = load_questionnaire(args.questionnaire)
    lang = questionnaire.main_language()
    dont_know = dont_know_text(questionnaire, lang)
    template = {
        "questionnaire": questionnaire.id,
        "answers": {question.id: None for _, question in questionnaire.questions()},
        # What to write for each question: a value (an option by its position, 1 = first),
        # or null for "don't know"; read by no one but the person filling the file in.
        "choices": {
            question.id: [f"{c.value} = {c.label(lang)}" for c in questionnaire.choices(question)]
            + [f"null = {dont_know}"]
            for _, question in questionnaire.questions()
        },
    }
    print(json.dumps(template, indent=2))
    return 0


def _schema(args: argparse.Namespace) -> int:
    text = json.dumps(questionnaire_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.write:
        SCHEMA_PATH.write_text(text, encoding="utf-8")
        print(f"wrote {SCHEMA_PATH}")
    else:
        print(text, end="")
    return 0


PROFILE_OPTIONS = {
    "organisation": "organisation",
    "sector": "sector",
    "size": "size_class",
    "country": "country",
    "role": "role",
}


class ProfileOptionsError(ValueError):
    pass


def _profile_options(parser: argparse.ArgumentParser, why: str) -> None:
    group = parser.add_argument_group("organisation profile", why)
    group.add_argument("--organisation", metavar="NAME")
    group.add_argument("--sector", metavar="LETTER", help="NACE Rev. 2 section, e.g. J")
    group.add_argument("--size", metavar="CLASS", help=", ".join(SIZE_CLASSES))
    group.add_argument("--country", metavar="CODE", help="ISO 3166-1 alpha-2, ZZ for other")
    group.add_argument("--role", metavar="ROLE", help=", ".join(ROLES))


def _profile_of(args: argparse.Namespace) -> Profile | None:
    """The profile the options give, None when none is given; all five or none."""
    given = {field: getattr(args, option) for option, field in PROFILE_OPTIONS.items()}
    if all(value is None for value in given.values()):
        return None
    missing = [f"--{option}" for option, field in PROFILE_OPTIONS.items() if given[field] is None]
    if missing:
        raise ProfileOptionsError(f"the organisation profile also needs {', '.join(missing)}")
    try:
        return Profile.model_validate(given)
    except ValidationError as error:
        details = "; ".join(e["msg"].removeprefix("Value error, ") for e in error.errors())
        raise ProfileOptionsError(f"organisation profile: {details}") from error


def _export(args: argparse.Namespace) -> int:
    questionnaire = load_questionnaire(args.questionnaire)
    answers = read_answers(args.answers, questionnaire)
    try:
        profile = _profile_of(args)
    except ProfileOptionsError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    bundle = AssessmentBundle(
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        language=args.lang,
        profile=profile,
        answers=answers,
        exported_at=datetime.now(UTC),
    )
    out = Path(args.out)
    today = datetime.now(UTC).date()
    suffix = out.suffix.lower()
    if suffix == ".json":
        data = build_json(bundle)
    elif suffix in (".pdf", ".pptx"):
        build = build_report if suffix == ".pdf" else build_deck
        data = build(questionnaire, bundle, today)
    else:
        data = full_workbook(questionnaire, bundle, today)
    out.write_bytes(data)
    print(f"wrote {out} ({len(data):,} bytes)")
    return 0


def _import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_UPLOAD_BYTES + 1)  # never more than the cap into memory
    except OSError as error:
        print(f"error: {path.name}: cannot be read ({error.strerror})", file=sys.stderr)
        return 1
    installed = []
    for candidate in questionnaire_files():
        try:
            installed.append(load_questionnaire(candidate))
        except QuestionnaireError:
            continue  # a broken questionnaire file does not stop importing for the others
    try:
        profile = _profile_of(args)
        questionnaire, bundle = read_export(data, path.name, installed, profile)
    except (ImportRejected, ProfileOptionsError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    store = Store.from_env()
    token = restore(store, questionnaire, bundle)
    store.dispose()
    print(f"imported as a new assessment; open it with ?a={token} on the app's address")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m assessment", description="Transformation maturity assessment toolkit."
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    validate = commands.add_parser(
        "validate", help="check questionnaire files, listing every problem"
    )
    validate.add_argument("paths", nargs="+", metavar="PATH")
    validate.set_defaults(command=_validate)

    score_cmd = commands.add_parser("score", help="score an answers file")
    score_cmd.add_argument("--questionnaire", required=True, metavar="PATH")
    score_cmd.add_argument("--answers", required=True, metavar="FILE", help="JSON answers file")
    score_cmd.add_argument("--json", action="store_true", help="print the result as JSON")
    score_cmd.add_argument(
        "--lang", type=language, default="en", help="en, fr, or a questionnaire's"
    )
    score_cmd.set_defaults(command=_score)

    template = commands.add_parser("template", help="print an empty answers file")
    template.add_argument("--questionnaire", required=True, metavar="PATH")
    template.set_defaults(command=_template)

    schema = commands.add_parser("schema", help="print (or --write) the questionnaire JSON schema")
    schema.add_argument("--write", action="store_true", help=f"write it to {SCHEMA_PATH.name}")
    schema.set_defaults(command=_schema)

    export = commands.add_parser(
        "export",
        help="write the workbook (.xlsx), the PDF report, the slide deck (.pptx) or the .json",
    )
    export.add_argument("--questionnaire", required=True, metavar="PATH")
    export.add_argument("--answers", required=True, metavar="FILE", help="JSON answers file")
    export.add_argument(
        "--out",
        required=True,
        metavar="FILE",
        help="report.xlsx, report.pdf, deck.pptx or export.json",
    )
    export.add_argument("--lang", type=language, default="en", help="en, fr, or a questionnaire's")
    _profile_options(export, "written into the file, so that it can be imported again as it is")
    export.set_defaults(command=_export)

    import_cmd = commands.add_parser("import", help="restore an exported .xlsx or .json")
    import_cmd.add_argument("file", metavar="FILE")
    _profile_options(import_cmd, "for a file exported without one; a file's own profile is kept")
    import_cmd.set_defaults(command=_import)

    for feature in (
        roadmap_commands,
        benchmark_commands,
        pilot_commands,
        authoring_commands,
        waves_commands,
    ):
        feature.register(commands)
    return parser
