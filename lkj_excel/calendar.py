"""Quarters, deadlines and working days.

Working days are Monday-Friday minus Indonesian national holidays *and* cuti bersama
(``categories=("public", "government")`` in the holidays package), plus any extra dates
from the Pengaturan sheet. The dates come from a table built from the holidays package
(:mod:`lkj_excel.libur`, scripts/build_libur.py), which is itself asked only for a year
outside the table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def quarter_start(year: int, quarter: int) -> dt.date:
    return dt.date(year, 3 * (quarter - 1) + 1, 1)


def quarter_end(year: int, quarter: int) -> dt.date:
    if quarter == 4:
        return dt.date(year, 12, 31)
    return dt.date(year, 3 * quarter + 1, 1) - dt.timedelta(days=1)


def country_holidays(year: int) -> dict[dt.date, str]:
    """The days off of ``year`` as the ``holidays`` package lists them (importing it loads
    every country's module: about 0.2 s). Used for years outside the table in
    :mod:`lkj_excel.libur`, and to build and test that table."""
    import holidays

    h = holidays.country_holidays("ID", years=year, categories=("public", "government"),
                                  language="id")
    return dict(h.items())


@lru_cache(maxsize=64)
def _holidays(year: int) -> dict[dt.date, str]:
    from . import libur

    if libur.FIRST_YEAR <= year <= libur.LAST_YEAR:
        return {dt.date(year, int(s[:2]), int(s[2:4])): libur.NAMES[int(s[5:])]
                for s in libur.DAYS[year].split()}
    return country_holidays(year)


def cuti_bersama_known(year: int) -> bool:
    """Whether the collective leave days (cuti bersama) of ``year`` are known. They are
    set by a joint ministerial decree each year; the holidays package lists them through
    2027, and a later year has national holidays only - deadlines then count those days as
    working days unless the office adds them (Pengaturan, Libur Tambahan)."""
    return any(name.lower().startswith("cuti bersama") for name in _holidays(year).values())


def holiday_name(day: dt.date, extra: Iterable[dt.date] = ()) -> str | None:
    if day in set(extra):
        return "libur tambahan (Pengaturan)"
    return _holidays(day.year).get(day)


def is_working_day(day: dt.date, extra: Iterable[dt.date] = ()) -> bool:
    return day.weekday() < 5 and holiday_name(day, extra) is None


def add_working_days(start: dt.date, n: int, extra: Iterable[dt.date] = ()) -> dt.date:
    """The n-th working day after ``start`` (``start`` itself not counted)."""
    extra = tuple(extra)
    day = start
    counted = 0
    while counted < n:
        day += dt.timedelta(days=1)
        if is_working_day(day, extra):
            counted += 1
    return day


def working_days_between(start: dt.date, end: dt.date, extra: Iterable[dt.date] = ()) -> int:
    """Working days in (start, end]."""
    extra = tuple(extra)
    n, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        if is_working_day(day, extra):
            n += 1
    return n


def deadline(year: int, quarter: int, working_days: int = 5,
             extra: Iterable[dt.date] = ()) -> dt.date:
    """Quarter end + N working days (Perbup Lumajang 6/2018 art. 4: N = 5)."""
    return add_working_days(quarter_end(year, quarter), working_days, extra)


def skipped_holidays(year: int, quarter: int, until: dt.date,
                     extra: Iterable[dt.date] = ()) -> list[tuple[dt.date, str]]:
    """Holidays on weekdays between the quarter end and ``until`` (for messages)."""
    out = []
    day = quarter_end(year, quarter)
    while day < until:
        day += dt.timedelta(days=1)
        name = holiday_name(day, extra)
        if name and day.weekday() < 5:
            out.append((day, name))
    return out
