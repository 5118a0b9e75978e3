"""One test per rule: a small clean report with one mistake introduced, and the finding it
must produce at its cell. The clean report itself produces only DES001 (a note)."""

from __future__ import annotations

import pytest

from lkj_excel.rules import load_all

from .helpers import check_data, clean_data


def _set(path):
    """A change: (table or 'Identitas', row index or key, field, value)."""
    def apply(d):
        for table, idx, field, value in path:
            if table == "Identitas":
                d["Identitas"][field] = value
            elif field is None:
                del d[table][idx]
            else:
                d[table][idx][field] = value
        return d
    return apply


CASES = [
    # code, changes, expected (sheet, cell)
    ("NIL001", [("Anggaran", 2, "pagu", "dua juta")], ("Anggaran", "C6")),
    ("NIL002", [("Desa", 0, "apbdes", "31 Februari 2024")], ("Desa", "D4")),
    ("NIL003", [("PK Anggaran", 0, "anggaran", "20.000.0000")], ("PK Anggaran", "D4")),
    ("ANG001", [("Anggaran", 2, "sisa", "6.500.000")], ("Anggaran", "E6")),
    ("ANG002", [("Anggaran", 2, "persentase", "24,00%")], ("Anggaran", "F6")),
    ("ANG003", [("Anggaran", 1, "pagu", "21.000.000"), ("Anggaran", 1, "sisa", "16.000.000"),
                ("Anggaran", 1, "persentase", "23,81%")], ("Anggaran", "C5")),
    ("ANG004", [("Anggaran", 0, "pagu", "25.000.000"), ("Anggaran", 0, "sisa", "20.000.000"),
                ("Anggaran", 0, "persentase", "20,00%")], ("Anggaran", "C4")),
    ("ANG005", [("Anggaran", 8, "pagu", "55.000.000"), ("Anggaran", 8, "sisa", "42.500.000"),
                ("Anggaran", 8, "persentase", "22,73%")], ("Anggaran", "C12")),
    # realisasi 13.000.000 of a 12.000.000 pagu, typed consistently everywhere (sisa
    # -1.000.000, 108,33%, and every total above): really over the pagu
    ("ANG006", [("Anggaran", 3, "realisasi", "13.000.000"), ("Anggaran", 3, "sisa", "-1.000.000"),
                ("Anggaran", 3, "persentase", "108,33%"),
                ("Anggaran", 1, "realisasi", "15.000.000"), ("Anggaran", 1, "sisa", "5.000.000"),
                ("Anggaran", 1, "persentase", "75,00%"),
                ("Anggaran", 0, "realisasi", "15.000.000"), ("Anggaran", 0, "sisa", "5.000.000"),
                ("Anggaran", 0, "persentase", "75,00%"),
                ("Anggaran", 8, "realisasi", "22.500.000"), ("Anggaran", 8, "sisa", "27.500.000"),
                ("Anggaran", 8, "persentase", "45,00%")], ("Anggaran", "D7")),
    ("ANG007", [("Anggaran", 3, "realisasi", "-3.000.000")], ("Anggaran", "D7")),
    ("ANG008", [("Anggaran", 2, "kode", "7.01.02.2.01.01")], ("Anggaran", "A6")),
    ("ANG009", [("Anggaran", 3, "kode", "7.01.02.2.01.0001")], ("Anggaran", "A7")),
    ("ANG010", [("Anggaran", 1, None, None)], ("Anggaran", "A5")),
    ("ANG011", [("Anggaran", 0, "pagu", "20,000,000")], ("Anggaran", "C4:C12")),
    ("ANG012", [("Anggaran", 2, "target_tw", "2.000.000"), ("Anggaran", 3, "target_tw",
                                                          "3.000.000"),
                ("Anggaran", 6, "target_tw", "6.000.000"), ("Anggaran", 7, "target_tw",
                                                          "1.500.000"),
                ("Anggaran", 8, "target_tw", "15.000.000")], ("Anggaran", "G12")),
    ("ANG013", [("Anggaran", 2, "target_tw", "-")], ("Anggaran", "D6")),
    ("ANG014", [("Anggaran", 2, "target_tw", "1.000.000")], ("Anggaran", "D6")),
    ("ANG015", [("Anggaran", 2, "target_tw", "4.000.000"),
                ("Anggaran", 2, "capaian_keuangan", "40%")], ("Anggaran", "H6")),
    ("ANG017", [("Anggaran", 3, "kode", "7.01")], ("Anggaran", "A7")),
    ("CAP001", [("Capaian", 0, "capaian", "90%")], ("Capaian", "G4")),
    ("CAP002", [("Capaian", 1, "realisasi", "7/12 = 60,00%")], ("Capaian", "F5")),
    ("CAP003", [("Capaian", 2, "capaian", "85%")], ("Capaian", "G6")),
    ("CAP004", [("Capaian", 0, "predikat", "Sangat Tinggi")], ("Capaian", "N4")),
    ("CAP005", [("Capaian", 0, "realisasi", "8 Desa"), ("Capaian", 0, "sumber", None)],
     ("Capaian", "F4")),
    ("PK001", [("PK", 0, "target", None)], ("PK", "D4")),
    ("PK002", [("Capaian", 0, "target", "95%")], ("Capaian", "E4")),
    ("PK003", [("PK", 0, "target", "12 Desa")], ("Capaian", "E4")),
    ("PK004", [("Capaian", 0, "indikator", "Jumlah kunjungan wisata ke kecamatan")],
     ("Capaian", "C4")),
    ("PK005", [("Capaian", 0, "indikator", "Jumlah kunjungan wisata ke kecamatan")],
     ("PK", "C4")),
    ("PK006", [("PK Anggaran", 0, "anggaran", "25.000.000"),
               ("PK Anggaran", 2, "anggaran", "55.000.000")], ("PK Anggaran", "D4")),
    ("PK007", [("PK Anggaran", 2, "anggaran", "55.000.000")], ("PK Anggaran", "D6")),
    ("PK008", [("Perbandingan", 0, "realisasi_n", "85%")], ("Perbandingan", "I4")),
    ("DES002", [("Capaian", 1, "pembilang", 8)], ("Capaian", "K5")),
    ("DES003", [("Desa", 0, "lppdes", "20 April 2025")], ("Desa", "E4")),
    ("DES004", [("Desa", 0, "lppdes", "31 Desember 2024")], ("Desa", "E4")),
    ("DES005", [("Identitas", None, "jumlah_desa", 5)], ("Identitas", "B11")),
    ("DES006", [("Desa", 0, "lppdes", None)], ("Desa", "E4")),
    ("FAS001", [("Fasilitasi", 0, "status", "Belum")], ("Capaian", "K4")),
    ("FAS002", [("Fasilitasi", 0, "status", "entah")], ("Fasilitasi", "D4")),
    ("COP001", [("Efisiensi", 0, "capaian_anggaran", "30%")], ("Efisiensi", "H4")),
    ("COP002", [("Efisiensi", 0, "capaian_kinerja", "90%")], ("Efisiensi", "K4")),
    ("COP003", [("Efisiensi", 0, "efisiensi", "80%")], ("Efisiensi", "L4")),
    ("COP004", [("Efisiensi", 0, "realisasi", "6.000.000"),
                ("Efisiensi", 0, "capaian_anggaran", "30,00%"),
                ("Efisiensi", 0, "efisiensi", "70,00%")], ("Efisiensi", "G4")),
    ("IDN001", [("Identitas", None, "tanggal", "15 April 2025")], ("Identitas", "B13")),
    ("IDN002", [("Identitas", None, "tanggal", "30 Maret 2025")], ("Identitas", "B13")),
    ("IDN003", [("Identitas", None, "atasan_jabatan", "Camat Sukamaju")], ("Identitas", "B21")),
    ("IDN004", [("Identitas", None, "pelapor_nip", "19700229 199302 1 002")],
     ("Identitas", "B15")),
    ("IDN005", [("Pegawai", 0, "nama", "Drs. BUDI SANTOSA")], ("Pegawai", "B4")),
    ("IDN006", [("Identitas", None, "pelapor_pangkat", "Penata (IV/a)")], ("Identitas", "B16")),
    ("IDN007", [("Identitas", None, "tahun", None)], ("Identitas", "B8")),
    ("IDN008", [("Identitas", None, "unit", None)], ("Identitas", "B4")),
    ("IDN009", [("Pegawai", 0, "jk", "P")], ("Pegawai", "D4")),
    # the cells that are wrong, not the totals or results that contradict them
    ("ANG018", [("Anggaran", 2, "pagu", "9.000.000")], ("Anggaran", "C6")),
    ("ANG019", [("Anggaran", 2, "kode", "7.01.06.2.01.0001")], ("Anggaran", "A6")),
    ("CAP006", [("Capaian", 0, "pembilang", None), ("Capaian", 0, "penyebut", None),
                ("Capaian", 0, "sumber", None), ("Capaian", 0, "realisasi", "85%")],
     ("Capaian", "F4")),
    ("PK009", [("PK", 0, "target", "95%")], ("PK", "D4")),
    ("PK010", [("PK Anggaran", 0, "anggaran", "25.000.000")], ("PK Anggaran", "D4")),
    ("COP005", [("Efisiensi", 0, "pagu", "25.000.000")], ("Efisiensi", "F4")),
    ("IDN010", [("Identitas", None, "tahun", 2024)], ("Identitas", "B8")),
    ("CAP011", [("Capaian", 0, "rumus_negatif", "(T-R)/T")], ("Capaian", "J4")),
    ("IDN011", [("Pegawai", 4, "pangkat", "Pengatur (II/e)")], ("Pegawai", "F8")),
    ("CAP007", [("Capaian", 0, "target_tahunan", "90%"), ("Capaian", 0, "target", "95%")],
     ("Capaian", "E4")),
    ("CAP010", [("Capaian", 0, "target", "0%"), ("PK", 0, "target", "0%")],
     ("Capaian", "G4")),
    ("IDN012", [("Identitas", None, "tahun", 2028), ("Identitas", None, "tanggal",
                                                     "7 April 2028")], ("Identitas", "B13")),
]


