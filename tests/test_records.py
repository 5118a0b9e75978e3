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
                "parsing"):
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


def _params(cls: type) -> list[inspect.Parameter]:
    return list(inspect.signature(cls.__init__).parameters.values())[1:]


def _reference(cls: type) -> type:
    """The dataclass of the same fields, frozen (hashable) when ``cls`` is hashable."""
    return dataclasses.make_dataclass(cls.__qualname__, list(cls._fields),
                                      frozen=cls.__hash__ is not None)


def test_the_records_are_found():
    names = {c.__qualname__ for c in RECORDS}
    assert {"Finding", "Report", "Settings", "Column", "AnggaranRow", "PkRow", "Number",
            "Value", "DocStatus", "SheetScan", "Inputs", "Rule", "Change", "Diagnosis",
            "Tolerance", "RekapTable", "ListCount", "OutputKind"} <= names


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__qualname__)
def test_constructor_takes_the_fields_in_order(cls):
    assert [p.name for p in _params(cls)] == list(cls._fields)
    if "__dict__" not in dir(cls):  # slotted: every slot is a field, none left out
        slots = [s for k in reversed(cls.__mro__) for s in k.__dict__.get("__slots__", ())]
        assert slots == list(cls._fields)


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
