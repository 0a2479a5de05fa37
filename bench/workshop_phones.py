"""Part 3 of the workshop load benchmark: a few real phones (Chromium contexts, 390×844) open
the printed link on a live ``streamlit run serve.py`` server on loopback, join on the light page
and answer the first part at once; answers per second, tap → saved as the page times it, and
the server's memory. Bounded in time; stops by itself."""

from __future__ import annotations

import asyncio
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from assessment.models import Questionnaire
from assessment.store import Store
from assessment.workshop import Segment, WorkshopStore
from tests.servers import CHROMIUM, CHROMIUM_ARGS, StreamlitServer

BROWSER_TIME_LIMIT = 240  # seconds for the whole browser part
ROLE = Segment(name="Fonction", options=["Direction", "Managers", "Équipes"])


def rss_mb(pid: int | str = "self") -> tuple[float, float]:
    """Resident memory now and at its peak (VmRSS, VmHWM), in MB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0]) / 1024
    return fields.get("VmRSS", 0.0), fields.get("VmHWM", 0.0)


async def phones_run(url: str, code: str, questionnaire: Questionnaire, phones: int) -> dict:
    """Each phone opens the printed link, joins and answers the first part on the light page;
    tap → saved as the page itself times it (the fetch, from the tap to the server's answer)."""
    from playwright.async_api import async_playwright, expect

    first = questionnaire.ordered_dimensions()[0].ordered_questions()
    labels = {level.value: level.label.fr for level in questionnaire.scale.levels}

    latencies: list[float] = []

    async def phone(browser, number: int) -> None:
        context = await browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
        page = await context.new_page()
        await page.goto(f"{url}/?join={code}")
        await page.get_by_text(ROLE.options[number % 3], exact=True).click(timeout=60_000)
        await page.get_by_role("button", name="Rejoindre").click()
        await expect(page.locator("fieldset[data-question]").first).to_be_visible(timeout=60_000)
        for question in first:
            level = (number + question.order) % 5 + 1
            card = page.locator(f'fieldset[data-question="{question.id}"]')
            await card.get_by_text(f"{level} · {labels[level]}", exact=True).click()
            note = card.locator(".q-note")
            await expect(note).to_have_text("Enregistré.", timeout=60_000)
            latencies.append(int(await note.get_attribute("data-ms")) / 1000)
        await context.close()

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
        )
        began = time.perf_counter()
        await asyncio.gather(*(phone(browser, n) for n in range(phones)))
        elapsed = time.perf_counter() - began
        await browser.close()
    return {
        "elapsed": elapsed,
        "answers": phones * len(first),
        "click": statistics.median(latencies),
        "click_p90": statistics.quantiles(latencies, n=10)[-1],
    }


def browser_run(folder: Path, questionnaire: Questionnaire, phones: int) -> dict | None:
    if CHROMIUM is None:
        return None
    database = folder / "browsers.db"
    store = Store(f"sqlite:///{database}")
    workshops = WorkshopStore(store)
    _, record = workshops.create(questionnaire, "Téléphones", "fr", [ROLE])
    server = StreamlitServer(database).start()
    try:
        idle = rss_mb(server.process.pid)[0]
        with ThreadPoolExecutor(max_workers=1) as pool:
            outcome = pool.submit(
                asyncio.run, phones_run(server.url, record.join_code, questionnaire, phones)
            ).result(timeout=BROWSER_TIME_LIMIT)
        now, peak = rss_mb(server.process.pid)
        counts = workshops.counts(record.id)
    finally:
        server.stop()
        store.dispose()
    return {**outcome, "rows": counts.answers, "idle": idle, "rss": now, "peak": peak}