@pytest.mark.parametrize("code,changes,where", CASES, ids=[c[0] for c in CASES])
def test_rule_fires_at_its_cell(tmp_path, code, changes, where):
    res = check_data(tmp_path, _set(changes)(clean_data()))
    assert (code, *where) in res.flatten(), sorted(res.flatten())


def test_clean_report_fires_nothing_but_the_late_lppdes_note(tmp_path):
    res = check_data(tmp_path, clean_data())
    assert res.flatten() == {("DES001", "Desa", "E7")}


def test_des001_late_document(tmp_path):
    res = check_data(tmp_path, clean_data())
    f = next(f for f in res.findings if f.rule == "DES001")
    # a date cannot be corrected by a value: the bound is a note, not a "Seharusnya"
    # Tegalrejo's LPPDes for 2024 on 7 April 2025, 7 days after 31 Maret 2025
    assert f.expected == "" and f.note == "<= 31 Maret 2025" and "7 hari" in f.message


def test_ang016_average_follows_wrong_total(tmp_path):
    d = _set([("Anggaran", 2, "target_tw", "2.000.000"), ("Anggaran", 3, "target_tw",
                                                         "3.000.000"),
              ("Anggaran", 6, "target_tw", "6.000.000"), ("Anggaran", 7, "target_tw",
                                                         "1.500.000"),
              ("Anggaran", 8, "target_tw", "25.000.000")])(clean_data())
    d["Anggaran"].append({"uraian": "Rata-rata capaian keuangan", "capaian_keuangan": "50%"})
    res = check_data(tmp_path, d)
    # plan 2 + 3 + 6 + 1,5 = 12.500.000; realisasi 12.500.000: 100%; 50% = 12,5 / 25
    f = next(f for f in res.findings if f.rule == "ANG016")
    assert (f.cell, f.expected, f.cause) == ("H13", "100,00%", "Anggaran!G12")


