"""The cell formats of the finalised workbook, made once per workbook.

The report's formats print well in black and white: no red or amber fills (those mark
findings, and findings belong to the appendix), light grey table headers, Arial 10.
"""

from __future__ import annotations

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


class Styles:
    """Named formats, and :meth:`get` for any other combination (cached, so a workbook
    holds each distinct format once)."""

    def __init__(self, wb: Any):
        self.wb = wb
        self._cache: dict[tuple, Any] = {}
        border = {"border": 1, "border_color": "#808080"}
        self.border = border
        # letterhead and titles
        self.kop1 = self.get(bold=True, font_size=12, align="center", valign="vcenter")
        self.kop2 = self.get(bold=True, font_size=14, align="center", valign="vcenter")
        self.kop3 = self.get(font_size=9, align="center", valign="vcenter", text_wrap=True)
        self.kop_rule = self.get(bottom=6)
        self.title = self.get(bold=True, font_size=12, align="center", valign="vcenter",
                              text_wrap=True)
        self.subtitle = self.get(bold=True, align="center", valign="vcenter", text_wrap=True)
        self.section = self.get(bold=True, font_size=11, valign="bottom")
        self.note = self.get(italic=True, font_color="#404040", text_wrap=True)
        # tables
        self.head = self.get(bold=True, bg_color="#D9D9D9", text_wrap=True, align="center",
                             valign="vcenter", **border)
        self.label = self.get(bold=True, text_wrap=True, **border)
        self.text = self.get(text_wrap=True, **border)
        self.center = self.get(text_wrap=True, align="center", **border)
        self.text_b = self.get(text_wrap=True, bold=True, **border)
        self.amount = self.get(num_format=XL_AMOUNT, **border)
        self.amount_b = self.get(num_format=XL_AMOUNT, bold=True, **border)
        self.pct = self.get(num_format=XL_PERCENT, **border)
        self.pct_b = self.get(num_format=XL_PERCENT, bold=True, **border)
        #: a capaian at the decimals the report showed it with (see IndicatorLine.decimals)
        self.pct_by_decimals = {0: self.get(num_format="[$-421]0%", **border),
                                1: self.get(num_format="[$-421]0.0%", **border), 2: self.pct}
        self.num = self.get(num_format=XL_NUMBER, **border)
        self.date = self.get(num_format=XL_DATE, align="left", **border)
        total = {"bold": True, "bg_color": "#F2F2F2", **border}
        self.total_text = self.get(text_wrap=True, **total)
        self.total_amount = self.get(num_format=XL_AMOUNT, **total)
        self.total_pct = self.get(num_format=XL_PERCENT, **total)
        self.no_data = self.get(italic=True, align="center", valign="vcenter", **border)
        # status words: coloured text, no fill (prints in black and white as bold/plain)
        self.good = self.get(text_wrap=True, font_color="#006100", **border)
        self.late = self.get(text_wrap=True, bold=True, font_color="#9C0006", **border)
        # signature block
        self.sign = self.get(align="center", text_wrap=True)
        self.sign_name = self.get(align="center", bold=True, underline=1, text_wrap=True)
        # appendix
        self.link = self.get(font_color="#0563C1", underline=1, **border)
        self.sev = {s: self.get(bg_color=c, text_wrap=True, **border) for s, c in FILL.items()}
        self.expected = self.get(bg_color="#E2EFDA", text_wrap=True, **border)
        self.input_head = self.get(bold=True, bg_color="#1F4E78", font_color="#FFFFFF",
                                   text_wrap=True, align="center", valign="vcenter", **border)
        self.input_title = self.get(bold=True, font_size=14, valign="vcenter")
        self.input_hint = self.get(italic=True, font_color="#595959")

    def measure(self, shown: tuple[int, str] | None) -> Any:
        """A target or realisasi: a plain number, or with its grade as typed, "68,50 (B-)"
        (``shown`` from :func:`lkj_excel.summary.graded`); the cell stays a number."""
        if shown is None:
            return self.num
        decimals, label = shown
        digits = "." + "0" * decimals if decimals else ""
        return self.get(num_format=f'[$-421]#,##0{digits} "({label})"', **self.border)

    def get(self, **props: Any) -> Any:
        """The format with these properties (Arial 10, top-aligned unless told)."""
        full = {"font_name": FONT, "font_size": FONT_SIZE, "valign": "top", **props}
        key = tuple(sorted(full.items()))
        fmt = self._cache.get(key)
        if fmt is None:
            fmt = self._cache[key] = self.wb.add_format(full)
        return fmt
