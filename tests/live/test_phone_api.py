"""The phone's HTTP API, as a phone's page calls it: join, read one's state, save, follow the
facilitator's moves by server-sent events; and every refusal a 4xx JSON answer in the
participant's language that saves nothing."""

import json
import threading

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from assessment.i18n import say
from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire
from assessment.store import Store
from assessment.workshop import Segment, WorkshopStore, format_code
from phone.api import DEVICE_HEADER, MAX_BODY, WRONG_CODES_PER_ADDRESS, PhoneApp, PhoneLinks
from phone.service import PhoneService

QUESTIONNAIRE = load_questionnaire(DEFAULT_QUESTIONNAIRE)
FIRST, SECOND = (d for d in QUESTIONNAIRE.ordered_dimensions()[:2])
Q1 = FIRST.ordered_questions()[0].id
Q_SECOND = SECOND.ordered_questions()[0].id


async def streamlit_stand_in(request):
    return PlainTextResponse("streamlit")


@pytest.fixture
def workshops(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'phones.db'}")
    yield WorkshopStore(store)
    store.dispose()


@pytest.fixture
def client(workshops):
    phones = PhoneApp(lambda: PhoneService(workshops))
    app = Starlette(
        routes=[*phones.routes(), Route("/", streamlit_stand_in)],
        middleware=[Middleware(PhoneLinks)],
    )
    with TestClient(app) as client:
        yield client


@pytest.fixture
def workshop(workshops):
    roles = [Segment(name="Fonction", options=["Direction", "Équipes"])]
    secret, record = workshops.create(QUESTIONNAIRE, "Séminaire <b>de</b> direction", "fr", roles)
    return secret, record