def test_negative_polarity_formula_named(tmp_path):
    d = clean_data()
    d["Capaian"][0].update({"polaritas": "negatif", "target": "10%", "realisasi": "8%",
                            "capaian": "80%", "sumber": None, "pembilang": None,
                            "penyebut": None, "predikat": None})
    d["PK"][0]["target"] = "10%"
    d["Capaian"][2]["capaian"] = None
    res = check_data(tmp_path, d)
    f = next(f for f in res.findings if f.rule == "CAP001")
    # (2 x 10 - 8) / 10 x 100 = 120%
    assert f.expected == "120,00%" and "(2 x target - realisasi) / target x 100" in f.message


def test_capaian_above_100_is_not_capped(tmp_path):
    d = clean_data()
    d["Capaian"][0].update({"realisasi": "99%", "capaian": "110%", "sumber": None,
                            "pembilang": None, "penyebut": None, "predikat": None})
    d["Capaian"][2]["capaian"] = None
    res = check_data(tmp_path, d)
    # 99 / 90 = 110,00%
    assert not [f for f in res.findings if f.rule == "CAP001"]


def test_deadline_counts_cuti_bersama(tmp_path):
    # TW I 2025 ends 31 Maret; 1 April Idul Fitri, 2-4 and 7 April cuti bersama:
    # working days 8, 9, 10, 11, 14 April -> deadline 14 April 2025.
    d = clean_data()
    d["Identitas"]["tanggal"] = "14 April 2025"
    assert "IDN001" not in {f.rule for f in check_data(tmp_path, d).findings}


