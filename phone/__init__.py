"""The participant's phone: a light page (HTML, CSS, JavaScript served by the app itself), its
JSON API and server-sent events, mounted beside the Streamlit app by ``serve.py``."""
