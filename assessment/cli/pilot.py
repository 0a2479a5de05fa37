"""Command line: ``python -m assessment kpi add | list`` (registered by assessment/cli/main.py).

``kpi add`` keeps one measured value of a pilot KPI for a stored assessment (found by its private
link's token, in DATABASE_URL), refusing a bad value with every problem said and exit code 2;
``kpi list`` prints each KPI's values, its status and the gate of the diffusion phase.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, date, datetime

from assessment import formatting as fmt
from assessment import services
from assessment.i18n import in_language, say
from assessment.models import Language
from assessment.questionnaire import QuestionnaireError, load_questionnaire, questionnaire_files
from assessment.roadmap import (
    ActionLibrary,
    ActualRefused,
    Entry,
    Gate,
    PilotProgress,
    Roadmap,
    gate_explanation,
    gate_headline,
    pilot_status,
)
from assessment.store import AssessmentRecord, LinkError, Store

USAGE_ERROR = 2


def register(commands: argparse._SubParsersAction) -> None:
    kpi = commands.add_parser("kpi", help="enter and list the pilot KPIs' measured values")
    actions = kpi.add_subparsers(required=True, metavar="ACTION")
    add = actions.add_parser("add", help="keep one measured value of a pilot KPI")
    _common(add)
    add.add_argument("--kpi", required=True, metavar="ID", help="e.g. productivity")
    add.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="day it was measured")
    add.add_argument("--value", required=True, metavar="NUMBER", help="in the KPI's unit")
    add.add_argument("--by", required=True, metavar="NAME", help="who enters it")
    add.add_argument("--comment", default="", metavar="TEXT")
    add.set_defaults(command=_add)
    listing = actions.add_parser("list", help="each KPI's values and status, and the gate")
    _common(listing)
    listing.set_defaults(command=_list)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--assessment", required=True, metavar="TOKEN", help="the private link's token (?a=…)"
    )
    parser.add_argument("--lang", choices=["en", "fr"], default="en")


def _add(args: argparse.Namespace) -> int:
    opened = _open(args)
    if isinstance(opened, int):
        return opened
    store, record, roadmap = opened
    now = datetime.now(UTC)
    try:
        entry = Entry(args.kpi, args.date, args.value, args.by, args.comment)
        actual = services.add_actual(store, record.id, roadmap, entry, now)
    except ActualRefused as error:
        for problem in in_language(error.problems, args.lang):
            print(f"error: {problem}", file=sys.stderr)
        return USAGE_ERROR
    finally:
        store.dispose()
    kpi = roadmap.kpi(actual.kpi)
    print(
        say(
            "pilot.cli_saved",
            args.lang,
            kpi=kpi.name(args.lang),
            date=fmt.date(actual.on, args.lang),
            value=fmt.kpi_value(actual.value, kpi.unit, args.lang),
        )
    )
    return 0


def _list(args: argparse.Namespace) -> int:
    opened = _open(args)
    if isinstance(opened, int):
        return opened
    store, record, roadmap = opened
    pilot = services.pilot_record(store, record.id)
    store.dispose()
    progress, gate = pilot_status(roadmap, pilot)
    print("\n".join(format_progress(progress, gate, args.lang)))
    return 0


def format_progress(progress: PilotProgress, gate: Gate, lang: Language) -> list[str]:
    """Each KPI with its status and values, then the pilot's status and the gate."""
    sep = say("core.colon", lang)
    lines = []
    for item in progress.kpis:
        kpi = item.kpi
        lines += [
            f"{kpi.name(lang)}{sep}{say(f'pilot.status_{item.status}', lang)}",
            "   "
            + " · ".join(
                [
                    say(
                        "pilot.baseline_is",
                        lang,
                        baseline=fmt.kpi_value(kpi.baseline, kpi.unit, lang),
                    ),
                    say("pilot.target_is", lang, target=fmt.kpi_value(kpi.target, kpi.unit, lang)),
                ]
            ),
        ]
        lines += [
            f"   {fmt.date(a.on, lang)}{sep}{fmt.kpi_value(a.value, kpi.unit, lang)}"
            f" ({a.entered_by}){' · ' + a.comment if a.comment else ''}"
            for a in item.actuals
        ]
    status = say(f"pilot.status_{progress.status}", lang)
    return [*lines, "", say("pilot.overall", lang, status=status), *gate_lines(gate, lang)]


def gate_lines(gate: Gate, lang: Language) -> list[str]:
    return [gate_headline(gate, lang), gate_explanation(gate, lang)]


def _open(args: argparse.Namespace) -> tuple[Store, AssessmentRecord, Roadmap] | int:
    """The store, the assessment and its roadmap as the consultant left it; or an exit code."""
    store = Store.from_env()
    try:
        record = store.find(args.assessment)
    except LinkError:
        store.dispose()
        print(f"error: {say('pilot.cli_unknown_link', args.lang)}", file=sys.stderr)
        return 1
    questionnaire = None
    for path in questionnaire_files():
        try:
            candidate = load_questionnaire(path)
        except QuestionnaireError:
            continue
        if candidate.id == record.questionnaire_id:
            questionnaire = candidate
    library = services.action_library(questionnaire) if questionnaire else None
    if not isinstance(library, ActionLibrary):
        store.dispose()
        print(f"error: {say('pilot.cli_no_roadmap', args.lang)}", file=sys.stderr)
        return 1
    edits = services.saved_edits(store, record.id)
    start = services.start_of(edits, date.today())
    answers = store.answers(record.id)
    roadmap = services.edited_roadmap(
        questionnaire, answers, record.profile, library, edits, start
    )[1]
    return store, record, roadmap
