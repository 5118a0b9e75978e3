"""The plain classes that replaced ``@dataclass`` on a check's path (issue 17: generating a
dataclass's methods at import cost about half a millisecond a class) against the dataclass
of the same fields, the long way they replace: every constructor parameter is a field,
stored under its name, in the order of ``_fields``; equality, hashing and repr are the
dataclass's; a default list or dict is new for each instance."""

from __future__ import annotations

import dataclasses
import importlib
import inspect

import pytest

from lkj_excel.record import Record
from lkj_excel.rules import load_all

# the modules that define records, and the rules' (rules.desa.DocStatus)
for _module in ("diagnosis", "findings", "formulas", "inputs", "layout", "model", "outputs",
                "parsing", "rekap"):
    importlib.import_module(f"lkj_excel.{_module}")
load_all()


def _all(cls: type) -> list[type]:
    out = []
    for sub in cls.__subclasses__():
        out += [sub, *_all(sub)]
    return out


RECORDS = sorted({c for c in _all(Record) if c.__module__.startswith("lkj_excel.")},
                 key=lambda c: (c.__module__, c.__qualname__))


class Token:
    """A distinct field value, equal only to itself; it iterates as empty, since a
    constructor may walk a list it is given (Diagnosis groups its changes)."""

    def __init__(self, name: str):
        self.name = name

    def __iter__(self):
        return iter(())

    def __repr__(self) -> str:
        return f"<{self.name}>"


#: Trailing constructor parameters that are no field: Value's ``row``, with which ``cell``
#: is the column's letters and the address is made when asked for (the reader's way;
#: test_a_value_s_address_in_two_parts_is_the_same_value compares the two ways);
#: AnggaranRow's ``empty``, the table's columns left empty in every row, and ``table``
#: and ``index``, the table's cells held by column whence ``cells`` is made when asked.
NOT_FIELDS = {"Value": ["row"], "AnggaranRow": ["empty", "table", "index"]}

#: Slots that are not the fields themselves: Value keeps ``cell`` as two parts; a plain
#: Number holds four fields and reads the rest from its class, a DetailedNumber all.
_NUMBER_SLOTS = ["value", "raw", "style", "decimals"]
SLOTS = {"Value": ["value", "raw", "sheet", "_cell", "row", "parsed"],
         "AnggaranRow": ["sheet", "row", "cells", "is_total", "is_average", "empty",
                         "table", "index", "_cells"],
         "BudgetCode": ["canonical", "raw", "level", "irregular", "error", "name",
                        "_parent"],
         "Number": _NUMBER_SLOTS,
         "DetailedNumber": _NUMBER_SLOTS + ["irregular", "suggestion", "alternatives", "unit",
                                            "label", "is_percent", "numerator",
                                            "denominator", "error", "note"]}


def _params(cls: type) -> list[inspect.Parameter]:
    """The constructor's parameters (``__init__``'s, or ``__new__``'s for Number)."""
    params = list(inspect.signature(cls).parameters.values())
    extra = NOT_FIELDS.get(cls.__qualname__, [])
    assert [p.name for p in params[len(params) - len(extra):]] == extra
    return params[:len(params) - len(extra)]


