"""A result as a plain-text table, for the terminal."""

from __future__ import annotations

from assessment.i18n import t
from assessment.models import Language, Questionnaire, QuestionScore, Result
from assessment.scoring import maturity_level


def plain_score(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def format_result(questionnaire: Questionnaire, result: Result, lang: Language) -> str:
    width = max(len(d.title(lang)) for d in questionnaire.dimensions) + 2
    lines = [
        f"{questionnaire.title(lang)} ({questionnaire.id} v{questionnaire.version})",
        "",
        f"{t('dimension', lang):<{width}}{t('score', lang):>7}  {t('coverage', lang)}",
    ]
    for dimension in result.dimensions:
        title = questionnaire.dimension(dimension.id).title(lang)
        lines.append(
            f"{title:<{width}}{plain_score(dimension.score):>7}  "
            f"{dimension.answered}/{dimension.total} ({dimension.coverage:.0%})"
        )
    level = maturity_level(questionnaire, result.overall.score)
    level_text = f"  {t('level', lang)} {level.level}: {level.name(lang)}" if level else ""
    lines += [
        f"{t('overall', lang):<{width}}{plain_score(result.overall.score):>7}  "
        f"{result.overall.coverage:.0%}{level_text}",
        "",
        _symmetry_line(result, lang),
    ]
    for key, highlights in (("strongest", result.strongest), ("weakest", result.weakest)):
        if highlights:
            lines += ["", f"{t(key, lang)}:"] + [
                _highlight(questionnaire, s, lang) for s in highlights
            ]
    return "\n".join(lines)


def _symmetry_line(result: Result, lang: Language) -> str:
    s = result.symmetry
    if s.index is None:
        return f"{t('symmetry', lang)}: {t('symmetry_unknown', lang)}"
    verdict = t("stall_warning", lang) if s.stall else t("no_stall", lang)
    return (
        f"{t('symmetry', lang)}: {t('customer_side', lang)} {plain_score(s.customer_score)}, "
        f"{t('internal_side', lang)} {plain_score(s.internal_score)}, "
        f"{t('index', lang)} {s.index:+.1f} ({t('threshold', lang)} {s.stall_threshold:g}); "
        f"{t('quadrant', lang)}: {t('quadrant_' + s.quadrant, lang)}; {verdict}"
    )


def _highlight(questionnaire: Questionnaire, scored: QuestionScore, lang: Language) -> str:
    text = questionnaire.question(scored.question_id).text(lang)
    return f"  {plain_score(scored.score):>5}  {scored.question_id}: {text}"
