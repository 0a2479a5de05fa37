"""The organisation profile: who answered, used later to form benchmark peer groups.

Sectors are the sections of NACE Rev. 2 and size classes those of Eurostat's enterprise
statistics, so that the profile lines up with published figures.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints, field_validator

from assessment.models import Frozen

# Codes only: their labels are in the message catalogues (locales/), as "sector.J" and so on.
# NACE Rev. 2 sections (Eurostat).
SECTORS = tuple("ABCDEFGHIJKLMNOPQRSTU")
# Employees, as in Eurostat's size classes.
SIZE_CLASSES = ("1-9", "10-49", "50-249", "250+")
# ISO 3166-1 alpha-2: the EU-27, neighbours, and other francophone or large markets.
EU_27 = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE"
COUNTRIES = (*EU_27.split(), "CH", "NO", "GB", "CA", "US", "MA", "TN", "SN", "CI", "ZZ")
ROLES = ("executive", "hr", "communications", "it", "customer", "operations", "consultant", "other")

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


def _known(value: str, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise ValueError(f"unknown {what} {value!r}; expected one of {', '.join(allowed)}")
    return value
