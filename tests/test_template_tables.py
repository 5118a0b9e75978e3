"""Issue 15: every table of the real reports has a place in the template, and the settings
the reports state are settings. Each expectation is worked out by hand from the clean
Sukamaju report (TW I 2025; tests/helpers.clean_data) with one change."""

from __future__ import annotations

import openpyxl

from .helpers import check_data, clean_data, write

CLEAN_NOTE = {("DES001", "Desa", "E7")}  # Tegalrejo's LPPDes, 7 days late


def _tw4(d, apbdes="20 Desember 2025"):
    """Sukamaju in TW IV 2025: RKPDes 2025 set 25 September, APBDes 2026 set in December
    2025, LPPDes as in TW I. On time: 4 + 4 + 3 = 11 of 12 = 91,67%; capaian 91,67 / 80 =
    114,58%; average (88,89 + 114,58) / 2 = 101,74%."""
    d["Identitas"].update({"triwulan": "IV", "tanggal": "31 Desember 2025"})
    for r in d["Desa"]:
        r.update({"rkpdes": "25 September 2025", "apbdes": apbdes})
    d["Capaian"][1].update({"pembilang": 11, "realisasi": "91,67%", "capaian": "114,58%",
                            "predikat": "Sangat Tinggi"})
    d["Capaian"][2]["capaian"] = "101,74%"
    d["Efisiensi"][1].update({"realisasi_kinerja": "91,67%", "capaian_kinerja": "114,58%"})
    d["Perbandingan"][1]["realisasi_n"] = "91,67%"
    return d


def test_apbdes_set_in_the_report_year_is_the_one_counted(tmp_path):
    # Seeds 003 and 004 count the APBDes set during the report year (for the next year,
    # due 31 Desember of the report year): in TW IV it is on time, not 354 days late.
    res = check_data(tmp_path, _tw4(clean_data()))
    assert res.flatten() == CLEAN_NOTE
    # the other convention, stated in Pengaturan: the APBDes 2025 was due 31 Desember 2024,
    # so the four dated December 2025 are late, and the indicator counts 4 + 0 + 3 = 7
    d = _tw4(clean_data())
    d["Pengaturan"] = {"apbdes_dihitung": "tahun berjalan"}
    res = check_data(tmp_path, d)
    late = {f.cell for f in res.findings if f.rule == "DES001"}
    assert late == {"D4", "D5", "D6", "D7", "E7"}
    k5 = next(f for f in res.findings if f.cell == "K5")
    assert (k5.rule, k5.expected) == ("DES002", "7")


def test_apbdes_not_yet_due_is_no_note(tmp_path):
    # TW I: the APBDes set in 2025 for 2026 is due 31 Desember 2025: no DES006 for the
    # four empty cells (the clean report's only finding is Tegalrejo's LPPDes).
    assert check_data(tmp_path, clean_data()).flatten() == CLEAN_NOTE


def test_collection_window_from_pengaturan(tmp_path):
    # "LPPDes Januari - Maret" (seed 003): Tegalrejo's 7 April 2025 is outside it
    d = clean_data()
    d["Pengaturan"] = {"jendela_lppdes": "Januari - Maret"}
    res = check_data(tmp_path, d)
    assert res.flatten() == CLEAN_NOTE | {("DES007", "Desa", "E7")}
    f = next(f for f in res.findings if f.rule == "DES007")
    assert f.note == "1 Januari 2025 - 31 Maret 2025" and f.expected == ""


def test_the_kabupatens_own_regulation_is_named(tmp_path):
    d = clean_data()
    d["Identitas"]["tanggal"] = "15 April 2025"
    res = check_data(tmp_path, d)
    late = next(f for f in res.findings if f.rule == "IDN001")
    assert "Perbup" not in late.message  # nobody's regulation unless stated
    d["Pengaturan"] = {"dasar_hukum": "Perbup Luwu Timur 12/2020 pasal 3"}
    late = next(f for f in check_data(tmp_path, d).findings if f.rule == "IDN001")
    assert "(Perbup Luwu Timur 12/2020 pasal 3)" in late.message


