"""Benchmark page: peers in the pool, published reference points, the digital intensity check,
and the consultants' import and export of the pool."""

from __future__ import annotations

import streamlit as st

from assessment.benchmark import BenchmarkLibrary, dii
from assessment.i18n import in_language, say
from assessment.models import Questionnaire
from assessment.scoring import score
from assessment.services import benchmark_library
from assessment.store import AssessmentRecord, DocumentKind
from ui.benchmark_peers import peers_section
from ui.benchmark_pool import consultant_tools
from ui.benchmark_text import percent
from ui.context import current_language, plain
from ui.pool import peer_pool
from ui.session import get_store, with_assessment

lang = current_language()
store = get_store()


@st.cache_resource(max_entries=8)
def library_for(_questionnaire: Questionnaire, questionnaire_id: str):
    """The shipped datasets for this questionnaire (immutable), or the error listing why not."""
    return benchmark_library(_questionnaire)


# --- digital intensity check -----------------------------------------------------------------


def save_dii(record_id: int) -> None:
    items = {item.id: bool(st.session_state.get(f"dii.{item.id}__{lang}")) for item in dii.ITEMS}
    store.save_document(record_id, DocumentKind.dii, {"year": dii.SURVEY_YEAR, "items": items})


def dii_check(record: AssessmentRecord, library: BenchmarkLibrary | None) -> None:
    st.header(say("benchmark.dii_title", lang, year=dii.SURVEY_YEAR))
    st.caption(say("benchmark.dii_intro", lang))
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
    st.caption(f":material/info: {say('benchmark.dii_items_source', lang, year=dii.SURVEY_YEAR)}")
    items = {item.id: bool(st.session_state.get(f"dii.{item.id}__{lang}")) for item in dii.ITEMS}
    distribution = library.distributions.get("eurostat_dii_2023") if library else None
    result = dii.check(items, record.profile.size_class, distribution)
    level = say(f"benchmark.dii_{result.level}", lang)
    st.subheader(say("benchmark.dii_result", lang, points=result.ticked, level=level))
    placed = result.placement
    if distribution is None:
        st.warning(say("benchmark.dii_missing", lang))
    elif placed is None:
        st.info(say("benchmark.dii_no_group", lang))
    else:
        st.markdown(
            say(
                "benchmark.dii_placement",
                lang,
                group=placed.group_label(lang),
                year=placed.year,
                below=percent(placed.below, lang),
                same=percent(placed.same, lang),
                above=percent(placed.above, lang),
            )
        )
        notes = [say(f"benchmark.dii_mapping_{placed.group}", lang, year=placed.year)]
        if placed.second_hand:
            notes.append(say("benchmark.dii_second_hand", lang))
        if placed.derived:
            notes.append(say("benchmark.dii_derived", lang))
        st.caption("  \n".join(notes))


# --- the page ------------------------------------------------------------------------------


def benchmark_page(record: AssessmentRecord, questionnaire: Questionnaire) -> None:
    st.title(say("benchmark.title", lang, organisation=plain(record.profile.organisation)))
    st.write(say("benchmark.intro", lang))
    loaded = library_for(questionnaire, questionnaire.id)
    library = loaded if isinstance(loaded, BenchmarkLibrary) else None
    if library is None:
        st.error(say("benchmark.library_broken", lang))
        st.code("\n".join(in_language(loaded.problems, lang)), language=None)
    answers = store.answers(record.id)
    result = score(questionnaire, answers)
    pool = peer_pool(questionnaire)
    if result.overall.score is None:
        st.info(say("app.nothing_answered", lang))
    else:
        peers_section(lang, store, record, questionnaire, result, pool, library, answers)
    dii_check(record, library)
    consultant_tools(lang, store, questionnaire, pool)


with_assessment(benchmark_page)
