"""The receiving office's list of units (``lkj rekap --daftar-unit FILE``).

One row per unit expected to report, with optional aliases (other spellings seen in
reports), tingkat, and the date a report was received (repeat the unit on more rows, with
Tahun and Triwulan, for more periods; a Berkas column ties a date to one file).

Names are matched in two steps. First exactly, after normalisation: case, punctuation and
spacing do not count, and the usual abbreviations are written out ("Kec." and "Kecamatan",
"Kel.", "Ds.", "Kab.", "Sie"). What is still unmatched is compared with rapidfuzz on the part
of the name that tells units apart (the place, not the word "Kecamatan"); a close name is
only *shown* as a probable match for a person to confirm (by adding it as an alias), never
merged silently, because two real kecamatan can differ by one letter.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import layout as L
from .errors import LkjError
from .parsing import is_blank, normalise_text, parse_date, parse_number, parse_quarter

#: Abbreviations written out before names are compared.
ABBREVIATIONS = {
    "kec": "kecamatan", "kecam": "kecamatan", "kel": "kelurahan", "ds": "desa",
    "kab": "kabupaten", "kot": "kota", "sie": "seksi", "si": "seksi", "sek": "seksi",
    "subag": "sub bagian", "subbag": "sub bagian", "sub bag": "sub bagian",
    "pem": "pemerintahan", "pemb": "pemberdayaan", "pemdes": "pemerintahan desa",
}
#: Words every unit name shares; the fuzzy score looks at the rest.
GENERIC = frozenset({"kecamatan", "kelurahan", "desa", "kabupaten", "kota", "seksi", "sub",
                     "bagian", "kantor", "pemerintah", "unit", "kerja", "di", "dan"})
#: A probable match needs at least this rapidfuzz ratio on the distinctive part.
FUZZY_MIN = 85.0

SPEC = L.TableSheet(
    name="Daftar Unit",
    title="Daftar Unit",
    hint="",
    columns=(
        L.Column("no", "No"),
        L.Column("unit", "Nama Unit", required=True,
                 synonyms=("unit", "unit kerja", "nama unit kerja", "nama", "kecamatan",
                           "nama kecamatan", "satuan kerja")),
        L.Column("alias", "Alias", synonyms=("nama lain", "ejaan lain", "alias nama")),
        L.Column("tingkat", "Tingkat", synonyms=("level",)),
        L.Column("tahun", "Tahun", synonyms=("tahun anggaran", "ta")),
        L.Column("triwulan", "Triwulan", synonyms=("tw",)),
        L.Column("diterima", "Tanggal Diterima",
                 synonyms=("diterima", "tanggal terima", "tgl diterima", "tanggal masuk",
                           "tanggal penerimaan")),
        L.Column("berkas", "Berkas", synonyms=("nama berkas", "file", "nama file")),
    ),
)


class UnitListError(LkjError):
    """The unit list cannot be used."""


def unit_key(name: object) -> str:
    """"Kec.  Candipuro" and "KECAMATAN Candipuro" -> "kecamatan candipuro"."""
    words = normalise_text(name).replace("/", " ").split()
    out: list[str] = []
    i = 0
    while i < len(words):
        pair = " ".join(words[i:i + 2])
        if pair in ABBREVIATIONS:
            out.append(ABBREVIATIONS[pair])
            i += 2
            continue
        out.append(ABBREVIATIONS.get(words[i], words[i]))
        i += 1
    return " ".join(" ".join(out).split())


def distinctive(key: str) -> str:
    """The part of a normalised name that tells units apart, without spaces."""
    rest = [w for w in key.split() if w not in GENERIC]
    return "".join(rest) if rest else key.replace(" ", "")


@dataclass
class Unit:
    name: str
    tingkat: str | None = None
    keys: set[str] = field(default_factory=set)


@dataclass
class Receipt:
    unit: Unit
    year: int | None
    quarter: int | None
    received: dt.date
    berkas: str | None
    where: str


@dataclass
class Match:
    unit: Unit | None          # the unit of the list, when matched (exactly)
    how: str                   # "nama", "alias" or "" (no exact match)
    suggestion: Unit | None = None   # probable match, to be confirmed by a person
    score: float = 0.0


@dataclass
class UnitList:
    path: Path
    sha256: str
    units: list[Unit]
    receipts: list[Receipt]

    def __post_init__(self) -> None:
        self._by_key: dict[str, tuple[Unit, str]] = {}
        for u in self.units:
            for k in sorted(u.keys):
                self._by_key.setdefault(k, (u, "nama" if k == unit_key(u.name) else "alias"))
        self._distinct = [(distinctive(k), u) for k, (u, _how) in self._by_key.items()]

    def match(self, name: str) -> Match:
        key = unit_key(name)
        hit = self._by_key.get(key)
        if hit:
            return Match(hit[0], hit[1])
        from rapidfuzz import fuzz

        d = distinctive(key)
        best: tuple[float, Unit] | None = None
        for dk, u in self._distinct:
            score = fuzz.ratio(d, dk)
            if score >= FUZZY_MIN and (best is None or score > best[0]):
                best = (score, u)
        if best:
            return Match(None, "", best[1], round(best[0], 1))
        return Match(None, "")


def _cell(row: list[Any], col: int | None) -> Any:
    if col is None or col >= len(row):
        return None
    return row[col]


def load_unit_list(path: str | os.PathLike) -> UnitList:
    """Read the unit list from .xlsx/.xlsm/.xls/.ods (sheet 'Daftar Unit' or the first) or
    .csv (';' or ',' separated). Raises UnitListError (exit 2) when it cannot be used."""
    from .reader import find_header

    p = Path(path)
    if not p.is_file():
        raise UnitListError(f"Daftar unit '{p}' tidak ditemukan.", p)
    data = p.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    if p.suffix.lower() == ".csv":
        text = data.decode("utf-8-sig", errors="replace")
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
        except csv.Error:
            dialect = csv.excel
        grid: list[list[Any]] = [list(r) for r in csv.reader(text.splitlines(), dialect)]
        sheet = p.name
    else:
        grid, sheet = _read_workbook_grid(p)
    hit = find_header(grid, SPEC, 0, min(len(grid), 30))
    if not hit or "unit" not in hit[1]:
        raise UnitListError(
            f"Daftar unit '{p.name}' tidak memiliki kolom 'Nama Unit'. Baris judul kolom yang "
            "dikenal: Nama Unit, Alias, Tingkat, Tahun, Triwulan, Tanggal Diterima, Berkas.", p)
    r0, m = hit
    units: dict[str, Unit] = {}
    receipts: list[Receipt] = []
    problems: list[str] = []
    for r in range(r0 + 1, len(grid)):
        row = grid[r]
        name = _cell(row, m.get("unit"))
        if is_blank(name):
            continue
        name = " ".join(str(name).split())
        key = unit_key(name)
        u = units.get(key)
        if u is None:
            u = units[key] = Unit(name, keys={key})
        tingkat = normalise_text(_cell(row, m.get("tingkat")))
        if tingkat in L.TINGKAT:
            u.tingkat = tingkat
        alias = _cell(row, m.get("alias"))
        if not is_blank(alias):
            for a in str(alias).replace("\n", ";").split(";"):
                if unit_key(a):
                    u.keys.add(unit_key(a))
        raw_date = _cell(row, m.get("diterima"))
        if is_blank(raw_date):
            continue
        where = f"{sheet} baris {r + 1}"
        d = parse_date(raw_date)
        if d.value is None:
            problems.append(f"tanggal diterima '{raw_date}' di {where} bukan tanggal")
            continue
        y = parse_number(_cell(row, m.get("tahun"))).value
        q = parse_quarter(_cell(row, m.get("triwulan")))
        berkas = _cell(row, m.get("berkas"))
        receipts.append(Receipt(u, int(y) if y else None, q, d.value,
                                None if is_blank(berkas) else Path(str(berkas)).name, where))
    if problems:
        raise UnitListError(f"Daftar unit '{p.name}': " + "; ".join(problems[:5]) + ".", p)
    # An alias that is also another unit's name would merge two units: refuse it.
    owner: dict[str, Unit] = {}
    for u in units.values():
        for k in u.keys:
            if k in owner and owner[k] is not u:
                raise UnitListError(
                    f"Daftar unit '{p.name}': nama '{k}' dipakai untuk dua unit "
                    f"('{owner[k].name}' dan '{u.name}').", p)
            owner[k] = u
    if not units:
        raise UnitListError(f"Daftar unit '{p.name}' tidak berisi satu unit pun.", p)
    return UnitList(p, sha, list(units.values()), receipts)


def _read_workbook_grid(p: Path) -> tuple[list[list[Any]], str]:
    from .reader import open_workbook, read_grid

    wb, names = open_workbook(p)
    try:
        hit = [n for n in names if normalise_text(n) in ("daftar unit", "unit", "daftar")]
        name = hit[0] if hit else names[0]
        return read_grid(wb, name, p), name
    finally:
        try:
            wb.close()
        except Exception:  # noqa: BLE001 - closing is best effort
            pass


__all__ = ["UnitList", "Unit", "Receipt", "Match", "load_unit_list", "unit_key", "distinctive",
           "UnitListError", "FUZZY_MIN"]
