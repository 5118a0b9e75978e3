"""A throwaway PostgreSQL server for the tests (standard library only).

    python tests/pgserver.py start DIR   # prints: export LKJ_TEST_PG_URL=postgresql://...
    python tests/pgserver.py stop DIR

.ci/run starts one this way; the test fixture (tests/test_rekap_pg.py) uses the URL in
LKJ_TEST_PG_URL when set and otherwise starts its own with :func:`start`. The cluster is
made with initdb (Debian's postgresql package) in DIR, trusts local connections, listens on
127.0.0.1 only, on a free port, and skips fsync: it holds nothing worth keeping. When run
as root, the server runs as the ``postgres`` user, as PostgreSQL requires.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path


class Unavailable(RuntimeError):
    """No PostgreSQL server can be started here (the reason is the message)."""


def _bin(name: str) -> str:
    hits = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    found = hits[0] if hits else shutil.which(name)
    if not found:
        raise Unavailable(f"{name} tidak ditemukan (pasang paket Debian 'postgresql')")
    return found


def _as_server_user(cmd: list[str]) -> list[str]:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        runuser = shutil.which("runuser")
        if runuser:
            return [runuser, "-u", "postgres", "--", *cmd]
        return ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(cmd)]
    return cmd


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(folder: str | os.PathLike) -> str:
    """Start a server with its data in ``folder``; return its URL."""
    d = Path(folder).resolve()
    d.mkdir(parents=True, exist_ok=True)
    data, sock = d / "data", d / "sock"
    sock.mkdir(exist_ok=True)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        import pwd

        try:
            pw = pwd.getpwnam("postgres")
        except KeyError:
            raise Unavailable("pengguna sistem 'postgres' tidak ada") from None
        for p in (d, sock):
            os.chown(p, pw.pw_uid, pw.pw_gid)
    port = _free_port()
    try:
        if not data.exists():
            subprocess.run(_as_server_user([_bin("initdb"), "-D", str(data), "-A", "trust",
                                            "-U", "postgres", "-E", "UTF8"]),
                           check=True, capture_output=True, timeout=120)
        opts = (f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off")
        subprocess.run(_as_server_user([_bin("pg_ctl"), "-D", str(data), "-o", opts, "-l",
                                        str(d / "server.log"), "-w", "-t", "60", "start"]),
                       check=True, capture_output=True, timeout=90)
    except subprocess.CalledProcessError as exc:
        log = (d / "server.log").read_text(errors="replace")[-500:] if \
            (d / "server.log").exists() else ""
        raise Unavailable(f"server tidak dapat dijalankan: "
                          f"{(exc.stderr or b'').decode(errors='replace')[-300:]} {log}") \
            from None
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise Unavailable(f"server tidak dapat dijalankan: {exc}") from None
    url = f"postgresql://postgres@127.0.0.1:{port}/postgres"
    (d / "url").write_text(url)
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return url
        except OSError:
            time.sleep(0.2)
    raise Unavailable("server tidak menerima koneksi")


def stop(folder: str | os.PathLike) -> None:
    data = Path(folder).resolve() / "data"
    if data.exists():
        subprocess.run(_as_server_user([_bin("pg_ctl"), "-D", str(data), "-m", "immediate",
                                        "stop"]), capture_output=True, timeout=60)


if __name__ == "__main__":
    what, where = sys.argv[1], sys.argv[2]
    if what == "start":
        try:
            print(f"export LKJ_TEST_PG_URL={start(where)}")
        except Unavailable as exc:
            why = str(exc).replace("'", " ").replace("\n", " ")
            print(f"echo 'PostgreSQL untuk uji tidak tersedia: {why}' >&2")
    else:
        stop(where)
