"""A real ``streamlit run serve.py`` of the app, as the README starts it, on a free loopback
port with its own database, and Debian's chromium to drive it (never a browser Playwright
downloads): for the browser tests and for the benchmarks that drive the server."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = next(
    (p for p in ("/usr/lib/chromium/chromium", "/usr/bin/chromium") if Path(p).exists()),
    shutil.which("chromium"),
)

# Headless Debian chromium on a machine without internet: nothing of its own to fetch.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
# On loopback, headless; no file watcher: a file edited during a run must not reload modules.
SERVER_OPTIONS = [
    "--server.headless", "true",
    "--server.address", "127.0.0.1",
    "--browser.gatherUsageStats", "false",
    "--server.fileWatcherType", "none",
]  # fmt: skip


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class StreamlitServer:
    """A real `streamlit run` of the app on its own port and database file. ``core``: the CPU
    core to pin it to (a load test keeps the server and its clients apart)."""

    def __init__(self, database: Path | str, port: int | None = None, core: str | None = None):
        self.database = database  # a SQLite file, or a database URL
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.core = core
        self.process: subprocess.Popen | None = None

    def start(self) -> "StreamlitServer":
        url = self.database if isinstance(self.database, str) else f"sqlite:///{self.database}"
        env = {**os.environ, "DATABASE_URL": url}
        command = [sys.executable, "-m", "streamlit", "run", "serve.py", *SERVER_OPTIONS]
        command += ["--server.port", str(self.port)]
        if self.core is not None and shutil.which("taskset") and (os.cpu_count() or 1) >= 2:
            command = ["taskset", "-c", self.core, *command]
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        self._wait_until_healthy()
        return self

    def kill(self) -> None:
        """SIGKILL: no clean shutdown, as when a machine loses power."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def _wait_until_healthy(self, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited with code {self.process.returncode}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise TimeoutError(f"streamlit did not answer at {self.url} within {seconds} s")
