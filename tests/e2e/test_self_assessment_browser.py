"""An executive's whole self-assessment in a real browser against a real server."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire
from assessment.store import Store
from tests.e2e.conftest import READY, open_expander, wait_for_app
from tests.servers import StreamlitServer

QUESTIONNAIRE = load_questionnaire(DEFAULT_QUESTIONNAIRE)
DIMENSIONS = QUESTIONNAIRE.ordered_dimensions()
LEVEL_NAMES = {level.value: level.label.fr for level in QUESTIONNAIRE.scale.levels}


def level_for(question_id: str) -> int:
    """A varied but reproducible answer for each question."""
    return sum(map(ord, question_id)) % 5 + 1


def question_box(page: Page, question_id: str):
    return page.locator(f'[class*="st-key-answer-{question_id}-"]')


def choose(page: Page, question_id: str, level: int) -> None:
    """Click a level and wait until the page shows the question as answered (saved)."""
    box = question_box(page, question_id)
    box.get_by_text(f"{level} · {LEVEL_NAMES[level]}", exact=True).click()
    saved = page.locator(f".st-key-question-{question_id}").get_by_text("check_circle")
    expect(saved).to_be_visible(timeout=READY)


def fill_profile(page: Page) -> None:
    """The profile's four choices, typed and picked as a person does."""
    for label, option in [
        ("Secteur d’activité (NACE)", "Information et communication"),
        ("Effectif", "50 à 249 salariés"),
        ("Pays", "France"),
        ("Votre fonction", "Dirigeant·e / comité de direction"),
    ]:
        field = page.get_by_label(label)
        field.click()
        field.fill(option)
        page.get_by_role("option", name=option, exact=True).click()
        expect(page.get_by_role("listbox")).to_have_count(0)
        wait_for_app(page)


def start(page: Page, url: str, organisation: str) -> str:
    page.goto(url)
    expect(page.get_by_role("heading", name="Nouvelle évaluation")).to_be_visible(timeout=READY)
    page.get_by_label("Organisation").fill(organisation)
    page.get_by_label("Organisation").press("Enter")
    fill_profile(page)
    page.get_by_role("button", name="Commencer l’évaluation").click()
    expect(page.get_by_role("heading", name=f"1. {DIMENSIONS[0].title.fr}")).to_be_visible(
        timeout=READY
    )
    return re.search(r"[?&]a=([\w-]+)", page.url).group(1)


def answer_step(page: Page, step: int) -> None:
    for question in DIMENSIONS[step].ordered_questions():
        choose(page, question.id, level_for(question.id))
    wait_for_app(page)


def next_step(page: Page, step: int) -> None:
    page.get_by_role("button", name="Suivant →").click()
    expect(
        page.get_by_role("heading", name=f"{step + 2}. {DIMENSIONS[step + 1].title.fr}")
    ).to_be_visible(timeout=READY)


def checked_levels(page: Page, step: int) -> dict[str, int]:
    wait_for_app(page)
    for question in DIMENSIONS[step].ordered_questions():
        expect(
            question_box(page, question.id).locator('[data-testid="stRadioOption"]')
        ).to_have_count(len(LEVEL_NAMES) + 1, timeout=READY)
    found = {}
    for question in DIMENSIONS[step].ordered_questions():
        checked = question_box(page, question.id).locator("input[type=radio]:checked")
        if checked.count():
            label = checked.locator("xpath=ancestor::label").inner_text()
            found[question.id] = int(label.strip()[0])
    return found


def expected(step: int) -> dict[str, int]:
    return {q.id: level_for(q.id) for q in DIMENSIONS[step].ordered_questions()}


