"""lkj rekap for the office that receives the reports: its own settings, its unit list,
revisions, ranking and trend. Expected values are worked out by hand from the small set in
tests/rekap_set.py (the figures are listed there)."""

from __future__ import annotations

import datetime as dt
import shutil

import openpyxl
import pytest

from lkj_excel.daftar_unit import load_unit_list, unit_key
from lkj_excel.errors import LkjError
from lkj_excel.model import Settings
from lkj_excel.pengaturan import differences, load_settings, write_settings
from lkj_excel.rekap import rekap

from .conftest import CANDIPURO, run_lkj
from .rekap_set import build, report, unit_list


def _rows(path, sheet, first=5):
    ws = openpyxl.load_workbook(path, data_only=True)[sheet]
    return [r for r in ws.iter_rows(min_row=first, values_only=True)
            if any(v is not None for v in r)]


def _day(d):
    return dt.datetime(d.year, d.month, d.day)


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """The set consolidated with the unit list and the default office settings."""
    tmp = tmp_path_factory.mktemp("kantor")
    masuk = build(tmp / "masuk")
    toml = tmp / "kabupaten.toml"
    write_settings(toml)
    out = tmp / "rekap.xlsx"
    res = rekap([masuk], out, units=unit_list(tmp / "unit.csv"), settings=toml, jobs=2)
    return res, out


# --- Settings ------------------------------------------------------------------------


def test_settings_file_round_trip(tmp_path):
    for name in ("k.toml", "k.xlsx"):
        write_settings(tmp_path / name)
        s = load_settings(tmp_path / name)
        assert (s.deadline_working_days, s.tolerance_points, s.predikat_scale) == \
            (5, 0.01, Settings().predikat_scale)
    (tmp_path / "bad.toml").write_text("batas_hari_kerja = 90\ntoleransi = -1\nwarna = 'x'\n")
    with pytest.raises(LkjError) as exc:
        load_settings(tmp_path / "bad.toml")
    msg = exc.value.message
    assert "batas_hari_kerja 90 di luar rentang 0-60 hari kerja" in msg
    assert "toleransi -1 di luar rentang 0-1 poin persen" in msg
    assert "Kunci 'warna' tidak dikenal" in msg


def test_lkj_pengaturan_cli(tmp_path):
    proc = run_lkj("pengaturan", tmp_path / "kantor.toml")
    assert proc.returncode == 0, proc.stderr
    text = (tmp_path / "kantor.toml").read_text(encoding="utf-8")
    assert "batas_hari_kerja = 5" in text and 'nama = "Sangat Tinggi"' in text
    again = run_lkj("pengaturan", tmp_path / "kantor.toml")
    assert again.returncode == 2 and "--timpa" in again.stderr
    conv = run_lkj("pengaturan", tmp_path / "kantor.xlsx", "--dari", tmp_path / "kantor.toml")
    assert conv.returncode == 0, conv.stderr
    ws = openpyxl.load_workbook(tmp_path / "kantor.xlsx")["Pengaturan"]
    assert (ws["A4"].value, ws["B4"].value) == ("Batas Hari Kerja Penyampaian", 5)


def test_report_pengaturan_out_of_range_is_said(tmp_path):
    """Batas 90 in a report's own sheet is not used, and the reason is kept."""
    src = tmp_path / "luar.xlsx"
    wb = openpyxl.load_workbook(CANDIPURO)
    wb["Pengaturan"]["B4"] = 90   # batas hari kerja
    wb["Pengaturan"]["B7"] = 0.5  # toleransi, in range but not the office's
    wb.save(src)
    from lkj_excel.reader import read_report

    own = read_report(src).settings
    assert own.deadline_working_days == 5 and own.tolerance_points == 0.5
    assert differences(own, Settings()) == [
        "toleransi 0,5 poin persen (dipakai 0,01 poin persen)",
        # not the regulation seed 004 names in the sample's own Pengaturan: no result changes
        "Batas Hari Kerja Penyampaian 90 di luar rentang 0-60 hari kerja; dipakai nilai "
        "bawaan 5 (sel B4)"]
    from lkj_excel.checking import check_file

    # checked by its own sheet: said as a finding at the cell
    res = check_file(src)
    assert ("PGT001", "Pengaturan", "B4") in res.flatten()
    (f,) = [f for f in res.findings if f.rule == "PGT001"]
    assert f.message == ("Batas Hari Kerja Penyampaian 90 di luar rentang 0-60 hari kerja; "
                         "dipakai nilai bawaan 5.")
    toml = tmp_path / "kantor.toml"
    write_settings(toml)
    proc = run_lkj("check", src, "--pengaturan", toml, "--min-severity", "error")
    assert proc.returncode == 1
    assert "luar.xlsx diperiksa dengan pengaturan kantor.toml" in proc.stderr
    assert "90 di luar rentang 0-60 hari kerja" in proc.stderr
    assert "IDN001" in proc.stdout  # still late by the office's 5 working days


