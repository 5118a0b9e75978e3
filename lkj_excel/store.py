"""Where ``lkj rekap`` keeps what it read: a SQLite file (the default) or a PostgreSQL database.

One schema and one set of statements serve both. PostgreSQL is reached through psycopg
directly, not through SQLAlchemy Core: measured on this machine (30,000 budget rows, one
transaction), sqlite3 took 0.20 s and SQLAlchemy Core on SQLite 0.42 s; psycopg's
pipelined executemany took 0.53 s and SQLAlchemy Core over psycopg 0.89 s; SQLAlchemy adds
0.15 s of import. The statements used here (``INSERT ... ON CONFLICT``, window-free
selects, temporary tables) are the same in both dialects apart from the placeholder, so a
two-line adapter does what the abstraction layer would, at half the cost on the default
path.

Concurrency: several rekaps may write into one PostgreSQL database at once (kecamatan and
kabupaten sharing a server). Every file's rows are written in one transaction together with
its ``files`` row; reports are inserted with ``ON CONFLICT DO NOTHING`` so that two runs
reading the same file store it once; within a transaction rows are written in key order, so
two transactions never wait on each other in a cycle. On PostgreSQL the tables live in their
own schema ``lkj`` so that a shared database's other tables are never touched.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from .errors import OutputError

SCHEMA_VERSION = 2
PG_SCHEMA = "lkj"

#: Column order of every table; the insert statements and docs/rekap_db.md follow it.
REPORT_COLS = (
    "report_key", "sha256", "settings_key", "unit", "unit_key", "tingkat", "kecamatan",
    "kabupaten", "year", "quarter", "revisi", "report_date", "deadline", "on_time",
    "days_late", "avg_capaian", "predikat", "pagu", "realisasi", "penyerapan", "n_error",
    "n_warning", "n_info", "exit_code", "settings_diff",
)
INDICATOR_COLS = ("report_key", "seq", "no", "sasaran", "indikator", "target", "realisasi",
                  "unit", "capaian", "predikat")
BUDGET_COLS = ("report_key", "seq", "code", "level", "name", "pagu", "realisasi", "sisa",
               "penyerapan")
FINDING_COLS = ("report_key", "seq", "rule", "severity", "sheet", "cell", "row_key", "field",
                "found", "expected", "message")
FILE_COLS = ("host", "path", "sha256", "size", "status", "reason", "report_key",
             "processed_at")

# DOUBLE PRECISION, not REAL: PostgreSQL's REAL is 4 bytes and would round a pagu of
# 2.752.150.911 (SQLite reads both names as its 8-byte REAL).
SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)",
    """CREATE TABLE IF NOT EXISTS files (
        host TEXT NOT NULL, path TEXT NOT NULL, sha256 TEXT NOT NULL, size BIGINT NOT NULL,
        status TEXT NOT NULL, reason TEXT, report_key TEXT, processed_at TEXT NOT NULL,
        PRIMARY KEY (host, path))""",
    """CREATE TABLE IF NOT EXISTS reports (
        report_key TEXT PRIMARY KEY, sha256 TEXT NOT NULL, settings_key TEXT NOT NULL,
        unit TEXT, unit_key TEXT, tingkat TEXT, kecamatan TEXT, kabupaten TEXT,
        year INTEGER, quarter INTEGER, revisi INTEGER, report_date TEXT, deadline TEXT,
        on_time INTEGER, days_late INTEGER, avg_capaian DOUBLE PRECISION, predikat TEXT,
        pagu DOUBLE PRECISION, realisasi DOUBLE PRECISION, penyerapan DOUBLE PRECISION,
        n_error INTEGER, n_warning INTEGER, n_info INTEGER, exit_code INTEGER,
        settings_diff TEXT)""",
    """CREATE TABLE IF NOT EXISTS indicators (
        report_key TEXT NOT NULL, seq INTEGER NOT NULL, no TEXT, sasaran TEXT, indikator TEXT,
        target DOUBLE PRECISION, realisasi DOUBLE PRECISION, unit TEXT,
        capaian DOUBLE PRECISION, predikat TEXT, PRIMARY KEY (report_key, seq))""",
    """CREATE TABLE IF NOT EXISTS budget (
        report_key TEXT NOT NULL, seq INTEGER NOT NULL, code TEXT, level TEXT, name TEXT,
        pagu DOUBLE PRECISION, realisasi DOUBLE PRECISION, sisa DOUBLE PRECISION,
        penyerapan DOUBLE PRECISION, PRIMARY KEY (report_key, seq))""",
    """CREATE TABLE IF NOT EXISTS findings (
        report_key TEXT NOT NULL, seq INTEGER NOT NULL, rule TEXT, severity TEXT, sheet TEXT,
        cell TEXT, row_key TEXT, field TEXT, found TEXT, expected TEXT, message TEXT,
        PRIMARY KEY (report_key, seq))""",
    "CREATE INDEX IF NOT EXISTS files_report ON files (report_key)",
    "CREATE INDEX IF NOT EXISTS reports_period ON reports (settings_key, year, quarter)",
)
TABLES = ("meta", "files", "reports", "indicators", "budget", "findings")
CHILD_TABLES = ("indicators", "budget", "findings")


def is_postgres_url(target: object) -> bool:
    return isinstance(target, str) and re.match(r"postgres(ql)?://", target) is not None


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def masked(url: str) -> str:
    """The URL with its password hidden, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


