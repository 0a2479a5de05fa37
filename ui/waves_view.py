"""The sections of the waves page: each wave's headline, what changed, the dimensions judged
with their targets, the charts, the questions that moved, the pooled rooms side by side and
the questions that could not be compared."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from assessment import formatting as fmt
from assessment.benchmark import questionnaire_key
from assessment.i18n import say
from assessment.models import Language
from assessment.waves import Comparison, Step, WaveFigures
from assessment.waves.chart import dimensions_chart, trajectory_chart
from assessment.waves.text import verdict_text, wave_name, what_changed
from exports.workbook.progress import rule_text
from ui.charts import kept_figure
from ui.context import plain

VERDICT_ICONS = {"progress": "▲", "decline": "▼", "stable": "＝"}


def headline(comparison: Comparison, lang: Language) -> None:
    columns = st.columns(len(comparison.waves))
    for number, (column, wave) in enumerate(zip(columns, comparison.waves, strict=True)):
        previous = comparison.waves[number - 1] if number else None
        delta = None
        if previous is not None and None not in (wave.score("overall"), previous.score("overall")):
            change = wave.score("overall") - previous.score("overall")
            delta = fmt.points(change, lang, signed=True)
        with column.container(border=True):
            st.metric(
                wave_name(wave, lang),
                fmt.score(wave.score("overall"), lang),
                delta=delta,
                delta_color="normal" if delta else "off",
            )
            level = f"{wave.level} · {wave.level_name(lang)}" if wave.level else "—"
            st.caption(f"{say('app.maturity_level', lang)} {level}")
            st.caption(_who(wave, lang))


def _who(wave: WaveFigures, lang: Language) -> str:
    coverage = say("waves.coverage", lang, share=fmt.percent(wave.coverage["overall"], lang))
    if wave.kind == "assessment":
        return f"{say('waves.kind_assessment', lang)} · {coverage}"
    people = say("waves.people", lang, count=wave.participants or 0)
    kind = (
        say("waves.kind_pool", lang, rooms=len(wave.rooms))
        if wave.rooms
        else say("waves.kind_room", lang)
    )
    return f"{kind} · {people} · {coverage}"


def step_picker(comparison: Comparison, lang: Language) -> Step:
    if len(comparison.waves) == 2:
        return comparison.total
    options = [comparison.total, *comparison.steps]

    def named(step: Step) -> str:
        first, last = comparison.waves[step.before], comparison.waves[step.after]
        return say("waves.step", lang, before=first.label, after=last.label)

    chosen = st.selectbox(
        say("waves.step_label", lang),
        range(len(options)),
        format_func=lambda i: named(options[i]),
        key=f"waves_step__{lang}",
    )
    return options[chosen]


def changes_table(comparison: Comparison, step: Step, lang: Language) -> None:
    questionnaire = comparison.questionnaire
    first, last = comparison.waves[step.before], comparison.waves[step.after]
    rows = []
    for change in [*step.dimensions, step.overall]:
        title = (
            say("waves.overall", lang)
            if change.key == "overall"
            else questionnaire.dimension(change.key).title(lang)
        )
        target = "—" if change.target is None else fmt.score(change.target, lang)
        met = {True: say("waves.target_met", lang), False: say("waves.target_missed", lang)}
        rows.append(
            {
                say("waves.column_dimension", lang): title,
                first.label: _scored(first, change.key, lang),
                last.label: _scored(last, change.key, lang),
                say("waves.column_change", lang): fmt.points(change.delta, lang, signed=True),
                say(
                    "waves.column_verdict", lang
                ): f"{VERDICT_ICONS[change.verdict]} {verdict_text(change, lang)}",
                say("waves.column_target", lang): target
                + ("" if change.target_met is None else f" · {met[change.target_met]}"),
            }
        )
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    st.caption(rule_text(lang))


def _scored(wave: WaveFigures, key: str, lang: Language) -> str:
    coverage = fmt.percent(wave.coverage.get(key, 0.0), lang)
    return f"{fmt.score(wave.score(key), lang)} ({coverage})"


def written(comparison: Comparison, step: Step, lang: Language) -> None:
    st.subheader(say("waves.what_changed", lang))
    for paragraph in what_changed(comparison, lang, step):
        st.markdown(paragraph)


def charts(comparison: Comparison, lang: Language) -> None:
    # Built once per comparison and language, as the result's charts are (ui/charts.py).
    content = ":".join(
        [
            questionnaire_key(comparison.questionnaire),
            lang,
            comparison.model_dump_json(exclude={"questionnaire"}),
        ]
    )
    bars, course = st.columns(2)
    with bars:
        st.markdown(f"**{say('waves.chart_dimensions', lang)}**")
        figure = kept_figure(dimensions_chart, content, comparison, lang)
        st.plotly_chart(figure, key="waves_bars", theme=None)
    with course:
        st.markdown(f"**{say('waves.chart_trajectory', lang)}**")
        figure = kept_figure(trajectory_chart, content, comparison, lang)
        if figure is None:
            st.info(say("waves.no_trajectory", lang))
        else:
            st.plotly_chart(figure, key="waves_map", theme=None)
            st.caption(say("waves.trajectory_help", lang))


def moved(comparison: Comparison, step: Step, lang: Language) -> None:
    st.subheader(say("waves.moved_title", lang))
    if not step.moved:
        st.caption(say("waves.moved_none", lang))
    for move in step.moved:
        question = comparison.questionnaire.question(move.question_id)
        dimension = comparison.questionnaire.dimension(move.dimension_id)
        st.markdown(
            f"- **{fmt.points(move.delta, lang, signed=True)}** · {question.text(lang)}  \n"
            f"  _{dimension.title(lang)} · {fmt.score(move.before, lang)} → "
            f"{fmt.score(move.after, lang)}_"
        )


def pooled_rooms(comparison: Comparison, lang: Language) -> None:
    questionnaire = comparison.questionnaire
    for wave in comparison.waves:
        if not wave.rooms:
            continue
        st.subheader(say("waves.rooms_title", lang, wave=wave.label))
        st.caption(say("waves.rooms_help", lang))
        rows = []
        for room in [*wave.rooms, None]:
            scores = (
                room.dimensions if room else {d: wave.score(d) for d in comparison.dimension_ids}
            )
            row = {
                say("waves.column_room", lang): plain(room.label)
                if room
                else say("waves.pool", lang),
                say("waves.column_people", lang): room.participants if room else wave.participants,
            }
            for d in comparison.dimension_ids:
                row[questionnaire.dimension(d).title(lang)] = fmt.score(scores.get(d), lang)
            row[say("waves.overall", lang)] = fmt.score(
                room.overall if room else wave.score("overall"), lang
            )
            rows.append(row)
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
        if wave.groups:
            group_rows = [
                {
                    say("waves.column_group", lang): f"{plain(g.segment)} · {plain(g.option)}",
                    say("waves.column_people", lang): g.size,
                    say("waves.column_rooms", lang): g.rooms,
                    **{
                        questionnaire.dimension(d).title(lang): fmt.score(g.scores.get(d), lang)
                        for d in comparison.dimension_ids
                    },
                    say("waves.overall", lang): fmt.score(g.scores.get("overall"), lang),
                }
                for g in wave.groups
            ]
            st.markdown(f"**{say('waves.groups_title', lang)}**")
            st.dataframe(pd.DataFrame(group_rows), hide_index=True, width="stretch")
            st.caption(say("waves.groups_help", lang))


def not_comparable(comparison: Comparison, lang: Language) -> None:
    if not comparison.not_comparable:
        return
    count = len(comparison.not_comparable)
    title = say(f"waves.not_comparable_title_{fmt.plural(count, lang)}", lang, count=count)
    with st.expander(title, icon=":material/block:"):
        st.caption(say("waves.not_comparable_help", lang))
        for item in comparison.not_comparable:
            asked = ", ".join(comparison.waves[i].label for i in item.asked_in)
            st.markdown(
                f"- {item.text(lang)}  \n  _{say('waves.asked_in', lang, waves=plain(asked))}_"
            )