def test_changed_pengaturan_is_marked_and_judged_by_the_office(office):
    _res, out = office
    beta2 = [r for r in _rows(out, "Rekap Unit") if r[1] == "2025 TW II"
             and r[2] == "Kecamatan Beta"][0]
    # its own 40 working days would make 20 August on time; the office's 5 do not
    assert beta2[5].startswith("Terlambat")
    assert "Pengaturan laporan berbeda: batas hari kerja 40 (dipakai 5); toleransi 0,5 " \
           "poin persen (dipakai 0,01 poin persen)." in beta2[13]


def test_check_with_office_settings_changes_the_verdict(tmp_path):
    src = report(tmp_path / "b.xlsx", "Kecamatan Beta", "II", dt.date(2025, 8, 20), 85,
                 200_000_000, 140_000_000, pengaturan={"batas_hari_kerja": 40})
    own = run_lkj("check", src, "--min-severity", "error")
    assert "IDN001" not in own.stdout  # on time by the report's own 40 days
    toml = tmp_path / "kantor.toml"
    write_settings(toml)
    office = run_lkj("check", src, "--pengaturan", toml, "--min-severity", "error")
    assert office.returncode == 1 and "IDN001" in office.stdout
    assert "batas hari kerja 40 (dipakai 5)" in office.stderr


# --- Unit list ------------------------------------------------------------------------


def test_unit_names_normalised():
    assert unit_key("Kec. Candipuro") == unit_key("Kecamatan Candipuro") == \
        unit_key("  KECAMATAN   candipuro ") == "kecamatan candipuro"
    assert unit_key("Kec.Candipuro") == "kecamatan candipuro"
    assert unit_key("Kecamatan Candipuro") != unit_key("Kecamatan Candipura")


def test_alias_and_fuzzy_matches(tmp_path):
    ul = load_unit_list(unit_list(tmp_path / "unit.csv"))
    m = ul.match("Kec. Alfa")
    assert (m.unit.name, m.how) == ("Kecamatan Alpha", "alias")
    m = ul.match("KECAMATAN  BETA")
    assert (m.unit.name, m.how) == ("Kecamatan Beta", "nama")
    m = ul.match("Kecamatan Deltaa")  # one letter more: suggested, not merged
    assert m.unit is None and m.suggestion.name == "Kecamatan Delta" and m.score == 90.9
    m = ul.match("Kecamatan Epsilon")
    assert m.unit is None and m.suggestion is None


def test_fuzzy_match_is_shown_not_merged(tmp_path):
    masuk = tmp_path / "masuk"
    masuk.mkdir()
    report(masuk / "delta.xlsx", "Kecamatan Deltaa", "I", dt.date(2025, 4, 10), 60,
           10_000_000, 5_000_000)
    out = tmp_path / "r.xlsx"
    res = rekap([masuk], out, units=unit_list(tmp_path / "unit.csv"), jobs=1)
    assert res.probable == 1
    (row,) = _rows(out, "Rekap Unit")
    assert row[2] == "Kecamatan Deltaa"
    assert row[13] == ("Tidak ada di daftar unit; mungkin 'Kecamatan Delta' (kemiripan 91%): "
                       "bila benar, tambahkan 'Kecamatan Deltaa' sebagai alias di daftar unit.")
    missing = {(r[1], r[2]): r[4] for r in _rows(out, "Belum Menyampaikan")}
    assert set(missing) == {("2025 TW I", u) for u in ("Kecamatan Alpha", "Kecamatan Beta",
                                                       "Kecamatan Gamma", "Kecamatan Delta")}
    assert missing[("2025 TW I", "Kecamatan Delta")].startswith(
        "Mungkin laporan bernama 'Kecamatan Deltaa' (berkas delta.xlsx, kemiripan 91%)")
    assert missing[("2025 TW I", "Kecamatan Beta")] == (
        "Menurut daftar unit diterima 11 April 2025, tetapi berkasnya tidak ada di antara "
        "masukan rekap.")


