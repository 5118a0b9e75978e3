"""The page's server (lkj_excel.web) through Flask's test client: what each request
answers, in Indonesian, and that nothing of the user's is left behind.

Expected figures are the seed reports' own numbers or hand calculations (see
tests/test_check_samples.py for the findings of each sample)."""

from __future__ import annotations

import io
import tempfile
import time
import zipfile
from pathlib import Path

import pytest
import python_calamine as pc

from lkj_excel.web import app as web_app
from lkj_excel.web.app import create_app, safe_name
from lkj_excel.web.present import grouped_findings

from .conftest import CANDIPURO, CLEAN, KALAENA, PRONOJIWO, RANUYOSO

H = {"X-Lkj": "1"}


def _lkj_temp_folders() -> set[str]:
    return {p.name for p in Path(tempfile.gettempdir()).glob("lkj-buka-*")}


@pytest.fixture
def client(tmp_path, monkeypatch):
    # the page's private folders go to a temporary folder of this test's own: another lkj
    # page running on the machine (a second test run) makes its own in the shared one
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    before = _lkj_temp_folders()
    app = create_app()
    app.config["TESTING"] = True
    with app.test_client() as c:
        yield c
    app.extensions["lkj"]["jobs"].close()
    assert _lkj_temp_folders() <= before, "a private temporary folder was left behind"


def _upload(client, url, *paths, names=None):
    files = [(io.BytesIO(Path(p).read_bytes()), (names or {}).get(i, Path(p).name))
             for i, p in enumerate(paths)]
    return client.post(url, data={"berkas": files}, headers=H,
                       content_type="multipart/form-data")


def _docx_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


def _sheets(data: bytes) -> dict[str, list[list]]:
    wb = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
    return {n: wb.get_sheet_by_name(n).to_python(skip_empty_area=False) for n in wb.sheet_names}


def test_page_is_indonesian_and_offline(client):
    resp = client.get("/")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200 and '<html lang="id">' in html
    for text in ("Unduh templat kosong", "Periksa laporan", "Rekap banyak laporan",
                 "Tarik berkas laporan ke sini", "Tidak ada yang dikirim ke internet",
                 "Unduh laporan akhir (Excel)"):
        assert text in html
    # every asset is served by lkj itself: no CDN, no web font, no absolute URL
    assert "http://" not in html and "https://" not in html and "//" not in html.replace(
        "<!doctype", "")
    assert "default-src 'self'" in resp.headers["Content-Security-Policy"]
    for asset in ("lkj.css", "lkj.js"):
        static = client.get(f"/static/{asset}")
        assert static.status_code == 200
        assert b"http://" not in static.data and b"https://" not in static.data
    assert client.get("/static/lkj.svg").status_code == 200  # the icon: an SVG namespace only


@pytest.mark.parametrize("tingkat", ["seksi", "kecamatan"])
def test_template_download(client, tingkat):
    resp = client.get(f"/templat/{tingkat}")
    assert resp.status_code == 200
    assert f"templat_lkj_{tingkat}.xlsx" in resp.headers["Content-Disposition"]
    sheets = _sheets(resp.data)
    assert {"Petunjuk", "Identitas", "Capaian", "Anggaran", "Pengaturan"} <= set(sheets)
    assert client.get("/templat/desa").status_code == 404


def test_check_candipuro_summary_and_findings(client):
    data = _upload(client, "/api/periksa", CANDIPURO).get_json()
    assert data["dapat_dibaca"] and data["berkas"] == CANDIPURO.name
    r = data["ringkasan"]
    # seed 004: dated 23 Agustus 2023; TW II ends 30 Juni, + 5 working days = 7 Juli 2023
    assert r["tepat_waktu"] is False
    assert r["waktu"] == ("Terlambat 31 hari kerja: dilaporkan 23 Agustus 2023, batas "
                          "7 Juli 2023.")
    assert (r["unit"], r["periode"]) == ("Kecamatan Candipuro", "Triwulan II Tahun 2023")
    # 9 errors: the 7 the seed shows, and the capaian G5 and the Perbandingan target D6 that
    # follow the Capaian targets which differ from the PK
    assert data["jumlah"] == {"error": 9, "warning": 0, "info": 43}
    anggaran = next(g for g in data["sheets"] if g["sheet"] == "Anggaran")
    e62 = next(f for f in anggaran["temuan"] if f["sel"] == "E62")
    # 252.100.000 - 121.625.000 = 130.475.000 (seed 004, Tabel 3.5)
    assert (e62["kode"], e62["tertulis"], e62["seharusnya"]) == (
        "ANG001", "147.975.000,00", "130.475.000")
    assert e62["label"] == "Kesalahan" and "pagu 252.100.000" in e62["pesan"]


