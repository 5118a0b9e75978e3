"""Findings are data: what is wrong, where, what was typed, what it should be, and why.

Text output, JSON, CSV, the annotated workbook and the rekap all render the same Finding.
"""

from __future__ import annotations

import re
from collections import Counter
from enum import StrEnum

from .record import Record


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]

    @property
    def label(self) -> str:
        return {"error": "KESALAHAN", "warning": "PERINGATAN", "info": "CATATAN"}[self.value]

    @classmethod
    def parse(cls, text: str) -> Severity:
        t = (text or "").strip().lower()
        aliases = {"kesalahan": "error", "galat": "error", "peringatan": "warning",
                   "catatan": "info", "info": "info"}
        return cls(aliases.get(t, t))


#: The fields of a finding as exported (JSON objects, CSV columns), in order.
EXPORT_FIELDS = ("rule", "severity", "sheet", "cell", "row_key", "field", "found", "expected",
                 "message", "cause", "alternatives", "note")


def cell_sort_key(cell: str | None) -> tuple[int, int]:
    """"B12" -> (12, 2) so findings sort by row, then column; ranges by their first cell."""
    if not cell:
        return (0, 0)
    m = re.match(r"([A-Z]+)(\d+)", cell)
    if not m:
        return (0, 0)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return (int(m.group(2)), col)


class Finding(Record):
    """One discrepancy: the rule, the cell, what is typed and what it should be."""

    __slots__ = ("rule", "severity", "sheet", "cell", "row_key", "field", "found", "expected",
                 "message", "cause", "alternatives", "note")

    def __init__(self, rule: str, severity: Severity, sheet: str, cell: str | None,
                 row_key: str, field: str, found: str, expected: str, message: str,
                 cause: str | None = None, alternatives: tuple[str, ...] = (),
                 note: str = ""):
        self.rule = rule
        self.severity = severity
        self.sheet = sheet
        self.cell = cell
        self.row_key = row_key
        self.field = field
        self.found = found
        self.expected = expected
        self.message = message
        #: "Sheet!A1" of the finding this one is a consequence of, if any.
        self.cause = cause
        #: Other cells that would explain the same disagreement equally well (a tie).
        self.alternatives = alternatives
        #: What the cell should satisfy when no single value corrects it ("<= 7 Juli
        #: 2023", "diisi"); ``expected`` then stays empty.
        self.note = note

    @property
    def correctable(self) -> bool:
        """Whether ``expected`` is a value that can be typed into the cell as it is."""
        return bool(self.expected)

    @property
    def is_consequence(self) -> bool:
        return bool(self.cause)

    def as_dict(self, file: str | None = None) -> dict[str, str]:
        d = {k: getattr(self, k) for k in EXPORT_FIELDS}
        d["severity"] = self.severity.value
        d["cell"] = self.cell or ""
        d["cause"] = self.cause or ""
        d["alternatives"] = " ".join(self.alternatives)
        if file is not None:
            d["file"] = file
        return d

    @property
    def where(self) -> str:
        return f"{self.sheet}!{self.cell}" if self.cell else self.sheet

    def key(self) -> tuple[str, str, str | None]:
        return (self.rule, self.sheet, self.cell)


class CheckResult(Record):
    """The findings for one workbook, with counts and the exit code they imply. Not
    slotted: a check adds its rules' ``context``, which is not a field."""

    _fields = ("path", "findings", "report", "input_unusable")
    __hash__ = None  # type: ignore[assignment]  # mutable

    def __init__(self, path: str, findings: list[Finding] | None = None,
                 report: object = None, input_unusable: bool = False):
        self.path = path
        self.findings = [] if findings is None else findings
        self.report = report
        #: True when some input could not be used (text in a number cell, impossible date).
        self.input_unusable = input_unusable

    @property
    def counts(self) -> dict[str, int]:
        c = Counter(f.severity.value for f in self.findings)
        return {s.value: c.get(s.value, 0) for s in Severity}

    @property
    def has_errors(self) -> bool:
        return any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def exit_code(self) -> int:
        if self.input_unusable:
            return 2
        return 1 if self.has_errors else 0

    def sorted(self) -> list[Finding]:
        return sorted(self.findings, key=lambda f: (f.sheet, cell_sort_key(f.cell), f.rule))

    def flatten(self) -> set[tuple[str, str, str | None]]:
        """Compact (rule, sheet, cell) tuples, the form tests assert."""
        return {f.key() for f in self.findings}

    def filtered(self, min_severity: Severity) -> list[Finding]:
        return [f for f in self.sorted() if f.severity.rank <= min_severity.rank]

