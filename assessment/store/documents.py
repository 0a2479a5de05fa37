"""The kinds of JSON document an assessment keeps beside its answers, named in one place."""

from enum import StrEnum


class DocumentKind(StrEnum):
    pool = "pool"
    """``{"opt_in": true}``: the assessment joins the consultant's benchmark pool."""
    dii = "dii"
    """``{"year": 2023, "items": {id: bool}}``: the EU Digital Intensity Index check."""
    roadmap = "roadmap"
    """The roadmap's edits (dates, owners, KPI fields), applied over the generated roadmap."""
    workshop = "workshop"
    """The room's counts and dispersion, for an assessment made from a live workshop."""
    pilot = "pilot"
    """The pilot's measured KPI values and the steering committee's decisions on diffusion."""
