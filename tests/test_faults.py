"""Real faults get clear answers (issue 16): a full disk (a real small tmpfs), a busy
database, a worker process that dies, a parent that is killed, pipes, missing inputs.
Real files, real signals, real file systems; no patched os.replace."""

from __future__ import annotations

import contextlib
import importlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from lkj_excel.errors import OutputError
from lkj_excel.rekap import rekap

from .conftest import ALL_SAMPLES, CANDIPURO, CLEAN, ROOT, run_lkj

rekap_mod = importlib.import_module("lkj_excel.rekap")


def _digest(p: Path) -> bytes:
    return p.read_bytes()


@contextlib.contextmanager
def small_fs(size: str, read_only: bool = False):
    """A real tmpfs of ``size`` mounted for the test (root only; skipped otherwise)."""
    if os.name == "nt" or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small tmpfs needs root on Linux")
    d = Path(tempfile.mkdtemp(prefix="lkj-kecil-"))
    opts = f"size={size}" + (",ro" if read_only else "")
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", opts, "tmpfs", str(d)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        d.rmdir()
        pytest.skip(f"tmpfs cannot be mounted here: {proc.stderr.strip()}")
    try:
        yield d
    finally:
        subprocess.run(["umount", "-l", str(d)], capture_output=True)
        with contextlib.suppress(OSError):
            d.rmdir()


def _fill(d: Path, leave: int) -> None:
    """Fill the file system at ``d`` until ``leave`` bytes are free."""
    free = shutil.disk_usage(d).free
    with open(d / "pengisi.bin", "wb") as fh:
        fh.write(b"\0" * max(0, free - leave))


def _no_traceback(proc) -> None:
    assert "Traceback" not in proc.stderr + proc.stdout
    assert "tak terduga" not in proc.stderr


# ---------------------------------------------------------------------------------------
# A full disk
# ---------------------------------------------------------------------------------------


def test_full_disk_finalise(tmp_path):
    with small_fs("1m") as d:
        src = tmp_path / "laporan.xlsx"
        shutil.copy(CANDIPURO, src)
        earlier = d / "laporan_final.xlsx"
        assert run_lkj("finalise", src, "-o", earlier).returncode == 1
        before = earlier.read_bytes()
        _fill(d, 8 * 1024)
        proc = run_lkj("finalise", src, "-o", earlier)
        assert proc.returncode == 2
        assert ("Berkas 'laporan_final.xlsx' tidak ditulis karena disk penuh. Tidak ada berkas "
                "yang diubah") in proc.stderr, proc.stderr
        _no_traceback(proc)
        assert earlier.read_bytes() == before  # the earlier output is untouched
        assert sorted(p.name for p in d.iterdir()) == ["laporan_final.xlsx", "pengisi.bin"]


def test_full_disk_rekap_workbook_and_database(tmp_path):
    masuk = tmp_path / "masuk"
    masuk.mkdir()
    for s in ALL_SAMPLES:
        shutil.copy(s, masuk / s.name)
    with small_fs("2m") as d:
        out, db = d / "rekap.xlsx", d / "rekap.sqlite"
        proc = run_lkj("rekap", masuk, "-o", out, "--db", db, "--jobs", "1")
        assert proc.returncode == 0, proc.stderr
        before = (out.read_bytes(), db.read_bytes())
        # a changed report must be stored again, and the disk has no room
        shutil.copy(CANDIPURO, masuk / "tambahan.xlsx")
        with open(masuk / "tambahan.xlsx", "ab") as fh:
            fh.write(b"\0")  # other bytes, same content: processed again
        _fill(d, 4 * 1024)
        proc = run_lkj("rekap", masuk, "-o", out, "--db", db, "--jobs", "1")
        assert proc.returncode == 2, proc.stdout
        assert "disk penuh" in proc.stderr and "Tidak ada berkas yang diubah" in proc.stderr
        assert "rekap.xlsx" in proc.stderr or "rekap.sqlite" in proc.stderr
        _no_traceback(proc)
        assert (out.read_bytes(), db.read_bytes()) == before
        (d / "pengisi.bin").unlink()
        proc = run_lkj("rekap", masuk, "-o", out, "--db", db, "--jobs", "1")
        assert proc.returncode == 0, proc.stderr  # nothing was left broken


def test_full_disk_new_database(tmp_path):
    with small_fs("1m") as d:
        _fill(d, 2 * 1024)
        proc = run_lkj("rekap", CLEAN, "-o", tmp_path / "r.xlsx", "--db", d / "baru.sqlite")
        assert proc.returncode == 2 and "disk penuh" in proc.stderr, proc.stderr
        _no_traceback(proc)
        assert not (tmp_path / "r.xlsx").exists() and not (d / "baru.sqlite").exists()


