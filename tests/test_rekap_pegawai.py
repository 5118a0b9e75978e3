"""Typed personnel summaries (sheet Rekap Pegawai): PEG001-PEG004.

The tables are seed 003's Tabel 3.7-3.10 (Pronojiwo TW III 2024) as typed there; the Pegawai
list is its Tabel 1.1. Expected values are worked out by hand from the seed text:
- Tabel 3.8: Golongan II PNS 1 + CPNS 0 typed Jumlah 2 (1); the PNS column 0 + 1 + 6 + 0 = 7
  typed 9; the Jumlah column then 7, typed 9;
- Tabel 3.9: diklat 2 + 2 typed as 3 (4);
- Tabel 3.10: eselon IV a typed 3, the list has 2 (NURDI HARTO PUTRA ARDIANSYAH, S.STP and
  SAHLAN, S.Sos); the Jumlah 1 + 1 + 3 + 2 = 7 then should be 6.
Rows of the sheet: header on row 3, so Tabel 3.7 is rows 4-10, 3.8 rows 11-15, 3.9 rows
16-20, 3.10 rows 21-27; columns C uraian, D PNS, E CPNS, F PPPK, G Non PNS, H Jumlah,
I Persen.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from sample_data import PRONOJIWO  # noqa: E402

from lkj_excel.checking import check  # noqa: E402
from lkj_excel.reader import read_report  # noqa: E402
from tests.helpers import clean_data, write  # noqa: E402
from tests.mutation import Mutant, judge, run_check  # noqa: E402


def _rk(tabel, uraian, **kw):
    return {"tabel": tabel, "uraian": uraian, **kw}


def seed_rekap() -> list[dict]:
    """Seed 003 Tabel 3.7-3.10 exactly as typed there."""
    return [
        _rk("Pendidikan", "SD", pns="-", cpns="-", non_pns="-", jumlah="-", persen="0%"),
        _rk("Pendidikan", "SMP", pns="-", cpns="-", non_pns="-", jumlah="-", persen="0%"),
        _rk("Pendidikan", "SMA/SMK", pns=1, cpns="-", non_pns=8, jumlah=9, persen="53%"),
        _rk("Pendidikan", "D3", pns="-", cpns="-", non_pns="-", jumlah="-", persen="0%"),
        _rk("Pendidikan", "S1", pns=6, cpns="-", non_pns=2, jumlah=8, persen="47%"),
        _rk("Pendidikan", "S2", pns="-", cpns="-", non_pns="-", jumlah="-", persen="0%"),
        _rk("Pendidikan", "J U M L A H", pns=7, cpns="-", non_pns=10, jumlah=17,
            persen="100%"),
        _rk("Golongan", "Golongan I", pns=0, cpns=0, jumlah=0),
        _rk("Golongan", "Golongan II", pns=1, cpns=0, jumlah=2),
        _rk("Golongan", "Golongan III", pns=6, cpns=0, jumlah=6),
        _rk("Golongan", "Golongan IV", pns=0, cpns=0, jumlah=0),
        _rk("Golongan", "Jumlah", pns=9, cpns=0, jumlah=9),
        _rk("Diklat", "I", jumlah="-"), _rk("Diklat", "II", jumlah="-"),
        _rk("Diklat", "III", jumlah=2), _rk("Diklat", "IV", jumlah=2),
        _rk("Diklat", "Jumlah", jumlah=3),
        _rk("Eselon", "II a", jumlah="-"), _rk("Eselon", "II b", jumlah="-"),
        _rk("Eselon", "III a", jumlah=1), _rk("Eselon", "III b", jumlah=1),
        _rk("Eselon", "IV a", jumlah=3), _rk("Eselon", "IV b", jumlah=2),
        _rk("Eselon", "Jumlah", jumlah=7),
    ]


def clean_rekap() -> list[dict]:
    """The same tables with the seed's slips corrected by hand."""
    rows = seed_rekap()
    rows[8]["jumlah"] = 1          # Golongan II: 1 + 0
    rows[11]["pns"] = 7            # Golongan Jumlah PNS: 0 + 1 + 6 + 0
    rows[11]["jumlah"] = 7
    rows[16]["jumlah"] = 4         # Diklat: 2 + 2
    rows[21]["jumlah"] = 2         # Eselon IV a: two in the list
    rows[23]["jumlah"] = 6         # 1 + 1 + 2 + 2
    return rows


