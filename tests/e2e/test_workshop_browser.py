"""A live workshop in real browsers: twelve phones (390 × 844, the phones' light page) answer
at once while the facilitator reveals and hides the room's result (pushed to every phone
mid-answer), one phone sleeps offline with a tap pending and wakes to have it saved, the
facilitator's screen counts them and the room screen is projected (with no secret, control or
navigation on it); then the server is killed (SIGKILL), restarted, and every answer is still
there, and a phone carries on without a reload.

Twelve participant contexts run concurrently (Playwright's async API in one browser). To keep
the test within a few minutes on two cores, each phone clicks its last three answers in the
browser; the other 38 are written beforehand through the same service layer the page uses.
"""

import asyncio
import re
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from playwright.async_api import Browser, Page, async_playwright, expect

from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire
from assessment.store import Store
from assessment.workshop import WorkshopStore, format_code
from tests.e2e.conftest import ARTIFACTS, wait_for_app_async
from tests.servers import CHROMIUM, CHROMIUM_ARGS, StreamlitServer

QUESTIONNAIRE = load_questionnaire(DEFAULT_QUESTIONNAIRE)
ALL_IDS = [q.id for _, q in QUESTIONNAIRE.questions()]
IN_BROWSER = [q.id for q in QUESTIONNAIRE.ordered_dimensions()[0].ordered_questions()[:3]]
LEVEL_NAMES = {
    lang: {level.value: getattr(level.label, lang) for level in QUESTIONNAIRE.scale.levels}
    for lang in ("fr", "en")
}
PHONES = 12
ROLES = ["Direction", "Équipes"]
READY = 45_000  # generous: two cores shared by ten browser pages and a server


def level_for(phone: int, question_id: str) -> int | None:
    """A varied, reproducible answer; now and then "don't know"."""
    value = (phone * 7 + sum(map(ord, question_id))) % 6
    return None if value == 0 and question_id not in IN_BROWSER else value or 3


def expected_answers(phone: int) -> dict[str, int | None]:
    return {q: level_for(phone, q) for q in ALL_IDS}


async def until(condition, seconds: float = 30) -> None:
    """Wait for the database to show what the page was asked to save."""
    deadline = time.monotonic() + seconds
    while not await asyncio.to_thread(condition):
        assert time.monotonic() < deadline, "the change never reached the database"
        await asyncio.sleep(0.2)


async def metric(page: Page, label: str):
    box = page.locator('[data-testid="stMetric"]').filter(has_text=label)
    return box.locator('[data-testid="stMetricValue"]')


SAVED = {"fr": "Enregistré.", "en": "Saved."}
DONE = {"fr": "Vous avez répondu à toutes les questions", "en": "You have answered every question"}
TAP_TIMES: list[float] = []


async def tap(page: Page, question_id: str, level: int, lang: str = "fr") -> None:
    """Choose a level on the phone's page and wait until it says the answer is saved."""
    card = page.locator(f'fieldset[data-question="{question_id}"]')
    name = LEVEL_NAMES[lang][level]
    await card.get_by_text(f"{level} · {name}", exact=True).click()
    note = card.locator(".q-note")
    await expect(note).to_have_text(SAVED[lang], timeout=READY)
    TAP_TIMES.append(int(await note.get_attribute("data-ms")) / 1000)  # as the page timed it


