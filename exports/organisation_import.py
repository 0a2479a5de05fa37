"""Read back an organisation's JSON export, refusing anything broken or hostile before it is
used: the same bounds as an assessment's export (size, nesting, strict sections), then each of
its assessments checked as an assessment's own import is (questionnaire and version installed,
every answer on the scale). Nothing here writes anywhere."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import ValidationError

from assessment.models import Questionnaire
from assessment.waves.bundle import ORGANISATION_SCHEMA_VERSION, OrganisationBundle
from exports.importer import (
    MAX_UPLOAD_BYTES,
    ImportRejected,
    _read_json,
    check_bundle,
    field_problem,
)


def read_organisation_export(
    data: bytes, filename: str, questionnaires: Iterable[Questionnaire]
) -> tuple[OrganisationBundle, list[list[Questionnaire]]]:
    """The organisation of a previously exported file and, per wave, the questionnaire of
    each of its assessments; or ImportRejected, saying what is wrong and where."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise ImportRejected("too_big", file=filename, size=len(data), limit=MAX_UPLOAD_BYTES)
    if data.lstrip()[:1] != b"{":
        raise ImportRejected("unknown_kind", file=filename)
    raw = _read_json(data, filename)
    if not isinstance(raw, dict) or raw.get("kind") != "organisation":
        raise ImportRejected("waves.not_an_organisation", file=filename)
    version = raw.get("schema_version")
    if type(version) is not int or version != ORGANISATION_SCHEMA_VERSION:
        raise ImportRejected(
            "format_version",
            file=filename,
            version=repr(version),
            reads=ORGANISATION_SCHEMA_VERSION,
        )
    try:
        bundle = OrganisationBundle.model_validate(raw)
    except ValidationError as error:
        problems = [field_problem(e) for e in error.errors()]
        raise ImportRejected("answers", file=filename, problems=problems) from error
    questionnaires = list(questionnaires)
    chosen = []
    for wave in bundle.waves:
        row = []
        for member in wave.assessments:
            if member.assessment.profile is None:
                raise ImportRejected("no_profile", file=filename)
            row.append(check_bundle(member.assessment, questionnaires, filename))
        chosen.append(row)
    return bundle, chosen
