"""Interface strings in French and English (questionnaire content carries its own)."""

from __future__ import annotations

from assessment.models import Language

STRINGS: dict[str, dict[Language, str]] = {
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
