"""A roadmap for a questionnaire no action library serves: a plan built from its own gaps.

Per dimension, an awareness action (agree what good looks like, name an owner) when it scores
below the middle of the scale, and a diffusion action (spread what worked, measure again) while
it is below a managed level; per theme, a pilot action while it is below that level. The
generator then does what it does for any library: it keeps the actions whose condition holds,
ranks them by gap (the weakest first), keeps the first few of each phase (a plan a team can
carry: four, five, three), gives each its reasons with the scores, and schedules them.
"""

from __future__ import annotations

from pathlib import Path

from assessment.i18n import text_of
from assessment.models import Questionnaire
from assessment.roadmap.library import (
    Action,
    ActionLibrary,
    Condition,
    Effort,
    Phase,
    kpis_for,
    load_library,
)

GENERIC_LIBRARY = "generic"
AT_MOST = {Phase.awareness: 4, Phase.pilot: 5, Phase.diffusion: 3}  # a plan a team can carry
AGREE_BELOW = 50.0  # below the middle of the scale: agree first on what good looks like
IMPROVE_BELOW = 75.0  # below a managed level: there is something to try and to spread
MAX_ID = 64


def generic_library(questionnaire: Questionnaire) -> ActionLibrary:
    """The plan's actions for this questionnaire, each addressing its own dimensions or themes."""
    dimensions = questionnaire.ordered_dimensions()
    used = dict.fromkeys(q.theme for _, q in questionnaire.questions())
    actions = [
        _action(
            "share_results",
            Phase.awareness,
            "share",
            Effort.low,
            2,
            [Condition(always=True)],
            dimensions=[d.id for d in dimensions],
        )
    ]
    for dimension in dimensions:
        actions.append(
            _action(
                _id("agree", dimension.id),
                Phase.awareness,
                "agree",
                Effort.low,
                2,
                [Condition(dimension=dimension.id, below=AGREE_BELOW)],
                dimensions=[dimension.id],
                subject=dimension.title,
                depends_on=["share_results"],
            )
        )
    for theme_id in used:
        theme = questionnaire.theme(theme_id)
        actions.append(
            _action(
                _id("try", theme_id),
                Phase.pilot,
                "try",
                Effort.medium,
                6,
                [Condition(theme=theme_id, below=IMPROVE_BELOW)],
                themes=[theme_id],
                subject=theme.label,
            )
        )
    for dimension in dimensions:
        pilots = [_id("try", t) for t in used if any(q.theme == t for q in dimension.questions)]
        actions.append(
            _action(
                _id("spread", dimension.id),
                Phase.diffusion,
                "spread",
                Effort.medium,
                8,
                [Condition(dimension=dimension.id, below=IMPROVE_BELOW)],
                dimensions=[dimension.id],
                subject=dimension.title,
                depends_on=pilots,
            )
        )
    library = ActionLibrary(
        id=GENERIC_LIBRARY,
        version="1.0",
        questionnaire=questionnaire.id,
        title=text_of("model.generic_library"),
        at_most=AT_MOST,
        actions=actions,
    )
    # The pilot's indicators are the shipped ones; their baselines are measured before start.
    library._kpis = kpis_for(None, questionnaire)
    return library


def _action(
    action_id: str,
    phase: Phase,
    kind: str,
    effort: Effort,
    weeks: int,
    when: list[Condition],
    *,
    subject: object = None,
    **addresses: list[str],
) -> Action:
    said = {"subject": subject} if subject is not None else {}
    depends_on = addresses.pop("depends_on", [])
    return Action(
        id=action_id,
        phase=phase,
        title=text_of(f"model.generic_{kind}_title", **said),
        rationale=text_of(f"model.generic_{kind}_why", **said),
        owner=text_of(f"model.generic_{kind}_owner"),
        effort=effort,
        duration_weeks=weeks,
        when=when,
        depends_on=depends_on,
        **addresses,
    )


def _id(kind: str, subject: str) -> str:
    return f"{kind}_{subject}"[:MAX_ID]


def serving_library(path: str | Path, questionnaire: Questionnaire) -> ActionLibrary:
    """The library at ``path`` when it serves the questionnaire (checked against it, so a
    broken one raises LibraryError with its problems); otherwise the plan from its gaps."""
    library = load_library(path)
    if not library.serves(questionnaire):
        return generic_library(questionnaire)
    return load_library(path, questionnaire).for_questionnaire(questionnaire)
