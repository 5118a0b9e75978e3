"""A small kabupaten, written through the template: three kecamatan over two quarters of
2025, with a revision, a resend, a unit named by its alias and one with its own rules.

Every figure the rekap shows for it is worked out by hand in tests/test_rekap_office.py.

    Kecamatan Alpha  TW I  capaian 80  pagu 100.000.000 realisasi  30.000.000  10 Apr
                     TW II capaian 90  pagu 100.000.000 realisasi  60.000.000   3 Jul
                           (named "Kecamatan Alfa", an alias; an earlier send dated
                           2 Jul with capaian 50 is replaced by the later date)
    Kecamatan Beta   TW I  capaian 95  pagu 200.000.000 realisasi  50.000.000  15 Apr
                           (typed a day late; received 11 Apr per the unit list)
                     TW II capaian 85  pagu 200.000.000 realisasi 140.000.000  20 Aug
                           (named "Kec.  BETA"; its Pengaturan says 40 working days)
    Kecamatan Gamma  TW I  capaian 80  pagu  50.000.000 realisasi  20.000.000
                           (Revisi ke-1 dated 20 Apr replaces the first send, dated
                           14 Apr, capaian 70)
                     TW II no report
    Kecamatan Delta  in the unit list only: no report at all
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lkj_excel.writers.template import build_workbook


def report(path: Path, unit: str, q: str, date: dt.date, real_pct: float, pagu: int,
           realisasi: int, revisi: int | None = None, pengaturan: dict | None = None) -> Path:
    pct = f"{real_pct:g}%".replace(".", ",")
    pen = f"{realisasi / pagu * 100:.2f}%".replace(".", ",")
    data = {
        "Identitas": {"unit": unit, "tingkat": "kecamatan", "kecamatan": unit.split()[-1],
                      "kabupaten": "Contoh", "tahun": 2025, "triwulan": q, "tanggal": date,
                      "pelapor_nama": "PELAPOR", "revisi": revisi},
        "PK": [{"no": "1", "sasaran": "Pelayanan", "indikator": "Indeks pelayanan",
                "target": "100%"}],
        "Capaian": [{"no": "1", "sasaran": "Pelayanan", "indikator": "Indeks pelayanan",
                     "target": "100%", "realisasi": pct, "capaian": pct}],
        "Anggaran": [{"kode": "7.01.02", "uraian": "PROGRAM PENYELENGGARAAN PEMERINTAHAN",
                      "pagu": pagu, "realisasi": realisasi, "sisa": pagu - realisasi,
                      "persentase": pen},
                     {"uraian": "JUMLAH", "pagu": pagu, "realisasi": realisasi,
                      "sisa": pagu - realisasi, "persentase": pen}],
        "Pengaturan": pengaturan or {},
    }
    build_workbook(path, "kecamatan", data)
    return path


def build(folder: Path) -> Path:
    """Write the set into ``folder`` (returned)."""
    folder.mkdir(parents=True, exist_ok=True)
    d = dt.date
    report(folder / "alpha_tw1.xlsx", "Kecamatan Alpha", "I", d(2025, 4, 10), 80,
           100_000_000, 30_000_000)
    report(folder / "alpha_tw2_awal.xlsx", "Kecamatan Alpha", "II", d(2025, 7, 2), 50,
           100_000_000, 10_000_000)
    report(folder / "alpha_tw2.xlsx", "Kecamatan Alfa", "II", d(2025, 7, 3), 90,
           100_000_000, 60_000_000)
    report(folder / "beta_tw1.xlsx", "Kecamatan Beta", "I", d(2025, 4, 15), 95,
           200_000_000, 50_000_000)
    report(folder / "beta_tw2.xlsx", "Kec.  BETA", "II", d(2025, 8, 20), 85,
           200_000_000, 140_000_000,
           pengaturan={"batas_hari_kerja": 40, "toleransi": 0.5})
    report(folder / "gamma_tw1.xlsx", "Kecamatan Gamma", "I", d(2025, 4, 14), 70,
           50_000_000, 20_000_000)
    report(folder / "gamma_tw1_revisi.xlsx", "Kecamatan Gamma", "I", d(2025, 4, 20), 80,
           50_000_000, 20_000_000, revisi=1)
    return folder


UNIT_LIST_CSV = """No;Nama Unit;Alias;Tingkat;Tahun;Triwulan;Tanggal Diterima
1;Kecamatan Alpha;Kec. Alfa;kecamatan;;;
2;Kecamatan Beta;;kecamatan;2025;I;11 April 2025
3;Kecamatan Gamma;;kecamatan;;;
4;Kecamatan Delta;;kecamatan;;;
"""


def unit_list(path: Path) -> Path:
    path.write_text(UNIT_LIST_CSV, encoding="utf-8")
    return path
