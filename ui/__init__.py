"""Streamlit helpers shared by the pages (with app.py and app_pages/, the only streamlit users)."""