def pronojiwo(rekap, pegawai=True) -> dict:
    data = copy.deepcopy(PRONOJIWO)
    data["Rekap Pegawai"] = rekap
    if not pegawai:
        data["Pegawai"] = []
    return data


def peg(res):
    return sorted((f.rule, f.cell, f.found, f.expected, f.cause) for f in res.findings
                  if f.rule.startswith("PEG"))


@pytest.fixture(scope="module")
def seed_result(tmp_path_factory):
    p = write(tmp_path_factory.mktemp("peg"), pronojiwo(seed_rekap()), "p003.xlsx")
    return check(read_report(p))


@pytest.fixture(scope="module")
def clean_path(tmp_path_factory):
    return write(tmp_path_factory.mktemp("pegc"), pronojiwo(clean_rekap()), "bersih.xlsx")


def test_seed_003_tables_exact_findings(seed_result):
    assert peg(seed_result) == [
        ("PEG001", "D15", "9", "7", None),
        ("PEG001", "H12", "2", "1", None),
        ("PEG001", "H15", "9", "7", "Rekap Pegawai!H12"),
        ("PEG001", "H20", "3", "4", None),
        ("PEG001", "H27", "7", "6", "Rekap Pegawai!H25"),
        ("PEG002", "H25", "3", "2", None),
    ]
    by = {f.cell: f for f in seed_result.findings if f.rule.startswith("PEG")}
    assert all(f.sheet == "Rekap Pegawai" for f in by.values())
    assert by["H12"].message == "Golongan II: Jumlah 2 seharusnya 1 (PNS 1 + CPNS 0)."
    assert "0 + 1 + 6 + 0" in by["D15"].message
    assert "0 + 0 + 2 + 2" in by["H20"].message
    assert by["H25"].message == (
        "Eselon IV a: 3 seharusnya 2; daftar Pegawai memuat 2 orang (NURDI HARTO PUTRA "
        "ARDIANSYAH, S.STP dan SAHLAN, S.Sos).")
    # Tabel 3.7 agrees with itself and with the list: 53% is 9 / 17 rounded
    assert not any(f.cell and f.sheet == "Rekap Pegawai" and int(f.cell[1:]) <= 10
                   for f in seed_result.findings)


def test_clean_tables_are_silent(clean_path):
    assert peg(check(read_report(clean_path))) == []


def test_without_list_only_arithmetic(tmp_path):
    res = check(read_report(write(tmp_path, pronojiwo(seed_rekap(), pegawai=False))))
    got = peg(res)
    assert not any(r == "PEG002" for r, *_ in got)
    assert ("PEG001", "H20", "3", "4", None) in got
    # Tabel 3.10 adds up as typed: nothing to say without the list
    assert not any(c in ("H25", "H27") for _, c, *_ in got)


def test_percent_wrong(tmp_path):
    rows = clean_rekap()
    rows[2]["persen"] = "56%"
    res = check(read_report(write(tmp_path, pronojiwo(rows))))
    assert peg(res) == [("PEG003", "I6", "56%", "52,94%", None)]
    f = next(f for f in res.findings if f.rule == "PEG003")
    assert "9 / 17" in f.message


def test_list_counts_by_status(tmp_path):
    """S1 Non PNS typed 3 where the list has 2 (VENI FITRIA, FAHMI MUBAROK)."""
    rows = clean_rekap()
    rows[4]["non_pns"] = 3
    rows[4]["jumlah"] = 9
    res = check(read_report(write(tmp_path, pronojiwo(rows))))
    got = peg(res)
    assert ("PEG002", "G8", "3", "2", None) in got
    f = next(f for f in res.findings if f.rule == "PEG002")
    assert "VENI FITRIA dan FAHMI MUBAROK" in f.message
    assert "Non PNS" in f.message


