"""The formatting layer writes exactly what babel's Indonesian locale writes, without babel
on the hot path; Value.display quotes a typed cell the Indonesian way."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from lkj_excel import formatting as fmt
from lkj_excel.model import Value
from lkj_excel.parsing import (
    format_date_id,
    format_number_id,
    format_percent_id,
    parse_date,
    parse_nip,
    parse_number,
    parse_percent,
)
from lkj_excel.rules.base import num, pct, rp


def babel_number(value, decimals):
    pattern = "#,##0." + "0" * decimals if decimals else "#,##0"
    if not decimals:
        value = round(value)
    return format_decimal(value, format=pattern, locale="id_ID")


def test_constants_are_cldr_indonesian():
    loc = Locale.parse("id_ID")
    symbols = loc.number_symbols["latn"]
    assert (symbols["group"], symbols["decimal"], symbols["percentSign"],
            symbols["minusSign"]) == (fmt.GROUP, fmt.DECIMAL, fmt.PERCENT, fmt.MINUS)
    assert tuple(loc.months["format"]["wide"][m] for m in range(1, 13)) == fmt.MONTHS
    for m in range(1, 13):
        d = dt.date(2024, m, 28)
        assert fmt.date(d) == format_date(d, format="d MMMM y", locale="id")


@pytest.mark.parametrize("value, decimals, text", [
    (1500000, 0, "1.500.000"),
    (13425000.0, 0, "13.425.000"),
    (24.14, 2, "24,14"),
    (2.675, 2, "2,68"),        # babel reads str(2.675) and rounds half to even
    (0.125, 2, "0,12"),
    (2.5, 0, "2"),             # Python round: half to even
    (-1234567.5, 2, "-1.234.567,50"),
    (999.999, 2, "1.000,00"),
    (0, 2, "0,00"),
])
def test_number_examples(value, decimals, text):
    assert fmt.number(value, decimals) == text
    assert babel_number(value, decimals) == text


@settings(max_examples=600, deadline=None)
@given(st.one_of(st.floats(min_value=-1e15, max_value=1e15, allow_nan=False),
                 st.integers(min_value=-10**15, max_value=10**15),
                 st.decimals(min_value=-10**9, max_value=10**9, places=3).map(float)),
       st.integers(min_value=0, max_value=4))
def test_number_is_babel(value, decimals):
    assert fmt.number(value, decimals) == babel_number(value, decimals)


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_date_is_babel(d):
    assert fmt.date(d) == format_date(d, format="d MMMM y", locale="id")


def test_beyond_babel():
    """Where babel raises (more than 28 digits) or cannot round (infinity), a text."""
    assert fmt.number(1e30).startswith("1.000.000.000.000.000.0")
    assert fmt.number(1e30, 2).endswith(",00")
    assert (fmt.number(float("inf")), fmt.number(float("nan")), rp(float("-inf"))) == \
        ("\u221e", "-", "-\u221e")


def test_old_helpers_delegate():
    assert format_number_id(1500000) == "1.500.000"
    assert format_percent_id(24.14) == "24,14%"
    assert format_date_id(dt.date(2023, 7, 7)) == "7 Juli 2023"
    assert (rp(1500000.0), rp(1500000.5), rp(None)) == ("1.500.000", "1.500.000,50", "-")
    assert (pct(55.555), pct(None)) == ("55,56%", "-")   # str(55.555) is exact: half to even
    assert (num(12.0), num(68.5), num(1500)) == ("12", "68,50", "1.500")
    assert fmt.rupiah(10893500) == "Rp 10.893.500"
    assert fmt.percent_of_fraction(0.2414) == "24,14%"
    assert fmt.datetime(dt.datetime(2025, 7, 15, 8, 30)) == "15 Juli 2025 08.30"
    assert fmt.number(-0.001, 2) == babel_number(-0.001, 2) == "-0,00"
    assert fmt.number(0.0, 2) == "0,00"


def cell(raw, parsed=None):
    return Value(getattr(parsed, "value", raw), raw, "Anggaran", "E12", parsed)


@pytest.mark.parametrize("value, shown", [
    (cell(13425000.0, parse_number(13425000.0, "amount")), "13.425.000"),
    (cell(0.385, parse_percent(0.385)), "38,50%"),
    (cell(0.5263, parse_percent(0.5263)), "52,63%"),
    (cell(24.14, parse_percent(24.14)), "24,14%"),
    (cell(0.9123, parse_number(0.9123)), "0,9123"),
    (cell(1342.5, parse_number(1342.5, "amount")), "1.342,5"),
    (cell(0.30000000000000004, parse_number(0.30000000000000004)), "0,3"),
    (cell(dt.datetime(2025, 7, 15), parse_date(dt.datetime(2025, 7, 15))), "15 Juli 2025"),
    (cell(dt.date(2025, 7, 15)), "15 Juli 2025"),
    (cell(45853.0, parse_date(45853.0)), "15 Juli 2025"),    # a date serial in a date cell
    (cell(2025.0, parse_number(2025.0)), "2025"),            # a year is not grouped
    (cell(12.0, parse_number(12.0)), "12"),
    (cell(197009291993021002, parse_nip(197009291993021002)), "197009291993021002"),
    (cell("13425000"), "13425000"),                          # text stays as typed
    (cell("0.385"), "0.385"),
    (cell("2025-07-15"), "2025-07-15"),
    (cell(" Rp. 1.500.000 "), " Rp. 1.500.000 "),
    (cell(None), ""),
    (cell(True), "BENAR"),
])
def test_value_display(value, shown):
    assert value.display == shown


def test_formatting_does_not_call_babel():
    """Formatting is on every check's hot path: the constants above stand in for babel
    (about 25 us a number). A timed assertion failed under load (speed figures belong in
    bench/); what keeps it fast is that no number is formatted through babel, so a fresh
    process that formats numbers, amounts, percentages and dates never imports it."""
    code = ("import sys, datetime\n"
            "from lkj_excel import formatting as f\n"
            "for i in range(200):\n"
            "    f.number(i * 1234.5, 2); f.amount(i * 1234.5); f.percent(i / 7)\n"
            "f.date(datetime.date(2025, 7, 15))\n"
            "print('babel' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