#: Each class's fields and hashability as the dataclass it replaced declared them (at
#: 476f459, read with dataclasses.fields): what its constructor, equality, hash and repr
#: must keep. Value, Number and BudgetCode were slotted classes already, and TotalRow is new.
DATACLASSES = {
    "diagnosis.Change": ("cell value cause alternatives", False),
    "diagnosis.Diagnosis": ("net changes identity codes budget year quarter", False),
    "findings.CheckResult": ("path findings report input_unusable", False),
    "findings.Finding": ("rule severity sheet cell row_key field found expected message cause "
                         "alternatives note", True),
    "formulas.SheetScan": ("uncached errors extent", False),
    "inputs.Inputs": ("files resolved empty", False),
    "layout.Column": ("key header kind required synonyms width choices hint", True),
    "layout.Field": ("key label kind required synonyms choices hint default", True),
    "layout.FormSheet": ("name title hint fields required label_header value_header "
                         "extra_tables", True),
    "layout.TableSheet": ("name title hint columns required landscape label_keys", True),
    "model.AnggaranRow": ("sheet row cells is_total is_average", False),
    "model.CapaianRow": ("sheet row cells is_average is_total", False),
    "model.DesaRow": ("sheet row cells", False),
    "model.EfisiensiRow": ("sheet row cells", False),
    "model.FasilitasiRow": ("sheet row cells", False),
    "model.Identity": ("unit tingkat kecamatan kabupaten tahun triwulan sifat jumlah_desa tempat "
                       "tanggal pelapor atasan pk_tanggal pk_pihak1_nama pk_pihak1_nip "
                       "pk_pihak2_nama pk_pihak2_jabatan revisi alamat", False),
    "model.NarasiRow": ("sheet row cells", False),
    "model.PegawaiRow": ("sheet row cells", False),
    "model.PerbandinganRow": ("sheet row cells", False),
    "model.Person": ("nama nip pangkat jabatan", False),
    "model.PkBudgetRow": ("sheet row cells is_total", False),
    "model.PkRow": ("sheet row cells", False),
    "model.RekapPegawaiRow": ("sheet row cells is_total", False),
    "model.Report": ("path sheets identity pk pk_budget capaian anggaran desa fasilitasi "
                     "efisiensi pegawai perbandingan settings columns header_rows error_cells "
                     "uncached_formulas narasi rekap_pegawai tanda_tangan", False),
    "model.Row": ("sheet row cells", False),
    "model.Settings": ("deadline_working_days extra_holidays predikat_scale negative_formula "
                       "efficiency_formula tolerance_points tolerance_rupiah rkpdes_deadline "
                       "apbdes_deadline lppdes_deadline apbdes_year windows legal_basis cells "
                       "problems", False),
    "model.TandaTanganRow": ("sheet row cells", False),
    "outputs.OutputKind": ("name label detect", True),
    "parsing.DateValue": ("value raw error style", True),
    "parsing.DocStatusWord": ("status error", True),
    "parsing.NipInfo": ("digits raw birth_date tmt_cpns sex serial problems", True),
    "parsing.PangkatInfo": ("pangkat golongan raw consistent expected_pangkat", True),
    "rekap.CurrentFile": ("ord path status report_key reason", False),
    "rekap.RekapResult": ("output db files_in consolidated bad skipped_unchanged processed "
                          "superseded missing probable output_unchanged seconds bad_files "
                          "skipped_outputs notes", False),
    "relations.core.Tolerance": ("rupiah points", True),
    "relations.pegawai.ListCount": ("count names status", False),
    "relations.pegawai.RekapTable": ("tabel rows total", False),
    "rules.Rule": ("code severity sheet title func", True),
    "rules.desa.DocStatus": ("status deadline date", True),
}


def _reference(cls: type) -> type:
    """The dataclass ``cls`` replaced (fields and hashability from DATACLASSES), or for a
    class that was not one, the dataclass of its fields, frozen when it is hashable."""
    fields, hashable = DATACLASSES.get(f"{cls.__module__.removeprefix('lkj_excel.')}."
                                       f"{cls.__qualname__}",
                                       (" ".join(cls._fields), cls.__hash__ is not None))
    return dataclasses.make_dataclass(cls.__qualname__, fields.split(), frozen=hashable)


def test_each_class_keeps_the_fields_and_hashability_of_its_dataclass():
    """The classes that were dataclasses: the same fields in the same order (so positional
    construction, equality and repr stay), hashable exactly when the dataclass was."""
    by_name = {f"{c.__module__.removeprefix('lkj_excel.')}.{c.__qualname__}": c
               for c in RECORDS}
    assert set(DATACLASSES) <= set(by_name)
    for name, (fields, hashable) in DATACLASSES.items():
        cls = by_name[name]
        assert (tuple(cls._fields), cls.__hash__ is not None) == \
            (tuple(fields.split()), hashable), name


def test_the_records_are_found():
    names = {c.__qualname__ for c in RECORDS}
    assert {"Finding", "Report", "Settings", "Column", "AnggaranRow", "PkRow", "Number",
            "Value", "DocStatus", "SheetScan", "Inputs", "Rule", "Change", "Diagnosis",
            "Tolerance", "RekapTable", "ListCount", "OutputKind"} <= names


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__qualname__)
def test_constructor_takes_the_fields_in_order(cls):
    assert [p.name for p in _params(cls)] == [f.name for f in dataclasses.fields(
        _reference(cls))]
    assert [p.name for p in _params(cls)] == list(cls._fields)
    if "__dict__" not in dir(cls):  # slotted: every slot is a field, none left out
        slots = [s for k in reversed(cls.__mro__) for s in k.__dict__.get("__slots__", ())]
        assert slots == SLOTS.get(cls.__qualname__, list(cls._fields))


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__qualname__)
def test_equality_hash_and_repr_are_the_dataclass_s(cls):
    ref = _reference(cls)
    values = [Token(f) for f in cls._fields]
    obj, twin = cls(*values), cls(*values)
    assert all(getattr(obj, f) is v for f, v in zip(cls._fields, values, strict=True))
    if cls.__repr__ is Record.__repr__:  # unless the class writes its own
        assert repr(obj) == repr(ref(*values))
    assert obj == twin and not (obj != twin)
    assert obj != ref(*values)  # another class: never equal, as between dataclasses
    for i in range(len(values)):
        other = values[:i] + [Token(cls._fields[i])] + values[i + 1:]
        assert (obj == cls(*other)) is (ref(*values) == ref(*other)) is False
    if cls.__hash__ is None:
        with pytest.raises(TypeError):
            hash(obj)
    else:
        assert hash(obj) == hash(twin) == hash(ref(*values))


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__qualname__)
def test_default_containers_are_not_shared(cls):
    required = [Token(p.name) for p in _params(cls) if p.default is inspect.Parameter.empty]
    a, b = cls(*required), cls(*required)
    for f in cls._fields:
        if isinstance(getattr(a, f), (list, dict, set)):
            assert getattr(a, f) is not getattr(b, f), f