async def create_workshop(browser: Browser, url: str) -> tuple[Page, str]:
    context = await browser.new_context(locale="fr-FR", viewport={"width": 1400, "height": 2400})
    page = await context.new_page()
    await page.goto(f"{url}/workshop")
    title = page.get_by_label("Titre de l’atelier")
    await title.fill("Séminaire de direction")
    await title.press("Enter")
    await wait_for_app_async(page, READY)
    segments = page.get_by_role("textbox", name="Groupes à comparer (facultatif)")
    await segments.fill("Fonction : Direction, Équipes")
    await page.get_by_label("Titre de l’atelier").click()  # leaving the box saves it
    await wait_for_app_async(page, READY)
    await page.get_by_role("button", name="Créer l’atelier").click()
    await expect(page.get_by_text("Avant de projeter")).to_be_visible(timeout=READY)
    await page.wait_for_url(re.compile(r"facilitate\?.*f="), timeout=READY)
    secret = re.search(r"[?&]f=([\w-]+)", page.url).group(1)
    screen_code = page.locator("code").filter(has_text="?screen=")
    await expect(screen_code).to_be_visible(timeout=READY)
    screen = (await screen_code.inner_text()).strip()
    await page.get_by_role("button", name="Je l’ai gardé").click()
    await expect(page.get_by_text("Avant de projeter")).to_have_count(0, timeout=READY)
    return page, secret, screen


async def project(browser: Browser, link: str, secret: str, code: str) -> Page:
    """The room screen on a 1,366 × 768 projector: the code readable from the back of the
    room, and nothing on it that gives control or names a secret."""
    context = await browser.new_context(locale="fr-FR", viewport={"width": 1366, "height": 768})
    page = await context.new_page()
    await page.goto(link)
    code_box = page.get_by_test_id("room-code")
    await expect(code_box).to_have_text(code, timeout=READY)
    height = await code_box.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert height >= 768 / 6, f"the join code is {height} px high on a 768 px screen"
    await expect(page.get_by_text("Rejoignez sur")).to_be_visible()
    return page


async def nothing_to_control(screen: Page, secret: str) -> None:
    assert secret not in screen.url and "facilitate" not in screen.url
    assert secret not in await screen.content()
    for selector in (
        "button",
        "input",
        "textarea",
        'a[href]:not([href^="#"])',  # in-page links only (Streamlit's "skip to content")
        '[data-testid="stSidebar"]',
        '[data-testid="stSidebarNav"]',
        '[data-testid="stHeader"]:visible',
    ):
        assert await screen.locator(selector).count() == 0, selector  # fmt: skip


def lang_of(number: int) -> str:
    return "en" if number == PHONES - 1 else "fr"  # one phone reads the page in English


async def join(browser: Browser, url: str, code: str, number: int, store: WorkshopStore):
    """One participant on a 390 × 844 phone: join with the code, earlier answers given (through
    the store), then the page reloaded as a phone coming back to it."""
    lang = lang_of(number)
    context = await browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
    context.set_default_navigation_timeout(READY * 3)
    page = await context.new_page()
    await asyncio.sleep(0.3 * number)  # people arrive within a few seconds, not all at once
    suffix = "&lang=en" if lang == "en" else ""
    await page.goto(f"{url}/?join={code.lower()}{suffix}")
    await page.get_by_text(ROLES[number % 2], exact=True).click(timeout=READY * 2)
    await page.get_by_role("button", name="Join" if lang == "en" else "Rejoindre").click()
    await page.wait_for_url(re.compile(r"[?&]p="), timeout=READY)
    await expect(page.locator("fieldset[data-question]").first).to_be_visible(timeout=READY)
    token = re.search(r"[?&]p=([\w-]+)", page.url).group(1)
    levels = expected_answers(number)
    earlier = [q for q in ALL_IDS if q not in IN_BROWSER]
    await asyncio.to_thread(lambda: [store.save_answer(token, q, levels[q]) for q in earlier])
    await page.reload()
    await expect(page.locator("fieldset[data-question]").first).to_be_visible(timeout=READY)
    return token, page


async def answer(page: Page, number: int) -> None:
    levels = expected_answers(number)
    for question_id in IN_BROWSER:
        await tap(page, question_id, levels[question_id], lang_of(number))
        await asyncio.sleep(0.5)
    await expect(page.get_by_text(DONE[lang_of(number)])).to_be_visible(timeout=READY)


async def phone(browser: Browser, url: str, code: str, number: int, store: WorkshopStore):
    """One participant from the QR code to the last answer."""
    token, page = await join(browser, url, code, number, store)
    await answer(page, number)
    return token, page


