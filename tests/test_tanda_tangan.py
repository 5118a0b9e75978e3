"""Every signature of the report (sheet Tanda Tangan) is checked like the identity's signer.

Seed 003 (Pronojiwo TW III 2024) writes NIP 19700929 199302 1 002 under four spellings of
one name: HANI PUJANTO, SH (Kata Pengantar, PK Pihak Pertama), HANI PUJIANTO, SH (Tabel 1.1),
HANI PUJIYANTO, SH (Lampiran PK) and HANI RUJANTO, SH (Penutup). Rows of the sheet: header
on row 3, signatures rows 4-9; columns D tanggal, F nama, G NIP, H pangkat.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from sample_data import PRONOJIWO  # noqa: E402

from lkj_excel.checking import check  # noqa: E402
from lkj_excel.reader import read_report  # noqa: E402
from tests.helpers import clean_data, write  # noqa: E402

NIP = "19700929 199302 1 002"
CODES = ("IDN004", "IDN005", "IDN006", "IDN011", "TTD001", "TTD002")


def seed_signatures() -> list[dict]:
    """The six signatures of seed 003, as written there."""
    camat, bupati = "CAMAT PRONOJIWO", "Pj. BUPATI LUMAJANG"
    return [
        {"bagian": "Kata Pengantar", "tempat": "Lumajang", "tanggal": "30 September 2024",
         "jabatan": camat, "nama": "HANI PUJANTO, SH", "nip": NIP},
        {"bagian": "Perjanjian Kinerja", "tempat": "Lumajang", "tanggal": "10 Januari 2024",
         "jabatan": bupati, "nama": "INDAH WAHYUNI, S.H., M.Si"},
        {"bagian": "Perjanjian Kinerja", "tempat": "Lumajang", "tanggal": "10 Januari 2024",
         "jabatan": camat, "nama": "HANI PUJANTO, SH", "nip": NIP},
        {"bagian": "Lampiran PK", "tempat": "Lumajang", "tanggal": "10 Januari 2024",
         "jabatan": bupati, "nama": "INDAH WAHYUNI, S.H., M.Si"},
        {"bagian": "Lampiran PK", "tempat": "Lumajang", "tanggal": "10 Januari 2024",
         "jabatan": camat, "nama": "HANI PUJIYANTO, SH", "nip": NIP},
        {"bagian": "Penutup", "tempat": "Lumajang", "tanggal": "30 September 2024",
         "jabatan": camat, "nama": "HANI RUJANTO, SH", "nip": NIP},
    ]


def run(tmp_path, signatures, name="ttd.xlsx", edit=None):
    data = copy.deepcopy(PRONOJIWO)
    data["Tanda Tangan"] = signatures
    if edit:
        edit(data)
    res = check(read_report(write(tmp_path, data, name)))
    return res, sorted((f.rule, f.sheet, f.cell, f.found, f.expected) for f in res.findings
                       if f.rule in CODES)


def test_one_nip_four_names(tmp_path):
    res, got = run(tmp_path, seed_signatures())
    pujanto = "HANI PUJANTO, SH"
    # the spelling written most often (Kata Pengantar, PK, Identitas Pihak Pertama) is the
    # reference; every other spelling is named where it is written
    assert [g for g in got if g[0] == "IDN005"] == [
        ("IDN005", "Identitas", "B14", "HANI RUJANTO, SH", pujanto),
        ("IDN005", "Pegawai", "B4", "HANI PUJIANTO, SH", pujanto),
        ("IDN005", "Tanda Tangan", "F8", "HANI PUJIYANTO, SH", pujanto),
        ("IDN005", "Tanda Tangan", "F9", "HANI RUJANTO, SH", pujanto),
    ]
    f = next(f for f in res.findings if f.rule == "IDN005" and f.cell == "F9")
    assert f.message == ("NIP 19700929 199302 1 002 ditulis atas nama 'HANI RUJANTO, SH' di "
                         "Tanda Tangan!F9, tetapi 'HANI PUJANTO, SH' di Identitas!B23.")
    # the dates agree with Identitas (30 September 2024; PK 10 Januari 2024)
    assert not any(g[0] in ("TTD001", "TTD002") for g in got)


def _consistent():
    rows = seed_signatures()
    for r in rows:
        if r.get("nip"):
            r["nama"] = "HANI PUJIANTO, SH"
    return rows


def _same_name(data):
    data["Identitas"]["pelapor_nama"] = "HANI PUJIANTO, SH"
    data["Identitas"]["pk_pihak1_nama"] = "HANI PUJIANTO, SH"


def test_consistent_signatures_are_silent(tmp_path):
    _, got = run(tmp_path, _consistent(), edit=_same_name)
    assert [g for g in got if g[1] == "Tanda Tangan" or g[0].startswith("TTD")] == []


def test_same_name_nip_spelled_differently(tmp_path):
    rows = _consistent()
    rows[5]["nip"] = "19700929 199203 1 002"
    res, got = run(tmp_path, rows, edit=_same_name)
    assert ("TTD001", "Tanda Tangan", "G9", "19700929 199203 1 002", NIP) in got
    assert [g for g in got if g[0] == "TTD001"] == [
        ("TTD001", "Tanda Tangan", "G9", "19700929 199203 1 002", NIP)]
    f = next(f for f in res.findings if f.rule == "TTD001")
    assert "HANI PUJIANTO, SH ditulis dengan NIP 19700929 199203 1 002 di Tanda Tangan!G9" \
        in f.message
    # the spaces of a NIP are not a difference
    rows = _consistent()
    rows[5]["nip"] = "197009291993021002"
    _, got = run(tmp_path, rows, "spasi.xlsx", edit=_same_name)
    assert not any(g[0] == "TTD001" for g in got)


def test_invalid_nip_in_signature(tmp_path):
    rows = _consistent()
    rows[0]["nip"] = "19700229 199302 1 002"  # 29 Februari 1970 does not exist
    _, got = run(tmp_path, rows, edit=_same_name)
    assert ("IDN004", "Tanda Tangan", "G4", "19700229 199302 1 002", "") in got
    assert ("TTD001", "Tanda Tangan", "G4", "19700229 199302 1 002", NIP) in got


def test_pangkat_in_signature(tmp_path):
    rows = _consistent()
    rows[0]["pangkat"] = "Pengatur Tk.I (III/a)"
    rows[5]["pangkat"] = "Pengatur (II/e)"
    _, got = run(tmp_path, rows, edit=_same_name)
    assert ("IDN006", "Tanda Tangan", "H4", "Pengatur Tk.I (III/a)",
            "Penata Muda (III/a)") in got
    assert [g for g in got if g[0] == "IDN011"] == [
        ("IDN011", "Tanda Tangan", "H9", "Pengatur (II/e)", "")]


def test_signature_dates(tmp_path):
    rows = _consistent()
    rows[5]["tanggal"] = "3 Oktober 2024"     # Penutup: the report is dated 30 September
    rows[3]["tanggal"] = "11 Januari 2024"    # Lampiran PK: the PK is dated 10 Januari
    res, got = run(tmp_path, rows, edit=_same_name)
    assert [g for g in got if g[0] == "TTD002"] == [
        ("TTD002", "Tanda Tangan", "D7", "11 Januari 2024", "10 Januari 2024"),
        ("TTD002", "Tanda Tangan", "D9", "3 Oktober 2024", "30 September 2024"),
    ]
    f = next(f for f in res.findings if f.rule == "TTD002" and f.cell == "D9")
    assert f.message.startswith("Tanda tangan Penutup bertanggal 3 Oktober 2024, tetapi "
                                "Tanggal Laporan di Identitas (Identitas!")


def test_clean_example_unchanged(tmp_path):
    res = check(read_report(write(tmp_path, clean_data())))
    assert not any(f.rule.startswith("TTD") for f in res.findings)


def test_two_people_of_one_name_in_the_list(tmp_path):
    """Two rows of the personnel list with one name and two NIPs are two people."""
    def edit(data):
        _same_name(data)
        data["Pegawai"].append(dict(data["Pegawai"][6], nip="19711004 200101 2 004"))
    _, got = run(tmp_path, _consistent(), edit=edit)
    assert not any(g[0] == "TTD001" for g in got)


def test_the_documents_sign_with_the_name_written_most_often(tmp_path):
    # Seed 003 writes NIP 19700929 199302 1 002 as HANI PUJANTO three times (Identitas B23,
    # two signatures) and as RUJANTO in Identitas B14, the reporter: IDN005 says PUJANTO, so
    # the finalised workbook and the Word document are signed PUJANTO, not RUJANTO.
    import openpyxl
    from docx import Document

    from lkj_excel.writers.dokumen import dokumen
    from lkj_excel.writers.final import finalise

    from .conftest import PRONOJIWO as SAMPLE

    wb = openpyxl.load_workbook(finalise(SAMPLE, tmp_path / "f.xlsx").output)
    # the printed sheets (the appendix keeps the typed sheets as they were)
    printed = [ws for ws in wb if ws.title == "Ringkasan" or ws.title.startswith("Tabel")]
    names = {c.value for ws in printed for row in ws.iter_rows() for c in row
             if isinstance(c.value, str) and c.value.startswith("HANI ")}
    assert "HANI PUJANTO, SH" in names and "HANI RUJANTO, SH" not in names
    doc = Document(str(dokumen(SAMPLE, tmp_path / "d.docx", abaikan_temuan=True).output))
    text = "\n".join([p.text for p in doc.paragraphs] + [
        c.text for t in doc.tables for row in t.rows for c in row.cells])
    assert "HANI PUJANTO, SH" in text and "HANI RUJANTO" not in text
