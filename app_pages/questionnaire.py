"""Browse a questionnaire: dimensions, questions, the described levels and reference points."""

import streamlit as st

from assessment.i18n import say
from assessment.models import Dimension, Language, Question, Questionnaire
from ui.authoring import authoring_downloads
from ui.context import choose_questionnaire, current_language

lang: Language = current_language()
questionnaire: Questionnaire | None = choose_questionnaire(lang)

if questionnaire is not None:
    st.title(questionnaire.title(lang))
    st.write(questionnaire.description(lang))
    st.caption(
        say(
            "app.overview_caption",
            lang,
            dimensions=len(questionnaire.dimensions),
            questions=len(questionnaire.questions()),
        )
    )
    authoring_downloads(questionnaire, lang)

    def show_question(question: Question, dimension: Dimension) -> None:
        with st.expander(f"**{question.order}.** {question.text(lang)}"):
            if question.help:
                st.caption(question.help(lang))
            side = say(f"app.side_{dimension.side_of(question)}", lang)
            st.markdown(
                f"{say('core.theme', lang)}: `{questionnaire.theme(question.theme).label(lang)}` · "
                f"{say('core.weight', lang)}: {question.weight:g}"
                + (f" · {say('core.side', lang)}: {side}" if questionnaire.has_sides else "")
            )
            choices = questionnaire.choices(question)
            st.table(
                {
                    say("core.level", lang): [f"{c.value} · {c.label(lang)}" for c in choices],
                    say("app.answer_scale", lang): [
                        c.description(lang) if c.description else "" for c in choices
                    ],
                },
                hide_index=True,
            )
            for reference_id in question.references:
                reference = questionnaire.reference(reference_id)
                st.info(
                    f"**{reference.value:g} {reference.unit}**: {reference.statement(lang)}  \n"
                    f"{reference.population(lang)}, {reference.year}. {reference.source}",
                    icon=":material/push_pin:",
                )
            if question.references:
                st.caption(say("app.reference_caveat", lang))

    tabs = st.tabs([d.title(lang) for d in questionnaire.ordered_dimensions()])
    for tab, dimension in zip(tabs, questionnaire.ordered_dimensions(), strict=True):
        with tab:
            st.write(dimension.description(lang))
            for question in dimension.ordered_questions():
                show_question(question, dimension)
