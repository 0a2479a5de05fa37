"""JSON export: the whole assessment with a schema version, enough to restore it."""

from __future__ import annotations

from assessment.bundle import AssessmentBundle
from assessment.waves.bundle import OrganisationBundle


def build_json(bundle: AssessmentBundle) -> bytes:
    return bundle.model_dump_json(indent=2).encode("utf-8")


def build_organisation_json(bundle: OrganisationBundle) -> bytes:
    """An organisation with every assessment of every wave, re-imported whole."""
    return bundle.model_dump_json(indent=2).encode("utf-8")
