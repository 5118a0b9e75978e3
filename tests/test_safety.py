"""Data safety, property-tested: nothing the user typed is lost or changed, the input file is
never touched, and an interrupted finalise leaves no partial file under the final name."""

from __future__ import annotations

import hashlib
import math
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from lkj_excel import layout as L
from lkj_excel.errors import LkjError
from lkj_excel.writers.final import finalise
from lkj_excel.writers.template import build_workbook

from .conftest import CLEAN, ROOT
from .fuzzgen import value

#: Values compared across all runs of the survival test (reported in the closing note).
SURVIVED = {"values": 0}


def random_filled(seed: int) -> dict:
    """A filled template with random values of every kind in every input cell."""
    rng = random.Random(seed)

    def v():
        x = value(rng)
        if isinstance(x, float) and not math.isfinite(x):
            return None  # Excel cannot hold NaN or infinity in a cell
        if isinstance(x, str) and any(ord(ch) < 32 and ch not in "\t\n" for ch in x):
            return x.replace("\x00", "").replace("\x01", "")
        return x

    data: dict = {"Identitas": {f.key: v() for f in L.IDENTITAS.fields}}
    data["Identitas"].update(tahun=rng.randint(2021, 2026),
                             triwulan=rng.choice(("I", "II", "III", "IV")))
    for spec in L.TABLE_SHEETS:
        data[spec.name] = [{c.key: v() for c in spec.columns}
                           for _ in range(rng.randint(0, 6))]
    return data


def _grids(path: Path) -> dict[str, list[list]]:
    import python_calamine as pc

    wb = pc.CalamineWorkbook.from_path(str(path))
    try:
        return {n: wb.get_sheet_by_name(n).to_python(skip_empty_area=False)
                for n in wb.sheet_names}
    finally:
        wb.close()


@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_every_typed_value_survives_finalise(seed):
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "isian.xlsx"
        build_workbook(src, "kecamatan", random_filled(seed))
        before = (hashlib.sha256(src.read_bytes()).hexdigest(), src.stat().st_mtime_ns)
        try:
            out = finalise(src, Path(tmp) / "final.xlsx").output
        except LkjError:
            assume(False)
            return
        assert (hashlib.sha256(src.read_bytes()).hexdigest(), src.stat().st_mtime_ns) == before
        a, b = _grids(src), _grids(out)
        for name, grid in a.items():
            if name == L.PETUNJUK:
                continue
            for r, row in enumerate(grid):
                for c, v in enumerate(row):
                    if v == "":
                        continue
                    got = b[name][r][c]
                    assert got == v, (name, r + 1, c + 1, v, got)
                    SURVIVED["values"] += 1


def test_check_does_not_touch_the_input(tmp_path):
    from lkj_excel.checking import check_file

    src = tmp_path / "isian.xlsx"
    src.write_bytes(CLEAN.read_bytes())
    before = (hashlib.sha256(src.read_bytes()).hexdigest(), src.stat().st_mtime_ns)
    check_file(src)
    assert (hashlib.sha256(src.read_bytes()).hexdigest(), src.stat().st_mtime_ns) == before


KILLER = """
import os, signal, sys
sys.path.insert(0, {root!r})
real = os.replace
def killed(src, dst):
    # the workbook is fully written to the temporary file; die before the rename
    os.kill(os.getpid(), signal.SIGKILL)
os.replace = killed
from lkj_excel.writers.final import finalise
finalise({src!r}, {out!r})
"""


def test_killed_between_write_and_rename_leaves_no_partial_file(tmp_path):
    out = tmp_path / "final.xlsx"
    proc = subprocess.run([sys.executable, "-c", KILLER.format(root=str(ROOT), src=str(CLEAN),
                                                                out=str(out))],
                          capture_output=True, timeout=120)
    assert proc.returncode == -9
    assert not out.exists()
    leftovers = [p.name for p in tmp_path.iterdir()]
    assert all(n.startswith(".lkj-") for n in leftovers)  # only the hidden temporary file
