"""Command line: ``python -m assessment roadmap`` (registered by assessment/__main__.py).

Prints the awareness → pilot → diffusion roadmap of an answers file, as readable text or as a
JSON document (``--json``, texts in both languages unless ``--lang`` is given).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from assessment import formatting as fmt
from assessment.i18n import say, text_of
from assessment.models import Language, Questionnaire
from assessment.questionnaire import load_questionnaire, read_answers
from assessment.roadmap import (
    DEFAULT_LIBRARY,
    Gate,
    LibraryError,
    PilotRecord,
    Roadmap,
    gate_explanation,
    gate_headline,
    generate_roadmap,
    load_library,
    next_monday,
    pilot_status,
    priority_notes,
    roadmap_to_dict,
    serving_library,
)


def register(commands: argparse._SubParsersAction) -> None:
    """Add this feature's subcommands to `python -m assessment`."""
    roadmap = commands.add_parser(
        "roadmap", help="propose an awareness → pilot → diffusion roadmap with pilot KPIs"
    )
    roadmap.add_argument("--questionnaire", required=True, metavar="PATH")
    roadmap.add_argument("--answers", required=True, metavar="FILE", help="JSON answers file")
    roadmap.add_argument("--json", action="store_true", help="print the roadmap as JSON")
    roadmap.add_argument(
        "--lang", choices=["en", "fr"], help="language of the texts (default: en; JSON: both)"
    )
    roadmap.add_argument(
        "--start",
        type=_date,
        metavar="YYYY-MM-DD",
        help="first day of the roadmap (default: next Monday)",
    )
    roadmap.add_argument(
        "--library",
        default=DEFAULT_LIBRARY,
        metavar="PATH",
        help=f"action library (default: roadmaps/{DEFAULT_LIBRARY.name})",
    )
    roadmap.set_defaults(command=_roadmap)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY-MM-DD)") from None


def _roadmap(args: argparse.Namespace) -> int:
    # Questionnaire and answers errors are reported by __main__.main, like `score`.
    questionnaire = load_questionnaire(args.questionnaire)
    answers = read_answers(args.answers, questionnaire)
    try:
        if Path(args.library) == DEFAULT_LIBRARY:  # none serves it: the plan from its gaps
            library = serving_library(args.library, questionnaire)
        else:  # one the consultant names must fit the questionnaire
            library = load_library(args.library, questionnaire)
    except LibraryError as error:
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        return 1
    start = args.start or next_monday(date.today())
    roadmap = generate_roadmap(questionnaire, answers, None, library, start)
    if args.json:
        document = roadmap_to_dict(roadmap, args.lang)
        print(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        # An answers file has no pilot measured yet: the diffusion phase waits for evidence.
        gate = pilot_status(roadmap, PilotRecord())[1]
        print(format_roadmap(roadmap, args.lang or "en", gate, questionnaire))
    return 0


def format_roadmap(
    roadmap: Roadmap,
    lang: Language,
    gate: Gate | None = None,
    questionnaire: Questionnaire | None = None,
) -> str:
    """The roadmap as plain text for the terminal: the diffusion phase marked by the gate and,
    with its questionnaire, the warnings whose answers come first named."""

    def label(key: str, **values: object) -> str:
        return text_of(f"roadmap_cli.{key}", **values)(lang)

    sep = _colon(lang)

    lines = [
        f"{label('title')}{sep}{roadmap.questionnaire_id} "
        f"({label('library')} {roadmap.library_id} v{roadmap.library_version})",
        label("period", start=roadmap.start, end=roadmap.end),
    ]
    if roadmap.stall:
        lines.append(label("stall"))
    if questionnaire is not None:
        lines += priority_notes(questionnaire, roadmap, lang)
    for position, phase in enumerate(roadmap.phases, start=1):
        lines += ["", f"{position}. {phase.title(lang).upper()}  ({_span(phase, lang)})"]
        lines.append(f"   {phase.goal(lang)}")
        if gate is not None and phase.phase == "diffusion":
            lines.append(f"   [{gate_headline(gate, lang)}] {gate_explanation(gate, lang)}")
        for action in phase.actions:
            weeks = fmt.weeks(action.duration_weeks, lang)
            lines += [
                "",
                f"   {action.number} {action.title(lang)}",
                f"       {label('owner')}{sep}{action.owner(lang)} · {label('effort')} "
                f"{say(f'effort.{action.effort}', lang)} · {weeks} · {_span(action, lang)}",
                f"       {action.rationale(lang)}",
            ]
            if action.depends_on:
                numbers = ", ".join(roadmap.action(d).number for d in action.depends_on)
                lines.append(f"       {label('after')}{sep}{numbers}")
            lines.append(f"       {label('why')}{sep.rstrip()}")
            lines += [f"         - {reason.text(lang)}" for reason in action.reasons]
    lines += ["", *_pilot_lines(roadmap, lang, label), "", *_kpi_lines(roadmap, lang, label)]
    return "\n".join(lines)


def _colon(lang: Language) -> str:
    return say("core.colon", lang)


def _span(item, lang: Language) -> str:
    return f"{fmt.date(item.start, lang)} → {fmt.date(item.end, lang)}"


def _pilot_lines(roadmap: Roadmap, lang: Language, label) -> list[str]:
    pilot, sep = roadmap.pilot, _colon(lang)
    duration = label("duration_value", weeks=pilot.duration_weeks, start=pilot.start, end=pilot.end)
    return [
        label("pilot").upper(),
        f"   {label('team')}{sep}{pilot.team_label(lang)}",
        f"   {label('why')}{sep}{pilot.reason(lang)}",
        f"   {label('scope')}{sep}{pilot.scope(lang)}",
        f"   {label('duration')}{sep}{duration}",
        f"   {label('participants')}{sep}{pilot.participants(lang)}",
        f"   {label('success')}{sep.rstrip()}",
        *[f"     - {criterion(lang)}" for criterion in pilot.success_criteria],
    ]


def _kpi_lines(roadmap: Roadmap, lang: Language, label) -> list[str]:
    lines, sep = [label("kpis").upper()], _colon(lang)
    for kpi in roadmap.kpis:
        baseline = (
            label("to_measure")
            if kpi.baseline is None
            else fmt.kpi_value(kpi.baseline, kpi.unit, lang)
        )
        target = (
            f"{label('to_set')} ({kpi.target_rule(lang)})"
            if kpi.target is None
            else fmt.kpi_value(kpi.target, kpi.unit, lang)
        )
        lines += [
            "",
            f"   {kpi.name(lang)}",
            f"       {label('definition')}{sep}{kpi.definition(lang)}",
            f"       {label('method')}{sep}{kpi.method(lang)}",
            f"       {label('source')}{sep}{kpi.source(lang)}",
            f"       {label('baseline')}{sep}{baseline} · {label('target')}{sep}{target}",
            f"       {label('frequency')}{sep}{kpi.frequency(lang)} · {label('owner')}{sep}"
            f"{kpi.owner(lang)} · {_span(kpi, lang)}",
        ]
        if kpi.baseline is not None:
            lines.append(f"       ({kpi.baseline_note(lang)})")
    return lines
