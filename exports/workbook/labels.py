"""Workbook labels in French and English."""

from assessment.models import Language

LABELS: dict[str, dict[Language, str]] = {
    "sheet_summary": {"fr": "Synthèse", "en": "Summary"},
    "sheet_scores": {"fr": "Scores", "en": "Scores"},
    "sheet_symmetry": {"fr": "Symétrie", "en": "Symmetry"},
    "sheet_answers": {"fr": "Réponses", "en": "Answers"},
    "sheet_roadmap": {"fr": "Feuille de route", "en": "Roadmap"},
    "sheet_kpis": {"fr": "Indicateurs pilote", "en": "Pilot KPIs"},
    "sheet_benchmark": {"fr": "Comparaison", "en": "Benchmark"},
    "sheet_workshop": {"fr": "Atelier", "en": "Workshop"},
    "summary_subtitle": {
        "fr": "Diagnostic de maturité : synthèse pour le comité de pilotage",
        "en": "Maturity assessment: summary for the steering committee",
    },
    "scores_subtitle": {
        "fr": "Scores sur 100 par dimension. Le graphique suit les cellules : modifiez un score, "
        "il se met à jour.",
        "en": "Scores out of 100 per dimension. The chart follows the cells: edit a score and it "
        "updates.",
    },
    "symmetry_subtitle": {
        "fr": "Ambition côté client face à la capacité côté interne (collaborateurs)",
        "en": "Customer-side ambition against internal (employee-side) capability",
    },
    "answers_subtitle": {
        "fr": "Chaque question avec le niveau choisi, sa description et le commentaire éventuel",
        "en": "Every question with the level chosen, its description and any comment",
    },
    "organisation": {"fr": "Organisation", "en": "Organisation"},
    "sector": {"fr": "Secteur (NACE)", "en": "Sector (NACE)"},
    "size_class": {"fr": "Effectif", "en": "Employees"},
    "country": {"fr": "Pays", "en": "Country"},
    "role": {"fr": "Fonction du répondant", "en": "Respondent's role"},
    "date": {"fr": "Date", "en": "Date"},
    "questionnaire": {"fr": "Questionnaire", "en": "Questionnaire"},
    "overall_score": {"fr": "Score global (sur 100)", "en": "Overall score (out of 100)"},
    "maturity_level": {"fr": "Niveau de maturité", "en": "Maturity level"},
    "coverage": {"fr": "Couverture", "en": "Coverage"},
    "symmetry_verdict": {"fr": "Verdict de symétrie", "en": "Symmetry verdict"},
    "key_messages": {"fr": "Trois messages clés", "en": "Three key messages"},
    "no_stall": {
        "fr": "Pas de décrochage : l'ambition client ne devance pas la capacité interne au-delà "
        "du seuil.",
        "en": "No stall: customer ambition does not lead internal capability beyond the threshold.",
    },
    "symmetry_unknown": {
        "fr": "Symétrie non calculable : il faut des réponses des deux côtés.",
        "en": "Symmetry cannot be computed: both sides need answers.",
    },
    "symmetry_explained": {
        "fr": "L'indice est l'écart côté client − côté interne, en points. À partir du seuil, "
        "l'ambition affichée auprès des clients dépasse ce que les collaborateurs peuvent tenir.",
        "en": "The index is the customer-side minus internal-side gap, in points. From the "
        "threshold on, the ambition shown to customers outruns what employees can deliver.",
    },
    "dimension": {"fr": "Dimension", "en": "Dimension"},
    "score": {"fr": "Score", "en": "Score"},
    "answered": {"fr": "Répondues", "en": "Answered"},
    "questions": {"fr": "Questions", "en": "Questions"},
    "radar_title": {"fr": "Profil de maturité (0–100)", "en": "Maturity profile (0–100)"},
    "side": {"fr": "Côté", "en": "Side"},
    "customer_side": {"fr": "Côté client (ambition)", "en": "Customer side (ambition)"},
    "internal_side": {"fr": "Côté interne (capacité)", "en": "Internal side (capability)"},
    "symmetry_index": {"fr": "Indice de symétrie (points)", "en": "Symmetry index (points)"},
    "stall_threshold": {"fr": "Seuil de décrochage", "en": "Stall threshold"},
    "stall_verdict": {"fr": "Décrochage ?", "en": "Stall?"},
    "stall_yes": {"fr": "OUI : l'ambition client devance", "en": "YES: customer ambition leads"},
    "stall_no": {"fr": "non", "en": "no"},
    "quadrant": {"fr": "Quadrant", "en": "Quadrant"},
    "quadrant_grounded": {"fr": "Au sol", "en": "Grounded"},
    "quadrant_stall_risk": {"fr": "Risque de décrochage", "en": "Stall risk"},
    "quadrant_untapped": {"fr": "Moteur sans portance", "en": "Untapped engine"},
    "quadrant_airborne": {"fr": "En vol", "en": "Airborne"},
    "question_id": {"fr": "Identifiant", "en": "Question id"},
    "question": {"fr": "Question", "en": "Question"},
    "level": {"fr": "Niveau (1–5)", "en": "Level (1–5)"},
    "level_description": {"fr": "Description du niveau", "en": "Level description"},
    "comment": {"fr": "Commentaire", "en": "Comment"},
    "weight": {"fr": "Poids", "en": "Weight"},
    "not_answered": {"fr": "Sans réponse", "en": "Not answered"},
    "roadmap_subtitle": {
        "fr": "Sensibilisation → pilote → diffusion, du {start} au {end}, avec la raison de "
        "chaque action",
        "en": "Awareness → pilot → diffusion, from {start} to {end}, with the reason for each "
        "action",
    },
    "phase": {"fr": "Phase", "en": "Phase"},
    "number": {"fr": "N°", "en": "No."},
    "action": {"fr": "Action", "en": "Action"},
    "reasons": {"fr": "Pourquoi elle est proposée", "en": "Why it is proposed"},
    "owner": {"fr": "Responsable", "en": "Owner"},
    "effort": {"fr": "Effort", "en": "Effort"},
    "effort_low": {"fr": "faible", "en": "low"},
    "effort_medium": {"fr": "moyen", "en": "medium"},
    "effort_high": {"fr": "élevé", "en": "high"},
    "start": {"fr": "Début", "en": "Start"},
    "end": {"fr": "Fin", "en": "End"},
    "after": {"fr": "Après", "en": "After"},
    "kpis_subtitle": {
        "fr": "Suivi du pilote : saisissez une mesure par mois ; la progression vers la cible se "
        "calcule seule.",
        "en": "Pilot tracking: enter one measure per month; progress towards the target is "
        "computed.",
    },
    "pilot": {"fr": "Pilote", "en": "Pilot"},
    "kpi": {"fr": "Indicateur", "en": "Indicator"},
    "unit": {"fr": "Unité", "en": "Unit"},
    "unit_score": {"fr": "score /100", "en": "score /100"},
    "unit_percent": {"fr": "%", "en": "%"},
    "unit_enps": {"fr": "eNPS", "en": "eNPS"},
    "unit_hours": {"fr": "h/pers./sem.", "en": "h/person/week"},
    "baseline": {"fr": "Point de départ", "en": "Baseline"},
    "target": {"fr": "Cible", "en": "Target"},
    "frequency": {"fr": "Fréquence", "en": "Frequency"},
    "progress": {"fr": "Progression", "en": "Progress"},
    "benchmark_subtitle": {
        "fr": "Position parmi des organisations comparables, et repères publiés avec leur source",
        "en": "Position among comparable organisations, and published reference points with "
        "their source",
    },
    "peer_position": {"fr": "Position parmi les pairs", "en": "Position among peers"},
    "peer_group": {"fr": "Groupe de pairs", "en": "Peer group"},
    "peers": {"fr": "Pairs", "en": "Peers"},
    "percentile": {"fr": "Percentile", "en": "Percentile"},
    "peer_median": {"fr": "Médiane des pairs", "en": "Peers' median"},
    "scope_sector_size": {"fr": "même secteur et taille", "en": "same sector and size"},
    "scope_size": {"fr": "même taille", "en": "same size"},
    "scope_sector": {"fr": "même secteur", "en": "same sector"},
    "scope_all": {"fr": "toutes les organisations", "en": "all organisations"},
    "not_enough_peers": {"fr": "pas encore assez de pairs", "en": "not enough peers yet"},
    "reference_points": {"fr": "Repères publiés", "en": "Published reference points"},
    "reference_caveat": {
        "fr": "Chiffres isolés publiés : des repères, pas une distribution d'organisations "
        "comparables.",
        "en": "Single published figures: landmarks, not a distribution of comparable "
        "organisations.",
    },
    "applies_to": {"fr": "Question ou dimension", "en": "Question or dimension"},
    "figure": {"fr": "Chiffre", "en": "Figure"},
    "statement": {"fr": "Énoncé", "en": "Statement"},
    "population": {"fr": "Population", "en": "Population"},
    "year": {"fr": "Année", "en": "Year"},
    "source": {"fr": "Source", "en": "Source"},
    "status": {"fr": "Vérification", "en": "Checked"},
    "status_P": {"fr": "lu chez l'éditeur", "en": "read at the publisher"},
    "status_S": {"fr": "de seconde main", "en": "second-hand"},
    "status_seed": {"fr": "cité par l'article source", "en": "as cited by the source article"},
    "participants": {"fr": "Participants", "en": "Participants"},
    "contributors": {"fr": "Ayant répondu", "en": "Who answered"},
    "anonymity_threshold": {"fr": "Seuil d'anonymat", "en": "Anonymity threshold"},
    "consolidation": {"fr": "Consolidation", "en": "Consolidation"},
    "room_hidden": {
        "fr": "Trop peu de participants : le résultat de la salle reste masqué.",
        "en": "Too few participants: the room's result stays hidden.",
    },
    "room_questions": {
        "fr": "La salle, question par question",
        "en": "The room, question by question",
    },
    "dont_know": {"fr": "Je ne sais pas", "en": "Don't know"},
    "room_mean": {"fr": "Moyenne /100", "en": "Mean /100"},
    "sd": {"fr": "Écart type", "en": "Std dev."},
    "consensus": {"fr": "Consensus", "en": "Consensus"},
    "median_level": {"fr": "Niveau médian", "en": "Median level"},
    "segment": {"fr": "Groupes", "en": "Groups"},
    "group": {"fr": "Groupe", "en": "Group"},
    "size": {"fr": "Effectif", "en": "Size"},
    "anonymity_note": {
        "fr": "Les groupes plus petits que le seuil d'anonymat n'apparaissent pas.",
        "en": "Groups smaller than the anonymity threshold are not shown.",
    },
    "validation_title": {"fr": "Valeur hors plage", "en": "Value out of range"},
    "validation_error": {
        "fr": "Saisissez un nombre entre {low} et {high}.",
        "en": "Enter a number between {low} and {high}.",
    },
}


def label(key: str, lang: Language) -> str:
    return LABELS[key][lang]
