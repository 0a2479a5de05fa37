"""Importing an export from the start page: a refused file is told in the user's language,
with its name and place kept, and nothing is created."""

import json

import pytest
import sqlalchemy as sa

from assessment.store import assessments_table
from tests.app.conftest import open_app


def assessments(store) -> int:
    with store.engine.connect() as conn:
        return conn.scalar(sa.select(sa.func.count()).select_from(assessments_table))


def import_file(at, name: str, content: bytes):
    at.file_uploader(key="import_file").upload(name, content, "application/json")
    at.run()
    return at.button(key="import").click().run()


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", "broken.json:1\u00a0: ce n’est pas du JSON valide"),
        ("en", "broken.json:1: not valid JSON"),
    ],
)
def test_a_file_that_is_not_json_is_refused_in_the_users_language(store, lang, expected):
    at = import_file(open_app(lang=lang), "broken.json", b"{not json")
    assert expected in at.error[0].value
    assert assessments(store) == 0 and "token" not in at.session_state


def test_a_missing_field_is_named_with_a_french_message(store):
    export = {"schema_version": 1, "questionnaire_id": "transformation", "language": "fr"}
    at = import_file(open_app(lang="fr"), "x.json", json.dumps(export).encode())
    message = at.error[0].value
    assert "x.json\u00a0: " in message and "answers\u00a0: champ obligatoire manquant" in message
    assert "Field required" not in message