def test_a_whole_assessment_survives_a_new_browser(
    page: Page, browser: Browser, app_server, screenshot
):
    page.set_viewport_size({"width": 1280, "height": 1600})
    page.goto(app_server.url)
    expect(page.get_by_role("heading", name="Nouvelle évaluation")).to_be_visible(timeout=READY)
    screenshot(page, "0-start")
    token = start(page, app_server.url, "Acme Browser")
    screenshot(page, "1-first-step")
    for step in range(len(DIMENSIONS)):
        answer_step(page, step)
        if step < len(DIMENSIONS) - 1:
            next_step(page, step)
    expect(page.get_by_text("41 questions sur 41 répondues")).to_be_visible(timeout=READY)
    page.get_by_role("link", name="Voir les résultats").click()
    expect(page.get_by_role("heading", name="Résultats : Acme Browser")).to_be_visible(
        timeout=READY
    )
    expect(page.locator('[data-testid="stPlotlyChart"]')).to_have_count(
        3, timeout=READY
    )  # radar, symmetry, capability × people
    expect(page.get_by_text("Résultat partiel")).to_have_count(0)
    screenshot(page, "2-results")

    fresh = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 1600})
    other = fresh.new_page()
    other.goto(f"{app_server.url}/?a={token}")
    expect(other.get_by_role("heading", name="Acme Browser")).to_be_visible(timeout=READY)
    other.get_by_role("link", name="Continuer à répondre").click()
    for step in range(len(DIMENSIONS)):
        expect(question_box(other, DIMENSIONS[step].ordered_questions()[0].id)).to_be_visible(
            timeout=READY
        )
        assert checked_levels(other, step) == expected(step)
        if step < len(DIMENSIONS) - 1:
            next_step(other, step)
    fresh.close()


def test_nothing_is_lost_when_the_server_is_killed_half_way(browser: Browser, tmp_path, screenshot):
    server = StreamlitServer(tmp_path / "assessments.db").start()
    restarted = None
    try:
        context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 1600})
        page = context.new_page()
        token = start(page, server.url, "Acme Crash")
        answer_step(page, 0)
        next_step(page, 0)
        answer_step(page, 1)
        server.kill()

        restarted = StreamlitServer(server.database, server.port).start()
        page.goto(f"{server.url}/?a={token}")
        expect(page.get_by_role("heading", name="Acme Crash")).to_be_visible(timeout=READY)
        expect(
            page.get_by_text(f"{len(expected(0)) + len(expected(1))} questions sur 41")
        ).to_be_visible()
        page.get_by_role("link", name="Continuer à répondre").click()
        expect(question_box(page, DIMENSIONS[0].ordered_questions()[0].id)).to_be_visible(
            timeout=READY
        )
        assert checked_levels(page, 0) == expected(0)
        next_step(page, 0)
        assert checked_levels(page, 1) == expected(1)
        screenshot(page, "after-restart")
        context.close()
    finally:
        server.stop()
        if restarted:
            restarted.stop()
    store = Store(f"sqlite:///{server.database}")
    assert store.answers(store.find(token).id) == expected(0) | expected(1)
    store.dispose()


@pytest.mark.parametrize("width", [375])
def test_answering_works_on_a_phone(browser: Browser, app_server, screenshot, width):
    context = browser.new_context(locale="fr-FR", viewport={"width": width, "height": 900})
    page = context.new_page()
    start(page, app_server.url, "Acme Phone")
    question = DIMENSIONS[0].ordered_questions()[0]
    choose(page, question.id, 4)
    wait_for_app(page)
    assert checked_levels(page, 0) == {question.id: 4}
    width_used = page.evaluate("document.documentElement.scrollWidth")
    assert width_used <= width, f"the page scrolls sideways on a phone ({width_used} px)"
    screenshot(page, "phone-answer")
    context.close()


def test_a_downloaded_workbook_imports_back_as_a_new_assessment(
    browser: Browser, app_server, screenshot, tmp_path
):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 1400})
    page = context.new_page()
    token = start(page, app_server.url, "Acme Export")
    first = DIMENSIONS[0].ordered_questions()
    for question in first[:3]:
        choose(page, question.id, level_for(question.id))
    page.goto(f"{app_server.url}/results?a={token}")
    with page.expect_download(timeout=READY) as download:
        page.get_by_role("button", name="Classeur Excel (comité)", exact=True).click()
    workbook = tmp_path / download.value.suggested_filename
    download.value.save_as(workbook)
    assert workbook.name == "Acme-Export.xlsx"
    context.close()

    other = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 1400})
    page = other.new_page()
    page.goto(app_server.url)
    dropzone = page.locator('[data-testid="stFileUploaderDropzone"]')
    open_expander(page, "Importer une évaluation exportée", dropzone)
    dropzone.locator("input[type=file]").set_input_files(workbook)
    page.get_by_role("button", name="Importer", exact=True).click()
    expect(page.get_by_role("heading", name="Acme Export")).to_be_visible(timeout=READY)
    expect(page.get_by_text("3 questions sur 41 répondues")).to_be_visible()
    screenshot(page, "imported")
    other.close()
