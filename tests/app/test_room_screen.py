"""The room screen and the anonymity the facilitator states to the room, through AppTest: the
view-only link, the two switches, the thresholds locked at the first answer, nothing a
subtraction could give away, a lost facilitator link renewed with the consultant key."""

import io
from datetime import date

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from assessment.bundle import bundle_of
from assessment.profile import Profile
from assessment.workshop import ThresholdLocked, UnknownWorkshop, format_code
from exports.workbook import full_workbook
from phone.service import PhoneService
from tests.app.conftest import APP, QUESTIONNAIRE
from tests.app.test_workshop_pages import (
    ROLE,
    charts,
    facilitator_app,
    fill_room,
    texts,
)
from ui.workshop_session import live_room

PROFILE = Profile(organisation="Acme", sector="J", size_class="50-249", country="FR", role="hr")


def screen_app(screen_token: str, **params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["screen"] = screen_token
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def everything_shown(at: AppTest) -> str:
    """Every text the page shows, widgets' labels included, in one string."""
    parts = []
    for kind in ("title", "subheader", "markdown", "caption", "info", "error", "code", "warning"):
        parts += [str(element.value) for element in getattr(at, kind)]
    parts += [str(element.proto.body) for element in at.get("html")]
    return "\n".join(parts)


def test_the_room_screen_shows_the_code_and_counts_and_nothing_to_control(workshops):
    token, record = workshops.create(QUESTIONNAIRE, "Séminaire", "fr", [ROLE])
    fill_room(workshops, record.join_code, 3, roles=["Direction"] * 3)
    screen = workshops.screen_token(token)
    at = screen_app(screen)
    assert not at.exception, at.exception
    shown = everything_shown(at)
    assert format_code(record.join_code) in shown
    assert f"?join={record.join_code}" in shown  # the phones' address, written out
    assert "<b>3</b> connectés" in shown
    assert token not in shown and "facilitate" not in shown  # no secret anywhere
    # Nothing to press, type or download; no navigation to the rest of the app.
    for kind in ("button", "toggle", "checkbox", "text_input", "number_input", "radio"):
        assert not getattr(at, kind), kind
    assert not at.get("download_button") and not at.get("page_link")
    assert "Moins de 5 personnes" not in shown
    assert "dès que 5 personnes auront répondu (3 pour l’instant)" in shown


def test_a_wrong_screen_link_opens_nothing_and_says_so(workshops):
    token, record = workshops.create(QUESTIONNAIRE, "Séminaire", "en")
    for wrong in (token, record.join_code, "A" * 43):
        at = screen_app(wrong, lang="en")
        assert not at.exception, at.exception
        assert "does not open any workshop" in texts(at, "error")[0]
        assert "Séminaire" not in everything_shown(at)


def test_the_distribution_stays_hidden_until_live_results_or_the_reveal(workshops):
    token, record = workshops.create(QUESTIONNAIRE, "Offsite", "en", dispersion_threshold=5)
    fill_room(workshops, record.join_code, 6, levels=[1, 2, 3, 4, 5, 5])
    screen = workshops.screen_token(token)

    at = screen_app(screen)
    assert not charts(at)  # answers coming in: counts only, no distribution
    assert any("stays hidden until the facilitator reveals it" in t for t in texts(at, "info"))
    assert "<b>6</b> finished" in everything_shown(at)

    workshops.show_live_results(token, True)
    live_room.clear()
    at = screen_app(screen)
    bars = [trace for figure in charts(at) for trace in figure["data"] if trace["type"] == "bar"]
    assert bars, "live results: the distribution of a part is drawn"
    phones = PhoneService(workshops)
    phone = phones.state(fill_room(workshops, record.join_code, 1)[0], "en")
    assert phone["room"] is None, "live results are for the room screen, not the phones"

    workshops.show_live_results(token, False)
    workshops.reveal(token, True)
    live_room.clear()
    at = screen_app(screen)
    types = {trace["type"] for figure in charts(at) for trace in figure["data"]}
    assert "scatterpolar" in types  # the revealed result: the room's radar
    phone = phones.state(fill_room(workshops, record.join_code, 1)[0], "en")
    assert phone["room"]["visible"], "revealed: the phones see the room's result too"


def test_the_facilitator_has_two_switches_and_the_counts_stay_visible(workshops):
    token, record = workshops.create(QUESTIONNAIRE, "Atelier", "fr")
    at = facilitator_app(token)
    at.toggle(key="live.False").set_value(True).run()
    assert workshops.by_facilitator(token).live_results
    assert not workshops.by_facilitator(token).revealed
    at.toggle(key="reveal.False").set_value(True).run()
    record = workshops.by_facilitator(token)
    assert record.revealed and record.live_results
    assert not at.exception, at.exception


def test_the_thresholds_lock_at_the_first_answer(workshops):
    token, record = workshops.create(QUESTIONNAIRE, "Atelier", "en", threshold=5)
    assert record.dispersion_threshold == 8  # a spread needs more people than a mean
    workshops.set_thresholds(token, 6, 9)
    at = facilitator_app(token, "en")
    assert at.number_input(key="threshold_means.6").value == 6
    assert not at.number_input(key="threshold_means.6").disabled

    fill_room(workshops, record.join_code, 1)
    with pytest.raises(ThresholdLocked):
        workshops.set_thresholds(token, 2, 2)
    at = facilitator_app(token, "en")
    assert at.number_input(key="threshold_means.6").disabled
    assert at.number_input(key="threshold_spread.9").disabled
    assert any("the thresholds are locked" in text for text in texts(at, "caption"))
    assert (workshops.by_facilitator(token).threshold, record.id) == (6, record.id)


def test_a_three_and_two_split_gives_nothing_away_on_screen_or_in_the_workbook(workshops):
    token, record = workshops.create(
        QUESTIONNAIRE, "Board", "en", [ROLE], threshold=3, dispersion_threshold=3
    )
    fill_room(workshops, record.join_code, 3, levels=[5, 5, 5], roles=["Direction"] * 3)
    fill_room(workshops, record.join_code, 2, levels=[1, 1], roles=["Équipes"] * 2)
    at = facilitator_app(token, "en")
    heatmaps = [t for f in charts(at) for t in f["data"] if t["type"] == "heatmap"]
    withheld, scores = heatmaps
    assert all(value is None for row in scores["z"] for value in row)
    assert withheld["y"] == ["Direction (size withheld)", "Équipes (< 3)"]

    assessment_token = workshops.to_assessment(token, QUESTIONNAIRE, PROFILE, "en")
    store = workshops.store
    bundle = bundle_of(store, store.find(assessment_token))
    data = full_workbook(QUESTIONNAIRE, bundle, date(2026, 12, 1))
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book["Workshop"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    groups = [row for row in rows if row[0] in ("Direction", "Équipes")]
    assert [row[1] for row in groups] == ["withheld", "withheld"]
    assert all(value is None for row in groups for value in row[2:]), "no group score"


def test_erasing_the_answers_keeps_the_workshop_and_its_links(workshops):
    token, record = workshops.create(QUESTIONNAIRE, "Atelier", "fr")
    phones = fill_room(workshops, record.join_code, 2)
    at = facilitator_app(token)
    at.checkbox(key="workshop_erase_confirm").check().run()
    at.button(key="workshop_erase").click().run()
    assert not at.exception, at.exception
    assert workshops.counts(record.id).joined == 0 and workshops.counts(record.id).answers == 0
    assert workshops.by_facilitator(token).join_code == record.join_code
    with pytest.raises(UnknownWorkshop):
        workshops.participant(phones[0])
    workshops.set_thresholds(token, 3, 3)  # nobody has answered any more: unlocked again


def test_a_lost_facilitator_link_is_renewed_with_the_consultant_key(workshops, monkeypatch):
    token, record = workshops.create(QUESTIONNAIRE, "Atelier", "fr")
    old_screen = workshops.screen_token(token)
    at = facilitator_app(None, "en")
    assert any("not set on this server" in text for text in texts(at, "caption"))

    monkeypatch.setenv("CONSULTANT_KEY", "clé-secrète €")
    at = facilitator_app(None, "en")
    labels = ("Code shown on the screen", "Consultant key")
    code_input, key_input = [w for w in at.text_input if w.label in labels][-2:]
    code_input.input(format_code(record.join_code).lower())
    key_input.input("wrong")
    next(b for b in at.button if b.label == "Renew the link").click().run()
    assert "This is not the consultant key." in texts(at, "error")
    assert workshops.by_facilitator(token).id == record.id  # the old link still works

    key_input = next(w for w in at.text_input if w.label == "Consultant key")
    key_input.input("clé-secrète €")
    next(b for b in at.button if b.label == "Renew the link").click().run()
    assert not at.exception, at.exception
    new_token = at.session_state["workshop_facilitator_token"]
    assert new_token != token
    assert workshops.by_facilitator(new_token).id == record.id
    with pytest.raises(UnknownWorkshop):
        workshops.by_facilitator(token)  # the old link is void…
    with pytest.raises(UnknownWorkshop):
        workshops.by_screen(old_screen)  # …and so is the old room screen link
    assert workshops.by_screen(workshops.screen_token(new_token)).id == record.id


def test_the_live_dashboard_withholds_spreads_below_the_dispersion_threshold(workshops):
    token, record = workshops.create(QUESTIONNAIRE, "Offsite", "en")  # means 5, spreads 8
    fill_room(workshops, record.join_code, 6, levels=[1, 2, 3, 4, 5, 5])
    at = facilitator_app(token, "en")
    assert not at.exception, at.exception
    table = at.dataframe[0].value
    assert table["Mean"].notna().all(), "6 people: each question's mean shows"
    assert table["SD"].isna().all(), "fewer than 8: no spread"
