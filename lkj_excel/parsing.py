"""Pure parsing of the values staff type into LKj tables.

Every function takes what a spreadsheet cell holds (text, a number, a date, ``None``) and
returns a small result object that keeps the reading *and* what was odd about the text, so
that rules can report it. Nothing here guesses silently: an irregular text is returned with
``irregular=True`` and a ``suggestion`` in Indonesian notation.

No pandas, no spreadsheet library: these functions are called for every cell and in
property tests, so they stay cheap and deterministic.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from functools import lru_cache
from sys import intern

from . import formatting as _fmt
from .record import Record

__all__ = [
    "Number",
    "DateValue",
    "BudgetCode",
    "NipInfo",
    "PangkatInfo",
    "parse_number",
    "parse_percent",
    "parse_date",
    "parse_code",
    "parse_nip",
    "parse_pangkat",
    "parse_quarter",
    "parse_yes_no",
    "format_number_id",
    "format_percent_id",
    "format_date_id",
    "normalise_text",
    "is_blank",
    "decimals_typed",
    "GOLONGAN_PANGKAT",
    "MONTHS_ID",
]

MONTHS_ID = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)
_MONTH_LOOKUP: dict[str, int] = {}
for _i, _m in enumerate(MONTHS_ID, start=1):
    _MONTH_LOOKUP[_m.lower()] = _i
    _MONTH_LOOKUP[_m[:3].lower()] = _i
for _i, _m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"), start=1):
    _MONTH_LOOKUP.setdefault(_m, _i)
    _MONTH_LOOKUP.setdefault(_m[:3], _i)
_MONTH_LOOKUP.update({"agu": 8, "agt": 8, "ags": 8, "okt": 10, "nop": 11, "des": 12, "peb": 2,
                      "pebruari": 2, "nopember": 11, "sept": 9})

#: Golongan ruang -> pangkat (PP 99/2000), the pairs that belong together.
GOLONGAN_PANGKAT = {
    "I/a": "Juru Muda", "I/b": "Juru Muda Tingkat I", "I/c": "Juru", "I/d": "Juru Tingkat I",
    "II/a": "Pengatur Muda", "II/b": "Pengatur Muda Tingkat I", "II/c": "Pengatur",
    "II/d": "Pengatur Tingkat I",
    "III/a": "Penata Muda", "III/b": "Penata Muda Tingkat I", "III/c": "Penata",
    "III/d": "Penata Tingkat I",
    "IV/a": "Pembina", "IV/b": "Pembina Tingkat I", "IV/c": "Pembina Utama Muda",
    "IV/d": "Pembina Utama Madya", "IV/e": "Pembina Utama",
}

_BLANKS = {"", "-", "--", "\u2013", "\u2014", "\u2012", "n/a", "na", "nihil"}


def is_blank(value: object) -> bool:
    """True for what users write to mean "nothing": empty, ``None``, ``-``, an en dash."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, str):
        return value.replace("\u00a0", " ").strip().lower() in _BLANKS
    return False


class CellError(str):
    """A cell holding a spreadsheet error value such as ``#DIV/0!`` or ``#REF!`` (a broken
    formula's cached result). It is text for display, but never a number, a date or a
    blank: parse functions return ``style="error"`` and rule NIL005 reports the cell."""

    __slots__ = ()


#: Characters that are invisible in a cell: zero-width spaces and joiners, the word
#: joiner and a byte order mark pasted from the web or a PDF (removed).
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
#: Spaces other than the ordinary one: no-break, narrow no-break, thin, figure spaces
#: (made ordinary).
ODD_SPACES = "\u00a0\u202f\u2007\u2009\u2002\u2003"
_DROP_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE))
_PLAIN_SPACES = dict.fromkeys(map(ord, ODD_SPACES), " ")


def _visible(text: str) -> tuple[str, bool]:
    """``text`` without invisible characters and with odd spaces made ordinary; True when
    something invisible was removed (worth noting: nobody can see it in the cell).
    Translation tables rather than regular expressions (whose compiling cost more than a
    small report's every use of them), and nothing to do for ASCII text: none of those
    characters is ASCII."""
    if text.isascii():
        return text, False
    cleaned = text.translate(_DROP_INVISIBLE)
    return cleaned.translate(_PLAIN_SPACES), cleaned != text


#: Hyphens and dashes (U+2010-U+2015) read as "-".
_DASHES = dict.fromkeys(range(0x2010, 0x2016), "-")
_NON_WORD = re.compile(r"[^0-9a-z%/]+")


@lru_cache(maxsize=8192)
def _normalise(s: str) -> str:
    s = s.replace("\u00a0", " ").lower()
    if not s.isascii():  # a table rather than a pattern: see _visible
        s = s.translate(_DASHES)
    return " ".join(_NON_WORD.sub(" ", s).split())


def normalise_text(text: object) -> str:
    """Lower-case, single-spaced, punctuation-light form used to match names and headers."""
    if text is None:
        return ""
    return _normalise(text if isinstance(text, str) else str(text))


# ---------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------


_NUMBER_FIELDS = ("value", "raw", "style", "irregular", "suggestion", "alternatives", "unit",
                  "label", "is_percent", "numerator", "denominator", "error", "decimals",
                  "note")


