"""Time of one rerun after an answer click on the questionnaire page, against a bare page.

The bare page has the same widgets (a radio with captions per question, a comment box in an
expander, a progress bar, the step picker and two buttons) and no logic: no store, no
scoring. It sits in the same frame as ours (a router with the sidebar language switch and
st.navigation over four pages), so the ratio isolates what our page adds: reading the
assessment, its answers and comments from the store, saving the click, building the labels.
Both are driven the same way through AppTest, one click on each in turn (interleaved pairs,
see bench/measure.py). Target: median of the pair ratios at most 1.3×, their p90 at most 1.5×.
"""

from __future__ import annotations

import os
import statistics
import tempfile
from pathlib import Path

from streamlit.testing.v1 import AppTest

from assessment.profile import Profile
from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire
from assessment.store import Store
from bench.measure import Figure, cli, interleaved, share_script_cache

ROOT = Path(__file__).resolve().parent.parent
PAIRS = 20
REPEAT = 4  # clicks per half: a half of ~60 ms, less at the mercy of one scheduling slice
TARGET = 1.3
P90_TARGET = 1.5

BARE_ROUTER = """
import streamlit as st
st.set_page_config(page_title="Bare", page_icon=":material/flight_takeoff:", layout="wide")
st.sidebar.segmented_control("Language", ["fr", "en"], key="lang", default="fr", required=True)
st.html('<style>[data-testid="InputInstructions"] { display: none; }</style>')
pages = [st.Page("bare.py", title="Bare", icon=":material/home:", default=True)] + [
    st.Page(f"other{i}.py", title=f"Other {i}", icon=":material/home:") for i in range(7)
]
st.navigation(pages).run()
"""

# Per question: (help captions, reference captions), as the first step of the questionnaire has.
BARE_PAGE = """
import streamlit as st
shape = {shape}
st.title("Bare")
st.progress(0.5, text="half")
st.segmented_control("steps", range(4), default=0, key="steps", required=True)
st.header("1. step")
st.write("what the step is about")
for i, (helps, references) in enumerate(shape):
    with st.container(border=True, key=f"card{{i}}"):
        st.markdown(f"**{{i}}.** question")
        for _ in range(helps):
            st.caption("why it matters")
        st.radio("answer", [1, 2, 3, 4, 5, "dk"], index=None, key=f"q{{i}}",
                 captions=["anchor text"] * 5 + [""], label_visibility="collapsed")
        for _ in range(references):
            st.caption("a reference point")
        with st.expander("comment"):
            st.text_area("comment", key=f"c{{i}}", label_visibility="collapsed")
st.info("still to answer")
back, _, forward = st.columns([1, 2, 1])
back.button("back"); forward.button("next")
"""


def clicker(at: AppTest, radio_keys: list[str]):
    """One answer click and the rerun it triggers, on the next question each time, always
    choosing another level than the one shown (so that our page saves every click, as in a
    browser, where clicking the level already chosen does nothing)."""
    state = {"round": 0}

    def click() -> None:
        round_ = state["round"]
        state["round"] += 1
        lap, question = divmod(round_, len(radio_keys))
        at.radio(key=radio_keys[question]).set_value([1, 2, 3, 4, 5][(lap + question) % 5])
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


def bare_page(shape: list[tuple[int, int]], folder: Path) -> AppTest:
    (folder / "router.py").write_text(BARE_ROUTER)
    (folder / "bare.py").write_text(BARE_PAGE.format(shape=shape))
    for i in range(7):
        (folder / f"other{i}.py").write_text("import streamlit as st\nst.write('other')\n")
    return AppTest.from_file(str(folder / "router.py"), default_timeout=60).run()


def figures() -> list[Figure]:
    questionnaire = load_questionnaire(DEFAULT_QUESTIONNAIRE)
    per_step = len(questionnaire.ordered_dimensions()[0].questions)
    share_script_cache()
    with tempfile.TemporaryDirectory() as folder:
        at, keys, store, token = app_page(Path(folder) / "bench.db")
        first_step = questionnaire.ordered_dimensions()[0].ordered_questions()
        shape = [(1 if q.help else 0, len(q.references)) for q in first_step]
        bare = bare_page(shape, Path(folder))
        pairs = interleaved(clicker(at, keys), clicker(bare, [f"q{i}" for i in range(per_step)]),
                            pairs=PAIRS, warmup=3, repeat=REPEAT)  # fmt: skip
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
