"""Writing one value into an XlsxWriter cell, keeping its type.

Shared by the template (which writes what staff type), the finalised workbook (which writes
back every value that was read) and the rekap.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from xlsxwriter.worksheet import Worksheet

#: Excel's serials 1-59 (1 Jan - 28 Feb 1900) sit before its phantom 29 Feb 1900.
EXCEL_LEAP_BUG = dt.datetime(1900, 3, 1)


def write_value(ws: Any, row: int, col: int, value: Any, fmt: Any = None) -> None:
    """Text stays text (never a formula or a number), numbers stay numbers, dates and
    times become Excel dates and times; None and "" leave the cell blank."""
    kind = type(value)
    if kind is str and value:  # the common cases first: text and numbers as read
        ws.write_string(row, col, value, fmt)
    elif kind is float or kind is int:
        ws.write_number(row, col, value, fmt)
    elif value is None or value == "":
        ws.write_blank(row, col, None, fmt)
    elif isinstance(value, bool):
        ws.write_boolean(row, col, value, fmt)
    elif isinstance(value, (int, float)):
        ws.write_number(row, col, value, fmt)
    elif isinstance(value, (dt.date, dt.datetime)):
        if not isinstance(value, dt.datetime):
            value = dt.datetime(value.year, value.month, value.day)
        if value < EXCEL_LEAP_BUG:
            # XlsxWriter takes 1 Jan 1900 for "time only"; write the serial Excel uses.
            delta = value - dt.datetime(1899, 12, 31)
            ws.write_number(row, col, delta / dt.timedelta(days=1), fmt)  # keeps ms
        else:
            ws.write_datetime(row, col, value, fmt)
    elif isinstance(value, dt.time):
        ws.write_datetime(row, col, value, fmt)
    elif isinstance(value, dt.timedelta):
        ws.write_number(row, col, value.total_seconds() / 86400, fmt)
    else:
        ws.write_string(row, col, str(value), fmt)


#: Spreadsheet functions that XlsxWriter never rewrites (none is a dynamic array or
#: "future" function, which it prefixes with _xlfn.).
CLASSIC_FUNCTIONS = frozenset((
    "ABS", "AND", "AVERAGE", "AVERAGEIF", "CHOOSE", "CONCATENATE", "COUNT", "COUNTA",
    "COUNTBLANK", "COUNTIF", "COUNTIFS", "DATE", "DAY", "HLOOKUP", "IF", "IFERROR",
    "INDEX", "INT", "ISBLANK", "ISERROR", "ISNUMBER", "ISTEXT", "LEFT", "LEN", "LOWER",
    "MATCH", "MAX", "MID", "MIN", "MONTH", "N", "NETWORKDAYS", "NOT", "OR", "RIGHT",
    "ROUND", "ROUNDDOWN", "ROUNDUP", "SUM", "SUMIF", "SUMIFS", "SUMPRODUCT", "TEXT",
    "TRIM", "UPPER", "VALUE", "VLOOKUP", "WORKDAY", "YEAR"))
_CALLED = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*(?=\()")


class FastWorksheet(Worksheet):
    """XlsxWriter's worksheet, with the formula preparation cut short where it can change
    nothing. XlsxWriter runs 29 regular expressions over every formula to prefix dynamic
    array functions with _xlfn. (a third of writing a finalised 10,000-row report); a
    formula that calls only :data:`CLASSIC_FUNCTIONS` comes out of them unchanged, so it is
    only stripped of its "=" and braces, as XlsxWriter does first. Anything else goes the
    whole way."""

    def _prepare_formula(self, formula, expand_future_functions=False):
        if self.use_future_functions or expand_future_functions or "_xlfn." in formula \
                or not all(name in CLASSIC_FUNCTIONS for name in _CALLED.findall(formula)):
            return super()._prepare_formula(formula, expand_future_functions)
        if formula.startswith("{"):
            formula = formula[1:]
        if formula.startswith("="):
            formula = formula[1:]
        if formula.endswith("}"):
            formula = formula[:-1]
        return formula
