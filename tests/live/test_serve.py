"""The server's own socket: Nagle's algorithm off, so that a response's last bytes do not wait
for the client's delayed acknowledgement (40 ms on each request a phone makes)."""

import socket
import sys

import pytest

import serve


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inherited on Linux")
def test_connections_the_server_accepts_send_without_delay():
    # Opened as Streamlit opens it: protocol 0, which asyncio leaves with Nagle on.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM, 0) as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen()
        serve.switch_nagle_off()
        with socket.create_connection(listening.getsockname()):
            accepted, _ = listening.accept()
            with accepted:
                assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
