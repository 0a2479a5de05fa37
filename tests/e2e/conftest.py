"""A real `streamlit run` server and Debian's chromium (never a browser Playwright downloads):
see tests/servers.py."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.async_api import Page as AsyncPage
from playwright.async_api import expect as async_expect
from playwright.sync_api import Page, expect

from tests.servers import CHROMIUM, CHROMIUM_ARGS, StreamlitServer

ROOT = Path(__file__).resolve().parents[2]
READY = 20_000

# Streamlit's root says whether a run is going on, but only once the frontend has handled the
# click that asked for it: a short pause first, as Streamlit's own browser tests do. Elements of
# the run before stay on the page, greyed ("stale"), until the new run replaces them.
APP_IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
LEFT_OVER = '[data-stale="true"]'
RUN_STARTS_MS = 250


def wait_for_app(page: Page, timeout: float = READY) -> None:
    """Wait until the script has finished its run and the page shows only what it drew."""
    page.wait_for_timeout(RUN_STARTS_MS)
    expect(page.locator(APP_IDLE)).to_have_count(1, timeout=timeout)
    expect(page.locator(LEFT_OVER)).to_have_count(0, timeout=timeout)


async def wait_for_app_async(page: AsyncPage, timeout: float = READY) -> None:
    await page.wait_for_timeout(RUN_STARTS_MS)
    await async_expect(page.locator(APP_IDLE)).to_have_count(1, timeout=timeout)
    await async_expect(page.locator(LEFT_OVER)).to_have_count(0, timeout=timeout)


def open_expander(page: Page, title: str, content) -> None:
    """Open an expander and wait for what it holds. A click that lands while the page is still
    redrawing can fall on the expander being replaced, which then comes back closed: click
    again until the content shows."""
    for _ in range(3):
        page.get_by_text(title).click()
        try:
            expect(content).to_be_visible(timeout=READY // 2)
            return
        except AssertionError:
            wait_for_app(page)
    expect(content).to_be_visible()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if CHROMIUM is None:
        message = "Debian's chromium is not installed (`make test` installs it when run as root)"
        # In CI a missing browser is a failure, never a silent skip.
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": CHROMIUM_ARGS,
    }


ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # A French-speaking browser: the app's first language follows the browser's.
    return {**browser_context_args, "locale": "fr-FR"}


@pytest.fixture(scope="session")
def app_server(tmp_path_factory) -> Iterator[StreamlitServer]:
    server = StreamlitServer(tmp_path_factory.mktemp("data") / "assessments.db").start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def app_url(app_server) -> str:
    return app_server.url


@pytest.fixture
def screenshot(request):
    """Save a screenshot under test-artifacts/ to look at after the run."""
    ARTIFACTS.mkdir(exist_ok=True)

    def take(page, name: str) -> Path:
        path = ARTIFACTS / f"{request.node.name.split('[')[0]}-{name}.png"
        page.screenshot(path=path)
        return path

    return take
