"""Work that must stay linear in rows, measured by counting operations (Python and C
function calls under sys.setprofile), not wall time, so that the test is the same on a busy
machine."""

from __future__ import annotations

import copy
import sys

from lkj_excel.checking import check_file
from lkj_excel.summary import build_summary
from lkj_excel.writers.template import build_workbook

from .conftest import ROOT


def anggaran(n_kegiatan: int) -> list[dict]:
    """Programs of 5 kegiatan of 8 sub kegiatan, with quarterly plans and capaian keuangan
    (the plan columns are what made build_summary quadratic once)."""
    rows: list[dict] = []
    for k in range(n_kegiatan):
        p, kk = divmod(k, 5)
        if kk == 0:
            rows.append({"kode": f"7.01.{p + 1:02d}", "uraian": f"PROGRAM {p + 1}"})
        rows.append({"kode": f"7.01.{p + 1:02d}.2.{kk + 1:02d}", "uraian": f"Kegiatan {k}"})
        for s in range(1, 9):
            rows.append({"kode": f"7.01.{p + 1:02d}.2.{kk + 1:02d}.{s:04d}",
                         "uraian": f"Sub kegiatan {s} kegiatan {k}", "pagu": 1_000_000 * s,
                         "realisasi": 250_000 * s, "sisa": 750_000 * s,
                         "persentase": "25,00%", "target_tw": 500_000 * s,
                         "capaian_keuangan": "50,00%"})
    rows.append({"uraian": "JUMLAH"})
    return rows


def _workbook(tmp_path, n_kegiatan: int, name: str):
    """The clean report with ``n_kegiatan`` kegiatan in its Anggaran."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from sample_data import CLEAN

    data = copy.deepcopy(CLEAN)
    data["Anggaran"] = anggaran(n_kegiatan)
    path = tmp_path / f"{name}_{n_kegiatan}.xlsx"
    build_workbook(path, "kecamatan", data)
    return path


def _counted(work):
    """(the Python and C calls ``work()`` makes, its result)."""
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(count)
    try:
        result = work()
    finally:
        sys.setprofile(None)
    return calls, result


def summary_calls(tmp_path, n_kegiatan: int) -> tuple[int, int]:
    res = check_file(_workbook(tmp_path, n_kegiatan, "anggaran"))
    calls, summary = _counted(lambda: build_summary(res))
    return calls, len(summary.budget_flat)


def test_build_summary_is_linear_in_rows(tmp_path):
    small, rows_small = summary_calls(tmp_path, 40)
    large, rows_large = summary_calls(tmp_path, 80)
    assert (rows_small, rows_large) == (368, 736)  # 8 + 40 + 320 lines, twice that
    # twice the rows: about twice the work; quadratic work would be four times
    assert large < 3 * small, (small, large)


def check_calls(tmp_path, n_kegiatan: int) -> tuple[int, int]:
    """Calls made by read_report + check (the diagnosis included) of a workbook with
    ``n_kegiatan`` kegiatan, and its number of Anggaran rows."""
    path = _workbook(tmp_path, n_kegiatan, "periksa")
    check_file(path)  # imports and first-use caches outside the count
    calls, res = _counted(lambda: check_file(path))
    return calls, len(res.report.anggaran)


def test_check_is_linear_in_rows(tmp_path):
    (c1, n1), (c2, n2), (c3, n3) = (check_calls(tmp_path, k) for k in (20, 40, 60))
    assert (n1, n2, n3) == (185, 369, 553)  # 8 + 20 + 160 lines and JUMLAH, x2, x3
    # Reading, the diagnosis and every rule. The fixed work (the other sheets) cancels out
    # of the differences: linear work adds as much from 2N to 3N rows as from N to 2N;
    # work quadratic in rows would add 5/3 as much.
    assert c3 - c2 < 1.1 * (c2 - c1), (c1, c2, c3)  # measured: 1.01


def irregular_calls(tmp_path, n_kegiatan: int) -> tuple[int, int]:
    """Calls NIL003 makes on a report whose every sub kegiatan's pagu is typed with a
    four-digit group ("1.000.0000"), and the number of its findings."""
    from lkj_excel.rules import load_all

    sys.path.insert(0, str(ROOT / "scripts"))
    from sample_data import CLEAN

    data = copy.deepcopy(CLEAN)
    rows = anggaran(n_kegiatan)
    for r in rows:
        if "pagu" in r:
            r["pagu"] = f"{r['pagu'] // 1_000_000}.000.0000"
    data["Anggaran"] = rows
    path = tmp_path / f"irregular_{n_kegiatan}.xlsx"
    build_workbook(path, "kecamatan", data)
    ctx = check_file(path).context
    rule = load_all()["NIL003"].func
    calls, found = _counted(lambda: list(rule(ctx)))
    return calls, len(found)


def test_irregular_numbers_are_located_in_linear_time(tmp_path):
    """Each irregular pagu is matched with its budget row without walking every row for
    each of them (that was rows x irregular values: 30 ms a value at 100.000 rows)."""
    (c1, n1), (c2, n2), (c3, n3) = (irregular_calls(tmp_path, k) for k in (10, 20, 30))
    assert (n1, n2, n3) == (80, 160, 240)  # one finding per sub kegiatan's pagu
    assert c3 - c2 < 1.1 * (c2 - c1), (c1, c2, c3)