class Number(Record):
    """A number read from a cell.

    ``value`` is the reading lkj believes (``None`` for "nothing" such as ``-``).
    ``style`` names the notation: ``"id"`` (1.500.000 / 24,14), ``"en"`` (1,500,000 / 53.89),
    ``"plain"`` (2498499), ``"number"`` (a real numeric cell) or ``"none"``.
    ``irregular`` marks text whose digit groups do not fit any notation; ``suggestion`` is
    then the reading lkj proposes, written the Indonesian way, and ``alternatives`` the
    other plausible readings (rules may choose among them with context).

    Immutable by convention (parses are shared through caches). A slotted class rather
    than a frozen dataclass: every numeric cell of a large report makes one, and the
    dataclass took three times as long and four times the memory. Equality, hashing and
    repr are the dataclass's, over all fourteen fields.

    Most numbers are a numeric cell's or a plain text's: value, raw, style and decimals,
    every other field at its default. Such a Number holds only those four slots (64 bytes;
    with all fourteen it was 144, 43 MiB for the 300.000 amounts of a 100.000-row
    Anggaran) and reads the others from the class; a number with any other field set is a
    :class:`DetailedNumber`, which holds them all. Either is a Number, made by calling
    Number (the constructor chooses), and equal to the other when its fields are."""

    __slots__ = ("value", "raw", "style", "decimals")
    _fields = _NUMBER_FIELDS

    # The fields a plain number leaves at their default (a DetailedNumber holds them).
    irregular = False
    suggestion = None
    alternatives = ()
    unit = None
    label = None
    is_percent = False
    numerator = None
    denominator = None
    error = None
    #: What was unusual in how it was written although it was read (Indonesian).
    note = None

    def __new__(cls, value: float | None, raw: object = None, style: str = "none",
                irregular: bool = False, suggestion: str | None = None,
                alternatives: tuple[float, ...] = (), unit: str | None = None,
                label: str | None = None, is_percent: bool = False,
                numerator: float | None = None, denominator: float | None = None,
                error: str | None = None, decimals: int | None = None,
                note: str | None = None) -> Number:
        if irregular is False and suggestion is None and alternatives == () and \
                unit is None and label is None and is_percent is False and \
                numerator is None and denominator is None and error is None and note is None:
            self = _new_object(Number)
        else:
            self = _new_object(DetailedNumber)
            self.irregular = irregular
            self.suggestion = suggestion
            self.alternatives = alternatives
            self.unit = unit
            self.label = label
            self.is_percent = is_percent
            self.numerator = numerator
            self.denominator = denominator
            self.error = error
            self.note = note
        self.value = value
        self.raw = raw
        self.style = style
        self.decimals = decimals
        return self

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Number):  # a plain and a detailed one compare by their fields
            return self._key() == other._key()
        return NotImplemented

    __hash__ = Record.__hash__

    def __repr__(self) -> str:
        return "Number" + Record.__repr__(self)[len(type(self).__qualname__):]

    def __reduce__(self) -> tuple:
        return Number, self._key()

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def blank(self) -> bool:
        return self.value is None and self.error is None


_new_object = object.__new__


class DetailedNumber(Number):
    """A :class:`Number` with a field beyond value, raw, style and decimals: a
    percentage, an error, irregular digit groups, a unit, a label, a ratio, a note."""

    __slots__ = ("irregular", "suggestion", "alternatives", "unit", "label", "is_percent",
                 "numerator", "denominator", "error", "note")
    _fields = _NUMBER_FIELDS


def numeric_cell(value: float) -> Number:
    """``Number(value, value, "number")``, the parse of a finite numeric cell, made without
    the constructor's look at ten default arguments: the reader makes one for every amount
    of a large table (tests/test_parsing.py compares the two)."""
    self = _new_object(Number)
    self.value = self.raw = value
    self.style = "number"
    self.decimals = None
    return self


_RP = re.compile(r"^\s*rp\.?\s*", re.IGNORECASE)
_CORE = re.compile(r"[-+]?\d[\d.,]*")
_LABEL = re.compile(r"\(([^)]*)\)\s*$")


def _strip_currency(s: str) -> tuple[str, bool]:
    m = _RP.match(s)
    if m:
        return s[m.end():], True
    return s, False


