"""Issue 16, reading and finalising what real programs and people write: far cells, cached
formula errors, wrong extensions, day names, 'Rp. 3.000.000,-', invisible characters,
clashing and over-long sheet names. Values are read back from the written files."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys

import pytest

from lkj_excel.parsing import CellError, parse_date, parse_number, parse_percent
from lkj_excel.writers.final import finalise

from .conftest import ROOT, run_lkj

CORPUS = ROOT / "tests" / "corpus"


def _sheets(path):
    import python_calamine as pc

    return pc.CalamineWorkbook.from_path(str(path)).sheet_names


@pytest.mark.parametrize("text, expected", [
    ("Rabu, 23 Agustus 2023", dt.date(2023, 8, 23)),
    ("rabu 23-08-2023", dt.date(2023, 8, 23)),
    ("Jum'at, 25 Agustus 2023", dt.date(2023, 8, 25)),
    ("Kamis,\u00a010 April 2025", dt.date(2025, 4, 10)),
])
def test_date_with_its_day_name(text, expected):
    d = parse_date(text)
    assert d.value == expected and d.error is None and d.style.startswith("hari_")


def test_date_whose_day_name_is_wrong_is_an_error():
    d = parse_date("Senin, 23 Agustus 2023")
    assert d.value is None
    assert d.error == ("hari Senin tidak cocok dengan tanggalnya (23 Agustus 2023 jatuh pada "
                       "hari Rabu)")


@pytest.mark.parametrize("text, value, note", [
    ("Rp. 3.000.000,-", 3_000_000, None),
    ("Rp.3.000.000,-", 3_000_000, None),
    ("3.000.000,-", 3_000_000, None),
    ("3.000\u200b.000", 3_000_000, "tidak terlihat"),
    ("\ufeff1.500.000", 1_500_000, "tidak terlihat"),
    ("1.500.000\u00a0", 1_500_000, None),
    ("1\u202f500\u202f000", 1_500_000, None),
])
def test_amounts_as_people_write_them(text, value, note):
    n = parse_number(text, kind="amount")
    assert n.value == value and n.error is None
    assert (note is None and n.note is None) or (note is not None and note in n.note)


def test_cell_error_is_never_a_number_nor_a_blank_date():
    for err in ("#DIV/0!", "#REF!", "#VALUE!", "#N/A"):
        n = parse_number(CellError(err))
        assert n.value is None and n.style == "error"
        assert parse_percent(CellError(err)).style == "error"
        assert parse_date(CellError(err)).style == "error"


def test_far_cell_is_read_in_a_child_process_without_abort(tmp_path):
    """Before: python-calamine asked for 512 GiB for XFD1048576 and the process aborted
    (exit 134). A child process with a 3 GiB address-space limit proves the bound."""
    code = ("import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30));"
            "from lkj_excel.checking import check_file;"
            f"r = check_file({str(CORPUS / 'sel_paling_jauh.xlsx')!r});"
            "print(r.exit_code, sorted(r.flatten()))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=300, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "0 [('DES001', 'Desa', 'E7')]"


def test_finalise_keeps_the_far_value_and_the_error_values(tmp_path):
    out = finalise(CORPUS / "galat_rumus.xlsx", tmp_path / "f.xlsx").output
    import openpyxl

    wb = openpyxl.load_workbook(out, read_only=True)
    ang = {c.coordinate: c.value for row in wb["Anggaran"].iter_rows(min_row=4, max_row=5)
           for c in row if getattr(c, "coordinate", None)}
    assert ang["F4"] == "#DIV/0!" and ang["E5"] == "#REF!"  # shown, never blank
    far = finalise(CORPUS / "sel_paling_jauh.xlsx", tmp_path / "g.xlsx").output
    ws = openpyxl.load_workbook(far, read_only=True)["Pegawai"]
    ws.reset_dimensions()
    last = None
    for row in ws.iter_rows(min_row=1048576, max_row=1048576, values_only=True):
        last = row[-1] if row else None
    assert last == "catatan di sel terakhir"


def test_finalise_with_own_ringkasan_and_temuan_sheets_and_again_on_its_output(tmp_path):
    first = tmp_path / "satu.xlsx"
    proc = run_lkj("finalise", CORPUS / "sheet_ringkasan_temuan.xlsx", "-o", first)
    assert proc.returncode == 0, proc.stderr
    names = _sheets(first)
    assert names[0] == "Ringkasan" and "Temuan" in names  # the report first, then its appendix
    assert "Ringkasan (isian)" in names and "Temuan (isian)" in names
    import openpyxl

    wb = openpyxl.load_workbook(first, read_only=True)
    assert wb["Ringkasan (isian)"]["A1"].value == "catatan ringkasan milik seksi"
    second = tmp_path / "dua.xlsx"
    proc = run_lkj("finalise", first, "-o", second)  # lkj's own output, finalised again
    assert proc.returncode == 0, proc.stderr
    assert _sheets(second) == names  # the generated sheets are made anew, not doubled


def test_finalise_ods_with_a_sheet_name_excel_does_not_allow(tmp_path):
    out = tmp_path / "f.xlsx"
    proc = run_lkj("finalise", CORPUS / "nama_sheet_panjang.ods", "-o", out)
    assert proc.returncode == 0, proc.stderr
    names = _sheets(out)
    assert "Catatan tambahan seksi pemerint" in names  # 31 characters, ':' and [] replaced
    assert all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in names)


@pytest.mark.parametrize("name", ["xls_bernama_xlsx.xlsx", "ods_bernama_xlsx.xlsx",
                                  "gnumeric.ods"])
def test_wrong_extension_and_gnumeric_ods_finalise(tmp_path, name):
    proc = run_lkj("finalise", CORPUS / name, "-o", tmp_path / "f.xlsx")
    assert proc.returncode == 1, proc.stderr  # Candipuro's errors, found
    assert "kata sandi" not in proc.stderr


def test_rekap_reads_the_new_corpus_classes(tmp_path):
    d = tmp_path / "masuk"
    d.mkdir()
    for n in ("sel_paling_jauh.xlsx", "galat_rumus.xlsx", "xls_bernama_xlsx.xlsx",
              "gnumeric.ods", "google_sheets.xlsx", "halaman_web.xls"):
        shutil.copy(CORPUS / n, d / n)
    proc = run_lkj("rekap", d, "-o", tmp_path / "r.xlsx", "--jobs", "2")
    assert proc.returncode == 0, proc.stderr
    assert "6 berkas masuk: 5 direkap, 1 bermasalah" in proc.stdout


def test_nil005_formula_error_value():
    """Rule NIL005 on a workbook Excel-style saved with cached errors (corpus)."""
    from lkj_excel.checking import check_file

    res = check_file(CORPUS / "galat_rumus.xlsx")
    nil = {(f.sheet, f.cell): f for f in res.findings if f.rule == "NIL005"}
    assert set(nil) == {("Anggaran", "F4"), ("Anggaran", "E5"), ("Capaian", "H4"),
                        ("Efisiensi", "C4")}
    f = nil[("Anggaran", "F4")]
    # the persentase of program 7.01.02 is known from its own row: 5.000.000 / 20.000.000,
    # so the finding gives the value to type instead of the broken formula
    assert (f.severity.value, f.found, f.expected) == ("error", "#DIV/0!", "25,00%")
    assert f.message == ("Sel Anggaran!F4 berisi galat rumus #DIV/0! (pembagian dengan nol), "
                         "jadi nilainya tidak diketahui dan tidak dapat diperiksa; perbaiki "
                         "rumusnya lalu simpan lagi. Menurut hitungan lain nilainya 25,00%.")
    # the kegiatan's sisa: 20.000.000 - 5.000.000; no other finding about either cell
    assert nil[("Anggaran", "E5")].expected == "15.000.000"
    assert not [x for x in res.findings if x.rule != "NIL005" and
                (x.sheet, x.cell) in (("Anggaran", "F4"), ("Anggaran", "E5"))]
    assert res.exit_code == 1  # checked, errors found: no longer exit 0
