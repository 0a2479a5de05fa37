"""Every page of the app, declared once: the router builds the navigation from it, and the
workshop's links strip its paths to find the app's base address."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import streamlit as st

from assessment.i18n import say
from assessment.models import Language


@dataclass(frozen=True)
class Route:
    script: str
    url_path: str  # "" for the start page
    title_key: str
    icon: str

    def page(self, lang: Language) -> st.Page:
        where = {"url_path": self.url_path} if self.url_path else {"default": True}
        return st.Page(self.script, title=say(self.title_key, lang), icon=self.icon, **where)


ROUTES = (
    Route("app_pages/start.py", "", "app.page_start", ":material/home:"),
    Route("app_pages/answer.py", "answer", "app.page_answer", ":material/edit_note:"),
    Route("app_pages/results.py", "results", "app.page_results", ":material/insights:"),
    Route("app_pages/benchmark.py", "benchmark", "app.page_benchmark", ":material/leaderboard:"),
    Route("app_pages/roadmap.py", "roadmap", "app.page_roadmap", ":material/route:"),
    Route("app_pages/pilot.py", "pilot", "pilot.page_title", ":material/query_stats:"),
    Route(
        "app_pages/questionnaire.py",
        "questionnaire",
        "app.page_questionnaire",
        ":material/list_alt:",
    ),
    Route(
        "app_pages/organisation.py", "organisation", "waves.page_organisation", ":material/domain:"
    ),
    Route("app_pages/waves.py", "waves", "waves.page_compare", ":material/compare_arrows:"),
    Route("app_pages/workshop_new.py", "workshop", "app.page_workshop", ":material/groups:"),
    Route(
        "app_pages/workshop_facilitator.py",
        "facilitate",
        "app.page_facilitate",
        ":material/monitoring:",
    ),
)
# The screen projected in the room gets this page alone, without navigation (see app.py);
# phones get the light page of phone/ (see serve.py).
ROOM_SCREEN_PAGE = "app_pages/workshop_screen.py"


def navigation_pages(lang: Language) -> list[st.Page]:
    """The pages, titled in ``lang``. Built once per session and language: st.Page resolves
    and hashes its script on every call, most of what the router added to each click. Kept per
    session, not per process, as st.navigation flags the page it picks as the one to run."""
    built = st.session_state.setdefault("navigation_pages", {})
    if lang not in built:
        built[lang] = [route.page(lang) for route in ROUTES]
    return built[lang]


def app_address() -> str:
    """The address this browser opened the app at, without the page's path (empty when the
    browser did not say)."""
    parts = urlsplit(st.context.url or "")
    path = parts.path.rstrip("/")
    for route in ROUTES:
        if route.url_path and path.endswith("/" + route.url_path):
            path = path[: -len(route.url_path) - 1]
    if not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc}{path}"