def test_extra_holiday_from_pengaturan_moves_deadline(tmp_path):
    import datetime as dt

    d = clean_data()
    d["Identitas"]["tanggal"] = "15 April 2025"
    d["libur"] = [(dt.date(2025, 4, 14), "Hari jadi kabupaten")]
    assert "IDN001" not in {f.rule for f in check_data(tmp_path, d).findings}


def test_broken_rule_becomes_sys001(tmp_path, monkeypatch):
    from lkj_excel import rules as R

    ang001 = load_all()["ANG001"]

    def boom(ctx):
        raise ZeroDivisionError("x")

    monkeypatch.setitem(R.RULES, "ANG001", R.Rule(ang001.code, ang001.severity, ang001.sheet,
                                                  ang001.title, boom))
    res = check_data(tmp_path, clean_data())
    assert ("SYS001", "*", None) in res.flatten()
    assert next(f for f in res.findings if f.rule == "SYS001").row_key == "ANG001"


def test_every_rule_has_a_test_and_a_docstring():
    # NIL005 needs a cached error value: tests/test_hostile_forms.py (galat_rumus.xlsx)
    tested = {c[0] for c in CASES} | {"DES001", "ANG016", "SYS001", "NIL004", "NIL005",
                                      "PGT001", "CAP009", "DES007",
                                      # tests/test_template_tables.py
                                      "CAP008", "CAP012", "ANG020", "ANG021", "COP006"}
    # tests/test_rekap_pegawai.py and tests/test_tanda_tangan.py
    tested |= {"PEG001", "PEG002", "PEG003", "PEG004", "PEG005", "TTD001", "TTD002"}
    # PGT001: tests/test_rekap_office.py
    rules = load_all()
    assert set(rules) <= tested, set(rules) - tested
    for r in rules.values():
        assert len(r.doc) > 40, r.code


def test_nil004_formula_without_stored_value(tmp_path):
    import openpyxl

    from lkj_excel.checking import check_file

    from .helpers import write

    path = write(tmp_path, clean_data())
    wb = openpyxl.load_workbook(path)
    wb["Anggaran"]["E6"] = "=C6-D6"  # openpyxl stores no computed value
    wb.save(path)
    res = check_file(path)
    assert ("NIL004", "Anggaran", "E6") in res.flatten()
    assert res.exit_code == 0  # a warning: the rest is still checked


