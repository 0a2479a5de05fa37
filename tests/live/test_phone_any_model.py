"""A live workshop on a consultant's own model, as phones see it: each question with its own
four options, an answer beyond them refused, and the room's result without a symmetry verdict."""

import pytest

from assessment.questionnaire import load_questionnaire
from phone import service
from tests.live.test_phone_api import client, workshops  # noqa: F401 (fixtures)
from tests.paths import FIXTURES

OWN = FIXTURES / "any_model"
MODEL = load_questionnaire(OWN / "data_practice.yaml")
FIRST = MODEL.ordered_dimensions()[0].ordered_questions()[0].id


@pytest.fixture(autouse=True)
def own_models(monkeypatch):
    monkeypatch.setenv("OWN_QUESTIONNAIRES", str(OWN))
    service.questionnaires.cache_clear()
    service.questionnaire_json.cache_clear()
    yield
    service.questionnaires.cache_clear()
    service.questionnaire_json.cache_clear()


def join(client, code: str) -> dict:  # noqa: F811
    response = client.post("/phone/api/join?lang=en", json={"code": code, "segments": {}})
    assert response.status_code == 200, response.text
    return response.json()


def test_phones_answer_a_model_with_its_own_options_and_see_no_symmetry(client, workshops):  # noqa: F811
    secret, record = workshops.create(MODEL, "Security review", "en")
    state = join(client, record.join_code)
    first = state["questionnaire"]["dimensions"][0]["questions"][0]
    assert [level["label"] for level in first["levels"]] == [
        "1 · No",
        "2 · In places",
        "3 · Mostly",
        "4 · Yes, everywhere",
    ]
    assert first["anchors"][0] == "Not in place."
    assert state["questionnaire"]["dont_know"] == "Don't know"
    token = state["token"]
    saved = client.post("/phone/api/answer", json={"p": token, "question": FIRST, "level": 3})
    assert saved.status_code == 200 and saved.json()["saved"] is True
    beyond = client.post("/phone/api/answer", json={"p": token, "question": FIRST, "level": 5})
    assert beyond.status_code >= 400 and workshops.answers_of(token) == {FIRST: 3}
    others = [join(client, record.join_code)["token"] for _ in range(4)]
    for participant in [token, *others]:
        for _, question in MODEL.questions():
            workshops.save_answer(participant, question.id, 3)
    workshops.reveal(secret)
    room = client.get(f"/phone/api/room?p={token}&lang=en").json()["room"]
    assert room["visible"] is True and room["verdict"] == []
    assert [part["value"] for part in room["parts"]] == [50] * 5


THREE = load_questionnaire(OWN / "trilingual.yaml")


def test_a_three_language_workshop_is_answered_in_german_with_the_interface_in_english(
    client,  # noqa: F811
    workshops,  # noqa: F811
):
    _, record = workshops.create(THREE, "Teamklima", "de")
    info = client.get(f"/phone/api/workshop?code={record.join_code}").json()
    assert info["lang"] == "de"  # the workshop's language, offered with the phone's switch
    assert list(info["languages"]) == ["fr", "en", "de"] and info["languages"]["de"] == "Deutsch"
    assert "English" in info["ui_note"] and "German" in info["ui_note"]
    state = client.post(
        "/phone/api/join?lang=de", json={"code": record.join_code, "segments": {}}
    ).json()
    question = THREE.ordered_dimensions()[0].ordered_questions()[0]
    first = state["questionnaire"]["dimensions"][0]["questions"][0]
    assert first["text"] == question.text("de")
    english = client.get(f"/phone/api/state?p={state['token']}&lang=en").json()
    assert english["questionnaire"]["dimensions"][0]["questions"][0]["text"] == question.text("en")
    assert english["ui_note"] == ""  # English has its catalogue
    asked = client.get(f"/phone/api/state?p={state['token']}&lang=es").json()
    assert asked["lang"] == "de"  # a language the workshop does not offer: the workshop's
