"""Every file of tests/corpus (made by scripts/build_corpus.py) and its exact outcome:
refused with exit 2 and a clear Indonesian message, or checked with an exact set of
findings. Plus a 100,000-row Anggaran made at test time, and output failures."""

from __future__ import annotations

import copy
import sys

import pytest
from click.testing import CliRunner

from lkj_excel import layout as L
from lkj_excel.checking import check_file
from lkj_excel.cli import cli

from .conftest import CANDIPURO, ROOT, run_lkj

CORPUS = ROOT / "tests" / "corpus"

REFUSED = {
    "word_diganti_nama.xlsx": "sebenarnya dokumen Word (.docx) yang diberi nama .xlsx",
    "pdf_diganti_nama.xlsx": "bukan buku kerja Excel yang sah",
    "kosong.xlsx": "kosong (0 byte)",
    "terpotong.xlsx": "rusak atau terpotong",
    "zip_biasa.xlsx": "sebenarnya arsip zip",
    "~$laporan.xlsx": "berkas kunci sementara Excel",
    "tanpa_baris.xlsx": "tidak memiliki sheet wajib: 'Identitas', 'PK', 'Capaian', 'Anggaran'",
    "terkunci_sandi.xlsx": "dilindungi kata sandi",
    "bom_zip.xlsx": "isinya membengkak menjadi 4096 MB",
    "entitas_xml.xlsx": "tidak dapat dibaca sebagai buku kerja",
    "tanggal_angka_raksasa.xlsx": "Sheet 'Desa' pada berkas 'tanggal_angka_raksasa.xlsx' "
                                  "berisi sel tanggal dengan nilai yang tidak mungkin",
    # web and text exports under a workbook's name are named as what they are
    "halaman_web.xls": "sebenarnya halaman web (HTML) yang diberi nama .xls",
    "xml_excel_2003.xls": "sebenarnya lembar kerja XML Excel 2003 yang diberi nama .xls",
    "csv_bernama_xlsx.xlsx": "sebenarnya teks CSV yang diberi nama .xlsx",
    **{f"tanpa_sheet_{s}.xlsx": f"tidak memiliki sheet wajib: '{s}'." for s in L.REQUIRED_SHEETS},
    **{f"tanpa_kolom_{t.name.replace(' ', '_')}_{c.key}.xlsx":
       f"Sheet '{t.name}' tidak memiliki kolom wajib: '{c.header}'."
       for t in L.TABLE_SHEETS for c in t.columns if c.required},
}

CLEAN_SET = {("DES001", "Desa", "E7")}
CHECKED = {
    # the clean report moved 3 rows down and 2 right, headers in capitals with spaces
    "judul_bergeser.xlsx": (0, {("DES001", "Desa", "G10")}),
    "teks_di_angka.xlsx": (2, {("NIL001", "Anggaran", "C6"), ("NIL001", "Anggaran", "D7"),
                               # "Rp -" reads as nothing: 0 against pagu 20.000.000
                               ("PK006", "PK Anggaran", "D4"), ("PK007", "PK Anggaran", "D6")}
                           | CLEAN_SET),
    "angka_negatif_raksasa.xlsx": (1, {
        # realisasi -2.000.000 on 7.01.02.2.01.0001: negative, and its sisa 6.000.000,
        # persentase 25,00% and kegiatan 5.000.000 all say 2.000.000
        ("ANG007", "Anggaran", "D6"), ("ANG018", "Anggaran", "D6"),
        # pagu 1e15 on 7.01.06.2.01.0008: its sisa 10.500.000 + realisasi 1.500.000 and
        # its kegiatan 30.000.000 - 18.000.000 say 12.000.000
        ("ANG018", "Anggaran", "C11")} | CLEAN_SET),
    "tanggal_mustahil.xlsx": (2, {
        # the documents on time cannot be counted while Sukamaju's APBDes date is
        # unreadable, so the desa indicator is not judged from it
        ("NIL002", "Identitas", "B13"), ("NIL002", "Desa", "D4")} | CLEAN_SET),
    **{f"tanggal_{k}.xlsx": (0, CLEAN_SET)
       for k in ("teks", "strip", "garis_miring", "iso", "tanggal_excel", "singkat")},
    "rumus_dengan_nilai.xlsx": (0, CLEAN_SET),
    "rumus_tanpa_nilai.xlsx": (0, {("NIL004", "Anggaran", f"E{r}") for r in range(4, 13)}
                               | CLEAN_SET),
    "sel_gabung.xlsx": (0, CLEAN_SET),
    # issue 16: one value in XFD1048576 is read, not a 512 GiB allocation
    "sel_paling_jauh.xlsx": (0, CLEAN_SET),
    # cached formula errors are findings on their cells, never blanks; the #REF! sisa also
    # breaks pagu - realisasi = sisa
    # an error value is the finding on its cell, which gives the value it should hold;
    # it is not also read as a sisa of 0 (no ANG001 at E5)
    "galat_rumus.xlsx": (1, {("NIL005", "Anggaran", "F4"), ("NIL005", "Anggaran", "E5"),
                             ("NIL005", "Capaian", "H4"),
                             ("NIL005", "Efisiensi", "C4")} | CLEAN_SET),
    # legitimate ways of writing: read, and the report still checked
    "tanggal_dengan_hari.xlsx": (0, CLEAN_SET),
    "tanggal_hari_salah.xlsx": (2, {("NIL002", "Identitas", "B13")} | CLEAN_SET),
    "rupiah_koma_strip.xlsx": (0, CLEAN_SET),
    "spasi_tak_terlihat.xlsx": (0, CLEAN_SET),
    "google_sheets.xlsx": (0, CLEAN_SET),
    "sheet_ringkasan_temuan.xlsx": (0, CLEAN_SET),
    "nama_sheet_panjang.ods": (0, CLEAN_SET),
    "tersembunyi.xlsx": (0, CLEAN_SET),
    "Laporan Kinerja TW I (revisi) \u2013 K\u00e9camatan.xlsx": (0, CLEAN_SET),
}
SAME_AS_CANDIPURO = ("libreoffice.ods", "libreoffice.xlsx", "lama.xls", "libreoffice.xls",
                     "gnumeric.xlsx", "gnumeric.ods", "xls_bernama_xlsx.xlsx",
                     "ods_bernama_xlsx.xlsx", "xlsx_bernama_xls.xls")