def test_a_value_s_address_in_two_parts_is_the_same_value():
    """The reader makes a cell's Value with the column's letters and the row number; it is
    the Value made with the address, in every way the tests above compare."""
    from lkj_excel.model import Value
    from lkj_excel.parsing import parse_number

    p = parse_number(1500.0)
    whole, parts = Value(1500.0, 1500.0, "Anggaran", "AB12", p), \
        Value(1500.0, 1500.0, "Anggaran", "AB", p, 12)
    assert parts.cell == whole.cell == "AB12" and parts.where == "Anggaran!AB12"
    assert parts == whole and hash(parts) == hash(whole) and repr(parts) == repr(whole)
    assert parts != Value(1500.0, 1500.0, "Anggaran", "AB", p, 13)
    assert Value(None, None, "Anggaran", None).cell is None
    # a row without an address (a value of no cell that knows its row) has no address
    assert Value(None, None, "Anggaran", None, None, 12).cell is None


def _values_at_long_way(values, wanted):
    """typed_values' walk before addresses were made when asked for: every value's
    address compared (the last value at an address wins)."""
    out = {}
    for v in values:
        if v.cell and (v.sheet, v.cell) in wanted:
            out[(v.sheet, v.cell)] = v
    return out


def test_values_at_finds_what_comparing_every_address_finds():
    """model.values_at against the long way, on a sample's every value (table cells kept as
    column letters and row, form cells as whole addresses) and odd addresses given whole."""
    from lkj_excel.model import Value, values_at
    from lkj_excel.reader import read_report

    from .conftest import PRONOJIWO

    report = read_report(PRONOJIWO)
    values = list(report.all_values()) + [
        Value(1, 1, "X", "$B$3"), Value(2, 2, "X", ""), Value(3, 3, "X", None),
        Value(4, 4, "X", "C7:D8"), Value(5, 5, "X", "B3"), Value(6, 6, "X", "B", row=3)]
    every = {(v.sheet, v.cell) for v in values if v.cell}
    assert any(v.row is not None and v._cell.isalpha() for v in values)  # both kinds
    assert any(v.row is not None and not v._cell.isalpha() for v in values)
    for wanted in (every, set(list(every)[::3]),
                   {("X", "$B$3"), ("X", ""), ("X", "C7:D8"), ("X", "B3"), ("Anggaran", "")},
                   {(s, c.lower()) for s, c in list(every)[:40]}):
        got = values_at(values, wanted)
        assert got == _values_at_long_way(values, wanted)
        assert all(got[k] is v for k, v in _values_at_long_way(values, wanted).items())
    assert values_at(values, {("X", "B3")})[("X", "B3")].value == 6  # the last one wins


@pytest.mark.parametrize("edits", [{}, {("Anggaran", "D7"): "1.500.0000",
                                        ("Identitas", "C6"): "7.5.00",
                                        ("Capaian", "F5"): "12,3,4"}])
def test_the_nil_rules_locate_a_cell_as_the_whole_index_did(edits):
    """NIL001-NIL003 name an unusual value's row and field from an index of the unusual
    values' addresses only; the same as from the index of every cell, as it was made
    before (Pronojiwo, with an irregular amount of its own, and more typed in a table and
    in Identitas). Finding the addresses is test_values_at_finds_what_comparing_every_address_finds'."""
    from lkj_excel.model import Addresses
    from lkj_excel.reader import read_report
    from lkj_excel.rules.base import Context
    from lkj_excel.rules.nilai import _cell_index, locate

    from .conftest import PRONOJIWO

    ctx = Context(read_report(PRONOJIWO, edits=edits))
    whole = _cell_index(ctx, Addresses({(v.sheet, v.cell) for v in ctx.report.all_values()
                                        if v.cell}))
    assert len(ctx.unusual_values) >= (1 if not edits else 3)
    for v in ctx.unusual_values:
        assert locate(ctx, v) == whole.get((v.sheet, v.cell), (v.where, "angka"))
    assert any((v.sheet, v.cell) in whole for v in ctx.unusual_values)


def test_a_record_that_holds_itself_repr_as_a_dataclass_does():
    """Without a guard the repr of a record inside itself recursed until RecursionError;
    the dataclass's repr shows the inner one as "..."."""
    import dataclasses

    class Node(Record):
        __slots__ = ("name", "child")
        __hash__ = None

        def __init__(self, name, child=None):
            self.name, self.child = name, child

    @dataclasses.dataclass
    class Ref:
        name: str
        child: object = None

    node, ref = Node("a"), Ref("a")
    node.child, ref.child = node, ref
    assert repr(node) == repr(ref).replace("Ref", "Node") == \
        "test_a_record_that_holds_itself_repr_as_a_dataclass_does.<locals>.Node(name='a', child=...)"