def _groups_ok(groups: list[str]) -> bool:
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def _read_core(core: str, kind: str) -> Number:
    """Read the digits-and-separators part of a number. ``kind`` is amount/percent/number."""
    sign = -1.0 if core.startswith("-") else 1.0
    core = core.lstrip("+-")
    if not core or not core[0].isdigit():
        return Number(None, core, error="bukan angka")
    core = core.rstrip(".,")
    has_dot, has_comma = "." in core, "," in core
    if not has_dot and not has_comma:
        return Number(sign * float(core), core, style="plain", decimals=0)
    if has_dot and has_comma:
        last_dot, last_comma = core.rfind("."), core.rfind(",")
        dec_mark, grp_mark, style = (",", ".", "id") if last_comma > last_dot else (".", ",", "en")
        int_part, _, frac = core.rpartition(dec_mark)
        if grp_mark in frac or dec_mark in int_part:
            return _irregular(core, sign)
        groups = int_part.split(grp_mark)
        if not _groups_ok(groups):
            return _irregular(core, sign)
        value = float("".join(groups) + "." + frac)
        return Number(sign * value, core, style=style, decimals=len(frac))
    mark = "." if has_dot else ","
    parts = core.split(mark)
    if len(parts) > 2:
        if _groups_ok(parts):
            return Number(sign * float("".join(parts)), core,
                          style="id" if mark == "." else "en", decimals=0)
        return _irregular(core, sign)
    int_part, frac = parts
    if len(frac) == 3 and len(int_part) <= 3 and kind == "amount" and int_part != "0":
        # 1.500 / 300,000-style grouping of an amount: a thousands separator.
        return Number(sign * float(int_part + frac), core,
                      style="id" if mark == "." else "en", decimals=0)
    if len(frac) == 3 and len(int_part) <= 3 and kind != "percent" and mark == "." and \
            int_part != "0":
        # "1.500" is one thousand five hundred in Indonesian notation.
        return Number(sign * float(int_part + frac), core, style="id", decimals=0)
    if kind == "amount" and len(frac) != 3 and len(frac) != 2:
        return _irregular(core, sign)
    value = float(int_part + "." + frac)
    return Number(sign * value, core, style="id" if mark == "," else "en", decimals=len(frac))


def _irregular(core: str, sign: float) -> Number:
    """Digit groups that fit no notation ("11.100.0000", "1.5.00"): read and suggest."""
    digits = re.sub(r"\D", "", core)
    literal = float(digits) if digits else 0.0
    groups = re.split(r"[.,]", core)
    value = literal
    alternatives: list[float] = []
    # A group of four digits ending in 0 usually means one zero typed too many.
    fixed = [g[:-1] if len(g) == 4 and g.endswith("0") else g for g in groups]
    if fixed != groups and _groups_ok(fixed):
        value = float("".join(fixed))
        alternatives.append(literal)
    elif len(groups) >= 2 and len(groups[-1]) <= 2 and _groups_ok(groups[:-1] + ["000"]):
        # "1.5.00": the last short group may be decimals.
        alternatives.append(float("".join(groups[:-1]) + "." + groups[-1]))
    value *= sign
    return Number(
        value, core, style="irregular", irregular=True,
        suggestion=format_number_id(value),
        alternatives=tuple(sign * a for a in alternatives), decimals=0,
    )


#: "28/51", "31 desa / 36 desa = 86,11%". Compiled on first use (re's cache): only text
#: with a "/" asks, and compiling it cost more than a small report's every other parse.
_RATIO = (
    r"(?i)^\s*(?P<num>[-+]?\d[\d.,]*)\s*(?P<nunit>[^\d/=]*?)\s*/\s*(?P<den>\d[\d.,]*)\s*"
    r"(?P<dunit>[^\d=]*?)\s*(?:(?:=|x\s*100\s*%?\s*=)\s*(?P<res>[-+]?\d[\d.,]*)\s*%?)?\s*$"
)


def parse_number(value: object, kind: str = "number") -> Number:
    """Read a cell as a number.

    ``kind``: ``"amount"`` for rupiah (a comma or dot before three digits groups
    thousands), ``"percent"`` (a comma or dot before the last digits is the decimal mark),
    ``"number"`` otherwise. Accepted: numeric cells, "1.500.000", "1,500,000", "2498499",
    "8.500.000,00", "Rp. 10.893.500", "Rp10.893.500", "24,14%", "53.89%", "68,50 (B-)"
    (label kept), "12 Desa" (unit kept), "28/51" and "31/36 = 86,11%" (ratio kept).
    "-" and "" read as nothing (``value=None``).
    """
    cls = value.__class__
    if cls is float:  # the common cases first: a numeric cell, a typed text
        if value != value or value in (math.inf, -math.inf):
            return Number(None, value)
        return numeric_cell(value)
    if cls is str:
        return _parse_str(value, kind)
    if isinstance(value, CellError):
        return Number(None, value, style="error")
    if isinstance(value, bool):
        return Number(None, value, error="nilai benar/salah, bukan angka")
    if isinstance(value, (int, float)):
        if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
            return Number(None, value)
        return Number(float(value), value, style="number", decimals=None)
    if isinstance(value, (dt.date, dt.datetime, dt.time, dt.timedelta)):
        return Number(None, value, error="berisi tanggal/waktu, bukan angka")
    if is_blank(value):
        return Number(None, value)
    return _parse_text(str(value), kind)


@lru_cache(maxsize=65536)
def _parse_str(value: str, kind: str) -> Number:
    """parse_number of a str (blank or text), memoised as a whole (so _parse_text's own
    memo is not asked again). A text that begins with a digit (most numbers typed as
    text) is never blank: no blank word begins with one."""
    if not value[:1].isdigit() and is_blank(value):
        return Number(None, value)
    return _parse_text.__wrapped__(value, kind)


