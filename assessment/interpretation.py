"""A short written reading of a result, for an executive or a board, in French or English.

``interpret`` turns a :class:`~assessment.models.Result` into three to six short paragraphs
(plain text with **bold** markdown): the overall level and how complete the answers are, the
strongest and weakest dimensions, the symmetry between customer ambition (the lift) and internal
capability (the thrust) with the stall warning, and the questions to start from and to build on.

Everything here is a pure function of its arguments: the same result always reads the same.
Numbers are rounded to whole points in prose, except where rounding would cross a threshold that
the text relies on (a level boundary, the midpoint, the stall threshold): then one decimal shows
on which side the score really is.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from assessment.i18n import t
from assessment.models import (
    DimensionResult,
    Language,
    Questionnaire,
    QuestionScore,
    Result,
    Side,
)
from assessment.scoring import maturity_level

BALANCED_GAP = 5  # points: below this, two scores read as level with each other
LEVEL_GAP = 25  # points: one level of the five-level scale
SCALE_MIDDLE = 50  # a practice at or above this score is an asset; below, a starting point

TEMPLATES: dict[str, dict[Language, str]] = {
    # --- nothing answered ---------------------------------------------------------------
    "empty": {
        "en": "No question has been answered yet, so there is nothing to interpret. Answer the "
        "questionnaire to get a reading; “don't know” answers do not count towards the scores.",
        "fr": "Aucune question n'a encore reçu de réponse : il n'y a donc rien à interpréter. "
        "Répondez au questionnaire pour obtenir une lecture ; les réponses « je ne sais pas » "
        "ne comptent pas dans les scores.",
    },
    "empty_dont_know": {
        "en": "No question has been answered on the scale yet ({dont_know} answered “don't "
        "know”), so there is nothing to interpret. “Don't know” answers do not count towards "
        "the scores: answer at least one question on the scale to get a reading.",
        "fr": "Aucune question n'a encore reçu de réponse sur l'échelle ({dont_know} en « je ne "
        "sais pas ») : il n'y a donc rien à interpréter. Les réponses « je ne sais pas » ne "
        "comptent pas dans les scores : répondez à au moins une question sur l'échelle pour "
        "obtenir une lecture.",
    },
    # --- overall --------------------------------------------------------------------------
    "overall": {
        "en": "Overall, the organisation scores **{score}**, which places it at level {level} "
        "of {levels}: **{name}**. {description}",
        "fr": "Globalement, l'organisation obtient **{score}**, soit le niveau {level} sur "
        "{levels} : **{name}**. {description}",
    },
    "complete": {
        "en": "All {total} questions were answered.",
        "fr": "Les {total} questions ont toutes reçu une réponse.",
    },
    "partial": {
        "en": "This result is **partial**: {answered} of {total} questions answered "
        "({percent}). Unanswered and “don't know” questions are left out of the scores, so "
        "the figures may change as the answers are completed.",
        "fr": "Ce résultat est **partiel** : il repose sur {answered} sur {total} "
        "({percent}). Les questions sans réponse ou « je ne sais pas » sont exclues "
        "des scores, qui peuvent donc évoluer une fois les réponses complétées.",
    },
    "indicative": {
        "en": "With fewer than half of the questions answered, read this picture as "
        "**indicative only**.",
        "fr": "Avec moins de la moitié des questions renseignées, ce tableau n'a qu'une valeur "
        "**indicative**.",
    },
    # --- dimensions -------------------------------------------------------------------------
    "dimension_only": {
        "en": "Only {dimension} has answers so far; the dimensions cannot be compared yet.",
        "fr": "Seule la dimension {dimension} a des réponses pour l'instant ; les dimensions "
        "ne peuvent pas encore être comparées.",
    },
    "dimensions_level": {
        "en": "The dimensions are evenly developed: they all lie between {low} and {high}, so "
        "none of them is holding the others back.",
        "fr": "Les dimensions progressent au même rythme : toutes se situent entre {low} et "
        "{high}, aucune ne freine donc les autres.",
    },
    "dimensions_equal": {
        "en": "The dimensions are evenly developed: they all score {score}, so none of them is "
        "holding the others back.",
        "fr": "Les dimensions progressent au même rythme : toutes obtiennent {score}, aucune ne "
        "freine donc les autres.",
    },
    "dimensions_gap": {
        "en": "The strongest dimension is {strongest} and the weakest is {weakest}, "
        "a gap of **{gap}**.",
        "fr": "La dimension la plus avancée est {strongest} et la moins avancée {weakest}, "
        "soit un écart de **{gap}**.",
    },
    "dimensions_wide_gap": {
        "en": "That is a full level or more: the transformation is moving at two speeds, and "
        "the weakest dimension is the one that will hold the others back.",
        "fr": "Cela représente un niveau entier ou plus : la transformation avance à deux "
        "vitesses, et c'est la dimension la plus faible qui freinera les autres.",
    },
    "dimensions_missing": {
        "en": "No answer yet for {dimensions}.",
        "fr": "Pas encore de réponse pour {dimensions}.",
    },
    "dimension_named": {"en": "**{title}** ({score})", "fr": "**{title}** ({score})"},
    "dimension_named_partial": {
        "en": "**{title}** ({score}; {answered} of {total} questions answered)",
        "fr": "**{title}** ({score} ; réponses : {answered} sur {total})",
    },
    # --- symmetry ---------------------------------------------------------------------------
    "symmetry_grounded": {
        "en": "On the ambition/capability map, the organisation sits in the **{quadrant}** "
        "quadrant: customer ambition ({customer}) and internal capability ({internal}) are "
        "both below {midpoint}. Neither the lift (a clear promise to customers) nor the thrust "
        "(an organisation able to keep it) is in place yet; build the two together, starting "
        "with the engine.",
        "fr": "Sur la carte ambition / capacité, l'organisation se situe dans le quadrant "
        "**{quadrant}** : l'ambition client ({customer}) et la capacité interne ({internal}) "
        "sont toutes deux sous {midpoint}. Ni la portance (une promesse claire faite aux "
        "clients) ni la poussée (une organisation capable de la tenir) ne sont encore là ; il "
        "faut construire les deux ensemble, en commençant par le moteur.",
    },
    "symmetry_stall_risk": {
        "en": "On the ambition/capability map, the organisation sits in the **{quadrant}** "
        "quadrant: customer ambition ({customer}) is at or above {midpoint}, internal "
        "capability ({internal}) is below it. That is lift without enough thrust: the promise "
        "to customers is ahead of the internal engine that must carry it.",
        "fr": "Sur la carte ambition / capacité, l'organisation se situe dans le quadrant "
        "**{quadrant}** : l'ambition client ({customer}) atteint ou dépasse {midpoint}, la "
        "capacité interne ({internal}) reste en dessous. C'est de la portance sans poussée "
        "suffisante : la promesse faite aux clients devance le moteur interne qui doit la "
        "porter.",
    },
    "symmetry_untapped": {
        "en": "On the ambition/capability map, the organisation sits in the **{quadrant}** "
        "quadrant: internal capability ({internal}) is at or above {midpoint}, customer "
        "ambition ({customer}) is below it. That is thrust without lift: the engine runs, but "
        "it is not yet turned into value for customers, and the organisation can afford a "
        "bolder customer promise.",
        "fr": "Sur la carte ambition / capacité, l'organisation se situe dans le quadrant "
        "**{quadrant}** : la capacité interne ({internal}) atteint ou dépasse {midpoint}, "
        "l'ambition client ({customer}) reste en dessous. C'est de la poussée sans portance : "
        "le moteur tourne, mais il ne se traduit pas encore en valeur pour les clients, et "
        "l'organisation peut se permettre une promesse client plus ambitieuse.",
    },
    "symmetry_airborne": {
        "en": "On the ambition/capability map, the organisation sits in the **{quadrant}** "
        "quadrant: customer ambition ({customer}) and internal capability ({internal}) are "
        "both at or above {midpoint}. Lift and thrust are both there.",
        "fr": "Sur la carte ambition / capacité, l'organisation se situe dans le quadrant "
        "**{quadrant}** : l'ambition client ({customer}) et la capacité interne ({internal}) "
        "atteignent ou dépassent toutes deux {midpoint}. La portance et la poussée sont là.",
    },
    "index_stall": {
        "en": "The symmetry index (customer minus internal) is **{index}**.",
        "fr": "L'indice de symétrie (client moins interne) est de **{index}**.",
    },
    "index_leads": {
        "en": "Ambition leads capability by {gap}, below the stall threshold of {threshold}: "
        "keep this gap under watch.",
        "fr": "L'ambition devance la capacité de {gap}, sous le seuil de décrochage de "
        "{threshold} : cet écart est à surveiller.",
    },
    "index_balanced": {
        "en": "The two sides are close to each other (index {index}): the promise made to "
        "customers is roughly in step with what employees can deliver.",
        "fr": "Les deux côtés sont proches l'un de l'autre (indice {index}) : la promesse faite "
        "aux clients va à peu près au même pas que ce que les collaborateurs peuvent tenir.",
    },
    "index_behind": {
        "en": "Internal capability is ahead of the ambition by {gap}: there is no stall risk, "
        "and room to raise the customer promise.",
        "fr": "La capacité interne devance l'ambition de {gap} : aucun risque de décrochage, et "
        "de la marge pour relever la promesse client.",
    },
    "symmetry_partial": {
        "en": "This reading rests on answers to {customer_answered} of {customer_total} "
        "customer-side and {internal_answered} of {internal_total} internal-side questions.",
        "fr": "Cette lecture repose sur {customer_answered} sur {customer_total} côté client "
        "et {internal_answered} sur {internal_total} côté interne.",
    },
    "symmetry_missing_customer": {
        "en": "The symmetry between customer ambition and internal capability cannot be read "
        "yet: no question on the **customer side** (the ambition, the lift) has an answer. "
        "Answer at least one of them to see whether the promise outruns the engine.",
        "fr": "La symétrie entre ambition client et capacité interne ne peut pas encore être "
        "lue : aucune question du **côté client** (l'ambition, la portance) n'a de réponse. "
        "Répondez au moins à l'une d'elles pour savoir si la promesse dépasse le moteur.",
    },
    "symmetry_missing_internal": {
        "en": "The symmetry between customer ambition and internal capability cannot be read "
        "yet: no question on the **internal side** (the employees' reality, the thrust) has an "
        "answer. Answer at least one of them to see whether the engine can carry the promise.",
        "fr": "La symétrie entre ambition client et capacité interne ne peut pas encore être "
        "lue : aucune question du **côté interne** (la réalité des collaborateurs, la poussée) "
        "n'a de réponse. Répondez au moins à l'une d'elles pour savoir si le moteur peut "
        "porter la promesse.",
    },
    "symmetry_missing_both": {
        "en": "The symmetry between customer ambition and internal capability cannot be read "
        "yet: neither the customer side nor the internal side has an answer.",
        "fr": "La symétrie entre ambition client et capacité interne ne peut pas encore être "
        "lue : ni le côté client ni le côté interne n'ont de réponse.",
    },
    # --- stall ------------------------------------------------------------------------------
    "stall": {
        "en": "**Stall warning.** Customer ambition leads internal capability by **{gap}**, "
        "a gap at or above the stall threshold ({threshold}). In practice, the organisation is "
        "making promises to its customers that its employees are not equipped or empowered to "
        "keep: the lift is outrunning the thrust, and customers will feel the gap. **Internal "
        "actions should come first**: equip, train and empower the people who serve customers "
        "before raising the promise any further.",
        "fr": "**Alerte décrochage.** L'ambition client devance la capacité interne de "
        "**{gap}**, un écart qui atteint ou dépasse le seuil de décrochage ({threshold}). "
        "Concrètement, "
        "l'organisation fait à ses clients des promesses que ses collaborateurs ne sont ni "
        "équipés ni habilités à tenir : la portance dépasse la poussée, et les clients finiront "
        "par le ressentir. **Les actions internes doivent passer en premier** : équiper, former "
        "et donner de l'autonomie à ceux qui servent les clients avant de relever encore la "
        "promesse.",
    },
    "stall_short": {
        "en": "Customer ambition leads internal capability by {gap} (stall threshold: "
        "{threshold}): employees are not yet equipped or empowered to keep the promises made "
        "to customers. Strengthen the internal side first.",
        "fr": "L'ambition client devance la capacité interne de {gap} (seuil de décrochage : "
        "{threshold}) : les collaborateurs ne sont pas encore équipés ni habilités pour tenir "
        "les promesses faites aux clients. Renforcez d'abord le côté interne.",
    },
    # --- questions --------------------------------------------------------------------------
    "weakest": {
        "en": "**Where to start.** The lowest-rated practices are the most concrete starting "
        "points: {questions}.",
        "fr": "**Par où commencer.** Les pratiques les moins bien notées sont les points de "
        "départ les plus concrets : {questions}.",
    },
    "weakest_high": {
        "en": "**To keep an eye on.** No answered practice is below the middle of the scale; "
        "the lowest-rated ones are {questions}.",
        "fr": "**À surveiller.** Aucune pratique renseignée n'est sous le milieu de l'échelle ; "
        "les moins bien notées sont {questions}.",
    },
    "strongest": {
        "en": "**Assets to build on.** The best-rated practices are {questions}.",
        "fr": "**Des atouts sur lesquels s'appuyer.** Les pratiques les mieux notées sont "
        "{questions}.",
    },
    "strongest_low": {
        "en": "**First footholds.** No answered practice has reached the middle of the scale "
        "yet; the furthest along, and the first to build on, are {questions}.",
        "fr": "**Premiers appuis.** Aucune pratique renseignée n'atteint encore le milieu de "
        "l'échelle ; les plus avancées, sur lesquelles s'appuyer d'abord, sont {questions}.",
    },
    "question": {
        "en": "“{text}” ({dimension}, level {position}/{levels}: {label})",
        "fr": "« {text} » ({dimension}, niveau {position}/{levels} : {label})",
    },
    # --- words and numbers -----------------------------------------------------------------
    "and": {"en": "and", "fr": "et"},
    "question_count": {"en": "{number} question", "fr": "{number} question"},
    "questions_count": {"en": "{number} questions", "fr": "{number} questions"},
    "score_of": {"en": "{score} / 100", "fr": "{score} / 100"},
    "point": {"en": "{number} point", "fr": "{number} point"},
    "points": {"en": "{number} points", "fr": "{number} points"},
    "percent": {"en": "{number}%", "fr": "{number} %"},
    "percent_below_one": {"en": "less than 1%", "fr": "moins de 1 %"},
}


# --- public API ---------------------------------------------------------------------------


def interpret(questionnaire: Questionnaire, result: Result, lang: Language) -> list[str]:
    """Three to six short paragraphs reading the result (one when nothing is answered)."""
    if result.overall.score is None:
        dont_know = sum(d.dont_know for d in result.dimensions)
        if dont_know:
            return [_say("empty_dont_know", lang, dont_know=dont_know)]
        return [_say("empty", lang)]
    paragraphs = [
        _overall(questionnaire, result, lang),
        _dimensions(questionnaire, result, lang),
        _symmetry(questionnaire, result, lang),
    ]
    if result.symmetry.stall:
        paragraphs.append(_stall(result, lang, "stall"))
    paragraphs += _highlights(questionnaire, result, lang)
    return paragraphs


def stall_explanation(result: Result, lang: Language) -> str | None:
    """One or two plain sentences to show beside the quadrant chart; None when no stall."""
    if not result.symmetry.stall:
        return None
    return _stall(result, lang, "stall_short").replace("**", "")


def format_number(value: float, lang: Language, keep_apart: Iterable[float] = ()) -> str:
    """A whole number, or one decimal when rounding would put it on the wrong side of a
    threshold in ``keep_apart`` (59.6 stays "59.6", not "60", when 60 starts a level).
    French uses a decimal comma."""
    value = round(value, 6)
    shown: float = _round_half_up(value)
    for boundary in keep_apart:
        if (value >= boundary) != (shown >= boundary):
            shown = math.floor(value * 10) / 10 if value < boundary else math.ceil(value * 10) / 10
            break
    text = f"{shown:.0f}" if float(shown).is_integer() else f"{shown:.1f}"
    text = text.replace("-", "−")
    return text.replace(".", ",") if lang == "fr" else text


def format_score(value: float, lang: Language, keep_apart: Iterable[float] = ()) -> str:
    """``62 / 100``."""
    return _say("score_of", lang, score=format_number(value, lang, keep_apart))


def format_points(
    value: float, lang: Language, *, signed: bool = False, keep_apart: Iterable[float] = ()
) -> str:
    """``18 points``, or ``+18 points`` / ``−18 points`` when signed (French: ``1 point``)."""
    number = format_number(value, lang, keep_apart)
    if signed and number.strip("0,.") and not number.startswith("−"):
        number = "+" + number
    magnitude = abs(float(number.lstrip("+").replace("−", "-").replace(",", ".")))
    singular = magnitude < 2 if lang == "fr" else magnitude == 1
    return _say("point" if singular else "points", lang, number=number)


def format_share(answered: int, total: int, lang: Language) -> str:
    """Share of questions answered, rounded down so that a partial result never reads 100 %."""
    if total == 0:
        return _say("percent", lang, number=0)
    if 0 < answered < total / 100:
        return _say("percent_below_one", lang)
    return _say("percent", lang, number=math.floor(100 * answered / total))


# --- paragraphs ---------------------------------------------------------------------------


def _overall(questionnaire: Questionnaire, result: Result, lang: Language) -> str:
    overall = result.overall
    level = maturity_level(questionnaire, overall.score)
    boundaries = [m.min_score for m in questionnaire.maturity_levels]
    text = _say(
        "overall",
        lang,
        score=format_score(overall.score, lang, boundaries),
        level=level.level,
        levels=len(questionnaire.maturity_levels),
        name=level.name(lang),
        description=level.description(lang),
    )
    answered = sum(d.answered for d in result.dimensions)
    total = sum(d.total for d in result.dimensions)
    if answered >= total:
        return f"{text} {_say('complete', lang, total=total)}"
    text += " " + _say(
        "partial",
        lang,
        answered=_count(answered, lang),
        total=total,
        percent=format_share(answered, total, lang),
    )
    if answered < total / 2:
        text += " " + _say("indicative", lang)
    return text


def _dimensions(questionnaire: Questionnaire, result: Result, lang: Language) -> str:
    scored = [d for d in result.dimensions if d.score is not None]
    missing = [d for d in result.dimensions if d.score is None]
    if len(scored) == 1:
        text = _say("dimension_only", lang, dimension=_dimension(questionnaire, scored[0], lang))
    else:
        # Ties go to the dimension shown first, so the reading is stable.
        strongest = max(scored, key=lambda d: d.score)
        weakest = min(reversed(scored), key=lambda d: d.score)
        gap = strongest.score - weakest.score
        if round(gap, 6) < BALANCED_GAP:
            low, high = format_score(weakest.score, lang), format_score(strongest.score, lang)
            if low == high:
                text = _say("dimensions_equal", lang, score=low)
            else:
                text = _say("dimensions_level", lang, low=low, high=high)
        else:
            gap_text = format_points(gap, lang, keep_apart=[BALANCED_GAP, LEVEL_GAP])
            text = _say(
                "dimensions_gap",
                lang,
                gap=gap_text,
                strongest=_dimension(questionnaire, strongest, lang),
                weakest=_dimension(questionnaire, weakest, lang),
            )
            if round(gap, 6) >= LEVEL_GAP:
                text += " " + _say("dimensions_wide_gap", lang)
    if missing:
        titles = [f"**{questionnaire.dimension(d.id).title(lang)}**" for d in missing]
        text += " " + _say("dimensions_missing", lang, dimensions=_join(titles, lang))
    return text


def _symmetry(questionnaire: Questionnaire, result: Result, lang: Language) -> str:
    symmetry = result.symmetry
    if symmetry.index is None:
        if symmetry.customer_score is None and symmetry.internal_score is None:
            return _say("symmetry_missing_both", lang)
        side = "customer" if symmetry.customer_score is None else "internal"
        return _say(f"symmetry_missing_{side}", lang)
    midpoint = questionnaire.symmetry.midpoint
    threshold = symmetry.stall_threshold
    text = _say(
        f"symmetry_{symmetry.quadrant.value}",
        lang,
        quadrant=t(f"quadrant_{symmetry.quadrant.value}", lang),
        customer=format_score(symmetry.customer_score, lang, [midpoint]),
        internal=format_score(symmetry.internal_score, lang, [midpoint]),
        midpoint=format_number(midpoint, lang),
    )
    index = round(symmetry.index, 6)
    keep_apart = [threshold, BALANCED_GAP, -BALANCED_GAP]
    if symmetry.stall:
        sentence = _say(
            "index_stall", lang, index=format_points(index, lang, signed=True, keep_apart=[0])
        )
    elif index >= BALANCED_GAP:
        sentence = _say(
            "index_leads",
            lang,
            gap=format_points(index, lang, keep_apart=keep_apart),
            threshold=format_points(threshold, lang),
        )
    elif index > -BALANCED_GAP:
        sentence = _say(
            "index_balanced",
            lang,
            index=format_points(index, lang, signed=True, keep_apart=keep_apart),
        )
    else:
        sentence = _say(
            "index_behind", lang, gap=format_points(-index, lang, keep_apart=[BALANCED_GAP])
        )
    text += " " + sentence
    if symmetry.customer_coverage < 1 or symmetry.internal_coverage < 1:
        totals = _side_totals(questionnaire)
        text += " " + _say(
            "symmetry_partial",
            lang,
            customer_answered=_count(symmetry.customer_coverage * totals[Side.customer], lang),
            customer_total=totals[Side.customer],
            internal_answered=round(symmetry.internal_coverage * totals[Side.internal]),
            internal_total=totals[Side.internal],
        )
    return text


def _stall(result: Result, lang: Language, key: str) -> str:
    threshold = result.symmetry.stall_threshold
    return _say(
        key,
        lang,
        gap=format_points(result.symmetry.index, lang, keep_apart=[threshold]),
        threshold=format_points(threshold, lang),
    )


def _highlights(questionnaire: Questionnaire, result: Result, lang: Language) -> list[str]:
    paragraphs = []
    if result.weakest:
        low = [s for s in result.weakest if s.score < SCALE_MIDDLE]
        key, shown = ("weakest", low) if low else ("weakest_high", result.weakest)
        paragraphs.append(_say(key, lang, questions=_questions(questionnaire, shown, lang)))
    if result.strongest:
        high = [s for s in result.strongest if s.score >= SCALE_MIDDLE]
        key, shown = ("strongest", high) if high else ("strongest_low", result.strongest)
        paragraphs.append(_say(key, lang, questions=_questions(questionnaire, shown, lang)))
    return paragraphs


# --- helpers ------------------------------------------------------------------------------


def _say(key: str, lang: Language, **values: object) -> str:
    text = TEMPLATES[key][lang].format(**values)
    return _french_spacing(text) if lang == "fr" else text


def _french_spacing(text: str) -> str:
    """Non-breaking spaces where French typography wants them (before : ; ? ! %, inside « »)."""
    for plain, fixed in (
        (" :", "\u00a0:"),
        (" ;", "\u00a0;"),
        (" ?", "\u00a0?"),
        (" !", "\u00a0!"),
        (" %", "\u00a0%"),
        ("« ", "«\u00a0"),
        (" »", "\u00a0»"),
        (" / 100", "\u00a0/\u00a0100"),
    ):
        text = text.replace(plain, fixed)
    return text


def _dimension(questionnaire: Questionnaire, dimension: DimensionResult, lang: Language) -> str:
    title = questionnaire.dimension(dimension.id).title(lang)
    score = format_score(dimension.score, lang)
    if dimension.coverage < 1:
        return _say(
            "dimension_named_partial",
            lang,
            title=title,
            score=score,
            answered=dimension.answered,
            total=dimension.total,
        )
    return _say("dimension_named", lang, title=title, score=score)


def _questions(questionnaire: Questionnaire, scores: list[QuestionScore], lang: Language) -> str:
    levels = questionnaire.scale.levels
    described = []
    for s in scores:
        position = questionnaire.scale.values.index(s.level)
        described.append(
            _say(
                "question",
                lang,
                text=questionnaire.question(s.question_id).text(lang).strip(),
                dimension=questionnaire.dimension(s.dimension_id).title(lang),
                position=position + 1,
                levels=len(levels),
                label=levels[position].label(lang),
            )
        )
    return ("\u00a0; " if lang == "fr" else "; ").join(described)


def _join(items: list[str], lang: Language) -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {_say('and', lang)} {items[-1]}"


def _count(answered: float, lang: Language) -> str | int:
    """French names the counted thing where English puts it after the total."""
    return _questions_count(round(answered), lang) if lang == "fr" else round(answered)


def _questions_count(number: int, lang: Language) -> str:
    singular = number < 2 if lang == "fr" else number == 1
    return _say("question_count" if singular else "questions_count", lang, number=number)


def _side_totals(questionnaire: Questionnaire) -> dict[Side, int]:
    totals = {Side.customer: 0, Side.internal: 0}
    for dimension, question in questionnaire.questions():
        totals[dimension.side_of(question)] += 1
    return totals


def _round_half_up(value: float) -> int:
    return int(math.copysign(math.floor(abs(value) + 0.5), value))