def test_findings_errors_first_and_consequences_under_their_cause(client):
    data = _upload(client, "/api/periksa", PRONOJIWO).get_json()
    groups = data["sheets"]
    worst = [min({"error": 0, "warning": 1, "info": 2}[f["tingkat"]] for f in g["temuan"])
             for g in groups]
    assert worst == sorted(worst), "sheets with errors come first"
    for g in groups:
        ranks = [{"error": 0, "warning": 1, "info": 2}[f["tingkat"]] for f in g["temuan"]]
        assert ranks == sorted(ranks), f"errors first inside sheet {g['sheet']}"
    capaian = next(g for g in groups if g["sheet"] == "Capaian")
    k5 = next(f for f in capaian["temuan"] if f["sel"] == "K5")
    # seed 003: 31 facilitation activities typed, the checklist ticks 30; the realisasi
    # (F5) and its capaian (G5) follow from that one cell
    assert (k5["kode"], k5["tertulis"], k5["seharusnya"]) == ("FAS001", "31", "30")
    assert [(c["lokasi"], c["kode"]) for c in k5["akibat"]][:2] == [
        ("Capaian!F5", "FAS001"), ("Capaian!G5", "CAP001")]
    # the average capaian (G7) follows both wrong indicators: it sits under one of their
    # causes, the pembilang K5 or the Capaian target E6 that differs from the PK
    e6 = next(f for f in capaian["temuan"] if f["sel"] == "E6")
    under = {c["lokasi"] for c in k5["akibat"]} | {c["lokasi"] for c in e6["akibat"]}
    assert "Capaian!G7" in under
    top = {f["lokasi"] for g in groups for f in g["temuan"]}
    assert not {"Capaian!F5", "Capaian!G5", "Capaian!G7"} & top
    # every finding is shown exactly once
    shown = sum(1 + len(f["akibat"]) for g in groups for f in g["temuan"])
    assert shown == sum(data["jumlah"].values())


def test_grouping_is_the_library_check(client):
    from lkj_excel import check_file

    res = check_file(PRONOJIWO)
    views = grouped_findings(res)
    assert sum(g["jumlah"]["error"] for g in views) == res.counts["error"]


def test_clean_workbook(client):
    data = _upload(client, "/api/periksa", RANUYOSO).get_json()
    assert data["jumlah"] == {"error": 0, "warning": 0, "info": 0} and data["sheets"] == []
    assert data["ringkasan"]["tepat_waktu"] is True


def test_renamed_docx_and_other_files_get_an_indonesian_message(client):
    for name, expected in [
        ("surat.xlsx", "Berkas 'surat.xlsx' sebenarnya dokumen Word (.docx) yang diberi nama "
                       ".xlsx, bukan buku kerja Excel."),
        ("surat.docx", "Berkas 'surat.docx' bukan buku kerja Excel."),
    ]:
        resp = client.post("/api/periksa", headers=H, content_type="multipart/form-data",
                           data={"berkas": (io.BytesIO(_docx_bytes()), name)})
        data = resp.get_json()
        assert resp.status_code == 200 and data["dapat_dibaca"] is False
        assert data["pesan"].startswith(expected)
        final = client.post("/api/unduh/final", headers=H, content_type="multipart/form-data",
                            data={"berkas": (io.BytesIO(_docx_bytes()), name)})
        assert final.status_code == 422 and final.get_json()["pesan"].startswith(expected)


def test_download_finalised_workbook(client):
    resp = _upload(client, "/api/unduh/final", CANDIPURO)
    assert resp.status_code == 200
    assert "004_candipuro_kecamatan_tw2_2023_final.xlsx" in resp.headers["Content-Disposition"]
    sheets = _sheets(resp.data)
    # the report first (opens on the Ringkasan), the check trail after it
    assert sheets and list(sheets)[0] == "Ringkasan" and "Temuan" in sheets
    temuan = [[str(v) for v in row] for row in sheets["Temuan"]]
    assert any("ANG001" in row and "E62" in " ".join(row) for row in temuan)
    assert client.post("/api/unduh/tidak-ada", headers=H).status_code == 404


