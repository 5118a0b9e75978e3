"""Security: user text never becomes a live formula in any output, paths written in a
workbook are never opened, XML is parsed safely and zip bombs are refused early."""

from __future__ import annotations

import builtins
import io
import shutil
import time
import zipfile

import openpyxl

from lkj_excel.checking import check_file
from lkj_excel.rekap import rekap
from lkj_excel.writers.final import finalise

from .conftest import CLEAN, ROOT

HOSTILE = {
    ("Identitas", "B4"): '=HYPERLINK("http://contoh.invalid","klik")',
    ("Identitas", "B14"): "+cmd|' /C calc'!A0",
    ("PK", "C4"): "@SUM(1+1)*cmd|' /C calc'!A0",
    ("Desa", "B4"): "-2+3+cmd|' /C calc'!A0",
    ("Capaian", "O4"): "/etc/passwd",
    ("Pegawai", "J4"): "..\\..\\Windows\\win.ini",
    ("Fasilitasi", "B4"): "file:///etc/shadow",
}


def hostile_workbook(path):
    wb = openpyxl.load_workbook(CLEAN)
    for (sheet, ref), text in HOSTILE.items():
        cell = wb[sheet][ref]
        cell.value = text
        cell.data_type = "s"  # typed text, as Excel stores a leading quote
    wb.save(path)
    return path


def _no_user_formula(path):
    wb = openpyxl.load_workbook(path)
    seen = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                v = cell.value
                if isinstance(v, str) and ("cmd|" in v or "HYPERLINK" in v):
                    assert cell.data_type == "s", (ws.title, cell.coordinate, v)
                    seen += 1
    return seen


def test_user_text_never_becomes_a_formula(tmp_path):
    src = hostile_workbook(tmp_path / "jahat.xlsx")
    out = finalise(src, tmp_path / "jahat_final.xlsx").output
    assert _no_user_formula(out) >= 4
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(src, folder / "jahat.xlsx")
    rekap([folder], tmp_path / "rekap.xlsx")
    assert _no_user_formula(tmp_path / "rekap.xlsx") >= 1


def test_paths_in_a_workbook_are_never_opened(tmp_path, monkeypatch):
    src = hostile_workbook(tmp_path / "jalur.xlsx")
    opened = []
    real_open, real_io_open, real_zip = builtins.open, io.open, zipfile.ZipFile.__init__

    def spy_open(file, *a, **k):
        opened.append(str(file))
        return real_open(file, *a, **k)

    def spy_zip(self, file, *a, **k):
        opened.append(str(file))
        return real_zip(self, file, *a, **k)

    monkeypatch.setattr(builtins, "open", spy_open)
    monkeypatch.setattr(io, "open", spy_open)
    monkeypatch.setattr(zipfile.ZipFile, "__init__", spy_zip)
    check_file(src)
    finalise(src, tmp_path / "hasil.xlsx")
    monkeypatch.setattr(builtins, "open", real_open)
    monkeypatch.setattr(io, "open", real_io_open)
    for text in HOSTILE.values():
        assert not any(text in p for p in opened), text
    assert any(p.endswith("jalur.xlsx") for p in opened)


def test_openpyxl_parses_with_defusedxml():
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML


def test_zip_bomb_refused_before_expanding():
    t0 = time.perf_counter()
    res = None
    from lkj_excel.errors import UnreadableWorkbook

    try:
        res = check_file(ROOT / "tests" / "corpus" / "bom_zip.xlsx")
    except UnreadableWorkbook as exc:
        assert "membengkak" in exc.message
    assert res is None
    assert time.perf_counter() - t0 < 2