def test_list_incomplete_is_not_compared(tmp_path):
    """A PNS without pangkat: the list cannot tell the golongan counts."""
    data = pronojiwo(clean_rekap())
    data["Pegawai"][6]["pangkat"] = None
    data["Rekap Pegawai"][9]["pns"] = 7
    data["Rekap Pegawai"][9]["jumlah"] = 7
    res = check(read_report(write(tmp_path, data)))
    assert not any(f.rule == "PEG002" for f in res.findings)


def test_mutation_one_typed_count(clean_path):
    """S1 PNS 6 typed 5: named as the cause, and the corrections close."""
    baseline = run_check(clean_path)
    v = judge(clean_path, {}, baseline, Mutant("count", "Rekap Pegawai", "D8", 5))
    assert v.ok, v
    res = run_check(clean_path, {("Rekap Pegawai", "D8"): 5})
    assert peg(res) == [("PEG002", "D8", "5", "6", None)]


def test_mutation_without_list_names_input(tmp_path):
    path = write(tmp_path, pronojiwo(clean_rekap(), pegawai=False))
    baseline = run_check(path)
    assert peg(baseline) == []
    res = run_check(path, {("Rekap Pegawai", "D8"): 5})
    assert peg(res) == [("PEG004", "D8", "5", "6", None)]
    f = next(f for f in res.findings if f.rule == "PEG004")
    assert f.message.startswith("Pendidikan S1: PNS 5 seharusnya 6")
    v = judge(path, {}, baseline, Mutant("count", "Rekap Pegawai", "D8", 5))
    assert v.ok, v


def test_mutation_total_cell(clean_path):
    baseline = run_check(clean_path)
    v = judge(clean_path, {}, baseline, Mutant("count", "Rekap Pegawai", "H10", 18))
    assert v.ok, v


def test_neutral_rewrites_stay_silent(clean_path):
    baseline = run_check(clean_path)
    for cell, raw in (("D4", 0), ("H10", 17.0), ("I6", 0.5294), ("C10", "Jumlah"),
                      ("H13", "6")):
        v = judge(clean_path, {}, baseline, Mutant("neutral", "Rekap Pegawai", cell, raw,
                                                   neutral=True))
        assert v.ok, (cell, v)


def test_clean_example_has_no_rekap_findings(tmp_path):
    res = check(read_report(write(tmp_path, clean_data())))
    assert not any(f.rule.startswith("PEG") for f in res.findings)


# ---------------------------------------------------------------------------------------
# The finalised workbook and the Word document show the typed tables, corrected
# ---------------------------------------------------------------------------------------


def _no_list_seed(tmp_path):
    """Seed 003's tables typed, the personnel list not: only the typed tables can say."""
    return write(tmp_path, pronojiwo(seed_rekap(), pegawai=False), "tanpa_daftar.xlsx")


def test_figures_use_the_corrected_typed_tables(tmp_path):
    from lkj_excel.checking import check_file
    from lkj_excel.summary import personnel_figures

    res = check_file(write(tmp_path, pronojiwo(seed_rekap())))
    f = personnel_figures(res)
    assert f["dari_rekap"] == ["Pendidikan", "Golongan", "Diklat", "Eselon"]
    # Tabel 3.10 corrected by the list: IV a 2, not 3
    assert f["eselon"] == {"II a": 0, "II b": 0, "III a": 1, "III b": 1, "IV a": 2, "IV b": 2}
    # Tabel 3.9 as typed (2 + 2; the Pegawai sheet has no diklat to say otherwise)
    assert f["diklat"] == {"PIM I": 0, "PIM II": 0, "PIM III": 2, "PIM IV": 2}
    assert f["golongan"]["II"] == {"PNS": 1, "CPNS": 0}
    assert f["pendidikan"]["SMA/SMK"] == {"PNS": 1, "CPNS": 0, "PPPK": 0, "Non PNS": 8}


