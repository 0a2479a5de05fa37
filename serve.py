"""The server: the Streamlit app (app.py) and, on the same port, the phones' light page.

Run it as ``streamlit run serve.py`` (``make run``). Phone links (``/?join=CODE``,
``/?p=<token>``) get the light page of :mod:`phone`; every other address is the Streamlit app.
"""

import os
import socket

import streamlit as st
from starlette.middleware import Middleware

from phone.api import PhoneApp, PhoneLinks, default_service


def switch_nagle_off() -> None:
    """TCP_NODELAY on the server's listening socket, which the connections it accepts inherit
    (Linux). Streamlit opens that socket with protocol 0, so asyncio leaves Nagle's algorithm
    on, and the last bytes of each response waited for the client's delayed ACK: 40 ms on
    every request (curl: first byte at 0.6 ms, last at 44 ms; the cause is uvicorn's issue
    #3149, a pre-bound socket with protocol 0). The socket is bound before this file is
    imported, so it is found among the process's descriptors."""
    if not os.path.isdir("/proc/self/fd"):
        return
    for name in os.listdir("/proc/self/fd"):
        try:
            copy = os.dup(int(name))  # a copy of the descriptor: closing it closes nothing else
        except OSError:  # gone meanwhile
            continue
        try:
            sock = socket.socket(fileno=copy)
        except OSError:  # not a socket
            os.close(copy)
            continue
        with sock:
            listening = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN)
            if listening and sock.family in (socket.AF_INET, socket.AF_INET6):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


switch_nagle_off()
phones = PhoneApp(default_service)
app = st.App("app.py", routes=phones.routes(), middleware=[Middleware(PhoneLinks)])
