"""Build sample_workbooks/*.xlsx and templates/*.xlsx from readable Python data.

    python scripts/build_samples.py

The data (scripts/sample_data.py) is each real report's tables as typed, mistakes kept; the
workbooks are written by the same code as ``lkj template``, so a sample is exactly what a
user has after filling the template. Re-running gives the same cell contents.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from sample_data import SAMPLES  # noqa: E402

from lkj_excel.writers.template import build_workbook  # noqa: E402


def main() -> None:
    out = ROOT / "sample_workbooks"
    out.mkdir(exist_ok=True)
    for name, (tingkat, data) in SAMPLES.items():
        build_workbook(out / name, tingkat, data)
        print(f"ditulis: {out / name}")
    tdir = ROOT / "templates"
    tdir.mkdir(exist_ok=True)
    for tingkat in ("seksi", "kecamatan"):
        path = tdir / f"templat_lkj_{tingkat}.xlsx"
        build_workbook(path, tingkat)
        print(f"ditulis: {path}")


if __name__ == "__main__":
    main()
