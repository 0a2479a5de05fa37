"""The organisation profile: who answered, used later to form benchmark peer groups.

Sectors are the sections of NACE Rev. 2 and size classes those of Eurostat's enterprise
statistics, so that the profile lines up with published figures.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints, ValidationInfo, field_validator

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

    @field_validator("sector", "size_class", "country", "role")
    @classmethod
    def _known_code(cls, value: str, info: ValidationInfo) -> str:
        allowed = CODES[info.field_name]
        if value not in allowed:
            what = info.field_name.replace("_", " ")
            raise ValueError(f"unknown {what} {value!r}; expected one of {', '.join(allowed)}")
        return value


# The codes each field of a profile takes.
CODES = {"sector": SECTORS, "size_class": SIZE_CLASSES, "country": COUNTRIES, "role": ROLES}
