"""A throwaway PostgreSQL cluster for tests: Debian's `postgresql` package, a temporary folder,
a free port on 127.0.0.1, stopped at the end. `make test` installs the package when run as root."""

from __future__ import annotations

import contextlib
import getpass
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.servers import free_port

BIN_DIRS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)


def available() -> bool:
    return bool(BIN_DIRS) and (BIN_DIRS[0] / "initdb").exists()


def started_cluster() -> PostgresCluster:
    """A throwaway server; without PostgreSQL the test is skipped (failed under CI=true)."""
    if not available():
        message = "PostgreSQL is not installed (`make test` installs it when run as root)"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    return PostgresCluster().start()


class PostgresCluster:
    def __init__(self) -> None:
        self.bin = BIN_DIRS[0]
        self.folder = Path(tempfile.mkdtemp(prefix="pgtest-"))
        self.port = free_port()
        # PostgreSQL refuses to run as root: as root, run it as the package's `postgres` user.
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        self.superuser = "postgres" if os.geteuid() == 0 else getpass.getuser()

    def _run(self, *command: str) -> None:
        subprocess.run(
            [*self.as_user, *command], check=True, capture_output=True, text=True, timeout=120
        )

    def start(self) -> PostgresCluster:
        if self.as_user:
            shutil.chown(self.folder, "postgres")
        data = self.folder / "data"
        self._run(str(self.bin / "initdb"), "-D", str(data), "-A", "trust", "-U", self.superuser)
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = str(self.folder / "server.log")
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(data), "-o", options, "-l", log, "-w", "start"
        )
        return self

    def pause(self) -> None:
        """Stop the server, keeping its data: an outage."""
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop"
        )

    def resume(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = str(self.folder / "server.log")
        data = str(self.folder / "data")
        self._run(str(self.bin / "pg_ctl"), "-D", data, "-o", options, "-l", log, "-w", "start")

    def stop(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self.pause()  # fails when already stopped (a test that failed during an outage)
        shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{self.superuser}@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A fresh, empty database; its URL."""
        name = f"t_{uuid.uuid4().hex[:12]}"
        engine = sa.create_engine(self.url(), isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        engine.dispose()
        return self.url(name)
