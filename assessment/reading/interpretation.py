"""A short written reading of a result, for an executive or a board, in French or English.

``interpret`` turns a :class:`~assessment.results.Result` into three to six short paragraphs
(plain text with **bold** markdown): the overall level and how complete the answers are, the
strongest and weakest dimensions, the symmetry between customer ambition (the lift) and internal
capability (the thrust) with the stall warning, and the questions to start from and to build on.

Everything here is a pure function of its arguments: the same result always reads the same.
Numbers are rounded to whole points in prose, except where rounding would cross a threshold that
the text relies on (a level boundary, the midpoint, the stall threshold): then one decimal shows
on which side the score really is.
"""

from __future__ import annotations

from assessment import formatting as fmt
from assessment.i18n import say
from assessment.models import Diagnosis, DiagnosisCompare, Language, Questionnaire, Side
from assessment.results import DiagnosisResult, DimensionResult, QuestionScore, Result
from assessment.scoring import declared_diagnoses, maturity_level

BALANCED_GAP = 5  # points: below this, two scores read as level with each other
LEVEL_GAP = 25  # points: one level of the five-level scale
SCALE_MIDDLE = 50  # a practice at or above this score is an asset; below, a starting point

# --- public API ---------------------------------------------------------------------------


def interpret(questionnaire: Questionnaire, result: Result, lang: Language) -> list[str]:
    """Three to six short paragraphs reading the result (one when nothing is answered)."""
    if result.overall.score is None:
        dont_know = sum(d.dont_know for d in result.dimensions)
        if dont_know:
            return [say("reading.empty_dont_know", lang, dont_know=dont_know)]
        return [say("reading.empty", lang)]
    paragraphs = [
        _overall(questionnaire, result, lang),
        _dimensions(questionnaire, result, lang),
    ]
    if questionnaire.has_sides:  # a model without sides has no symmetry to read
        paragraphs.append(_symmetry(questionnaire, result, lang))
    if result.symmetry.stall:
        paragraphs.append(_stall(result, lang, "reading.stall"))
    paragraphs += [
        _diagnosis(questionnaire, judged, lang, "diagnoses.reading")
        for judged in _raised_between_dimensions(result)
    ]
    paragraphs += _highlights(questionnaire, result, lang)
    return paragraphs


def diagnosis_warnings(questionnaire: Questionnaire, result: Result, lang: Language) -> list[str]:
    """One plain paragraph per raised warning other than the stall (which has
    ``stall_explanation``), to show wherever the stall is shown."""
    return [
        _diagnosis(questionnaire, judged, lang, "diagnoses.short").replace("**", "")
        for judged in _raised_between_dimensions(result)
    ]


def stall_explanation(result: Result, lang: Language) -> str | None:
    """One or two plain sentences to show beside the quadrant chart; None when no stall."""
    if not result.symmetry.stall:
        return None
    return _stall(result, lang, "reading.stall_short").replace("**", "")


def compared(questionnaire: Questionnaire, diagnosis: Diagnosis, lang: Language) -> tuple[str, str]:
    """What a diagnosis sets against what: ``Tools`` and ``Culture and Employee experience``."""
    if diagnosis.compare is DiagnosisCompare.sides:
        return say("core.customer_side", lang), say("core.internal_side", lang)

    def titles(ids: list[str]) -> str:
        return _join([questionnaire.dimension(d).title(lang) for d in ids], lang)

    return titles(diagnosis.ahead), titles(diagnosis.behind)


def format_share(answered: int, total: int, lang: Language) -> str:
    """Share of questions answered, rounded down so that a partial result never reads 100 %;
    a sliver reads "less than 1 %" rather than "0 %"."""
    if 0 < answered < total / 100:
        return say("reading.percent_below_one", lang)
    return fmt.share(answered, total, lang)


# --- paragraphs ---------------------------------------------------------------------------


