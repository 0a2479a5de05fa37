"""Transformation maturity assessment: the pure domain core (never imports streamlit)."""
