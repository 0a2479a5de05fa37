"""Time of a results page run with 10,000 peers in the pool, against a bare page with as many
charts.

Ours: the results page of a fully answered assessment (headline, download buttons, radar,
dimension bars, symmetry quadrant, strongest and weakest points, the written reading, and the
peer summary placing it among 10,000 opted-in assessments), run again as a browser's rerun does,
the pool already loaded (it is cached for a minute, and its first load is timed by
benchmark_percentiles). Baseline: a bare page in the same frame as ours (see answer_rerun) with
the same two plotly charts' kind and size, drawn from fixed numbers: what Streamlit and plotly
cost for the charts alone. Timed in interleaved pairs (bench/measure.py). Target: at most 3×.
"""

from __future__ import annotations

import logging
import os
import random
import tempfile
from pathlib import Path

from streamlit.testing.v1 import AppTest

from assessment.profile import Profile
from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire
from assessment.services import set_opt_in
from bench.answer_rerun import bare_app
from bench.benchmark_percentiles import POOL_SIZE, store_pool
from bench.measure import Figure, cli, interleaved, share_script_cache

ROOT = Path(__file__).resolve().parent.parent
PAIRS = 25
TARGET = 3

BARE_PAGE = """
import plotly.graph_objects as go
import streamlit as st
names = ["Culture", "Customer symmetry", "Employee experience", "Tools"]
radar = go.Figure(go.Scatterpolar(r=[60, 45, 70, 55, 60], theta=names + names[:1], fill="toself"))
radar.update_layout(polar={{"radialaxis": {{"range": [0, 100]}}}}, height=420)
st.plotly_chart(radar, key="radar", theme=None)
for n in range({maps}):  # the ambition/capability map, and the capability × people map
    chart = go.Figure(go.Scatter(x=[55], y=[62], mode="markers+text", text=["you"]))
    chart.update_layout(xaxis={{"range": [0, 100]}}, yaxis={{"range": [0, 100]}}, height=420)
    st.plotly_chart(chart, key=f"map{{n}}", theme=None)
"""


def results_app(folder: Path) -> AppTest:
    questionnaire = load_questionnaire(DEFAULT_QUESTIONNAIRE)
    store = store_pool(folder, questionnaire, random.Random(20261201))
    profile = Profile(
        organisation="Bench", sector="J", size_class="50-249", country="FR", role="it"
    )
    token, record = store.create_assessment(questionnaire, profile, "fr")
    rng = random.Random(7)
    for _, question in questionnaire.questions():
        store.save_answer(record.id, question.id, rng.randint(1, 5))
    set_opt_in(store, record.id, True)
    os.environ["DATABASE_URL"] = str(store.engine.url)
    store.dispose()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["a"] = token
    at.run().switch_page("app_pages/results.py").run()  # loads and scores the pool once
    assert not at.exception, at.exception
    peers = at.markdown
    assert any("percentile" in m.value or "centile" in m.value for m in peers), "no peer summary"
    return at


def bare_charts(folder: Path, charts: int) -> AppTest:
    """The same number of charts as our page: a radar, then maps."""
    return bare_app(folder, BARE_PAGE.format(maps=charts - 1))


def rerun(at: AppTest):
    def again() -> None:
        at.run()
        assert not at.exception, at.exception

    return again


def figures() -> list[Figure]:
    # Outside a running server st.cache_data says it falls back to memory: expected here.
    logging.getLogger("streamlit.runtime.caching.cache_data_api").setLevel(logging.ERROR)
    share_script_cache()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        ours = results_app(folder)
        charts = len(ours.get("plotly_chart"))
        bare = bare_charts(folder, charts)
        assert len(bare.get("plotly_chart")) == charts
        pairs = interleaved(rerun(ours), rerun(bare), PAIRS)
    print(f"results page with {POOL_SIZE:,} peers, {charts} charts, {PAIRS} interleaved pairs")
    return [
        pairs.figure(
            "results page, 10,000 peers",
            f"bare page, {charts} charts",
            target=TARGET,
            note="charts, reading, peer summary",
        )
    ]


if __name__ == "__main__":
    cli(figures)