def test_a_year_per_column_perbandingan(tmp_path):
    # The template's Perbandingan has the years as columns, as the reports print them:
    # Sukamaju's 2025 realisasi (Realisasi Tahun Ini, I4) typed 85% against 80% in
    # Capaian; 2023 and 2024 (2 tahun lalu, tahun lalu) are not compared.
    d = clean_data()
    d["Perbandingan"][0].update({"realisasi_n": "85%", "realisasi_n2": "70%"})
    res = check_data(tmp_path, d)
    assert res.flatten() == CLEAN_NOTE | {("PK008", "Perbandingan", "I4")}
    f = next(f for f in res.findings if f.rule == "PK008")
    assert f.expected == "80,00%" and "2025" in f.message


def test_the_earlier_one_row_per_year_perbandingan_is_still_read(tmp_path):
    path = write(tmp_path, clean_data())
    wb = openpyxl.load_workbook(path)
    ws = wb["Perbandingan"]
    for row in ws.iter_rows(min_row=3):
        for c in row:
            c.value = None
    ind = clean_data()["Capaian"][0]["indikator"]
    for r, values in enumerate((
            ["No", "Indikator Kinerja", "Tahun", "Target", "Realisasi", "Target Renstra"],
            ["1", ind, 2024, "88%", "90%", "95%"],
            ["1", ind, 2025, "90%", "85%", None]), start=3):
        for c, v in enumerate(values, start=1):
            ws.cell(r, c, v)
    wb.save(path)
    from lkj_excel.checking import check_file

    res = check_file(path)
    # 2025's realisasi 85% against 80% in Capaian, in the Realisasi column of its row
    assert res.flatten() == CLEAN_NOTE | {("PK008", "Perbandingan", "E5")}


def _plan_row(d, **kw):
    """Indicator 1 of Sukamaju as a count with a rencana aksi: 12 Laporan a year, 3 a
    quarter; TW I 2025: target 3, realisasi 3, capaian 100%."""
    d["PK"][0].update({"target": "12 Laporan"})
    d["Capaian"][0].update({"target_tahunan": "12 Laporan", "target": "3", "realisasi": "3",
                            "capaian": "100%", "satuan": "Laporan", "pembilang": None,
                            "penyebut": None, "sumber": None, "predikat": "Sangat Tinggi",
                            "tw1": "3", "tw2": "3", "tw3": "3", "tw4": "3", **kw})
    # average (100 + 31,25) / 2 = 65,63%
    d["Capaian"][2]["capaian"] = "65,63%"
    d["Efisiensi"][0].update({"target": "3", "realisasi_kinerja": "3",
                              "capaian_kinerja": "100%"})
    d["Perbandingan"][0].update({"target_n": "12 Laporan", "realisasi_n": None})
    return d


def test_a_plan_row_that_agrees_is_clean(tmp_path):
    assert check_data(tmp_path, _plan_row(clean_data())).flatten() == CLEAN_NOTE


def test_the_quarter_target_follows_the_plan_and_its_method(tmp_path):
    # Sukamaju in TW II with metode "triwulan", 3 Laporan a quarter: target 3. Typed 5 it
    # follows no method: CAP007 names it, and the capaian 5 / 5 = 100% follows: 5 / 3.
    d = _plan_row(clean_data(), metode="triwulan", target="5", realisasi="5")
    d["Identitas"].update({"triwulan": "II", "tanggal": "4 Juli 2025"})
    res = check_data(tmp_path, d)
    f = next(f for f in res.findings if f.cell == "E4")
    assert (f.rule, f.expected, f.cause) == ("CAP007", "3", None)
    assert "TW II 3" in f.message
    g = next(f for f in res.findings if f.cell == "G4")
    assert (g.rule, g.expected, g.cause) == ("CAP001", "166,67%", "Capaian!E4")
    # kumulatif: 3 + 3 = 6
    d["Capaian"][0]["metode"] = "kumulatif"
    f = next(f for f in check_data(tmp_path, d).findings if f.cell == "E4")
    assert (f.rule, f.expected) == ("CAP007", "6")


