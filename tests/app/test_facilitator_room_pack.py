"""The facilitator downloads the committee's pack while the room is still open, once the
anonymity threshold lets the room's result show."""

from tests.app.conftest import QUESTIONNAIRE
from tests.app.test_workshop_pages import ROLE, facilitator_app, fill_room
from ui.workshop_session import live_room


def labels(at) -> list[str]:
    return [button.label for button in at.get("download_button")]


def test_the_pack_is_offered_once_the_room_passes_the_threshold_while_it_is_open(workshops):
    token, record = workshops.create(QUESTIONNAIRE, "Atelier", "fr", [ROLE])
    fill_room(workshops, record.join_code, 3, roles=["Direction"] * 3)
    at = facilitator_app(token)
    assert not at.exception, at.exception
    assert "Rapport au comité de pilotage (PDF)" not in labels(at)
    assert any("dès que 5 participants" in c.value for c in at.caption)

    fill_room(workshops, record.join_code, 3, roles=["Équipes"] * 3)
    live_room.clear()
    at = facilitator_app(token)
    assert not at.exception, at.exception
    assert workshops.by_facilitator(token).status == "open"
    assert {"Rapport au comité de pilotage (PDF)", "Présentation (PowerPoint)"} <= set(labels(at))
