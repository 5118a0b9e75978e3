"""Never overwrite what the user has: one output guard for every command (issue 16).

Every case runs the real command as a subprocess on real files and reads the files back:
the protected file keeps its exact bytes, the command exits 2 with an Indonesian message.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys

import pytest

from lkj_excel.outputs import fitted_name, guard_output, is_earlier_output

from .conftest import CANDIPURO, CLEAN, ROOT, run_lkj


def _digest(p):
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.fixture
def masuk(tmp_path):
    d = tmp_path / "masuk"
    d.mkdir()
    for s in (CANDIPURO, CLEAN):
        shutil.copy(s, d / s.name)
    return d


def test_rekap_output_inside_the_input_folder_onto_a_report(masuk):
    report = masuk / CANDIPURO.name
    before = _digest(report)
    proc = run_lkj("rekap", masuk, "-o", report)
    assert proc.returncode == 2, proc.stdout
    assert "sama dengan berkas masukan" in proc.stderr
    assert _digest(report) == before
    # --timpa never lifts it: the file is an input
    proc = run_lkj("rekap", masuk, "-o", report, "--timpa")
    assert proc.returncode == 2 and _digest(report) == before


def test_rekap_onto_its_only_input(masuk):
    a = masuk / CLEAN.name
    before = _digest(a)
    proc = run_lkj("rekap", a, "-o", a)
    assert proc.returncode == 2 and "sama dengan berkas masukan" in proc.stderr
    assert _digest(a) == before


def test_check_csv_onto_the_report(masuk):
    a = masuk / CANDIPURO.name
    before = _digest(a)
    proc = run_lkj("check", a, "--format", "csv", "-o", a)
    assert proc.returncode == 2 and "sama dengan berkas masukan" in proc.stderr
    assert _digest(a) == before


def test_db_equal_to_output_and_db_equal_to_input(masuk, tmp_path):
    out = tmp_path / "rekap.xlsx"
    proc = run_lkj("rekap", masuk, "-o", out, "--db", out)
    assert proc.returncode == 2 and "-o dan --db" in proc.stderr
    assert not out.exists()
    a = masuk / CLEAN.name
    before = _digest(a)
    proc = run_lkj("rekap", masuk, "-o", out, "--db", a)
    assert proc.returncode == 2 and "sama dengan berkas masukan" in proc.stderr
    assert _digest(a) == before and not out.exists()
    # and an existing database is never replaced by the workbook
    db = tmp_path / "rekap.sqlite"
    assert run_lkj("rekap", masuk, "-o", out, "--db", db).returncode == 0
    db_before = _digest(db)
    proc = run_lkj("rekap", masuk, "-o", db, "--db", db)
    assert proc.returncode == 2 and _digest(db) == db_before
    proc = run_lkj("rekap", masuk, "-o", out, "--db", db)
    assert proc.returncode == 0, proc.stderr  # the next run still works


def test_same_file_by_identity_not_by_name(masuk, tmp_path):
    """A hard link and a symbolic link to a report are that report."""
    a = masuk / CLEAN.name
    before = _digest(a)
    hard = tmp_path / "tautan_keras.xlsx"
    os.link(a, hard)
    soft = tmp_path / "tautan.xlsx"
    soft.symlink_to(a)
    for target in (hard, soft, masuk / ".." / "masuk" / CLEAN.name):
        proc = run_lkj("finalise", a, "-o", target)
        assert proc.returncode == 2 and "sama dengan berkas masukan" in proc.stderr, target
        proc = run_lkj("rekap", masuk, "-o", target)
        assert proc.returncode == 2, target
    assert _digest(a) == before


def test_existing_foreign_file_needs_timpa(masuk, tmp_path):
    a = masuk / CLEAN.name
    other = tmp_path / "catatan_saya.xlsx"
    shutil.copy(CANDIPURO, other)  # someone's workbook, not an lkj output
    before = _digest(other)
    for args in (("finalise", a, "-o", other), ("rekap", masuk, "-o", other),
                 ("check", a, "--format", "csv", "-o", other)):
        proc = run_lkj(*args)
        assert proc.returncode == 2, args
        assert "sudah ada dan bukan" in proc.stderr and "--timpa" in proc.stderr
        assert _digest(other) == before
    proc = run_lkj("finalise", a, "-o", other, "--timpa")
    assert proc.returncode == 0, proc.stderr
    assert is_earlier_output(other, "final")


def test_default_finalise_output_not_silently_overwritten(masuk):
    a = masuk / CLEAN.name
    final = masuk / f"{a.stem}_final.xlsx"
    final.write_text("catatan penting milik pengguna\n")
    proc = run_lkj("finalise", a)
    assert proc.returncode == 2 and "sudah ada" in proc.stderr
    assert final.read_text() == "catatan penting milik pengguna\n"
    final.unlink()
    assert run_lkj("finalise", a).returncode == 0
    first = final.stat().st_mtime_ns
    proc = run_lkj("finalise", a)  # an earlier, unedited final output is replaced - saying so
    assert proc.returncode == 0, proc.stderr
    assert "sudah ada diganti" in proc.stderr
    assert final.stat().st_mtime_ns >= first and is_earlier_output(final, "final")


def test_an_edited_final_output_needs_timpa(masuk, tmp_path):
    """A finalised workbook the Camat opened and saved (Excel writes its user into
    lastModifiedBy and the save time into dcterms:modified) may hold their edits: it is
    not replaced without --timpa."""
    import zipfile

    a = masuk / CLEAN.name
    final = masuk / f"{a.stem}_final.xlsx"
    assert run_lkj("finalise", a).returncode == 0
    edited = tmp_path / "edited.xlsx"
    with zipfile.ZipFile(final) as zin, zipfile.ZipFile(edited, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "docProps/core.xml":
                data = data.replace(b">lkj-excel</cp:lastModifiedBy>", b">Camat</cp:lastModifiedBy>")
                data = data.replace(b"2000-01-01T00:00:00Z</dcterms:modified>",
                                    b"2025-04-11T08:30:00Z</dcterms:modified>")
            zout.writestr(item, data)
    shutil.copy(edited, final)
    before = final.read_bytes()
    proc = run_lkj("finalise", a)
    assert proc.returncode == 2 and "--timpa" in proc.stderr
    assert final.read_bytes() == before
    proc = run_lkj("finalise", a, "--timpa")
    assert proc.returncode == 0 and "atas izin --timpa" in proc.stderr


def test_earlier_outputs_of_each_kind_are_replaced(masuk, tmp_path):
    a = masuk / CLEAN.name
    for fmt, name in (("csv", "t.csv"), ("csv-mesin", "m.csv"), ("json", "t.json"),
                      ("teks", "t.txt")):
        out = tmp_path / name
        assert run_lkj("check", a, "--format", fmt, "-o", out).returncode == 0
        assert is_earlier_output(out, fmt)
        proc = run_lkj("check", a, "--format", fmt, "-o", out)
        assert proc.returncode == 0, proc.stderr
    r, db = masuk / "rekap.xlsx", tmp_path / "r.sqlite"
    for _ in range(2):  # the rekap inside its input folder is not read as a report
        proc = run_lkj("rekap", masuk, "-o", r, "--db", db)
        assert proc.returncode == 0, proc.stderr
        assert "2 berkas masuk" in proc.stdout
    assert is_earlier_output(r, "rekap") and is_earlier_output(db, "db")
    assert not is_earlier_output(a, "final") and not is_earlier_output(r, "final")


def test_foreign_database_needs_timpa(masuk, tmp_path):
    db = tmp_path / "data.sqlite"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE milik_saya (x)")
    con.execute("INSERT INTO milik_saya VALUES (1)")
    con.commit()
    con.close()
    before = _digest(db)
    proc = run_lkj("rekap", masuk, "-o", tmp_path / "r.xlsx", "--db", db)
    assert proc.returncode == 2 and "bukan basis data rekap lkj" in proc.stderr
    assert _digest(db) == before and not (tmp_path / "r.xlsx").exists()
    proc = run_lkj("rekap", masuk, "-o", tmp_path / "r.xlsx", "--db", db, "--timpa")
    assert proc.returncode == 0, proc.stderr
    assert is_earlier_output(db, "db")


def test_template_refuses_existing_and_folder(tmp_path):
    t = tmp_path / "laporan.xlsx"
    shutil.copy(CLEAN, t)  # a filled report: a template's name is never reused silently
    before = _digest(t)
    proc = run_lkj("template", t)
    assert proc.returncode == 2 and "--timpa" in proc.stderr and _digest(t) == before
    assert run_lkj("template", t, "--timpa").returncode == 0
    proc = run_lkj("finalise", CLEAN, "-o", tmp_path)
    assert proc.returncode == 2


def test_missing_output_folder_is_created(tmp_path):
    out = tmp_path / "kirim" / "tw1" / "final.xlsx"
    proc = run_lkj("finalise", CLEAN, "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert is_earlier_output(out, "final")
    csv_out = tmp_path / "baru" / "temuan.csv"
    assert run_lkj("check", CLEAN, "--format", "csv", "-o", csv_out).returncode == 0
    assert csv_out.read_bytes().startswith(b"\xef\xbb\xbfBerkas;")


def test_guard_in_the_library(tmp_path):
    a = tmp_path / "a.xlsx"
    shutil.copy(CLEAN, a)
    from lkj_excel.errors import OutputError

    with pytest.raises(OutputError, match="sama dengan berkas masukan"):
        guard_output(tmp_path / "x" / ".." / "a.xlsx", "final", reads=[a])
    with pytest.raises(OutputError, match="pipa"):
        fifo = tmp_path / "p.xlsx"
        os.mkfifo(fifo)
        guard_output(fifo, "final", overwrite=True)
    assert guard_output(tmp_path / "baru.xlsx", "final") == tmp_path / "baru.xlsx"
    (tmp_path / "kosong.xlsx").write_bytes(b"")
    assert guard_output(tmp_path / "kosong.xlsx", "rekap")  # nothing to lose


# ---------------------------------------------------------------------------------------
# Long names, permissions, stale temporaries
# ---------------------------------------------------------------------------------------


def test_245_character_file_name(tmp_path):
    src = tmp_path / ("b" * 245 + ".xlsx")
    shutil.copy(CANDIPURO, src)
    proc = run_lkj("finalise", src)
    assert proc.returncode == 1, proc.stderr
    out = src.with_name(fitted_name("b" * 245, "_final.xlsx"))
    assert out.exists() and len(out.name.encode()) == 255 and out.name.endswith("_final.xlsx")
    assert "Traceback" not in proc.stderr
    proc = run_lkj("check", src, "--format", "csv", "-o", tmp_path / ("c" * 252 + ".csv"))
    assert proc.returncode == 2 and "terlalu panjang" in proc.stderr
    d = tmp_path / "masuk"
    d.mkdir()
    shutil.copy(src, d / src.name)
    proc = run_lkj("rekap", d, "-o", tmp_path / "r.xlsx")
    assert proc.returncode == 0 and "1 direkap" in proc.stdout, proc.stderr


UMASK_RUN = """
import os, sys
os.umask(0o022)
sys.argv = ["lkj"] + sys.argv[1:]
from lkj_excel.cli import main
main()
"""


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
def test_outputs_get_normal_permissions(tmp_path):
    d = tmp_path / "masuk"
    d.mkdir()
    shutil.copy(CLEAN, d / "a.xlsx")
    outs = {"final": tmp_path / "f.xlsx", "rekap": tmp_path / "r.xlsx",
            "csv": tmp_path / "t.csv", "db": tmp_path / "r.sqlite"}
    for args in (["finalise", d / "a.xlsx", "-o", outs["final"]],
                 ["rekap", d, "-o", outs["rekap"], "--db", outs["db"]],
                 ["check", d / "a.xlsx", "--format", "csv", "-o", outs["csv"]]):
        subprocess.run([sys.executable, "-c", UMASK_RUN, *map(str, args)], cwd=ROOT,
                       capture_output=True, timeout=120)
    for kind, p in outs.items():
        assert stat.S_IMODE(p.stat().st_mode) == 0o644, (kind, oct(p.stat().st_mode))


KILLER = """
import os, signal, sys
sys.path.insert(0, {root!r})
def killed(src, dst):
    os.kill(os.getpid(), signal.SIGKILL)  # the workbook is written; die before the rename
os.replace = killed
from lkj_excel.writers.final import finalise
finalise({src!r}, {out!r})
"""


def test_stale_temporary_of_a_killed_run_is_removed_by_the_next(tmp_path):
    out = tmp_path / "final.xlsx"
    proc = subprocess.run([sys.executable, "-c", KILLER.format(root=str(ROOT), src=str(CLEAN),
                                                                out=str(out))],
                          capture_output=True, timeout=120)
    assert proc.returncode == -9
    left = [p.name for p in tmp_path.iterdir()]
    assert len(left) == 1 and left[0].startswith(".lkj-"), left
    # a temporary that a live process is writing is left alone
    live = tmp_path / f".lkj-{left[0].split('-')[1]}-{os.getpid()}-0123abcd.xlsx"
    live.write_bytes(b"sedang ditulis")
    proc = run_lkj("finalise", CLEAN, "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["final.xlsx", live.name])
