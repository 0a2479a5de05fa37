"""Words of the generated roadmap, in French and English: templates, labels and formatting.

Generated texts (reasons, the pilot card, KPI notes, validation messages) are built once in both
languages as :class:`~assessment.models.Text`, so a roadmap reads the same in either language and
a language switch never regenerates anything.
"""

from __future__ import annotations

from datetime import date

from assessment.models import LANGUAGES, Language, Text
from assessment.reading import format_number

Templates = dict[str, dict[Language, str]]

TEMPLATES: Templates = {
    # --- reasons an action is proposed ------------------------------------------------------
    "reason_dimension": {
        "en": "{title} scores {score}/100 (below {threshold}).",
        "fr": "La dimension « {title} » obtient {score}/100 (sous le seuil de {threshold}).",
    },
    "reason_theme_one": {
        "en": "The theme “{title}” scores {score}/100 on its one answered question "
        "(below {threshold}).",
        "fr": "Le thème « {title} » obtient {score}/100 sur sa seule question répondue "
        "(sous le seuil de {threshold}).",
    },
    "reason_theme": {
        "en": "The theme “{title}” averages {score}/100 over {count} answered questions "
        "(below {threshold}).",
        "fr": "Le thème « {title} » obtient en moyenne {score}/100 sur {count} questions "
        "répondues (sous le seuil de {threshold}).",
    },
    "reason_question": {
        "en": "Answer to “{text}”: {level} · {label}, i.e. {score}/100 (below {threshold}).",
        "fr": "Réponse à « {text} » : {level} · {label}, soit {score}/100 "
        "(sous le seuil de {threshold}).",
    },
    "reason_stall": {
        "en": "Stall warning: the customer side ({customer}/100) leads the internal side "
        "({internal}/100) by {gap} points (threshold {threshold}).",
        "fr": "Alerte décrochage : le côté client ({customer}/100) devance le côté interne "
        "({internal}/100) de {gap} points (seuil : {threshold}).",
    },
    "reason_always": {
        "en": "A step of the awareness → pilot → diffusion method, proposed whatever the result.",
        "fr": "Étape de la méthode sensibilisation → pilote → diffusion, proposée quel que soit "
        "le résultat.",
    },
    "reason_stall_priority": {
        "en": "Placed ahead of the customer-side actions of its phase: with a stall warning, "
        "the internal side must catch up before any new customer promise.",
        "fr": "Placée avant les actions côté client de sa phase : en situation de décrochage, "
        "le côté interne doit rattraper son retard avant toute nouvelle promesse client.",
    },
    # --- pilot ------------------------------------------------------------------------------
    "pilot_reason_micro": {
        "en": "With fewer than 10 employees, the whole team is the pilot: a single sector would "
        "be one or two people.",
        "fr": "Avec moins de 10 salariés, toute l'équipe forme le pilote : un seul service ne "
        "compterait qu'une ou deux personnes.",
    },
    "pilot_reason_sector": {
        "en": "In your sector ({sector}), technical teams are at the heart of the business and "
        "already at ease with digital collaboration: they make the natural pilot.",
        "fr": "Dans votre secteur ({sector}), les équipes techniques sont au cœur du métier et "
        "déjà à l'aise avec la collaboration numérique : elles forment le pilote naturel.",
    },
    "pilot_reason_tools": {
        "en": "{title} is your weakest internal dimension ({score}/100): a pilot in the IT or "
        "digital team tests the tools with the people best placed to adopt and adjust them.",
        "fr": "« {title} » est votre dimension interne la plus faible ({score}/100) : un pilote "
        "dans l'équipe informatique ou numérique met les outils à l'épreuve avec ceux qui "
        "sont les mieux placés pour les adopter et les ajuster.",
    },
    "pilot_reason_communications": {
        "en": "The communications team already uses social networks and speaks for the company: "
        "its members are the natural first ambassadors, as the method recommends.",
        "fr": "L'équipe communication utilise déjà les réseaux sociaux et parle au nom de "
        "l'entreprise : ses membres sont les premiers ambassadeurs naturels, comme le "
        "recommande la méthode.",
    },
    "pilot_scope": {
        "en": "{team} only, for {months} months: everyday collaboration beyond email, knowledge "
        "shared in one place and, within the charter, a voice on social networks.",
        "fr": "{team} uniquement, pendant {months} mois : collaboration au quotidien au-delà de "
        "l'e-mail, connaissances partagées en un seul endroit et, dans le cadre de la charte, "
        "une prise de parole sur les réseaux sociaux.",
    },
    "participants": {
        "en": "{people}, on a voluntary basis (ambassadors cannot be appointed), with the "
        "executive sponsor and a pilot lead.",
        "fr": "{people}, sur la base du volontariat (on ne désigne pas un ambassadeur), avec "
        "le sponsor de la direction et un responsable du pilote.",
    },
    "criterion_measured": {
        "en": "Every indicator is measured at the start and at the end, with the same method.",
        "fr": "Chaque indicateur est mesuré au début et à la fin, avec la même méthode.",
    },
    "criterion_targets": {
        "en": "Each indicator reaches the target set in the indicator table.",
        "fr": "Chaque indicateur atteint la cible fixée dans le tableau des indicateurs.",
    },
    "criterion_active": {
        "en": "Volunteers are still active in the last month: participation holds its target.",
        "fr": "Les volontaires sont encore actifs le dernier mois : la participation tient sa "
        "cible.",
    },
    "criterion_ambassadors": {
        "en": "At least three volunteers offer to present the results to other teams.",
        "fr": "Au moins trois volontaires se proposent pour présenter les résultats à d'autres "
        "équipes.",
    },
    # --- KPIs -------------------------------------------------------------------------------
    "baseline_from_assessment": {
        "en": "From the assessment: mean of the answers to {count} questions; confirm it with "
        "the participants before launch.",
        "fr": "Tiré du diagnostic : moyenne des réponses à {count} questions ; à confirmer "
        "auprès des participants avant le lancement.",
    },
    "baseline_from_one_answer": {
        "en": "From the assessment: the answer to one question; confirm it with the "
        "participants before launch.",
        "fr": "Tiré du diagnostic : la réponse à une question ; à confirmer auprès des "
        "participants avant le lancement.",
    },
    "baseline_to_measure": {
        "en": "To measure before start.",
        "fr": "À mesurer avant le lancement.",
    },
    "not_a_number": {
        "en": "{kpi}, {field}: “{value}” is not a number; enter a number in {unit}.",
        "fr": "{kpi}, {field} : « {value} » n'est pas un nombre ; saisissez un nombre en {unit}.",
    },
    "out_of_range": {
        "en": "{kpi}, {field}: {value} is outside the range {low} to {high} ({unit}).",
        "fr": "{kpi}, {field} : {value} est hors de l'intervalle de {low} à {high} ({unit}).",
    },
    "not_a_date": {
        "en": "{kpi}, {field}: enter a date.",
        "fr": "{kpi}, {field} : saisissez une date.",
    },
    "dates_out_of_order": {
        "en": "{kpi}, dates: the start ({start}) comes after the end ({end}).",
        "fr": "{kpi}, dates : le début ({start}) tombe après la fin ({end}).",
    },
    "owner_missing": {
        "en": "{kpi}, {field}: name who is responsible.",
        "fr": "{kpi}, {field} : indiquez qui en a la charge.",
    },
    "owner_too_long": {
        "en": "{kpi}, {field}: at most {limit} characters.",
        "fr": "{kpi}, {field} : {limit} caractères au plus.",
    },
}