def test_read_only_file_system(tmp_path):
    with small_fs("1m", read_only=True) as d:
        proc = run_lkj("finalise", CLEAN, "-o", d / "final.xlsx")
        assert proc.returncode == 2
        assert "foldernya hanya-baca" in proc.stderr and "tidak ditulis" in proc.stderr
        _no_traceback(proc)


# ---------------------------------------------------------------------------------------
# A busy database
# ---------------------------------------------------------------------------------------


def test_database_held_by_a_reader_is_named_and_nothing_changes(tmp_path):
    masuk = tmp_path / "masuk"
    masuk.mkdir()
    shutil.copy(CLEAN, masuk / "a.xlsx")
    out, db = tmp_path / "r.xlsx", tmp_path / "r.sqlite"
    rekap([masuk], out, db=db)
    before = (_digest(out), _digest(db))
    shutil.copy(CANDIPURO, masuk / "b.xlsx")
    viewer = sqlite3.connect(db)  # like DB Browser with a query open
    viewer.execute("BEGIN")
    viewer.execute("SELECT COUNT(*) FROM files").fetchone()
    try:
        t0 = time.perf_counter()
        with pytest.raises(OutputError) as exc:
            rekap([masuk], out, db=db, db_timeout=1.5)
        waited = time.perf_counter() - t0
    finally:
        viewer.rollback()
        viewer.close()
    msg = exc.value.message
    assert "Basis data 'r.sqlite' sedang dipakai oleh program lain" in msg
    assert f"proses {os.getpid()}" in msg or "DB Browser" in msg
    assert "Tidak ada berkas yang diubah" in msg
    assert waited >= 1.5
    assert (_digest(out), _digest(db)) == before
    assert rekap([masuk], out, db=db).consolidated == 2  # released: the next run works


HOLD = """
import sys, time
sys.path.insert(0, {root!r})
import importlib
m = importlib.import_module('lkj_excel.rekap')
real = m.process_file
def slow(path):
    time.sleep({delay})
    return real(path)
m.process_file = slow
res = m.rekap([{masuk!r}], {out!r}, db={db!r}, jobs=1, db_timeout={timeout})
print("selesai", res.consolidated, res.skipped_unchanged, flush=True)
"""


def _start(tmp_path, masuk, name, db, delay, timeout):
    code = HOLD.format(root=str(ROOT), masuk=str(masuk), out=str(tmp_path / name),
                       db=str(db), delay=delay, timeout=timeout)
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_two_rekaps_on_one_database_both_finish(tmp_path):
    masuk = tmp_path / "masuk"
    masuk.mkdir()
    for s in (CLEAN, CANDIPURO):
        shutil.copy(s, masuk / s.name)
    db = tmp_path / "bersama.sqlite"
    rekap([masuk / CLEAN.name], tmp_path / "awal.xlsx", db=db)  # the shared database exists
    a = _start(tmp_path, masuk, "a.xlsx", db, 1.0, 30)
    time.sleep(0.5)
    b = _start(tmp_path, masuk, "b.xlsx", db, 1.0, 30)
    out_a, err_a = a.communicate(timeout=120)
    out_b, err_b = b.communicate(timeout=120)
    assert a.returncode == 0 and b.returncode == 0, (err_a, err_b)
    assert out_a.startswith("selesai 2") and out_b.startswith("selesai 2")
    # the second waited and then reused what the first stored
    assert out_b.strip() == "selesai 2 2" or out_a.strip() == "selesai 2 2"
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM reports").fetchone() == (2,)
    assert con.execute("SELECT value FROM meta WHERE key='holder'").fetchone() is None


def test_second_rekap_refuses_cleanly_naming_the_first(tmp_path):
    masuk = tmp_path / "masuk"
    masuk.mkdir()
    for i, s in enumerate(ALL_SAMPLES):
        shutil.copy(s, masuk / f"{i}.xlsx")
    db = tmp_path / "bersama.sqlite"
    rekap([masuk / "0.xlsx"], tmp_path / "awal.xlsx", db=db)
    a = _start(tmp_path, masuk, "a.xlsx", db, 1.5, 30)
    time.sleep(1.0)
    b = _start(tmp_path, masuk, "b.xlsx", db, 0, 1)
    out_b, err_b = b.communicate(timeout=120)
    out_a, err_a = a.communicate(timeout=120)
    assert a.returncode == 0, err_a
    assert b.returncode == 1 and "OutputError" in err_b  # the library raised the message
    assert f"sedang dipakai oleh lkj rekap lain (proses {a.pid}" in err_b
    assert not (tmp_path / "b.xlsx").exists()


# ---------------------------------------------------------------------------------------
# Worker processes
# ---------------------------------------------------------------------------------------