def _overall(questionnaire: Questionnaire, result: Result, lang: Language) -> str:
    overall = result.overall
    level = maturity_level(questionnaire, overall.score)
    boundaries = [m.min_score for m in questionnaire.maturity_levels]
    text = say(
        "reading.overall",
        lang,
        score=fmt.score(overall.score, lang, boundaries),
        level=level.level,
        levels=len(questionnaire.maturity_levels),
        name=level.name(lang),
        description=level.description(lang),
    )
    answered = sum(d.answered for d in result.dimensions)
    total = sum(d.total for d in result.dimensions)
    if answered >= total:
        return f"{text} {say('reading.complete', lang, total=total)}"
    text += " " + say(
        "reading.partial",
        lang,
        answered=_count(answered, lang),
        total=total,
        percent=format_share(answered, total, lang),
    )
    if answered < total / 2:
        text += " " + say("reading.indicative", lang)
    return text


def _dimensions(questionnaire: Questionnaire, result: Result, lang: Language) -> str:
    scored = [d for d in result.dimensions if d.score is not None]
    missing = [d for d in result.dimensions if d.score is None]
    if len(scored) == 1:
        text = say(
            "reading.dimension_only", lang, dimension=_dimension(questionnaire, scored[0], lang)
        )
    else:
        # Ties go to the dimension shown first, so the reading is stable.
        strongest = max(scored, key=lambda d: d.score)
        weakest = min(reversed(scored), key=lambda d: d.score)
        gap = strongest.score - weakest.score
        if round(gap, 6) < BALANCED_GAP:
            low, high = fmt.score(weakest.score, lang), fmt.score(strongest.score, lang)
            if low == high:
                text = say("reading.dimensions_equal", lang, score=low)
            else:
                text = say("reading.dimensions_level", lang, low=low, high=high)
        else:
            gap_text = fmt.points(gap, lang, keep_apart=[BALANCED_GAP, LEVEL_GAP])
            text = say(
                "reading.dimensions_gap",
                lang,
                gap=gap_text,
                strongest=_dimension(questionnaire, strongest, lang),
                weakest=_dimension(questionnaire, weakest, lang),
            )
            if round(gap, 6) >= LEVEL_GAP:
                text += " " + say("reading.dimensions_wide_gap", lang)
    if missing:
        titles = [f"**{questionnaire.dimension(d.id).title(lang)}**" for d in missing]
        text += " " + say("reading.dimensions_missing", lang, dimensions=_join(titles, lang))
    return text


def _symmetry(questionnaire: Questionnaire, result: Result, lang: Language) -> str:
    symmetry = result.symmetry
    if symmetry.index is None:
        if symmetry.customer_score is None and symmetry.internal_score is None:
            return say("reading.symmetry_missing_both", lang)
        side = "customer" if symmetry.customer_score is None else "internal"
        return say(f"reading.symmetry_missing_{side}", lang)
    midpoint = questionnaire.symmetry.midpoint
    threshold = symmetry.stall_threshold
    text = say(
        f"reading.symmetry_{symmetry.quadrant.value}",
        lang,
        quadrant=say(f"core.quadrant_{symmetry.quadrant.value}", lang),
        customer=fmt.score(symmetry.customer_score, lang, [midpoint]),
        internal=fmt.score(symmetry.internal_score, lang, [midpoint]),
        midpoint=fmt.number(midpoint, lang),
    )
    index = round(symmetry.index, 6)
    keep_apart = [threshold, BALANCED_GAP, -BALANCED_GAP]
    if symmetry.stall:
        sentence = say(
            "reading.index_stall",
            lang,
            index=fmt.points(index, lang, signed=True, keep_apart=[0]),
        )
    elif index >= BALANCED_GAP:
        sentence = say(
            "reading.index_leads",
            lang,
            gap=fmt.points(index, lang, keep_apart=keep_apart),
            threshold=fmt.points(threshold, lang),
        )
    elif index > -BALANCED_GAP:
        sentence = say(
            "reading.index_balanced",
            lang,
            index=fmt.points(index, lang, signed=True, keep_apart=keep_apart),
        )
    else:
        sentence = say(
            "reading.index_behind", lang, gap=fmt.points(-index, lang, keep_apart=[BALANCED_GAP])
        )
    text += " " + sentence
    if symmetry.customer_coverage < 1 or symmetry.internal_coverage < 1:
        totals = _side_totals(questionnaire)
        text += " " + say(
            "reading.symmetry_partial",
            lang,
            customer_answered=_count(symmetry.customer_coverage * totals[Side.customer], lang),
            customer_total=totals[Side.customer],
            internal_answered=round(symmetry.internal_coverage * totals[Side.internal]),
            internal_total=totals[Side.internal],
        )
    return text