# Labels of the plain-text roadmap (the command line); the app has its own in ui/.
LABELS: dict[str, Text] = {
    "title": Text(fr="Feuille de route", en="Roadmap"),
    "library": Text(fr="bibliothèque", en="library"),
    "period": Text(fr="Du {start} au {end}", en="From {start} to {end}"),
    "stall": Text(
        fr="Alerte décrochage : dans chaque phase, les actions côté interne passent en premier.",
        en="Stall warning: in each phase, the internal side's actions come first.",
    ),
    "owner": Text(fr="Responsable", en="Owner"),
    "effort": Text(fr="effort", en="effort"),
    "weeks": Text(fr="{weeks} semaines", en="{weeks} weeks"),
    "one_week": Text(fr="1 semaine", en="1 week"),
    "why": Text(fr="Pourquoi", en="Why"),
    "after": Text(fr="Après", en="After"),
    "pilot": Text(fr="Le pilote", en="The pilot"),
    "team": Text(fr="Équipe", en="Team"),
    "scope": Text(fr="Périmètre", en="Scope"),
    "duration": Text(fr="Durée", en="Duration"),
    "duration_value": Text(
        fr="{weeks} semaines, du {start} au {end}", en="{weeks} weeks, from {start} to {end}"
    ),
    "participants": Text(fr="Participants", en="Participants"),
    "success": Text(fr="Critères de succès", en="Success criteria"),
    "kpis": Text(fr="Indicateurs du pilote", en="Pilot indicators"),
    "baseline": Text(fr="Point de départ", en="Baseline"),
    "target": Text(fr="Cible", en="Target"),
    "definition": Text(fr="Définition", en="Definition"),
    "method": Text(fr="Mesure", en="Measurement"),
    "source": Text(fr="Source", en="Data source"),
    "frequency": Text(fr="Fréquence", en="Frequency"),
    "to_measure": Text(fr="à mesurer avant le lancement", en="to measure before start"),
    "to_set": Text(fr="à fixer", en="to set"),
}
PHASE_TITLES: dict[str, Text] = {
    "awareness": Text(fr="Sensibilisation", en="Awareness"),
    "pilot": Text(fr="Pilote et mesure", en="Pilot and measure"),
    "diffusion": Text(fr="Diffusion", en="Diffusion"),
}
PHASE_GOALS: dict[str, Text] = {
    "awareness": Text(
        fr="Gagner le soutien de la direction avec des cas concrets et les enjeux chiffrés.",
        en="Win the leadership's support with real cases and figures on the stakes.",
    ),
    "pilot": Text(
        fr="Un pilote limité à une équipe, avec des indicateurs définis avant le lancement.",
        en="A pilot limited to one team, with indicators defined before launch.",
    ),
    "diffusion": Text(
        fr="Publier les résultats et faire des volontaires du pilote des ambassadeurs.",
        en="Publish the results and turn the pilot's volunteers into ambassadors.",
    ),
}
EFFORTS: dict[str, Text] = {
    "low": Text(fr="faible", en="low"),
    "medium": Text(fr="moyen", en="medium"),
    "high": Text(fr="élevé", en="high"),
}
UNITS: dict[str, Text] = {
    "score": Text(fr="points sur 100", en="points out of 100"),
    "percent": Text(fr="%", en="%"),
    "enps": Text(fr="points d'eNPS", en="eNPS points"),
    "hours": Text(fr="heures par semaine", en="hours per week"),
}
FIELDS: dict[str, Text] = {
    "baseline": Text(fr="point de départ", en="baseline"),
    "target": Text(fr="cible", en="target"),
    "start": Text(fr="début", en="start"),
    "end": Text(fr="fin", en="end"),
    "owner": Text(fr="responsable", en="owner"),
}
TEAMS: dict[str, Text] = {
    "communications": Text(fr="L'équipe communication", en="The communications team"),
    "technology": Text(fr="L'équipe informatique et numérique", en="The IT and digital team"),
    "whole_organisation": Text(fr="Toute l'équipe", en="The whole team"),
}
PARTICIPANTS: dict[str | None, Text] = {
    "1-9": Text(fr="Tous les salariés", en="Every employee"),
    "10-49": Text(fr="4 à 8 personnes", en="4 to 8 people"),
    "50-249": Text(
        fr="8 à 15 personnes, leur manager compris", en="8 to 15 people, their manager included"
    ),
    "250+": Text(
        fr="15 à 30 personnes, leurs managers compris",
        en="15 to 30 people, their managers included",
    ),
    None: Text(fr="8 à 15 personnes", en="8 to 15 people"),
}
MONTHS = {
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "en": "January February March April May June July August September October November December",
}


