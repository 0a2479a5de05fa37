"""Interface strings in French and English (questionnaire content carries its own)."""

from __future__ import annotations

from assessment.models import Language

STRINGS: dict[str, dict[Language, str]] = {
    "choose_questionnaire": {"fr": "Questionnaire", "en": "Questionnaire"},
    "invalid_questionnaire": {
        "fr": "Ce fichier de questionnaire contient des erreurs et ne peut pas être utilisé :",
        "en": "This questionnaire file has errors and cannot be used:",
    },
    "no_questionnaire": {
        "fr": "Aucun questionnaire valide dans le dossier questionnaires/.",
        "en": "No valid questionnaire in the questionnaires/ folder.",
    },
    "overview_caption": {
        "fr": "{dimensions} dimensions, {questions} questions. Chaque question se répond sur "
        "une échelle à 5 niveaux décrits, ou « je ne sais pas ».",
        "en": "{dimensions} dimensions, {questions} questions. Each question is answered on a "
        '5-level described scale, or "don\'t know".',
    },
    "app_title": {"fr": "Maturité de la transformation", "en": "Transformation maturity"},
    "language": {"fr": "Langue", "en": "Language"},
    "questionnaire": {"fr": "Questionnaire", "en": "Questionnaire"},
    "dimension": {"fr": "Dimension", "en": "Dimension"},
    "score": {"fr": "Score", "en": "Score"},
    "coverage": {"fr": "Couverture", "en": "Coverage"},
    "overall": {"fr": "Global", "en": "Overall"},
    "level": {"fr": "Niveau", "en": "Level"},
    "questions": {"fr": "questions", "en": "questions"},
    "weight": {"fr": "Poids", "en": "Weight"},
    "theme": {"fr": "Thème", "en": "Theme"},
    "side": {"fr": "Côté", "en": "Side"},
    "side_internal": {"fr": "interne (réalité des employés)", "en": "internal (employee reality)"},
    "side_customer": {"fr": "client (ambition)", "en": "customer (ambition)"},
    "answer_scale": {"fr": "Échelle de réponse", "en": "Answer scale"},
    "reference_points": {"fr": "Repères publiés", "en": "Published reference points"},
    "reference_caveat": {
        "fr": "Chiffres isolés cités par les sources : des repères, pas une distribution "
        "d'organisations comparables.",
        "en": "Single figures cited by the sources: landmarks, not a distribution of "
        "comparable organisations.",
    },
    "not_answered": {"fr": "pas de réponse", "en": "not answered"},
    "symmetry": {"fr": "Symétrie", "en": "Symmetry"},
    "customer_side": {"fr": "côté client", "en": "customer side"},
    "internal_side": {"fr": "côté interne", "en": "internal side"},
    "index": {"fr": "indice", "en": "index"},
    "threshold": {"fr": "seuil", "en": "threshold"},
    "stall_warning": {
        "fr": "ALERTE DÉCROCHAGE : l'ambition client devance la capacité interne",
        "en": "STALL WARNING: customer ambition outruns internal capability",
    },
    "no_stall": {"fr": "pas de décrochage", "en": "no stall"},
    "symmetry_unknown": {
        "fr": "symétrie non calculable : il faut des réponses des deux côtés",
        "en": "symmetry cannot be computed: both sides need answers",
    },
    "quadrant": {"fr": "Quadrant", "en": "Quadrant"},
    "quadrant_grounded": {"fr": "Au sol", "en": "Grounded"},
    "quadrant_stall_risk": {"fr": "Risque de décrochage", "en": "Stall risk"},
    "quadrant_untapped": {"fr": "Moteur sans portance", "en": "Untapped engine"},
    "quadrant_airborne": {"fr": "En vol", "en": "Airborne"},
    "strongest": {"fr": "Points forts", "en": "Strongest"},
    "weakest": {"fr": "Points faibles", "en": "Weakest"},
}


def t(key: str, lang: Language) -> str:
    return STRINGS[key][lang]
