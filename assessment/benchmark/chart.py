"""An assessment among its peers on one dimension, as a plotly figure."""

from __future__ import annotations

import plotly.graph_objects as go

from assessment.benchmark.positions import DimensionPosition


def peer_chart(item: DimensionPosition, peers: str, you_are_here: str) -> go.Figure:
    """The peers' scores as a box with every point, and the organisation as a star; the two
    labels in the reader's language."""
    figure = go.Figure()
    figure.add_trace(
        go.Box(
            x=item.peers,
            y=[peers] * len(item.peers),
            orientation="h",
            boxpoints="all",
            jitter=0.4,
            pointpos=0,
            name=peers,
            marker={"color": "#4a5a6a", "size": 7},
            line={"color": "#4a5a6a"},
            fillcolor="rgba(127, 140, 157, 0.18)",  # light: the peers' points stay visible
            hoverinfo="x",
        )
    )
    figure.add_trace(
        go.Scatter(
            x=[item.score],
            y=[peers],
            mode="markers+text",
            name=you_are_here,
            text=[you_are_here],
            textposition="top center",
            textfont={"size": 14, "color": "#d35400"},
            marker={"symbol": "star", "size": 20, "color": "#d35400"},
        )
    )
    figure.update_layout(
        height=180,
        margin={"l": 10, "r": 10, "t": 30, "b": 30},
        showlegend=False,
        xaxis={"range": [-2, 102], "title": None},
        yaxis={"showticklabels": False},
    )
    return figure