def join(client, record, role="Direction", lang=None):
    query = f"?lang={lang}" if lang else ""
    body = {"code": record.join_code.lower(), "segments": {"Fonction": role}}
    response = client.post(f"/phone/api/join{query}", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def test_printed_links_get_the_light_page_and_everything_else_stays_streamlit(client, workshop):
    _, record = workshop
    for link in (f"/?join={record.join_code}", "/?p=anything", "/?join="):
        page = client.get(link)
        assert page.status_code == 200
        assert 'src="/phone/static/phone.js' in page.text
        assert "script-src" not in page.headers["content-security-policy"]  # 'self' only
        assert "http" not in page.text.split("<body>")[0].replace("http-equiv", "")  # no CDN
    assert client.get("/").text == "streamlit"
    assert client.get("/?screen=abc").text == "streamlit"
    for suffix in ("js", "css"):
        assert client.get(f"/phone/static/phone.{suffix}").status_code == 200
    assert client.get("/phone/static/phone.py").status_code == 404


def test_the_join_page_names_the_workshop_and_states_the_anonymity(client, workshop):
    _, record = workshop
    info = client.get(f"/phone/api/workshop?code={format_code(record.join_code)}").json()
    assert info["title"] == "Séminaire <b>de</b> direction"  # as typed: the page sets it as text
    assert info["lang"] == "fr"
    assert info["anonymity"] == say("workshop.anonymity_statement", "fr", k=5, m=8)
    assert info["segments"] == [{"name": "Fonction", "options": ["Direction", "Équipes"]}]
    english = client.get(f"/phone/api/workshop?code={record.join_code}&lang=en").json()
    assert english["anonymity"] == say("workshop.anonymity_statement", "en", k=5, m=8)


def test_a_phone_joins_answers_and_a_second_save_replaces_the_first(client, workshop, workshops):
    _, record = workshop
    state = join(client, record)
    token = state["token"]
    assert state["answers"] == {} and state["room"] is None
    assert state["moves"]["status"] == "open"
    first = state["questionnaire"]["dimensions"][0]["questions"][0]
    assert first["id"] == Q1 and len(first["anchors"]) == len(QUESTIONNAIRE.scale.values)
    for level in (2, 4, None):
        saved = client.post("/phone/api/answer", json={"p": token, "question": Q1, "level": level})
        assert saved.status_code == 200 and saved.json()["saved"] is True
    assert workshops.answers_of(token) == {Q1: None}
    assert workshops.counts(record.id).answers == 1  # replaced, never counted twice
    assert client.get(f"/phone/api/state?p={token}").json()["answers"] == {Q1: None}


def look_up(client, code, device):
    return client.get(f"/phone/api/workshop?code={code}", headers={DEVICE_HEADER: device})


def test_phones_each_mistyping_once_never_wait_and_a_guesser_is_slowed(client, workshop):
    _, record = workshop
    for phone in range(12):  # twelve phones behind one venue address, one id each
        device = f"phone-{phone}"
        assert look_up(client, "ZZZ-ZZZ", device).status_code == 404
        assert look_up(client, record.join_code, device).json()["title"].startswith("Séminaire")
    assert look_up(client, "AAA-AAA", "guesser").status_code == 404
    assert look_up(client, "AAA-AAB", "guesser").status_code == 404
    slowed = look_up(client, record.join_code, "guesser")  # too soon: not even looked at
    assert slowed.status_code == 429 and "réessayez dans 1" in slowed.json()["message"]
    joining = client.post(
        "/phone/api/join?lang=en",
        json={"code": record.join_code, "segments": {"Fonction": "Direction"}},
        headers={DEVICE_HEADER: "guesser"},
    )
    assert joining.status_code == 429 and "try again in" in joining.json()["message"]
    assert look_up(client, "AAA-AAC", "another").status_code == 404  # another phone: not slowed


def test_one_address_dropping_its_id_meets_a_ceiling_of_wrong_codes(client, workshop):
    _, record = workshop
    for attempt in range(WRONG_CODES_PER_ADDRESS):
        assert look_up(client, "AAA-AAA", f"fresh-{attempt}").status_code == 404
    assert look_up(client, record.join_code, "yet-another").status_code == 429


def refused(response, status, key, lang="fr"):
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"] == key
    assert body["message"] == say(key, lang) or body["message"].startswith(say(key, lang)[:12])


def test_refusals_are_said_in_the_participants_language_and_save_nothing(
    client, workshop, workshops
):
    secret, record = workshop
    token = join(client, record)["token"]
    answer = "/phone/api/answer"

    def post(body, lang="en"):
        return client.post(f"{answer}?lang={lang}", json=body)

    refused(post({"p": token, "question": Q1, "level": 9}), 422, "phone.invalid_answer", "en")
    refused(post({"p": token, "question": Q1, "level": "3"}), 422, "phone.invalid_answer", "en")
    refused(post({"p": token, "question": "nope", "level": 3}), 422, "phone.invalid_answer", "en")
    refused(post({"p": token, "question": Q1}), 422, "phone.invalid_answer", "en")
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    refused(
        post({"p": forged, "question": Q1, "level": 3}), 404, "workshop.participant_unknown", "en"
    )
    refused(post({"p": 12, "question": Q1, "level": 3}), 404, "workshop.participant_unknown", "en")
    malformed = client.post(
        f"{answer}?lang=en", content=b"{not json", headers={"content-type": "application/json"}
    )
    refused(malformed, 400, "phone.bad_request", "en")
    refused(client.post(f"{answer}?lang=fr", json=[1, 2]), 400, "phone.bad_request")
    large = json.dumps({"p": token, "question": Q1, "level": 3, "pad": "x" * MAX_BODY})
    refused(client.post(f"{answer}?lang=en", content=large), 413, "phone.too_large", "en")

    workshops.set_pace(secret, "paced", FIRST.id)
    refused(
        post({"p": token, "question": Q_SECOND, "level": 3}, "fr"), 409, "workshop.save_not_open"
    )
    workshops.set_open(secret, False)
    refused(post({"p": token, "question": Q1, "level": 3}, "fr"), 409, "workshop.save_closed")
    # Without ?lang=, the workshop's own language.
    refused(
        client.post(answer, json={"p": token, "question": Q1, "level": 3}),
        409,
        "workshop.save_closed",
    )
    assert workshops.answers_of(token) == {}
    assert workshops.counts(record.id).answers == 0

    refused(
        client.get("/phone/api/state?p=forged&lang=en"), 404, "workshop.participant_unknown", "en"
    )
    unknown = client.get("/phone/api/workshop?code=ZZZZZZ&lang=en")
    assert unknown.status_code == 404 and "ZZZZZZ" in unknown.json()["message"]
    closed = client.post(
        "/phone/api/join?lang=en",
        json={"code": record.join_code, "segments": {"Fonction": "Direction"}},
    )
    refused(closed, 409, "workshop.closed_join", "en")
    assert workshops.counts(record.id).joined == 1


def test_joining_without_a_group_is_refused_with_the_groups_to_choose(client, workshop, workshops):
    _, record = workshop
    response = client.post(
        "/phone/api/join?lang=en", json={"code": record.join_code, "segments": {}}
    )
    assert response.status_code == 422
    assert response.json()["message"] == say("workshop.choose_segment", "en", names="Fonction")
    assert workshops.counts(record.id).joined == 0


def test_the_rooms_result_reaches_phones_only_once_revealed_and_above_the_threshold(
    client, workshop, workshops
):
    secret, record = workshop
    tokens = [join(client, record, role)["token"] for role in ["Direction", "Équipes"] * 3]
    for n, token in enumerate(tokens):
        for _, question in QUESTIONNAIRE.questions():
            workshops.save_answer(token, question.id, 1 + n % 5)
    assert client.get(f"/phone/api/room?p={tokens[0]}").json() == {"room": None}
    workshops.reveal(secret)
    room = client.get(f"/phone/api/room?p={tokens[0]}&lang=en").json()["room"]
    assert room["visible"] is True
    assert room["caption"] == say("workshop.room_caption", "en", n=6)
    assert len(room["parts"]) == len(QUESTIONNAIRE.ordered_dimensions())
    assert not any("**" in line or ":red[" in line for line in room["verdict"])
    # A phone that joins after the reveal sees what the others see.
    late = join(client, record, "Équipes")
    assert late["moves"]["revealed"] is True and late["room"]["visible"] is True


def test_a_room_below_the_threshold_stays_hidden_even_revealed(client, workshop, workshops):
    secret, record = workshop
    token = join(client, record)["token"]
    workshops.save_answer(token, Q1, 3)
    workshops.reveal(secret)
    room = client.get(f"/phone/api/state?p={token}").json()["room"]
    assert room == {"visible": False, "hidden": say("workshop.room_hidden", "fr", k=5)}


def read_events(client, token, wanted, during=None):
    """The events a phone receives until ``wanted`` have come (``during`` runs meanwhile)."""
    events = []
    with client.stream("GET", f"/phone/api/events?p={token}") as stream:
        kind = None
        for line in stream.iter_lines():
            if line.startswith("event: "):
                kind = line[7:]
            elif line.startswith("data: "):
                events.append((kind, json.loads(line[6:])))
                if len(events) == 1 and during:
                    threading.Thread(target=during).start()
                if sum(1 for k, _ in events if k == "moves") >= wanted:
                    break
    return events


def test_facilitator_moves_are_pushed_to_the_phones(client, workshop, workshops):
    secret, record = workshop
    token = join(client, record)["token"]

    def facilitator():
        workshops.set_pace(secret, "paced", FIRST.id)
        threading.Event().wait(0.8)
        workshops.advance(secret)
        threading.Event().wait(0.8)
        workshops.reveal(secret)
        threading.Event().wait(0.8)
        workshops.set_open(secret, False)

    events = read_events(client, token, 5, during=facilitator)
    kinds = [kind for kind, _ in events]
    assert set(kinds) == {"moves", "room"}
    # Revealed: the room's result is pushed by the same stream, in both languages.
    room = next(data for kind, data in events if kind == "room")
    assert set(room) == {"fr", "en"} and room["en"]["visible"] is False  # one person
    moves = [data for kind, data in events if kind == "moves"]
    assert moves[0]["pace"] == "free"
    assert any(m["pace"] == "paced" and m["current"] == SECOND.id for m in moves)
    assert moves[-1]["status"] == "closed" and moves[-1]["revealed"] is True


def test_events_for_an_unknown_token_are_refused(client):
    response = client.get("/phone/api/events?p=forged&lang=en")
    refused(response, 404, "workshop.participant_unknown", "en")
