"""A pilot measured over three months in a real browser against a real server: the values typed
into the Pilot page, the diffusion phase opening on the evidence, the committee's decision, the
page in English, and the one-page results printed to exactly one A4 page."""

import re
from datetime import UTC, datetime

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from assessment import services
from assessment.roadmap import Entry
from assessment.store import Store
from tests.e2e.conftest import ARTIFACTS, READY, wait_for_app
from tests.unit.roadmap.pilot_samples import MONTH_ENDS, THREE_MONTHS, roadmap, stored_assessment

NAMES = {
    "productivity": "Productivité : temps passé à chercher",
    "knowledge_management": "Gestion des connaissances",
    "employee_satisfaction": "Satisfaction des collaborateurs",
}


@pytest.fixture
def pilot_token(app_server) -> str:
    """An answered assessment whose consultant gave the productivity KPI a baseline (6 h) and a
    target (4.8 h); two months of two KPIs measured already, employee satisfaction not yet:
    the browser enters the rest."""
    store = Store(f"sqlite:///{app_server.database}")
    token, record_id = stored_assessment(store, "Acme Pilote")
    now = datetime(2026, 12, 1, 9, tzinfo=UTC)
    plan = roadmap()
    for kpi_id in ("productivity", "knowledge_management"):
        for day, value in zip(MONTH_ENDS[:2], THREE_MONTHS[kpi_id][:2], strict=True):
            services.add_actual(store, record_id, plan, Entry(kpi_id, day, value, "Claire"), now)
    store.dispose()
    return token


def choose(page: Page, box, name: str, attempts: int = 3) -> None:
    """Open a select box and pick an option. A click landing while the page redraws after
    the previous save can leave the list closed: close it and open it again, as a person
    would."""
    option = page.get_by_role("option", name=name, exact=True)
    for attempt in range(1, attempts + 1):
        box.click()
        try:
            option.click(timeout=10_000)
            return
        except PlaywrightTimeoutError:
            if attempt == attempts:
                raise
            page.keyboard.press("Escape")
            wait_for_app(page)


def enter(page: Page, kpi_id: str, day: str, value: str) -> None:
    wait_for_app(page)
    form = page.locator('[class*="st-key-pilot_value-fr"], [data-testid="stForm"]').first
    choose(page, form.get_by_label("Indicateur"), NAMES[kpi_id])
    # The date is typed segment by segment (day, month, year), as a person does.
    form.get_by_role("spinbutton", name="day, Mesuré le").click()
    page.keyboard.type(day.replace("/", ""))
    page.keyboard.press("Tab")
    # The empty field: a redraw after the previous save may still show the old one, fading.
    form.locator('input[aria-label="Valeur"][value=""]').fill(value)
    form.get_by_label("Saisi par").fill("Claire Martin")
    form.get_by_role("button", name="Enregistrer la valeur").click()
    expect(page.get_by_text("Valeur enregistrée")).to_be_visible(timeout=READY)
    wait_for_app(page)


def whole_page(page: Page, name: str) -> None:
    """Streamlit scrolls inside its own frame: a tall window shows the whole page at once."""
    page.set_viewport_size({"width": 1280, "height": 4200})
    page.wait_for_timeout(1500)  # the charts draw once they are in view
    page.screenshot(path=ARTIFACTS / f"{name}.png")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.wait_for_timeout(500)


def test_a_pilot_measured_for_three_months_opens_the_diffusion_phase(
    page: Page, app_url, pilot_token, screenshot, tmp_path
):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{app_url}/pilot?a={pilot_token}")
    expect(page.get_by_role("heading", name="Pilote : Acme Pilote")).to_be_visible(timeout=READY)
    wait_for_app(page)
    expect(page.get_by_text("Phase de diffusion : en attente de preuves")).to_be_visible()
    expect(page.get_by_text("Pas encore mesuré : Satisfaction des collaborateurs.")).to_be_visible()
    screenshot(page, "0-waiting")

    satisfaction = THREE_MONTHS["employee_satisfaction"]
    entries = [("employee_satisfaction", day, satisfaction[i]) for i, day in enumerate(MONTH_ENDS)]
    entries += [(k, MONTH_ENDS[2], THREE_MONTHS[k][2]) for k in NAMES if k != entries[0][0]]
    for kpi_id, day, value in entries:
        enter(page, kpi_id, day.strftime("%d/%m/%Y"), str(value).replace(".", ","))
    expect(page.get_by_text("Phase de diffusion : prête").first).to_be_visible(timeout=READY)
    expect(page.get_by_text("cible atteinte").first).to_be_visible()
    expect(page.locator(".stPlotlyChart, [data-testid='stPlotlyChart']")).to_have_count(3)
    whole_page(page, "pilot-fr-full")

    # The value typed wrongly is refused with its place, and nothing moves.
    form = page.locator('[data-testid="stForm"]').first
    form.get_by_label("Valeur", exact=True).fill("200")
    form.get_by_role("button", name="Enregistrer la valeur").click()
    expect(page.get_by_text("200 est hors de la plage de l’unité")).to_be_visible(timeout=READY)
    screenshot(page, "1-refused")

    # The committee records its go, with its reason; it shows beside the evidence.
    decision = page.locator('[data-testid="stForm"]').nth(1)
    decision.get_by_text("Feu vert pour la diffusion").click()
    decision.get_by_label("Motif").fill("Les trois indicateurs progressent ; diffusion aux ventes.")
    decision.get_by_label("Enregistré par").fill("Comité de pilotage")
    decision.get_by_role("button", name="Enregistrer la décision").click()
    expect(page.get_by_text("Le comité de pilotage a donné son feu vert").first).to_be_visible(
        timeout=READY
    )

    # The one-page results, printed by the browser: one A4 page.
    wait_for_app(page)
    publish = page.get_by_role("button", name="Télécharger les résultats sur une page")
    publish.scroll_into_view_if_needed()
    for attempt in range(3):  # a click landing while the page redraws is lost: click again
        try:
            with page.expect_download(timeout=READY) as download:
                publish.click()
            break
        except PlaywrightTimeoutError:
            if attempt == 2:
                raise
            wait_for_app(page)
    summary = tmp_path / "results.html"
    download.value.save_as(summary)
    results = page.context.new_page()
    results.goto(summary.as_uri())
    expect(results.get_by_role("heading", name="Résultats du pilote : Acme Pilote")).to_be_visible()
    results.screenshot(path=ARTIFACTS / "pilot-results-fr.png", full_page=True)
    pdf = results.pdf(format="A4", prefer_css_page_size=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1  # exactly one page
    results.close()

    # The same page in English, and the roadmap's diffusion phase marked.
    page.goto(f"{app_url}/pilot?a={pilot_token}&lang=en")
    expect(page.get_by_text("Diffusion phase: ready").first).to_be_visible(timeout=READY)
    wait_for_app(page)
    expect(page.get_by_text("target reached").first).to_be_visible()
    whole_page(page, "pilot-en-full")
    page.goto(f"{app_url}/roadmap?a={pilot_token}")
    expect(page.get_by_text("Phase de diffusion : prête").first).to_be_visible(timeout=READY)
