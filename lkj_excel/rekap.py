"""``lkj rekap``: consolidate many reports upward into one workbook and a database.

Every workbook is hashed, read and checked in a worker process - hashing too, so that no
serial pass over the files precedes the work - and the worker returns a small record
(identity, indicators, program budgets, findings). The main process writes each record into
the store (store.py: a SQLite file, or a PostgreSQL database shared by several offices)
while the workers go on. The store is keyed by the file's SHA-256 together with the
settings it was judged by, so a second run skips every file whose bytes have not changed,
and a run whose inputs, settings and unit list are all unchanged does not even rewrite the
workbook. The workbook is then written from the store (writers/rekap.py).

The receiving office's rules (``settings``, from ``lkj pengaturan``) replace each report's
own Pengaturan sheet; what a report set differently is recorded and shown.

SQLite changes in one transaction committed after the workbook is written, so a failure
changes nothing (dbaccess.py); PostgreSQL commits each batch of files, so that several
offices consolidating into one server at once see each other's work.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import sqlite3
import stat
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from . import __version__
from .errors import LkjError, NoInputFiles, OutputError
from .inputs import expand
from .record import Record
from .store import (
    BUDGET_COLS,
    FILE_COLS,
    FINDING_COLS,
    INDICATOR_COLS,
    REPORT_COLS,
    SCHEMA_VERSION,
    Store,
    first_line,
    insert_sql,
    is_postgres_url,
)

SPREADSHEET_EXT = (".xlsx", ".xlsm", ".xls", ".ods")
#: Records written to the store per batch (on PostgreSQL: per transaction).
BATCH = 100


class CurrentFile(Record):
    """One input of this run, in input order."""

    __slots__ = ("ord", "path", "status", "report_key", "reason")
    __hash__ = None  # type: ignore[assignment]  # mutable

    def __init__(self, ord: int, path: str, status: str, report_key: str | None,
                 reason: str | None = None):
        self.ord = ord
        self.path = path
        self.status = status            # "ok" or "bad"
        self.report_key = report_key
        self.reason = reason


class RekapResult(Record):
    """What a rekap did (a Record, not a dataclass: an unchanged ``--db`` re-run is mostly
    start-up, and dataclasses cost it their import and two classes' generated code)."""

    __slots__ = ("output", "db", "files_in", "consolidated", "bad", "skipped_unchanged",
                 "processed", "superseded", "missing", "probable", "output_unchanged",
                 "seconds", "bad_files", "skipped_outputs", "notes")
    __hash__ = None  # type: ignore[assignment]  # mutable

    def __init__(self, output: Path, db: str | Path | None, files_in: int = 0,
                 consolidated: int = 0, bad: int = 0, skipped_unchanged: int = 0,
                 processed: int = 0, superseded: int = 0, missing: int = 0,
                 probable: int = 0, output_unchanged: bool = False, seconds: float = 0.0,
                 bad_files: list[tuple[str, str]] | None = None,
                 skipped_outputs: list[str] | None = None, notes: list[str] | None = None):
        self.output = output
        self.db = db
        self.files_in = files_in
        self.consolidated = consolidated
        self.bad = bad
        self.skipped_unchanged = skipped_unchanged
        self.processed = processed
        #: Reports replaced by a revision or a copy (listed in "Laporan Diganti", not
        #: summed).
        self.superseded = superseded
        #: (unit, period) pairs of the unit list with no report (sheet "Belum
        #: Menyampaikan").
        self.missing = missing
        #: Report unit names that only resemble a unit of the list (to be confirmed).
        self.probable = probable
        #: True when nothing changed since the run that wrote ``output``: it was not
        #: rewritten.
        self.output_unchanged = output_unchanged
        self.seconds = seconds
        self.bad_files = [] if bad_files is None else bad_files
        #: Workbooks written by an earlier ``lkj rekap`` found among the inputs: not
        #: reports, so neither consolidated nor counted in files_in.
        self.skipped_outputs = [] if skipped_outputs is None else skipped_outputs
        #: Inputs that yielded no file (an empty folder, a pattern matching nothing).
        self.notes = [] if notes is None else notes

    @property
    def duplicates(self) -> int:  # the name before revisions were told apart
        return self.superseded

    @property
    def db_label(self) -> str:
        """The database as it may be shown (a PostgreSQL password hidden)."""
        from .store import masked

        return masked(str(self.db)) if self.db is not None else ""


# ---------------------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------------------


def collect_inputs(inputs: Iterable[str | os.PathLike], exclude: Iterable[Path] = ()
                   ) -> list[Path]:
    """Files, folders (searched recursively for .xlsx/.xlsm/.xls/.ods) and glob patterns,
    in a stable order, each once (see inputs.expand)."""
    return expand(inputs, exclude).files


def file_hash(path: str | os.PathLike) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def report_key(sha256: str, settings_key: str) -> str:
    """What a stored result depends on: the file's bytes, the settings it was judged by and
    the version of lkj that judged it."""
    text = f"{sha256}:{settings_key}:{__version__}:{SCHEMA_VERSION}"
    return hashlib.sha256(text.encode()).hexdigest()[:32]


# ---------------------------------------------------------------------------------------
# The worker
# ---------------------------------------------------------------------------------------

_OFFICE: Any = None        # the Settings every report is judged by
_SETTINGS_KEY = ""
_KNOWN: dict[str, tuple[str, str]] = {}   # path -> (sha256, report_key) already stored


def _init_worker(settings: Any, settings_key: str, known: dict[str, tuple[str, str]]
                 ) -> None:
    global _OFFICE, _SETTINGS_KEY, _KNOWN
    _OFFICE, _SETTINGS_KEY, _KNOWN = settings, settings_key, known


def process_file(path: str) -> dict:
    """Hash one file; when it is new or changed, read and check it. Never raises."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise IsADirectoryError(0, "bukan berkas biasa")
        sha, size = file_hash(path)
    except OSError as exc:
        reason = ("Berkas tidak ditemukan." if not os.path.lexists(path) else
                  "Bukan berkas biasa (folder, pipa atau perangkat); hanya berkas yang dibaca."
                  if exc.errno == 0 else f"Berkas tidak dapat dibuka: {exc.strerror or exc}.")
        return {"path": path, "ok": False, "sha": None, "size": 0, "key": None,
                "reason": reason}
    key = report_key(sha, _SETTINGS_KEY)
    if _KNOWN.get(path) == (sha, key):
        return {"path": path, "unchanged": True, "sha": sha, "key": key}
    rec = _read_and_check(path, key)
    rec.update(sha=sha, size=size, key=key)
    return rec


def _read_and_check(path: str, key: str) -> dict:
    """The record of one workbook (see :func:`_record`), or why it has none."""
    from .gcpause import paused

    try:
        with paused():
            return _record(path, key)
    except LkjError as exc:
        from .inputs import is_rekap_output

        if is_rekap_output(path):
            return {"path": path, "ok": False, "rekap_output": True}
        return {"path": path, "ok": False, "reason": exc.message}
    except Exception as exc:  # noqa: BLE001 - one bad file never stops the rekap
        return {"path": path, "ok": False,
                "reason": f"Kesalahan tak terduga saat membaca ({type(exc).__name__}: {exc})."}
    finally:
        _forget_texts()


def _record(path: str, key: str) -> dict:
    """Read, check and summarise one workbook into the record the main process stores.

    Runs with the cyclic collector paused from the first cell read until the report, its
    check and its summary are dropped at the return: reference counting frees them, so
    when the collector resumes it finds only the record and the few cycles left (the
    diagnosis network's), instead of walking the whole model once after each of
    read_report, check and build_summary (their own pauses end inside this one). The
    check's network is let go of once the record is made (Context.close), so that
    nothing of the report is left in cycles for the collector either."""
    from .checking import check
    from .pengaturan import differences
    from .reader import read_report
    from .summary import build_summary

    report = read_report(path)
    office = _OFFICE
    if office is None:
        from .model import Settings

        office = Settings()
    diff = differences(report.settings, office)
    report.settings = office
    res = check(report)
    s = build_summary(res)
    ident = report.identity
    rev = ident.revisi.value if ident.revisi is not None else None
    rep = {
        "report_key": key, "sha256": None, "settings_key": _SETTINGS_KEY,
        "unit": s.unit, "unit_key": _unit_key(s.unit), "tingkat": s.tingkat,
        "kecamatan": ident.kecamatan.text, "kabupaten": ident.kabupaten.text,
        "year": s.year, "quarter": s.quarter,
        "revisi": int(rev) if isinstance(rev, (int, float)) and float(rev).is_integer()
        and 0 <= rev < 1000 else None,
        "report_date": s.report_date.isoformat() if s.report_date else None,
        "deadline": s.deadline.isoformat() if s.deadline else None,
        "on_time": None if s.on_time is None else int(s.on_time),
        "days_late": s.days_late,
        "avg_capaian": s.average, "predikat": s.average_predikat,
        # A report without an Anggaran sheet has no budget data, not a budget of 0.
        "pagu": s.total_pagu if s.budget else None,
        "realisasi": s.total_realisasi if s.budget else None,
        "penyerapan": s.penyerapan,
        "n_error": res.counts["error"], "n_warning": res.counts["warning"],
        "n_info": res.counts["info"], "exit_code": res.exit_code,
        "settings_diff": "; ".join(diff) or None,
    }
    indicators = [
        (i.no, i.sasaran, i.indikator or i.sasaran, i.target, i.realisasi, i.unit,
         i.capaian, i.predikat)
        for i in s.indicators
    ]
    budget = [(b.code, b.level, b.name, b.pagu, b.realisasi, b.sisa, b.penyerapan)
              for b in s.budget]
    from .render import shown_found, typed_values

    # "Tertulis" as a person reads it: 13.425.000, 38,50%
    typed = typed_values(report, res.findings)
    findings = [(f.rule, f.severity.value, f.sheet, f.cell or "", f.row_key, f.field,
                 shown_found(f, typed), f.expected, f.message) for f in res.sorted()]
    res.context.close()  # reference counting frees the report at the return
    return {"path": path, "ok": True, "report": rep, "indicators": indicators,
            "budget": budget, "findings": findings}


#: Entries a parser's memo of cell texts may hold in a rekap worker before it is dropped.
TEXT_MEMO_LIMIT = 8192


def _forget_texts() -> None:
    """Drop the parsers' memo of cell texts once one holds TEXT_MEMO_LIMIT entries: the
    workbooks of one rekap share many texts (amounts typed as text, codes, names), so the
    memo pays across files (a tenth of a worker's time), but across thousands of workbooks
    a full memo (65,536 entries) would grow each worker's memory by about 28 MiB."""
    from . import parsing

    fns = [fn for name in ("_parse_str", "_parse_text", "_percent_str", "_parse_code_text",
                           "_normalise")
           if (fn := getattr(parsing, name, None)) is not None and hasattr(fn, "cache_clear")]
    if any(fn.cache_info().currsize >= TEXT_MEMO_LIMIT for fn in fns):
        for fn in fns:
            fn.cache_clear()


def _unit_key(name: str) -> str:
    from .daftar_unit import unit_key

    return unit_key(name)


def _crashed(path: str) -> dict:
    return {"path": path, "ok": False, "sha": None, "size": 0, "key": None,
            "reason": "Proses pembaca berhenti mendadak saat membaca berkas ini (isinya tidak "
                      "wajar atau memori habis); berkas lain tetap direkap. Kirim berkas ini "
                      "ke pengelola lkj-excel."}


# ---------------------------------------------------------------------------------------
# The store
# ---------------------------------------------------------------------------------------


def _known(store: Store, host: str) -> dict[str, tuple[str, str, str, str | None]]:
    """path -> (sha256, report_key, status, reason) for this machine's files whose results
    are complete in the store."""
    rows = store.query(
        "SELECT f.path, f.sha256, f.report_key, f.status, f.reason, r.report_key "
        "FROM files f LEFT JOIN reports r ON r.report_key = f.report_key WHERE f.host = ?",
        (host,))
    return {p: (sha, key, status, reason) for p, sha, key, status, reason, have in rows
            if status != "ok" or have is not None}


def _store_batch(store: Store, recs: list[dict], host: str) -> None:
    """Write the records of one batch: each file's rows with its ``files`` row; on
    PostgreSQL as one transaction, retried when it met another run's in a deadlock."""
    now = time.strftime("%Y-%m-%dT%H:%M:%S")
    recs = sorted(recs, key=lambda r: (r["key"] or "", r["path"]))
    for attempt in range(6):
        try:
            _write_batch(store, recs, host, now)
            store.commit_batch()
            return
        except Exception as exc:
            if attempt < 5 and store.is_retryable(exc):
                store.rollback()
                time.sleep(0.05 * (attempt + 1))
                continue
            raise


def _write_batch(store: Store, recs: list[dict], host: str, now: str) -> None:
    for rec in recs:  # reports and their rows first, in key order (no deadlock cycles)
        if not rec["ok"]:
            continue
        rep = dict(rec["report"], sha256=rec["sha"])
        inserted = store.execute(insert_sql("reports", REPORT_COLS, "report_key"),
                                 [rep[c] for c in REPORT_COLS])
        if inserted:  # another run (or another path) may have stored the same already
            k = rec["key"]
            store.executemany(insert_sql("indicators", INDICATOR_COLS),
                              [(k, i, *row) for i, row in enumerate(rec["indicators"])])
            store.executemany(insert_sql("budget", BUDGET_COLS),
                              [(k, i, *row) for i, row in enumerate(rec["budget"])])
            store.executemany(insert_sql("findings", FINDING_COLS),
                              [(k, i, *row) for i, row in enumerate(rec["findings"])])
    by_path = sorted(recs, key=lambda r: r["path"])
    old_keys = set()
    for rec in by_path:
        for (old,) in store.query("SELECT report_key FROM files WHERE host = ? AND path = ?",
                                  (host, rec["path"])):
            old_keys.add(old)
    upsert = (insert_sql("files", FILE_COLS)
              + " ON CONFLICT (host, path) DO UPDATE SET sha256 = excluded.sha256, "
                "size = excluded.size, status = excluded.status, reason = excluded.reason, "
                "report_key = excluded.report_key, processed_at = excluded.processed_at")
    store.executemany(upsert, [
        (host, rec["path"], rec["sha"], rec["size"], "ok" if rec["ok"] else "bad",
         rec.get("reason"), rec["key"], now) for rec in by_path])
    for old in sorted(k for k in old_keys - {rec["key"] for rec in recs} if k):
        _forget(store, old)


def _forget(store: Store, key: str) -> None:
    """Drop a stored result that no file refers to any more."""
    if store.query("SELECT 1 FROM files WHERE report_key = ? LIMIT 1", (key,)):
        return
    for table in ("indicators", "budget", "findings", "reports"):
        store.execute(f"DELETE FROM {table} WHERE report_key = ?", (key,))


def _forget_path(store: Store, host: str, path: str) -> None:
    rows = store.query("SELECT report_key FROM files WHERE host = ? AND path = ?", (host, path))
    if rows:
        store.execute("DELETE FROM files WHERE host = ? AND path = ?", (host, path))
        if rows[0][0]:
            _forget(store, rows[0][0])


# ---------------------------------------------------------------------------------------
# The whole run
# ---------------------------------------------------------------------------------------


def rekap(inputs: Iterable[str | os.PathLike], output: str | os.PathLike,
          db: str | os.PathLike | None = None, jobs: int | None = None,
          progress: Callable[[int, int], None] | None = None, overwrite: bool = False,
          db_timeout: float | None = None, settings: str | os.PathLike | Any = None,
          units: str | os.PathLike | Any = None) -> RekapResult:
    """Consolidate the workbooks named by ``inputs`` into ``output`` (and ``db``).

    ``db``: a SQLite file or a ``postgresql://`` URL (default: a temporary SQLite file).
    ``settings``: the office's settings (a Settings, or a workbook/TOML file from
    ``lkj pengaturan``); every report is judged by them instead of its own Pengaturan.
    ``units``: the office's unit list (a UnitList or a file, see daftar_unit.py).
    ``progress(done, total)`` is called as files finish. files_in == consolidated + bad.

    The outputs are checked first (:func:`lkj_excel.outputs.guard_output`: never an input,
    never each other, an existing file replaced only if it is an earlier lkj rekap or with
    ``overwrite``). A SQLite database is changed in one transaction committed after the
    workbook is written, so a failure changes nothing; another run holding it is waited
    for up to ``db_timeout`` seconds.
    """
    from .dbaccess import DB_TIMEOUT
    from .model import Settings
    from .outputs import guard_output, is_earlier_output
    from .pengaturan import fingerprint, load_settings

    t0 = time.perf_counter()
    timeout = DB_TIMEOUT if db_timeout is None else db_timeout
    out = Path(output)
    if out.suffix.lower() != ".xlsx":
        raise OutputError(f"Berkas rekap harus berakhiran .xlsx, bukan '{out.suffix}'.", out)
    side_files = [Path(p) for p in (settings, units) if isinstance(p, (str, os.PathLike))]
    if settings is None:
        office = Settings()
    elif isinstance(settings, Settings):
        office = settings
    else:
        office = load_settings(settings)
    office = _portable(office)
    settings_key = fingerprint(office)
    unit_list = units
    if isinstance(units, (str, os.PathLike)):
        from .daftar_unit import load_unit_list

        unit_list = load_unit_list(units)
    pg = is_postgres_url(db)
    db_path = None if db is None or pg else Path(db)
    in_place = db_path is not None and is_earlier_output(db_path, "db")
    exclude = ([out] if is_earlier_output(out, "rekap") else []) + side_files
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
    guard_output(out, "rekap", reads=[*files, *side_files],
                 outputs=[db_path] if db_path else [], overwrite=overwrite)
    if db_path is not None:
        guard_output(db_path, "db", reads=[*files, *side_files], outputs=[out],
                     overwrite=overwrite)
    result = RekapResult(out, db if pg else db_path, files_in=len(files), notes=found.empty)
    tmpdir = None
    if pg:
        target: str | Path = str(db)
    elif in_place:
        target = db_path
    else:  # a new database is built aside and copied into place at the end
        import tempfile

        tmpdir = tempfile.TemporaryDirectory(prefix="lkj-rekap-")
        target = Path(tmpdir.name) / "rekap.sqlite"
    shown = db_path or Path(target) if not pg else None
    store: Store | None = None
    helpers: list[Any] = []
    t_wait = time.perf_counter()
    host = socket.gethostname()
    try:
        store = Store.open(target, timeout)
        if tmpdir is not None:
            # A scratch database (copied into place at the end, or thrown away): its
            # commit need not wait for the disk.
            store.unsynced()
        store.begin({"schema_version": str(SCHEMA_VERSION)})
        current = _run(store, host, [str(r) for r in found.resolved], jobs, office,
                       settings_key, result, progress, helpers)
        skipped = set(result.skipped_outputs)
        current = [c for c in current if c.path not in skipped]
        result.files_in = len(current)
        if not current:
            raise NoInputFiles("Yang ditemukan hanya hasil rekap sebelumnya, bukan laporan: "
                               + ", ".join(Path(p).name for p in result.skipped_outputs) + ".")
        result.bad_files = [(c.path, c.reason or "Berkas tidak diproses.")
                            for c in current if c.status != "ok"]
        result.bad = len(result.bad_files)
        result.consolidated = len(current) - result.bad

        def finish() -> None:
            nonlocal store, t_wait
            t_wait = time.perf_counter()
            store.finish()
            if not pg and not in_place and db_path is not None:
                store.close()
                store = None
                import shutil

                from .writers.atomic import atomic_output

                with atomic_output(db_path) as tmp_db:
                    shutil.copyfile(target, tmp_db)

        _write(store, host, current, out, office, settings_key, unit_list, result,
               keep=db is not None, finish=finish, helper=helpers[0] if helpers else None)
    except sqlite3.Error as exc:
        if store is not None:
            store.abort()
        from .dbaccess import database_error

        raise database_error(shown, exc, time.perf_counter() - t_wait) from None
    except BaseException as exc:
        if store is not None:
            store.abort()
        if store is not None and store.kind == "postgresql" and store.is_db_error(exc):
            raise OutputError(f"Basis data PostgreSQL {store.label} tidak dapat dipakai: "
                              f"{first_line(exc)}. Berkas yang sudah tersimpan tetap utuh; "
                              "jalankan lagi.", store.label) from None
        raise
    finally:
        for h in helpers:
            h.shutdown(wait=True, cancel_futures=True)
        if store is not None:
            store.close()
        if tmpdir is not None:
            tmpdir.cleanup()
    result.seconds = time.perf_counter() - t0
    return result


def _portable(office: Any) -> Any:
    """The settings without the cells they were read from (sent to every worker)."""
    import copy

    portable = copy.copy(office)
    portable.cells = {}
    return portable


#: New files from which a rekap starts a helper process for its workbook's Temuan sheet
#: (writers.rekap._findings_aside), with more than one worker.
HELPER_MIN_FILES = 150


def _run(store: Store, host: str, paths: list[str], jobs: int | None, office: Any,
         settings_key: str, result: RekapResult,
         progress: Callable[[int, int], None] | None, helpers: list[Any]
         ) -> list[CurrentFile]:
    """Read and store every file of ``paths`` (real paths, as inputs.expand resolved
    them) that the store does not hold yet; the files in input order. A helper process
    for the write, when it pays, is added to ``helpers``."""
    known = _known(store, host)
    order = {p: i for i, p in enumerate(paths)}
    want = {p: (known[p][0], known[p][1]) for p in paths if p in known}
    total = len(paths)
    if progress:
        progress(0, total)
    workers = max(1, jobs or os.cpu_count() or 1)

    def read(items: list[str]) -> Iterable[dict]:
        if not items:
            return ()
        if workers == 1 or len(items) < 4:
            _init_worker(office, settings_key, {})
            return map(process_file, items)
        from .workers import run_all

        return run_all(process_file, items, min(workers, len(items)), _crashed,
                       initializer=_init_worker, initargs=(office, settings_key, {}))

    if workers > 1 and sum(p not in want for p in paths) >= HELPER_MIN_FILES:
        from .workers import helper

        helpers.append(helper())  # before any thread starts: it is forked on Linux
    # Files stored before are only hashed, in threads of this process, while the workers
    # read the new ones (no serial pass before them, and no round trip to a worker for a
    # file that has not changed); those whose bytes changed are read after the new ones.
    hashed = _hash_stored([p for p in paths if p in want], want, settings_key, workers)

    def all_results() -> Iterable[dict]:
        yield from read([p for p in paths if p not in want])
        same = hashed()
        yield from ({"path": p, "unchanged": True} for p in same if same[p])
        yield from read([p for p in same if not same[p]])

    results = all_results()
    current: list[CurrentFile] = []
    batch: list[dict] = []
    prefetch = None
    for done, rec in enumerate(results, start=1):
        path = rec["path"]
        i = order[path]
        if prefetch is None and workers > 1 and not rec.get("unchanged"):
            # The workbook will be written: import its libraries while the workers read
            # (the workers are all started by now, so no fork happens during the import).
            prefetch = threading.Thread(target=_prefetch_writer, daemon=True)
            prefetch.start()
        if rec.get("unchanged"):
            _sha, key, status, reason = known[path]
            current.append(CurrentFile(i, path, status, key, reason))
            result.skipped_unchanged += 1
        elif rec.get("rekap_output"):
            result.skipped_outputs.append(path)
            _forget_path(store, host, path)
        else:
            result.processed += 1
            current.append(CurrentFile(i, path, "ok" if rec["ok"] else "bad", rec.get("key"),
                                       rec.get("reason")))
            if rec.get("sha") is not None:
                batch.append(rec)
                if len(batch) >= BATCH:
                    _store_batch(store, batch, host)
                    batch = []
        if progress:
            progress(done, total)
    if batch:
        _store_batch(store, batch, host)
    current.sort(key=lambda c: c.ord)
    return current


#: Files a hashing thread is given at least: for fewer, another thread would cost more
#: than it saves.
HASH_FILES_PER_THREAD = 64


def _hash_stored(paths: list[str], stored: dict[str, tuple[str, str]], settings_key: str,
                 threads: int) -> Callable[[], dict[str, bool]]:
    """Start hashing ``paths`` (files whose results the store holds) in up to ``threads``
    threads of this process, one per core at most; returns a function that waits for
    them and gives, for each path in the order of ``paths``, whether the file still has
    the bytes (and settings) of its stored result.

    Reading a file and hashing it let go of the interpreter's lock, so the threads hash
    on as many cores at once: an unchanged ``--db`` re-run is mostly hashing, which one
    thread did alone while the other cores stood idle."""
    same: dict[str, bool] = {}

    def hash_some(part: list[str]) -> None:
        for p in part:
            try:
                same[p] = _same_as_stored(p, stored[p], settings_key)
            except Exception:  # noqa: BLE001 - then a worker reads it and says why
                same[p] = False

    n = max(1, min(threads, os.cpu_count() or 1, len(paths) // HASH_FILES_PER_THREAD))
    hashers = [threading.Thread(target=hash_some, args=(paths[i::n],), name="lkj-hash",
                                daemon=True) for i in range(n if paths else 0)]
    for t in hashers:
        t.start()

    def result() -> dict[str, bool]:
        for t in hashers:
            t.join()
        return {p: same[p] for p in paths}

    return result


def _same_as_stored(path: str, stored: tuple[str, str], settings_key: str) -> bool:
    """True when ``path`` still has the bytes (and settings) of its stored result."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        sha, _size = file_hash(path)
    except OSError:
        return False  # a worker says what is wrong with it
    return (sha, report_key(sha, settings_key)) == stored


def _prefetch_writer() -> None:
    try:
        from .writers.rekap import load_libraries

        load_libraries()
    except Exception:  # noqa: BLE001 - the write imports them again and says what failed
        pass


def _write(store: Store, host: str, current: list[CurrentFile], out: Path, office: Any,
           settings_key: str, unit_list: Any, result: RekapResult, keep: bool,
           finish: Callable[[], None], helper: Any = None) -> None:
    """Write the workbook - unless the one at ``out`` was written from exactly this - then
    commit the database (``finish``) before the workbook takes its name: a failure changes
    neither. ``helper``: see writers.rekap.write_rekap."""
    stamp = meta_key = None
    if keep:
        history = store.query("SELECT report_key FROM reports WHERE settings_key = ? "
                              "ORDER BY report_key", (settings_key,))
        h = hashlib.sha256()
        h.update(json.dumps([__version__, settings_key,
                             getattr(unit_list, "sha256", None)]).encode())
        for c in current:
            h.update(f"\n{c.path}\t{c.status}\t{c.report_key}\t{c.reason}".encode())
        for (k,) in history:
            h.update(k.encode())
        stamp = h.hexdigest()
        meta_key = f"output:{host}:{out.resolve()}"
        row = store.query("SELECT value FROM meta WHERE key = ?", (meta_key,))
        if row and out.is_file():
            saved = json.loads(row[0][0])
            st = out.stat()
            if (saved.get("stamp"), saved.get("size"), saved.get("mtime_ns")) == \
                    (stamp, st.st_size, st.st_mtime_ns):
                result.output_unchanged = True
                result.superseded, result.missing, result.probable = saved["counts"]
                finish()
                return
    from .writers.atomic import atomic_output
    from .writers.rekap import write_rekap

    with atomic_output(out) as tmp:
        stats = write_rekap(store, current, Path(tmp), office=office,
                            settings_key=settings_key, units=unit_list, helper=helper)
        result.superseded = stats.superseded
        result.missing = stats.missing
        result.probable = stats.probable
        if stamp is not None:
            st = os.stat(tmp)  # the rename keeps size and modification time
            value = json.dumps({"stamp": stamp, "size": st.st_size, "mtime_ns": st.st_mtime_ns,
                                "counts": [stats.superseded, stats.missing, stats.probable]})
            store.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
                          "value = excluded.value", (meta_key, value))
        finish()


__all__ = ["rekap", "RekapResult", "collect_inputs", "file_hash", "process_file",
           "report_key", "CurrentFile"]
