"""Find formula cells saved without a computed value (.xlsx/.xlsm only).

python-calamine reads such a cell as empty, exactly like a blank one (a file written by
openpyxl and never opened in Excel has no cached values). So that the checker does not
silently treat a formula as "nothing", the sheet XML is scanned for ``<f>`` elements whose
``<v>`` is missing or empty. Only regular expressions over the raw bytes are used - no XML
parser, so no entity expansion - and only sheets that contain a formula at all.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

_SHEET = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]+)"')
_SHEET_REV = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\br:id="([^"]+)"[^>]*?\bname="([^"]*)"')
_REL = re.compile(rb'<Relationship\b[^>]*?\bTarget="([^"]+)"[^>]*?\bId="([^"]+)"')
_REL_REV = re.compile(rb'<Relationship\b[^>]*?\bId="([^"]+)"[^>]*?\bTarget="([^"]+)"')
_CELL = re.compile(rb'<c\b[^>]*?\br="([A-Z]+[0-9]+)"[^>]*?(?:/>|>(.*?)</c>)', re.S)
_VALUE = re.compile(rb"<v>[^<]+</v>")
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'"}

#: Stop after this many cells: the finding is the same for the rest.
LIMIT = 200


def _unescape(b: bytes) -> str:
    s = b.decode("utf-8", "replace")
    for k, v in _ENTITIES.items():
        s = s.replace(k, v)
    return s


def uncached_formulas(path: str | Path, sheets: set[str] | None = None
                      ) -> list[tuple[str, str]]:
    """(sheet name, A1 cell) of formulas without a stored value, in sheet order."""
    p = Path(path)
    if p.suffix.lower() not in (".xlsx", ".xlsm"):
        return []
    out: list[tuple[str, str]] = []
    try:
        with zipfile.ZipFile(p) as z:
            wbxml = z.read("xl/workbook.xml")
            rels = z.read("xl/_rels/workbook.xml.rels")
            targets = {rid: t for t, rid in _REL.findall(rels)}
            targets.update({rid: t for rid, t in _REL_REV.findall(rels)})
            pairs = _SHEET.findall(wbxml) or [(n, r) for r, n in _SHEET_REV.findall(wbxml)]
            for name_b, rid in pairs:
                name = _unescape(name_b)
                if sheets is not None and name not in sheets or rid not in targets:
                    continue
                target = targets[rid].decode("utf-8", "replace").lstrip("/")
                member = target if target.startswith("xl/") else "xl/" + target
                try:
                    data = z.read(member)
                except KeyError:
                    continue
                if b"<f" not in data:
                    continue
                for ref, inner in _CELL.findall(data):
                    if inner and b"<f" in inner and not _VALUE.search(inner):
                        out.append((name, ref.decode()))
                        if len(out) >= LIMIT:
                            return out
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return out
    return out
