"""Time of one rerun after an answer click on the questionnaire page, against a bare page.

The bare page has the same widgets showing the same words (a radio with captions per question,
a comment box in an expander, a progress bar, the step picker, the button to the next step)
and no logic: no store, no scoring, every text a literal. It sits in the same frame as ours (a
router with the sidebar language switch and st.navigation over as many pages), so the ratio
isolates what our page adds: reading the assessment, its answers and comments from the store,
saving the click, building the labels.
Both are driven the same way through AppTest, one click on each in turn (interleaved pairs,
see bench/measure.py). Target: median of the pair ratios at most 1.3×, their p90 at most 1.5×.
"""

from __future__ import annotations

import os
import statistics
import tempfile
from pathlib import Path

from streamlit.testing.v1 import AppTest

from assessment import formatting as fmt
from assessment.i18n import say
from assessment.models import LANGUAGES, Language, Question, Questionnaire
from assessment.profile import Profile
from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, dont_know_text, load_questionnaire
from assessment.store import Store
from bench.measure import Figure, cli, interleaved, share_script_cache
from ui.routes import ROUTES

ROOT = Path(__file__).resolve().parent.parent
PAIRS = 25
REPEAT = 8  # clicks per side and pair, alternating one by one (see bench/measure.py)
TARGET = 1.3
P90_TARGET = 1.5

BARE_ROUTER = """
import streamlit as st
st.set_page_config(page_title="Bare", page_icon=":material/flight_takeoff:", layout="wide")
languages = {languages!r}
st.sidebar.segmented_control("Langue · Language", languages, key="lang", default=languages[0],
                             required=True)
st.html('<style>[data-testid="InputInstructions"] {{ display: none; }}</style>')
pages = [st.Page("bare.py", title="Bare", icon=":material/home:", default=True)] + [
    st.Page(f"other{{i}}.py", title=f"Other {{i}}", icon=":material/home:", url_path=f"other{{i}}")
    for i in range({other_pages})
]
st.navigation(pages).run()
"""

# Our page's first step as it reads, laid out with no logic: every text is a literal.
BARE_PAGE = """
import streamlit as st
words = {words!r}
st.title(words["title"])
st.progress(0.5, text=words["progress"])
st.segmented_control("steps", words["steps"], default=words["steps"][0], key="steps",
                     required=True, label_visibility="collapsed")
st.header(words["header"])
st.write(words["description"])
for i, question in enumerate(words["questions"]):
    with st.container(border=True, key=f"card{{i}}"):
        st.markdown(question["text"])
        if question["help"]:
            st.caption(question["help"])
        st.radio("answer", question["options"], index=None, key=f"q{{i}}",
                 captions=question["captions"], label_visibility="collapsed")
        for reference in question["references"]:
            st.caption(reference)
        with st.expander(words["comment"]):
            st.text_area("comment", key=f"c{{i}}", label_visibility="collapsed",
                         placeholder=words["placeholder"])
st.info(words["unanswered"])
back, _, forward = st.columns([1, 2, 1])
forward.button(words["next"], type="primary", width="stretch")
"""


def first_step_words(questionnaire: Questionnaire, lang: Language) -> dict:
    """The words our questionnaire page shows on its first step, unanswered. The bare page
    shows the same ones, since the cost of showing them is the content's, not our logic's:
    longer messages to serialise and hash, and accented labels, which Streamlit's icon
    detection runs through its emoji pattern."""
    dimensions = questionnaire.ordered_dimensions()
    first = dimensions[0]
    total = len(questionnaire.questions())

    def question_words(question: Question) -> dict:
        choices = questionnaire.choices(question)
        return {
            "text": f":gray[:material/radio_button_unchecked:] **{question.order}.** "
            + question.text(lang),
            "help": question.help(lang) if question.help else "",
            "options": [f"{c.value} · {c.label(lang)}" for c in choices]
            + [dont_know_text(questionnaire, lang)],
            "captions": [c.description(lang) if c.description else "" for c in choices] + [""],
            "references": [
                f":material/push_pin: {r.statement(lang)} ({r.source}, {r.year}) · "
                + say("app.reference_point_note", lang)
                for r in map(questionnaire.reference, question.references)
            ],
        }

    orders = ", ".join(str(q.order) for q in first.ordered_questions())
    return {
        "title": "Bench",
        "progress": fmt.answered(0, total, lang),
        "steps": [f"{d.title(lang)} (0/{len(d.questions)})" for d in dimensions],
        "header": f"1. {first.title(lang)}",
        "description": first.description(lang),
        "questions": [question_words(q) for q in first.ordered_questions()],
        "comment": say("app.comment", lang),
        "placeholder": say("app.comment_placeholder", lang),
        "unanswered": say("app.still_unanswered", lang, questions=orders),
        "next": f"{say('app.next', lang)} →",
    }