#: A number typed as text with nothing around it but "Rp" and "%" ("1.500.000",
#: "Rp 10.893.500", "24,14%"): most text numbers of a report. Read without the detours of
#: :func:`_parse_text_general`, which gives the same Number for these (no label, unit,
#: ratio, trailing ",-" or invisible character; tests/test_parsing.py compares them).
_SIMPLE = re.compile(r"\s*(?:rp\.?\s*)?([-+]?\d[\d.,]*)\s*(%)?\s*", re.IGNORECASE)


@lru_cache(maxsize=65536)
def _parse_text(raw: str, kind: str) -> Number:
    """parse_number for text; memoised, since a table repeats the same texts ("-", "0",
    "100%") many times and Number is immutable."""
    m = _SIMPLE.fullmatch(raw) if raw.isascii() else None
    if m is None:
        return _parse_text_general(raw, kind)
    is_percent = m.group(2) is not None
    return _number_of_core(raw, m.group(1), kind, is_percent, None, None, False)


def _parse_text_general(raw: str, kind: str) -> Number:
    """parse_number for any text: currency, labels, units, ratios, invisible characters."""
    s, invisible = _visible(raw)
    s = s.strip()
    s, had_rp = _strip_currency(s)
    # "Rp. 3.000.000,-": the ",-" (no cents) of Indonesian bookkeeping
    s = re.sub(r"(?<=\d)\s*[,.]\s*-+\s*$", "", s)
    if is_blank(s):
        return Number(None, raw)
    label = None
    m = _LABEL.search(s)
    if m and _CORE.search(s[: m.start()]):
        label = m.group(1).strip() or None
        s = s[: m.start()].strip()
    ratio = re.match(_RATIO, s) if "/" in s else None
    if ratio:
        return _read_ratio(ratio, raw, label)
    is_percent = "%" in s
    s_no_pct = s.replace("%", " ").strip()
    m = re.match(r"^([-+]?\s*\d[\d.,\s]*?)\s*([A-Za-z][\w\s.\-/]*)?$", s_no_pct)
    if not m:
        return Number(None, raw, error="bukan angka")
    core = re.sub(r"\s+", "", m.group(1))
    unit = (m.group(2) or "").strip() or None
    if unit and unit.lower() in {"rupiah", "rp", "rp."}:
        return Number(None, raw, error="angka bercampur teks")
    if unit and had_rp:
        return Number(None, raw, error="angka bercampur teks")
    if unit and kind == "amount":
        # "1.500.000 rupiah" is handled above; any other word makes it text, not an amount
        return Number(None, raw, error="angka bercampur teks")
    return _number_of_core(raw, core, kind, is_percent, unit, label, invisible)


def _number_of_core(raw: str, core: str, kind: str, is_percent: bool, unit: str | None,
                    label: str | None, invisible: bool) -> Number:
    """The Number of a text whose digits-and-separators part is ``core``: the reading of
    the core, given the text's own raw, unit, label and marks. _read_core makes a new
    Number that nothing else holds yet, so it takes the text as its raw rather than being
    copied (one Number a text instead of two, for most texts: those without a unit, a
    label, a "%" or an invisible character; its numerator, denominator and error stay
    None)."""
    num = _read_core(core, "percent" if is_percent else kind)
    if num.error:
        return Number(None, raw, error=num.error)
    if num.value is not None and not math.isfinite(num.value):
        return Number(None, raw, error="angka terlalu besar")
    if unit is None and label is None and not is_percent and not invisible:
        num.raw = raw
        return num
    return Number(num.value, raw, num.style, num.irregular, num.suggestion, num.alternatives,
                  unit, label, is_percent, num.numerator, num.denominator, num.error,
                  num.decimals,
                  "berisi karakter yang tidak terlihat (spasi lebar nol)" if invisible else None)


def _read_ratio(m: re.Match, raw: str, label: str | None) -> Number:
    num = _read_core(m.group("num"), "number")
    den = _read_core(m.group("den"), "number")
    if num.error or den.error or num.value is None or den.value is None:
        return Number(None, raw, error="rasio tidak terbaca")
    res = m.group("res")
    unit = (m.group("nunit") or m.group("dunit") or "").strip() or None
    if res:
        stated = _read_core(res, "percent")
        value, decimals = stated.value, stated.decimals
        is_percent = True
    else:
        value = num.value / den.value * 100 if den.value else None
        decimals, is_percent = None, True
    return Number(
        value, raw, style="ratio", unit=unit, label=label, is_percent=is_percent,
        numerator=num.value, denominator=den.value, decimals=decimals,
    )


def parse_percent(value: object) -> Number:
    """Read a percentage and return it in percentage points (24,14% -> 24.14).

    A numeric cell at most 2 is a fraction as Excel stores a %-formatted cell (0.2414 ->
    24.14, 1.17 -> 117); a larger one is already in points (24.14 -> 24.14). Text is read as
    written: "24,14%", "53.89%", "24,14", "100".
    """
    if value.__class__ is float:  # a numeric cell: the same as below, without a detour
        if value != value or value in (math.inf, -math.inf):
            return Number(None, value)
        if abs(value) <= 2:
            return Number(round(value * 100, 10), value, style="number", is_percent=True)
        return Number(value, value, style="number", is_percent=True)
    if value.__class__ is str:
        return _percent_str(value)
    return _percent(value)


