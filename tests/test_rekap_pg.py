"""lkj rekap into a real PostgreSQL server: the same sheets as with SQLite, the same
incremental behaviour, and two rekaps writing into one database at once.

The server is the one .ci/run starts (LKJ_TEST_PG_URL) or, when that is not set, one this
module starts itself from Debian's postgresql package (tests/pgserver.py). Where neither
is possible the tests are skipped, saying why."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
import tempfile

import openpyxl
import pytest

from lkj_excel.pengaturan import write_settings
from lkj_excel.rekap import rekap

from . import pgserver
from .conftest import ALL_SAMPLES, ROOT
from .rekap_set import build, unit_list

psycopg = pytest.importorskip("psycopg", reason="psycopg tidak terpasang: pip install '.[test]'")


@pytest.fixture(scope="module")
def pg_url():
    base = os.environ.get("LKJ_TEST_PG_URL")
    started = None
    if not base:
        # not under pytest's own temporary folder: that is private to this user, and the
        # server runs as the postgres user
        d = tempfile.mkdtemp(prefix="lkj-pg-")
        try:
            base = pgserver.start(d)
        except pgserver.Unavailable as exc:
            pytest.skip(f"PostgreSQL tidak dapat dijalankan di sini: {exc}")
        started = d
    name = f"lkj_uji_{os.getpid()}_{secrets.token_hex(3)}"
    try:
        with psycopg.connect(base, autocommit=True) as con:
            con.execute(f"CREATE DATABASE {name}")
    except psycopg.Error as exc:
        pytest.skip(f"PostgreSQL di {base} tidak dapat dipakai: {exc}")
    yield base.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(base, autocommit=True) as con:
        con.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    if started is not None:
        pgserver.stop(started)
        shutil.rmtree(started, ignore_errors=True)


def _sheets(path):
    wb = openpyxl.load_workbook(path, data_only=True)
    return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb}


@pytest.fixture(scope="module")
def kabupaten(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("kab")
    masuk = build(tmp / "masuk")
    for s in ALL_SAMPLES[:3]:
        shutil.copy(s, masuk / s.name)
    toml = tmp / "kantor.toml"
    write_settings(toml)
    return masuk, unit_list(tmp / "unit.csv"), toml


def test_same_sheets_as_sqlite_and_same_incremental_behaviour(pg_url, kabupaten, tmp_path):
    masuk, units, toml = kabupaten
    kw = {"units": units, "settings": toml, "jobs": 2}
    lite = rekap([masuk], tmp_path / "lite.xlsx", db=tmp_path / "r.sqlite", **kw)
    pg = rekap([masuk], tmp_path / "pg.xlsx", db=pg_url, **kw)
    assert (pg.consolidated, pg.bad, pg.superseded, pg.missing) == \
        (lite.consolidated, lite.bad, lite.superseded, lite.missing) == (10, 0, 2, 3)
    a, b = _sheets(tmp_path / "lite.xlsx"), _sheets(tmp_path / "pg.xlsx")
    assert list(a) == list(b)
    for name in a:
        assert a[name] == b[name], name
    again = rekap([masuk], tmp_path / "pg.xlsx", db=pg_url, **kw)
    assert (again.processed, again.skipped_unchanged, again.output_unchanged) == (0, 10, True)
    with psycopg.connect(pg_url) as con:
        tables = {r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'lkj'")}
        assert {"meta", "files", "reports", "indicators", "budget", "findings"} <= tables
        # pagu kept exactly (DOUBLE PRECISION): 200.000.000 + 140.000.000 etc.
        (pagu,) = con.execute("SELECT SUM(pagu) FROM lkj.reports WHERE unit LIKE '%BETA%' "
                              "OR unit = 'Kecamatan Beta'").fetchone()
        assert pagu == 400_000_000


CONCURRENT = """
import sys, time
sys.path.insert(0, {root!r})
import lkj_excel.rekap as m
real = m.process_file
def slow(path):
    time.sleep(0.25)
    return real(path)
