"""The digital intensity check: Eurostat's Digital Intensity Index (DII), survey year 2023.

The DII counts how many of 12 digital technologies an enterprise uses (one point each) and
names four levels: very low 0-3, low 4-6, high 7-9, very high 10-12. The definition (12 items,
one point each, the four bands) was read on Eurostat's metadata page for ``isoc_e_dii``. The
items change from one survey year to the next; the 2023 list below could NOT be read on
Eurostat's own page here: it is taken from a secondary source that lists the 2023 items with
Eurostat's own indicator labels (see ITEM_SOURCE). It is shown labelled as such.

An organisation ticks the items it uses, gets its level and its place in the published EU
distribution for its size class (shares of enterprises below, at and above its level), which
is a like-for-like comparison: same items, same bands, same year.
"""

from __future__ import annotations

from collections.abc import Mapping

from assessment.benchmark.sources import Distribution
from assessment.models import Frozen, Text

SURVEY_YEAR = 2023
DEFINITION_SOURCE = "https://ec.europa.eu/eurostat/cache/metadata/en/isoc_e_dii_esmsip2.htm"
ITEM_SOURCE = (
    "C. Secula, “EU's Digital Intensity Index (DII) in 2023” (2024), listing the 2023 items "
    "with Eurostat's indicator labels: "
    "https://cozminasecula.github.io/blog/posts/digital_intensity_index_eu/index.html"
)
ITEMS_STATUS = "S"  # the list is second-hand until read on Eurostat's own page


class DiiItem(Frozen):
    id: str
    text: Text  # short enough for a checkbox label
    detail: Text | None = None  # what the item counts, when the label cannot say it all


def _item(item_id: str, fr: str, en: str, detail_fr: str = "", detail_en: str = "") -> DiiItem:
    detail = Text(fr=detail_fr, en=detail_en) if detail_fr else None
    return DiiItem(id=item_id, text=Text(fr=fr, en=en), detail=detail)


ITEMS: tuple[DiiItem, ...] = (
    _item(
        "internet_over_half",
        "Plus de la moitié du personnel utilise internet pour travailler",
        "More than half of the staff use the internet for work",
    ),
    _item(
        "fixed_30mbps",
        "Connexion fixe souscrite à 30 Mbit/s ou plus",
        "Fixed internet connection contracted at 30 Mbit/s or more",
        "Débit descendant maximal contractuel de la connexion fixe la plus rapide.",
        "Maximum contracted download speed of the fastest fixed connection.",
    ),
    _item(
        "ecommerce_1pct",
        "Ventes électroniques ≥ 1 % du chiffre d’affaires",
        "Electronic sales ≥ 1% of turnover",
        "Ventes par site web, application, place de marché ou EDI, l’année précédente.",
        "Sales through a website, an app, a marketplace or EDI, in the previous year.",
    ),
    _item(
        "web_sales_b2c",
        "Ventes web > 1 % du CA, dont > 10 % aux particuliers",
        "Web sales > 1% of turnover, over 10% of them to consumers",
    ),
    _item(
        "cloud_any",
        "Achat de services cloud utilisés via internet",
        "Buys cloud services used over the internet",
    ),
    _item(
        "cloud_advanced",
        "Achat de services cloud avancés ou intermédiaires",
        "Buys sophisticated or intermediate cloud services",
        "Au moins un parmi : comptabilité et finance, ERP, CRM, sécurité, hébergement de bases "
        "de données, plateforme de développement.",
        "At least one of: finance and accounting, ERP, CRM, security, database hosting, "
        "development platform.",
    ),
    _item(
        "social_media_two",
        "Au moins deux types de médias sociaux",
        "Two or more types of social media",
        "Réseau social, blog ou micro-blog, partage de contenus multimédias, wiki.",
        "Social network, blog or microblog, multimedia content sharing, wiki.",
    ),
    _item(
        "social_media_any",
        "Au moins un média social",
        "At least one social medium",
        "Un profil ou un compte de l’entreprise suffit.",
        "A company profile or account is enough.",
    ),
    _item(
        "data_analytics",
        "Analyse de données (par le personnel ou un prestataire)",
        "Data analytics (by own staff or a provider)",
    ),
    _item(
        "ai_any",
        "Au moins une technologie d’intelligence artificielle",
        "At least one artificial intelligence technology",
        "Analyse de texte, reconnaissance vocale, génération de langage, reconnaissance "
        "d’images, apprentissage automatique, automatisation de processus, déplacement "
        "autonome de machines.",
        "Text mining, speech recognition, natural language generation, image recognition, "
        "machine learning, process automation, autonomous movement of machines.",
    ),
    _item(
        "erp",
        "Progiciel de gestion intégré (ERP)",
        "Enterprise resource planning (ERP) software",
        "Un progiciel qui partage l’information entre fonctions (comptabilité, achats, "
        "production, ventes…).",
        "A software package sharing information between functional areas (accounting, "
        "purchasing, production, sales…).",
    ),
    _item(
        "crm",
        "Logiciel de gestion de la relation client (CRM)",
        "Customer relationship management (CRM) software",
    ),
)
ITEM_IDS = tuple(item.id for item in ITEMS)
LEVELS = ("very_low", "low", "high", "very_high")
LEVEL_BANDS = {"very_low": (0, 3), "low": (4, 6), "high": (7, 9), "very_high": (10, 12)}


class Placement(Frozen):
    """Where a level sits in a published distribution of enterprises."""

    group: str
    group_label: Text
    year: int
    below: float  # percent of enterprises at a lower level
    same: float
    above: float
    second_hand: bool  # at least one share used was only seen quoted second-hand
    derived: bool  # at least one share used was computed as 100 - the others


class DiiResult(Frozen):
    year: int
    ticked: int
    level: str
    placement: Placement | None


def dii_points(items: Mapping[str, bool]) -> int:
    """One point per item ticked; an unknown item id is an error, not a silent zero."""
    unknown = sorted(set(items) - set(ITEM_IDS))
    if unknown:
        raise ValueError(f"unknown DII item(s) for {SURVEY_YEAR}: {', '.join(unknown)}")
    return sum(1 for item_id in ITEM_IDS if items.get(item_id) is True)


def dii_level(points: int) -> str:
    for level, (low, high) in LEVEL_BANDS.items():
        if low <= points <= high:
            return level
    raise ValueError(f"{points} is not a DII score (0-12)")


def placement(level: str, size_class: str, distribution: Distribution) -> Placement | None:
    """Shares of enterprises of the size class's group below, at and above the level; None
    when the distribution has no group for that size class (e.g. under 10 employees)."""
    group = distribution.group_of(size_class)
    if group is None or group not in distribution.shares:
        return None
    shares = distribution.shares[group]
    rank = LEVELS.index(level)
    return Placement(
        group=group,
        group_label=distribution.provenance.groups[group].label,
        year=distribution.provenance.year,
        below=sum(shares[lv] for lv in LEVELS[:rank]),
        same=shares[level],
        above=sum(shares[lv] for lv in LEVELS[rank + 1 :]),
        second_hand="S" in distribution.status[group].values(),
        derived=bool(distribution.derived.get(group)),
    )


def check(
    items: Mapping[str, bool], size_class: str, distribution: Distribution | None
) -> DiiResult:
    points = dii_points(items)
    level = dii_level(points)
    placed = placement(level, size_class, distribution) if distribution is not None else None
    return DiiResult(year=SURVEY_YEAR, ticked=points, level=level, placement=placed)
