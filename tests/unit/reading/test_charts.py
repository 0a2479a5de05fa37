"""The radar and the ambition/capability map: what they show, in the reader's language."""

import json

import plotly.graph_objects as go
import pytest

from assessment.i18n import say
from assessment.questionnaire import load_questionnaire
from assessment.reading import quadrant_chart, radar_chart
from assessment.results import Quadrant
from assessment.scoring import score
from tests.paths import ROOT

STALL_ANSWERS = {"share": 5, "sponsor": 3, "ambition": 5, "equipped": 2}  # 100 vs 43.75


@pytest.fixture(scope="module")
def transformation():
    return load_questionnaire(ROOT / "questionnaires" / "transformation.yaml")


def trace(figure, uid):
    return next(data for data in figure.data if data.uid == uid)


def letters(label):
    """An axis label without its line breaks, spaces and "no answer" note, for comparison."""
    return "".join(label.split("<br><i>")[0].replace("<br>", "").split())


def annotation_texts(figure):
    """Annotation texts without bold tags, line breaks shown as spaces."""
    return [
        a.text.replace("<b>", "").replace("</b>", "").replace("<br>", " ")
        for a in figure.layout.annotations
    ]


def culture_only(questionnaire):
    dimension = questionnaire.dimension("culture")
    return {question.id: 4 for question in dimension.questions}


# --- radar --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_radar_has_one_axis_per_dimension_in_order_titled_in_the_language(transformation, lang):
    figure = radar_chart(transformation, score(transformation, culture_only(transformation)), lang)
    titles = [d.title(lang) for d in transformation.ordered_dimensions()]
    labels = trace(figure, "scores").theta
    assert [letters(label) for label in labels] == [letters(title) for title in titles]
    assert all(line.strip() for label in labels for line in label.split("<br>"))


def test_the_radar_plots_the_scores_and_puts_unanswered_dimensions_at_zero(transformation):
    result = score(transformation, culture_only(transformation))
    figure = radar_chart(transformation, result, "en")
    expected = [d.score if d.score is not None else 0 for d in result.dimensions]
    assert list(trace(figure, "scores").r) == expected == [75, 0, 0, 0]


def test_an_unanswered_dimension_says_no_answer_on_its_axis_and_in_its_hover(transformation):
    result = score(transformation, culture_only(transformation))
    for lang, words in (("en", "no answer"), ("fr", "sans réponse")):
        scores = trace(radar_chart(transformation, result, lang), "scores")
        assert [words in label for label in scores.theta] == [False, True, True, True]
        assert [words in hover for hover in scores.text] == [False, True, True, True]


def test_the_radar_hover_gives_the_score_and_how_many_questions_were_answered(minimal):
    result = score(minimal, {"share": 5, "sponsor": 3, "ambition": 5})
    english = trace(radar_chart(minimal, result, "en"), "scores").text
    assert english[0] == "<b>Culture</b><br>63 / 100 · 2/2 answered"
    assert english[1] == "<b>Symmetry</b><br>100 / 100 · 1/2 answered"
    french = trace(radar_chart(minimal, result, "fr"), "scores").text
    assert french[1] == "<b>Symétrie</b><br>100\u00a0/\u00a0100 · 1/2 répondues"


def test_the_radar_scale_is_fixed_from_0_to_100(transformation):
    figure = radar_chart(transformation, score(transformation, {}), "en")
    assert list(figure.layout.polar.radialaxis.range) == [0, 100]


def test_the_radar_outline_is_closed(transformation):
    answers = {question.id: 3 for _, question in transformation.questions()}
    outline = trace(radar_chart(transformation, score(transformation, answers), "en"), "outline")
    assert outline.r[0] == outline.r[-1] and outline.theta[0] == outline.theta[-1]
    assert outline.fill == "toself"


# --- ambition / capability map ------------------------------------------------------------


def test_the_marker_sits_at_internal_capability_and_customer_ambition(minimal):
    result = score(minimal, STALL_ANSWERS)
    marker = trace(quadrant_chart(minimal, result, "en"), "organisation")
    assert (marker.x[0], marker.y[0]) == pytest.approx((43.75, 100))


