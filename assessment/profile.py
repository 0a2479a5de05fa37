"""The organisation profile: who answered, used later to form benchmark peer groups.

Sectors are the sections of NACE Rev. 2 and size classes those of Eurostat's enterprise
statistics, so that the profile lines up with published figures.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints, field_validator

from assessment.models import Frozen, Language

# NACE Rev. 2 sections (Eurostat), shortened labels.
SECTORS: dict[str, dict[Language, str]] = {
    "A": {"fr": "Agriculture, sylviculture et pêche", "en": "Agriculture, forestry and fishing"},
    "B": {"fr": "Industries extractives", "en": "Mining and quarrying"},
    "C": {"fr": "Industrie manufacturière", "en": "Manufacturing"},
    "D": {"fr": "Énergie (électricité, gaz, vapeur)", "en": "Electricity, gas, steam supply"},
    "E": {"fr": "Eau, assainissement, déchets", "en": "Water supply, sewerage, waste"},
    "F": {"fr": "Construction", "en": "Construction"},
    "G": {"fr": "Commerce ; réparation d'automobiles", "en": "Wholesale and retail trade"},
    "H": {"fr": "Transports et entreposage", "en": "Transportation and storage"},
    "I": {"fr": "Hébergement et restauration", "en": "Accommodation and food services"},
    "J": {"fr": "Information et communication", "en": "Information and communication"},
    "K": {"fr": "Activités financières et d'assurance", "en": "Financial and insurance activities"},
    "L": {"fr": "Activités immobilières", "en": "Real estate activities"},
    "M": {
        "fr": "Activités spécialisées, scientifiques et techniques",
        "en": "Professional, scientific and technical activities",
    },
    "N": {
        "fr": "Activités de services administratifs et de soutien",
        "en": "Administrative and support services",
    },
    "O": {"fr": "Administration publique", "en": "Public administration and defence"},
    "P": {"fr": "Enseignement", "en": "Education"},
    "Q": {"fr": "Santé humaine et action sociale", "en": "Human health and social work"},
    "R": {
        "fr": "Arts, spectacles et activités récréatives",
        "en": "Arts, entertainment, recreation",
    },
    "S": {"fr": "Autres activités de services", "en": "Other service activities"},
    "T": {"fr": "Activités des ménages employeurs", "en": "Households as employers"},
    "U": {"fr": "Organisations extraterritoriales", "en": "Extraterritorial organisations"},
}

# Employees, as in Eurostat's size classes.
SIZE_CLASSES: dict[str, dict[Language, str]] = {
    "1-9": {"fr": "1 à 9 salariés", "en": "1–9 employees"},
    "10-49": {"fr": "10 à 49 salariés", "en": "10–49 employees"},
    "50-249": {"fr": "50 à 249 salariés", "en": "50–249 employees"},
    "250+": {"fr": "250 salariés et plus", "en": "250 employees or more"},
}

# ISO 3166-1 alpha-2: the EU-27, neighbours, and other francophone or large markets.
COUNTRIES: dict[str, dict[Language, str]] = {
    "AT": {"fr": "Autriche", "en": "Austria"},
    "BE": {"fr": "Belgique", "en": "Belgium"},
    "BG": {"fr": "Bulgarie", "en": "Bulgaria"},
    "HR": {"fr": "Croatie", "en": "Croatia"},
    "CY": {"fr": "Chypre", "en": "Cyprus"},
    "CZ": {"fr": "Tchéquie", "en": "Czechia"},
    "DK": {"fr": "Danemark", "en": "Denmark"},
    "EE": {"fr": "Estonie", "en": "Estonia"},
    "FI": {"fr": "Finlande", "en": "Finland"},
    "FR": {"fr": "France", "en": "France"},
    "DE": {"fr": "Allemagne", "en": "Germany"},
    "GR": {"fr": "Grèce", "en": "Greece"},
    "HU": {"fr": "Hongrie", "en": "Hungary"},
    "IE": {"fr": "Irlande", "en": "Ireland"},
    "IT": {"fr": "Italie", "en": "Italy"},
    "LV": {"fr": "Lettonie", "en": "Latvia"},
    "LT": {"fr": "Lituanie", "en": "Lithuania"},
    "LU": {"fr": "Luxembourg", "en": "Luxembourg"},
    "MT": {"fr": "Malte", "en": "Malta"},
    "NL": {"fr": "Pays-Bas", "en": "Netherlands"},
    "PL": {"fr": "Pologne", "en": "Poland"},
    "PT": {"fr": "Portugal", "en": "Portugal"},
    "RO": {"fr": "Roumanie", "en": "Romania"},
    "SK": {"fr": "Slovaquie", "en": "Slovakia"},
    "SI": {"fr": "Slovénie", "en": "Slovenia"},
    "ES": {"fr": "Espagne", "en": "Spain"},
    "SE": {"fr": "Suède", "en": "Sweden"},
    "CH": {"fr": "Suisse", "en": "Switzerland"},
    "NO": {"fr": "Norvège", "en": "Norway"},
    "GB": {"fr": "Royaume-Uni", "en": "United Kingdom"},
    "CA": {"fr": "Canada", "en": "Canada"},
    "US": {"fr": "États-Unis", "en": "United States"},
    "MA": {"fr": "Maroc", "en": "Morocco"},
    "TN": {"fr": "Tunisie", "en": "Tunisia"},
    "SN": {"fr": "Sénégal", "en": "Senegal"},
    "CI": {"fr": "Côte d'Ivoire", "en": "Côte d'Ivoire"},
    "ZZ": {"fr": "Autre pays", "en": "Other country"},
}

ROLES: dict[str, dict[Language, str]] = {
    "executive": {"fr": "Dirigeant·e / comité de direction", "en": "Executive / leadership team"},
    "hr": {"fr": "Ressources humaines", "en": "Human resources"},
    "communications": {"fr": "Communication / marketing", "en": "Communications / marketing"},
    "it": {"fr": "Informatique / numérique", "en": "IT / digital"},
    "customer": {"fr": "Relation client / commercial", "en": "Customer service / sales"},
    "operations": {"fr": "Opérations / métier", "en": "Operations / business line"},
    "consultant": {"fr": "Consultant·e externe", "en": "External consultant"},
    "other": {"fr": "Autre", "en": "Other"},
}

OrganisationName = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)
]


class Profile(Frozen):
    """Who is assessed. Codes, not labels, are stored, so the profile reads in both languages."""

    organisation: OrganisationName
    sector: str = Field(description="NACE Rev. 2 section letter")
    size_class: str
    country: str = Field(description="ISO 3166-1 alpha-2, ZZ for other")
    role: str

    @field_validator("sector")
    @classmethod
    def _known_sector(cls, value: str) -> str:
        return _known(value, SECTORS, "sector")

    @field_validator("size_class")
    @classmethod
    def _known_size(cls, value: str) -> str:
        return _known(value, SIZE_CLASSES, "size class")

    @field_validator("country")
    @classmethod
    def _known_country(cls, value: str) -> str:
        return _known(value, COUNTRIES, "country")

    @field_validator("role")
    @classmethod
    def _known_role(cls, value: str) -> str:
        return _known(value, ROLES, "role")


def _known(value: str, allowed: dict, what: str) -> str:
    if value not in allowed:
        raise ValueError(f"unknown {what} {value!r}; expected one of {', '.join(allowed)}")
    return value
