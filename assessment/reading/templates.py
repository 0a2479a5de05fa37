"""The sentences of the written interpretation, in English and French (used by interpretation.py).

Placeholders in braces are filled by the interpretation; both languages use the same ones.
"""

from assessment.models import Language

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
