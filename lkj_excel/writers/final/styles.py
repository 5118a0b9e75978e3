"""The cell formats of the finalised workbook, made once per workbook.

The report's formats print well in black and white: no red or amber fills (those mark
findings, and findings belong to the appendix), light grey table headers, Arial 10.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from ...findings import Severity
from ...formatting import XL_AMOUNT, XL_DATE, XL_PERCENT
from ..printlayout import FONT, FONT_SIZE

#: Fills that mark findings in the appendix (Excel's own "Bad", "Neutral" and a light blue).
FILL = {Severity.ERROR: "#FFC7CE", Severity.WARNING: "#FFEB9C", Severity.INFO: "#DDEBF7"}
#: A number written as a count or a measure (12 Desa, 68,5).
XL_NUMBER = "[$-421]#,##0.##"
XL_DATETIME = "[$-421]d mmmm yyyy hh:mm:ss"
XL_TIME = "hh:mm:ss"


#: The cell borders of a table: thin, grey.
BORDER = {"border": 1, "border_color": "#808080"}
_TOTAL = {"bold": True, "bg_color": "#F2F2F2", **BORDER}

#: Named formats: name -> their properties, besides Arial 10 and top alignment.
NAMED: dict[str, dict[str, Any]] = {
    # letterhead and titles
    "kop1": {"bold": True, "font_size": 12, "align": "center", "valign": "vcenter"},
    "kop2": {"bold": True, "font_size": 14, "align": "center", "valign": "vcenter"},
    "kop3": {"font_size": 9, "align": "center", "valign": "vcenter", "text_wrap": True},
    "kop_rule": {"bottom": 6},
    "title": {"bold": True, "font_size": 12, "align": "center", "valign": "vcenter",
              "text_wrap": True},
    "subtitle": {"bold": True, "align": "center", "valign": "vcenter", "text_wrap": True},
    "section": {"bold": True, "font_size": 11, "valign": "bottom"},
    "note": {"italic": True, "font_color": "#404040", "text_wrap": True},
    # tables
    "head": {"bold": True, "bg_color": "#D9D9D9", "text_wrap": True, "align": "center",
             "valign": "vcenter", **BORDER},
    "label": {"bold": True, "text_wrap": True, **BORDER},
    "text": {"text_wrap": True, **BORDER},
    "center": {"text_wrap": True, "align": "center", **BORDER},
    "text_b": {"text_wrap": True, "bold": True, **BORDER},
    "amount": {"num_format": XL_AMOUNT, **BORDER},
    "amount_b": {"num_format": XL_AMOUNT, "bold": True, **BORDER},
    "pct": {"num_format": XL_PERCENT, **BORDER},
    "pct_b": {"num_format": XL_PERCENT, "bold": True, **BORDER},
    "num": {"num_format": XL_NUMBER, **BORDER},
    "date": {"num_format": XL_DATE, "align": "left", **BORDER},
    "total_text": {"text_wrap": True, **_TOTAL},
    "total_amount": {"num_format": XL_AMOUNT, **_TOTAL},
    "total_pct": {"num_format": XL_PERCENT, **_TOTAL},
    "no_data": {"italic": True, "align": "center", "valign": "vcenter", **BORDER},
    # status words: coloured text, no fill (prints in black and white as bold/plain)
    "good": {"text_wrap": True, "font_color": "#006100", **BORDER},
    "late": {"text_wrap": True, "bold": True, "font_color": "#9C0006", **BORDER},
    # signature block
    "sign": {"align": "center", "text_wrap": True},
    "sign_name": {"align": "center", "bold": True, "underline": 1, "text_wrap": True},
    # appendix
    "link": {"font_color": "#0563C1", "underline": 1, **BORDER},
    "expected": {"bg_color": "#E2EFDA", "text_wrap": True, **BORDER},
    "input_head": {"bold": True, "bg_color": "#1F4E78", "font_color": "#FFFFFF",
                   "text_wrap": True, "align": "center", "valign": "vcenter", **BORDER},
    "input_title": {"bold": True, "font_size": 14, "valign": "vcenter"},
    "input_hint": {"italic": True, "font_color": "#595959"},
}


class Styles:
    """Named formats (:data:`NAMED`, ``styles.head``), and :meth:`get` for any other
    combination (cached, so a workbook holds each distinct format once). A named format is
    made when first asked for: making an XlsxWriter format costs about as much as writing a
    hundred cells, and a workbook leaves a fifth of them unused."""

    border = BORDER

    def __init__(self, wb: Any):
        self.wb = wb
        self._cache: dict[tuple, Any] = {}

    def __getattr__(self, name: str) -> Any:
        props = NAMED.get(name)
        if props is None:
            raise AttributeError(name)
        fmt = self.get(**props)
        setattr(self, name, fmt)  # asked for once
        return fmt

    @cached_property
    def pct_by_decimals(self) -> dict[int, Any]:
        """A capaian at the decimals the report showed it with (see IndicatorLine.decimals)."""
        return {0: self.get(num_format="[$-421]0%", **BORDER),
                1: self.get(num_format="[$-421]0.0%", **BORDER), 2: self.pct}

    @cached_property
    def sev(self) -> dict[Severity, Any]:
        """A finding's fill by severity (the appendix)."""
        return {s: self.get(bg_color=c, text_wrap=True, **BORDER) for s, c in FILL.items()}

    def measure(self, shown: tuple[int, str] | None) -> Any:
        """A target or realisasi: a plain number, or with its grade as typed, "68,50 (B-)"
        (``shown`` from :func:`lkj_excel.summary.graded`); the cell stays a number."""
        if shown is None:
            return self.num
        decimals, label = shown
        digits = "." + "0" * decimals if decimals else ""
        return self.get(num_format=f'[$-421]#,##0{digits} "({label})"', **BORDER)

    def get(self, **props: Any) -> Any:
        """The format with these properties (Arial 10, top-aligned unless told)."""
        full = {"font_name": FONT, "font_size": FONT_SIZE, "valign": "top", **props}
        key = tuple(sorted(full.items()))
        fmt = self._cache.get(key)
        if fmt is None:
            fmt = self._cache[key] = self.wb.add_format(full)
        return fmt
