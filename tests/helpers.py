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