def test_download_word_document(client):
    import docx

    resp = _upload(client, "/api/unduh/dokumen", CANDIPURO)
    assert resp.status_code == 200
    assert "004_candipuro_kecamatan_tw2_2023_dokumen.docx" in resp.headers[
        "Content-Disposition"]
    doc = docx.Document(io.BytesIO(resp.data))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "LAPORAN KINERJA (LKj)" in text and "TRIWULAN II" in text


def test_rekap_job(client):
    resp = _upload(client, "/api/rekap", CANDIPURO, PRONOJIWO, KALAENA, CANDIPURO,
                   names={3: CANDIPURO.name})  # the same name twice: kept apart, flagged
    assert resp.status_code == 202
    job = resp.get_json()
    for _ in range(300):
        job = client.get(f"/api/rekap/{job['tugas']}").get_json()
        if job["status"] != "berjalan":
            break
        time.sleep(0.1)
    assert job["status"] == "selesai", job
    assert job["hasil"] == {"masuk": 4, "direkap": 4, "bermasalah": 0, "ganda": 1,
                            "berkas_bermasalah": [], "dilewati": []}
    out = client.get(f"/api/rekap/{job['tugas']}/hasil")
    assert out.status_code == 200 and "rekap_lkj.xlsx" in out.headers["Content-Disposition"]
    units = _sheets(out.data)["Rekap Unit"]
    names = {str(v) for row in units for v in row}
    assert {"Kecamatan Candipuro", "Kecamatan Pronojiwo"} <= names
    # fetched once: the folder is gone
    again = client.get(f"/api/rekap/{job['tugas']}/hasil")
    assert again.status_code == 404 and "sudah diunduh" in again.get_json()["pesan"]


def test_rekap_reports_a_renamed_docx(client):
    resp = client.post("/api/rekap", headers=H, content_type="multipart/form-data", data={
        "berkas": [(io.BytesIO(CLEAN.read_bytes()), CLEAN.name),
                   (io.BytesIO(_docx_bytes()), "surat.xlsx")]})
    job = resp.get_json()
    for _ in range(300):
        job = client.get(f"/api/rekap/{job['tugas']}").get_json()
        if job["status"] != "berjalan":
            break
        time.sleep(0.1)
    assert job["hasil"]["masuk"] == 2 and job["hasil"]["bermasalah"] == 1
    bad = job["hasil"]["berkas_bermasalah"][0]
    assert bad["berkas"] == "surat.xlsx" and "dokumen Word" in bad["alasan"]
    assert client.get(f"/api/rekap/{job['tugas']}/hasil").status_code == 200


def test_upload_size_limit(client, monkeypatch):
    client.application.config["MAX_CONTENT_LENGTH"] = 20_000
    resp = _upload(client, "/api/periksa", CANDIPURO)
    assert resp.status_code == 413
    assert resp.get_json()["pesan"].startswith("Kiriman terlalu besar")
    client.application.config["MAX_CONTENT_LENGTH"] = 10 * 1024 * 1024
    monkeypatch.setattr(web_app, "MAX_FILE_MB", 0.01)
    data = _upload(client, "/api/periksa", CANDIPURO).get_json()
    assert data["dapat_dibaca"] is False and "terlalu besar" in data["pesan"]


def test_requests_from_elsewhere_are_refused(client):
    # no custom header: what a form on another web site would send
    resp = client.post("/api/periksa", data={"berkas": (io.BytesIO(b"x"), "a.xlsx")},
                       content_type="multipart/form-data")
    assert resp.status_code == 403 and resp.get_json()["pesan"] == (
        "Permintaan ini tidak diizinkan.")
    # another host name pointing at 127.0.0.1 (DNS rebinding)
    assert client.get("/", headers={"Host": "contoh.test:8000"}).status_code == 403
    assert client.get("/tidak-ada").status_code == 404
    assert "Halaman tidak ditemukan." in client.get("/tidak-ada").get_data(as_text=True)


@pytest.mark.parametrize("given, expected", [
    ("laporan.xlsx", "laporan.xlsx"),
    ("C:\\Users\\staf\\Desktop\\laporan tw2.xlsx", "laporan tw2.xlsx"),
    ("../../etc/passwd", "passwd"),
    ('lap<or>an:"1"|?.xlsx', "lap_or_an__1___.xlsx"),
    ("CON.xlsx", "_CON.xlsx"),
    ("", "berkas"),
    ("...", "berkas"),
])
def test_safe_name(given, expected):
    assert safe_name(given) == expected