def test_t_minus_r_over_t_is_not_a_capaian_formula(tmp_path):
    # Negative polarity, target 10, realisasi 10: the target is hit exactly. (T - R) / T
    # would give 0% ("Sangat Rendah"); it is no longer offered. The row asking for it is
    # told so (CAP011) and the capaian is judged by 2T-R: (2 x 10 - 10) / 10 = 100%.
    from lkj_excel.layout import PENGATURAN, RUMUS_NEGATIF
    from lkj_excel.relations.core import capaian_formula_value

    assert "(T-R)/T" not in RUMUS_NEGATIF
    assert "(T-R)/T" not in PENGATURAN.field("rumus_negatif").hint
    assert capaian_formula_value("(T-R)/T", 10, 10) is None
    d = clean_data()
    d["Capaian"][0].update({"polaritas": "negatif", "rumus_negatif": "(T-R)/T",
                            "target": "10%", "realisasi": "10%", "capaian": "100%",
                            "sumber": None, "pembilang": None, "penyebut": None,
                            "predikat": None})
    d["PK"][0]["target"] = "10%"
    d["Perbandingan"][0].update({"target_n": "10%", "realisasi_n": "10%"})
    d["Capaian"][2]["capaian"] = None
    res = check_data(tmp_path, d)
    assert res.flatten() == {("DES001", "Desa", "E7"), ("CAP011", "Capaian", "J4")}
    f = next(f for f in res.findings if f.rule == "CAP011")
    assert f.expected == "2T-R"
    d["Pengaturan"] = {"rumus_negatif": "(T-R)/T"}
    res = check_data(tmp_path, d)
    assert ("PGT001", "Pengaturan", "B5") in res.flatten()


def test_text_in_a_percent_cell_is_text_not_a_wrong_number(tmp_path):
    # Senduro's cost-per-outcome table has "1 Jan s/d Maret 2023" in a column; typed into
    # the Efisiensi cell it is text in a number cell (NIL001), not an efisiensi of 1% that
    # should be 75% (COP003).
    d = clean_data()
    d["Efisiensi"][0]["efisiensi"] = "1 Jan s/d Maret 2023"
    d["Anggaran"][2]["realisasi"] = "2.000.000 dan 1 kuitansi"
    res = check_data(tmp_path, d)
    assert {f.key() for f in res.findings if f.rule != "DES001"} == {
        ("NIL001", "Efisiensi", "L4"), ("NIL001", "Anggaran", "D6")}
    by = {f.cell: f for f in res.findings if f.rule == "NIL001"}
    # named like every other finding of those tables: the row and the column
    assert (by["L4"].row_key, by["L4"].field) == (
        "Meningkatnya kualitas fasilitasi dan koordinasi kecamatan", "efisiensi")
    assert (by["D6"].row_key, by["D6"].field) == ("7.01.02.2.01.0001", "realisasi")


def test_nil003_names_the_budget_code_and_the_column():
    from lkj_excel.checking import check_file

    from .conftest import PRONOJIWO

    res = check_file(PRONOJIWO)
    f = next(f for f in res.findings if f.rule == "NIL003" and f.cell == "C48")
    # Tabel 3.12: "11.100.0000" is the pagu of kegiatan 7.01.01.2.07
    assert (f.row_key, f.field) == ("7.01.01.2.07", "pagu")


@pytest.mark.parametrize("kode,uraian", [("JUMLAH", None), ("J U M L A H", None),
                                         (None, "J U M L A H"), (None, None)],
                         ids=["in-A", "spaced-in-A", "spaced", "no-label"])
def test_a_total_row_is_checked_however_it_is_labelled(tmp_path, kode, uraian):
    # The JUMLAH row typed in the code column, merged across A:B (the value sits in A),
    # spaced as seed 003 writes it, or without any label: still the total. Pagu
    # 20.000.000 + 30.000.000 = 50.000.000, typed 55.000.000 with sisa and persentase
    # left as they were (50 - 12,5 = 37,5).
    d = clean_data()
    d["Anggaran"][8].update({"kode": kode, "uraian": uraian, "pagu": "55.000.000"})
    res = check_data(tmp_path, d)
    assert {f.key() for f in res.findings if f.rule != "DES001"} == {
        ("ANG005", "Anggaran", "C12")}


def test_an_unlabelled_total_that_adds_up_is_clean(tmp_path):
    d = clean_data()
    d["Anggaran"][8].update({"kode": None, "uraian": None})
    d["PK Anggaran"][2].update({"uraian": None})
    assert check_data(tmp_path, d).flatten() == {("DES001", "Desa", "E7")}


