"""Build small workbooks from the clean example with one change, for per-rule tests."""

from __future__ import annotations

import copy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from sample_data import CLEAN  # noqa: E402

from lkj_excel.checking import check  # noqa: E402
from lkj_excel.reader import read_report  # noqa: E402
from lkj_excel.writers.template import build_workbook  # noqa: E402


def clean_data() -> dict:
    return copy.deepcopy(CLEAN)


def write(tmp_path: Path, data: dict, name: str = "uji.xlsx", tingkat: str = "kecamatan"):
    path = tmp_path / name
    build_workbook(path, tingkat, data)
    return path


def check_data(tmp_path: Path, data: dict):
    return check(read_report(write(tmp_path, data)))


def numeric_workbook(tmp_path: Path, name: str = "angka.xlsx") -> Path:
    """The clean example with wrong values typed as real numbers and a real date, as staff
    who type into Excel produce them: sisa 6500000 (should be 6.000.000), persentase 0.385
    in a percent cell (25,00%), capaian 0.5263 (88,89%), tanggal laporan 15 July 2025 (late
    for TW I 2025)."""
    import datetime as dt

    data = clean_data()
    data["Identitas"]["tanggal"] = dt.datetime(2025, 7, 15)
    data["Capaian"][0]["capaian"] = 0.5263
    row = data["Anggaran"][2]
    assert row["kode"] == "7.01.02.2.01.0001"
    row["sisa"] = 6500000.0
    row["persentase"] = 0.385
    return write(tmp_path, data, name)
