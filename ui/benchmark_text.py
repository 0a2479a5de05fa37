"""Sentences about an assessment's position among its peers, for the benchmark and results pages."""

from __future__ import annotations

from assessment import formatting as fmt
from assessment.benchmark import DimensionPosition, Scope
from assessment.i18n import say
from assessment.models import Language


def percent(value: float, lang: Language) -> str:
    """A published share given in percent (23.5): one decimal when it has one."""
    return fmt.percent(value / 100, lang, decimals=0 if float(value).is_integer() else 1)


def scope_name(scope: Scope, lang: Language) -> str:
    return say(f"benchmark.group_{scope.value}", lang)


def describe(item: DimensionPosition, lang: Language) -> str:
    """One sentence: the percentile, or why there is none."""
    if item.score is None:
        return say("benchmark.no_score", lang)
    if not item.enough:
        return say("benchmark.not_enough", lang, n=item.tried[-1].members, min=item.min_peers)
    return say(
        "benchmark.percentile_text",
        lang,
        score=fmt.number(item.score, lang),
        pct=fmt.number(item.percentile, lang),
        n=len(item.peers),
        group=scope_name(item.scope, lang),
    )


def widened_note(item: DimensionPosition, lang: Language) -> str | None:
    if not item.widened:
        return None
    return say(
        "benchmark.widened",
        lang,
        requested=scope_name(item.requested, lang),
        n=item.tried[0].members,
        min=item.min_peers,
        used=scope_name(item.scope, lang),
    )