def test_code_and_name_in_one_cell_is_read_as_the_code(tmp_path):
    # "7.01.02.2.01.0001 Koordinasi ..." used to give four errors on the correct parents
    # (the row had no readable code, so it was no child of 7.01.02.2.01): now only the note
    # that the name belongs in the next column.
    d = clean_data()
    row = d["Anggaran"][2]
    row["kode"] = f"{row['kode']} {row['uraian']}"
    res = check_data(tmp_path, d)
    assert {f.key() for f in res.findings if f.rule != "DES001"} == {
        ("ANG008", "Anggaran", "A6")}
    f = next(f for f in res.findings if f.rule == "ANG008")
    assert f.expected == "7.01.02.2.01.0001" and "kolom Program" in f.message


def test_a_golongan_that_does_not_exist(tmp_path):
    d = clean_data()
    d["Pegawai"][4]["pangkat"] = "Pengatur (II/e)"
    res = check_data(tmp_path, d)
    f = next(f for f in res.findings if f.rule == "IDN011")
    assert (f.cell, f.expected, f.note) == ("F8", "", "II/a - II/d")
    assert "IDN006" not in {x.rule for x in res.findings}


def _plain_row(d, **kw):
    """Indicator 1 of the clean report as a typed row (no Fasilitasi count)."""
    d["Capaian"][0].update({"sumber": None, "pembilang": None, "penyebut": None,
                            "predikat": None, **kw})
    d["Capaian"][2]["capaian"] = None
    return d


def test_a_capaian_with_an_empty_realisasi_is_checked(tmp_path):
    # Realisasi "-" (or empty) means nothing realised: 0 / 90 = 0%, not the 50% typed.
    for real in ("-", None):
        d = _plain_row(clean_data(), realisasi=real, capaian="50%")
        d["Perbandingan"][0]["realisasi_n"] = None
        res = check_data(tmp_path, d)
        assert {f.key() for f in res.findings if f.rule != "DES001"} == {
            ("CAP001", "Capaian", "G4")}, real
        f = next(f for f in res.findings if f.rule == "CAP001")
        assert f.expected == "0,00%" and "kosong" in f.message
    # realisasi and capaian both "-" (data not out yet, seed 003's index): nothing to say
    d = _plain_row(clean_data(), realisasi="-", capaian="-")
    d["Perbandingan"][0]["realisasi_n"] = None
    assert check_data(tmp_path, d).flatten() == {("DES001", "Desa", "E7")}


def test_a_capaian_that_cannot_be_computed(tmp_path):
    # target 0: nothing to divide by; negative polarity T/R with realisasi 0: infinite
    d = _plain_row(clean_data(), target="0%", realisasi="0%", capaian="100%")
    d["PK"][0]["target"] = "0%"
    d["Perbandingan"][0].update({"target_n": "0%", "realisasi_n": "0%"})
    res = check_data(tmp_path, d)
    assert {f.key() for f in res.findings if f.rule != "DES001"} == {
        ("CAP010", "Capaian", "G4")}
    assert next(f for f in res.findings if f.rule == "CAP010").expected == "-"
    d = _plain_row(clean_data(), realisasi="0%", capaian="100%", polaritas="negatif",
                   rumus_negatif="T/R")
    d["Perbandingan"][0]["realisasi_n"] = "0%"
    res = check_data(tmp_path, d)
    assert ("CAP010", "Capaian", "G4") in res.flatten()


def test_target_tahunan_does_not_hide_a_target_against_the_pk(tmp_path):
    # PK 90%; Target Tahunan 90%; Target 95% with capaian 80 / 95 = 84,21% and the
    # average (84,21 + 31,25) / 2 = 57,73%: the Target is the cause, the rest follows it.
    d = clean_data()
    d["Capaian"][0].update({"target_tahunan": "90%", "target": "95%", "capaian": "84,21%"})
    d["Capaian"][2]["capaian"] = "57,73%"
    d["Perbandingan"][0]["target_n"] = "95%"
    res = check_data(tmp_path, d)
    by = {f.key(): f for f in res.findings if f.rule != "DES001"}
    assert set(by) == {("CAP007", "Capaian", "E4"), ("CAP001", "Capaian", "G4"),
                       ("CAP003", "Capaian", "G6"), ("PK008", "Perbandingan", "H4")}
    assert by[("CAP007", "Capaian", "E4")].expected == "90,00%"
    assert by[("CAP007", "Capaian", "E4")].cause is None
    assert by[("CAP001", "Capaian", "G4")].cause == "Capaian!E4"