@lru_cache(maxsize=65536)
def _percent_str(value: str) -> Number:
    return _percent(value)


def _percent(value: object) -> Number:
    num = parse_number(value, kind="percent")
    if num.value is None or num.style == "ratio":
        return num
    if num.unit and normalise_text(num.unit) not in ("persen", "prosen", "percent"):
        # "1 Jan s/d Maret 2023" in a percent cell is text, not the percentage 1
        return Number(None, num.raw, error="angka bercampur teks")
    if num.style == "number" and abs(num.value) <= 2:
        v = round(num.value * 100, 10)
        return Number(v, num.raw, style="number", is_percent=True, decimals=None)
    if num.is_percent:  # "24,14%": the copy below would equal it field for field
        return num
    return Number(
        num.value, num.raw, style=num.style, irregular=num.irregular, suggestion=num.suggestion,
        alternatives=num.alternatives, unit=num.unit, label=num.label, is_percent=True,
        decimals=num.decimals, numerator=num.numerator, denominator=num.denominator,
        note=num.note,
    )


def decimals_typed(num: Number, default: int = 2) -> int:
    """How many decimals the user showed; numeric cells count as the template's 2."""
    return default if num.decimals is None else num.decimals


# ---------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------


class DateValue(Record):
    """A parsed date cell: the date, what was typed, why it could not be read."""

    __slots__ = ("value", "raw", "error", "style")

    def __init__(self, value: dt.date | None, raw: object = None, error: str | None = None,
                 style: str = "none"):
        self.value = value
        self.raw = raw
        self.error = error
        self.style = style

    @property
    def ok(self) -> bool:
        return self.error is None


#: Day names as written before a date in letters ("Rabu, 23 Agustus 2023"), Monday = 0.
_WEEKDAYS = {"senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4,
             "jum at": 4, "sabtu": 5, "minggu": 6, "ahad": 6, "monday": 0, "tuesday": 1,
             "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
#: A day name before a date. Compiled on first use (re's cache), by text that starts with
#: a letter: most dates are typed from their day of the month.
_WEEKDAY = (r"(?i)^(senin|selasa|rabu|kamis|jum'?at|jum at|sabtu|minggu|ahad|monday|"
            r"tuesday|wednesday|thursday|friday|saturday|sunday)\s*[,.]?\s+")


_EXCEL_EPOCH = dt.date(1899, 12, 30)


def parse_date(value: object) -> DateValue:
    """Read a date: Excel dates and datetimes, a serial number, "31 Januari 2024",
    "31-01-2024", "31/01/2024", "2024-01-31", "31 Jan 2024". An impossible date such as
    "31 Februari 2024" is an error, never moved to a neighbouring day."""
    if isinstance(value, dt.datetime):
        return DateValue(value.date(), value, style="date")
    if isinstance(value, dt.date):
        return DateValue(value, value, style="date")
    if isinstance(value, bool):
        return DateValue(None, value, error="bukan tanggal")
    if isinstance(value, (int, float)):
        if isinstance(value, float) and math.isnan(value):
            return DateValue(None, value)
        if 1 <= value < 2958466:
            return DateValue(_EXCEL_EPOCH + dt.timedelta(days=int(value)), value, style="serial")
        return DateValue(None, value, error="angka ini bukan tanggal")
    if isinstance(value, CellError):
        return DateValue(None, value, style="error")
    if is_blank(value):
        return DateValue(None, value)
    raw = str(value)
    s = " ".join(_visible(raw)[0].split()).strip().rstrip(".")
    day = re.match(_WEEKDAY, s) if s[:1].isalpha() else None
    if day:
        # "Rabu, 23 Agustus 2023", as dated letters are written: read the date and check
        # the day name against it; a mismatch means one of them is wrong.
        d = parse_date(s[day.end():])
        if d.value is None:
            return DateValue(None, raw, error=d.error)
        named = _WEEKDAYS[day.group(1).lower().replace("\u2019", "'")]
        if named != d.value.weekday():
            return DateValue(None, raw, error=(
                f"hari {day.group(1).capitalize()} tidak cocok dengan tanggalnya "
                f"({format_date_id(d.value)} jatuh pada hari {HARI[d.value.weekday()]})"))
        return DateValue(d.value, raw, style="hari_" + d.style)
    m = re.fullmatch(r"(\d{1,2})\s*[ .\-]?\s*([A-Za-z]+)\.?\s*[ .\-,]?\s*(\d{4})", s)
    if m:
        month = _MONTH_LOOKUP.get(m.group(2).lower())
        if month is None:
            return DateValue(None, raw, error=f"nama bulan '{m.group(2)}' tidak dikenal")
        return _make_date(int(m.group(3)), month, int(m.group(1)), raw, "teks")
    m = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?", s)
    if m:
        return _make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)), raw, "iso")
    m = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", s)
    if m:
        return _make_date(int(m.group(3)), int(m.group(2)), int(m.group(1)), raw, "dmy")
    return DateValue(None, raw, error="tidak dikenali sebagai tanggal")