def test_finalised_workbook_shows_typed_tables(tmp_path):
    import openpyxl

    from lkj_excel.writers.final import finalise

    out = finalise(_no_list_seed(tmp_path), tmp_path / "final.xlsx").output
    wb = openpyxl.load_workbook(out)
    ws = wb["Tabel Pegawai"]
    cells = [[c.value for c in row] for row in ws.iter_rows()]
    text = " ".join(str(v) for row in cells for v in row if v is not None)
    assert "dari sheet Rekap Pegawai, setelah dikoreksi" in text
    rows = {row[1]: row for row in cells if len(row) > 2 and isinstance(row[1], str)}
    # diklat: the typed 2 + 2; the Jumlah is a live SUM (4 when computed)
    assert rows["PIM III"][2] == 2 and rows["PIM IV"][2] == 2
    # golongan without the list: the fewest cells that explain Tabel 3.8 are PNS II = 3
    # (0 + 3 + 6 + 0 = 9, both typed totals) and its row's Jumlah 3 - two cells, against
    # three for Jumlah II, Jumlah PNS and the total
    assert rows["Golongan II"][2] == 3 and rows["Golongan III"][2] == 6
    assert rows["IV a"][2] == 3


def test_dokumen_shows_typed_tables(tmp_path):
    from docx import Document

    from lkj_excel.writers.dokumen import dokumen

    data = pronojiwo(seed_rekap())
    res = dokumen(write(tmp_path, data, "dok.xlsx"))
    doc = Document(str(res.output))
    esl = None
    for t in doc.tables:
        rows = [[c.text.strip() for c in r.cells] for r in t.rows]
        if rows and any("Eselon" in c for c in rows[0]):
            esl = {r[1]: r[-1] for r in rows}
    assert esl is not None
    assert (esl["IV a"], esl["Jumlah"]) == ("2", "6")


# ---------------------------------------------------------------------------------------
# Mutation sweep: one count off by one, in every table, typed and total rows alike
# ---------------------------------------------------------------------------------------

#: One row of each table with people in it, and each table's Jumlah row (sheet rows).
SWEEP_ROWS = (6, 8, 10, 13, 15, 18, 20, 24, 27)


@pytest.mark.parametrize("pegawai", [True, False], ids=["dengan_daftar", "tanpa_daftar"])
def test_mutation_sweep(tmp_path, pegawai):
    """Each typed count + 1 is named (as a cause or an honest alternative), every other new
    finding is its consequence, and applying the corrections checks clean."""
    path = write(tmp_path, pronojiwo(clean_rekap(), pegawai=pegawai))
    baseline = run_check(path)
    assert peg(baseline) == []
    report = baseline.report
    done = 0
    for r in report.rekap_pegawai:
        if r.row not in SWEEP_ROWS:
            continue
        for key in ("pns", "non_pns", "jumlah"):
            v = r.get(key)
            x = v.parsed.value if v.cell and getattr(v.parsed, "value", None) is not None \
                else None
            if x is None:
                continue
            verdict = judge(path, {}, baseline, Mutant("count", v.sheet, v.cell, int(x) + 1))
            assert verdict.ok, verdict
            done += 1
    assert done >= 15


def test_blank_tabel_continues_the_table(tmp_path):
    """Tabel typed only on the first row of each table: the same findings as seed 003."""
    rows = seed_rekap()
    first = True
    for r in rows:
        if not first:
            r["tabel"] = None
        first = normalise_label(r["uraian"]) == "jumlah"
    res = check(read_report(write(tmp_path, pronojiwo(rows))))
    assert peg(res) == [
        ("PEG001", "D15", "9", "7", None),
        ("PEG001", "H12", "2", "1", None),
        ("PEG001", "H15", "9", "7", "Rekap Pegawai!H12"),
        ("PEG001", "H20", "3", "4", None),
        ("PEG001", "H27", "7", "6", "Rekap Pegawai!H25"),
        ("PEG002", "H25", "3", "2", None),
    ]


