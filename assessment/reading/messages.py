"""The key messages of a result for a steering committee: each one names an action of the
roadmap and the figure of the result that calls for it, so that the committee reads a decision,
not a method note (coverage and method go to the appendix of the report).

Actions are taken in the roadmap's own order of priority (the answers to a raised warning first,
then the internal side in a stall, then the largest gap), preferring those whose reason carries
a figure, one message per figure, so that three messages never repeat the same score.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from assessment import formatting as fmt
from assessment.i18n import say
from assessment.models import Language, Questionnaire
from assessment.reading.interpretation import diagnosis_values
from assessment.results import Result
from assessment.scoring import maturity_level

if TYPE_CHECKING:  # the roadmap reads the reading: a type only, no import cycle
    from assessment.roadmap import PlannedAction, Reason, Roadmap

# Reasons that carry a figure of the result, strongest first.
FIGURE_KINDS = ("stall", "diagnosis", "dimension", "theme", "question")


class KeyMessage(NamedTuple):
    number: str  # the action's number in the roadmap, e.g. 2.3
    action: str  # its title, as the roadmap writes it
    text: str  # the whole message: the action, then the figure that calls for it


def key_messages(
    questionnaire: Questionnaire,
    result: Result,
    roadmap: Roadmap | None,
    lang: Language,
    count: int = 3,
) -> list[KeyMessage]:
    """Up to ``count`` messages, each an action of the roadmap and its figure; none without a
    roadmap (nothing answered, or no action library for this questionnaire)."""
    if roadmap is None:
        return []
    ranked: list[tuple[int, int, PlannedAction, Reason | None]] = []
    for order, action in enumerate(roadmap.actions()):
        reason = _figure_reason(action)
        strength = FIGURE_KINDS.index(reason.kind) if reason else len(FIGURE_KINDS)
        # Warnings first; then the roadmap's order.
        ranked.append((0 if strength < 2 else 1 if reason else 2, order, action, reason))
    ranked.sort(key=lambda item: item[:2])
    chosen: list[KeyMessage] = []
    said: set[tuple] = set()
    for _, _, action, reason in ranked:
        if reason is None:
            # A step of the method, proposed whatever the result: the figure it answers is
            # the overall score, then the weakest dimension not yet named.
            figure, subject = _method_step_figure(questionnaire, result, said, lang)
        else:
            figure = _figure(questionnaire, result, reason, lang)
            subject = (reason.kind, reason.subject)
        if subject in said:
            continue
        said.add(subject)
        text = say("messages.action", lang, action=action.title(lang), figure=figure)
        chosen.append(KeyMessage(action.number, action.title(lang), text))
        if len(chosen) == count:
            break
    return chosen


def verdict(questionnaire: Questionnaire, result: Result, lang: Language) -> str:
    """The result in one sentence: the level, and the stall or the balance of the two sides."""
    overall = result.overall.score
    if overall is None:
        return say("messages.verdict_empty", lang)
    level = maturity_level(questionnaire, overall)
    values = dict(score=fmt.score(overall, lang), level=level.level, name=level.name(lang))
    symmetry = getattr(result, "symmetry", None)
    if symmetry is None or symmetry.index is None:
        return say("messages.verdict_level", lang, **values)
    if symmetry.stall:
        return say(
            "messages.verdict_stall",
            lang,
            **values,
            gap=fmt.points(symmetry.index, lang, keep_apart=[symmetry.stall_threshold]),
        )
    raised = [d for d in result.raised if d.compare != "sides"]
    if raised:
        words = diagnosis_values(questionnaire, raised[0], lang)
        return say("messages.verdict_warning", lang, **values, title=words["title"])
    return say("messages.verdict_balanced", lang, **values)


def _method_step_figure(
    questionnaire: Questionnaire, result: Result, said: set[tuple], lang: Language
) -> tuple[str, tuple]:
    if ("overall", None) not in said:
        level = maturity_level(questionnaire, result.overall.score)
        figure = say(
            "messages.figure_overall",
            lang,
            score=fmt.score(result.overall.score, lang),
            level=level.level,
            name=level.name(lang),
        )
        return figure, ("overall", None)
    scored = sorted(
        (d for d in result.dimensions if d.score is not None and ("dimension", d.id) not in said),
        key=lambda d: d.score,
    )
    if not scored:
        return "", ("overall", None)  # already said: the action is left out
    weakest = scored[0]
    figure = say(
        "messages.figure_weakest",
        lang,
        title=questionnaire.dimension(weakest.id).title(lang),
        score=fmt.score(weakest.score, lang),
    )
    return figure, ("dimension", weakest.id)


def _figure_reason(action: PlannedAction) -> Reason | None:
    with_figures = [r for r in action.reasons if r.kind in FIGURE_KINDS]
    return min(with_figures, key=lambda r: FIGURE_KINDS.index(r.kind), default=None)


def _figure(questionnaire: Questionnaire, result: Result, reason: Reason, lang: Language) -> str:
    """The figure of the result behind a reason, written for a committee."""
    if reason.kind == "stall":
        symmetry = result.symmetry
        return say(
            "messages.figure_stall",
            lang,
            gap=fmt.points(symmetry.index, lang, keep_apart=[symmetry.stall_threshold]),
            customer=fmt.score(symmetry.customer_score, lang),
            internal=fmt.score(symmetry.internal_score, lang),
        )
    if reason.kind == "diagnosis":
        judged = next(d for d in result.diagnoses if d.id == reason.subject)
        return say(
            "messages.figure_diagnosis", lang, **diagnosis_values(questionnaire, judged, lang)
        )
    values = dict(
        score=fmt.score(reason.score, lang, [reason.threshold]),
        threshold=fmt.number(reason.threshold, lang),
    )
    if reason.kind == "dimension":
        title = questionnaire.dimension(reason.subject).title(lang)
        return say("messages.figure_dimension", lang, title=title, **values)
    if reason.kind == "theme":
        title = questionnaire.theme(reason.subject).label(lang)
        return say("messages.figure_theme", lang, title=title, **values)
    text = questionnaire.question(reason.subject).text(lang).strip()
    return say("messages.figure_question", lang, text=text, **values)
