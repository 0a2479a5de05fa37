"""A real `streamlit run` server and Debian's chromium (never a browser Playwright downloads):
see tests/servers.py."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.servers import CHROMIUM, CHROMIUM_ARGS, StreamlitServer

ROOT = Path(__file__).resolve().parents[2]


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