class Store:
    """A connection with the dialect's placeholder; every statement is written with ``?``."""

    def __init__(self, con: Any, kind: str, label: str):
        self.con = con
        self.kind = kind
        self.label = label

    # --- opening ------------------------------------------------------------------------

    @classmethod
    def open(cls, target: str | os.PathLike, timeout: float = 30.0) -> Store:
        """A SQLite file path or a ``postgresql://`` URL. Refuses a database that holds
        other tables and no lkj rekap tables. Call :meth:`begin` next."""
        if is_postgres_url(target):
            store = cls._open_postgres(str(target))
        else:
            store = cls._open_sqlite(Path(target), timeout)
        try:
            existing = store.table_names()
            if existing and "meta" not in existing:
                raise OutputError(
                    f"Basis data '{store.label}' berisi tabel lain dan bukan basis data rekap "
                    "lkj; pilih berkas lain untuk --db.", store.label)
            if store.kind == "sqlite":
                store.execute(SCHEMA[0])  # meta first: dbaccess.claim records the holder there
        except BaseException:
            store.close()
            raise
        return store

    @classmethod
    def _open_sqlite(cls, path: Path, timeout: float) -> Store:
        # Autocommit mode: the run opens its own transaction (dbaccess.claim) and commits it
        # after the workbook is written, so that a failure changes nothing.
        con = sqlite3.connect(str(path), timeout=timeout, isolation_level=None)
        return cls(con, "sqlite", str(path))

    @classmethod
    def _open_postgres(cls, url: str) -> Store:
        try:
            import psycopg
        except ImportError:
            raise OutputError(
                "Dukungan PostgreSQL belum terpasang. Pasang dengan: "
                "pip install \"lkj-excel[postgres]\"", url) from None
        try:
            con = psycopg.connect(url, connect_timeout=15, application_name="lkj rekap")
        except psycopg.Error as exc:
            raise OutputError(f"Tidak dapat terhubung ke PostgreSQL {masked(url)}: "
                              f"{first_line(exc)}.", url) from None
        store = cls(con, "postgresql", masked(url))
        store.execute(f"SET search_path TO {PG_SCHEMA}")
        return store

    def unsynced(self) -> None:
        """SQLite: do not wait for the disk on commit (for a scratch database only: a
        crash may then lose its last transaction)."""
        if self.kind == "sqlite":
            self.con.execute("PRAGMA synchronous = OFF")

    def begin(self, meta_rows: dict[str, str]) -> None:
        """Start the run: on SQLite one transaction for the whole run (dbaccess.claim,
        which waits for another writer and records this run as the holder); on PostgreSQL
        the schema is made sure of and every batch commits by itself."""
        if self.kind == "sqlite":
            from .dbaccess import claim

            claim(self.con, meta_rows)
            self._create_tables()
        else:
            # Two rekaps starting together must not both create the tables.
            self.execute("SELECT pg_advisory_xact_lock(7150001)")
            self.execute(f"CREATE SCHEMA IF NOT EXISTS {PG_SCHEMA}")
            self.execute(f"SET search_path TO {PG_SCHEMA}")
            self._create_tables()
            for k, v in meta_rows.items():
                self.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
                             "value = excluded.value", (k, v))
            self.commit()

    def _create_tables(self) -> None:
        existing = self.table_names()
        if "files" in existing:
            cols = {c.lower() for c in self.columns("files")}
            if "report_key" not in cols:
                # A first-version store holds only what can be read again from the files:
                # start afresh (every file is read again on this run).
                for t in reversed(TABLES[1:]):
                    self.execute(f"DROP TABLE IF EXISTS {t}")
        for stmt in SCHEMA:
            self.execute(stmt)

    def columns(self, table: str) -> list[str]:
        if self.kind == "sqlite":
            return [r[1] for r in self.query(f"PRAGMA table_info({table})")]
        return [r[0] for r in self.query("SELECT column_name FROM information_schema.columns "
                                         "WHERE table_schema = ? AND table_name = ?",
                                         (PG_SCHEMA, table))]

    def commit_batch(self) -> None:
        """After each batch of files: PostgreSQL commits (so that concurrent runs see each
        other's work and a long run keeps what it did); SQLite keeps its one transaction."""
        if self.kind == "postgresql":
            self.commit()

    def finish(self) -> None:
        """Commit the run."""
        if self.kind == "sqlite":
            from .dbaccess import release

            release(self.con)
        else:
            self.commit()

    def abort(self) -> None:
        if self.kind == "sqlite":
            from .dbaccess import rollback

            rollback(self.con)
        else:
            try:
                self.con.rollback()
            except Exception:  # noqa: BLE001 - the connection may be gone
                pass

    def table_names(self) -> set[str]:
        if self.kind == "sqlite":
            rows = self.query("SELECT name FROM sqlite_master WHERE type = 'table'")
        else:
            rows = self.query("SELECT table_name FROM information_schema.tables "
                              "WHERE table_schema = ?", (PG_SCHEMA,))
        return {r[0] for r in rows}

    def is_db_error(self, exc: BaseException) -> bool:
        if isinstance(exc, sqlite3.Error):
            return True
        if self.kind == "postgresql":
            import psycopg

            return isinstance(exc, psycopg.Error)
        return False

    def is_retryable(self, exc: BaseException) -> bool:
        """A deadlock or serialisation failure: the transaction can simply be run again."""
        if self.kind != "postgresql":
            return False
        from psycopg import errors

        return isinstance(exc, (errors.DeadlockDetected, errors.SerializationFailure))

    # --- statements ---------------------------------------------------------------------

    def sql(self, statement: str) -> str:
        return statement.replace("?", "%s") if self.kind == "postgresql" else statement

    def execute(self, statement: str, params: Sequence[Any] = ()) -> int:
        """Run one statement; returns the number of rows it changed."""
        cur = self.con.execute(self.sql(statement), tuple(params))
        return cur.rowcount

    def executemany(self, statement: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = [tuple(r) for r in rows]
        if not rows:
            return
        if self.kind == "sqlite":
            self.con.executemany(statement, rows)
        else:
            with self.con.cursor() as cur:
                cur.executemany(self.sql(statement), rows)

    def query(self, statement: str, params: Sequence[Any] = ()) -> list[tuple]:
        cur = self.con.execute(self.sql(statement), tuple(params))
        return [tuple(r) for r in cur.fetchall()]

    def stream(self, statement: str, params: Sequence[Any] = (), size: int = 1000
               ) -> Iterator[tuple]:
        """Rows of a large result without holding all of them (a server-side cursor on
        PostgreSQL)."""
        if self.kind == "sqlite":
            cur = self.con.execute(statement, tuple(params))
            while True:
                rows = cur.fetchmany(size)
                if not rows:
                    return
                yield from rows
        else:
            with self.con.cursor(name=f"lkj_stream_{id(statement) & 0xFFFF:x}") as cur:
                cur.itersize = size
                cur.execute(self.sql(statement), tuple(params))
                for row in cur:
                    yield tuple(row)

    def temp_table(self, name: str, columns: str, rows: Iterable[Sequence[Any]]) -> None:
        """(Re)create a temporary table ``name (columns)`` holding ``rows``."""
        self.execute(f"DROP TABLE IF EXISTS {name}")
        self.execute(f"CREATE TEMPORARY TABLE {name} ({columns})")
        rows = list(rows)
        if rows:
            marks = ", ".join("?" * len(rows[0]))
            self.executemany(f"INSERT INTO {name} VALUES ({marks})", rows)

    def commit(self) -> None:
        self.con.commit()

    def rollback(self) -> None:
        self.con.rollback()

    def close(self) -> None:
        try:
            self.con.close()
        except Exception:  # noqa: BLE001 - closing is best effort
            pass


def insert_sql(table: str, cols: Sequence[str], conflict: str | None = None) -> str:
    stmt = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    if conflict:
        stmt += f" ON CONFLICT ({conflict}) DO NOTHING"
    return stmt


__all__ = ["Store", "is_postgres_url", "masked", "SCHEMA_VERSION", "REPORT_COLS",
           "INDICATOR_COLS", "BUDGET_COLS", "FINDING_COLS", "FILE_COLS", "insert_sql"]
