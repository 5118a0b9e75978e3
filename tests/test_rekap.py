"""lkj rekap: a folder of the sample workbooks plus a broken file, a duplicate and a
non-spreadsheet file; the database agrees with the workbook; a second run skips unchanged
files and picks up a changed one."""

from __future__ import annotations

import shutil
import sqlite3
import zipfile

import openpyxl
import pytest

from lkj_excel.rekap import collect_inputs, rekap

from .conftest import ALL_SAMPLES, CANDIPURO, CLEAN, run_lkj


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "masuk"
    (d / "kiriman ulang").mkdir(parents=True)
    for s in ALL_SAMPLES:
        shutil.copy(s, d / s.name)
    shutil.copy(CANDIPURO, d / "kiriman ulang" / "candipuro tw2.xlsx")  # the duplicate
    (d / "rusak.xlsx").write_bytes(CLEAN.read_bytes()[:2500])  # truncated
    with zipfile.ZipFile(d / "surat.xlsx", "w") as z:  # a Word document renamed
        z.writestr("word/document.xml", "<w:document/>")
    (d / "catatan.txt").write_text("bukan laporan")  # not a spreadsheet: not collected
    return d


def _rows(path, sheet, first=5):
    ws = openpyxl.load_workbook(path, data_only=True)[sheet]
    return [r for r in ws.iter_rows(min_row=first, values_only=True) if any(v is not None
                                                                           for v in r)]


def test_collect_inputs(folder):
    files = collect_inputs([folder])
    names = sorted(p.name for p in files)
    assert "catatan.txt" not in names and len(files) == 9
    assert sorted(p.name for p in collect_inputs([str(folder / "*.xlsx")])) == sorted(
        [s.name for s in ALL_SAMPLES] + ["rusak.xlsx", "surat.xlsx"])


def test_rekap_rows(folder, tmp_path):
    out = tmp_path / "rekap.xlsx"
    res = rekap([folder], out, db=tmp_path / "rekap.sqlite", jobs=2)
    assert (res.files_in, res.consolidated, res.bad, res.superseded) == (9, 7, 2, 1)
    assert res.files_in == res.consolidated + res.bad
    units = _rows(out, "Rekap Unit")
    got = [(r[1], r[2], r[5], r[11], r[12].replace("\\", "/"), r[13]) for r in units]
    # The reports' own Pengaturan state what the seeds state (the deadline regulation of
    # seeds 000, 002 and 003/004, seed 003's collection windows); the rekap checks with the
    # office's settings and says where a report's own differ - not the regulation each
    # report names, which changes no result.
    own = "Pengaturan laporan berbeda: "
    assert got == [
        ("2022 TW IV", "Seksi Pemberdayaan Masyarakat Kecamatan Ranuyoso", "Tepat waktu", 0,
         "000_ranuyoso_seksi_pm_tw4_2022.xlsx", None),
        # errors (test_check_samples): FAS001, CAP001, COP006 x 2, COP001, COP003 x 3
        ("2023 TW I", "Seksi Pemerintahan Kecamatan Senduro", "Tepat waktu", 8,
         "002_senduro_seksi_pemerintahan_tw1_2023.xlsx", None),
        ("2023 TW II", "Kecamatan Candipuro", "Terlambat 31 hari kerja", 9,
         "004_candipuro_kecamatan_tw2_2023.xlsx",
         "Mengganti 1 berkas (lihat sheet Laporan Diganti)."),
        # ANG012, ANG016, IDN002 (the rencana aksi's cumulative target is CAP012, a warning)
        ("2024 TW II", "Seksi Pemberdayaan Masyarakat dan Desa Kecamatan Kalaena", "Tepat waktu",
         3, "001_kalaena_seksi_pmd_tw2_2024.xlsx", None),
        # 27 + the personnel summaries' PEG001 x 5 and PEG002
        ("2024 TW III", "Kecamatan Pronojiwo", "Tepat waktu", 33,
         "003_pronojiwo_kecamatan_tw3_2024.xlsx",
         own + "tenggang pengumpulan dokumen desa APBDes 1 Juli - 30 September; LPPDes 1 "
         "Januari - 31 Maret; RKPDes 1 November - 31 Desember (dipakai tidak ada)."),
        ("2025 TW I", "Kecamatan Sukamaju", "Tepat waktu", 0,
         "contoh_bersih_sukamaju_tw1_2025.xlsx", None),
    ]
    # the copy is listed as replaced, with its reason, and not summed
    gone = _rows(out, "Laporan Diganti")
    assert [(r[1], r[2], r[3].replace("\\", "/"), r[7], r[8]) for r in gone] == [
        ("2023 TW II", "Kecamatan Candipuro", "kiriman ulang/candipuro tw2.xlsx",
         "004_candipuro_kecamatan_tw2_2023.xlsx",
         "Isi berkas sama persis dengan berkas yang dihitung; dihitung sekali.")]
    # a seksi report without an Anggaran sheet: its budget is its cost per outcome
    # (Ranuyoso, Tabel 2.3: 23.500.000 of 23.500.000 realised)
    assert units[0][8:11] == (23_500_000, 23_500_000, 1)
    candi = units[2]
    # Tabel 3.5: JUMLAH 2.752.150.911 / 1.483.229.067 (the programs are right)
    assert (candi[8], candi[9]) == (2_752_150_911, 1_483_229_067)
    assert candi[10] == pytest.approx(1_483_229_067 / 2_752_150_911)
    prono = units[4]
    # programs recomputed from their kegiatan: 1.587.655.347 (typed TOTAL 1,576,385,597)
    assert prono[8] == 1_587_655_347 and prono[7] == "Tinggi"
    bad = _rows(out, "Berkas Bermasalah")
    reasons = {r[1]: r[2] for r in bad}
    assert set(reasons) == {"rusak.xlsx", "surat.xlsx"}
    assert "terpotong" in reasons["rusak.xlsx"]
    assert "dokumen Word" in reasons["surat.xlsx"]