def clicker(at: AppTest, radio_keys: list[str], levels: list[list]):
    """One answer click and the rerun it triggers, on the next question each time, always
    choosing another level than the one shown (so that our page saves every click, as in a
    browser, where clicking the level already chosen does nothing). ``levels[i]``: the values
    question i's radio takes for its levels."""
    state = {"round": 0}

    def click() -> None:
        round_ = state["round"]
        state["round"] += 1
        lap, question = divmod(round_, len(radio_keys))
        choices = levels[question]
        at.radio(key=radio_keys[question]).set_value(choices[(lap + question) % len(choices)])
        at.run()
        assert not at.exception, at.exception

    return click


def app_page(database: Path) -> tuple[AppTest, list[str], Store, str]:
    questionnaire = load_questionnaire(DEFAULT_QUESTIONNAIRE)
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    store = Store(os.environ["DATABASE_URL"])
    profile = Profile(
        organisation="Bench", sector="J", size_class="50-249", country="FR", role="it"
    )
    token, _ = store.create_assessment(questionnaire, profile, "fr")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["a"] = token
    at.run().switch_page("app_pages/answer.py").run()
    first_step = questionnaire.ordered_dimensions()[0].ordered_questions()
    return at, [f"answer.{q.id}.fr" for q in first_step], store, token


def bare_frame(folder: Path, page: str) -> Path:
    """A bare page in a frame like ours: the sidebar's language switch (our languages, named
    in themselves) and as many pages to navigate as we have. Shared by the page benchmarks;
    the router's path."""
    languages = [say("language.name", lang) for lang in LANGUAGES]
    other_pages = len(ROUTES) - 1
    (folder / "router.py").write_text(
        BARE_ROUTER.format(languages=languages, other_pages=other_pages)
    )
    (folder / "bare.py").write_text(page)
    for i in range(other_pages):
        (folder / f"other{i}.py").write_text("import streamlit as st\nst.write('other')\n")
    return folder / "router.py"


def bare_app(folder: Path, page: str) -> AppTest:
    return AppTest.from_file(str(bare_frame(folder, page)), default_timeout=60).run()


def figures() -> list[Figure]:
    questionnaire = load_questionnaire(DEFAULT_QUESTIONNAIRE)
    first_step = questionnaire.ordered_dimensions()[0].ordered_questions()
    per_step = len(first_step)
    share_script_cache()
    with tempfile.TemporaryDirectory() as folder:
        at, keys, store, token = app_page(Path(folder) / "bench.db")
        words = first_step_words(questionnaire, "fr")
        bare = bare_app(Path(folder), BARE_PAGE.format(words=words))
        levels = [[c.value for c in questionnaire.choices(q)] for q in first_step]
        bare_levels = [q["options"][:-1] for q in words["questions"]]  # without don't know
        ours = clicker(at, keys, levels)
        baseline = clicker(bare, [f"q{i}" for i in range(per_step)], bare_levels)
        pairs = interleaved(ours, baseline, pairs=PAIRS, warmup=3, repeat=REPEAT)
        saved = len(store.answers(store.find(token).id))
        store.dispose()
    print(f"answer click → rerun, {PAIRS} pairs of {REPEAT} clicks, {per_step} questions")
    print(f"  questionnaire page: median {statistics.median(pairs.ours) * 1000:6.1f} ms CPU")
    print(f"  bare page:          median {statistics.median(pairs.baseline) * 1000:6.1f} ms CPU")
    print(f"  answers saved during the run: {saved}/{per_step}")
    return [
        pairs.figure(
            "answer click → rerun",
            "bare page, same widgets",
            target=TARGET,
            p90_target=P90_TARGET,
            note=f"{per_step} questions on the page; {saved}/{per_step} answers saved",
        )
    ]


if __name__ == "__main__":
    cli(figures)
