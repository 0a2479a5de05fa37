"""The pilot's results on one page, as a value: what the steering committee is shown when the
pilot's results are published (the printable page is built from it in ``exports/``, and a
committee pack can reuse it as it is)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from assessment import formatting as fmt
from assessment.i18n import say
from assessment.models import Frozen, Language
from assessment.roadmap.pilot import Pilot
from assessment.roadmap.plan import Roadmap
from assessment.roadmap.progress import Gate, PilotProgress, PilotRecord, pilot_status


class PilotSummary(Frozen):
    organisation: str
    pilot: Pilot
    progress: PilotProgress
    gate: Gate
    published: date
    measured: int  # how many values were entered


def pilot_summary(
    organisation: str, roadmap: Roadmap, record: PilotRecord, published: date
) -> PilotSummary:
    progress, gate = pilot_status(roadmap, record)
    return PilotSummary(
        organisation=organisation,
        pilot=roadmap.pilot,
        progress=progress,
        gate=gate,
        published=published,
        measured=len(record.actuals),
    )


def gate_headline(gate: Gate, lang: Language) -> str:
    """Where the diffusion phase stands: ready, waiting for evidence, stopped by the committee."""
    return say("pilot.gate_headline", lang, state=say(f"pilot.gate_{gate.state}", lang))


def gate_explanation(gate: Gate, lang: Language, literal: Callable[[str], str] = str) -> str:
    """Why: the committee's decision (who, when, why), or the evidence of the gating KPIs.
    ``literal`` escapes what people typed, for a page that would read it as markup."""
    if gate.decision is not None:
        decision = gate.decision
        return say(
            f"pilot.decided_{decision.verdict}",
            lang,
            by=literal(decision.decided_by),
            date=fmt.date(decision.decided_at.date(), lang),
            reason=literal(decision.reason),
        )
    return gate_evidence(gate, lang)


def gate_evidence(gate: Gate, lang: Language) -> str:
    """What the gating KPIs show, whatever the committee decided."""
    if gate.evidence and not gate.missing:
        return say("pilot.evidence_all_beaten", lang)
    if not gate.evidence:
        return say("pilot.evidence_no_gating", lang)
    separator = say("core.list_separator", lang)
    sentences = []
    for key, measured in (("pilot.evidence_unmeasured", False), ("pilot.evidence_missing", True)):
        names = [
            p.kpi.name(lang)
            for p in gate.evidence
            if p.kpi.id in gate.missing and (p.latest is not None) == measured
        ]
        if names:
            sentences.append(say(key, lang, kpis=separator.join(names)))
    return " ".join(sentences)