def test_the_marker_hover_gives_both_scores_and_the_signed_index(minimal):
    result = score(minimal, STALL_ANSWERS)
    hover = trace(quadrant_chart(minimal, result, "en"), "organisation").hovertext[0]
    assert "Internal capability: 44 / 100" in hover
    assert "Customer ambition: 100 / 100" in hover
    assert "Symmetry index: +56 points" in hover
    assert "Stall warning" in hover


def test_the_stall_zone_is_drawn_above_the_diagonal_at_the_threshold(minimal):
    figure = quadrant_chart(minimal, score(minimal, STALL_ANSWERS), "en")
    shapes = {shape.name: shape for shape in figure.layout.shapes if shape.name}
    assert shapes["stall_zone"].path == "M 0,15.0 L 85.0,100 L 0,100 Z"
    balanced = shapes["balanced"]
    assert (balanced.x0, balanced.y0, balanced.x1, balanced.y1) == (0, 0, 100, 100)
    assert any(
        "Stall zone: ambition ≥ capability + 15 points" in a for a in annotation_texts(figure)
    )


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_four_quadrants_are_labelled_in_the_language(minimal, lang):
    texts = annotation_texts(quadrant_chart(minimal, score(minimal, STALL_ANSWERS), lang))
    for quadrant in Quadrant:
        assert say(f"core.quadrant_{quadrant.value}", lang) in texts


def test_the_quadrants_split_at_the_questionnaire_midpoint(minimal):
    shifted = minimal.model_copy(
        update={"symmetry": minimal.symmetry.model_copy(update={"midpoint": 60})}
    )
    figure = quadrant_chart(shifted, score(shifted, STALL_ANSWERS), "en")
    airborne = next(s for s in figure.layout.shapes if s.name == "zone_airborne")
    assert (airborne.x0, airborne.x1, airborne.y0, airborne.y1) == (60, 100, 60, 100)


@pytest.mark.parametrize(
    ("lang", "x_title", "y_title"),
    [
        ("en", "Internal capability (employees)", "Customer ambition"),
        ("fr", "Capacité interne (collaborateurs)", "Ambition client"),
    ],
)
def test_the_map_axes_are_titled_in_the_language(minimal, lang, x_title, y_title):
    figure = quadrant_chart(minimal, score(minimal, STALL_ANSWERS), lang)
    assert figure.layout.xaxis.title.text == x_title
    assert figure.layout.yaxis.title.text == y_title
    assert list(figure.layout.xaxis.range) == list(figure.layout.yaxis.range) == [0, 100]


def test_without_answers_on_one_side_the_map_has_no_marker_and_says_why(minimal):
    result = score(minimal, {"share": 4, "sponsor": 2})  # internal side only
    assert result.symmetry.index is None
    english = quadrant_chart(minimal, result, "en")
    assert len(english.data) == 0
    assert any(
        "needs answers on both sides" in text and "customer" in text
        for text in annotation_texts(english)
    )
    french = quadrant_chart(minimal, result, "fr")
    assert any("côté client" in text for text in annotation_texts(french))


def test_a_quadrant_name_moves_out_from_under_the_marker(minimal):
    result = score(minimal, {"share": 1, "sponsor": 1, "ambition": 5, "equipped": 1})  # (0, 100)
    figure = quadrant_chart(minimal, result, "en")
    label = next(a for a in figure.layout.annotations if a.name == "quadrant_stall_risk")
    assert label.y < 60  # moved from the top-left corner, where the marker is


# --- both figures -------------------------------------------------------------------------


@pytest.mark.parametrize("chart", [radar_chart, quadrant_chart])
def test_figures_fit_any_width_and_load_nothing_from_the_web(minimal, chart):
    figure = chart(minimal, score(minimal, STALL_ANSWERS), "fr")
    assert isinstance(figure, go.Figure)
    assert figure.layout.width is None
    assert 380 <= figure.layout.height <= 460
    assert not figure.layout.title.text
    serialised = json.dumps(figure.to_plotly_json(), default=str)
    assert "mapbox" not in serialised and "http" not in serialised


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_long_dimension_titles_are_wrapped_into_short_lines_for_a_phone(transformation, lang):
    figure = radar_chart(transformation, score(transformation, {}), lang)
    for label in trace(figure, "scores").theta:
        for line in label.split("<br><i>")[0].split("<br>"):
            assert len(line) <= 12 or " " not in line, line