def _stall(result: Result, lang: Language, key: str) -> str:
    threshold = result.symmetry.stall_threshold
    return say(
        key,
        lang,
        gap=fmt.points(result.symmetry.index, lang, keep_apart=[threshold]),
        threshold=fmt.points(threshold, lang),
    )


def _raised_between_dimensions(result: Result) -> list[DiagnosisResult]:
    return [d for d in result.raised if d.compare is DiagnosisCompare.dimensions]


def _diagnosis(
    questionnaire: Questionnaire, judged: DiagnosisResult, lang: Language, key: str
) -> str:
    return say(key, lang, **diagnosis_values(questionnaire, judged, lang))


def diagnosis_values(
    questionnaire: Questionnaire, judged: DiagnosisResult, lang: Language
) -> dict[str, str]:
    """A judged diagnosis's words and figures, written the reader's way, for a sentence."""
    declared = next(d for d in declared_diagnoses(questionnaire) if d.id == judged.id)
    ahead, behind = compared(questionnaire, declared, lang)
    threshold = judged.threshold
    return dict(
        title=declared.title(lang),
        ahead=ahead,
        behind=behind,
        ahead_score=fmt.score(judged.ahead_score, lang),
        behind_score=fmt.score(judged.behind_score, lang),
        gap=fmt.points(judged.gap, lang, keep_apart=[threshold]),
        threshold=fmt.points(threshold, lang),
        explanation=declared.explanation(lang),
    )


def _highlights(questionnaire: Questionnaire, result: Result, lang: Language) -> list[str]:
    paragraphs = []
    if result.weakest:
        low = [s for s in result.weakest if s.score < SCALE_MIDDLE]
        key, shown = ("reading.weakest", low) if low else ("reading.weakest_high", result.weakest)
        paragraphs.append(say(key, lang, questions=_questions(questionnaire, shown, lang)))
    if result.strongest:
        high = [s for s in result.strongest if s.score >= SCALE_MIDDLE]
        key, shown = (
            ("reading.strongest", high) if high else ("reading.strongest_low", result.strongest)
        )
        paragraphs.append(say(key, lang, questions=_questions(questionnaire, shown, lang)))
    return paragraphs


# --- helpers ------------------------------------------------------------------------------


def _dimension(questionnaire: Questionnaire, dimension: DimensionResult, lang: Language) -> str:
    title = questionnaire.dimension(dimension.id).title(lang)
    score = fmt.score(dimension.score, lang)
    if dimension.coverage < 1:
        return say(
            "reading.dimension_named_partial",
            lang,
            title=title,
            score=score,
            answered=dimension.answered,
            total=dimension.total,
        )
    return say("reading.dimension_named", lang, title=title, score=score)


def _questions(questionnaire: Questionnaire, scores: list[QuestionScore], lang: Language) -> str:
    described = []
    for s in scores:
        choices = questionnaire.choices(questionnaire.question(s.question_id))
        position = [c.value for c in choices].index(s.level)
        described.append(
            say(
                "reading.question",
                lang,
                text=questionnaire.question(s.question_id).text(lang).strip(),
                dimension=questionnaire.dimension(s.dimension_id).title(lang),
                position=position + 1,
                levels=len(choices),
                label=choices[position].label(lang),
            )
        )
    return say("core.list_separator", lang).join(described)


def _join(items: list[str], lang: Language) -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {say('reading.and', lang)} {items[-1]}"


def _count(answered: float, lang: Language) -> str:
    """``40 questions`` / ``1 question``: the counted thing named, in the language's plural."""
    return _questions_count(round(answered), lang)


def _questions_count(number: int, lang: Language) -> str:
    return say(f"units.questions_{fmt.plural(number, lang)}", lang, number=number)


def _side_totals(questionnaire: Questionnaire) -> dict[Side, int]:
    totals = {Side.customer: 0, Side.internal: 0}
    for dimension, question in questionnaire.questions():
        totals[dimension.side_of(question)] += 1
    return totals
