"""Random but schema-shaped workbooks for fuzzing (seed -> file, deterministic).

Each sheet of the template appears with high probability, with its header row at a random
row, random columns dropped, and random values of every kind in every input cell: text,
Indonesian and English numbers, malformed numbers, huge and negative numbers, NaN and
infinity (written as Excel errors), dates from 1900 to 9999, booleans, formulas-looking
text, very long text, codes, NIPs and ratios; formulas with cached error values, dates with
day names, 'Rp. 3.000.000,-', invisible characters; now and then a value in the sheet's
very last cell (XFD1048576) and the user's own Ringkasan/Temuan sheets.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from lkj_excel import layout as L

SAMPLES = (
    "-", "Rp -", "", " ", "0", "1.500.000", "1,500,000", "2498499", "8.500.000,00",
    "Rp. 10.893.500", "11.100.0000", "1.5.00", "24,14%", "53.89%", "100", "68,50 (B-)",
    "12 Desa", "3 Laporan", "28/51", "31/36 = 86,11%", "31/0", "0/0 = 0%", "=1+1",
    "=HYPERLINK(\"http://contoh\")", "+62 812", "@SUM(A1)", "-5", "-", "dua juta",
    "31 Februari 2024", "31 Januari 2024", "2024-13-01", "31/12/2023", "7.01.03.2 .01.03",
    "7.01", "7.01.01.2.99.99999", "19700929 199302 1 002", "1234", "Terlaksana", "Belum",
    "\u221a", "Penata Tk. I (III/d)", "Pengatur (IX/z)", "III", "TW II", "V", "positif",
    "negatif", "2T-R", "T/R", "JUMLAH", "Rata-rata", "Fasilitasi", "Desa", "kecamatan",
    "seksi", "\u0000\u0001", "x" * 2000, "\U0001F600 emoji", "1e308", "-1e308", "NaN",
    "Rabu, 23 Agustus 2023", "Senin, 23 Agustus 2023", "Jum'at, 25 Agustus 2023",
    "Rp. 3.000.000,-", "3.000.000,-", "3.000\u200b.000", "\ufeff1.500.000", "1\u00a0500\u00a0000",
    "24,14\u202f%", "#DIV/0!", "\u200b", "Rp.-", ",-",
)


class ErrorValue(str):
    """A formula whose cached result is this error (written with write_formula)."""

    __slots__ = ()


ERRORS = ("#DIV/0!", "#REF!", "#VALUE!", "#N/A", "#NAME?", "#NUM!", "#NULL!")


def value(rng: random.Random):
    k = rng.random()
    if k < 0.15:
        return None
    if k < 0.45:
        return rng.choice(SAMPLES)
    if k < 0.6:
        return rng.choice((rng.randint(-10**6, 10**9), rng.randint(-10**18, 10**18), 0, 1, -1))
    if k < 0.72:
        return rng.choice((rng.uniform(-2, 2), rng.uniform(0, 1e9), float("nan"),
                           float("inf"), -float("inf"), 1e308, 5e-324))
    if k < 0.84:
        return dt.datetime(rng.randint(1900, 9999), rng.randint(1, 12), rng.randint(1, 28),
                           rng.randint(0, 23), rng.randint(0, 59))
    if k < 0.88:
        return rng.random() < 0.5
    if k < 0.9:
        return ErrorValue(rng.choice(ERRORS))
    return "".join(rng.choice("abcXYZ 0123456789.,%/-=+@()\u00e9\u2013\t\n")
                   for _ in range(rng.randint(1, 30)))


def _write(ws, r: int, c: int, v) -> None:
    if v is None:
        return
    if isinstance(v, ErrorValue):
        ws.write_formula(r, c, "=1/0" if v == "#DIV/0!" else "=NA()", None, str(v))
    elif isinstance(v, bool):
        ws.write_boolean(r, c, v)
    elif isinstance(v, (int, float)):
        if isinstance(v, int) and abs(v) > 2**53:
            v = float(v)
        ws.write_number(r, c, v)
    elif isinstance(v, dt.datetime):
        ws.write_datetime(r, c, v)
    else:
        ws.write_string(r, c, v)


def random_workbook(seed: int, path: Path) -> Path:
    import xlsxwriter

    rng = random.Random(seed)
    wb = xlsxwriter.Workbook(str(path), {"nan_inf_to_errors": True, "strings_to_formulas":
                                         False, "strings_to_numbers": False,
                                         "strings_to_urls": False})
    for name in L.SHEET_ORDER:
        required = name in L.REQUIRED_SHEETS
        if rng.random() > (0.93 if required else 0.6):
            continue
        if name == L.PETUNJUK:
            continue
        ws = wb.add_worksheet(name if rng.random() > 0.05 else name.upper())
        if name in ("Identitas", "Pengaturan"):
            spec = L.IDENTITAS if name == "Identitas" else L.PENGATURAN
            ws.write_string(2, 1, "Nilai")
            for i, f in enumerate(spec.fields):
                if rng.random() < 0.1:
                    continue
                ws.write_string(3 + i, 0, f.label)
                if f.key == "tahun" and rng.random() < 0.7:
                    _write(ws, 3 + i, 1, rng.randint(2020, 2026))
                elif f.key == "triwulan" and rng.random() < 0.7:
                    _write(ws, 3 + i, 1, rng.choice(("I", "II", "III", "IV")))
                elif f.key == "tanggal" and rng.random() < 0.6:
                    _write(ws, 3 + i, 1, dt.datetime(rng.randint(2020, 2026),
                                                     rng.randint(1, 12), rng.randint(1, 28)))
                else:
                    _write(ws, 3 + i, 1, value(rng))
            continue
        spec = L.table(name)
        cols = [c for c in spec.columns if rng.random() > (0.03 if c.required else 0.15)]
        hdr = rng.randint(0, 5)
        off = rng.randint(0, 2)
        for j, c in enumerate(cols):
            ws.write_string(hdr, off + j, c.header if rng.random() > 0.1 else c.header.upper())
        for r in range(hdr + 1, hdr + 1 + rng.randint(0, 12)):
            for j in range(len(cols)):
                _write(ws, r, off + j, value(rng))
    if wb.worksheets() and rng.random() < 0.003:
        rng.choice(wb.worksheets()).write_string(1048575, 16383, "sel terakhir")
    if rng.random() < 0.02:
        for n in ("Ringkasan", "Temuan"):
            wb.add_worksheet(n).write_string(0, 0, f"{n} milik pengguna")
    if not wb.worksheets():
        wb.add_worksheet("Kosong")
    wb.close()
    return path
