"""A consultant's own model in a real browser: an English-only, 90-question model with four
valued options per question, offered beside the shipped questionnaire (OWN_QUESTIONNAIRES),
answered from start to results (every question "Mostly" → 50 everywhere, no symmetry chart),
then its generic roadmap."""

import re

from playwright.sync_api import Browser, Page, expect

from assessment.questionnaire import load_questionnaire
from assessment.scoring import score
from assessment.store import Store
from tests.e2e.conftest import READY, wait_for_app
from tests.e2e.test_self_assessment_browser import fill_profile
from tests.paths import FIXTURES
from tests.servers import StreamlitServer

OWN = FIXTURES / "any_model"
MODEL = load_questionnaire(OWN / "data_practice.yaml")
DIMENSIONS = MODEL.ordered_dimensions()
MOSTLY = 3  # the third option, valued 0.5


def start(page: Page, url: str) -> str:
    page.goto(url)
    expect(page.get_by_role("heading", name="Nouvelle évaluation")).to_be_visible(timeout=READY)
    page.get_by_label("Organisation").fill("Acme Own Model")
    page.get_by_label("Organisation").press("Enter")
    picker = page.get_by_label("Questionnaire", exact=True)
    picker.click()
    page.get_by_role("option", name=re.compile("^Data protection practice")).click()
    wait_for_app(page)
    fill_profile(page)
    page.get_by_role("button", name="Commencer l’évaluation").click()
    heading = f"1. {DIMENSIONS[0].title('en')}"
    expect(page.get_by_role("heading", name=heading)).to_be_visible(timeout=READY)
    return re.search(r"[?&]a=([\w-]+)", page.url).group(1)


def answer_all_mostly(page: Page) -> None:
    for step, dimension in enumerate(DIMENSIONS):
        for question in dimension.ordered_questions():
            box = page.locator(f'[class*="st-key-answer-{question.id}-"]')
            box.get_by_text(f"{MOSTLY} · Mostly", exact=True).click()
            saved = page.locator(f".st-key-question-{question.id}").get_by_text("check_circle")
            expect(saved).to_be_visible(timeout=READY)
        wait_for_app(page)
        if step < len(DIMENSIONS) - 1:
            page.get_by_role("button", name="Suivant →").click()
            heading = f"{step + 2}. {DIMENSIONS[step + 1].title('en')}"
            expect(page.get_by_role("heading", name=heading)).to_be_visible(timeout=READY)


def test_an_english_only_model_is_answered_scored_and_planned_in_a_browser(
    browser: Browser, tmp_path, monkeypatch, screenshot
):
    monkeypatch.setenv("OWN_QUESTIONNAIRES", str(OWN))
    server = StreamlitServer(tmp_path / "assessments.db").start()
    try:
        context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 1600})
        page = context.new_page()
        token = start(page, server.url)
        expect(page.get_by_text("Ce questionnaire est rédigé en anglais").first).to_be_visible()
        options = page.locator(f'[class*="st-key-answer-{DIMENSIONS[0].questions[0].id}-"]')
        expect(options.locator('[data-testid="stRadioOption"]')).to_have_count(5)  # 4 + don't know
        screenshot(page, "1-answering")
        answer_all_mostly(page)
        expect(page.get_by_text("90 questions sur 90 répondues")).to_be_visible(timeout=READY)
        page.get_by_role("link", name="Voir les résultats").click()
        expect(page.get_by_role("heading", name="Résultats : Acme Own Model")).to_be_visible(
            timeout=READY
        )
        expect(page.locator('[data-testid="stPlotlyChart"]')).to_have_count(1, timeout=READY)
        expect(page.get_by_role("heading", name="Symétrie")).to_have_count(0)
        screenshot(page, "2-results")

        page.goto(f"{server.url}/roadmap?a={token}")
        expect(
            page.get_by_text("Aucune bibliothèque d’actions ne sert ce questionnaire")
        ).to_be_visible(timeout=READY)
        expect(
            page.get_by_text("Présenter les résultats au comité de direction").first
        ).to_be_visible()
        screenshot(page, "3-roadmap")
        context.close()
    finally:
        server.stop()
    store = Store(f"sqlite:///{server.database}")
    answers = store.answers(store.find(token).id)
    store.dispose()
    assert answers == {q.id: MOSTLY for _, q in MODEL.questions()}
    assert [d.score for d in score(MODEL, answers).dimensions] == [50] * 5
