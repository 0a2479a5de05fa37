"""The facilitator's screen places the room and each group big enough on the capability ×
people map, raises the room's warnings, and gives each segment's gap per dimension."""

import json

from tests.app.test_workshop_pages import ALL_IDS, QUESTIONNAIRE, ROLE, facilitator_app
from tests.samples import ORGANISATIONS


def test_the_room_and_its_groups_are_placed_and_warned(workshops):
    token, record = workshops.create(QUESTIONNAIRE, "Atelier", "fr", [ROLE])
    for number in range(11):
        leader = number < 5
        participant, _ = workshops.join(
            record.join_code, {ROLE.name: "Direction" if leader else "Équipes"}
        )
        answers = ORGANISATIONS["tools_heavy" if number < 8 else "balanced"]
        for question_id in ALL_IDS:
            workshops.save_answer(participant, question_id, answers[question_id])
    at = facilitator_app(token)
    assert not at.exception, at.exception
    errors = " ".join(e.value for e in at.error).replace("\u00a0", " ")
    assert "Les outils avant les personnes : " in errors
    people_map = next(
        json.loads(c.proto.spec) for c in at.get("plotly_chart") if "room_people_map" in c.key
    )
    names = [trace["name"].replace("\u00a0", " ") for trace in people_map["data"]]
    assert names == ["La salle", "Fonction : Direction", "Fonction : Équipes"]
    captions = " ".join(c.value for c in at.caption).replace("\u00a0", " ")
    assert "Fonction, écart entre ses groupes par dimension : " in captions