def test_server_stops_when_the_page_closes():
    import urllib.request

    from lkj_excel.web.server import start

    running = start(idle_seconds=60, closed_grace=0.5)
    html = urllib.request.urlopen(running.url, timeout=10).read().decode()
    assert "Periksa laporan" in html
    urllib.request.urlopen(urllib.request.Request(running.url + "api/halaman-ditutup",
                                                  method="POST"), timeout=10)
    running.thread.join(10)
    assert not running.thread.is_alive()


def test_a_socket_closed_under_the_loop_on_stop_is_no_error(monkeypatch):
    """stop() closes the server's channels from another thread; the loop, waiting in
    select() on one of them, may then fail with EBADF. Once stopping, that ends the
    server quietly (no exception in its thread); before, it is still an error."""
    import errno
    import threading
    import time

    from waitress.server import TcpWSGIServer

    from lkj_excel.web.server import start

    def run(self):  # the race, made certain: select() fails after stop() closed all
        while self._map:
            time.sleep(0.01)
        raise OSError(errno.EBADF, "Bad file descriptor")

    failed = []
    monkeypatch.setattr(threading, "excepthook", lambda args: failed.append(args.exc_type))
    monkeypatch.setattr(TcpWSGIServer, "run", run)
    running = start()
    running.stop()
    running.thread.join(10)
    assert not running.thread.is_alive() and failed == []

    def broken(self):
        raise OSError(errno.EBADF, "Bad file descriptor")

    monkeypatch.setattr(TcpWSGIServer, "run", broken)
    running = start()
    running.thread.join(10)
    running.stop()
    assert failed == [OSError]


def test_server_stops_on_request():
    import urllib.request

    from lkj_excel.web.server import start

    running = start()
    req = urllib.request.Request(running.url + "api/berhenti", method="POST", headers=H)
    answer = urllib.request.urlopen(req, timeout=10).read().decode()
    assert "lkj sudah berhenti" in answer
    running.thread.join(10)
    assert not running.thread.is_alive()


def test_help_does_not_import_the_web_server():
    import subprocess
    import sys

    code = ("import sys; sys.argv=['lkj','--help']\n"
            "from lkj_excel.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('IMPORTED', [m for m in ('flask', 'waitress', 'werkzeug') if m in sys.modules])")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "IMPORTED []" in proc.stdout, proc.stdout + proc.stderr


def test_lkj_buka_command_serves_and_stops():
    import subprocess
    import sys
    import urllib.request

    from .conftest import ROOT

    proc = subprocess.Popen([sys.executable, "-m", "lkj_excel", "buka", "--tanpa-peramban"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        first = proc.stdout.readline()
        assert first.startswith("Halaman lkj: http://127.0.0.1:"), first
        url = first.split()[-1]
        assert "Periksa laporan" in urllib.request.urlopen(url, timeout=10).read().decode()
        urllib.request.urlopen(urllib.request.Request(url + "api/berhenti", method="POST",
                                                      headers=H), timeout=10)
        out, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert out.rstrip().endswith("lkj berhenti.") and err == ""


def test_stop_removes_what_is_left_and_stale_folders(tmp_path, monkeypatch):
    import os

    from lkj_excel.web import jobs

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    mine = jobs.private_folder()
    (mine / "laporan.xlsx").write_bytes(b"x")
    stale = tmp_path / "lkj-buka-lama"
    stale.mkdir()
    os.utime(stale, (time.time() - 2 * 86400,) * 2)
    fresh = tmp_path / "lkj-buka-lain"  # another lkj running now
    fresh.mkdir()
    jobs.remove_all_folders()
    assert not mine.exists() and not stale.exists() and fresh.exists()


def test_closing_one_of_two_tabs_keeps_the_server():
    import urllib.request

    from lkj_excel.web.server import start

    running = start(idle_seconds=60, closed_grace=0.3)

    def post(path):
        urllib.request.urlopen(urllib.request.Request(running.url + path, method="POST",
                                                      headers=H), timeout=10)

    post("api/denyut?tab=satu")
    post("api/denyut?tab=dua")
    post("api/halaman-ditutup?tab=satu")
    running.thread.join(1.5)
    assert running.thread.is_alive(), "one tab is still open"
    post("api/halaman-ditutup?tab=dua")
    running.thread.join(10)
    assert not running.thread.is_alive()
