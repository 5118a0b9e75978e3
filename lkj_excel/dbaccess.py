"""Sharing the rekap database: wait for it, say who holds it, change it all or not at all.

A run of ``lkj rekap --db`` changes the database in one transaction (``BEGIN IMMEDIATE``
... ``COMMIT``), committed only once the rekap workbook is fully written: a failure
anywhere (a full disk, a killed process, a bad input) leaves the database as it was.

Two runs on one database queue: the second waits (up to ``timeout`` seconds) for the first
to finish, then reads what the first stored and skips those files. A program that keeps
the database open for reading (DB Browser for SQLite with a query open) blocks the final
commit; after ``timeout`` seconds lkj gives up with a message naming who holds the
database. So that a waiting run can name another lkj run, each run records itself
(process id, computer, user, start time) in the ``meta`` table before its transaction.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import sqlite3
import time
from pathlib import Path

from .errors import OutputError
from .writers.atomic import _pid_alive

#: Seconds to wait for another program to release the database.
DB_TIMEOUT = 30.0


def _me() -> dict:
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name is fine
        user = ""
    return {"pid": os.getpid(), "host": socket.gethostname(), "user": user,
            "since": time.strftime("%Y-%m-%dT%H:%M:%S")}


def claim(con: sqlite3.Connection, meta_rows: dict[str, str]) -> None:
    """Record this run as the holder (with ``meta_rows``) in a short committed transaction,
    then open the run's own transaction. Both wait for other writers (busy timeout)."""
    con.execute("BEGIN IMMEDIATE")
    for k, v in {**meta_rows, "holder": json.dumps(_me())}.items():
        con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (k, v))
    con.execute("COMMIT")
    con.execute("BEGIN IMMEDIATE")


def release(con: sqlite3.Connection) -> None:
    """Forget the holder and commit the run's transaction."""
    con.execute("DELETE FROM meta WHERE key = 'holder'")
    con.execute("COMMIT")


def rollback(con: sqlite3.Connection) -> None:
    with contextlib.suppress(sqlite3.Error):
        if con.in_transaction:
            con.execute("ROLLBACK")


def _recorded_holder(path: Path) -> dict | None:
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=0.5)
        try:
            row = con.execute("SELECT value FROM meta WHERE key = 'holder'").fetchone()
        finally:
            con.close()
        info = json.loads(row[0]) if row else None
    except (sqlite3.Error, ValueError, TypeError, OSError):
        return None
    if not isinstance(info, dict) or info.get("pid") == os.getpid():
        return None
    if info.get("host") == socket.gethostname() and not _pid_alive(int(info.get("pid", 0))):
        return None  # left by a run that was killed
    return info


def _openers(path: Path) -> list[tuple[int, str]]:
    """Processes (other than this one and its workers) with ``path`` open, where the
    system tells (Linux /proc); empty elsewhere."""
    proc = Path("/proc")
    if not proc.is_dir():
        return []
    target = str(path.resolve())
    me = os.getpid()
    found: list[tuple[int, str]] = []
    for d in proc.iterdir():
        if not d.name.isdigit() or int(d.name) == me:
            continue
        try:
            fds = list((d / "fd").iterdir())
        except OSError:
            continue
        for fd in fds:
            try:
                if os.readlink(fd) == target:
                    name = (d / "comm").read_text().strip()
                    status = (d / "status").read_text()
                    ppid = next((int(line.split()[1]) for line in status.splitlines()
                                 if line.startswith("PPid:")), 0)
                    if ppid != me:
                        found.append((int(d.name), name))
                    break
            except (OSError, ValueError):
                continue
    return found


def holder_text(path: Path) -> str:
    """Who holds the database, in Indonesian: another lkj run, a named program, or a
    hint when the system does not tell."""
    info = _recorded_holder(path)
    if info is not None:
        since = str(info.get("since", ""))[11:16].replace(":", ".")
        where = f" di komputer {info['host']}" if info.get("host") != socket.gethostname() \
            else ""
        user = f" milik {info['user']}" if info.get("user") else ""
        return (f"oleh lkj rekap lain (proses {info.get('pid')}{where}{user}"
                + (f", mulai pukul {since}" if since else "") + ")")
    openers = _openers(path)
    if openers:
        names = ", ".join(f"{name} (proses {pid})" for pid, name in openers[:3])
        return f"oleh program lain: {names}"
    return "oleh program lain (misalnya DB Browser for SQLite atau rekap lain)"


def database_error(path: Path, exc: sqlite3.Error, waited: float) -> OutputError:
    """The OutputError for a failed database operation; the transaction is rolled back,
    so every message can say that nothing was changed."""
    text = str(exc).lower()
    name = path.name
    if "locked" in text or "busy" in text:
        return OutputError(
            f"Basis data '{name}' sedang dipakai {holder_text(path)}; lkj sudah menunggu "
            f"{waited:.0f} detik. Tutup program itu atau tunggu rekap lain selesai, lalu "
            "jalankan lagi. Tidak ada berkas yang diubah.", path)
    if "full" in text:
        return OutputError(
            f"Basis data '{name}' tidak diperbarui karena disk penuh. Tidak ada berkas yang "
            "diubah; kosongkan sebagian ruang disk lalu jalankan lagi.", path)
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return OutputError(
            f"Basis data '{name}' tidak dapat ditulis (tidak ada izin tulis atau foldernya "
            "hanya-baca). Tidak ada berkas yang diubah.", path)
    return OutputError(f"Basis data '{name}' tidak dapat dipakai: {exc}. Tidak ada berkas yang "
                       "diubah.", path)
