"""The room's result as plotly figures: radar with its spread, answer distributions, segments.

Pure functions of a :class:`~assessment.workshop.RoomAggregate`, in the palette and fonts of
:mod:`assessment.charts`; no fixed width (a projector and a 375 px phone both fit). Anything
the aggregate withholds (below the anonymity threshold) is drawn as withheld, never as 0.
"""

from __future__ import annotations

import plotly.graph_objects as go

from assessment import formatting as fmt
from assessment.i18n import say
from assessment.models import Language, Questionnaire
from assessment.reading import quadrant_chart
from assessment.reading.chart_style import (
    FONT,
    GRID,
    INK,
    MUTED,
    NAVY,
    NO_ANSWER,
    hover_points,
    radar_axes,
    wrap_label,
)
from assessment.reading.people_map import MapPoint, map_diagnosis, map_point, people_map
from assessment.workshop.consolidation import as_result
from assessment.workshop.room import RoomAggregate
from assessment.workshop.segments import Group, SegmentView

HEIGHT = 440
BAND_FILL = "rgba(31, 78, 121, 0.16)"
# Levels from light to dark (low to high maturity), "don't know" in neutral grey.
LEVEL_COLOURS = ["#d4dde8", "#a9bcd2", "#7596b8", "#3f6c99", "#1f4e79"]
DONT_KNOW_COLOUR = "#e5e7eb"
WITHHELD_FILL = "#eef0f3"
ROW_HEIGHT = 34
LINE_HEIGHT = 17
QUESTION_WRAP = 52  # characters a line of a question's text on a distribution row


def _layout(figure: go.Figure, **options) -> go.Figure:
    figure.update_layout(
        font=FONT,
        paper_bgcolor="white",
        plot_bgcolor="white",
        dragmode=False,
        hoverlabel=dict(bgcolor="white", bordercolor=NAVY, font=dict(color=INK)),
        **options,
    )
    return figure


# --- radar --------------------------------------------------------------------------------


def room_radar(questionnaire: Questionnaire, room: RoomAggregate, lang: Language) -> go.Figure:
    """The room's mean per dimension, inside a band of ± one standard deviation across the
    participants' own dimension scores. A withheld dimension sits at 0, greyed and labelled."""
    labels, means, lows, highs, hovers, colours = [], [], [], [], [], []
    for dimension in questionnaire.ordered_dimensions():
        spread = room.dimension(dimension.id) if room.visible else None
        title = dimension.title(lang)
        if spread is None or spread.mean is None:
            labels.append(wrap_label(title) + f"<br><i>({say('room_chart.withheld', lang)})</i>")
            means.append(0.0)
            lows.append(0.0)
            highs.append(0.0)
            hovers.append(
                f"<b>{title}</b><br>{say('room_chart.withheld_long', lang, k=room.threshold)}"
            )
            colours.append(NO_ANSWER)
            continue
        labels.append(wrap_label(title))
        means.append(spread.mean)
        lows.append(spread.low)
        highs.append(spread.high)
        detail = say(
            "room_chart.hover_dimension",
            lang,
            mean=fmt.number(spread.mean, lang),
            sd=fmt.number(spread.sd or 0, lang),
            n=spread.participants,
        )
        hovers.append(f"<b>{title}</b><br>{detail}")
        colours.append(NAVY)

    figure = go.Figure()
    # The band: out along the high values and back along the low ones, so that the filled
    # shape is the ring between them (the lines close the polygons that plotly leaves open).
    ring_r = highs + highs[:1] + lows[:1] + lows[::-1]
    ring_theta = labels + labels[:1] + labels[:1] + labels[::-1]
    figure.add_trace(
        go.Scatterpolar(
            uid="spread",
            name=say("room_chart.spread", lang),
            r=ring_r,
            theta=ring_theta,
            mode="lines",
            fill="toself",
            fillcolor=BAND_FILL,
            line=dict(color="rgba(31, 78, 121, 0.35)", width=1, dash="dot"),
            hoverinfo="skip",
        )
    )
    figure.add_trace(
        go.Scatterpolar(
            uid="mean",
            name=say("room_chart.mean", lang),
            r=means + means[:1],
            theta=labels + labels[:1],
            mode="lines",
            line=dict(color=NAVY, width=2.5),
            hoverinfo="skip",
        )
    )
    figure.add_trace(hover_points("points", means, labels, colours, hovers))
    return _layout(
        figure,
        height=HEIGHT,
        margin=dict(l=56, r=56, t=36, b=56),
        showlegend=True,
        legend=dict(orientation="h", yanchor="top", y=-0.04, xanchor="center", x=0.5),
        polar=radar_axes(len(labels)),
    )


def room_quadrant(questionnaire: Questionnaire, room: RoomAggregate, lang: Language) -> go.Figure:
    """The ambition/capability map of :mod:`assessment.charts`, with the room's means as its
    point, labelled "the room"."""
    figure = quadrant_chart(questionnaire, as_result(questionnaire, room), lang)
    ours, theirs = say("room_chart.room", lang), say("chart.organisation", lang)
    for trace in figure.data:
        if trace.uid == "organisation":
            trace.text = [ours]
            trace.hovertext = [text.replace(theirs, ours) for text in trace.hovertext]
    return figure