def say(key: str, **values: object) -> Text:
    """A template filled in both languages; Text values pick their language, numbers and dates
    are written the way each language writes them."""
    return Text(**{lang: render(TEMPLATES[key][lang], lang, **values) for lang in LANGUAGES})


def render(template: str, lang: Language, **values: object) -> str:
    text = template.format(**{name: shown(value, lang) for name, value in values.items()})
    return french_spacing(text) if lang == "fr" else text


def shown(value: object, lang: Language) -> str:
    if isinstance(value, Text):
        return value(lang)
    if isinstance(value, date):
        return format_date(value, lang)
    if isinstance(value, float):
        return format_number(value, lang)
    return str(value)


def format_value(value: float | None, unit: str, lang: Language) -> str:
    """A KPI value with its unit: ``62/100``, ``60 %``, ``+10 eNPS``, ``3 h``; ``—`` if none."""
    if value is None:
        return "—"
    shown_number = format_number(value, lang)
    if unit == "score":
        return f"{shown_number}/100"
    if unit == "percent":
        return f"{shown_number}\u00a0%" if lang == "fr" else f"{shown_number}%"
    if unit == "enps":
        sign = "+" if value > 0 else ""
        return f"{sign}{shown_number} eNPS"
    return f"{shown_number}\u00a0h"


def number(value: float, keep_apart: tuple[float, ...] = ()) -> Text:
    """A score as each language writes it, with a decimal when rounding would cross a
    threshold in ``keep_apart`` (49.6 stays "49.6", not "50", beside "below 50")."""
    return Text(**{lang: format_number(value, lang, keep_apart) for lang in LANGUAGES})


def format_date(value: date, lang: Language) -> str:
    """``2 June 2026`` / ``2 juin 2026`` (``1er`` in French)."""
    month = MONTHS[lang].split()[value.month - 1]
    day = "1er" if lang == "fr" and value.day == 1 else str(value.day)
    return f"{day} {month} {value.year}"


def french_spacing(text: str) -> str:
    """Non-breaking spaces where French typography wants them (before : ; ? !, inside « »)."""
    for plain, fixed in (
        (" :", "\u00a0:"),
        (" ;", "\u00a0;"),
        (" ?", "\u00a0?"),
        (" !", "\u00a0!"),
    ):
        text = text.replace(plain, fixed)
    return text.replace("« ", "«\u00a0").replace(" »", "\u00a0»")