def _make_date(year: int, month: int, day: int, raw: object, style: str) -> DateValue:
    if not 1 <= month <= 12:
        return DateValue(None, raw, error=f"bulan {month} tidak ada")
    try:
        return DateValue(dt.date(year, month, day), raw, style=style)
    except ValueError:
        return DateValue(None, raw, error=f"tanggal {day} {MONTHS_ID[month - 1]} {year} tidak ada")


# ---------------------------------------------------------------------------------------
# Budget codes (Permendagri 90/2019)
# ---------------------------------------------------------------------------------------

_CODE_WIDTHS = (1, 2, 2, 1, 2, 4)
LEVELS = {3: "program", 5: "kegiatan", 6: "subkegiatan"}


_CODE_FIELDS = ("canonical", "raw", "level", "irregular", "error", "name")


class BudgetCode(Record):
    """A Permendagri 90/2019 code: ``canonical`` is X.XX.XX.X.XX.XXXX (cut to its level),
    ``raw`` the text as typed, ``level`` program / kegiatan / subkegiatan, ``name`` the
    name typed after the code in the same cell ("7.01.02.2.01.0001 Koordinasi ...").

    Immutable by convention (parses are shared through a cache). A slotted class rather
    than a frozen dataclass, like :class:`Number`: every row of a budget table makes one,
    and the frozen dataclass took a third of reading a 100,000-row Anggaran. Equality,
    hashing and repr are the dataclass's (tests/test_parsing.py compares them)."""

    __slots__ = (*_CODE_FIELDS, "_parent")
    _fields = _CODE_FIELDS

    def __init__(self, canonical: str | None, raw: object, level: str | None = None,
                 irregular: bool = False, error: str | None = None, name: str | None = None):
        self.canonical = canonical
        self.raw = raw
        self.level = level
        self.irregular = irregular
        self.error = error
        self.name = name
        #: :attr:`parent` once asked (``...`` until then)
        self._parent = ...

    @property
    def segments(self) -> tuple[str, ...]:
        return tuple(self.canonical.split(".")) if self.canonical else ()

    @property
    def parent(self) -> str | None:
        """The code one level up: a sub kegiatan's kegiatan (its first five segments), a
        kegiatan's program (its first three); None for a program. Cut from the text once
        and kept (the network and the rules ask for every budget row's), interned: the
        sub kegiatan of one kegiatan share one string (5 MB at 100.000 rows)."""
        p = self._parent
        if p is ...:
            p = self._parent = _parent_code(self.canonical)
        return p

    @property
    def program(self) -> str | None:
        return ".".join(self.segments[:3]) if self.segments else None


def _parent_code(c: str | None) -> str | None:
    """:attr:`BudgetCode.parent` of a canonical code: cut from the text, not split and
    joined again."""
    if not c:
        return None
    dots = c.count(".")
    if dots == 5:
        return intern(c.rpartition(".")[0])
    if dots == 4:
        return intern(c.rsplit(".", 2)[0])
    return None


#: The length of a code typed canonically (_CANONICAL) -> the length of its parent.
_PARENT_CUT = {17: 12, 12: 7}


def parse_code(value: object) -> BudgetCode:
    """Normalise a budget code: "7.01.03.2 .01.03" -> "7.01.03.2.01.0003",
    "7.01.03. 2.06" -> "7.01.03.2.06". Widths are padded with zeros; the typed text stays in
    ``raw`` and ``irregular`` says whether it differed from the canonical form."""
    if value.__class__ is str and _CANONICAL.fullmatch(value):
        return _canonical_code(value)
    if is_blank(value):
        return BudgetCode(None, value)
    return _parse_code_text(str(value))


def _canonical_code(value: str) -> BudgetCode:
    """parse_code of a code typed canonically (what _CANONICAL matches). Most codes are
    typed right: made at once, not through the cache, where a large table's codes (each
    different) would only push one another out, and without the constructor's call:
    BudgetCode(value, value, level=...), field by field (tests/test_reader_fast.py
    compares them), with its parent cut at the fixed place of the widths."""
    code = _new_object(BudgetCode)
    code.canonical = code.raw = value
    n = len(value)
    code.level = _LEVEL_OF_LENGTH[n]
    code.irregular = False
    code.error = code.name = None
    cut = _PARENT_CUT.get(n)
    code._parent = intern(value[:cut]) if cut else None
    return code


#: The length of a code typed canonically -> its level.
_LEVEL_OF_LENGTH = {7: "program", 12: "kegiatan", 17: "subkegiatan"}
#: What _CANONICAL matches in ASCII, every digit written 0 (:func:`canonical_codes`).
_CANONICAL_SHAPES = frozenset((b"0.00.00", b"0.00.00.0.00", b"0.00.00.0.00.0000"))
_DIGITS_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")


def canonical_codes(raws: list[object], blank: BudgetCode) -> list[BudgetCode] | None:
    """parse_code of each of ``raws`` (``blank`` for None) when every other one is a code
    typed canonically, asked of the column at once; else None. A large table's codes
    mostly are, and the pattern asked code by code was half of parsing them: an ASCII text
    is what _CANONICAL matches when, its digits written 0, it is one of the three shapes
    (the texts joined by newlines, translated and split once)."""
    present = [v for v in raws if v is not None]
    if set(map(type, present)) != {str}:
        return None
    joined = "\n".join(present)
    if not joined.isascii() or not set(joined.encode("ascii").translate(
            _DIGITS_AS_ZERO).split(b"\n")) <= _CANONICAL_SHAPES:
        return None
    return [blank if v is None else _canonical_code(v) for v in raws]


