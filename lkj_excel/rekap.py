"""``lkj rekap``: consolidate many reports upward into one workbook and a SQLite database.

Every workbook is read and checked in a worker process; the worker returns a small record
(identity, indicators, program budgets, findings) and the main process streams it into
SQLite. The database is the store - with ``--db`` a file kept between runs, otherwise a
temporary one - so memory does not grow with the number of files, and a second run skips
files whose bytes (SHA-256) have not changed. The consolidated workbook is then written
from the database (writers/rekap.py).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import LkjError, NoInputFiles, OutputError
from .inputs import expand

SPREADSHEET_EXT = (".xlsx", ".xlsm", ".xls", ".ods")
SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,       -- as given on the command line, made absolute
    sha256 TEXT NOT NULL,        -- hash of the file's bytes: the key of everything below
    size INTEGER NOT NULL,
    status TEXT NOT NULL,        -- 'ok' or 'bad'
    reason TEXT,                 -- Indonesian reason when status = 'bad'
    processed_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS reports (
    sha256 TEXT PRIMARY KEY,
    unit TEXT, unit_key TEXT, tingkat TEXT, kecamatan TEXT, kabupaten TEXT,
    year INTEGER, quarter INTEGER, report_date TEXT, deadline TEXT,
    on_time INTEGER, days_late INTEGER,
    avg_capaian REAL, predikat TEXT,
    pagu REAL, realisasi REAL, penyerapan REAL,
    n_error INTEGER, n_warning INTEGER, n_info INTEGER, exit_code INTEGER
);
CREATE TABLE IF NOT EXISTS indicators (
    sha256 TEXT NOT NULL, seq INTEGER NOT NULL, no TEXT, sasaran TEXT, indikator TEXT,
    target REAL, realisasi REAL, unit TEXT, capaian REAL, predikat TEXT,
    PRIMARY KEY (sha256, seq)
);
CREATE TABLE IF NOT EXISTS budget (
    sha256 TEXT NOT NULL, seq INTEGER NOT NULL, code TEXT, level TEXT, name TEXT,
    pagu REAL, realisasi REAL, sisa REAL, penyerapan REAL,
    PRIMARY KEY (sha256, seq)
);
CREATE TABLE IF NOT EXISTS findings (
    sha256 TEXT NOT NULL, seq INTEGER NOT NULL, rule TEXT, severity TEXT, sheet TEXT,
    cell TEXT, row_key TEXT, field TEXT, found TEXT, expected TEXT, message TEXT,
    PRIMARY KEY (sha256, seq)
);
CREATE INDEX IF NOT EXISTS files_sha ON files (sha256);
CREATE INDEX IF NOT EXISTS reports_period ON reports (year, quarter, unit_key);
"""


@dataclass
class RekapResult:
    output: Path
    db: Path | None
    files_in: int = 0
    consolidated: int = 0
    bad: int = 0
    skipped_unchanged: int = 0
    processed: int = 0
    duplicates: int = 0
    seconds: float = 0.0
    bad_files: list[tuple[str, str]] = field(default_factory=list)
    #: Workbooks written by an earlier ``lkj rekap`` found among the inputs: not reports,
    #: so neither consolidated nor counted in files_in.
    skipped_outputs: list[str] = field(default_factory=list)
    #: Inputs that yielded no file (an empty folder, a pattern matching nothing).
    notes: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------------------


def collect_inputs(inputs: Iterable[str | os.PathLike], exclude: Iterable[Path] = ()
                   ) -> list[Path]:
    """Files, folders (searched recursively for .xlsx/.xlsm/.xls/.ods) and glob patterns,
    in a stable order, each once (see inputs.expand)."""
    return expand(inputs, exclude).files


def file_hash(path: Path) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


# ---------------------------------------------------------------------------------------
# The worker
# ---------------------------------------------------------------------------------------


