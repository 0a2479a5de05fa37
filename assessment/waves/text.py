"""What changed between two waves, written in the reading's language: the overall change and
the maturity level, the dimensions in progress or decline, the answer that moved most, the
symmetry's course, the targets and what could not be compared."""

from __future__ import annotations

from assessment import formatting as fmt
from assessment.i18n import say
from assessment.models import Language
from assessment.waves.compare import (
    MIN_CHANGE,
    MIN_COVERAGE,
    Change,
    Comparison,
    Step,
    WaveFigures,
)


def what_changed(comparison: Comparison, lang: Language, step: Step | None = None) -> list[str]:
    """Paragraphs on the way from one wave to a later one (by default, the first to the last)."""
    step = step or comparison.total
    before, after = comparison.waves[step.before], comparison.waves[step.after]
    paragraphs = [_overall(step.overall, before, after, lang), _level(before, after, lang)]
    paragraphs += _dimensions(comparison, step, lang)
    if step.moved:
        move = step.moved[0]
        question = comparison.questionnaire.question(move.question_id)
        paragraphs.append(
            say(
                "waves.text_moved_most",
                lang,
                question=question.text(lang),
                before=fmt.score(move.before, lang),
                after=fmt.score(move.after, lang),
            )
        )
    symmetry = _symmetry(before, after, lang)
    if symmetry:
        paragraphs.append(symmetry)
    targets = [c for c in [*step.dimensions, step.overall] if c.target_met is not None]
    if targets:
        met = sum(1 for c in targets if c.target_met)
        paragraphs.append(
            say(
                f"waves.text_targets_{fmt.plural(met, lang)}",
                lang,
                met=met,
                total=len(targets),
            )
        )
    if comparison.not_comparable:
        count = len(comparison.not_comparable)
        paragraphs.append(
            say(f"waves.text_not_comparable_{fmt.plural(count, lang)}", lang, count=count)
        )
    return paragraphs


def wave_name(wave: WaveFigures, lang: Language) -> str:
    """« Baseline (12 January 2026) », or the label alone when the wave has no date."""
    if wave.held_on is None:
        return wave.label
    return say("waves.wave_dated", lang, label=wave.label, date=fmt.date(wave.held_on, lang))


def verdict_text(change: Change, lang: Language) -> str:
    """« progress », « stable (under 5 points) »…"""
    verdict = say(f"waves.verdict_{change.verdict}", lang)
    if change.reason and change.reason != "missing":
        return say("waves.verdict_because", lang, verdict=verdict, reason=reason_text(change, lang))
    return verdict


def reason_text(change: Change, lang: Language) -> str:
    return say(
        f"waves.reason_{change.reason}",
        lang,
        points=fmt.points(MIN_CHANGE, lang),
        coverage=fmt.percent(MIN_COVERAGE, lang),
        margin=fmt.points(2 * (change.standard_error or 0), lang),
    )


def _overall(change: Change, before: WaveFigures, after: WaveFigures, lang: Language) -> str:
    return say(
        "waves.text_overall",
        lang,
        before=wave_name(before, lang),
        after=wave_name(after, lang),
        first=fmt.score(change.before, lang),
        last=fmt.score(change.after, lang),
        delta=fmt.points(change.delta, lang, signed=True),
        verdict=verdict_text(change, lang),
    )


def _level(before: WaveFigures, after: WaveFigures, lang: Language) -> str:
    def named(wave: WaveFigures) -> str:
        return "—" if wave.level is None else f"{wave.level} · {wave.level_name(lang)}"

    if before.level == after.level:
        return say("waves.text_level_same", lang, level=named(after))
    return say("waves.text_level_moved", lang, before=named(before), after=named(after))


def _dimensions(comparison: Comparison, step: Step, lang: Language) -> list[str]:
    titles = {d.id: d.title(lang) for d in comparison.questionnaire.dimensions}

    def listed(changes: list[Change]) -> str:
        return say("core.list_separator", lang).join(
            f"{titles[c.key]} ({fmt.points(c.delta, lang, signed=True)})" for c in changes
        )

    paragraphs = []
    for verdict in ("progress", "decline"):
        changes = [c for c in step.dimensions if c.verdict == verdict]
        if changes:
            paragraphs.append(say(f"waves.text_{verdict}", lang, dimensions=listed(changes)))
    stable = [c for c in step.dimensions if c.verdict == "stable" and c.delta is not None]
    if stable:
        paragraphs.append(say("waves.text_stable", lang, dimensions=listed(stable)))
    return paragraphs


def _symmetry(before: WaveFigures, after: WaveFigures, lang: Language) -> str | None:
    if not (before.has_symmetry and after.has_symmetry):
        return None
    first, last = before.symmetry, after.symmetry
    shown = [fmt.points(s.index, lang, signed=True) for s in (first, last)]
    if shown[0] == shown[1]:
        text = say("waves.text_symmetry_same", lang, last=shown[1])
    else:
        text = say("waves.text_symmetry", lang, first=shown[0], last=shown[1])
    if first.stall != last.stall:
        text += " " + say("waves.text_stall_" + ("raised" if last.stall else "cleared"), lang)
    return text
