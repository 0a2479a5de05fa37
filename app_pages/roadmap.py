"""The roadmap page (being built)."""

import streamlit as st

st.info("…")