m.process_file = slow
res = m.rekap([{folder!r}], {out!r}, db={url!r}, jobs=2)
print("selesai", res.consolidated, res.bad, flush=True)
"""


def test_two_concurrent_rekaps_both_land(pg_url, tmp_path):
    """Two offices consolidate into one server at the same moment, with one report in
    common: both finish, every report is stored once, nothing is counted twice."""
    url = pg_url.rsplit("/", 1)[0] + "/postgres"
    name = f"lkj_bersama_{secrets.token_hex(3)}"
    with psycopg.connect(url, autocommit=True) as con:
        con.execute(f"CREATE DATABASE {name}")
    db = url.rsplit("/", 1)[0] + "/" + name
    semua = build(tmp_path / "semua")
    a, b = tmp_path / "kantor_a", tmp_path / "kantor_b"
    a.mkdir()
    b.mkdir()
    for f in sorted(semua.iterdir()):
        shutil.copy(f, (a if "tw1" in f.name else b) / f.name)
    shutil.copy(semua / "beta_tw1.xlsx", b / "beta_tw1_juga.xlsx")  # the same report twice
    for s in ALL_SAMPLES:
        shutil.copy(s, a / s.name)
        shutil.copy(s, b / s.name)
    procs = [subprocess.Popen(
        [sys.executable, "-c", CONCURRENT.format(root=str(ROOT), folder=str(folder),
                                                 out=str(tmp_path / f"{folder.name}.xlsx"),
                                                 url=db)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for folder in (a, b)]
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (_out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
    assert outs[0][0].strip() == f"selesai {4 + len(ALL_SAMPLES)} 0"
    assert outs[1][0].strip() == f"selesai {4 + len(ALL_SAMPLES)} 0"
    with psycopg.connect(db) as con:
        n_files = con.execute("SELECT COUNT(*) FROM lkj.files").fetchone()[0]
        keys = con.execute("SELECT COUNT(DISTINCT report_key) FROM lkj.files").fetchone()[0]
        n_reports = con.execute("SELECT COUNT(*) FROM lkj.reports").fetchone()[0]
        orphans = con.execute("SELECT COUNT(*) FROM lkj.files f LEFT JOIN lkj.reports r ON "
                              "r.report_key = f.report_key WHERE r.report_key IS NULL"
                              ).fetchone()[0]
        n_budget = con.execute("SELECT COUNT(*) FROM lkj.budget").fetchone()[0]
        distinct_budget = con.execute(
            "SELECT COUNT(*) FROM (SELECT DISTINCT report_key, seq FROM lkj.budget) x"
        ).fetchone()[0]
    # 4 + 6 files in A, 4 + 6 in B; the samples and beta_tw1 have the same bytes twice
    assert n_files == 2 * (4 + len(ALL_SAMPLES))
    assert n_reports == keys == 7 + len(ALL_SAMPLES)  # each distinct report once
    assert orphans == 0 and n_budget == distinct_budget
    # both workbooks are complete: A holds TW I of the set, B TW II
    ua = {(r[1], r[2]) for r in _sheets(tmp_path / "kantor_a.xlsx")["Rekap Unit"][4:] if r[1]}
    ub = {(r[1], r[2]) for r in _sheets(tmp_path / "kantor_b.xlsx")["Rekap Unit"][4:] if r[1]}
    assert {("2025 TW I", "Kecamatan Gamma"), ("2025 TW I", "Kecamatan Beta")} <= ua
    assert ("2025 TW I", "Kecamatan Beta") in ub and ("2025 TW II", "Kecamatan Alfa") in ub
    # a third rekap of both folders reads nothing again and sums each report once
    both = rekap([a, b], tmp_path / "gabung.xlsx", db=db, jobs=2)
    assert (both.processed, both.skipped_unchanged) == (0, 2 * (4 + len(ALL_SAMPLES)))
    lite = rekap([a, b], tmp_path / "gabung_lite.xlsx", jobs=2)
    assert _sheets(tmp_path / "gabung.xlsx")["Rekap Anggaran"] == \
        _sheets(tmp_path / "gabung_lite.xlsx")["Rekap Anggaran"]
    # replaced: each sample's second copy, beta_tw1_juga, Gamma's first send (without a
    # unit list "Kecamatan Alfa" is not "Kecamatan Alpha", so nothing replaces alpha_tw2)
    assert lite.superseded == both.superseded == len(ALL_SAMPLES) + 1 + 1