def test_missing_units(office):
    res, out = office
    assert res.missing == 3
    assert [(r[1], r[2]) for r in _rows(out, "Belum Menyampaikan")] == [
        ("2025 TW I", "Kecamatan Delta"), ("2025 TW II", "Kecamatan Gamma"),
        ("2025 TW II", "Kecamatan Delta")]


def test_received_date_decides_timeliness(office):
    _res, out = office
    beta1 = [r for r in _rows(out, "Rekap Unit") if r[1] == "2025 TW I"
             and r[2] == "Kecamatan Beta"][0]
    # typed 15 April (a day after the deadline of 14 April), received 11 April
    assert (beta1[3], beta1[4], beta1[5]) == (_day(dt.date(2025, 4, 15)),
                                              _day(dt.date(2025, 4, 11)), "Tepat waktu")
    assert beta1[13] == "Ketepatan waktu menurut tanggal diterima."


# --- Revisions --------------------------------------------------------------------------


def test_revision_replaces_the_original(office):
    res, out = office
    assert res.superseded == 2
    units = {(r[1], r[2]): r for r in _rows(out, "Rekap Unit")}
    gamma = units[("2025 TW I", "Kecamatan Gamma")]
    assert (gamma[12], gamma[6]) == ("gamma_tw1_revisi.xlsx", 0.8)  # the revision's 80%
    assert gamma[5] == "Tepat waktu"  # judged on the first sending, 14 April
    assert "Ketepatan waktu menurut kiriman pertama (gamma_tw1.xlsx, bertanggal 14 April " \
           "2025)" in gamma[13]
    alpha = units[("2025 TW II", "Kecamatan Alpha")]
    assert (alpha[12], alpha[6]) == ("alpha_tw2.xlsx", 0.9)
    gone = [(r[1], r[2], r[3], r[7], r[8]) for r in _rows(out, "Laporan Diganti")]
    assert gone == [
        ("2025 TW II", "Kecamatan Alpha", "alpha_tw2_awal.xlsx", "alpha_tw2.xlsx",
         "Diganti oleh laporan bertanggal lebih baru (3 Juli 2025; berkas ini 2 Juli 2025)."),
        ("2025 TW I", "Kecamatan Gamma", "gamma_tw1.xlsx", "gamma_tw1_revisi.xlsx",
         "Diganti oleh revisi ke-1 (berkas ini laporan pertama)."),
    ]
    # never summed: TW I totals are 100 + 200 + 50 million, not + another 50
    budget = [r for r in _rows(out, "Rekap Anggaran") if r[3] == "JUMLAH"]
    assert [(r[0], r[5], r[6]) for r in budget] == [
        ("2025 TW I", 350_000_000, 100_000_000), ("2025 TW II", 300_000_000, 200_000_000)]


def test_received_date_breaks_a_tie(tmp_path):
    masuk = tmp_path / "masuk"
    masuk.mkdir()
    for name, pct in (("satu.xlsx", 60), ("dua.xlsx", 70)):
        report(masuk / name, "Kecamatan Alpha", "I", dt.date(2025, 4, 10), pct,
               10_000_000, 5_000_000)
    (tmp_path / "unit.csv").write_text(
        "Nama Unit;Tanggal Diterima;Berkas\nKecamatan Alpha;11 April 2025;dua.xlsx\n"
        "Kecamatan Alpha;12 April 2025;satu.xlsx\n", encoding="utf-8")
    out = tmp_path / "r.xlsx"
    rekap([masuk], out, units=tmp_path / "unit.csv", jobs=1)
    (row,) = _rows(out, "Rekap Unit")
    assert (row[12], row[6], row[4]) == ("satu.xlsx", 0.6, _day(dt.date(2025, 4, 12)))
    (gone,) = _rows(out, "Laporan Diganti")
    assert gone[8] == ("Diganti oleh kiriman yang diterima lebih akhir (12 April 2025; berkas "
                       "ini 11 April 2025).")


# --- Ranking and trend ------------------------------------------------------------------


