"""Results worth presenting: level, dimensions, radar, symmetry quadrant, highlights, reading."""

import streamlit as st

from assessment import formatting as fmt
from assessment.i18n import say
from assessment.models import Questionnaire
from assessment.reading import (
    SCALE_MIDDLE,
    interpret,
    quadrant_chart,
    radar_chart,
    stall_explanation,
)
from assessment.reading.people_map import result_point
from assessment.results import QuestionScore, Result
from assessment.scoring import maturity_level
from assessment.services import peer_positions, result_of
from assessment.store import AssessmentRecord
from ui.benchmark_text import describe
from ui.charts import result_chart
from ui.context import current_language, plain
from ui.diagnoses_view import map_section, research, warnings
from ui.exporting import download_buttons
from ui.pool import peer_pool
from ui.session import get_store, with_assessment

lang = current_language()


def headline(questionnaire: Questionnaire, result: Result) -> None:
    level = maturity_level(questionnaire, result.overall.score)
    overall, named, coverage = st.columns(3)
    overall.metric(say("app.overall_score", lang), fmt.score(result.overall.score, lang))
    named.metric(
        say("app.maturity_level", lang), f"{level.level} · {level.name(lang)}" if level else "—"
    )
    coverage.metric(say("core.coverage", lang), fmt.percent(result.overall.coverage, lang))
    if level:
        st.write(level.description(lang))
    if result.overall.coverage < 1:
        st.warning(
            say("app.partial_result", lang, coverage=fmt.percent(result.overall.coverage, lang))
        )


def dimension_scores(questionnaire: Questionnaire, result: Result) -> None:
    """One bar per dimension: readable at any width, coverage always beside the score."""
    for dimension in result.dimensions:
        title = questionnaire.dimension(dimension.id).title(lang)
        answered = say("app.answered_of", lang, done=dimension.answered, total=dimension.total)
        if dimension.score is None:
            st.markdown(f"**{title}**  \n{say('app.not_answered', lang)} · {answered}")
            continue
        st.progress(
            dimension.score / 100,
            text=f"**{title}** · {fmt.score(dimension.score, lang)} · {answered}",
        )


def symmetry_section(questionnaire: Questionnaire, result: Result) -> None:
    if not questionnaire.has_sides:  # no sides, no symmetry: the other warnings alone
        warnings(questionnaire, result, lang)
        point = result_point(questionnaire, result, lang)
        map_section(questionnaire, [point] if point else [], lang, "people_map")
        return
    st.subheader(say("app.symmetry_title", lang))
    st.caption(say("app.symmetry_help", lang))
    result_chart(quadrant_chart, questionnaire, result, lang, key="quadrant")
    explanation = stall_explanation(result, lang)
    if explanation:
        st.error(explanation, icon=":material/warning:")
    elif result.symmetry.index is not None:
        st.success(
            say(
                "app.no_stall_explained",
                lang,
                index=fmt.points(result.symmetry.index, lang, signed=True),
                threshold=fmt.points(result.symmetry.stall_threshold, lang),
            )
        )
    warnings(questionnaire, result, lang)
    research(questionnaire, "stall", lang)
    point = result_point(questionnaire, result, lang)
    map_section(questionnaire, [point] if point else [], lang, "people_map")


def highlights(questionnaire: Questionnaire, title_key: str, scored: list[QuestionScore]) -> None:
    st.markdown(f"**{say(title_key, lang)}**")
    if not scored:
        st.caption("—")
    for item in scored:
        question = questionnaire.question(item.question_id)
        dimension = questionnaire.dimension(item.dimension_id)
        st.markdown(
            f"- **{fmt.number(item.score, lang)}** · {question.text(lang)}  \n"
            f"  _{dimension.title(lang)}_"
        )


def results_page(record: AssessmentRecord, questionnaire: Questionnaire) -> None:
    result = result_of(get_store(), record, questionnaire)
    st.title(say("app.results_title", lang, organisation=plain(record.profile.organisation)))
    if result.overall.score is None:
        st.info(say("app.nothing_answered", lang))
        st.page_link(
            "app_pages/answer.py", label=say("app.continue", lang), icon=":material/edit_note:"
        )
        return
    headline(questionnaire, result)
    download_buttons(record, questionnaire, lang)
    radar, table = st.columns([3, 2])
    with radar:
        result_chart(radar_chart, questionnaire, result, lang, key="radar")
    with table:
        dimension_scores(questionnaire, result)
    symmetry_section(questionnaire, result)
    strongest, weakest = st.columns(2)
    with strongest:
        # Like the reading: answers below the middle of the scale are footholds, not strengths.
        strong = any(s.score >= SCALE_MIDDLE for s in result.strongest) or not result.strongest
        title = "app.strongest_questions" if strong else "diagnoses.footholds"
        highlights(questionnaire, title, result.strongest)
    with weakest:
        highlights(questionnaire, "app.weakest_questions", result.weakest)
    st.subheader(say("app.interpretation", lang))
    for paragraph in interpret(questionnaire, result, lang):
        st.markdown(paragraph)
    benchmark_summary(record, questionnaire, result)


def benchmark_summary(
    record: AssessmentRecord, questionnaire: Questionnaire, result: Result
) -> None:
    """Per dimension, the percentile among peers when the group is big enough (benchmark page)."""
    positions = peer_positions(record, result, peer_pool(questionnaire))
    st.subheader(say("benchmark.results_title", lang))
    for item in positions:
        title = questionnaire.dimension(item.dimension_id).title(lang)
        text = describe(item, lang) if item.enough else say("benchmark.results_not_enough", lang)
        st.markdown(f"- **{title}** · {text}")
    st.page_link(
        "app_pages/benchmark.py",
        label=say("benchmark.results_link", lang),
        icon=":material/leaderboard:",
    )


with_assessment(results_page)