def test_a_target_counted_by_the_other_method(tmp_path):
    # Seed 001: metode triwulan, the table's TW II target 6 = 3 + 3 and realisasi 6 (s.d. TW
    # II), capaian 100%, where the text says 3 and 3 for the quarter. The row is counted
    # cumulatively: the Metode (one cell) differs, not the target - changing only the target
    # to 3 would make the capaian 6 / 3 = 200%. A warning at the Metode cell, nothing else.
    d = _plan_row(clean_data(), metode="triwulan", target="6", realisasi="6")
    d["Identitas"].update({"triwulan": "II", "tanggal": "4 Juli 2025"})
    res = check_data(tmp_path, d)
    assert {k for k in res.flatten() if k[1] == "Capaian"} == {("CAP012", "Capaian", "P4")}
    f = next(f for f in res.findings if f.rule == "CAP012")
    assert (f.found, f.expected, f.severity.value) == ("triwulan", "kumulatif", "warning")
    assert "TW I-II: 3 + 3" in f.message
    # with Metode kumulatif the row is clean
    d["Capaian"][0]["metode"] = "kumulatif"
    assert not [f for f in check_data(tmp_path, d).findings if f.sheet == "Capaian"]
    # and the other way round: metode kumulatif, target 3 = TW II alone
    d["Capaian"][0].update({"target": "3", "realisasi": "3"})
    res = check_data(tmp_path, d)
    f = next(f for f in res.findings if f.rule == "CAP012")
    assert (f.cell, f.found, f.expected) == ("P4", "kumulatif", "triwulan")


def test_a_plan_that_misses_the_annual_target(tmp_path):
    # 3 + 3 + 3 + 2 = 11, not 12 Laporan: one of them is wrong, the warning lists them
    d = _plan_row(clean_data(), tw4="2")
    res = check_data(tmp_path, d)
    assert res.flatten() == CLEAN_NOTE | {("CAP008", "Capaian", "D4")}
    f = next(f for f in res.findings if f.rule == "CAP008")
    assert f.expected == "" and "Capaian!S4" in f.alternatives and "11" in f.note


def test_tren_turun_is_lower_is_better(tmp_path):
    # tren turun: negative polarity, the target of the quarter is TW I (nilai akhir).
    # Target 10%, realisasi 8%: (2 x 10 - 8) / 10 = 120%.
    d = clean_data()
    d["PK"][0]["target"] = "4%"
    d["Capaian"][0].update({"target_tahunan": "4%", "target": "10%", "realisasi": "8%",
                            "capaian": "120%", "pembilang": None, "penyebut": None,
                            "sumber": None, "predikat": "Sangat Tinggi", "metode": "tren turun",
                            "tw1": "10%", "tw2": "8%", "tw3": "6%", "tw4": "4%"})
    d["Capaian"][2]["capaian"] = "75,63%"  # (120 + 31,25) / 2
    d["Efisiensi"][0].update({"target": "10%", "realisasi_kinerja": "8%",
                              "capaian_kinerja": "80%"})
    d["Perbandingan"][0].update({"target_n": "4%", "realisasi_n": None})
    assert check_data(tmp_path, d).flatten() == CLEAN_NOTE


