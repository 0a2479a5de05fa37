"""The server: the Streamlit app (app.py) and, on the same port, the phones' light page.

Run it as ``streamlit run serve.py`` (``make run``). Phone links (``/?join=CODE``,
``/?p=<token>``) get the light page of :mod:`phone`; every other address is the Streamlit app.
"""

import streamlit as st
from starlette.middleware import Middleware

from phone.api import PhoneApp, PhoneLinks, default_service

phones = PhoneApp(default_service)
app = st.App("app.py", routes=phones.routes(), middleware=[Middleware(PhoneLinks)])
