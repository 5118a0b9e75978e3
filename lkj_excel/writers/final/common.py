"""What every sheet writer of the finalised workbook shares: the context it writes from,
formula cells with stored values, sheet names."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...findings import CheckResult, Finding
from ...model import Report
from ...summary import Summary
from .styles import Styles


@dataclass
class Context:
    """The checked report and the workbook being written."""

    wb: Any
    styles: Styles
    report: Report
    result: CheckResult
    summary: Summary
    source: Path
    #: Input sheet names as the user's workbook has them, in order.
    names: list[str]
    #: Sheet -> rows read by python-calamine (every typed value, keeping its type).
    grids: dict[str, list[list[Any]]]
    #: Generated sheets: role ("ringkasan", "capaian", ...) -> actual sheet name.
    sheets: dict[str, str] = field(default_factory=dict)
    #: Input sheet -> its name in the appendix (renamed when it clashes with a generated
    #: sheet or Excel refuses the name); input sheets not written are absent.
    sheet_out: dict[str, str] = field(default_factory=dict)
    #: What a table writer tells later writers: role -> {key: value}.
    refs: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: Notes for the person running finalise (a logo that could not be used, ...).
    notes: list[str] = field(default_factory=list)
    #: Logo image for the letterhead, when Pengaturan names one that exists.
    logo: Path | None = None

    @property
    def findings(self) -> list[Finding]:
        return self.result.findings


def formula(ws: Any, r: int, c: int, text: str, fmt: Any, value: Any) -> None:
    """A formula with its value stored, so that programs which do not recalculate (phone
    viewers, python-calamine, pandas) show the number; never NaN or infinity."""
    if isinstance(value, float) and not math.isfinite(value):
        value = ""
    ws.write_formula(r, c, text, fmt, value)


def ratio_formula(sheet: str, row: int) -> str:
    """Penyerapan computed from the table's pagu and realisasi rather than by referring to
    a cell that may hold "" (engines differ on what a reference to "" or a blank is)."""
    c, d = f"'{sheet}'!C{row}", f"'{sheet}'!D{row}"
    return f'=IF(N({c})=0,"",N({d})/N({c}))'


def unique_name(wanted: str, taken: set[str], clash: str = "") -> str:
    """A sheet name not yet used (case-insensitively), at most 31 characters; a clash is
    first marked with ``clash`` (" (isian)"), then numbered."""
    name, i = wanted[:31], 2
    if clash and name.lower() in taken:
        name = wanted[:31 - len(clash)] + clash
    while name.lower() in taken:
        name = f"{wanted[:28]} {i}"
        i += 1
    taken.add(name.lower())
    return name


def excel_sheet_name(name: str) -> str:
    """A name Excel accepts: at most 31 characters, none of []:*?/\\, no apostrophe at
    either end, not the reserved 'History'."""
    clean = "".join("-" if ch in "[]:*?/\\" else ch for ch in name).strip().strip("'")
    clean = clean[:31].strip().strip("'") or "Sheet"
    return clean + " (isian)" if clean.lower() == "history" else clean
