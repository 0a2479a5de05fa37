"""Router: page config, language, the session's assessment, navigation over app_pages/."""

import streamlit as st

from ui.context import choose_language, current_language, t
from ui.guard import guarded
from ui.session import active_assessment, get_store, keep_token_in_url
from ui.workshop_session import is_participant_link, run_participant_app, workshop_pages

if is_participant_link():  # a phone in a workshop: the participant page and nothing else
    guarded(run_participant_app, current_language())
    st.stop()

st.set_page_config(
    page_title="Transformation maturity", page_icon=":material/flight_takeoff:", layout="wide"
)
lang = choose_language()


def resolve_assessment() -> None:
    """The private link, resolved before any page shows; exports follow the last language."""
    record = active_assessment()
    if record is not None and record.language != lang:
        get_store().set_language(record.id, lang)


if not guarded(resolve_assessment, lang):
    st.stop()

start = st.Page(
    "app_pages/start.py", title=t("page_start", lang), icon=":material/home:", default=True
)
answer = st.Page(
    "app_pages/answer.py",
    title=t("page_answer", lang),
    icon=":material/edit_note:",
    url_path="answer",
)
results = st.Page(
    "app_pages/results.py",
    title=t("page_results", lang),
    icon=":material/insights:",
    url_path="results",
)
browse = st.Page(
    "app_pages/questionnaire.py",
    title=t("page_questionnaire", lang),
    icon=":material/list_alt:",
    url_path="questionnaire",
)
roadmap = st.Page(
    "app_pages/roadmap.py",
    title=t("page_roadmap", lang),
    icon=":material/route:",
    url_path="roadmap",
)
benchmark = st.Page(
    "app_pages/benchmark.py",
    title=t("page_benchmark", lang),
    icon=":material/leaderboard:",
    url_path="benchmark",
)
page = st.navigation([start, answer, results, benchmark, roadmap, browse, *workshop_pages(lang)])
keep_token_in_url()
guarded(page.run, lang)
