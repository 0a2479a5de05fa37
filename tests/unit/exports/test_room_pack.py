"""The pack of a workshop still open: the room's consolidated result and its figures, with
nothing stored and nothing shown below the anonymity threshold."""

import re
from datetime import UTC, datetime

import pytest

from assessment.services import room_bundle
from assessment.store import Store
from assessment.workshop import Segment, WorkshopError, WorkshopStore
from exports.pack import build_report
from tests.rendering import pdf_text
from tests.samples import QUESTIONNAIRE, QUESTIONS

NOW = datetime(2026, 12, 1, 15, tzinfo=UTC)
ROLE = Segment(name="Role", options=["Leadership", "Staff"])


@pytest.fixture
def workshops(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'room.db'}")
    yield WorkshopStore(store)
    store.dispose()


def join(workshops, code: str, people: int, role: str, level) -> None:
    for person in range(people):
        token, _ = workshops.join(code, {"Role": role})
        for question in QUESTIONS:
            workshops.save_answer(token, question.id, level(person, question))


def test_an_open_rooms_pack_shows_participation_disagreements_and_group_gaps(workshops, tmp_path):
    facilitator, record = workshops.create(
        QUESTIONNAIRE, "Kick-off", "en", [ROLE], threshold=5, dispersion_threshold=5
    )
    join(workshops, record.join_code, 6, "Leadership", lambda p, q: 5 if p % 2 else 1)
    join(workshops, record.join_code, 5, "Staff", lambda p, q: 2)
    bundle = room_bundle(workshops, facilitator, QUESTIONNAIRE, NOW)
    assert workshops.by_facilitator(facilitator).status == "open"
    assert bundle.workshop.participants == 11
    path = tmp_path / "room.pdf"
    path.write_bytes(build_report(QUESTIONNAIRE, bundle, NOW.date()))
    text = re.sub(r"\s+", " ", pdf_text(path))
    assert "Workshop: Kick-off" in text and "Participants 11" in text
    assert "Where the room disagrees most" in text
    disagreement = QUESTIONNAIRE.question(bundle.workshop.disagreements[0]).text("en")
    assert disagreement[:30] in text
    assert "Widest gaps between groups" in text and "Leadership" in text and "Staff" in text


def test_below_the_threshold_the_room_gives_no_pack(workshops):
    facilitator, record = workshops.create(QUESTIONNAIRE, "Small", "en", [ROLE], threshold=5)
    join(workshops, record.join_code, 4, "Staff", lambda p, q: 3)
    with pytest.raises(WorkshopError):
        room_bundle(workshops, facilitator, QUESTIONNAIRE, NOW)