async def reveal_while_answering(workshops: WorkshopStore, secret: str, pages: list[Page]):
    """The facilitator reveals the room while the phones are answering: every phone shows it
    without a reload (pushed), then hides it again."""
    await asyncio.sleep(0.7)
    await asyncio.to_thread(workshops.reveal, secret, True)
    made = time.monotonic()
    for page in pages:
        await expect(page.locator("#room")).to_be_visible(timeout=10_000)
    seen = time.monotonic() - made
    await asyncio.to_thread(workshops.reveal, secret, False)
    for page in pages:
        await expect(page.locator("#room")).to_be_hidden(timeout=10_000)
    return seen


async def scenario(tmp_path: Path) -> None:
    database = tmp_path / "workshop.db"
    server = StreamlitServer(database).start()
    restarted = None
    store = Store(f"sqlite:///{database}")
    workshops = WorkshopStore(store)
    try:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            facilitator, secret, screen_link = await create_workshop(browser, server.url)
            record = workshops.by_facilitator(secret)
            await expect(facilitator.get_by_text(format_code(record.join_code))).to_be_visible()
            screen = await project(browser, screen_link, secret, format_code(record.join_code))
            await nothing_to_control(screen, secret)
            await facilitator.evaluate("window.stillTheSamePage = true")  # gone on a reload

            started = time.monotonic()
            phones = await asyncio.gather(
                *(join(browser, server.url, record.join_code, n, workshops) for n in range(PHONES))
            )
            pages = [page for _, page in phones]
            await pages[0].screenshot(path=ARTIFACTS / "workshop-2-phone-390x844-fr.png")
            await pages[-1].screenshot(path=ARTIFACTS / "workshop-2-phone-390x844-en.png")
            # A phone that goes to sleep (offline), tapped just before, while the room moves on.
            sleeper_token, sleeper = phones[1]
            await sleeper.context.set_offline(True)
            offline_level = 5 if expected_answers(1)[IN_BROWSER[0]] != 5 else 4
            card = sleeper.locator(f'fieldset[data-question="{IN_BROWSER[0]}"]')
            await card.get_by_text(f"{offline_level} · {LEVEL_NAMES['fr'][offline_level]}").click()
            await expect(sleeper.get_by_text("Le serveur est injoignable").first).to_be_visible()
            *_, seen = await asyncio.gather(
                *(answer(page, n) for n, page in enumerate(pages) if n != 1),
                reveal_while_answering(
                    workshops, secret, [p for n, p in enumerate(pages) if n != 1]
                ),
            )
            await asyncio.sleep(3)
            await sleeper.context.set_offline(False)  # wakes: the tap kept is sent by itself
            kept = IN_BROWSER[0]
            await until(lambda: workshops.answers_of(sleeper_token).get(kept) == offline_level)
            await expect(card.locator(".q-note")).to_have_text("Enregistré.", timeout=READY)
            await answer(sleeper, 1)
            answering = time.monotonic() - started
            print(f"the reveal reached 11 answering phones in {seen:.2f} s")
            await pages[0].screenshot(path=ARTIFACTS / "workshop-2-phone-390x844-fr-done.png")
            await pages[-1].screenshot(path=ARTIFACTS / "workshop-2-phone-390x844-en-done.png")
            # Both screens follow by themselves (fragments), without reloading the page.
            await expect(await metric(facilitator, "Connectés")).to_have_text("12", timeout=READY)
            await expect(await metric(facilitator, "Ont terminé")).to_have_text("12", timeout=READY)
            await expect(await metric(facilitator, "Réponses reçues")).to_have_text(
                str(PHONES * len(ALL_IDS)), timeout=READY
            )
            await expect(screen.get_by_text("12 ont terminé")).to_be_visible(timeout=READY)
            # Results hidden until the facilitator shows them: counts only on the room screen.
            await expect(screen.locator('[data-testid="stPlotlyChart"]')).to_have_count(0)
            await nothing_to_control(screen, secret)
            ARTIFACTS.mkdir(exist_ok=True)
            await screen.screenshot(path=ARTIFACTS / "workshop-3-room-screen-1366.png")
            await facilitator.get_by_text("Montrer le résultat de la salle").click()
            await screen.set_viewport_size({"width": 1920, "height": 1080})
            await expect(screen.get_by_text("Le résultat de la salle")).to_be_visible(timeout=READY)
            await expect(screen.locator('[data-testid="stPlotlyChart"]').first).to_be_visible(
                timeout=READY
            )
            await nothing_to_control(screen, secret)
            await screen.screenshot(path=ARTIFACTS / "workshop-4-room-screen-revealed-1920.png")
            await expect(facilitator.locator('[data-testid="stPlotlyChart"]')).to_have_count(
                6,
                timeout=READY,  # with the capability × people map
            )
            assert await facilitator.evaluate("window.stillTheSamePage === true")
            await facilitator.screenshot(path=ARTIFACTS / "workshop-1-dashboard-12-phones.png")
            await expect(pages[0].locator("#room")).to_be_visible(timeout=10_000)  # pushed
            await pages[0].screenshot(path=ARTIFACTS / "workshop-2-phone-390x844-revealed.png")
            taps = sorted(TAP_TIMES)
            print(
                f"12 phones joined and answered in {answering:.1f} s; tap → saved median "
                f"{taps[len(taps) // 2]:.2f} s, max {taps[-1]:.2f} s"
            )

            # Power cut: no clean shutdown. Then the same database, the same port.
            server.kill()
            restarted = StreamlitServer(database, server.port).start()
            tokens = [token for token, _ in phones]
            for number, token in enumerate(tokens):
                assert workshops.answers_of(token) == expected_answers(number)
            counts = workshops.counts(record.id)
            assert (counts.joined, counts.completed, counts.answers) == (12, 12, 12 * 41)

            # A phone carries on by itself after the restart: no reload, its next tap saved.
            first_token, first_page = phones[0]
            changed = 5 if expected_answers(0)[IN_BROWSER[0]] != 5 else 4
            await tap(first_page, IN_BROWSER[0], changed)
            await until(lambda: workshops.answers_of(first_token)[IN_BROWSER[0]] == changed)
            assert workshops.counts(record.id).joined == 12  # nobody counted twice

            await facilitator.reload()
            await expect(await metric(facilitator, "Connectés")).to_have_text("12", timeout=READY)

            # A participant link reads neither the dashboard nor another workshop.
            _, other = workshops.create(QUESTIONNAIRE, "Autre atelier", "fr")
            spy = phones[1][1]
            await spy.goto(f"{server.url}/?p={tokens[1]}&join={other.join_code}")
            await expect(spy.locator("#title")).to_have_text("Séminaire de direction")
            await spy.goto(f"{server.url}/facilitate?p={tokens[1]}")
            await wait_for_app_async(spy, READY)
            await expect(spy.locator('[data-testid="stMetric"]')).to_have_count(0)
            await expect(spy.get_by_text("Séminaire de direction")).to_have_count(0)
            for wrong in (tokens[1], record.join_code):
                await spy.goto(f"{server.url}/facilitate?f={wrong}")
                await expect(spy.get_by_text("Ce lien n’ouvre aucun atelier")).to_be_visible(
                    timeout=READY
                )
                await expect(spy.locator('[data-testid="stMetric"]')).to_have_count(0)
                await expect(spy.get_by_text("Séminaire de direction")).to_have_count(0)
            await browser.close()
    finally:
        store.dispose()
        (restarted or server).stop()
        server.stop()


def test_twelve_phones_answer_live_under_the_room_screen_and_a_killed_server_loses_nothing(
    tmp_path,
):
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed")
    # Playwright's async API in a thread of its own: the sync fixtures of the other browser
    # tests may already hold this thread's event loop.
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, scenario(tmp_path)).result(timeout=480)
