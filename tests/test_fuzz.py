"""Fuzzing: random schema-shaped workbooks through check, finalise and rekap. Each either
succeeds or stops with an LkjError (exit 2 with a message) - never another exception."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from lkj_excel.checking import check_file
from lkj_excel.errors import LkjError
from lkj_excel.rekap import rekap
from lkj_excel.writers.final import finalise

from .fuzzgen import random_workbook

FUZZ = settings(max_examples=100, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
@example(seed=4_294_967_295)  # a deadline of billions of working days (overflow)
@example(seed=5730)  # a date setting of a huge day number (overflow)
@example(seed=47)  # NaN and infinity reaching the writers
@example(seed=2192)  # infinity from an extreme ratio reaching math.floor
def test_check_and_finalise_never_raise(seed):
    with tempfile.TemporaryDirectory() as tmp:
        path = random_workbook(seed, Path(tmp) / "acak.xlsx")
        try:
            res = check_file(path)
            assert res.exit_code in (0, 1, 2)
        except LkjError as exc:
            assert exc.message
            return
        try:
            out = finalise(path, Path(tmp) / "acak_final.xlsx")
            assert out.output.exists()
        except LkjError as exc:
            assert exc.message


@settings(max_examples=8, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(seeds=st.lists(st.integers(min_value=0, max_value=2**32 - 1), min_size=3, max_size=8))
def test_rekap_never_raises_and_counts_add_up(seeds):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "masuk"
        folder.mkdir()
        for i, s in enumerate(seeds):
            random_workbook(s, folder / f"acak_{i}.xlsx")
        res = rekap([folder], Path(tmp) / "rekap.xlsx", jobs=1)
        assert res.files_in == len(set(seeds)) or res.files_in == len(seeds)
        assert res.files_in == res.consolidated + res.bad
