"""An organisation's waves in a real browser against a real server: a baseline and a follow-up
filed from the organisation page and compared (what changed, the map's arrows, the targets),
the page in English, and three workshop rooms pooled side by side."""

import re

import pytest
from playwright.sync_api import Page, expect

from assessment.store import Organisations, Store
from tests.e2e.conftest import ARTIFACTS, READY, open_expander, wait_for_app
from tests.waves_samples import answered, baseline_and_follow_up, levels, pooled_rooms


@pytest.fixture
def store(app_server):
    opened = Store(f"sqlite:///{app_server.database}")
    yield opened
    opened.dispose()


def whole_page(page: Page, name: str) -> None:
    """Streamlit scrolls inside its own frame: a tall window shows the whole page at once."""
    page.set_viewport_size({"width": 1280, "height": 3600})
    page.wait_for_timeout(1500)  # the charts draw once they are in view
    page.screenshot(path=ARTIFACTS / f"{name}.png")
    page.set_viewport_size({"width": 1280, "height": 900})


def test_a_follow_up_filed_and_compared_with_its_baseline(page: Page, app_url, store):
    ARTIFACTS.mkdir(exist_ok=True)
    token, organisation_id = baseline_and_follow_up(store)
    # a third assessment, filed into a new wave from the organisation page
    pilot_link, _ = answered(store, levels(tools=4, people=4, customer=4))
    page.goto(f"{app_url}/organisation?o={token}")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Acme")).to_be_visible(timeout=READY)
    open_expander(page, "Ajouter une vague", page.get_by_role("textbox", name="Libellé"))
    page.get_by_role("textbox", name="Libellé").fill("Équipe pilote")
    page.get_by_role("textbox", name="Libellé").press("Enter")  # Tab would open the calendar
    wait_for_app(page)
    page.get_by_role("button", name="Ajouter la vague").click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name=re.compile("Équipe pilote ·"))).to_be_visible(
        timeout=READY
    )
    wait_for_app(page)
    expect(page.get_by_role("textbox", name="Libellé")).to_have_value("")  # ready for the next
    link_box = page.get_by_role("textbox", name="Le lien privé de l’évaluation")
    open_expander(page, "Placer une évaluation existante dans une vague", link_box)
    link_box.fill(f"{app_url}/?a={pilot_link}")
    link_box.press("Tab")
    wait_for_app(page)
    page.get_by_role("button", name="La placer dans la vague").click()
    wait_for_app(page)
    expect(page.get_by_text(re.compile("Acme · Évaluation")).nth(2)).to_be_visible(timeout=READY)
    expect(link_box).to_have_value("")
    waves = Organisations(store).waves(organisation_id)
    assert [len(w.members) for w in waves] == [1, 1, 1]
    whole_page(page, "waves-organisation-fr")

    page.get_by_role("link", name=re.compile("Comparer les 3 vagues")).click()
    wait_for_app(page)
    expect(page.get_by_text("Ce qui a changé")).to_be_visible(timeout=READY)
    expect(page.get_by_text(re.compile("le score global est passé de"))).to_be_visible()
    # the trajectory: one arrow per step on the map, drawn by plotly
    expect(page.locator(".js-plotly-plot")).to_have_count(2, timeout=READY)
    assert page.locator(".annotation-arrow-g path, g.annotation path").count() >= 2
    whole_page(page, "waves-compare-fr")


def test_a_pasted_organisation_link_opens_it_after_tab(page: Page, app_url, store):
    """The link is typed as a password. Streamlit's password field, left by Tab onto its eye
    button, never sends what was typed on its own: the form sends it with the button."""
    token, _ = baseline_and_follow_up(store)
    page.goto(f"{app_url}/organisation")
    wait_for_app(page)
    field = page.get_by_label("Son lien privé (ou le code qui le termine)")
    field.fill(f"{app_url}/organisation?o={token}")
    field.press("Tab")
    page.get_by_role("button", name="Ouvrir", exact=True).click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Acme")).to_be_visible(timeout=READY)


def test_the_comparison_in_english(page: Page, app_url, store):
    token, _ = baseline_and_follow_up(store)
    page.goto(f"{app_url}/waves?o={token}&lang=en")
    wait_for_app(page)
    expect(page.get_by_text("What changed")).to_be_visible(timeout=READY)
    expect(page.get_by_text(re.compile("The maturity level moved from"))).to_be_visible()
    whole_page(page, "waves-compare-en")


def test_three_rooms_pooled_side_by_side(page: Page, app_url, store):
    token, _ = pooled_rooms(store)
    page.goto(f"{app_url}/waves?o={token}")
    wait_for_app(page)
    expect(page.get_by_text("Three sites : les salles côte à côte")).to_be_visible(timeout=READY)
    expect(page.get_by_text("Les groupes, toutes salles confondues")).to_be_visible()
    whole_page(page, "waves-pooled-fr")
