"""Time of one rerun after an answer click on the questionnaire page, against a bare page.

The bare page has the same widgets (a radio with captions per question, a comment box in an
expander, a progress bar, the step picker and two buttons) and no logic: no store, no
scoring. It sits in the same frame as ours (a router with the sidebar language switch and
st.navigation over four pages), so the ratio isolates what our page adds: reading the
assessment, its answers and comments from the store, saving the click, building the labels.
Both are driven the same way through AppTest. Target: at most 1.5×.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from assessment.profile import Profile
from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire
from assessment.store import Store

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 40
TARGET = 1.5

BARE_ROUTER = """
import streamlit as st
st.set_page_config(layout="wide")
st.sidebar.segmented_control("Language", ["fr", "en"], key="lang", default="fr", required=True)
pages = [st.Page("bare.py", default=True)] + [st.Page(f"other{i}.py") for i in range(3)]
st.navigation(pages).run()
"""

BARE_PAGE = """
import streamlit as st
n = {questions}
st.title("Bare")
st.progress(0.5, text="half")
st.segmented_control("steps", range(4), default=0, key="steps", required=True)
for i in range(n):
    with st.container(border=True):
        st.markdown(f"**{{i}}.** question")
        st.radio("answer", [1, 2, 3, 4, 5, "dk"], index=None, key=f"q{{i}}",
                 captions=["anchor text"] * 6, label_visibility="collapsed")
        with st.expander("comment"):
            st.text_area("comment", key=f"c{{i}}", label_visibility="collapsed")
st.button("back"); st.button("next")
"""


def timed_clicks(at: AppTest, radio_keys: list[str]) -> list[float]:
    times = []
    for round_ in range(ROUNDS):
        key = radio_keys[round_ % len(radio_keys)]
        radio = at.radio(key=key)
        radio.set_value([1, 2, 3, 4, 5][round_ % 5])
        started = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - started)
        assert not at.exception, at.exception
    return times


def measure_app(database: Path) -> tuple[list[float], int]:
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
    keys = [f"answer.{q.id}.fr" for q in first_step]
    times = timed_clicks(at, keys)
    saved = len(store.answers(store.find(token).id))
    store.dispose()
    return times, saved


def measure_bare(questions: int, folder: Path) -> list[float]:
    (folder / "router.py").write_text(BARE_ROUTER)
    (folder / "bare.py").write_text(BARE_PAGE.format(questions=questions))
    for i in range(3):
        (folder / f"other{i}.py").write_text("import streamlit as st\nst.write('other')\n")
    at = AppTest.from_file(str(folder / "router.py"), default_timeout=60).run()
    keys = [f"q{i}" for i in range(questions)]
    return timed_clicks(at, keys)


def main() -> None:
    questionnaire = load_questionnaire(DEFAULT_QUESTIONNAIRE)
    per_step = len(questionnaire.ordered_dimensions()[0].questions)
    with tempfile.TemporaryDirectory() as folder:
        app_times, saved = measure_app(Path(folder) / "bench.db")
        bare_times = measure_bare(per_step, Path(folder))
    app_ms = statistics.median(app_times) * 1000
    bare_ms = statistics.median(bare_times) * 1000
    ratio = app_ms / bare_ms
    print(f"answer click → rerun, {ROUNDS} rounds, {per_step} questions on the page")
    print(f"  questionnaire page: median {app_ms:6.1f} ms (p90 {_p90(app_times):6.1f} ms)")
    print(f"  bare page:          median {bare_ms:6.1f} ms (p90 {_p90(bare_times):6.1f} ms)")
    print(f"  ratio {ratio:.2f}× (target ≤ {TARGET}×) {'OK' if ratio <= TARGET else 'OVER TARGET'}")
    print(f"  answers saved during the run: {saved}/{per_step}")


def _p90(times: list[float]) -> float:
    return statistics.quantiles(times, n=10)[-1] * 1000


if __name__ == "__main__":
    main()