def test_duplicate_not_summed_twice(folder, tmp_path):
    out = tmp_path / "rekap.xlsx"
    rekap([folder], out, jobs=1)
    rows = _rows(out, "Rekap Anggaran")
    prog = [r for r in rows if r[0] == "2023 TW II" and r[2] == "7.01.01"][0]
    assert prog[4] == 1 and prog[5] == 2_011_493_161  # one unit, not doubled
    ind = [r for r in _rows(out, "Rekap Indikator") if r[0] == "2023 TW II"]
    assert len(ind) == 2


def test_database_agrees_with_workbook(folder, tmp_path):
    out, db = tmp_path / "rekap.xlsx", tmp_path / "rekap.sqlite"
    rekap([folder], out, db=db, jobs=2)
    con = sqlite3.connect(db)
    (n_ok,) = con.execute("SELECT COUNT(*) FROM files WHERE status='ok'").fetchone()
    (n_bad,) = con.execute("SELECT COUNT(*) FROM files WHERE status='bad'").fetchone()
    (n_rep,) = con.execute("SELECT COUNT(*) FROM reports").fetchone()
    assert (n_ok, n_bad, n_rep) == (7, 2, 6)  # the duplicate has the same bytes
    (n_find,) = con.execute(
        "SELECT COUNT(*) FROM findings x JOIN (SELECT DISTINCT report_key FROM files) f "
        "ON f.report_key = x.report_key").fetchone()
    assert n_find == len(_rows(out, "Temuan"))
    pagu = dict(con.execute("SELECT unit, pagu FROM reports"))
    assert pagu["Kecamatan Candipuro"] == 2_752_150_911
    (n_ind,) = con.execute("SELECT COUNT(*) FROM indicators").fetchone()
    assert n_ind == 1 + 3 + 6 + 3 + 2 + 2


def test_second_run_skips_unchanged_and_replaces_changed(folder, tmp_path):
    out, db = tmp_path / "rekap.xlsx", tmp_path / "rekap.sqlite"
    first = rekap([folder], out, db=db)
    assert first.processed == 9
    again = rekap([folder], out, db=db)
    assert again.skipped_unchanged == 9 and again.processed == 0
    assert again.output_unchanged  # same inputs: the workbook is not written again
    assert len(_rows(out, "Rekap Unit")) == 6
    wb = openpyxl.load_workbook(folder / CLEAN.name)
    wb["Identitas"]["B13"] = "30 April 2025"  # now late
    wb.save(folder / CLEAN.name)
    third = rekap([folder], out, db=db)
    assert third.processed == 1 and third.skipped_unchanged == 8
    assert not third.output_unchanged
    row = [r for r in _rows(out, "Rekap Unit") if r[2] == "Kecamatan Sukamaju"][0]
    assert row[5].startswith("Terlambat")
    con = sqlite3.connect(db)
    (n,) = con.execute("SELECT COUNT(*) FROM reports WHERE unit='Kecamatan Sukamaju'").fetchone()
    assert n == 1  # the old version's rows were replaced


