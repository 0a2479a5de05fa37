"""Browse a questionnaire: dimensions, questions, the described levels and reference points."""

import streamlit as st

from assessment.models import Dimension, Language, Question, Questionnaire
from ui.context import choose_questionnaire, current_language, t

lang: Language = current_language()
questionnaire: Questionnaire | None = choose_questionnaire(lang)

if questionnaire is not None:
    st.title(questionnaire.title(lang))
    st.write(questionnaire.description(lang))
    st.caption(
        t("overview_caption", lang).format(
            dimensions=len(questionnaire.dimensions), questions=len(questionnaire.questions())
        )
    )

    def show_question(question: Question, dimension: Dimension) -> None:
        with st.expander(f"**{question.order}.** {question.text(lang)}"):
            if question.help:
                st.caption(question.help(lang))
            side = t(f"side_{dimension.side_of(question)}", lang)
            st.markdown(
                f"{t('theme', lang)}: `{questionnaire.theme(question.theme).label(lang)}` · "
                f"{t('weight', lang)}: {question.weight:g} · {t('side', lang)}: {side}"
            )
            st.table(
                {
                    t("level", lang): [
                        f"{level.value} · {level.label(lang)}"
                        for level in questionnaire.scale.levels
                    ],
                    t("answer_scale", lang): [
                        question.anchors[v](lang) for v in questionnaire.scale.values
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
                st.caption(t("reference_caveat", lang))

    tabs = st.tabs([d.title(lang) for d in questionnaire.ordered_dimensions()])
    for tab, dimension in zip(tabs, questionnaire.ordered_dimensions(), strict=True):
        with tab:
            st.write(dimension.description(lang))
            for question in dimension.ordered_questions():
                show_question(question, dimension)
