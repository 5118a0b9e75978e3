"""Compile lkj_excel/locale/*/LC_MESSAGES/lkj.po into the .mo files that gettext reads.

The .mo files are committed (an installed lkj needs no build step); the test suite checks
that each one matches its .po.  Usage: python scripts/build_locale.py
"""

from __future__ import annotations

import io
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parent.parent / "lkj_excel" / "locale"


def compile_po(po: Path) -> bytes:
    with open(po, "rb") as fh:
        catalog = read_po(fh)
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    return buf.getvalue()


def main() -> None:
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        mo.write_bytes(compile_po(po))
        print(f"{po.relative_to(LOCALE.parent.parent)} -> {mo.name}")


if __name__ == "__main__":
    main()
