"""The benchmark page's peers: the scope picker, each dimension among its peers, and the
published reference points beside it, each with its population, year and source."""

from __future__ import annotations

import streamlit as st

from assessment import formatting as fmt
from assessment.benchmark import (
    WIDENING,
    BenchmarkLibrary,
    DimensionPosition,
    PoolEntry,
    ReferenceFigure,
    Scope,
    is_old,
    peer_chart,
)
from assessment.i18n import say
from assessment.models import Language, Questionnaire, ReferencePoint
from assessment.questionnaire import dont_know_text
from assessment.results import Result
from assessment.services import opted_in, peer_positions
from assessment.settings import settings
from assessment.store import AssessmentRecord, Store
from ui import widgets
from ui.benchmark_text import describe, widened_note
from ui.context import plain


def scope_picker(lang: Language) -> Scope:
    field = "bench.scope"
    current = widgets.draft(field, Scope.sector_size.value)
    chosen = st.segmented_control(
        say("benchmark.scope_label", lang),
        [scope.value for scope in WIDENING],
        default=current,
        format_func=lambda value: say(f"benchmark.scope_{value}", lang),
        key=f"{field}__{lang}",
        required=True,
    )
    widgets.set_draft(field, chosen or current)
    return Scope(chosen or current)


def dimension_peers(lang: Language, item: DimensionPosition) -> None:
    note = widened_note(item, lang)
    if note:
        st.info(note, icon=":material/group_add:")
    if item.score is None or not item.enough:
        st.caption(describe(item, lang))
        return
    st.markdown(describe(item, lang))
    st.plotly_chart(
        peer_chart(item, say("benchmark.peers", lang), say("benchmark.you_are_here", lang)),
        key=f"bench.chart.{item.dimension_id}",
    )
    q = item.quartiles
    st.caption(
        say(
            "benchmark.quartiles_text",
            lang,
            **{k: fmt.number(v, lang) for k, v in q.model_dump().items()},
        )
    )
    if item.thin:
        st.caption(f":material/warning: {say('benchmark.thin', lang)}")


# --- published reference points ------------------------------------------------------------


def figure_line(
    lang: Language, statement: str, population: str, year: int, source: str, second_hand: bool
) -> str:
    notes = []
    if second_hand:
        notes.append(say("benchmark.second_hand", lang))
    if is_old(year):
        notes.append(say("benchmark.old_data", lang))
    warning = f" ·\u00a0:orange[{' · '.join(notes)}]" if notes else ""
    cited = say("benchmark.ref_source", lang, population=population, year=year, source=source)
    return f"- {plain(statement)}  \n  _{plain(cited)}_{warning}"


def cited(lang: Language, item, source: str, second_hand: bool) -> str:
    """A published figure (a dataset's, a questionnaire's, a diagnosis's evidence) as a line:
    its statement, population, year and source."""
    return figure_line(
        lang, item.statement(lang), item.population(lang), item.year, source, second_hand
    )


def from_dataset(lang: Language, figure: ReferenceFigure) -> str:
    return cited(lang, figure, f"{figure.publisher}, {figure.title}", figure.status == "S")


def from_questionnaire(lang: Language, reference: ReferencePoint) -> str:
    return cited(lang, reference, reference.source, False)


def reference_points(
    lang: Language,
    questionnaire: Questionnaire,
    library: BenchmarkLibrary | None,
    dimension_id: str,
    answers: dict[str, int | None],
) -> None:
    dimension = questionnaire.dimension(dimension_id)
    blocks = []
    if library is not None and library.references_for(dimension_id):
        lines = [from_dataset(lang, f) for f in library.references_for(dimension_id)]
        blocks.append((f"**{say('benchmark.dimension_wide', lang)}**", lines))
    for question in dimension.ordered_questions():
        lines = [from_questionnaire(lang, questionnaire.reference(r)) for r in question.references]
        if library is not None:
            lines += [from_dataset(lang, f) for f in library.references_for(question.id)]
        if lines:
            level = answers.get(question.id)
            answer = (
                questionnaire.choice(question, level).label(lang)
                if level is not None
                else (
                    dont_know_text(questionnaire, lang)
                    if question.id in answers
                    else say("benchmark.no_answer", lang)
                )
            )
            heading = (
                f"**{question.text(lang)}**  \n{say('benchmark.your_answer', lang, answer=answer)}"
            )
            blocks.append((heading, lines))
    if not blocks:
        return
    count = sum(len(lines) for _, lines in blocks)
    with st.expander(say("benchmark.refs_title", lang, n=count)):
        st.caption(say("app.reference_caveat", lang))
        for heading, lines in blocks:
            st.markdown(heading)
            st.markdown("\n".join(lines))


def peers_section(
    lang: Language,
    store: Store,
    record: AssessmentRecord,
    questionnaire: Questionnaire,
    result: Result,
    pool: list[PoolEntry],
    library: BenchmarkLibrary | None,
    answers: dict[str, int | None],
) -> None:
    min_peers = settings().benchmark_min_peers
    imported = sum(1 for entry in pool if entry.assessment_id is None)
    you_in = opted_in(store, record.id)
    st.caption(
        say(
            "benchmark.pool_summary",
            lang,
            total=len(pool),
            assessed=len(pool) - imported,
            imported=imported,
            min=min_peers,
        )
        + " "
        + say("benchmark.pool_you_in" if you_in else "benchmark.pool_you_out", lang)
    )
    scope = scope_picker(lang)
    positions = peer_positions(record, result, pool, scope)
    st.caption(say("benchmark.percentile_help", lang))
    for item in positions:
        with st.container(border=True):
            st.subheader(questionnaire.dimension(item.dimension_id).title(lang))
            dimension_peers(lang, item)
            reference_points(lang, questionnaire, library, item.dimension_id, answers)
