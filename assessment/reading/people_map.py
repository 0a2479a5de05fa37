"""The capability × people map: what the organisation has deployed (x) against how it leads and
involves its people (y), after the quadrant of the "Leading Digital" research (Westerman, Bonnet,
McAfee; Capgemini Consulting and MIT Center for Digital Business, 2011–2014). Its axes are the
two hands of the questionnaire's first diagnosis between dimensions (tools against culture and
employee experience in the default questionnaire); the warning zone is where it is raised."""

from __future__ import annotations

from typing import NamedTuple

import plotly.graph_objects as go

from assessment import formatting as fmt
from assessment.i18n import say
from assessment.models import Diagnosis, DiagnosisCompare, Language, Questionnaire
from assessment.reading.chart_style import INK, NAVY, STALL
from assessment.reading.interpretation import compared
from assessment.reading.quadrant import _shape, map_key, map_layout, map_lines
from assessment.results import Result
from assessment.scoring import declared_diagnoses, diagnosis_threshold, weighted_mean

ZONES = ("beginners", "fashionistas", "conservatives", "masters")  # (x high?, y high?) order
ZONE_TINTS = {
    "beginners": "#f1f2f4",
    "fashionistas": "#fbeeec",
    "conservatives": "#edf2f8",
    "masters": "#ecf5ef",
}
GROUP_COLOURS = ("#2e7d6b", "#8a5a00", "#6a3d9a", "#3d6b99", "#99493d", "#4d6b2e")


class MapPoint(NamedTuple):
    label: str
    capability: float  # x: the diagnosis's `ahead` dimensions
    people: float  # y: its `behind` dimensions


def map_diagnosis(questionnaire: Questionnaire) -> Diagnosis | None:
    """The diagnosis whose two hands are the map's axes; None: the questionnaire has no map."""
    return next(
        (d for d in declared_diagnoses(questionnaire) if d.compare is DiagnosisCompare.dimensions),
        None,
    )


def map_point(
    questionnaire: Questionnaire, scores: dict[str, float | None], label: str
) -> MapPoint | None:
    """Where dimension scores place someone on the map; None when an axis has no score."""
    diagnosis = map_diagnosis(questionnaire)
    if diagnosis is None:
        return None

    def mean(ids: list[str]) -> float | None:
        pairs = [(scores.get(d), questionnaire.dimension(d).weight) for d in ids]
        return weighted_mean((s, w) for s, w in pairs if s is not None)

    x, y = mean(diagnosis.ahead), mean(diagnosis.behind)
    return None if x is None or y is None else MapPoint(label, x, y)


def result_point(questionnaire: Questionnaire, result: Result, lang: Language) -> MapPoint | None:
    scores = {d.id: d.score for d in result.dimensions}
    return map_point(questionnaire, scores, say("chart.organisation", lang))


def people_map(questionnaire: Questionnaire, points: list[MapPoint], lang: Language) -> go.Figure:
    """The four zones split at the questionnaire's midpoint, the warning zone (capability
    ahead of people by the diagnosis's threshold) and one dot per point; the first point is the
    organisation (or the room), the others its groups."""
    diagnosis = map_diagnosis(questionnaire)
    midpoint = questionnaire.symmetry.midpoint
    threshold = diagnosis_threshold(questionnaire, diagnosis)
    x_title, y_title = compared(questionnaire, diagnosis, lang)
    shapes = [_zone(zone, midpoint) for zone in ZONES]
    # capability - people >= threshold: below the line y = x - threshold
    shapes += map_lines(
        midpoint, f"M {threshold},0 L 100,{100 - threshold} L 100,0 Z", "warning_zone"
    )
    figure = go.Figure()
    for number, point in enumerate(points):
        figure.add_trace(_dot(point, number, threshold, lang))
    map_layout(
        figure,
        shapes,
        [_zone_label(zone, midpoint, lang) for zone in ZONES] + [_key(diagnosis, threshold, lang)],
        say("diagnoses.map_capability_axis", lang, dimensions=x_title),
        say("diagnoses.map_people_axis", lang, dimensions=y_title),
        showlegend=len(points) > 1,
        legend=dict(orientation="h", y=-0.2),
    )
    return figure


def _bounds(zone: str, midpoint: float) -> tuple[float, float, float, float]:
    x_high = zone in ("fashionistas", "masters")
    y_high = zone in ("conservatives", "masters")
    x0, x1 = (midpoint, 100) if x_high else (0, midpoint)
    y0, y1 = (midpoint, 100) if y_high else (0, midpoint)
    return x0, y0, x1, y1


def _zone(zone: str, midpoint: float) -> dict:
    return _shape(
        "rect",
        _bounds(zone, midpoint),
        fillcolor=ZONE_TINTS[zone],
        line=dict(width=0),
        name=f"zone_{zone}",
    )


def _zone_label(zone: str, midpoint: float, lang: Language) -> dict:
    x0, _, _, y1 = _bounds(zone, midpoint)
    return dict(
        x=x0 + 2,
        y=y1 - 2,
        xref="x",
        yref="y",
        text=f"<b>{say('diagnoses.map_zone_' + zone, lang)}</b>",
        showarrow=False,
        xanchor="left",
        yanchor="top",
        font=dict(size=10.5, color=INK),
        name=f"zone_label_{zone}",
    )


def _key(diagnosis: Diagnosis, threshold: float, lang: Language) -> dict:
    values = {"title": diagnosis.title(lang), "threshold": fmt.points(threshold, lang)}
    return map_key(say("diagnoses.map_key", lang, **values), say("diagnoses.map_balanced", lang))


def _dot(point: MapPoint, number: int, threshold: float, lang: Language) -> go.Scatter:
    raised = round(point.capability - point.people, 6) >= threshold
    first = number == 0
    colour = (STALL if raised else NAVY) if first else GROUP_COLOURS[(number - 1) % 6]
    colon = say("core.colon", lang)
    hover = "<br>".join(
        [f"<b>{point.label}</b>"]
        + [
            f"{say('diagnoses.map_hover_' + axis, lang)}{colon}{fmt.score(value, lang)}"
            for axis, value in (("capability", point.capability), ("people", point.people))
        ]
    )
    return go.Scatter(
        uid=f"point_{number}",
        name=point.label,
        x=[point.capability],
        y=[point.people],
        mode="markers+text" if first else "markers",
        text=[point.label] if first else None,
        textposition="middle right" if point.capability <= 55 else "middle left",
        textfont=dict(size=11, color=colour),
        marker=dict(
            size=16 if first else 12,
            color=colour,
            symbol="circle" if first else "diamond",
            line=dict(color="white", width=2),
        ),
        hovertext=[hover],
        hovertemplate="%{hovertext}<extra></extra>",
        cliponaxis=False,
    )
