"""JSON export: the whole assessment with a schema version, enough to restore it."""

from __future__ import annotations

from assessment.bundle import AssessmentBundle


def build_json(bundle: AssessmentBundle) -> bytes:
    return bundle.model_dump_json(indent=2).encode("utf-8")
