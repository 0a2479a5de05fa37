"""The capability × people map: tools against the mean of culture and employee experience, the
zones of the "Leading Digital" quadrant, the warning zone, one dot per point."""

import pytest

from assessment.questionnaire import parse_questionnaire
from assessment.reading.people_map import MapPoint, map_point, people_map, result_point
from assessment.scoring import score
from tests.paths import FIXTURES
from tests.samples import ORGANISATIONS, QUESTIONNAIRE


@pytest.mark.parametrize(
    ("name", "where"),
    [("tools_heavy", (100, 0)), ("balanced", (50, 50)), ("stalled", (25, 25)), ("both", (100, 0))],
)
def test_the_organisation_is_placed_by_its_tools_and_its_people(name, where):
    point = result_point(QUESTIONNAIRE, score(QUESTIONNAIRE, ORGANISATIONS[name]), "en")
    assert (point.capability, point.people) == where


def test_the_map_has_its_four_zones_its_warning_zone_and_its_dots():
    point = result_point(QUESTIONNAIRE, score(QUESTIONNAIRE, ORGANISATIONS["tools_heavy"]), "fr")
    groups = [MapPoint("Direction", 80, 60), MapPoint("Équipes", 70, 20)]
    figure = people_map(QUESTIONNAIRE, [point, *groups], "fr")
    names = {s.name for s in figure.layout.shapes}
    assert {"zone_beginners", "zone_fashionistas", "zone_conservatives", "zone_masters"} <= names
    assert "warning_zone" in names
    labels = " ".join(a.text for a in figure.layout.annotations)
    assert "Maîtres du numérique" in labels and "Les outils avant les personnes" in labels
    assert [(t.x[0], t.y[0]) for t in figure.data] == [(100, 0), (80, 60), (70, 20)]
    assert figure.layout.xaxis.title.text.startswith("Capacités déployées<br>(Outils")
    assert figure.layout.showlegend


def test_a_point_needs_both_axes():
    scores = {"tools": 80.0, "culture": None, "employee_experience": None}
    assert map_point(QUESTIONNAIRE, scores, "x") is None
    scores["culture"] = 40.0
    assert map_point(QUESTIONNAIRE, scores, "x") == MapPoint("x", 80.0, 40.0)


def test_a_questionnaire_without_a_diagnosis_between_dimensions_has_no_map(minimal):
    assert map_point(minimal, {"culture": 50.0, "cx": 50.0}, "x") is None
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    none = parse_questionnaire(text.replace("themes:\n", "diagnoses: []\nthemes:\n", 1))
    assert map_point(none, {"culture": 50.0, "cx": 50.0}, "x") is None