def normalise_label(text: str) -> str:
    return "".join(text.lower().split())


def test_row_missing_for_people_in_the_list(tmp_path):
    """Tabel 3.7 has no D1 row: a person with D1 in the list is counted nowhere."""
    data = pronojiwo(clean_rekap())
    data["Pegawai"].append({"no": 18, "nama": "RINA WATI", "jk": "P", "status": "NON PNS",
                            "eselon": "-", "pendidikan": "D1"})
    res = check(read_report(write(tmp_path, data)))
    got = [(f.rule, f.cell, f.severity.value) for f in res.findings if f.rule == "PEG005"]
    assert got == [("PEG005", "C10", "warning")]
    f = next(f for f in res.findings if f.rule == "PEG005")
    assert f.message == ("Tabel Pendidikan tidak punya baris D1, padahal daftar Pegawai memuat "
                         "1 orang D1 (RINA WATI); mereka tidak terhitung di tabel ini.")
    # the seed's own list fits every table's rows
    assert not any(f.rule == "PEG005" for f in
                   check(read_report(write(tmp_path, pronojiwo(clean_rekap()), "b.xlsx")))
                   .findings)


def test_dokumen_without_list_shows_typed_tables(tmp_path):
    """No personnel list, only the typed tables: the document still has Tabel 3.7-3.10
    (corrected: diklat 2 + 2 = 4), and no Personalia list."""
    from docx import Document

    from lkj_excel.writers.dokumen import dokumen

    res = dokumen(_no_list_seed(tmp_path))
    doc = Document(str(res.output))
    tables = [[[c.text.strip() for c in r.cells] for r in t.rows] for t in doc.tables]
    dik = next(t for t in tables if t and any("Diklat" in c for c in t[0]))
    assert {r[1]: r[-1] for r in dik}["Jumlah"] == "4"
    edu = next(t for t in tables if t and t[0][:2] == ["No", "Pendidikan"])
    assert {r[1]: r[-2] for r in edu}["Jumlah"] == "17"
    assert not any(t and any("Nama / NIP" in c for c in t[0]) for t in tables)


def test_profiles_read_once_a_check_are_the_people_read_each_time():
    """The network and PEG005 share one reading of the Pegawai sheet per table kind
    (relations.pegawai.profiles_of, kept on the check's Context): the same as reading it
    again for every table, for each sample and every kind a table can be."""
    from lkj_excel.relations.pegawai import people_profiles, profiles_of, rekap_tables
    from lkj_excel.rules.base import Context

    from .conftest import ALL_SAMPLES

    asked = 0
    for path in ALL_SAMPLES:
        ctx = Context(read_report(path))
        for dim in ("Pendidikan", "Golongan", "Eselon", "Diklat"):
            got = profiles_of(ctx, dim)
            assert got == people_profiles(ctx.report, dim), (path.name, dim)
            assert profiles_of(ctx, dim) is got  # read once
            asked += got is not None
        for t in rekap_tables(ctx.report):
            assert profiles_of(ctx, t.tabel) == people_profiles(ctx.report, t.tabel)
    assert asked >= 4, "no sample lists its people: the test proves nothing"


def test_tables_found_once_a_check_are_the_tables_found_each_time():
    """The network and PEG005 share one finding of the Rekap Pegawai tables (kept on the
    check's Context): the same tables, rows and kinds as finding them again."""
    from lkj_excel.relations.pegawai import rekap_tables
    from lkj_excel.rules.base import Context

    from .conftest import ALL_SAMPLES

    found = 0
    for path in ALL_SAMPLES:
        ctx = Context(read_report(path))
        got = ctx.rekap_tables
        again = rekap_tables(ctx.report)
        assert [(t.tabel, t.total, t.rows) for t in got] == \
            [(t.tabel, t.total, t.rows) for t in again], path.name
        assert ctx.rekap_tables is got
        found += len(got)
    assert found >= 4, "no sample has Rekap Pegawai tables: the test proves nothing"


