"""Command line: ``python -m assessment compare A B [--json] [--lang fr]`` (registered by
assessment/cli/main.py).

Each file is an assessment's export (.xlsx or .json), a wave labelled by its file name and
dated by the assessment's creation; or an organisation's export (.json), each of its waves in
turn. The waves are compared in the order given, by the rule of docs/scoring.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from assessment import formatting as fmt
from assessment.i18n import say
from assessment.models import Language, Questionnaire
from assessment.questionnaire import QUESTIONNAIRES_DIR, QuestionnaireError, load_questionnaire
from assessment.waves import Comparison, Member, PoolRefused, WaveInput, compare
from assessment.waves.text import verdict_text, wave_name, what_changed
from exports.importer import MAX_UPLOAD_BYTES, ImportRejected, read_export
from exports.organisation_import import read_organisation_export


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "compare", help="compare assessments (or an organisation's waves) from their exports"
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="exports, oldest first")
    parser.add_argument("--json", action="store_true", help="print the comparison as JSON")
    parser.add_argument("--lang", choices=["en", "fr"], default="en")
    parser.set_defaults(command=_compare)


def _compare(args: argparse.Namespace) -> int:
    installed = _installed()
    waves: list[WaveInput] = []
    for name in args.files:
        path = Path(name)
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_UPLOAD_BYTES + 1)
        except OSError as error:
            print(f"error: {path.name}: cannot be read ({error.strerror})", file=sys.stderr)
            return 1
        try:
            waves += _waves_of(data, path, installed)
        except ImportRejected as error:
            print(f"error: {error.message(args.lang)}", file=sys.stderr)
            return 1
    if len(waves) < 2:
        print(f"error: {say('waves.cli_needs_two', args.lang)}", file=sys.stderr)
        return 2
    try:
        comparison = compare(waves)
    except PoolRefused as refused:
        print(f"error: {refused.message(args.lang)}", file=sys.stderr)
        return 1
    print(_as_json(comparison) if args.json else _as_text(comparison, args.lang))
    return 0


def _installed() -> list[Questionnaire]:
    found = []
    for candidate in sorted(QUESTIONNAIRES_DIR.glob("*.yaml")):
        try:
            found.append(load_questionnaire(candidate))
        except QuestionnaireError:
            continue
    return found


def _waves_of(data: bytes, path: Path, installed: list[Questionnaire]) -> list[WaveInput]:
    if data.lstrip()[:1] == b"{" and b'"organisation"' in data[:200_000]:
        try:
            organisation, chosen = read_organisation_export(data, path.name, installed)
        except ImportRejected as error:
            if error.message.key != "waves.not_an_organisation":
                raise
        else:
            return [
                WaveInput(
                    label=wave.label,
                    held_on=wave.held_on,
                    targets=wave.targets,
                    members=[
                        _member(m.assessment, q, m.room)
                        for m, q in zip(wave.assessments, questionnaires, strict=True)
                    ],
                )
                for wave, questionnaires in zip(organisation.waves, chosen, strict=True)
                if wave.assessments
            ]
    questionnaire, bundle = read_export(data, path.name, installed)
    held_on = bundle.created_at.date() if bundle.created_at else None
    return [WaveInput(label=path.stem, held_on=held_on, members=[_member(bundle, questionnaire)])]


def _member(bundle, questionnaire: Questionnaire, room: str = "") -> Member:
    return Member(
        label=room or (bundle.profile.organisation if bundle.profile else ""),
        questionnaire=questionnaire,
        answers=bundle.answers,
        workshop=bundle.workshop.document() if bundle.workshop else None,
    )


def _as_text(comparison: Comparison, lang: Language) -> str:
    step = comparison.total
    questionnaire = comparison.questionnaire
    waves = comparison.waves
    lines = [" → ".join(wave_name(w, lang) for w in waves), ""]
    width = max(len(questionnaire.dimension(d).title(lang)) for d in comparison.dimension_ids) + 2
    for change in [*step.dimensions, step.overall]:
        title = (
            say("waves.overall", lang)
            if change.key == "overall"
            else questionnaire.dimension(change.key).title(lang)
        )
        scores = " → ".join(
            f"{fmt.score(w.score(change.key), lang)} ({fmt.percent(w.coverage[change.key], lang)})"
            for w in waves
        )
        delta = fmt.points(change.delta, lang, signed=True)
        target = (
            ""
            if change.target is None
            else f" · {say('waves.target', lang)} {fmt.score(change.target, lang)}"
        )
        lines.append(f"{title:<{width}}{scores}  {delta}  {verdict_text(change, lang)}{target}")
    lines.append("")
    lines += [paragraph.replace("**", "") for paragraph in what_changed(comparison, lang)]
    if comparison.not_comparable:
        lines += ["", say("waves.sheet_not_comparable", lang)]
        lines += [f"- {item.question_id}" for item in comparison.not_comparable]
    return "\n".join(lines)


def _as_json(comparison: Comparison) -> str:
    data = comparison.model_dump(mode="json", exclude={"questionnaire"})
    data["questionnaire_id"] = comparison.questionnaire.id
    return json.dumps(data, indent=2, ensure_ascii=False)
