"""Plain classes with a dataclass's equality, hashing and repr, at no cost at import.

``@dataclass`` writes the source of each class's ``__init__``, ``__eq__`` and ``__repr__``
and compiles it with ``exec`` when the module is imported: about half a millisecond a
class. A check imports some thirty such classes, a sixth of a small report's whole
``lkj check`` process (issue 17). The classes a check imports therefore write their own
``__init__`` (compiled once into the ``.pyc`` like any other function) and take equality,
hashing and repr from :class:`Record`; tests/test_records.py compares each with the
dataclass of the same fields.
"""

from __future__ import annotations

from reprlib import recursive_repr  # loaded already: collections imports it

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs every check process ~3 ms to import
    from typing import ClassVar


class Record:
    """Equality, hashing and repr from the fields, as a dataclass makes them.

    The fields are the ``__slots__`` of the class and of its bases, base first, in the
    order of the constructor's parameters; a class without slots names them in
    ``_fields``. Equal when of the same class with equal fields; hashed by the fields, as a
    frozen dataclass is (such records are immutable by convention). A mutable class sets
    ``__hash__ = None``, as ``@dataclass`` without ``frozen`` does.

    Slotted records are also what a large report makes by the hundred thousand
    (:class:`~lkj_excel.parsing.Number`, ``model.Value``, table rows): a frozen dataclass
    took about three times as long to make and more memory."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if "_fields" not in cls.__dict__:
            own = cls.__dict__.get("__slots__", ())
            cls._fields = cls._fields + ((own,) if isinstance(own, str) else tuple(own))

    def _key(self) -> tuple:
        return tuple(getattr(self, f) for f in self._fields)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._key() == other._key()  # type: ignore[attr-defined]
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._key())

    @recursive_repr()  # a record that holds itself shows "...", as a dataclass's repr does
    def __repr__(self) -> str:
        return (f"{type(self).__qualname__}("
                + ", ".join(f"{f}={getattr(self, f)!r}" for f in self._fields) + ")")
