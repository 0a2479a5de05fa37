"""Strings of the benchmark page, the results summary and the pool opt-in, in French and English,
with the few formatting helpers those places share."""

from __future__ import annotations

from assessment.benchmark import DimensionPosition, Scope
from assessment.models import Language

STRINGS: dict[str, dict[Language, str]] = {
    "title": {"fr": "Comparaison : {organisation}", "en": "Benchmark: {organisation}"},
    "intro": {
        "fr": "Trois sortes de repères, jamais mélangées : vos pairs du pool (organisations qui "
        "ont accepté de partager leurs scores, et clients importés par un consultant), une "
        "distribution publiée (l'indice d'intensité numérique d'Eurostat) et des chiffres "
        "publiés isolés, cités avec leur source.",
        "en": "Three kinds of landmark, never mixed: your peers in the pool (organisations that "
        "agreed to share their scores, and clients imported by a consultant), a published "
        "distribution (Eurostat's digital intensity index) and single published figures, "
        "quoted with their source.",
    },
    "scope_label": {"fr": "Se comparer à", "en": "Compare with"},
    "scope_sector_size": {"fr": "Même secteur et même taille", "en": "Same sector and size"},
    "scope_size": {"fr": "Même taille", "en": "Same size class"},
    "scope_sector": {"fr": "Même secteur", "en": "Same sector"},
    "scope_all": {"fr": "Tout le pool", "en": "Whole pool"},
    "group_sector_size": {
        "fr": "même secteur et même taille",
        "en": "same sector and size class",
    },
    "group_size": {"fr": "même taille", "en": "same size class"},
    "group_sector": {"fr": "même secteur", "en": "same sector"},
    "group_all": {"fr": "tout le pool", "en": "whole pool"},
    "pool_summary": {
        "fr": "Le pool compte {total} organisation(s) : {assessed} évaluation(s) partagée(s) et "
        "{imported} client(s) importé(s). Il faut au moins {min} pairs pour situer un score.",
        "en": "The pool holds {total} organisation(s): {assessed} shared assessment(s) and "
        "{imported} imported client(s). At least {min} peers are needed to place a score.",
    },
    "pool_you_in": {
        "fr": "Votre évaluation y contribue, anonymement.",
        "en": "Your assessment contributes to it, anonymously.",
    },
    "pool_you_out": {
        "fr": "Votre évaluation n'y contribue pas (option sur la page d'accueil).",
        "en": "Your assessment does not contribute to it (option on the start page).",
    },
    "percentile_text": {
        "fr": "Score {score} : {pct}e centile parmi {n} pairs ({group}).",
        "en": "Score {score}: percentile {pct} among {n} peers ({group}).",
    },
    "quartiles_text": {
        "fr": "Pairs : 1er quartile {q1} · médiane {median} · 3e quartile {q3} "
        "(de {low} à {high}).",
        "en": "Peers: first quartile {q1} · median {median} · third quartile {q3} "
        "(from {low} to {high}).",
    },
    "percentile_help": {
        "fr": "Centile : part des pairs dont le score est inférieur au vôtre, plus la moitié de "
        "ceux qui sont à égalité (0 à 100). Votre propre évaluation n'est jamais comptée parmi "
        "vos pairs.",
        "en": "Percentile: the share of peers scoring below you, plus half of those level with "
        "you (0 to 100). Your own assessment is never counted among your peers.",
    },
    "widened": {
        "fr": "Pas encore assez de pairs pour « {requested} » ({n} sur {min}) : comparaison "
        "avec le groupe plus large suivant, « {used} ».",
        "en": "Not enough peers yet for “{requested}” ({n} of {min}): compared with the next "
        "wider group, “{used}”.",
    },
    "not_enough": {
        "fr": "Pas encore assez de pairs, même dans tout le pool ({n} sur {min}). La position "
        "apparaîtra quand d'autres organisations auront partagé leurs résultats.",
        "en": "Not enough peers yet, even in the whole pool ({n} of {min}). Your position will "
        "appear once more organisations have shared their results.",
    },
    "thin": {
        "fr": "Moins de 30 pairs : une indication, pas une statistique.",
        "en": "Fewer than 30 peers: an indication, not a statistic.",
    },
    "no_score": {
        "fr": "Pas de score pour cette dimension : aucune question répondue.",
        "en": "No score for this dimension: no question answered.",
    },
    "you_are_here": {"fr": "Vous êtes ici", "en": "You are here"},
    "peers": {"fr": "Pairs", "en": "Peers"},
    "refs_title": {"fr": "Repères publiés ({n})", "en": "Published reference points ({n})"},
    "ref_source": {
        "fr": "{population}, {year}. Source : {source}",
        "en": "{population}, {year}. Source: {source}",
    },
    "second_hand": {
        "fr": "chiffre de seconde main, pas encore vérifié à la source",
        "en": "second-hand figure, not yet checked at the source",
    },
    "old_data": {"fr": "donnée de plus de 5 ans", "en": "over 5 years old"},
    "your_answer": {"fr": "Votre réponse : {answer}", "en": "Your answer: {answer}"},
    "no_answer": {"fr": "pas encore de réponse", "en": "not answered yet"},
    "dimension_wide": {"fr": "Sur l'ensemble de la dimension", "en": "About the whole dimension"},
    "library_broken": {
        "fr": "Des fichiers de repères contiennent des erreurs ; les repères publiés ne sont pas "
        "affichés :",
        "en": "Some benchmark files have errors; published reference points are not shown:",
    },
    # digital intensity check
    "dii_title": {
        "fr": "Test d'intensité numérique (indice Eurostat, enquête {year})",
        "en": "Digital intensity check (Eurostat index, {year} survey)",
    },
    "dii_intro": {
        "fr": "Cochez ce que votre organisation fait aujourd'hui. Chaque case vaut un point ; "
        "Eurostat classe les entreprises en quatre niveaux : très faible (0 à 3), faible (4 à "
        "6), élevé (7 à 9), très élevé (10 à 12). Vos cases sont enregistrées au fur et à "
        "mesure.",
        "en": "Tick what your organisation does today. Each box is worth one point; Eurostat "
        "ranks enterprises on four levels: very low (0–3), low (4–6), high (7–9), very high "
        "(10–12). Your ticks are saved as you go.",
    },
    "dii_items_source": {
        "fr": "Définition (12 critères, quatre niveaux) lue sur la page de métadonnées "
        "d'Eurostat. La liste des critères {year} vient d'une source secondaire qui reprend les "
        "libellés d'Eurostat : elle n'a pas encore pu être vérifiée sur le site d'Eurostat.",
        "en": "Definition (12 items, four levels) read on Eurostat's metadata page. The {year} "
        "item list comes from a secondary source quoting Eurostat's labels: it could not yet be "
        "checked on Eurostat's own site.",
    },
    "dii_result": {
        "fr": "{points} critère(s) sur 12 : niveau {level}",
        "en": "{points} item(s) of 12: {level} level",
    },
    "dii_very_low": {"fr": "très faible", "en": "very low"},
    "dii_low": {"fr": "faible", "en": "low"},
    "dii_high": {"fr": "élevé", "en": "high"},
    "dii_very_high": {"fr": "très élevé", "en": "very high"},
    "dii_placement": {
        "fr": "{group}, {year} : {below} à un niveau inférieur au vôtre, {same} au même niveau, "
        "{above} à un niveau supérieur.",
        "en": "{group}, {year}: {below} at a lower level than yours, {same} at the same level, "
        "{above} at a higher level.",
    },
    "dii_mapping_sme": {
        "fr": "Votre taille est comparée à l'ensemble des PME (10 à 249 salariés) : la "
        "répartition {year} entre petites et moyennes entreprises n'a pas été trouvée.",
        "en": "Your size class is compared with all SMEs (10–249 employees): the {year} split "
        "between small and medium enterprises was not found.",
    },
    "dii_mapping_large": {
        "fr": "Votre taille est comparée aux grandes entreprises (250 salariés et plus), avec "
        "les mêmes 12 critères et les mêmes seuils qu'Eurostat.",
        "en": "Your size class is compared with large enterprises (250 employees or more), "
        "with the same 12 items and thresholds as Eurostat.",
    },
    "dii_no_group": {
        "fr": "L'enquête d'Eurostat porte sur les entreprises de 10 salariés et plus : aucune "
        "répartition publiée pour votre taille, seul votre niveau est indiqué.",
        "en": "Eurostat's survey covers enterprises with 10 or more employees: there is no "
        "published distribution for your size class, only your level is shown.",
    },
    "dii_second_hand": {
        "fr": "Répartition de seconde main (reprises de la publication d'Eurostat), pas encore "
        "vérifiée dans la base d'Eurostat.",
        "en": "Second-hand distribution (reprints of Eurostat's release), not yet checked in "
        "Eurostat's database.",
    },
    "dii_derived": {
        "fr": "Une des parts n'était pas publiée dans les sources consultées : elle est "
        "calculée comme 100 moins les trois autres.",
        "en": "One of the shares was not published in the sources seen: it is computed as 100 "
        "minus the other three.",
    },
    "dii_missing": {
        "fr": "La répartition publiée n'est pas disponible (fichier de données en erreur).",
        "en": "The published distribution is not available (data file in error).",
    },
    # consultants
    "consultant_key": {
        "fr": "Clé consultant (définie par CONSULTANT_KEY sur ce serveur)",
        "en": "Consultant key (set by CONSULTANT_KEY on this server)",
    },
    "consultant_key_wrong": {"fr": "Clé incorrecte.", "en": "Wrong key."},
    "consultant_title": {
        "fr": "Consultants : importer vos clients, exporter le pool",
        "en": "Consultants: import your clients, export the pool",
    },
    "import_label": {"fr": "CSV de clients passés", "en": "CSV of past clients"},
    "import_help": {
        "fr": "Colonnes : sector (lettre NACE), size_class (1-9, 10-49, 50-249, 250+), puis les "
        "identifiants de dimension ({dimensions}) ; scores de 0 à 100, case vide si la "
        "dimension n'a pas été évaluée. UTF-8, séparateur virgule ou point-virgule, 1 Mo et "
        "5 000 lignes au plus. Aucun nom : seules ces colonnes sont conservées.",
        "en": "Columns: sector (NACE letter), size_class (1-9, 10-49, 50-249, 250+), then the "
        "dimension ids ({dimensions}); scores 0 to 100, empty when a dimension was not "
        "assessed. UTF-8, comma or semicolon separated, at most 1 MB and 5,000 rows. No names: "
        "only these columns are kept.",
    },
    "import_ready": {
        "fr": "{n} ligne(s) valide(s), prête(s) à rejoindre le pool.",
        "en": "{n} valid row(s), ready to join the pool.",
    },
    "import_button": {"fr": "Ajouter au pool", "en": "Add to the pool"},
    "import_done": {
        "fr": "{n} ligne(s) importée(s), lot {batch}.",
        "en": "{n} row(s) imported, batch {batch}.",
    },
    "import_failed": {
        "fr": "Fichier refusé, rien n'a été enregistré :",
        "en": "File rejected, nothing was saved:",
    },
    "batches_title": {"fr": "Lots importés", "en": "Imported batches"},
    "batch_line": {
        "fr": "Lot {batch} · {rows} ligne(s) · {date}",
        "en": "Batch {batch} · {rows} row(s) · {date}",
    },
    "batch_delete": {"fr": "Supprimer ce lot", "en": "Delete this batch"},
    "batch_deleted": {"fr": "Lot {batch} supprimé.", "en": "Batch {batch} deleted."},
    "no_batch": {"fr": "Aucun lot importé.", "en": "No imported batch."},
    "export_button": {
        "fr": "Télécharger le pool anonymisé (CSV)",
        "en": "Download the anonymised pool (CSV)",
    },
    "export_help": {
        "fr": "Secteur, taille et scores par dimension seulement, au format d'import. Un très "
        "petit groupe peut encore laisser deviner une organisation : partagez avec prudence.",
        "en": "Sector, size class and dimension scores only, in the import format. A very small "
        "group can still give an organisation away: share with care.",
    },
    # start page and results page
    "pool_opt_in": {
        "fr": "Contribuer anonymement au pool de comparaison",
        "en": "Contribute anonymously to the benchmark pool",
    },
    "pool_opt_in_help": {
        "fr": "Seuls le secteur, la taille et les scores par dimension servent, jamais le nom. "
        "Une dimension n'entre dans le pool que si 80 % de ses questions ont une réponse. "
        "Décochez à tout moment pour retirer l'évaluation du pool.",
        "en": "Only the sector, size class and dimension scores are used, never the name. A "
        "dimension joins the pool only when 80% of its questions are answered. Untick at any "
        "time to take the assessment out of the pool.",
    },
    "results_title": {"fr": "Face à vos pairs", "en": "Against your peers"},
    "results_not_enough": {
        "fr": "pas encore assez de pairs",
        "en": "not enough peers yet",
    },
    "results_link": {
        "fr": "Comparaison détaillée, repères publiés et test d'intensité numérique",
        "en": "Detailed comparison, published reference points and digital intensity check",
    },
}


