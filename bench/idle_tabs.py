"""Server memory per idle browser tab: executives self-assessing, each tab a Streamlit session.

A live ``streamlit run serve.py`` server on loopback (SQLite). One tab opens first and stays
(the first page loads the modules, compiles the pages and fills the caches: paid once, not per
tab); then TABS more tabs (Debian's chromium, a context each) open their own private link on the
questionnaire page, wait for its questions to show and stay idle. Reported, not gated: the
server's resident memory (VmRSS, from /proc) with the first tab and after the others have
settled, and the difference per tab. Loopback only, bounded in time; it stops by itself.
Run it: ``python -m bench.idle_tabs`` (``--tabs`` to change the count).
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from assessment.profile import Profile
from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire
from assessment.store import Store
from bench.measure import Figure, write_figures
from bench.workshop_phones import rss_mb
from tests.servers import CHROMIUM, CHROMIUM_ARGS, StreamlitServer

TABS = 10
SETTLE_SECONDS = 3  # for the server to finish the runs the tabs started
TIME_LIMIT = 150


async def open_tabs(url: str, tokens: list[str], server_pid: int) -> tuple[float, float]:
    """The server's memory with the first tab open, then with all of them (MB)."""
    from playwright.async_api import async_playwright, expect

    async def tab(browser, token: str):
        context = await browser.new_context(locale="fr-FR")
        page = await context.new_page()
        await page.goto(f"{url}/answer?a={token}")
        await expect(page.get_by_role("radiogroup").first).to_be_visible(timeout=60_000)
        return context

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
        )
        contexts = [await tab(browser, tokens[0])]
        await asyncio.sleep(SETTLE_SECONDS)
        with_one = rss_mb(server_pid)[0]
        for first in range(1, len(tokens), 5):  # five at a time: two cores
            contexts += await asyncio.gather(*(tab(browser, t) for t in tokens[first : first + 5]))
        await asyncio.sleep(SETTLE_SECONDS)
        with_all = rss_mb(server_pid)[0]
        for context in contexts:
            await context.close()
        await browser.close()
    return with_one, with_all


def main(tabs: int) -> list[Figure]:
    name = "server memory per idle browser tab"
    if CHROMIUM is None:
        print("  skipped: Debian's chromium is missing")
        return [Figure(name=name, baseline="", value="skipped (no chromium)")]
    questionnaire = load_questionnaire(DEFAULT_QUESTIONNAIRE)
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "tabs.db"
        store = Store(f"sqlite:///{database}")
        profile = Profile(
            organisation="Onglets", sector="J", size_class="50-249", country="FR", role="it"
        )
        tokens = [store.create_assessment(questionnaire, profile, "fr")[0] for _ in range(tabs + 1)]
        store.dispose()
        server = StreamlitServer(database).start()
        began = time.perf_counter()
        try:
            with ThreadPoolExecutor(max_workers=1) as pool:
                with_one, with_all = pool.submit(
                    asyncio.run, open_tabs(server.url, tokens, server.process.pid)
                ).result(timeout=TIME_LIMIT)
        finally:
            server.stop()
    per_tab = (with_all - with_one) / tabs
    print(
        f"  {tabs} tabs on the questionnaire page after a first one, in "
        f"{time.perf_counter() - began:.0f} s: server {with_one:.0f} MB → {with_all:.0f} MB,"
        f" {per_tab:.1f} MB a tab"
    )
    return [
        Figure(
            name=name,
            baseline="",
            value=f"{per_tab:.1f} MB",
            note=f"{tabs} tabs on the questionnaire page; {with_one:.0f} MB with the first",
        )
    ]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tabs", type=int, default=TABS)
    parser.add_argument("--json", type=Path, help="write the table's lines to this file")
    arguments = parser.parse_args()
    write_figures(main(max(1, min(arguments.tabs, 40))), arguments.json)
