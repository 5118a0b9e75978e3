"""The diagnosis names the cell that is actually wrong, marks the rest as consequences, and
its corrections close.

The scenarios are the ones a new user tried on the clean Sukamaju report (issue 10); each
expectation is worked out by hand from the clean sample's figures:

    Anggaran (rows 4-12): 7.01.02 pagu 20.000.000 / realisasi 5.000.000 / sisa 15.000.000 /
    25,00%; its kegiatan 7.01.02.2.01 the same; sub kegiatan 0001 8.000.000 / 2.000.000 /
    6.000.000 / 25,00% (row 6) and 0002 12.000.000 / 3.000.000 / 9.000.000 / 25,00%;
    7.01.06 30.000.000 / 7.500.000 (rows 8-11); JUMLAH 50.000.000 / 12.500.000 (row 12).
    Capaian: indicator 1 target 90%, realisasi 80% (8 of 10 ticked), capaian 88,89%.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from lkj_excel.checking import check, check_file
from lkj_excel.reader import read_report

from .conftest import ALL_SAMPLES as SAMPLES
from .conftest import CLEAN
from .mutation import corrected_edits, corrections, judge, mutants, run_check


def _check(edits):
    return check(read_report(CLEAN, edits=edits))


def _new(res):
    return {f.key() for f in res.findings} - {("DES001", "Desa", "E7")}


def test_a_wrong_sub_kegiatan_pagu_is_named_alone():
    # 8.000.000 typed 9.000.000: its own sisa + realisasi (6.000.000 + 2.000.000) and its
    # kegiatan (8.000.000 + 12.000.000 = 20.000.000) both say 8.000.000.
    res = _check({("Anggaran", "C6"): "9.000.000"})
    assert _new(res) == {("ANG018", "Anggaran", "C6")}
    f = next(f for f in res.findings if f.rule == "ANG018")
    assert f.expected == "8.000.000" and f.cause is None
    assert "6.000.000" in f.message and "E6" in f.message


def test_a_wrong_program_pagu_is_not_compared_elsewhere():
    # Program 7.01.02 typed 25.000.000; its kegiatan, its own sisa 15.000.000 + realisasi
    # 5.000.000, the PK budget (20.000.000) and the Efisiensi table all say 20.000.000.
    res = _check({("Anggaran", "C4"): "25.000.000"})
    assert _new(res) == {("ANG004", "Anggaran", "C4")}
    assert next(f for f in res.findings if f.rule == "ANG004").expected == "20.000.000"


def test_a_wrong_capaian_target_does_not_blame_the_capaian():
    # Target 90% typed 95%: the PK says 90%, the capaian 88,89% = 80 / 90, and the
    # Perbandingan row for 2025 says 90%.
    res = _check({("Capaian", "E4"): "95%"})
    assert _new(res) == {("PK002", "Capaian", "E4")}
    assert next(f for f in res.findings if f.rule == "PK002").expected == "90,00%"


def test_a_wrong_year_is_named_as_the_year():
    # 2025 typed 2024: dated 10 April 2025 the TW I 2024 report would be a year late, the
    # desa documents of 2025 before their period, and Perbandingan has a row for 2025.
    res = _check({("Identitas", "B8"): 2024})
    assert _new(res) == {("IDN010", "Identitas", "B8")}
    f = next(f for f in res.findings if f.rule == "IDN010")
    assert f.expected == "2025"


def test_a_wrong_quarter_is_named_as_the_quarter():
    # TW I typed II: a report dated 10 April 2025 cannot describe TW II (ends 30 June).
    res = _check({("Identitas", "B9"): "II"})
    assert _new(res) == {("IDN010", "Identitas", "B9")}
    assert next(f for f in res.findings if f.rule == "IDN010").expected == "I"


def test_a_code_under_the_wrong_program_is_named_as_the_code():
    # 7.01.02.2.01.0001 typed 7.01.06.2.01.0001 while the row sits under 7.01.02.2.01.
    res = _check({("Anggaran", "A6"): "7.01.06.2.01.0001"})
    assert _new(res) == {("ANG019", "Anggaran", "A6")}
    assert next(f for f in res.findings if f.rule == "ANG019").expected == "7.01.02.2.01.0001"


def test_sisa_or_realisasi_is_an_honest_tie():
    # A row with only pagu, realisasi and sisa, no parent and no persentase: either the
    # sisa or the realisasi (or the pagu) is wrong, and nothing says which.
    def flat(grids):
        g = grids["Anggaran"]
        for r in range(3, len(g)):
            g[r] = [] if r != 3 else ["", "Belanja rapat", 8_000_000, 2_000_000, 5_000_000]

    res = check(read_report(CLEAN, edits=flat))
    f = next(f for f in res.findings if f.sheet == "Anggaran" and f.cause is None)
    assert (f.rule, f.cell, f.expected) == ("ANG001", "E4", "6.000.000")
    assert set(f.alternatives) >= {"Anggaran!D4"}
    assert "Bila sel ini benar" in f.message


def test_cause_and_alternatives_are_in_json_and_csv(tmp_path):
    from lkj_excel.render import render_csv, render_json

    res = _check({("Fasilitasi", "D4"): "Belum"})
    data = {(d["rule"], d["cell"]): d for d in __import__("json").loads(render_json([res]))}
    # 7 of 10 ticked now: the pembilang 8 is the cause (any "Belum" row could be the slip
    # instead), the realisasi 80% and the capaian its consequences
    assert data[("FAS001", "K4")]["cause"] == ""
    assert "Fasilitasi!D4" in data[("FAS001", "K4")]["alternatives"]
    assert data[("FAS001", "F4")]["cause"] == "Capaian!K4"
    assert data[("CAP001", "G4")]["cause"] == "Capaian!K4"
    text = render_csv([res])
    assert "Capaian!K4" in text


# ---------------------------------------------------------------------------------------
# The fixpoint: apply every correction and check again
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_applying_every_correction_to_the_file_checks_clean(tmp_path, path):
    """Write every ``expected`` value into a copy of the sample (as a user would type it)
    and check the file again: no error that a value can correct is left."""
    res = check_file(path)
    fixed = tmp_path / Path(path).name
    wb = openpyxl.load_workbook(path)
    for (sheet, cell), value in corrections(res).items():
        wb[sheet][cell].value = value
    wb.save(fixed)
    again = check_file(fixed)
    left = [f for f in again.findings if f.severity.value == "error" and f.correctable]
    assert left == []
    # what is left are errors no value can correct (a late report date), as before
    before = {f.key() for f in res.findings if f.severity.value == "error"}
    assert {f.key() for f in again.findings if f.severity.value == "error"} <= before


# ---------------------------------------------------------------------------------------
# Mutation tests (the full run over every sample: python scripts/mutation_report.py)
# ---------------------------------------------------------------------------------------


def test_every_mutant_of_the_clean_sample():
    base: dict = {}
    baseline = run_check(CLEAN, base)
    ms = mutants(baseline.report)
    kinds = {m.kind for m in ms}
    assert {"amount", "percent", "code", "target", "unit", "date", "tick", "nip", "pangkat",
            "year", "quarter", "count", "neutral-number", "neutral-fraction",
            "neutral-row-order", "neutral-case", "neutral-label-in-A"} <= kinds
    bad = [(str(v.mutant), v) for v in (judge(CLEAN, base, baseline, m) for m in ms)
           if not v.ok]
    assert bad == []
    assert len(ms) > 100


@pytest.mark.parametrize("path", [p for p in SAMPLES if p != CLEAN],
                         ids=[p.name for p in SAMPLES if p != CLEAN])
def test_mutants_of_a_corrected_real_sample(path):
    import random

    base = corrected_edits(path)
    baseline = run_check(path, base)
    ms = mutants(baseline.report, random.Random(1), limit_per_kind=3)
    bad = [str(v.mutant) for v in (judge(path, base, baseline, m) for m in ms) if not v.ok]
    assert bad == []


def test_a_wrong_year_and_a_wrong_tick_together_close():
    """Candipuro (corrected) with the year typed 2022 and one Terlaksana ticked Belum: the
    year is corrected to 2023, and under that year the Perbandingan column of the report
    year (named relative to it) repeats the realisasi, so it is a consequence of the tick
    too - before, it surfaced only after the year was corrected and the fixpoint failed."""
    from .conftest import CANDIPURO

    base = corrected_edits(CANDIPURO)
    edits = {**base, ("Identitas", "B8"): 2022, ("Fasilitasi", "D14"): "Belum"}
    res = run_check(CANDIPURO, edits)
    by = {(f.rule, f.sheet, f.cell): f for f in res.findings if f.severity.value != "info"}
    assert by[("IDN010", "Identitas", "B8")].expected == "2023"
    assert by[("FAS001", "Capaian", "K4")].cause in (None, "")
    assert by[("PK008", "Perbandingan", "I4")].cause == "Capaian!K4"
    after = run_check(CANDIPURO, {**edits, **corrections(res)})
    assert {f.rule for f in after.findings if f.severity.value == "error"} <= {"IDN001"}