def test_quarterly_budget_plan(tmp_path):
    # 7.01.02.2.01.0001 (pagu 8.000.000, realisasi 2.000.000) planned 2.000.000 a quarter;
    # TW I, sifat kumulatif: Rencana Triwulan 2.000.000, capaian keuangan 100%.
    d = clean_data()
    row = d["Anggaran"][2]
    row.update({"rencana_tw1": "2.000.000", "rencana_tw2": "2.000.000",
                "rencana_tw3": "2.000.000", "rencana_tw4": "2.000.000",
                "target_tw": "2.000.000", "capaian_keuangan": "100%"})
    assert check_data(tmp_path, d).flatten() == CLEAN_NOTE
    # the quarter's plan typed 3.000.000: it should be TW I, 2.000.000
    row["target_tw"] = "3.000.000"
    row["capaian_keuangan"] = "66,67%"
    res = check_data(tmp_path, d)
    f = next(f for f in res.findings if f.rule == "ANG020")
    assert (f.cell, f.expected, f.cause) == ("G6", "2.000.000", None)
    # TW IV 1.000.000: 7.000.000 planned for a pagu of 8.000.000 (a warning naming them)
    row.update({"target_tw": "2.000.000", "capaian_keuangan": "100%",
                "rencana_tw4": "1.000.000"})
    res = check_data(tmp_path, d)
    assert res.flatten() == CLEAN_NOTE | {("ANG021", "Anggaran", "C6")}
    f = next(f for f in res.findings if f.rule == "ANG021")
    assert "Anggaran!L6" in f.alternatives and "7.000.000" in f.note


def _seksi_without_budget_table(d):
    """Sukamaju's cost per outcome as a seksi has it (seed 002): two sasaran, each
    supported by kegiatan rows (Untuk Sasaran No); no Anggaran sheet rows."""
    d["Anggaran"] = []
    d["PK Anggaran"] = []
    d["Efisiensi"] += [
        {"no": "1", "jenis": "Kegiatan", "uraian": "Koordinasi Penyelenggaraan Kegiatan "
         "Pemerintahan di Tingkat Kecamatan", "pagu": "20.000.000", "realisasi": "5.000.000",
         "capaian_anggaran": "25,00%", "sasaran_no": "1"},
        {"no": "2", "jenis": "Kegiatan", "uraian": "Fasilitasi Administrasi Tata Pemerintahan "
         "Desa", "pagu": "18.000.000", "realisasi": "6.000.000", "capaian_anggaran": "33,33%",
         "sasaran_no": "2"},
        {"no": "3", "jenis": "Kegiatan", "uraian": "Rekomendasi Pengangkatan dan "
         "Pemberhentian Perangkat Desa", "pagu": "12.000.000", "realisasi": "1.500.000",
         "capaian_anggaran": "12,50%", "sasaran_no": "2."},
    ]
    for r in d["Efisiensi"][:2]:
        r["kode"] = None
    return d


def test_cost_per_outcome_rows_are_the_seksis_budget(tmp_path):
    from lkj_excel.summary import build_summary

    d = _seksi_without_budget_table(clean_data())
    res = check_data(tmp_path, d)
    assert res.flatten() == CLEAN_NOTE
    s = build_summary(res)
    # the kegiatan rows are the budget: 20 + 18 + 12 = 50.000.000, realisasi 12.500.000
    assert s.budget_source == "Efisiensi"
    assert (s.total_pagu, s.total_realisasi) == (50_000_000, 12_500_000)
    # Seed 002: the sasaran's realisasi 600.000 against its kegiatan's 900.000 for the same
    # 7.500.000 pagu. Here: sasaran 2 realisasi 7.500.000 typed 7.000.000, with capaian
    # anggaran 25,00% = 7.500.000 / 30.000.000 still right: the realisasi is the cause.
    d["Efisiensi"][1]["realisasi"] = "7.000.000"
    res = check_data(tmp_path, d)
    assert res.flatten() == CLEAN_NOTE | {("COP006", "Efisiensi", "G5")}
    f = next(f for f in res.findings if f.rule == "COP006")
    assert (f.expected, f.cause) == ("7.500.000", None)