def process_file(path: str) -> dict:
    """Read and check one workbook; return a picklable record. Never raises."""
    try:
        from .checking import check_file
        from .summary import build_summary

        res = check_file(path)
        s = build_summary(res)
        rep = {
            "unit": s.unit, "unit_key": _unit_key(s), "tingkat": s.tingkat,
            "kecamatan": res.report.identity.kecamatan.text,
            "kabupaten": res.report.identity.kabupaten.text,
            "year": s.year, "quarter": s.quarter,
            "report_date": s.report_date.isoformat() if s.report_date else None,
            "deadline": s.deadline.isoformat() if s.deadline else None,
            "on_time": None if s.on_time is None else int(s.on_time),
            "days_late": s.days_late,
            "avg_capaian": s.average, "predikat": s.average_predikat,
            "pagu": s.total_pagu, "realisasi": s.total_realisasi, "penyerapan": s.penyerapan,
            "n_error": res.counts["error"], "n_warning": res.counts["warning"],
            "n_info": res.counts["info"], "exit_code": res.exit_code,
        }
        indicators = [
            (i.no, i.sasaran, i.indikator or i.sasaran, i.target, i.realisasi, i.unit,
             i.capaian, i.predikat)
            for i in s.indicators
        ]
        budget = [(b.code, b.level, b.name, b.pagu, b.realisasi, b.sisa, b.penyerapan)
                  for b in s.budget]
        findings = [(f.rule, f.severity.value, f.sheet, f.cell or "", f.row_key, f.field,
                     f.found, f.expected, f.message) for f in res.sorted()]
        return {"path": path, "ok": True, "report": rep, "indicators": indicators,
                "budget": budget, "findings": findings}
    except LkjError as exc:
        from .inputs import is_rekap_output

        if is_rekap_output(path):
            return {"path": path, "ok": False, "rekap_output": True}
        return {"path": path, "ok": False, "reason": exc.message}
    except Exception as exc:  # noqa: BLE001 - one bad file never stops the rekap
        return {"path": path, "ok": False,
                "reason": f"Kesalahan tak terduga saat membaca ({type(exc).__name__}: {exc})."}


def _unit_key(s) -> str:
    from .parsing import normalise_text

    return normalise_text(f"{s.unit} {s.tingkat}")


# ---------------------------------------------------------------------------------------
# The database
# ---------------------------------------------------------------------------------------


def open_db(path: Path, timeout: float = 5.0) -> sqlite3.Connection:
    """Open (creating if needed) a rekap database in autocommit mode: the caller opens
    its own transaction (see dbaccess.claim)."""
    try:
        con = sqlite3.connect(str(path), timeout=timeout, isolation_level=None)
        con.executescript(SCHEMA)
    except sqlite3.DatabaseError as exc:
        from .dbaccess import database_error

        raise database_error(path, exc, timeout) from None
    return con


def _forget_path(con: sqlite3.Connection, path: str) -> None:
    row = con.execute("SELECT sha256 FROM files WHERE path = ?", (path,)).fetchone()
    if row:
        con.execute("DELETE FROM files WHERE path = ?", (path,))
        _forget(con, row[0])


def _forget(con: sqlite3.Connection, sha: str) -> None:
    """Drop the rows of a file version no longer referenced by any path."""
    (n,) = con.execute("SELECT COUNT(*) FROM files WHERE sha256 = ?", (sha,)).fetchone()
    if n == 0:
        for table in ("reports", "indicators", "budget", "findings"):
            con.execute(f"DELETE FROM {table} WHERE sha256 = ?", (sha,))


