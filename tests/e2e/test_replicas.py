"""Two app processes on one PostgreSQL serve one workshop: twenty phones split across both,
the facilitator on one; every answer is counted exactly once and both screens agree."""

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor

import pytest
from playwright.async_api import async_playwright, expect

from assessment.store import Store
from assessment.workshop import WorkshopStore
from tests.e2e.test_workshop_browser import (
    ALL_IDS,
    READY,
    create_workshop,
    expected_answers,
    metric,
    phone,
)
from tests.servers import CHROMIUM, CHROMIUM_ARGS, StreamlitServer

PHONES = 20


async def scenario(database_url: str) -> None:
    replicas = [StreamlitServer(database_url).start(), StreamlitServer(database_url).start()]
    store = Store(database_url)
    workshops = WorkshopStore(store)
    try:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            facilitator, secret, _ = await create_workshop(browser, replicas[0].url)
            record = workshops.by_facilitator(secret)
            # Ten phones at a time: two cores run about a dozen browser pages at once.
            phones = []
            for first in range(0, PHONES, 10):
                phones += await asyncio.gather(
                    *(
                        phone(browser, replicas[n % 2].url, record.join_code, n, workshops)
                        for n in range(first, first + 10)
                    )
                )
            total = PHONES * len(ALL_IDS)
            for screen in (facilitator, await _dashboard_on(browser, replicas[1].url, secret)):
                await expect(await metric(screen, "Connectés")).to_have_text("20", timeout=READY)
                await expect(await metric(screen, "Réponses reçues")).to_have_text(
                    str(total), timeout=READY
                )
            for number, (token, _) in enumerate(phones):
                assert workshops.answers_of(token) == expected_answers(number)
            counts = workshops.counts(record.id)
            assert (counts.joined, counts.completed, counts.answers) == (20, 20, total)
            await browser.close()
    finally:
        store.dispose()
        for replica in replicas:
            replica.stop()


async def _dashboard_on(browser, url: str, secret: str):
    context = await browser.new_context(locale="fr-FR", viewport={"width": 1400, "height": 2000})
    page = await context.new_page()
    await page.goto(f"{url}/facilitate?f={secret}")
    return page


def test_two_replicas_on_postgresql_count_every_answer_once(postgres_cluster):
    if CHROMIUM is None:
        message = "Debian's chromium is not installed"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    database_url = postgres_cluster.new_database()
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, scenario(database_url)).result(timeout=420)
