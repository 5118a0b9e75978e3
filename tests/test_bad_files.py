"""Unusable files give exit code 2 and one clear Indonesian message, never a traceback."""

from __future__ import annotations

import shutil
import zipfile

import openpyxl
import pytest

from .conftest import CLEAN, run_lkj


def _docx(path):
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return path


def _encrypted(path):
    msoffcrypto = pytest.importorskip("msoffcrypto")
    from msoffcrypto.format.ooxml import OOXMLFile

    with open(CLEAN, "rb") as src, open(path, "wb") as out:
        OOXMLFile(src).encrypt("rahasia", out)
    assert msoffcrypto
    return path


def _without_sheet(path, sheet):
    wb = openpyxl.load_workbook(CLEAN)
    del wb[sheet]
    wb.save(path)
    return path


def _without_column(path, sheet, header):
    wb = openpyxl.load_workbook(CLEAN)
    ws = wb[sheet]
    for cell in ws[3]:
        if cell.value == header:
            cell.value = None
    wb.save(path)
    return path


BAD = [
    ("laporan.xlsx", lambda p: _docx(p), "sebenarnya dokumen Word (.docx)"),
    ("kosong.xlsx", lambda p: p.write_bytes(b"") and p, "kosong (0 byte)"),
    ("potong.xlsx", lambda p: p.write_bytes(CLEAN.read_bytes()[:3000]) and p,
     "rusak atau terpotong"),
    ("sandi.xlsx", _encrypted, "dilindungi kata sandi"),
    ("tanpa_anggaran.xlsx", lambda p: _without_sheet(p, "Anggaran"),
     "tidak memiliki sheet wajib: 'Anggaran'"),
    ("tanpa_pagu.xlsx", lambda p: _without_column(p, "Anggaran", "Pagu (Rp)"),
     "tidak memiliki kolom wajib: 'Pagu (Rp)'"),
    ("~$laporan.xlsx", lambda p: shutil.copy(CLEAN, p) and p, "berkas kunci sementara Excel"),
    ("laporan.pdf", lambda p: p.write_bytes(b"%PDF-1.4\n") and p,
     "bukan buku kerja Excel"),
    ("teks.xlsx", lambda p: p.write_text("Ini bukan Excel") and p, "bukan buku kerja Excel"),
]


@pytest.mark.parametrize("name,make,message", BAD, ids=[b[0] for b in BAD])
def test_bad_file_exit_2_with_indonesian_message(tmp_path, name, make, message):
    path = tmp_path / name
    make(path)
    proc = run_lkj("check", path)
    assert proc.returncode == 2, proc.stderr
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert proc.stderr.startswith("Galat: ")


def test_missing_file(tmp_path):
    proc = run_lkj("check", tmp_path / "tidak_ada.xlsx")
    assert proc.returncode == 2 and "tidak ditemukan" in proc.stderr


def test_one_bad_file_does_not_stop_the_others(tmp_path):
    bad = tmp_path / "kosong.xlsx"
    bad.write_bytes(b"")
    proc = run_lkj("check", CLEAN, bad)
    assert proc.returncode == 2
    assert "contoh_bersih" in proc.stdout and "TIDAK DAPAT DIPERIKSA" in proc.stdout


def test_text_in_number_cell_and_impossible_date_exit_2(tmp_path):
    wb = openpyxl.load_workbook(CLEAN)
    wb["Anggaran"]["C6"] = "dua juta"
    wb["Identitas"]["B13"] = "31 Februari 2025"
    path = tmp_path / "isi_salah.xlsx"
    wb.save(path)
    proc = run_lkj("check", path)
    assert proc.returncode == 2
    assert "NIL001" in proc.stdout and "'dua juta' yang bukan angka" in proc.stdout
    assert "NIL002" in proc.stdout and "31 Februari 2025 tidak ada" in proc.stdout
