"""A result as a plain-text table, for the terminal: figures written as on the screens."""

from __future__ import annotations

from assessment import formatting as fmt
from assessment.i18n import say
from assessment.models import DiagnosisCompare, Language, Questionnaire
from assessment.reading.interpretation import diagnosis_values
from assessment.results import QuestionScore, Result
from assessment.scoring import maturity_level


def format_result(questionnaire: Questionnaire, result: Result, lang: Language) -> str:
    width = max(len(d.title(lang)) for d in questionnaire.dimensions) + 2

    def word(key: str) -> str:
        return say(f"core.{key}", lang)

    lines = [
        f"{questionnaire.title(lang)} ({questionnaire.id} v{questionnaire.version})",
        "",
        f"{word('dimension'):<{width}}{word('score'):>7}  {word('coverage')}",
    ]
    for dimension in result.dimensions:
        title = questionnaire.dimension(dimension.id).title(lang)
        lines.append(
            f"{title:<{width}}{fmt.number(dimension.score, lang):>7}  "
            f"{dimension.answered}/{dimension.total} ({fmt.percent(dimension.coverage, lang)})"
        )
    level = maturity_level(questionnaire, result.overall.score)
    level_text = f"  {word('level')} {level.level}: {level.name(lang)}" if level else ""
    lines += [
        f"{word('overall'):<{width}}{fmt.number(result.overall.score, lang):>7}  "
        f"{fmt.percent(result.overall.coverage, lang)}{level_text}",
    ]
    verdicts = [_symmetry_line(result, lang)] if questionnaire.has_sides else []
    verdicts += _diagnosis_lines(questionnaire, result, lang)
    lines += ["", *verdicts] if verdicts else []
    for key, highlights in (("strongest", result.strongest), ("weakest", result.weakest)):
        if highlights:
            lines += ["", f"{word(key)}:"] + [
                _highlight(questionnaire, s, lang) for s in highlights
            ]
    return "\n".join(lines)


def _symmetry_line(result: Result, lang: Language) -> str:
    def word(key: str) -> str:
        return say(f"core.{key}", lang)

    s = result.symmetry
    if s.index is None:
        return f"{word('symmetry')}: {word('symmetry_unknown')}"
    verdict = word("stall_warning") if s.stall else word("no_stall")
    return (
        f"{word('symmetry')}: {word('customer_side')} {fmt.number(s.customer_score, lang)}, "
        f"{word('internal_side')} {fmt.number(s.internal_score, lang)}, "
        f"{word('index')} {fmt.points(s.index, lang, signed=True)} "
        f"({word('threshold')} {fmt.points(s.stall_threshold, lang)}); "
        f"{word('quadrant')}: {word('quadrant_' + s.quadrant)}; {verdict}"
    )


def _diagnosis_lines(questionnaire: Questionnaire, result: Result, lang: Language) -> list[str]:
    """One line per diagnosis other than the stall (which the symmetry line judges)."""
    return [
        say(
            "diagnoses.report_line",
            lang,
            **diagnosis_values(questionnaire, judged, lang),
            verdict=say(
                "diagnoses.report_raised" if judged.raised else "diagnoses.report_not_raised", lang
            ),
        )
        for judged in result.diagnoses
        if judged.compare is DiagnosisCompare.dimensions
    ]


def _highlight(questionnaire: Questionnaire, scored: QuestionScore, lang: Language) -> str:
    text = questionnaire.question(scored.question_id).text(lang)
    return f"  {fmt.number(scored.score, lang):>5}  {scored.question_id}: {text}"