def test_corpus_is_complete():
    names = {p.name for p in CORPUS.iterdir()}
    expected = set(REFUSED) | set(CHECKED) | set(SAME_AS_CANDIPURO)
    assert names == expected


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_with_message(name):
    proc = run_lkj("check", CORPUS / name)
    assert proc.returncode == 2
    assert REFUSED[name] in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert "panicked" not in proc.stderr  # no Rust panic text from python-calamine


@pytest.mark.parametrize("name", sorted(CHECKED))
def test_checked_exactly(name):
    code, expected = CHECKED[name]
    res = check_file(CORPUS / name)
    assert res.flatten() == expected
    assert res.exit_code == code


@pytest.mark.parametrize("name", SAME_AS_CANDIPURO)
def test_other_programs_give_the_same_findings(name):
    assert check_file(CORPUS / name).flatten() == check_file(CANDIPURO).flatten()


def test_refused_files_in_finalise_and_rekap(tmp_path):
    for name in ("kosong.xlsx", "terkunci_sandi.xlsx", "tanpa_sheet_Anggaran.xlsx"):
        proc = run_lkj("finalise", CORPUS / name, "-o", tmp_path / "x.xlsx")
        assert proc.returncode == 2 and REFUSED[name] in proc.stderr
    proc = run_lkj("rekap", CORPUS, "-o", tmp_path / "rekap.xlsx", "--jobs", "2")
    assert proc.returncode == 0, proc.stderr
    total = len(list(CORPUS.iterdir()))
    assert (f"{total} berkas masuk: {total - len(REFUSED)} direkap, {len(REFUSED)} "
            "bermasalah") in proc.stdout
    assert "panicked" not in proc.stderr


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    sys.path.insert(0, str(ROOT / "scripts"))
    from sample_data import CLEAN

    from lkj_excel.writers.template import build_workbook

    d = copy.deepcopy(CLEAN)
    d["Anggaran"] = [
        {"kode": f"7.01.02.2.{k:02d}.{s:04d}", "uraian": f"Sub kegiatan {k}.{s}",
         "pagu": "1.000.000", "realisasi": "250.000", "sisa": "750.000",
         "persentase": "25,00%"}
        for k in range(100) for s in range(1, 1001)
    ]
    path = tmp_path_factory.mktemp("besar") / "anggaran_100rb_baris.xlsx"
    build_workbook(path, "kecamatan", d)
    return path


def test_100000_row_anggaran(big):
    res = check_file(big)
    assert len(res.report.anggaran_rows) == 100_000
    # sub kegiatan without their kegiatan rows, none of any level above: no ANG010; the
    # PK and Efisiensi budgets name programs that are not in this table: nothing to compare
    assert res.flatten() == CLEAN_SET


def test_read_only_output_folder(tmp_path, monkeypatch):
    from lkj_excel.writers import atomic

    def denied(*a, **k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic, "_create_temp", denied)
    res = CliRunner().invoke(cli, ["finalise", str(CANDIPURO), "-o", str(tmp_path / "o.xlsx")])
    assert res.exit_code == 2
    assert "Tidak dapat menulis di folder" in res.output
    res = CliRunner().invoke(cli, ["rekap", str(CANDIPURO), "-o", str(tmp_path / "r.xlsx")])
    assert res.exit_code == 2 and "Tidak dapat menulis di folder" in res.output


def test_full_disk(tmp_path, monkeypatch):
    import os

    real = os.replace

    def full(src, dst):
        if str(dst).endswith(".xlsx"):
            raise OSError(28, "No space left on device")
        return real(src, dst)

    monkeypatch.setattr(os, "replace", full)
    out = tmp_path / "o.xlsx"
    res = CliRunner().invoke(cli, ["finalise", str(CANDIPURO), "-o", str(out)])
    assert res.exit_code == 2 and "disk penuh" in res.output
    assert not out.exists() and not list(tmp_path.iterdir())