def test_a_persons_row_is_found_as_by_every_row_key():
    """missing_categories asks whether a person's category has a row with two set
    lookups (_row_matcher): the same answer as _matches against every row key, for every
    kind of table, the rows' own keys and categories written with and without a ruang."""
    from lkj_excel.relations.pegawai import _row_matcher

    keys = {"Golongan": ["I", "II/a", "III", "III/b", "IV/d"],
            "Pendidikan": ["SD", "SMA/SMK", "S1", "D3"],
            "Eselon": ["III b", "IV a", "IV b"], "Diklat": ["PIM III", "PIM IV"]}
    people = ["I", "I/a", "II", "II/a", "II/b", "III", "III/a", "III/b", "IV", "IV/d",
              "IV/e", "SD", "SMA/SMK", "S1", "S2", "D3", "III b", "IV a", "PIM III", "PIM II"]
    told = 0
    for dim, row_keys in keys.items():
        for n in range(len(row_keys) + 1):
            some = row_keys[:n]
            has_row = _row_matcher(dim, some)
            for pc in people:
                want = any(_matches(dim, k, pc) for k in some)
                assert has_row(pc) == want, (dim, some, pc)
                told += want
    assert told > 20


def test_counts_from_one_walk_of_the_list_are_list_counts():
    """The network asks the Pegawai list for each count of a table through ListCounts
    (one walk of the list a table): the same count, names and status as _list_counts (the long way), for
    every sample's list, every table kind, every category the list or a row names and
    every status, on the list as read and with a person's status and category made
    unreadable."""
    from lkj_excel.relations.pegawai import UNKNOWN, ListCounts, people_profiles

    from .conftest import ALL_SAMPLES

    told = 0
    for path in ALL_SAMPLES:
        rep = read_report(path)
        for dim in ("Pendidikan", "Golongan", "Eselon", "Diklat"):
            profiles = people_profiles(rep, dim)
            lists = [profiles]
            if profiles:
                lists.append([*profiles[:2], (profiles[2][0], None, profiles[2][2]),
                              *profiles[3:]])
                lists.append([*profiles[:3], (profiles[3][0], profiles[3][1], UNKNOWN),
                              *profiles[4:]])
            for people in lists:
                counts = ListCounts(people, dim)
                cats = {pc for _, _, pc in people or () if pc not in (None, UNKNOWN)}
                cats |= {c.split("/")[0] for c in cats} | {"II", "III/a", "S3"}
                for cat in sorted(cats):
                    for status in (None, "PNS", "CPNS", "PPPK", "Non PNS"):
                        want = _list_counts(people, dim, cat, status)
                        assert counts.get(cat, status) == want, (path.name, dim, cat, status)
                        told += want is not None and want.count > 0
    assert told > 20


# -- the long ways the network's Pegawai shortcuts are compared with ---------------------
def _matches(dim, row_key, person_key):
    """Whether a person's category counts in the row ``row_key``: equal, or a golongan
    row without a ruang ("III") of its golongan."""
    from lkj_excel.relations.pegawai import UNKNOWN

    if person_key is None or person_key == UNKNOWN:
        return False
    if dim == "Golongan" and "/" not in row_key:
        return person_key.split("/")[0] == row_key
    return person_key == row_key


def _list_counts(profiles, dim, row_key, status):
    """The people of ``profiles`` in category ``row_key`` (and ``status``), walking the
    whole list for one count (as the network did before ListCounts), or None when someone
    concerned has the status or the category unreadable."""
    from lkj_excel.relations.pegawai import UNKNOWN, ListCount

    if profiles is None:
        return None
    names = []
    for name, st, pc in profiles:
        if status is not None and st is None:
            return None
        if status is not None and st != status:
            continue
        if pc == UNKNOWN:
            return None
        if _matches(dim, row_key, pc):
            names.append(name)
    return ListCount(len(names), names, status)