def test_cli_counts(folder, tmp_path):
    proc = run_lkj("rekap", folder, "-o", tmp_path / "r.xlsx", "--jobs", "2")
    assert proc.returncode == 0, proc.stderr
    assert "9 berkas masuk: 7 direkap, 2 bermasalah" in proc.stdout
    assert "rusak.xlsx" in proc.stderr
    bad = run_lkj("rekap", folder, "-o", tmp_path / "r.csv")
    assert bad.returncode == 2 and "harus berakhiran .xlsx" in bad.stderr


def test_every_sheet_prints_on_a4(folder, tmp_path):
    """Landscape A4 fitted to the width (never to a tiny page), header rows repeated, the
    height of every row with wrapped text set, Temuan quoting values the Indonesian way."""
    import re

    from lkj_excel.writers.rekap import _lines

    out = tmp_path / "rekap.xlsx"
    rekap([folder], out, jobs=1)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Rekap Unit", "Peringkat", "Tren", "Rekap Indikator",
                             "Rekap Anggaran", "Temuan", "Laporan Diganti",
                             "Berkas Bermasalah", "Grafik"]
    for ws in wb:
        assert ws.page_setup.paperSize == 9 and ws.page_setup.orientation == "landscape"
        if ws.title == "Grafik":
            continue
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0
        if ws.title not in ("Peringkat", "Tren"):
            assert ws.print_title_rows == "$4:$4", ws.title
        width = sum(ws.column_dimensions[c].width or 8.43 for c in
                    (openpyxl.utils.get_column_letter(i + 1) for i in range(ws.max_column)))
        # fitted to the 1046 px of A4 landscape between the margins: 9 pt type printed at
        # no less than 7.5 pt
        assert 9 * min(1.0, 1046 / (width * 7)) >= 7.5, (ws.title, width)
        for row in ws.iter_rows(min_row=4):
            need = max((_lines(c.value, ws.column_dimensions[c.column_letter].width)
                        for c in row if isinstance(c.value, str) and c.alignment.wrap_text
                        and c.coordinate not in ws.merged_cells), default=1)
            if need > 1:
                h = ws.row_dimensions[row[0].row].height
                assert h is not None and h >= 11.5 * need, (ws.title, row[0].row, need, h)
    for row in _rows(out, "Temuan"):
        for v in (row[7], row[8]):
            if isinstance(v, str):
                raw_float = re.fullmatch(r"-?\d+\.\d+", v) and \
                    not re.fullmatch(r"-?\d{1,3}(\.\d{3})+", v)  # 300.000 is Indonesian
                assert not raw_float and not re.match(r"\d{4}-\d{2}-\d{2}", v), v


def test_charts_one_per_page(tmp_path):
    from .rekap_set import build

    out = tmp_path / "rekap.xlsx"
    rekap([build(tmp_path / "masuk")], out, jobs=1)
    ws = openpyxl.load_workbook(out)["Grafik"]
    # TW I: three units (capaian, penyerapan), TW II: two units (the same), the trend
    assert len(ws._charts) == 5
    rows = sorted(ch.anchor._from.row for ch in ws._charts)
    assert rows == [0, 34, 68, 102, 136]
    assert [b.id for b in ws.row_breaks.brk] == [34, 68, 102, 136]
    assert ws.print_area == "'Grafik'!$A$1:$A$170"


def test_no_chart_of_one_unit_per_period(folder, tmp_path):
    """The samples are one unit per period: a bar per period would compare different
    units, so Grafik says why it has no chart instead."""
    out = tmp_path / "rekap.xlsx"
    rekap([folder], out, jobs=1)
    ws = openpyxl.load_workbook(out)["Grafik"]
    assert ws._charts == []
    assert ws["A1"].value.startswith("Tidak ada grafik")
