"""Everything a person reads, written the Indonesian way: 1.500.000; 24,14%; 15 Juli 2025.

One module for messages, the Temuan sheet, the text and CSV output, the finalised workbook,
the rekap and the Word document, so that a number is written the same way everywhere.

The output is exactly what babel's ``id`` locale (CLDR) gives for the same pattern -
``format_decimal(x, format="#,##0.00", locale="id_ID")`` and ``format_date(d, format="d MMMM
y", locale="id")`` - but without calling babel: formatting is on the hot path of every check
(babel was about 9% of one), and the Indonesian symbols and month names are constants. The
constants below and the rounding (babel reads a float through ``str()`` and rounds half to
even on that decimal) are checked against babel itself in ``tests/test_formatting.py``.
"""

from __future__ import annotations

import datetime as dt
import math
from functools import lru_cache

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs every check process ~3 ms to import
    from typing import Any

#: CLDR ``id`` number symbols (babel ``Locale("id").number_symbols["latn"]``).
GROUP = "."
DECIMAL = ","
PERCENT = "%"
MINUS = "-"

#: CLDR ``id`` wide month names, format context (babel ``Locale("id").months``).
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember")

#: What an empty or missing value reads as.
NOTHING = "-"

#: Excel number formats for the same conventions in written workbooks. ``[$-421]`` names
#: the Indonesian locale (LCID 0x421): Excel and WPS then write the month in Indonesian
#: (the separators follow the computer's regional settings, Indonesian on the users'
#: machines), LibreOffice also takes the separators from it (1.500.000; 24,14%).
XL_AMOUNT = "[$-421]#,##0"
XL_AMOUNT_DECIMALS = "[$-421]#,##0.00"
XL_PERCENT = "[$-421]0.00%"
XL_PERCENT_WHOLE = "[$-421]0%"
XL_DATE = "[$-421]d mmmm yyyy"

# Python's "," grouping and "." decimal mark, swapped to the Indonesian ones in one pass.
_SWAP = str.maketrans({",": GROUP, ".": DECIMAL})


@lru_cache(maxsize=8192)
def _grouped(value: float | int, decimals: int) -> str:
    # Decimal(str(x)) and the default context's ROUND_HALF_EVEN are what babel does, so
    # 2.675 gives "2,68" (the decimal reading) rather than "2,67" (the binary float).
    # Imported here: the decimal module costs 1 ms to import, and a check that finds
    # nothing formats no number.
    from decimal import Decimal

    d = Decimal(str(value))
    sign = MINUS if d.is_signed() else ""
    return sign + format(abs(d), f",.{decimals}f").translate(_SWAP)


def number(value: float | None, decimals: int = 0) -> str:
    """1500000 -> "1.500.000"; 1342.5 with 2 decimals -> "1.342,50"; None -> "-".

    With no decimals the value is first rounded by Python's ``round`` (half to even)."""
    if value is None:
        return NOTHING
    if isinstance(value, float) and not math.isfinite(value):
        return NOTHING if math.isnan(value) else ("-\u221e" if value < 0 else "\u221e")
    if not decimals:
        value = round(value)
    elif value == 0:
        # Not cached: 0.0 and -0.0 are one cache key, and babel writes -0.0 as "-0,00".
        return _grouped.__wrapped__(value, decimals)
    return _grouped(value, decimals)


def amount(value: float | None) -> str:
    """Rupiah without the symbol, decimals only when present: 1500000 -> "1.500.000",
    1500000.5 -> "1.500.000,50"."""
    if value is None:
        return NOTHING
    if isinstance(value, float) and math.isfinite(value) and abs(value - round(value)) > 0.004:
        return number(value, 2)
    return number(value, 0)


def rupiah(value: float | None) -> str:
    """1500000 -> "Rp 1.500.000" (as the seeds write amounts in prose)."""
    return NOTHING if value is None else "Rp " + amount(value)


def quantity(value: float | None) -> str:
    """A count or measure: 12 -> "12", 1500 -> "1.500", 68.5 -> "68,50"."""
    if value is None:
        return NOTHING
    if isinstance(value, int) or (math.isfinite(value) and float(value).is_integer()):
        return number(value, 0)
    return number(value, 2)


def percent(points: float | None, decimals: int = 2) -> str:
    """Percentage points: 24.14 -> "24,14%"; None -> "-"."""
    if points is None:
        return NOTHING
    return number(points, decimals) + PERCENT


def percent_of_fraction(fraction: float | None, decimals: int = 2) -> str:
    """A fraction as Excel stores a percent cell: 0.2414 -> "24,14%"."""
    if fraction is None:
        return NOTHING
    return percent(round(fraction * 100, 10), decimals)


def date(value: dt.date | None) -> str:
    """date(2025, 7, 15) -> "15 Juli 2025"; None -> "-"."""
    if value is None:
        return NOTHING
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def datetime(value: dt.datetime) -> str:
    """A date with a time of day: "15 Juli 2025 08.30" (Indonesian time uses a dot)."""
    if value.time() == dt.time():
        return date(value)
    return f"{date(value)} {value.hour:02d}.{value.minute:02d}"


def _plain_number(value: float | int) -> str:
    """A number typed into a cell, as Excel's General format would show it, the Indonesian
    way: whole numbers grouped; at most four decimals, trailing zeros dropped."""
    if isinstance(value, int) or value.is_integer():
        # A whole number that looks like a year is written as a year (2025, not 2.025).
        if 1900 <= value <= 2100:
            return str(int(value))
        return number(value, 0)
    text = number(value, 4).rstrip("0")
    return text.rstrip(DECIMAL)


#: The class names of parsing.Number (a plain number, or one with more fields set): the
#: parse result is told by its class's name, without importing the parser.
_NUMBER_KINDS = ("Number", "DetailedNumber")


def typed(raw: Any, parsed: Any = None) -> str:
    """What a person reads in a cell: the typed content ``raw`` written the Indonesian way,
    given the reader's ``parsed`` result (a Number, DateValue, NipInfo, ...).

    Text typed as text stays exactly as typed. A number in a percent cell is a percentage
    (0.385 -> "38,50%"), a date is "15 Juli 2025", any other number is grouped
    (13425000 -> "13.425.000").
    """
    if raw is None:
        return ""
    if isinstance(raw, str):
        return raw
    if isinstance(raw, bool):
        return "BENAR" if raw else "SALAH"
    if isinstance(raw, dt.datetime):
        return datetime(raw)
    if isinstance(raw, dt.date):
        return date(raw)
    if isinstance(raw, dt.time):
        return f"{raw.hour:02d}.{raw.minute:02d}"
    if isinstance(raw, (int, float)):
        value = raw
        if isinstance(value, float) and not math.isfinite(value):
            return number(value)
        kind = type(parsed).__name__
        if kind in _NUMBER_KINDS and parsed.is_percent and parsed.style == "number" and \
                parsed.value is not None:
            return percent(parsed.value, 2)
        if kind == "DateValue" and parsed.value is not None:
            return date(parsed.value)
        if kind in ("NipInfo", "BudgetCode") and float(value).is_integer():
            # Identifiers are digits, never grouped.
            return str(int(value))
        return _plain_number(value)
    return str(raw)