def test_ranking_by_hand(office):
    _res, out = office
    rows = _rows(out, "Peringkat", first=3)
    tw1 = rows.index(next(r for r in rows if r[0] == "2025 TW I - tingkat kecamatan"))
    assert rows[tw1 + 1][0] == (
        "3 unit melapor (1 unit dalam daftar belum menyampaikan untuk periode ini). Tepat "
        "waktu 3, terlambat 0. Batas penyampaian 14 April 2025. Jumlah pagu Rp350.000.000, "
        "realisasi Rp100.000.000, penyerapan 28,57%.")
    table = rows[tw1 + 3: tw1 + 6]
    # capaian 95 > 80 = 80: the tie shares rank 2; penyerapan 40% > 30% > 25%
    assert [(r[0], r[1], r[2]) for r in table] == [
        (1, "Kecamatan Beta", 0.95), (2, "Kecamatan Alpha", 0.8), (2, "Kecamatan Gamma", 0.8)]
    assert [(r[5], r[6], r[7]) for r in table] == [
        (1, "Kecamatan Gamma", 0.4), (2, "Kecamatan Alpha", 0.3), (3, "Kecamatan Beta", 0.25)]
    total = rows[tw1 + 6]
    assert total[1] == "Rata-rata semua unit" and total[2] == pytest.approx(0.85)
    assert total[6] == "JUMLAH" and (total[8], total[9]) == (350_000_000, 100_000_000)
    assert total[7] == pytest.approx(100 / 350)
    tw2 = rows.index(next(r for r in rows if r[0] == "2025 TW II - tingkat kecamatan"))
    assert "Tepat waktu 1, terlambat 1." in rows[tw2 + 1][0]
    assert [(r[0], r[1], r[5], r[6]) for r in rows[tw2 + 3: tw2 + 5]] == [
        (1, "Kecamatan Alpha", 1, "Kecamatan Beta"), (2, "Kecamatan Beta", 2, "Kecamatan Alpha")]
    assert rows[tw2 + 5][2] == pytest.approx(0.875)


def test_trend_by_hand(office):
    _res, out = office
    rows = _rows(out, "Tren", first=3)
    assert rows[1] == ("Unit", "2025 TW I", "2025 TW II", "Perubahan (poin)")
    cap = {r[0]: r[1:] for r in rows[2:6]}
    assert cap["Kecamatan Alpha"] == (0.8, 0.9, 10)
    assert cap["Kecamatan Beta"] == (0.95, 0.85, -10)
    assert cap["Kecamatan Gamma"] == (0.8, None, None)
    assert cap["Rata-rata semua unit"][:2] == (pytest.approx(0.85), pytest.approx(0.875))
    pen = {r[0]: r[1:] for r in rows[8:12]}
    assert pen["Kecamatan Alpha"] == (0.3, 0.6, 30)
    assert pen["Kecamatan Beta"] == (0.25, 0.7, 45)


def test_trend_reaches_back_into_the_database(tmp_path):
    """TW I consolidated last quarter; this quarter's folder holds only TW II: the trend
    still shows both, from the database."""
    masuk = build(tmp_path / "semua")
    lalu, kini = tmp_path / "tw1", tmp_path / "tw2"
    lalu.mkdir()
    kini.mkdir()
    for f in masuk.iterdir():
        shutil.copy(f, (lalu if "tw1" in f.name else kini) / f.name)
    db = tmp_path / "kab.sqlite"
    rekap([lalu], tmp_path / "r1.xlsx", db=db, jobs=1)
    rekap([kini], tmp_path / "r2.xlsx", db=db, jobs=1)
    rows = _rows(tmp_path / "r2.xlsx", "Tren", first=3)
    assert rows[1] == ("Unit", "2025 TW I", "2025 TW II", "Perubahan (poin)")
    end = next(i for i, r in enumerate(rows) if r[0] == "Rata-rata semua unit")
    cap = {r[0]: r[1:] for r in rows[2:end]}
    assert cap["Kec.  BETA"] == (0.95, 0.85, -10)  # no unit list: the name as typed
    assert cap["Kecamatan Alpha"] == (0.8, 0.5, -30)  # "Kecamatan Alfa" is another unit
    assert "Kecamatan Gamma" not in cap  # not in this quarter's rekap
    assert [r[1] for r in _rows(tmp_path / "r2.xlsx", "Rekap Unit")] == ["2025 TW II"] * 3


def test_all_files_bad_still_writes_the_workbook(tmp_path):
    masuk = tmp_path / "masuk"
    masuk.mkdir()
    (masuk / "a.xlsx").write_bytes(CANDIPURO.read_bytes()[:2000])
    res = rekap([masuk], tmp_path / "r.xlsx", jobs=1)
    assert (res.consolidated, res.bad) == (0, 1)
    assert _rows(tmp_path / "r.xlsx", "Rekap Unit") == []