#: "7.01.02.2.01.0001 Koordinasi ..." / "7.01.02 - PROGRAM ...": a code, then a name.
_CODE_AND_NAME = re.compile(r"^\s*(\d+(?:\s*\.\s*\d+){2,})\s*[-:.]?\s+([A-Za-z].*)$", re.S)
_SPACES = re.compile(r"\s+")
_DOTTED = re.compile(r"\d+(\.\d+)*")
#: A code typed exactly in its canonical form (what _parse_code_text would return as is).
_CANONICAL = re.compile(r"\d\.\d\d\.\d\d(?:\.\d\.\d\d(?:\.\d\d\d\d)?)?")


@lru_cache(maxsize=65536)
def _parse_code_text(raw: str) -> BudgetCode:
    named = _CODE_AND_NAME.match(raw.replace("\u00a0", " "))
    if named:
        # The code and its name typed in one cell: the code is the code, the name is noted.
        code = _parse_code_text(named.group(1))
        if code.canonical:
            return BudgetCode(code.canonical, raw, level=code.level, irregular=True,
                              name=" ".join(named.group(2).split()))
    s = _SPACES.sub("", raw.replace("\u00a0", "")).strip(".")
    s = s.replace(",", ".")
    if not _DOTTED.fullmatch(s):
        return BudgetCode(None, raw, error="kode tidak berbentuk angka bertitik")
    segs = [x for x in s.split(".") if x != ""]
    level = LEVELS.get(len(segs))
    if level is None:
        return BudgetCode(None, raw, error=f"kode terdiri dari {len(segs)} bagian; "
                                             "seharusnya 3 (program), 5 (kegiatan) atau 6")
    out = []
    for seg, width in zip(segs, _CODE_WIDTHS, strict=False):
        if len(seg) > width:
            stripped = seg.lstrip("0") or "0"
            if len(stripped) > width:
                return BudgetCode(None, raw, error=f"bagian '{seg}' terlalu panjang")
            seg = stripped
        out.append(seg.zfill(width))
    canonical = ".".join(out)
    return BudgetCode(canonical, raw, level=level, irregular=canonical != raw.strip())


# ---------------------------------------------------------------------------------------
# NIP, pangkat/golongan, small enumerations
# ---------------------------------------------------------------------------------------


class NipInfo(Record):
    """An 18-digit NIP split into its parts; ``problems`` lists what does not fit."""

    __slots__ = ("digits", "raw", "birth_date", "tmt_cpns", "sex", "serial", "problems")

    def __init__(self, digits: str | None, raw: object, birth_date: dt.date | None = None,
                 tmt_cpns: tuple[int, int] | None = None, sex: str | None = None,
                 serial: str | None = None, problems: tuple[str, ...] = ()):
        self.digits = digits
        self.raw = raw
        self.birth_date = birth_date
        self.tmt_cpns = tmt_cpns
        self.sex = sex
        self.serial = serial
        self.problems = problems

    @property
    def formatted(self) -> str | None:
        d = self.digits
        if not d or len(d) != 18:
            return d
        return f"{d[:8]} {d[8:14]} {d[14]} {d[15:]}"


def parse_nip(value: object) -> NipInfo:
    """Split "19700929 199302 1 002" into birth date, TMT CPNS, sex and serial, and list
    what is wrong: not 18 digits, no such birth date, TMT before the 18th birthday, a sex
    digit other than 1 or 2."""
    if is_blank(value):
        return NipInfo(None, value)
    raw = value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    s = re.sub(r"^\s*nip\.?\s*:?\s*", "", str(value), flags=re.IGNORECASE)
    digits = re.sub(r"[\s.\-]", "", s)
    if not digits.isdigit():
        return NipInfo(None, raw, problems=("NIP berisi selain angka",))
    if len(digits) != 18:
        return NipInfo(digits, raw, problems=(f"NIP terdiri dari {len(digits)} angka, "
                                              "seharusnya 18",))
    problems = []
    birth = None
    try:
        birth = dt.date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        problems.append(f"tanggal lahir {digits[6:8]}-{digits[4:6]}-{digits[0:4]} tidak ada")
    tmt_y, tmt_m = int(digits[8:12]), int(digits[12:14])
    tmt = (tmt_y, tmt_m)
    if not 1 <= tmt_m <= 12:
        problems.append(f"bulan TMT CPNS {tmt_m:02d} tidak ada")
    elif birth is not None:
        eighteen = (birth.year + 18, birth.month)
        if tmt < eighteen:
            problems.append(
                f"TMT CPNS {MONTHS_ID[tmt_m - 1]} {tmt_y} sebelum usia 18 tahun "
                f"(lahir {birth.day} {MONTHS_ID[birth.month - 1]} {birth.year})")
    sex_digit = digits[14]
    sex = {"1": "L", "2": "P"}.get(sex_digit)
    if sex is None:
        problems.append(f"digit jenis kelamin {sex_digit}, seharusnya 1 atau 2")
    return NipInfo(digits, raw, birth, tmt, sex, digits[15:], tuple(problems))


