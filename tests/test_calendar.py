"""The table of days off (lkj_excel/libur.py) against the holidays package it was built
from, and the deadline arithmetic that reads it."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from lkj_excel import calendar, libur


@pytest.mark.parametrize("year", range(libur.FIRST_YEAR, libur.LAST_YEAR + 1))
def test_table_is_the_package(year):
    """Every tabulated year equals what the installed package says, names included. A
    failure means a new release of holidays changed a date: run scripts/build_libur.py."""
    calendar._holidays.cache_clear()
    assert calendar._holidays(year) == calendar.country_holidays(year)


def test_cuti_bersama_kept():
    # SKB 3 Menteri 2023: cuti bersama Idul Adha 28 and 30 June, Idul Fitri 19-25 April
    days = calendar._holidays(2023)
    assert days[dt.date(2023, 6, 28)] == "Cuti Bersama Hari Raya Idul Adha"
    assert days[dt.date(2023, 6, 30)] == "Cuti Bersama Hari Raya Idul Adha"
    assert dt.date(2023, 4, 24) in days
    # the deadline of TW II 2023 (Candipuro): 30 June + 5 working days, 28/30 June off
    assert calendar.deadline(2023, 2) == dt.date(2023, 7, 7)


def test_year_outside_the_table_asks_the_package():
    year = libur.LAST_YEAR + 1
    calendar._holidays.cache_clear()
    got = calendar._holidays(year)
    assert dt.date(year, 8, 17) in got and got == calendar.country_holidays(year)


def test_deadline_does_not_import_the_package():
    code = ("import sys, datetime as dt; from lkj_excel.calendar import deadline; "
            "assert deadline(2024, 3) == dt.date(2024, 10, 7); "
            "print('holidays' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "False"
