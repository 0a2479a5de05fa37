"""Benchmark page: peers in the pool, published reference points, the digital intensity check,
and the consultants' import and export of the pool."""

from __future__ import annotations

import hmac

import plotly.graph_objects as go
import streamlit as st

from assessment.benchmark import (
    WIDENING,
    BenchmarkError,
    BenchmarkLibrary,
    DimensionPosition,
    PoolEntry,
    ReferenceFigure,
    Scope,
    as_rows,
    dii,
    export_rows,
    is_old,
    load_benchmarks,
    parse_import,
    position,
)
from assessment.models import Questionnaire, ReferencePoint, Result
from assessment.scoring import score
from assessment.settings import settings
from assessment.store import AssessmentRecord, DocumentKind
from ui import widgets
from ui.benchmark_strings import describe, number, percent, tr, widened_note
from ui.context import current_language, plain, t
from ui.pool import peer_pool, pool_changed
from ui.session import get_store, with_assessment

lang = current_language()
store = get_store()


@st.cache_resource(max_entries=8)
def library_for(_questionnaire: Questionnaire, questionnaire_id: str):
    """The shipped datasets for this questionnaire (immutable), or the error listing why not."""
    try:
        return load_benchmarks(_questionnaire)
    except BenchmarkError as error:
        return error


# --- peers ---------------------------------------------------------------------------------


def scope_picker() -> Scope:
    field = "bench.scope"
    current = widgets.draft(field, Scope.sector_size.value)
    chosen = st.segmented_control(
        tr("scope_label", lang),
        [scope.value for scope in WIDENING],
        default=current,
        format_func=lambda value: tr(f"scope_{value}", lang),
        key=f"{field}__{lang}",
        required=True,
    )
    widgets.set_draft(field, chosen or current)
    return Scope(chosen or current)


def peer_chart(item: DimensionPosition) -> go.Figure:
    """The peers' scores as a box with every point, and the organisation as a star."""
    peers = tr("peers", lang)
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
            name=tr("you_are_here", lang),
            text=[tr("you_are_here", lang)],
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


def dimension_peers(item: DimensionPosition) -> None:
    note = widened_note(item, lang)
    if note:
        st.info(note, icon=":material/group_add:")
    if item.score is None or not item.enough:
        st.caption(describe(item, lang))
        return
    st.markdown(describe(item, lang))
    st.plotly_chart(peer_chart(item), key=f"bench.chart.{item.dimension_id}")
    q = item.quartiles
    st.caption(
        tr("quartiles_text", lang).format(
            **{k: number(v, lang) for k, v in q.model_dump().items()},
        )
    )
    if item.thin:
        st.caption(f":material/warning: {tr('thin', lang)}")


# --- published reference points ------------------------------------------------------------


def figure_line(statement: str, population: str, year: int, source: str, second_hand: bool) -> str:
    notes = []
    if second_hand:
        notes.append(tr("second_hand", lang))
    if is_old(year):
        notes.append(tr("old_data", lang))
    warning = f" · :orange[{' · '.join(notes)}]" if notes else ""
    cited = tr("ref_source", lang).format(population=population, year=year, source=source)
    return f"- {plain(statement)}  \n  _{plain(cited)}_{warning}"


def from_dataset(figure: ReferenceFigure) -> str:
    source = f"{figure.publisher}, {figure.title}"
    return figure_line(
        figure.statement(lang),
        figure.population(lang),
        figure.year,
        source,
        figure.status == "S",
    )


def from_questionnaire(reference: ReferencePoint) -> str:
    return figure_line(
        reference.statement(lang),
        reference.population(lang),
        reference.year,
        reference.source,
        False,
    )