class PangkatInfo(Record):
    """A parsed pangkat/golongan cell, and whether the two agree."""

    __slots__ = ("pangkat", "golongan", "raw", "consistent", "expected_pangkat")

    def __init__(self, pangkat: str | None, golongan: str | None, raw: object,
                 consistent: bool | None = None, expected_pangkat: str | None = None):
        self.pangkat = pangkat
        self.golongan = golongan
        self.raw = raw
        self.consistent = consistent
        self.expected_pangkat = expected_pangkat


def _canon_pangkat(text: str) -> str:
    t = normalise_text(text)
    t = re.sub(r"\btk\b|\btkt\b|\btingkat\b", "tingkat", t)
    t = re.sub(r"\bi\b$", "i", t)
    return " ".join(t.split())


def parse_pangkat(value: object) -> PangkatInfo:
    """Read "Penata Tk. I (III/d)", "Penata Tk. I, III/d", "III/a" and say whether pangkat
    and golongan belong together."""
    if is_blank(value):
        return PangkatInfo(None, None, value)
    raw = str(value)
    m = re.search(r"\b(IV|III|II|I)\s*/\s*([a-eA-E])\b", raw)
    golongan = f"{m.group(1)}/{m.group(2).lower()}" if m else None
    rest = raw
    if m:
        rest = raw[: m.start()] + raw[m.end():]
    rest = re.sub(r"[(),]", " ", rest).strip(" -/")
    pangkat = " ".join(rest.split()) or None
    if golongan is None or pangkat is None or golongan not in GOLONGAN_PANGKAT:
        return PangkatInfo(pangkat, golongan, raw)
    expected = GOLONGAN_PANGKAT[golongan]
    consistent = _canon_pangkat(pangkat) == _canon_pangkat(expected)
    return PangkatInfo(pangkat, golongan, raw, consistent, expected)


_QUARTERS = {"i": 1, "1": 1, "ii": 2, "2": 2, "iii": 3, "3": 3, "iv": 4, "4": 4}


def parse_quarter(value: object) -> int | None:
    """"TW II", "Triwulan III", "II", 2 -> 2; anything else -> None."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return int(value) if value in (1, 2, 3, 4) else None
    if is_blank(value):
        return None
    s = normalise_text(value)
    s = re.sub(r"^(tw|triwulan|tribulan|trw|q)\s*", "", s).strip()
    return _QUARTERS.get(s)


_YES = {"terlaksana", "ya", "y", "sudah", "v", "x", "\u221a", "\u2713", "\u2714", "1", "true",
        "ok", "tepat waktu", "selesai"}
_NO = {"belum", "belum terlaksana", "tidak", "t", "n", "0", "false", "tidak terlaksana", "no"}


def parse_yes_no(value: object) -> bool | None:
    """Terlaksana / ✓ / ya -> True; Belum / tidak -> False; blank or unknown -> None."""
    if isinstance(value, bool):
        return value
    if is_blank(value):
        return None
    s = str(value).strip().lower()
    if s in _YES:
        return True
    if s in _NO or s.startswith("belum"):
        return False
    return None


# ---------------------------------------------------------------------------------------
# Indonesian display: kept for existing callers, written by lkj_excel.formatting
# ---------------------------------------------------------------------------------------


def format_number_id(value: float | None, decimals: int = 0) -> str:
    """1500000 -> "1.500.000" (see :func:`lkj_excel.formatting.number`)."""
    return _fmt.number(value, decimals)


def format_percent_id(points: float | None, decimals: int = 2) -> str:
    """24.14 (percentage points) -> "24,14%"."""
    return _fmt.percent(points, decimals)


def format_date_id(value: dt.date | None) -> str:
    """date(2024, 1, 31) -> "31 Januari 2024"."""
    return _fmt.date(value)


# ---------------------------------------------------------------------------------------
# Village documents reported by status instead of date
# ---------------------------------------------------------------------------------------


class DocStatusWord(Record):
    """A Desa date cell that says how a document stands instead of when it was set:
    ``"tepat waktu"``, ``"terlambat"`` or ``"belum"`` (seed 004 counts "0 + 0 + 10" with no
    dates)."""

    __slots__ = ("status", "error")

    def __init__(self, status: str, error: None = None):
        self.status = status
        self.error = error


_DOC_STATUS = {"tepat waktu": "tepat waktu", "tepat": "tepat waktu", "ya": "tepat waktu",
               "terlambat": "terlambat", "tidak tepat waktu": "terlambat",
               "tidak tepat": "terlambat", "belum": "belum", "belum ada": "belum",
               "tidak ada": "belum", "belum disusun": "belum", "belum ditetapkan": "belum"}


def doc_status_word(value: object) -> str | None:
    """"Tepat waktu" / "terlambat" / "belum" (and close spellings) -> the status; else None."""
    if is_blank(value) or not isinstance(value, str):
        return None
    return _DOC_STATUS.get(normalise_text(value).strip(" ."))
