"""The pilot's results on one printable A4 page (HTML): a summary in, bytes out.

What a steering committee opens in any browser and prints: the pilot, the state of the
diffusion phase with the evidence or the committee's decision, and one row per KPI (baseline,
latest value, target, the way covered, status and a small trend line). No script, no fetched
font or picture: the page prints the same anywhere. Everything typed by people is escaped.
"""

from __future__ import annotations

from html import escape

from assessment import formatting as fmt
from assessment.i18n import say
from assessment.models import Language
from assessment.roadmap import (
    KpiProgress,
    PilotSummary,
    gate_evidence,
    gate_explanation,
    gate_headline,
)

NAVY, MUTED, TARGET = "#1f4e79", "#6b7280", "#2f7d4f"
STATE_COLOURS = {"ready": "#2f7d4f", "waiting": "#9a6700", "stopped": "#b03a2e"}
STATUS_COLOURS = {
    "reached": "#2f7d4f",
    "on_track": "#1f4e79",
    "behind": "#b03a2e",
    "no_baseline": "#6b7280",
    "no_data": "#6b7280",
}
SPARK_W, SPARK_H = 90, 30
# Shares of the page's width, column by column: the table never runs past the margin.
COLUMNS = (26, 10, 15, 10, 12, 13, 14)

STYLE = """
@page { size: A4 portrait; margin: 14mm; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif;
  color: #1f2933; font-size: 10.5pt; margin: 0 auto; max-width: 182mm; line-height: 1.35; }
h1 { color: #1f3a5f; font-size: 19pt; margin: 0 0 2mm; }
.sub { color: #5a6b7f; margin: 0 0 5mm; }
.box { border-left: 5px solid; padding: 3mm 4mm; margin: 0 0 5mm; background: #f6f7f9; }
.box p { margin: 1mm 0; }
table { border-collapse: collapse; width: 100%; margin: 0 0 4mm; table-layout: fixed; }
th { background: #1f3a5f; color: white; text-align: left; font-weight: 600; padding: 2mm; }
td { border-bottom: 1px solid #d0d7e2; padding: 2mm; vertical-align: top; }
td.n { text-align: right; white-space: nowrap; }
.when { color: #5a6b7f; font-size: 9pt; }
.status { font-weight: 600; }
.note { color: #5a6b7f; font-size: 9pt; margin: 1mm 0; }
"""


def build_summary_page(summary: PilotSummary, lang: Language) -> bytes:
    pilot, gate = summary.pilot, summary.gate
    period = say(
        "pilot.period", lang, start=fmt.date(pilot.start, lang), end=fmt.date(pilot.end, lang)
    )
    sub = " · ".join(
        [
            pilot.team_label(lang),
            period,
            say("pilot.published_on", lang, date=fmt.date(summary.published, lang)),
        ]
    )
    rows = "\n".join(_row(p, lang) for p in summary.progress.kpis)
    headers = "".join(
        f"<th>{escape(say(f'pilot.column_{key}', lang))}</th>"
        for key in ("kpi", "baseline", "latest", "target", "way", "status", "trend")
    )
    status = say(f"pilot.status_{summary.progress.status}", lang)
    columns = "<colgroup>" + "".join(f'<col style="width: {w}%">' for w in COLUMNS)
    columns += "</colgroup>"
    evidence = ""
    if gate.decision is not None:  # the evidence stays beside the committee's decision
        label = say("pilot.evidence_short", lang) + say("core.colon", lang)
        evidence = f"<p>{escape(label + gate_evidence(gate, lang))}</p>\n"
    heading = escape(say("pilot.summary_title", lang, organisation=summary.organisation))
    body = f"""<h1>{heading}</h1>
<p class="sub">{escape(sub)}</p>
<div class="box" style="border-color: {STATE_COLOURS[gate.state]}">
<p><strong>{escape(gate_headline(gate, lang))}</strong></p>
<p>{escape(gate_explanation(gate, lang))}</p>
{evidence}<p>{escape(say("pilot.overall", lang, status=status))}</p>
</div>
<table>{columns}<thead><tr>{headers}</tr></thead><tbody>
{rows}
</tbody></table>
<p class="note">{escape(say("pilot.note_gating", lang))}</p>
<p class="note">{escape(say("pilot.note_values", lang, count=summary.measured))}</p>"""
    page = f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<title>{heading}</title>
<style>{STYLE}</style></head><body>
{body}
</body></html>
"""
    return page.encode("utf-8")


def _row(progress: KpiProgress, lang: Language) -> str:
    kpi, latest = progress.kpi, progress.latest
    name = kpi.name(lang) + (" ●" if kpi.gating else "")
    if kpi.better == "lower":
        name += f" ({say('pilot.lower_is_better', lang)})"
    measured = escape(fmt.NONE)
    if latest is not None:
        value, when = fmt.kpi_value(latest.value, kpi.unit, lang), fmt.date(latest.on, lang)
        measured = f'{escape(value)}<br><span class="when">{escape(when)}</span>'

    way = fmt.NONE if progress.share is None else fmt.percent(progress.share, lang)
    colour = STATUS_COLOURS[progress.status]
    cells = [
        f"<td>{escape(name)}</td>",
        f'<td class="n">{escape(fmt.kpi_value(kpi.baseline, kpi.unit, lang))}</td>',
        f'<td class="n">{measured}</td>',
        f'<td class="n">{escape(fmt.kpi_value(kpi.target, kpi.unit, lang))}</td>',
        f'<td class="n">{escape(way)}</td>',
        f'<td class="status" style="color: {colour}">'
        f"{escape(say(f'pilot.status_{progress.status}', lang))}</td>",
        f"<td>{sparkline(progress)}</td>",
    ]
    return f"<tr>{''.join(cells)}</tr>"


def sparkline(progress: KpiProgress) -> str:
    """The values as a small SVG line, with the baseline (dashed) and the target (dotted)."""
    values = [a.value for a in progress.actuals]
    if not values:
        return ""
    kpi = progress.kpi
    levels = [v for v in (kpi.baseline, kpi.target) if v is not None]
    low, high = min(values + levels), max(values + levels)
    spread = (high - low) or 1.0

    def y(value: float) -> float:
        return round(SPARK_H - 3 - (value - low) / spread * (SPARK_H - 6), 1)

    step = (SPARK_W - 6) / max(1, len(values) - 1)
    points = " ".join(f"{round(3 + i * step, 1)},{y(v)}" for i, v in enumerate(values))
    lines = [
        f'<line x1="0" x2="{SPARK_W}" y1="{y(level)}" y2="{y(level)}" stroke="{colour}" '
        f'stroke-width="1" stroke-dasharray="{dash}"/>'
        for level, colour, dash in ((kpi.baseline, MUTED, "4 2"), (kpi.target, TARGET, "1 2"))
        if level is not None
    ]
    return (
        f'<svg width="{SPARK_W}" height="{SPARK_H}" viewBox="0 0 {SPARK_W} {SPARK_H}" '
        f'role="img">{"".join(lines)}<polyline points="{points}" fill="none" '
        f'stroke="{NAVY}" stroke-width="2"/></svg>'
    )
