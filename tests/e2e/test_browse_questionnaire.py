"""A person opens the app in a real browser, reads the questionnaire, and switches language."""

import re

from playwright.sync_api import Page, expect

from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire

QUESTIONNAIRE = load_questionnaire(DEFAULT_QUESTIONNAIRE)


def test_a_visitor_reads_the_questionnaire_and_switches_to_english(page: Page, app_url, screenshot):
    page.set_viewport_size({"width": 1280, "height": 1400})
    page.goto(f"{app_url}/questionnaire")
    expect(page.get_by_role("heading", name=QUESTIONNAIRE.title.fr)).to_be_visible(timeout=20_000)
    first = QUESTIONNAIRE.ordered_dimensions()[0]
    expect(page.get_by_role("tab", name=first.title.fr)).to_be_visible()

    question = first.ordered_questions()[0]
    page.get_by_text(question.text.fr).click()
    expect(page.get_by_text(question.anchors[5].fr)).to_be_visible()

    page.get_by_role("radio", name="English").click()
    expect(page.get_by_role("heading", name=QUESTIONNAIRE.title.en)).to_be_visible()
    expect(page).to_have_url(re.compile(r"lang=en"))
    screenshot(page, "english")


def test_the_language_in_the_link_is_kept_on_reload(page: Page, app_url: str):
    page.goto(f"{app_url}/questionnaire?lang=en")
    expect(page.get_by_role("heading", name=QUESTIONNAIRE.title.en)).to_be_visible(timeout=20_000)
    page.reload()
    expect(page.get_by_role("heading", name=QUESTIONNAIRE.title.en)).to_be_visible(timeout=20_000)


def test_the_page_is_usable_on_a_phone_width_screen(page: Page, app_url, screenshot):
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(f"{app_url}/questionnaire")
    expect(page.get_by_role("heading", name=QUESTIONNAIRE.title.fr)).to_be_visible(timeout=20_000)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the page scrolls sideways on a phone ({width} px wide)"
    screenshot(page, "phone")