def test_predikat_follows_the_capaian_as_typed(tmp_path):
    # realisasi 75,8 of 100: capaian 75,8% typed "76%" (rounded to the digit shown, right),
    # and its predikat is that of 76: Tinggi (76-90), not Sedang.
    d = _plain_row(clean_data(), target="100%", realisasi="75,8%", capaian="76%",
                   predikat="Tinggi")
    d["PK"][0]["target"] = "100%"
    d["Perbandingan"][0].update({"target_n": "100%", "realisasi_n": "75,8%"})
    assert check_data(tmp_path, d).flatten() == {("DES001", "Desa", "E7")}


def test_jumlah_under_the_indicators_is_a_total(tmp_path):
    # Seed 001 ends its Capaian table with "Jumlah 24 13 13": not an indicator (no PK004),
    # and its sums are checked: target 90 + 80 = 170, typed 160 (realisasi 80 + 25 = 105).
    d = clean_data()
    d["Capaian"].insert(2, {"sasaran": "Jumlah", "target": "160", "realisasi": "105"})
    res = check_data(tmp_path, d)
    assert {f.key() for f in res.findings if f.rule != "DES001"} == {
        ("CAP009", "Capaian", "E6")}
    assert next(f for f in res.findings if f.rule == "CAP009").expected == "170"


def test_cuti_bersama_after_2027_are_asked_for(tmp_path):
    import datetime as dt

    from lkj_excel.calendar import cuti_bersama_known

    assert cuti_bersama_known(2027) and not cuti_bersama_known(2028)
    d = clean_data()
    d["Identitas"].update({"tahun": 2028, "tanggal": "7 April 2028"})
    res = check_data(tmp_path, d)
    f = next(f for f in res.findings if f.rule == "IDN012")
    assert "2028" in f.message and "Libur Tambahan" in f.message and f.expected == ""
    # the office adds the year's cuti bersama: no warning
    d["libur"] = [(dt.date(2028, 1, 26), "Cuti bersama Tahun Baru Imlek")]
    assert "IDN012" not in {f.rule for f in check_data(tmp_path, d).findings}
    # TW IV 2027: the deadline falls in January 2028
    d = clean_data()
    d["Identitas"].update({"tahun": 2027, "triwulan": "IV", "tanggal": "5 Januari 2028"})
    assert "IDN012" in {f.rule for f in check_data(tmp_path, d).findings}


def test_ang007_names_each_negative_amount_in_table_order(tmp_path):
    """A negative realisasi in a sub kegiatan and a negative sisa in JUMLAH are both named,
    the row first; a negative persentase is not an amount (ANG007 leaves it alone)."""
    data = clean_data()
    data["Anggaran"][8]["sisa"] = "-1.000.000"
    data["Anggaran"][3]["realisasi"] = "-3.000.000"
    data["Anggaran"][2]["persentase"] = "-24,00%"
    res = check_data(tmp_path, data)
    got = [(f.cell, f.field, f.found) for f in res.findings if f.rule == "ANG007"]
    assert got == [("D7", "realisasi", "-3.000.000"), ("E12", "sisa", "-1.000.000")]


def test_budget_codes_walk_as_the_pairs_of_each_coded_row():
    """Context.budget_codes (two lists, no tuple a pair) iterates, every time it is walked,
    as the list of (row, code) pairs of the budget rows whose code reads, in table order."""
    from pathlib import Path

    from lkj_excel.reader import read_report
    from lkj_excel.rules.base import Context

    root = Path(__file__).resolve().parent.parent / "sample_workbooks"
    report = read_report(root / "004_candipuro_kecamatan_tw2_2023.xlsx")
    ctx = Context(report)
    want = [(r, r.code) for r in report.anggaran
            if not (r.is_total or r.is_average) and r.code is not None]
    assert len(want) > 40
    for _ in range(2):  # walked by several rules
        got = list(ctx.budget_codes)
        assert [(a is b, c == d) for (a, c), (b, d) in zip(got, want, strict=True)] == \
            [(True, True)] * len(want)
    assert len(ctx.budget_codes) == len(want)
