"""Write lkj_excel/libur.py: the Indonesian national holidays and cuti bersama that lkj
counts as days off, as a table built from the ``holidays`` package.

Importing the package to ask for one country loads every country module (about 0.2 s, half
of a ``lkj check`` process), so lkj reads this table instead and asks the package only for a
year outside it. ``tests/test_calendar.py`` checks the table against the installed package;
when a new release of ``holidays`` changes a date (a new cuti bersama decree), run this
script again and commit the result.

    python scripts/build_libur.py
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: The years tabulated: reports are about the current year and the few before it.
FIRST, LAST = 2000, 2040

HEADER = '''"""Indonesian national holidays and cuti bersama, {first}-{last}: generated from the
``holidays`` package {version} by scripts/build_libur.py (do not edit by hand).

``holidays.country_holidays("ID", categories=("public", "government"), language="id")``
for each year; the package lists cuti bersama through {last_cuti} and estimates the rest
(names ending in "(perkiraan)"). lkj_excel.calendar reads this table and asks the package
only for a year outside it.
"""

FIRST_YEAR, LAST_YEAR = {first}, {last}

#: Every holiday name, numbered.
NAMES = (
{names})

#: Year -> "MMDD:n MMDD:n ...", n indexing NAMES.
DAYS = {{
{days}}}
'''


def main() -> None:
    import holidays

    from lkj_excel.calendar import country_holidays

    names: list[str] = []
    days = []
    last_cuti = None
    for year in range(FIRST, LAST + 1):
        h = country_holidays(year)
        parts = []
        for day, name in sorted(h.items()):
            if name not in names:
                names.append(name)
            if "Cuti Bersama" in name:
                last_cuti = year
            parts.append(f"{day.month:02d}{day.day:02d}:{names.index(name)}")
        lines = textwrap.wrap(" ".join(parts), 84)
        body = "".join(f'\n        "{line} "' for line in lines[:-1]) + \
            f'\n        "{lines[-1]}"' if lines else '""'
        days.append(f"    {year}:{body},\n")
    text = HEADER.format(first=FIRST, last=LAST, version=holidays.__version__,
                         last_cuti=last_cuti,
                         names="".join(f"    {n!r},\n" for n in names), days="".join(days))
    out = ROOT / "lkj_excel" / "libur.py"
    out.write_text(text, encoding="utf-8")
    print(f"ditulis: {out} ({LAST - FIRST + 1} tahun, {len(names)} nama)")


if __name__ == "__main__":
    main()