def tr(key: str, lang: Language) -> str:
    return STRINGS[key][lang]


def number(value: float, lang: Language, digits: int = 0) -> str:
    """A number as each language writes it (French: decimal comma)."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "fr" else text


def percent(value: float, lang: Language) -> str:
    digits = 0 if float(value).is_integer() else 1
    return f"{number(value, lang, digits)} %" if lang == "fr" else f"{number(value, lang, digits)}%"


def scope_name(scope: Scope, lang: Language) -> str:
    return tr(f"group_{scope.value}", lang)


def describe(item: DimensionPosition, lang: Language) -> str:
    """One sentence: the percentile, or why there is none."""
    if item.score is None:
        return tr("no_score", lang)
    if not item.enough:
        return tr("not_enough", lang).format(n=item.tried[-1].members, min=item.min_peers)
    return tr("percentile_text", lang).format(
        score=number(item.score, lang),
        pct=number(item.percentile, lang),
        n=len(item.peers),
        group=scope_name(item.scope, lang),
    )


def widened_note(item: DimensionPosition, lang: Language) -> str | None:
    if not item.widened:
        return None
    return tr("widened", lang).format(
        requested=scope_name(item.requested, lang),
        n=item.tried[0].members,
        min=item.min_peers,
        used=scope_name(item.scope, lang),
    )
