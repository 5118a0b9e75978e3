"""The rule catalogue: one rule = one permanent code = one small documented function.

A rule is registered with :func:`rule`; its docstring is its documentation (``lkj aturan``
and ``docs/aturan.md`` are generated from it). Because users read them, rule docstrings are
the one place written in Bahasa Indonesia, each with a worked example. Codes are prefixed by the sheet they concern:
NIL (values in any sheet), IDN (Identitas), PK (PK and cross-sheet agreement), CAP
(Capaian), ANG (Anggaran), DES (Desa), FAS (Fasilitasi), COP (Efisiensi / cost per outcome),
PGT (Pengaturan), PEG (Rekap Pegawai), TTD (Tanda Tangan).
Codes are never reused. Rules yield findings and never raise.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..findings import Finding, Severity
from ..record import Record


class Rule(Record):
    """A registered check: its code, severity, sheet, title and function."""

    __slots__ = ("code", "severity", "sheet", "title", "func")

    def __init__(self, code: str, severity: Severity, sheet: str, title: str,
                 func: Callable[..., Iterable[Finding]]):
        self.code = code
        self.severity = severity
        self.sheet = sheet
        self.title = title
        self.func = func

    @property
    def doc(self) -> str:
        """The docstring (imports here: only ``lkj aturan`` and the docs read it)."""
        import inspect
        import textwrap

        return textwrap.dedent(inspect.getdoc(self.func) or "").strip()


RULES: dict[str, Rule] = {}


def rule(code: str, severity: str, sheet: str, title: str):
    """Register a rule function ``f(ctx) -> Iterable[Finding]`` under ``code``."""

    def deco(func):
        if code in RULES:
            raise ValueError(f"duplicate rule code {code}")
        RULES[code] = Rule(code, Severity(severity), sheet, title, func)
        func.code = code
        return func

    return deco


def load_all() -> dict[str, Rule]:
    """Import every rule module (registration happens on import) and return the catalogue."""
    from . import (  # noqa: F401
        anggaran,
        capaian,
        desa,
        efisiensi,
        fasilitasi,
        identitas,
        nilai,
        pegawai,
        pengaturan,
        pk,
        sistem,
        tandatangan,
    )

    return dict(sorted(RULES.items()))
