"""Interface strings of the roadmap page, in French and English.

The words of the generated roadmap itself (reasons, the pilot, KPI names and units, validation
messages) live with the core, in :mod:`assessment.roadmap_text`.
"""

from assessment.models import Language

ROADMAP_STRINGS: dict[str, dict[Language, str]] = {
    "title": {"fr": "Feuille de route : {organisation}", "en": "Roadmap: {organisation}"},
    "intro": {
        "fr": "Trois étapes, de la sensibilisation de la direction à la diffusion, adaptées à vos "
        "réponses : chaque action dit pourquoi elle est proposée. Les dates partent du jour de "
        "lancement choisi ; les indicateurs du pilote se modifient directement dans le tableau.",
        "en": "Three steps, from winning the leadership over to spreading the practices, tailored "
        "to your answers: each action says why it is proposed. Dates run from the chosen start "
        "date; the pilot's indicators can be edited directly in the table.",
    },
    "no_answers": {
        "fr": "Aucune réponse pour l'instant : la feuille de route ne contient que les étapes de "
        "la méthode. Répondez au questionnaire pour l'adapter à votre organisation.",
        "en": "No answers yet: the roadmap holds only the steps of the method. Answer the "
        "questionnaire to tailor it to your organisation.",
    },
    "partial": {
        "fr": "Feuille de route établie sur {coverage} des questions : elle s'affinera à mesure "
        "que vous répondrez.",
        "en": "Roadmap based on {coverage} of the questions: it will sharpen as you answer more.",
    },
    "continue": {"fr": "Continuer à répondre", "en": "Continue answering"},
    "start_date": {"fr": "Date de lancement", "en": "Start date"},
    "start_help": {
        "fr": "Premier jour de la feuille de route ; par défaut, le lundi qui vient.",
        "en": "First day of the roadmap; by default, the coming Monday.",
    },
    "period": {"fr": "Du {start} au {end}", "en": "From {start} to {end}"},
    "stall": {
        "fr": "Alerte décrochage : l'ambition client devance la capacité interne. Dans chaque "
        "phase, les actions côté interne passent donc en premier.",
        "en": "Stall warning: customer ambition outruns internal capability. In each phase, the "
        "internal side's actions therefore come first.",
    },
    "timeline": {"fr": "Calendrier", "en": "Timeline"},
    "timeline_caption": {
        "fr": "Une barre par action, numérotée comme dans la liste ci-dessous.",
        "en": "One bar per action, numbered as in the list below.",
    },
    "actions": {"fr": "Les actions, phase par phase", "en": "The actions, phase by phase"},
    "effort": {"fr": "effort {effort}", "en": "{effort} effort"},
    "after": {"fr": "Après {numbers}", "en": "After {numbers}"},
    "why": {"fr": "Pourquoi cette action", "en": "Why this action"},
    "pilot": {"fr": "Le pilote", "en": "The pilot"},
    "team": {"fr": "Équipe proposée", "en": "Suggested team"},
    "scope": {"fr": "Périmètre", "en": "Scope"},
    "duration": {"fr": "Durée", "en": "Duration"},
    "duration_value": {
        "fr": "{weeks} semaines, du {start} au {end}",
        "en": "{weeks} weeks, from {start} to {end}",
    },
    "participants": {"fr": "Participants", "en": "Participants"},
    "success": {"fr": "Critères de succès", "en": "Success criteria"},
    "kpis": {"fr": "Indicateurs du pilote", "en": "Pilot indicators"},
    "kpis_help": {
        "fr": "Modifiez le point de départ, la cible, les dates ou le responsable directement "
        "dans le tableau : chaque modification valide est enregistrée aussitôt.",
        "en": "Edit the baseline, target, dates or owner directly in the table: every valid "
        "change is saved at once.",
    },
    "baseline_help": {
        "fr": "Une case vide (« None ») : à mesurer avant le lancement. Les valeurs tirées du "
        "diagnostic sont à confirmer auprès des participants.",
        "en": "An empty cell (“None”): to measure before start. Values taken from the "
        "assessment are to be confirmed with the participants.",
    },
    "target_help": {
        "fr": "Dans l'unité de l'indicateur. La cible proposée figure dans « Définitions et "
        "méthodes de mesure ».",
        "en": "In the indicator's unit. The suggested target is under “Definitions and "
        "measurement methods”.",
    },
    "kpi": {"fr": "Indicateur", "en": "Indicator"},
    "unit": {"fr": "Unité", "en": "Unit"},
    "frequency": {"fr": "Fréquence", "en": "Frequency"},
    "kpi_invalid": {
        "fr": "Modification non enregistrée ; corrigez d'abord :",
        "en": "Change not saved; please correct first:",
    },
    "kpi_saved": {"fr": "Indicateurs enregistrés.", "en": "Indicators saved."},
    "kpi_details": {
        "fr": "Définitions et méthodes de mesure",
        "en": "Definitions and measurement methods",
    },
    "definition": {"fr": "Définition", "en": "Definition"},
    "method": {"fr": "Mesure", "en": "Measurement"},
    "source": {"fr": "Source des données", "en": "Data source"},
    "baseline": {"fr": "Point de départ", "en": "Baseline"},
    "target_rule": {"fr": "Cible proposée", "en": "Suggested target"},
    "edited": {"fr": "modifié", "en": "edited"},
    "reset_title": {"fr": "Revenir à la proposition", "en": "Back to the proposal"},
    "reset_help": {
        "fr": "Efface vos modifications (date de lancement et indicateurs) et rétablit la "
        "feuille de route générée à partir de vos réponses.",
        "en": "Erases your changes (start date and indicators) and restores the roadmap "
        "generated from your answers.",
    },
    "reset_confirm": {
        "fr": "Je veux effacer mes modifications",
        "en": "I want to erase my changes",
    },
    "reset_button": {"fr": "Rétablir la proposition", "en": "Restore the proposal"},
    "reset_done": {
        "fr": "Modifications effacées : voici la feuille de route proposée.",
        "en": "Changes erased: here is the proposed roadmap.",
    },
    "library_invalid": {
        "fr": "La bibliothèque d'actions contient des erreurs ; la feuille de route ne peut pas "
        "être établie :",
        "en": "The action library has errors; the roadmap cannot be drawn up:",
    },
    "save_failed": {
        "fr": "L'enregistrement a échoué : {error}",
        "en": "Saving failed: {error}",
    },
}


def tr(key: str, lang: Language, **values: object) -> str:
    text = ROADMAP_STRINGS[key][lang]
    return text.format(**values) if values else text