def room_map_points(
    questionnaire: Questionnaire, room: RoomAggregate, lang: Language
) -> list[MapPoint]:
    """The room, then one point per segment group whose cells on both axes of the capability
    × people map the anonymity threshold lets through (a hidden cell hides the group's dot)."""
    diagnosis = map_diagnosis(questionnaire)
    if diagnosis is None:
        return []
    axes = {*diagnosis.ahead, *diagnosis.behind}
    means = {d.id: d.mean for d in room.dimensions}
    points = [map_point(questionnaire, means, say("room_chart.room", lang))]
    for view in room.segments:
        for group in view.groups:
            shown = {key: cell.score for key, cell in group.cells.items() if cell.status == "shown"}
            if axes <= shown.keys():  # every cell of both axes let through, or no dot
                option = group.option or say("room_chart.not_stated", lang)
                label = say("diagnoses.map_group", lang, segment=view.segment, option=option)
                points.append(map_point(questionnaire, shown, label))
    return [p for p in points if p is not None]


def room_people_map(
    questionnaire: Questionnaire, room: RoomAggregate, lang: Language
) -> go.Figure | None:
    """The capability × people map with the room and its groups; None without a map."""
    if map_diagnosis(questionnaire) is None:
        return None
    return people_map(questionnaire, room_map_points(questionnaire, room, lang), lang)


# --- distributions --------------------------------------------------------------------------


def distribution_chart(
    questionnaire: Questionnaire,
    room: RoomAggregate,
    question_ids: list[str],
    lang: Language,
) -> go.Figure:
    """One row per question: the share of the room at each level (light = low, dark = high)
    and "don't know" in grey; the consensus at the end of the row. A question with fewer than
    the threshold's answers shows "waiting (n/k)" and no bars."""
    scale = questionnaire.scale
    rows, notes, muted, stats_by_row, titles = [], [], [], [], []
    for question_id in question_ids:
        question = questionnaire.question(question_id)
        text = question.text(lang)
        rows.append(wrap_label(f"{question.order}. {text}", QUESTION_WRAP))  # whole, never cut
        titles.append(f"<b>{question.order}.</b> {wrap_label(text, 60)}")
        stats = room.question(question_id) if room.visible else None
        stats_by_row.append(stats)
        muted.append(stats is None or stats.consensus is None)
        if stats is None:
            waiting = room.withheld.get(question_id, 0)
            notes.append(say("room_chart.waiting", lang, n=waiting, k=room.threshold))
        elif stats.consensus is None:
            notes.append(say("room_chart.spread_withheld", lang, k=room.dispersion_threshold))
        else:
            notes.append(say("room_chart.consensus", lang, c=fmt.percent(stats.consensus, lang)))

    figure = go.Figure()
    # Each question's own answers, by position, when it has options; else the scale's levels.
    own = {
        qid: {c.value: c.label(lang) for c in questionnaire.choices(questionnaire.question(qid))}
        for qid in question_ids
    }
    values = sorted({value for labels in own.values() for value in labels})
    shared = scale is not None and not any(questionnaire.question(q).options for q in question_ids)
    colours = _colours(len(values))
    for i, value in enumerate(values):
        words = {labels[value] for labels in own.values() if value in labels}
        # the scale's word, or the options' when every question words this answer alike
        label = (
            scale.level_of(value).label(lang)
            if shared
            else (words.pop() if len(words) == 1 else None)
        )
        shares, hovers = [], []
        for question_id, stats in zip(question_ids, stats_by_row, strict=True):
            count = stats.counts.get(value, 0) if stats else 0
            total = stats.responded if stats else 0
            shares.append(100 * count / total if total else 0)
            hovers.append(
                f"{value} · {label or own[question_id].get(value, '—')}: {count}"
                + (f" ({fmt.share(count, total, lang)})" if total else "")
            )
        name = f"{value} · {label}" if label else str(value)
        figure.add_trace(_bar(f"level_{value}", name, rows, shares, hovers, colours[i]))
    shares, hovers = [], []
    for stats in stats_by_row:
        total = stats.responded if stats else 0
        count = stats.dont_know if stats else 0
        shares.append(100 * count / total if total else 0)
        hovers.append(f"{titles[len(hovers)]}<br>{say('room_chart.dont_know', lang)}: {count}")
    dont_know = _bar(
        "dont_know", say("room_chart.dont_know", lang), rows, shares, hovers, DONT_KNOW_COLOUR
    )
    dont_know.marker.pattern = dict(shape="/", fgcolor="#9aa1ab", size=6, solidity=0.2)
    figure.add_trace(dont_know)
    annotations = [
        dict(
            x=1.0,
            y=row,
            xref="paper",
            yref="y",
            xanchor="left",
            xshift=6,
            text=note,
            showarrow=False,
            font=dict(size=11, color=MUTED if grey else INK),
        )
        for row, note, grey in zip(rows, notes, muted, strict=True)
    ]
    return _layout(
        figure,
        barmode="stack",
        height=110 + len(rows) * max(ROW_HEIGHT, 12 + LINE_HEIGHT * _lines(rows)),
        margin=dict(l=8, r=110, t=40, b=40),
        annotations=annotations,
        legend=dict(
            orientation="h", yanchor="bottom", y=1.0, x=0, traceorder="normal", font=dict(size=11)
        ),
        xaxis=dict(
            range=[0, 100],
            ticksuffix=" %",
            showgrid=True,
            gridcolor=GRID,
            fixedrange=True,
            title=dict(text=say("room_chart.share", lang), font=dict(size=11, color=MUTED)),
        ),
        yaxis=dict(autorange="reversed", fixedrange=True, automargin=True),
    )


