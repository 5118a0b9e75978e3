"""The template is written, filled through openpyxl as a user would, and read back."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from lkj_excel import layout as L
from lkj_excel.reader import read_report
from lkj_excel.writers.template import make_template


@pytest.fixture
def filled(tmp_path):
    path = tmp_path / "templat.xlsx"
    make_template(path, "kecamatan")
    wb = openpyxl.load_workbook(path)
    ident = wb["Identitas"]
    labels = {ident.cell(r, 1).value: r for r in range(1, ident.max_row + 1)}
    values = {
        "Nama Unit Kerja": "Kecamatan Uji", "Tahun Anggaran": 2024, "Triwulan": "III",
        "Tanggal Laporan": "4 Oktober 2024", "Nama Pelapor": "BUDI, S.Sos",
        "NIP Pelapor": "19700929 199302 1 002", "Jumlah Desa": 2,
    }
    for label, v in values.items():
        ident.cell(labels[label], 2).value = v
    ang = wb["Anggaran"]
    rows = [("7.01.01", "PROGRAM PENUNJANG", "1.000.000", "400.000", "600.000", "40,00%"),
            ("7.01.01.2.01", "Perencanaan", 1000000, 400000, 600000, 0.4),
            (None, "JUMLAH", "1.000.000", "400.000", "600.000", "40%")]
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            ang.cell(L.FIRST_DATA_ROW + i, j + 1).value = v
    cap = wb["Capaian"]
    cap["C4"], cap["E4"], cap["F4"], cap["G4"] = "Indikator A", "90%", "31/36 = 86,11%", "95,68%"
    desa = wb["Desa"]
    desa["B4"], desa["C4"] = "Sukamaju", dt.datetime(2024, 9, 25)
    wb.save(path)
    return path


def test_template_has_every_sheet_in_order(tmp_path):
    path = tmp_path / "t.xlsx"
    make_template(path, "seksi")
    wb = openpyxl.load_workbook(path)
    assert tuple(wb.sheetnames) == L.SHEET_ORDER
    ws = wb["Anggaran"]
    assert [ws.cell(L.HEADER_ROW, i + 1).value for i in range(len(L.ANGGARAN.columns))] == \
        [c.header for c in L.ANGGARAN.columns]
    assert ws.freeze_panes == "A4"
    assert ws.cell(L.FIRST_DATA_ROW, 3).number_format == "#,##0"
    assert ws.page_setup.paperSize == 9 and ws.page_setup.orientation == "landscape"
    dv = {str(d.sqref): d.formula1 for d in wb["Capaian"].data_validations.dataValidation}
    assert any('"positif,negatif"' == f for f in dv.values())
    assert wb["Identitas"]["B5"].value == "seksi"
    assert wb["Petunjuk"]["A4"].value == "Tentang templat ini"


def test_filled_template_reads_back_with_cells(filled):
    rep = read_report(filled)
    ident = rep.identity
    assert ident.unit.value == "Kecamatan Uji" and ident.unit.cell == "B4"
    assert ident.year == 2024 and ident.quarter == 3
    assert ident.report_date == dt.date(2024, 10, 4) and ident.tanggal.where == "Identitas!B13"
    assert ident.pelapor.nip.value == "197009291993021002"
    assert ident.tingkat.value == "kecamatan"
    rows = rep.anggaran_rows
    assert [r.code.canonical for r in rows] == ["7.01.01", "7.01.01.2.01"]
    assert rows[0].get("pagu").value == 1_000_000 and rows[0].get("pagu").cell == "C4"
    assert rows[0].get("pagu").raw == "1.000.000"
    assert rows[1].get("persentase").value == pytest.approx(40.0)
    assert rep.anggaran_total.row == 6 and rep.anggaran_total.get("sisa").value == 600_000
    c = rep.capaian_rows[0]
    assert c.get("realisasi").parsed.numerator == 31 and c.get("realisasi").cell == "F4"
    assert c.get("target").value == 90.0
    assert rep.desa[0].get("rkpdes").value == dt.date(2024, 9, 25)
    assert rows[1].get("uraian").raw == "Perencanaan" and rows[1].get("uraian").cell == "B5"
    assert rep.settings.deadline_working_days == 5
    assert rep.settings.predikat(91) == "Sangat Tinggi"
    assert rep.settings.predikat(90.99) == "Tinggi"


def test_pengaturan_is_read(tmp_path):
    path = tmp_path / "t.xlsx"
    make_template(path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Pengaturan"]
    labels = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
    ws.cell(labels["Batas Hari Kerja Penyampaian"], 2).value = 7
    ws.cell(labels["Rumus Efisiensi"], 2).value = "kinerja/anggaran"
    r0 = labels["Tanggal Libur"]
    ws.cell(r0 + 1, 1).value = dt.datetime(2024, 7, 1)
    r1 = labels["Batas Bawah (%)"]
    ws.cell(r1 + 1, 1).value, ws.cell(r1 + 1, 2).value = 100, "Sangat Berhasil"
    ws.cell(r1 + 2, 1).value, ws.cell(r1 + 2, 2).value = 75, "Berhasil"
    ws.cell(r1 + 3, 1).value, ws.cell(r1 + 3, 2).value = 55, "Cukup Berhasil"
    ws.cell(r1 + 4, 1).value, ws.cell(r1 + 4, 2).value = 0, "Kurang Berhasil"
    ws.cell(r1 + 5, 1).value = None
    ws.cell(r1 + 5, 2).value = None
    wb.save(path)
    s = read_report(path).settings
    assert s.deadline_working_days == 7
    assert s.efficiency_formula == "kinerja/anggaran"
    assert s.extra_holidays == (dt.date(2024, 7, 1),)
    assert s.predikat(99.9) == "Berhasil" and s.predikat(100) == "Sangat Berhasil"


def test_narasi_sheet_reads_back(tmp_path):
    """The Narasi sheet (the Word document's text) has a Bagian dropdown and reads back row by
    row with its cells, so next quarter's report can start from this quarter's text."""
    path = tmp_path / "t.xlsx"
    make_template(path, "seksi")
    wb = openpyxl.load_workbook(path)
    ws = wb["Narasi"]
    assert [ws.cell(L.HEADER_ROW, i + 1).value for i in range(5)] == \
        ["No", "Bagian", "Indikator", "Pada Bulan", "Teks"]
    dv = [d.formula1 for d in ws.data_validations.dataValidation]
    assert any("Latar Belakang" in f and "Tanggapan Atasan" in f for f in dv)
    ws["B4"], ws["E4"] = "Latar Belakang", "Paragraf pertama."
    ws["B5"], ws["C5"], ws["D5"], ws["E5"] = "Strategi", "Indikator A", "Januari", "a. Koordinasi"
    wb.save(path)
    rep = read_report(path)
    got = [(r.bagian, r.get("indikator").text, r.get("bulan").text, r.get("teks").text,
            r.get("teks").cell) for r in rep.narasi]
    assert got == [("Latar Belakang", "", "", "Paragraf pertama.", "E4"),
                   ("Strategi", "Indikator A", "Januari", "a. Koordinasi", "E5")]