def reference_points(
    questionnaire: Questionnaire,
    library: BenchmarkLibrary | None,
    dimension_id: str,
    answers: dict[str, int | None],
) -> None:
    dimension = questionnaire.dimension(dimension_id)
    blocks = []
    if library is not None and library.references_for(dimension_id):
        lines = [from_dataset(f) for f in library.references_for(dimension_id)]
        blocks.append((f"**{tr('dimension_wide', lang)}**", lines))
    for question in dimension.ordered_questions():
        lines = [from_questionnaire(questionnaire.reference(r)) for r in question.references]
        if library is not None:
            lines += [from_dataset(f) for f in library.references_for(question.id)]
        if lines:
            level = answers.get(question.id)
            answer = (
                questionnaire.scale.levels[questionnaire.scale.values.index(level)].label(lang)
                if level is not None
                else (
                    questionnaire.scale.dont_know(lang)
                    if question.id in answers
                    else tr("no_answer", lang)
                )
            )
            heading = (
                f"**{question.text(lang)}**  \n{tr('your_answer', lang).format(answer=answer)}"
            )
            blocks.append((heading, lines))
    if not blocks:
        return
    count = sum(len(lines) for _, lines in blocks)
    with st.expander(tr("refs_title", lang).format(n=count)):
        st.caption(t("reference_caveat", lang))
        for heading, lines in blocks:
            st.markdown(heading)
            st.markdown("\n".join(lines))


# --- digital intensity check -----------------------------------------------------------------


def save_dii(record_id: int) -> None:
    items = {item.id: bool(st.session_state.get(f"dii.{item.id}__{lang}")) for item in dii.ITEMS}
    store.save_document(record_id, DocumentKind.dii, {"year": dii.SURVEY_YEAR, "items": items})


def dii_check(record: AssessmentRecord, library: BenchmarkLibrary | None) -> None:
    st.header(tr("dii_title", lang).format(year=dii.SURVEY_YEAR))
    st.caption(tr("dii_intro", lang))
    stored = store.document(record.id, DocumentKind.dii) or {}
    ticked = stored.get("items", {}) if stored.get("year") == dii.SURVEY_YEAR else {}
    for item in dii.ITEMS:
        st.checkbox(
            item.text(lang),
            value=bool(ticked.get(item.id)),
            key=f"dii.{item.id}__{lang}",
            help=item.detail(lang) if item.detail else None,
            on_change=save_dii,
            args=(record.id,),
        )
    st.caption(f":material/info: {tr('dii_items_source', lang).format(year=dii.SURVEY_YEAR)}")
    items = {item.id: bool(st.session_state.get(f"dii.{item.id}__{lang}")) for item in dii.ITEMS}
    distribution = library.distributions.get("eurostat_dii_2023") if library else None
    result = dii.check(items, record.profile.size_class, distribution)
    level = tr(f"dii_{result.level}", lang)
    st.subheader(tr("dii_result", lang).format(points=result.ticked, level=level))
    placed = result.placement
    if distribution is None:
        st.warning(tr("dii_missing", lang))
    elif placed is None:
        st.info(tr("dii_no_group", lang))
    else:
        st.markdown(
            tr("dii_placement", lang).format(
                group=placed.group_label(lang),
                year=placed.year,
                below=percent(placed.below, lang),
                same=percent(placed.same, lang),
                above=percent(placed.above, lang),
            )
        )
        notes = [tr(f"dii_mapping_{placed.group}", lang).format(year=placed.year)]
        if placed.second_hand:
            notes.append(tr("dii_second_hand", lang))
        if placed.derived:
            notes.append(tr("dii_derived", lang))
        st.caption("  \n".join(notes))


# --- consultants -----------------------------------------------------------------------------


def consultant_unlocked() -> bool:
    """On a shared server, CONSULTANT_KEY guards the pool's import, deletion and export; on a
    consultant's own laptop (no key set) the tools are simply there."""
    expected = settings().consultant_key
    if not expected:
        return True
    given = st.text_input(tr("consultant_key", lang), type="password", key=f"bench.key__{lang}")
    if given and not hmac.compare_digest(given, expected):
        st.error(tr("consultant_key_wrong", lang))
    return bool(given) and hmac.compare_digest(given, expected)


