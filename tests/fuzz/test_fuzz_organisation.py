"""Fuzzing the organisation's import: a mutated or arbitrary file is read whole (and can then be
restored) or refused with a message naming the file, in time, leaving the database as it was."""

import hashlib
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assessment.store import Store
from assessment.waves.bundle import organisation_bundle, restore_organisation
from exports.importer import ImportRejected
from exports.json_backup import build_organisation_json
from exports.organisation_import import read_organisation_export
from tests.fuzz.test_fuzz_parsers import mutated, within_bound
from tests.samples import QUESTIONNAIRE
from tests.waves_samples import pooled_rooms


def seed() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        store = Store(f"sqlite:///{Path(folder) / 'seed.db'}")
        _, organisation_id = pooled_rooms(store)
        data = build_organisation_json(organisation_bundle(store, organisation_id))
        store.dispose()
    return data


ORGANISATION_EXPORT = seed()


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz") / "organisations.db"
    store = Store(f"sqlite:///{path}")
    yield store, path
    store.dispose()


@given(data=st.binary(max_size=2_000) | mutated(ORGANISATION_EXPORT))
def test_an_organisation_import_is_accepted_whole_or_refused_leaving_the_database_as_it_was(
    database, data
):
    store, path = database
    before = hashlib.sha256(path.read_bytes()).digest()
    try:
        bundle, chosen = within_bound(
            lambda: read_organisation_export(data, "fuzz.json", [QUESTIONNAIRE])
        )
    except ImportRejected as refused:
        assert str(refused).startswith("fuzz.json") and refused.message("fr").startswith("fuzz")
        assert hashlib.sha256(path.read_bytes()).digest() == before
        return
    restore_organisation(store, bundle, chosen)  # accepted: it must also be storable