def _dies_on_marked(path):
    if "mati" in Path(path).name:
        os.kill(os.getpid(), signal.SIGKILL)  # a real death, as an aborting reader's
    return _REAL(path)


_REAL = rekap_mod.process_file


@pytest.mark.skipif(os.name == "nt", reason="workers are forked on Linux")
def test_rekap_survives_a_worker_that_dies(tmp_path, monkeypatch):
    masuk = tmp_path / "masuk"
    masuk.mkdir()
    for i in range(6):
        shutil.copy(ALL_SAMPLES[i], masuk / f"{i}.xlsx")
    shutil.copy(CLEAN, masuk / "mati.xlsx")
    monkeypatch.setattr(rekap_mod, "process_file", _dies_on_marked)
    res = rekap([masuk], tmp_path / "r.xlsx", jobs=2)
    assert (res.files_in, res.consolidated, res.bad) == (7, 6, 1)
    (path, reason), = res.bad_files
    assert path.endswith("mati.xlsx") and "berhenti mendadak" in reason
    import openpyxl

    ws = openpyxl.load_workbook(tmp_path / "r.xlsx", read_only=True)["Berkas Bermasalah"]
    text = " ".join(str(v) for row in ws.iter_rows(values_only=True) for v in row if v)
    assert "mati.xlsx" in text and "berhenti mendadak" in text


WORKERS = """
import os, sys, time
sys.path.insert(0, {root!r})
import importlib
m = importlib.import_module('lkj_excel.rekap')
real = m.process_file
def slow(path):
    time.sleep(0.5)
    return real(path)
m.process_file = slow
m.rekap([{masuk!r}], {out!r}, jobs=2)
"""


def _children(pid: int) -> set[int]:
    out = set()
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                if int((d / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    out.add(int(d.name))
    return out


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc")
def test_workers_exit_when_the_parent_is_killed(tmp_path):
    masuk = tmp_path / "masuk"
    masuk.mkdir()
    for i in range(40):
        shutil.copy(CLEAN, masuk / f"{i}.xlsx")
    proc = subprocess.Popen([sys.executable, "-c", WORKERS.format(
        root=str(ROOT), masuk=str(masuk), out=str(tmp_path / "r.xlsx"))])
    workers: set[int] = set()
    for _ in range(100):
        time.sleep(0.1)
        workers = _children(proc.pid)
        if len(workers) >= 2:
            break
    assert len(workers) >= 2
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.time() + 10
    alive = workers
    while alive and time.time() < deadline:
        time.sleep(0.2)
        alive = {w for w in alive if Path(f"/proc/{w}").exists()
                 and "Z" not in Path(f"/proc/{w}/stat").read_text().rsplit(")", 1)[1][:3]}
    assert not alive, f"workers still running: {alive}"


# ---------------------------------------------------------------------------------------
# Inputs that are not there, or not files
# ---------------------------------------------------------------------------------------


def test_glob_matching_nothing_and_missing_folder(tmp_path):
    for arg, text in ((tmp_path / "tidak_ada" / "*.xlsx", "tidak cocok dengan berkas"),
                      (tmp_path / "folder_hilang", "tidak ditemukan")):
        proc = run_lkj("rekap", arg, "-o", tmp_path / "r.xlsx")
        assert proc.returncode == 2 and text in proc.stderr, proc.stderr
        assert "berkas masuk" not in proc.stdout and not (tmp_path / "r.xlsx").exists()
    (tmp_path / "kosong").mkdir()
    proc = run_lkj("rekap", tmp_path / "kosong", "-o", tmp_path / "r.xlsx")
    assert proc.returncode == 2 and "tidak berisi berkas laporan" in proc.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_named_pipe_is_not_read(tmp_path):
    fifo = tmp_path / "laporan.xlsx"
    os.mkfifo(fifo)
    proc = run_lkj("check", fifo)  # would block forever reading the pipe
    assert proc.returncode == 2 and "bukan berkas biasa" in proc.stderr
    proc = run_lkj("finalise", fifo, "-o", tmp_path / "f.xlsx")
    assert proc.returncode == 2 and "bukan berkas biasa" in proc.stderr
    masuk = tmp_path / "masuk"
    masuk.mkdir()
    shutil.copy(CLEAN, masuk / "a.xlsx")
    os.mkfifo(masuk / "pipa.xlsx")
    proc = run_lkj("rekap", masuk, fifo, "-o", tmp_path / "r.xlsx")
    assert proc.returncode == 0, proc.stderr
    assert "2 berkas masuk: 1 direkap, 1 bermasalah" in proc.stdout  # the named one is listed
    assert "Bukan berkas biasa" in proc.stderr