def consultant_tools(questionnaire: Questionnaire, pool: list[PoolEntry]) -> None:
    with st.expander(tr("consultant_title", lang), icon=":material/upload_file:"):
        if not consultant_unlocked():
            return
        dimension_ids = [d.id for d in questionnaire.ordered_dimensions()]
        st.caption(tr("import_help", lang).format(dimensions=", ".join(dimension_ids)))
        upload = st.file_uploader(
            tr("import_label", lang), type=["csv"], key=f"bench.upload__{lang}"
        )
        done = st.session_state.pop("bench.imported", None)
        if done:
            st.success(tr("import_done", lang).format(n=done[1], batch=done[0]))
        if upload is not None and upload.file_id != st.session_state.get("bench.last_upload"):
            try:
                rows = parse_import(upload.getvalue(), questionnaire, upload.name)
            except BenchmarkError as error:
                st.error(tr("import_failed", lang))
                st.code("\n".join(error.problems), language=None)
            else:
                st.info(tr("import_ready", lang).format(n=len(rows)))
                if st.button(tr("import_button", lang), key="bench.import", type="primary"):
                    batch_id = store.add_benchmark_batch(questionnaire.id, rows)
                    pool_changed()
                    st.session_state["bench.last_upload"] = upload.file_id  # once per file
                    st.session_state["bench.imported"] = (batch_id, len(rows))
                    st.rerun()

        st.markdown(f"**{tr('batches_title', lang)}**")
        batches = store.benchmark_batches(questionnaire.id)
        if not batches:
            st.caption(tr("no_batch", lang))
        for batch in batches:
            line, button = st.columns([4, 1])
            line.markdown(
                tr("batch_line", lang).format(
                    batch=batch.batch_id,
                    rows=batch.rows,
                    date=f"{batch.imported_at:%Y-%m-%d %H:%M} UTC",
                )
            )
            if button.button(tr("batch_delete", lang), key=f"bench.delete.{batch.batch_id}"):
                store.delete_benchmark_batch(batch.batch_id)
                pool_changed()
                st.toast(tr("batch_deleted", lang).format(batch=batch.batch_id))
                st.rerun()

        st.download_button(
            tr("export_button", lang),
            data=export_rows(as_rows(pool), dimension_ids).encode("utf-8"),
            file_name=f"benchmark-pool-{questionnaire.id}.csv",
            mime="text/csv",
            key="bench.export",
            help=tr("export_help", lang),
        )


# --- the page ------------------------------------------------------------------------------


def peers_section(
    record: AssessmentRecord,
    questionnaire: Questionnaire,
    result: Result,
    pool: list[PoolEntry],
    library: BenchmarkLibrary | None,
    answers: dict[str, int | None],
) -> None:
    min_peers = settings().benchmark_min_peers
    imported = sum(1 for entry in pool if entry.assessment_id is None)
    opted_in = bool((store.document(record.id, DocumentKind.pool) or {}).get("opt_in"))
    st.caption(
        tr("pool_summary", lang).format(
            total=len(pool), assessed=len(pool) - imported, imported=imported, min=min_peers
        )
        + " "
        + tr("pool_you_in" if opted_in else "pool_you_out", lang)
    )
    scope = scope_picker()
    positions = position(
        result,
        pool,
        record.profile.sector,
        record.profile.size_class,
        scope=scope,
        min_peers=min_peers,
        exclude=record.id,
    )
    st.caption(tr("percentile_help", lang))
    for item in positions:
        with st.container(border=True):
            st.subheader(questionnaire.dimension(item.dimension_id).title(lang))
            dimension_peers(item)
            reference_points(questionnaire, library, item.dimension_id, answers)


def benchmark_page(record: AssessmentRecord, questionnaire: Questionnaire) -> None:
    st.title(tr("title", lang).format(organisation=plain(record.profile.organisation)))
    st.write(tr("intro", lang))
    loaded = library_for(questionnaire, questionnaire.id)
    library = loaded if isinstance(loaded, BenchmarkLibrary) else None
    if library is None:
        st.error(tr("library_broken", lang))
        st.code("\n".join(loaded.problems), language=None)
    answers = store.answers(record.id)
    result = score(questionnaire, answers)
    pool = peer_pool(questionnaire)
    if result.overall.score is None:
        st.info(t("nothing_answered", lang))
    else:
        peers_section(record, questionnaire, result, pool, library, answers)
    dii_check(record, library)
    consultant_tools(questionnaire, pool)


with_assessment(benchmark_page)
