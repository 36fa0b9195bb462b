"""A throwaway PostgreSQL cluster for the office-mode tests (and the benchmarks).

The cluster lives in a temporary folder and listens on 127.0.0.1 at a free port with
password (SCRAM) authentication, as an office server would. PostgreSQL refuses to run as
root: when the tests run as root, the cluster runs as the ``postgres`` system user that
Debian's package creates (``tools/dev.sh`` installs it).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

SUPERUSER = "postgres"
SUPER_PASSWORD = "throwaway-superuser-pw"


def _bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def available() -> bool:
    return _bin("initdb") is not None and _bin("pg_ctl") is not None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """Start with ``start()``, stop with ``stop()``; ``url(user, db)`` to connect."""

    def __init__(self):
        self.base = Path(tempfile.mkdtemp(prefix="custdesk-pg-"))
        self.data = self.base / "data"
        self.port = _free_port()
        self._as_root = os.geteuid() == 0

    def _run(self, args: list[str], **kw) -> subprocess.CompletedProcess:
        if self._as_root:
            args = ["runuser", "-u", "postgres", "--", *args]
        return subprocess.run(args, check=True, capture_output=True, text=True, **kw)

    def start(self) -> "Cluster":
        pwfile = self.base / "pw"
        pwfile.write_text(SUPER_PASSWORD + "\n")
        if self._as_root:
            shutil.chown(self.base, "postgres", "postgres")
            shutil.chown(pwfile, "postgres", "postgres")
        os.chmod(self.base, 0o700)
        self._run([_bin("initdb"), "-D", str(self.data), "-U", SUPERUSER, "--auth=scram-sha-256",
                   f"--pwfile={pwfile}", "-E", "UTF8", "--locale=C.UTF-8"])
        pwfile.unlink()
        # Small and quick: fsync off (a throwaway cluster), enough connections for the
        # concurrency tests, the socket in the cluster's own folder.
        with open(self.data / "postgresql.conf", "a") as conf:
            conf.write(f"\nport = {self.port}\nlisten_addresses = '127.0.0.1'\n"
                       f"unix_socket_directories = '{self.base}'\nfsync = off\n"
                       "synchronous_commit = off\nfull_page_writes = off\n"
                       "max_connections = 120\nshared_buffers = 64MB\n")
        self._start()
        return self

    def _start(self) -> None:
        self._run([_bin("pg_ctl"), "-D", str(self.data), "-l", str(self.base / "log"),
                   "-w", "-t", "60", "start"])

    def restart(self) -> None:
        self._run([_bin("pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "restart",
                   "-l", str(self.base / "log")])

    def stop(self) -> None:
        try:
            self._run([_bin("pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"])
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.base, ignore_errors=True)

    def url(self, db: str = "postgres", user: str | None = SUPERUSER,
            password: str | None = None) -> str:
        who = ""
        if user:
            who = user + (f":{password}" if password else "") + "@"
        return f"postgresql://{who}127.0.0.1:{self.port}/{db}"

    def super_url(self, db: str) -> str:
        return self.url(db, SUPERUSER, SUPER_PASSWORD)


def main(argv: list[str]) -> int:
    """``python -m tests.pg_server start`` prints the port and folder of a new cluster (left
    running); ``python -m tests.pg_server stop FOLDER`` stops and removes it. For scripts
    that are not Python (installer/build.sh tries the built program on an office database)."""
    if argv[:1] == ["start"]:
        cluster = Cluster().start()
        print(cluster.port, cluster.base)
        return 0
    if len(argv) == 2 and argv[0] == "stop":
        cluster = Cluster.__new__(Cluster)
        cluster.base = Path(argv[1])
        cluster.data = cluster.base / "data"
        cluster._as_root = os.geteuid() == 0
        cluster.stop()
        return 0
    print("usage: python -m tests.pg_server start | stop FOLDER", file=__import__("sys").stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(__import__("sys").argv[1:]))
