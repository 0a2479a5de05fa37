"""Router: page config, language, navigation. Pages live in app_pages/, logic in assessment/."""

import streamlit as st

from ui.context import choose_language, t

st.set_page_config(page_title="Transformation maturity", page_icon="✈️", layout="wide")
lang = choose_language()

pages = [
    st.Page(
        "app_pages/questionnaire.py", title=t("page_questionnaire", lang), icon="📋", default=True
    ),
]
st.navigation(pages).run()
