"""An organisation's exports: the JSON holds every wave, target and assessment with its edits
and re-imports whole (and refuses what is broken); the workbook's progress sheet carries the
waves, the changes judged, the targets and a native chart."""

import io
import json

import pytest
from openpyxl import load_workbook

from assessment.bundle import bundle_of
from assessment.services import assessment_progress, organisation_comparison
from assessment.store import DocumentKind, Organisations, Store, member_records
from assessment.waves.bundle import organisation_bundle, restore_organisation
from exports.importer import ImportRejected
from exports.json_backup import build_organisation_json
from exports.organisation_import import read_organisation_export
from exports.workbook import full_workbook
from exports.workbook.progress import progress_workbook
from tests.samples import QUESTIONNAIRE
from tests.waves_samples import baseline_and_follow_up, pooled_rooms

INSTALLED = [QUESTIONNAIRE]


@pytest.fixture
def store(tmp_path):
    opened = Store(f"sqlite:///{tmp_path / 'waves.db'}")
    yield opened
    opened.dispose()


def everything_of(store, organisation_id):
    """What a person would check after a round trip: waves, targets, rooms, and each
    assessment's answers, comments, documents."""
    organisations = Organisations(store)
    waves = []
    for wave in organisations.waves(organisation_id):
        members = []
        for record in member_records(store, wave):
            exported = bundle_of(store, record)
            members.append(
                (
                    next(m.room for m in wave.members if m.assessment_id == record.id),
                    exported.answers,
                    exported.comments,
                    exported.roadmap,
                    exported.workshop,
                    exported.profile,
                )
            )
        waves.append((wave.label, wave.held_on, wave.targets, members))
    return organisations.get(organisation_id).name, waves


@pytest.mark.parametrize("make", [baseline_and_follow_up, pooled_rooms])
def test_an_organisation_exported_then_imported_is_the_same_organisation(store, make):
    _, organisation_id = make(store)
    data = build_organisation_json(organisation_bundle(store, organisation_id))
    bundle, chosen = read_organisation_export(data, "acme.json", INSTALLED)
    token = restore_organisation(store, bundle, chosen)
    restored = Organisations(store).find(token)
    assert restored.id != organisation_id
    assert everything_of(store, restored.id) == everything_of(store, organisation_id)
    before = organisation_comparison(store, organisation_id, INSTALLED)
    after = organisation_comparison(store, restored.id, INSTALLED)
    assert after.model_dump() == before.model_dump()


def test_a_broken_organisation_file_is_refused_and_nothing_is_stored(store):
    _, organisation_id = baseline_and_follow_up(store)
    raw = json.loads(build_organisation_json(organisation_bundle(store, organisation_id)))
    raw["waves"][1]["assessments"][0]["assessment"]["answers"]["culture_executive_sponsorship"] = 9
    count = len(Organisations(store).all())
    with pytest.raises(ImportRejected) as refused:
        read_organisation_export(json.dumps(raw).encode(), "acme.json", INSTALLED)
    assert "culture_executive_sponsorship" in refused.value.message("en")
    raw["kind"] = "assessment"
    with pytest.raises(ImportRejected) as refused:
        read_organisation_export(json.dumps(raw).encode(), "acme.json", INSTALLED)
    assert refused.value.message.key == "waves.not_an_organisation"
    assert len(Organisations(store).all()) == count


def test_the_progress_sheet_carries_waves_changes_targets_and_a_native_chart(store):
    _, organisation_id = baseline_and_follow_up(store)
    comparison = organisation_comparison(store, organisation_id, INSTALLED)
    book = load_workbook(io.BytesIO(progress_workbook(comparison, "fr", "Acme")))
    sheet = book["Progression"]
    cells = [list(row) for row in sheet.iter_rows(values_only=True)]
    flat = [str(c) for row in cells for c in row if c is not None]
    assert "Baseline" in flat and "Follow-up" in flat
    culture = next(row for row in cells if row[0] == "Culture")
    assert culture[1:4] == [25, 50, 25]  # baseline, follow-up, change
    assert culture[4].startswith("progrès") and culture[5] == 60 and culture[6] == "non atteint"
    assert len(sheet._charts) == 1 and len(sheet._charts[0].series) == 2
    assert any("Ce qui a changé" in text for text in flat)


def test_an_assessment_in_an_organisation_gets_the_progress_sheet_in_its_workbook(store):
    _, organisation_id = baseline_and_follow_up(store)
    waves = Organisations(store).waves(organisation_id)
    follow_up, baseline = (member_records(store, w)[0] for w in reversed(waves))
    progress = assessment_progress(store, follow_up, INSTALLED)
    assert progress is not None and len(progress.waves) == 2
    data = full_workbook(
        QUESTIONNAIRE, bundle_of(store, follow_up), follow_up.created_at.date(), [], progress
    )
    assert "Progress" in load_workbook(io.BytesIO(data)).sheetnames
    assert assessment_progress(store, baseline, INSTALLED) is None  # the first wave
    assert store.document(follow_up.id, DocumentKind.workshop) is None
