"""The results page shows each diagnosis on organisations built for it, in both languages:
the warning, the research behind it, the capability × people map, and no strength that is what
a warning is made of."""

import pytest

from tests.app.conftest import QUESTIONNAIRE, open_app, start_assessment
from tests.samples import ORGANISATIONS

TOOLS_WARNING = {"en": "Tools ahead of people: ", "fr": "Les outils avant les personnes : "}
STALL_WARNING = {"en": "Customer ambition leads internal capability", "fr": "L’ambition client"}


def results(store, name: str, lang: str):
    at, token = start_assessment("Acme", lang)
    record = store.find(token)
    for question_id, level in ORGANISATIONS[name].items():
        store.save_answer(record.id, question_id, level)
    at = open_app(token, lang)
    at.switch_page("app_pages/results.py").run()
    assert not at.exception, at.exception
    return at


def errors(at) -> str:
    return "\n".join(e.value for e in at.error).replace("\u00a0", " ").replace("\u202f", " ")


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize(
    ("name", "tools", "stall"),
    [
        ("tools_heavy", True, False),
        ("stalled", False, True),
        ("balanced", False, False),
        ("both", True, True),
    ],
)
def test_each_warning_shows_on_the_results_page(store, lang, name, tools, stall):
    at = results(store, name, lang)
    shown = errors(at)
    assert (TOOLS_WARNING[lang] in shown) == tools
    assert (STALL_WARNING[lang] in shown) == stall
    # the map is drawn with the organisation on it
    assert any(chart.proto.spec and "people_map" in chart.key for chart in at.get("plotly_chart"))


def test_the_research_behind_the_stall_and_the_map_is_shown_with_its_sources(store):
    at = results(store, "stalled", "en")
    labels = [e.label for e in at.expander]
    assert "What the research says: employees, customers and results" in labels
    assert "What the research says: capability and leadership" in labels
    text = "\n".join(m.value for m in at.markdown)
    assert "Rucci, Kirn and Quinn" in text and "1998" in text
    assert "second-hand figure" in text  # Sears' figures were only read second-hand


@pytest.mark.parametrize("name", ["stalled", "both", "tools_heavy"])
def test_no_strength_listed_is_what_a_raised_warning_is_made_of(store, name):
    at = results(store, name, "en")
    # what is left is below the middle of the scale: footholds, as the reading says
    assert any(m.value == "**First footholds**" for m in at.markdown)
    listed = [m.value for m in at.markdown if m.value.startswith("- **")][:3]
    banned = {
        "stalled": [q for d, q in QUESTIONNAIRE.questions() if d.side_of(q) == "customer"],
        "both": [q for d, q in QUESTIONNAIRE.questions() if d.side_of(q) == "customer"]
        + QUESTIONNAIRE.dimension("tools").questions,
        "tools_heavy": QUESTIONNAIRE.dimension("tools").questions,
    }[name]
    assert listed
    assert not any(q.text.en in item for item in listed for q in banned)


def test_strengths_above_the_middle_of_the_scale_keep_their_name(store):
    at = results(store, "balanced", "en")
    assert any(m.value == "**Strongest points**" for m in at.markdown)