def _lines(labels: list[str]) -> int:
    """The most lines a wrapped label has (rows are evenly spaced: the tallest sets them)."""
    return max((label.count("<br>") + 1 for label in labels), default=1)


def _colours(levels: int) -> list[str]:
    if levels == len(LEVEL_COLOURS):
        return LEVEL_COLOURS
    return [
        LEVEL_COLOURS[round(i * (len(LEVEL_COLOURS) - 1) / (levels - 1))] for i in range(levels)
    ]


def _bar(
    uid: str, name: str, rows: list[str], shares: list[float], hovers: list[str], colour: str
) -> go.Bar:
    return go.Bar(
        uid=uid,
        name=name,
        y=rows,
        x=shares,
        orientation="h",
        marker=dict(color=colour, line=dict(color="white", width=1)),
        text=hovers,
        textposition="none",
        hovertemplate="%{text}<extra></extra>",
    )


# --- segments --------------------------------------------------------------------------------


def segment_heatmap(
    questionnaire: Questionnaire, view: SegmentView, threshold: int, lang: Language
) -> go.Figure:
    """Groups (rows) × dimensions and overall (columns): each group's mean score. A withheld
    cell is drawn in grey with its reason written in it; no number is ever drawn for it."""
    keys = [d.id for d in questionnaire.ordered_dimensions()] + ["overall"]
    columns = [wrap_label(d.title(lang)) for d in questionnaire.ordered_dimensions()]
    columns.append(f"<b>{say('room_chart.overall', lang)}</b>")
    reasons = {
        "too_few": say("room_chart.hidden_small", lang, k=threshold),
        "protects_other": say("room_chart.hidden_other", lang),
        "empty": say("room_chart.hidden_empty", lang),
    }
    rows, scores, withheld, text = [], [], [], []
    for group in view.groups:
        rows.append(_group_label(group, threshold, lang))
        shown = [group.cells[key] for key in keys]
        scores.append([c.score if c.status == "shown" else None for c in shown])
        withheld.append([None if c.status == "shown" else 0 for c in shown])
        text.append(
            [
                fmt.number(c.score, lang)
                if c.status == "shown"
                else wrap_label(reasons[c.status], 14)
                for c in shown
            ]
        )
    common = dict(x=columns, y=rows, text=text, texttemplate="%{text}", xgap=2, ygap=2)
    figure = go.Figure(
        [
            go.Heatmap(
                uid="withheld",
                z=withheld,
                colorscale=[[0, WITHHELD_FILL], [1, WITHHELD_FILL]],
                showscale=False,
                textfont=dict(size=11, color=MUTED),
                hoverongaps=False,
                hovertemplate="%{y} · %{x}: %{text}<extra></extra>",
                **common,
            ),
            go.Heatmap(
                uid="groups",
                z=scores,
                zmin=0,
                zmax=100,
                colorscale=[[0, "#f3f6fa"], [0.5, "#7596b8"], [1, "#1f4e79"]],
                colorbar=dict(
                    title=dict(text=say("room_chart.score", lang)), thickness=12, len=0.9
                ),
                textfont=dict(size=11),
                hoverongaps=False,
                hovertemplate="%{y} · %{x}: %{text}<extra></extra>",
                **common,
            ),
        ]
    )
    return _layout(
        figure,
        height=120 + 52 * len(rows),
        margin=dict(l=8, r=8, t=8, b=8),
        xaxis=dict(side="top", fixedrange=True, showgrid=False, automargin=True),
        yaxis=dict(autorange="reversed", fixedrange=True, automargin=True, showgrid=False),
    )


def _group_label(group: Group, threshold: int, lang: Language) -> str:
    option = group.option or say("room_chart.not_stated", lang)
    if group.size_status == "too_few":
        return say("room_chart.group_small", lang, option=option, k=threshold)
    if group.size_status == "protects_other":
        return say("room_chart.group_protected", lang, option=option)
    return say("room_chart.group_size", lang, option=option, n=group.size)