def _store(con: sqlite3.Connection, rec: dict, sha: str, size: int) -> None:
    now = time.strftime("%Y-%m-%dT%H:%M:%S")
    old = con.execute("SELECT sha256 FROM files WHERE path = ?", (rec["path"],)).fetchone()
    con.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)",
                (rec["path"], sha, size, "ok" if rec["ok"] else "bad", rec.get("reason"), now))
    if old and old[0] != sha:
        _forget(con, old[0])
    if not rec["ok"]:
        return
    for table in ("reports", "indicators", "budget", "findings"):
        con.execute(f"DELETE FROM {table} WHERE sha256 = ?", (sha,))
    r = rec["report"]
    cols = ("unit", "unit_key", "tingkat", "kecamatan", "kabupaten", "year", "quarter",
            "report_date", "deadline", "on_time", "days_late", "avg_capaian", "predikat",
            "pagu", "realisasi", "penyerapan", "n_error", "n_warning", "n_info", "exit_code")
    con.execute(f"INSERT INTO reports VALUES (?, {', '.join('?' * len(cols))})",
                (sha, *(r[c] for c in cols)))
    con.executemany("INSERT INTO indicators VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [(sha, i, *row) for i, row in enumerate(rec["indicators"])])
    con.executemany("INSERT INTO budget VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [(sha, i, *row) for i, row in enumerate(rec["budget"])])
    con.executemany("INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [(sha, i, *row) for i, row in enumerate(rec["findings"])])


# ---------------------------------------------------------------------------------------
# The whole run
# ---------------------------------------------------------------------------------------


def rekap(inputs: Iterable[str | os.PathLike], output: str | os.PathLike,
          db: str | os.PathLike | None = None, jobs: int | None = None,
          progress: Callable[[int, int], None] | None = None, overwrite: bool = False,
          db_timeout: float | None = None) -> RekapResult:
    """Consolidate the workbooks named by ``inputs`` into ``output`` (and ``db``).

    ``progress(done, total)`` is called as files finish. Returns counts for which
    files_in == consolidated + bad always holds. The outputs are checked first
    (:func:`lkj_excel.outputs.guard_output`: never an input, never each other, an existing
    file replaced only if it is an earlier lkj rekap or with ``overwrite``). The database
    is changed in one transaction committed after the workbook is written, so a failure
    changes nothing; another run holding it is waited for up to ``db_timeout`` seconds.
    """
    from .dbaccess import DB_TIMEOUT, claim, database_error, release, rollback
    from .outputs import guard_output, is_earlier_output
    from .writers.atomic import atomic_output
    from .writers.rekap import write_rekap

    t0 = time.perf_counter()
    timeout = DB_TIMEOUT if db_timeout is None else db_timeout
    out = Path(output)
    if out.suffix.lower() != ".xlsx":
        raise OutputError(f"Berkas rekap harus berakhiran .xlsx, bukan '{out.suffix}'.", out)
    db_path = Path(db) if db is not None else None
    in_place = db_path is not None and is_earlier_output(db_path, "db")
    exclude = [out] if is_earlier_output(out, "rekap") else []
    if in_place:
        exclude.append(db_path)
    found = expand(inputs, exclude)
    missing = [str(p) for p in found.files if not os.path.lexists(p)]
    if missing:  # a typo in a folder or file name is not "1 berkas masuk"
        raise NoInputFiles(" ".join(f"'{m}' tidak ditemukan: tidak ada berkas atau folder "
                                    "dengan nama itu." for m in missing[:5]), missing[0])
    if not found.files:
        raise NoInputFiles(found.nothing_message())
    files = found.files
    guard_output(out, "rekap", reads=files, outputs=[db_path] if db_path else [],
                 overwrite=overwrite)
    if db_path is not None:
        guard_output(db_path, "db", reads=files, outputs=[out], overwrite=overwrite)
    result = RekapResult(out, db_path, files_in=len(files), notes=found.empty)
    tmpdir = None
    if in_place:
        store = db_path
    else:  # a new database is built aside and copied into place at the end
        tmpdir = tempfile.TemporaryDirectory(prefix="lkj-rekap-")
        store = Path(tmpdir.name) / "rekap.sqlite"
    shown = db_path or store
    con = None
    t_wait = time.perf_counter()
    try:
        con = open_db(store, timeout)
        claim(con, {"schema_version": str(SCHEMA_VERSION)})
        todo: list[tuple[str, str, int]] = []
        current: list[tuple[str, str]] = []
        done = 0
        for f in files:
            key = str(f.resolve())
            try:
                if not stat.S_ISREG(os.stat(f).st_mode):
                    raise IsADirectoryError(0, "bukan berkas biasa")
                sha, size = file_hash(f)
            except OSError as exc:
                reason = ("Berkas tidak ditemukan." if not f.exists() else
                          "Bukan berkas biasa (folder, pipa atau perangkat); hanya berkas "
                          "yang dibaca." if exc.errno == 0 else
                          f"Berkas tidak dapat dibuka: {exc.strerror}.")
                _store(con, {"path": key, "ok": False, "reason": reason}, "-", 0)
                current.append((key, "-"))
                done += 1
                continue
            current.append((key, sha))
            row = con.execute("SELECT sha256 FROM files WHERE path = ?", (key,)).fetchone()
            if row and row[0] == sha:
                result.skipped_unchanged += 1
                done += 1
                continue
            todo.append((key, sha, size))
        if progress:
            progress(done, len(files))
        result.processed = len(todo)
        workers = max(1, jobs or os.cpu_count() or 1)
        meta = {k: (sha, size) for k, sha, size in todo}
        if len(todo) < 4:
            results: Iterable[dict] = map(process_file, [k for k, _, _ in todo])
        else:
            from .workers import run_all

            results = run_all(process_file, [k for k, _, _ in todo],
                              min(workers, len(todo)), _crashed)
        for rec in results:
            sha, size = meta[rec["path"]]
            if rec.get("rekap_output"):
                result.skipped_outputs.append(rec["path"])
                _forget_path(con, rec["path"])
            else:
                _store(con, rec, sha, size)
            done += 1
            if progress:
                progress(done, len(files))
        skipped = set(result.skipped_outputs)
        paths = [p for p, _ in current if p not in skipped]
        result.files_in = len(paths)
        if not paths:
            raise NoInputFiles("Yang ditemukan hanya hasil rekap sebelumnya, bukan laporan: "
                               + ", ".join(Path(p).name for p in result.skipped_outputs) + ".")
        result.bad_files = _bad_files(con, paths)
        result.bad = len(result.bad_files)
        result.consolidated = len(paths) - result.bad
        with atomic_output(out) as tmp:
            # the workbook is complete before the database is committed, and the database
            # is committed before the workbook takes its name: a failure changes neither
            result.duplicates = write_rekap(con, paths, Path(tmp))
            t_wait = time.perf_counter()
            release(con)
            if not in_place and db_path is not None:
                con.close()
                con = None
                with atomic_output(db_path) as tmp_db:
                    shutil.copyfile(store, tmp_db)
    except sqlite3.Error as exc:
        if con is not None:
            rollback(con)
        raise database_error(shown, exc, time.perf_counter() - t_wait) from None
    except BaseException:
        if con is not None:
            rollback(con)
        raise
    finally:
        if con is not None:
            con.close()
        if tmpdir is not None:
            tmpdir.cleanup()
    result.seconds = time.perf_counter() - t0
    return result


def _crashed(path: str) -> dict:
    return {"path": path, "ok": False,
            "reason": "Proses pembaca berhenti mendadak saat membaca berkas ini (isinya tidak "
                      "wajar atau memori habis); berkas lain tetap direkap. Kirim berkas ini "
                      "ke pengelola lkj-excel."}


def _bad_files(con: sqlite3.Connection, paths: list[str]) -> list[tuple[str, str]]:
    out = []
    for p in paths:
        row = con.execute("SELECT status, reason FROM files WHERE path = ?", (p,)).fetchone()
        if row is None or row[0] != "ok":
            out.append((p, row[1] if row else "Berkas tidak diproses."))
    return out
