"""Writing one value into an XlsxWriter cell, keeping its type.

Shared by the template (which writes what staff type), the finalised workbook (which writes
back every value that was read) and the rekap.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

#: Excel's serials 1-59 (1 Jan - 28 Feb 1900) sit before its phantom 29 Feb 1900.
EXCEL_LEAP_BUG = dt.datetime(1900, 3, 1)


def write_value(ws: Any, row: int, col: int, value: Any, fmt: Any = None) -> None:
    """Text stays text (never a formula or a number), numbers stay numbers, dates and
    times become Excel dates and times; None and "" leave the cell blank."""
    if value is None or value == "":
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
