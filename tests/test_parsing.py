"""Every form of domain.md "How numbers are written", table-driven, and the other parsers."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lkj_excel import parsing as P
from lkj_excel.parsing import (
    format_date_id,
    format_number_id,
    format_percent_id,
    is_blank,
    parse_code,
    parse_date,
    parse_nip,
    parse_number,
    parse_pangkat,
    parse_percent,
    parse_quarter,
    parse_yes_no,
)

AMOUNTS = [
    ("1.500.000", 1_500_000, "id"),
    ("1,500,000", 1_500_000, "en"),
    ("2498499", 2_498_499, "plain"),
    ("8.500.000,00", 8_500_000, "id"),
    ("Rp. 10.893.500", 10_893_500, "id"),
    ("Rp10.893.500", 10_893_500, "id"),
    ("Rp 107.244.500", 107_244_500, "id"),
    ("300,000", 300_000, "en"),
    ("1.500", 1_500, "id"),
    ("0,00", 0, "id"),
    (23500000, 23_500_000, "number"),
    (1.5, 1.5, "number"),
    ("-1.500.000", -1_500_000, "id"),
]


@pytest.mark.parametrize("text,value,style", AMOUNTS)
def test_amounts(text, value, style):
    n = parse_number(text, kind="amount")
    assert n.value == value
    assert n.style == style
    assert not n.irregular and n.error is None


@pytest.mark.parametrize("text", ["-", "", "  ", None, "\u2013", "Rp -", "Rp. -"])
def test_nothing(text):
    n = parse_number(text, kind="amount")
    assert n.value is None and n.error is None and n.blank


PERCENTS = [
    ("53.89%", 53.89, 2, "en"),
    ("24,14%", 24.14, 2, "id"),
    ("75,86 %", 75.86, 2, "id"),
    ("100%", 100.0, 0, "plain"),
    ("100", 100.0, 0, "plain"),
    (0.2414, 24.14, None, "number"),
    (24.14, 24.14, None, "number"),
    (1.17, 117.0, None, "number"),
    ("91,50%", 91.5, 2, "id"),
]


@pytest.mark.parametrize("text,value,decimals,style", PERCENTS)
def test_percentages(text, value, decimals, style):
    p = parse_percent(text)
    assert p.value == pytest.approx(value)
    assert p.decimals == decimals
    assert p.style == style


def test_number_with_label():
    n = parse_number("68,50 (B-)")
    assert n.value == 68.5 and n.label == "B-"


@pytest.mark.parametrize("text,value,unit", [
    ("12 Desa", 12, "Desa"), ("3 Laporan", 3, "Laporan"), ("12 bulan", 12, "bulan"),
    ("5 Lembaga Kemsyarakatan", 5, "Lembaga Kemsyarakatan"),
])
def test_number_with_unit(text, value, unit):
    n = parse_number(text)
    assert n.value == value and n.unit == unit and n.error is None


def test_ratio_plain():
    n = parse_number("28/51")
    assert (n.numerator, n.denominator) == (28, 51)
    assert n.value == pytest.approx(54.90196, abs=1e-4)
    assert n.style == "ratio"


def test_ratio_with_stated_result():
    n = parse_number("31/36 = 86,11%")
    assert (n.numerator, n.denominator) == (31, 36)
    assert n.value == 86.11 and n.decimals == 2 and n.is_percent


def test_ratio_with_units():
    n = parse_number("28 aktivitas / 51 aktivitas = 54,90%")
    assert (n.numerator, n.denominator, n.value) == (28, 51, 54.9)
    assert n.unit == "aktivitas"


def test_malformed_group_of_four_is_flagged_with_suggestion():
    n = parse_number("11.100.0000", kind="amount")
    assert n.irregular
    assert n.value == 11_100_000
    assert n.suggestion == "11.100.000"
    assert 111_000_000 in n.alternatives


def test_malformed_short_group_is_flagged():
    n = parse_number("1.5.00", kind="amount")
    assert n.irregular
    assert n.value == 1_500
    assert n.suggestion == "1.500"


@pytest.mark.parametrize("text", ["dua juta", "1.500.000 rupiah", "Rp 1,5 jt", "abc"])
def test_text_is_an_error_not_a_guess(text):
    n = parse_number(text, kind="amount")
    assert n.value is None and n.error


def test_boolean_and_date_are_not_numbers():
    assert parse_number(True).error
    assert parse_number(dt.date(2024, 1, 1)).error


DATES = [
    ("31 Januari 2024", dt.date(2024, 1, 31)),
    ("02 Januari 2023", dt.date(2023, 1, 2)),
    ("31-01-2024", dt.date(2024, 1, 31)),
    ("31/01/2024", dt.date(2024, 1, 31)),
    ("2024-01-31", dt.date(2024, 1, 31)),
    ("23 Agustus 2023", dt.date(2023, 8, 23)),
    ("31 Jan 2024", dt.date(2024, 1, 31)),
    ("29 Februari 2024", dt.date(2024, 2, 29)),
    (dt.datetime(2024, 1, 31, 0, 0), dt.date(2024, 1, 31)),
    (dt.date(2024, 1, 31), dt.date(2024, 1, 31)),
    (45322, dt.date(2024, 1, 31)),
]


@pytest.mark.parametrize("text,value", DATES)
def test_dates(text, value):
    d = parse_date(text)
    assert d.value == value and d.error is None


@pytest.mark.parametrize("text,why", [
    ("31 Februari 2024", "31 Februari 2024 tidak ada"),
    ("29 Februari 2023", "29 Februari 2023 tidak ada"),
    ("31/13/2024", "bulan 13 tidak ada"),
    ("32-01-2024", "tanggal 32 Januari 2024 tidak ada"),
    ("akhir Maret", "tidak dikenali"),
])
def test_impossible_dates_are_errors(text, why):
    d = parse_date(text)
    assert d.value is None
    assert why in d.error


CODES = [
    ("7.01.03.2 .01.03", "7.01.03.2.01.0003", "subkegiatan", True),
    ("7.01.03. 2.06", "7.01.03.2.06", "kegiatan", True),
    ("7.01.01.2.01.01", "7.01.01.2.01.0001", "subkegiatan", True),
    ("7.01.03.2.06.03", "7.01.03.2.06.0003", "subkegiatan", True),
    ("7.01.01", "7.01.01", "program", False),
    ("7.01.01.2.01", "7.01.01.2.01", "kegiatan", False),
    ("7.01.01.2.01.0001", "7.01.01.2.01.0001", "subkegiatan", False),
]


@pytest.mark.parametrize("raw,canonical,level,irregular", CODES)
def test_budget_codes(raw, canonical, level, irregular):
    c = parse_code(raw)
    assert (c.canonical, c.level, c.irregular, c.raw) == (canonical, level, irregular, raw)


def test_code_parents():
    c = parse_code("7.01.03.2 .01.03")
    assert c.parent == "7.01.03.2.01" and c.program == "7.01.03"
    assert parse_code("7.01.03.2.01").parent == "7.01.03"


@pytest.mark.parametrize("raw", ["7.01", "7.01.01.2", "abc", "7.01.01.2.01.00001x"])
def test_bad_codes(raw):
    assert parse_code(raw).error


def test_nip_parts():
    n = parse_nip("19700929 199302 1 002")
    assert n.digits == "197009291993021002"
    assert n.birth_date == dt.date(1970, 9, 29)
    assert n.tmt_cpns == (1993, 2)
    assert n.sex == "L" and n.serial == "002" and n.problems == ()
    assert n.formatted == "19700929 199302 1 002"


@pytest.mark.parametrize("raw,problem", [
    ("19700229 199302 1 002", "tanggal lahir 29-02-1970 tidak ada"),
    ("19700929 198502 1 002", "sebelum usia 18 tahun"),
    ("19700929 199302 3 002", "digit jenis kelamin 3"),
    ("19700929 199313 1 002", "bulan TMT CPNS 13"),
    ("19700929 199302 1 02", "17 angka"),
])
def test_nip_problems(raw, problem):
    assert any(problem in p for p in parse_nip(raw).problems)


@pytest.mark.parametrize("raw,golongan,consistent", [
    ("Penata Tk. I (III/d)", "III/d", True),
    ("Penata Tk. I, III/d", "III/d", True),
    ("Penata Muda Tk. I ( III/b)", "III/b", True),
    ("Pengatur (II/c)", "II/c", True),
    ("Pengatur Tk.I (III/a)", "III/a", False),
    ("Pembina (IV/a)", "IV/a", True),
])
def test_pangkat(raw, golongan, consistent):
    p = parse_pangkat(raw)
    assert p.golongan == golongan and p.consistent is consistent


def test_quarter_and_yes_no_and_blank():
    assert [parse_quarter(x) for x in ("TW II", "Triwulan III", "IV", 1, "V")] == [2, 3, 4, 1,
                                                                                  None]
    assert [parse_yes_no(x) for x in ("Terlaksana", "\u221a", "Belum", "belum terlaksana",
                                      "", "entah")] == [True, True, False, False, None, None]
    assert is_blank("-") and is_blank(None) and not is_blank("0")


def test_indonesian_formatting():
    assert format_number_id(1_500_000) == "1.500.000"
    assert format_percent_id(24.14) == "24,14%"
    assert format_date_id(dt.date(2024, 1, 31)) == "31 Januari 2024"


# A number typed as text with only "Rp" around it and "%" after it takes a short way
# (parsing._SIMPLE); it must read exactly as the general reading does.
_simple_texts = st.builds(
    lambda lead, rp, sign, digits, seps, pct, trail: (
        lead + rp + sign + "".join(d + s for d, s in zip(digits, seps[:len(digits)], strict=True))
        + pct + trail),
    st.sampled_from(["", " ", "  ", "\t"]),
    st.sampled_from(["", "Rp", "Rp.", "Rp ", "rp. ", "RP"]),
    st.sampled_from(["", "-", "+"]),
    st.lists(st.sampled_from(["0", "1", "5", "12", "150", "500", "0000", "7"]),
             min_size=1, max_size=5),
    st.lists(st.sampled_from(["", ".", ",", ".", ","]), min_size=5, max_size=5),
    st.sampled_from(["", "%", " %"]),
    st.sampled_from(["", " ", "\n"]),
)


@settings(max_examples=600, deadline=None)
@given(_simple_texts, st.sampled_from(["amount", "percent", "number"]))
def test_simple_text_numbers_read_as_the_general_way(text, kind):
    from lkj_excel.parsing import _parse_text, _parse_text_general

    assert parsing_simple(text), text  # the generator makes only short-way texts
    assert _parse_text(text, kind) == _parse_text_general(text, kind)


def parsing_simple(text: str) -> bool:
    from lkj_excel.parsing import _SIMPLE

    return _SIMPLE.fullmatch(text) is not None


@pytest.mark.parametrize("text", ["1.500.000", "Rp 10.893.500", "Rp10.893.500", "24,14%",
                                  "53.89 %", " -1.500,50 ", "11.100.0000", "1.5.00", "0,385"])
def test_simple_text_examples(text):
    from lkj_excel.parsing import _parse_text, _parse_text_general

    for kind in ("amount", "percent", "number"):
        assert _parse_text(text, kind) == _parse_text_general(text, kind)


@pytest.mark.parametrize("text, parent", [
    ("7.01.02.2.01.0001", "7.01.02.2.01"), ("7.01.02.2.01", "7.01.02"), ("7.01.02", None)])
def test_budget_code_parent_by_level(text, parent):
    assert parse_code(text).parent == parent


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["7", "01", "2", "0001", ""]), min_size=1, max_size=8))
def test_budget_code_parent_cuts_the_text_as_segments_would(segs):
    """parent cuts the canonical text; the definition is the first five segments of six,
    the first three of five."""
    from lkj_excel.parsing import BudgetCode

    code = BudgetCode(".".join(segs), None)
    want = ".".join(segs[:5]) if len(segs) == 6 else ".".join(segs[:3]) \
        if len(segs) == 5 else None
    assert code.parent == (want if code.canonical else None)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(
    "ab 1.,%-\u200b\u200c\u200d\u2060\ufeff\u00ad\u00a0\u202f\u2007\u2009\u2002\u2003"
    "\u00e9\u2010\u3000\u200a\t")))
def test_visible_is_the_regular_expressions_it_replaced(text):
    """parsing._visible (translation tables, ASCII left alone) against the two regular
    expressions it replaced."""
    import re

    cleaned = re.sub("[\u200b\u200c\u200d\u2060\ufeff\u00ad]", "", text)
    slow = (re.sub("[\u00a0\u202f\u2007\u2009\u2002\u2003]", " ", cleaned), cleaned != text)
    assert P._visible(text) == slow


def _number_of_core_reference(raw, core, kind, is_percent, unit, label, invisible):
    """parsing._number_of_core as it was before it completed _read_core's Number instead
    of copying it into a second one (git b1b80c7)."""
    import math

    from lkj_excel.parsing import Number, _read_core

    num = _read_core(core, "percent" if is_percent else kind)
    if num.error:
        return Number(None, raw, error=num.error)
    if num.value is not None and not math.isfinite(num.value):
        return Number(None, raw, error="angka terlalu besar")
    return Number(
        num.value, raw, style=num.style, irregular=num.irregular, suggestion=num.suggestion,
        alternatives=num.alternatives, unit=unit, label=label, is_percent=is_percent,
        decimals=num.decimals,
        note="berisi karakter yang tidak terlihat (spasi lebar nol)" if invisible else None,
    )


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["0", "1", "5", "12", "150", "500", "0000", "7", "9" * 400]),
                min_size=1, max_size=5),
       st.lists(st.sampled_from(["", ".", ",", ".,", ",,"]), min_size=5, max_size=5),
       st.sampled_from(["", "-", "+", "+-"]),
       st.sampled_from(["amount", "percent", "number"]), st.booleans(),
       st.sampled_from([None, "Desa", "orang"]), st.sampled_from([None, "B-"]), st.booleans())
def test_a_core_reads_as_its_copied_reading(digits, seps, sign, kind, is_percent, unit, label,
                                            invisible):
    """_number_of_core completes the Number _read_core made; it equals the copy it
    replaced, field by field, for every kind of core (irregular groups, errors, too
    large), and parse_number of a text reads as before (blank or not, by its first
    character)."""
    from lkj_excel.parsing import (
        _BLANKS,
        Number,
        _number_of_core,
        _parse_str,
        _parse_text,
        is_blank,
    )

    core = sign + "".join(d + s for d, s in zip(digits, seps[:len(digits)], strict=True))
    raw = f" {core} "
    got = _number_of_core(raw, core, kind, is_percent, unit, label, invisible)
    want = _number_of_core_reference(raw, core, kind, is_percent, unit, label, invisible)
    assert got == want and got.note == want.note
    # _parse_str asks is_blank only of a text not beginning with a digit
    for text in (core, core.lstrip("+-"), raw, *_BLANKS, "\u00a0-\u00a0", " Nihil ", "7 nihil"):
        before = Number(None, text) if is_blank(text) else _parse_text(text, kind)
        assert _parse_str.__wrapped__(text, kind) == before


def test_a_plain_number_holds_four_fields_and_equals_its_detailed_twin():
    """A Number with every field beyond value, raw, style and decimals at its default holds
    only those four (the amounts of a large table: 64 bytes, not 144); any other field
    makes a DetailedNumber. Either reads all fourteen fields, and equality, hashing, repr
    and pickling go by the fields, not by which of the two it is."""
    import pickle
    import sys

    from lkj_excel.parsing import DetailedNumber, Number, numeric_cell

    plain = Number(1500.0, "1.500", "id", decimals=0)
    assert type(plain) is Number and not hasattr(plain, "__dict__")
    assert (plain.irregular, plain.suggestion, plain.alternatives, plain.unit, plain.label,
            plain.is_percent, plain.numerator, plain.denominator, plain.error,
            plain.note) == (False, None, (), None, None, False, None, None, None, None)
    detailed = Number(1500.0, "1.500", "id", decimals=0, unit="Desa")
    assert type(detailed) is DetailedNumber and detailed.unit == "Desa"
    assert sys.getsizeof(plain) < sys.getsizeof(detailed)
    # a detailed number whose fields are all the defaults is the plain one's equal
    twin = pickle.loads(pickle.dumps(plain))
    assert twin == plain and type(twin) is Number
    # made through either class, a number's class follows its fields
    assert type(DetailedNumber(0.0)) is Number
    odd = Number(1500.0, "1.500", "id", False, None, [], decimals=0)
    assert type(odd) is DetailedNumber and odd != plain  # [] is not ()
    assert pickle.loads(pickle.dumps(detailed)) == detailed
    assert repr(plain).startswith("Number(value=1500.0, raw='1.500', style='id', "
                                  "irregular=False,")
    assert repr(detailed).startswith("Number(value=1500.0,")
    assert hash(plain) == hash(Number(1500.0, "1.500", "id", decimals=0))
    # a percent cell's number is a DetailedNumber, and still read as a percentage
    from lkj_excel.formatting import typed

    assert type(P.parse_percent(0.385)) is DetailedNumber
    assert typed(0.385, P.parse_percent(0.385)) == "38,50%"
    # the reader's way to a numeric cell's Number is the constructor's
    for x in (0.0, -0.0, 1.5, -2.0, 1e300, 7697390000.0):
        fast, slow = numeric_cell(x), Number(x, x, "number")
        assert type(fast) is type(slow) is Number
        assert fast._key() == slow._key() and repr(fast) == repr(slow)
        assert parse_number(x) == slow and type(parse_number(x)) is Number


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(
    "aB 1-.%/\u2010\u2011\u2012\u2013\u2014\u2015\u2016\u00a0\u00c9\u0130\u017f\u212a")))
def test_normalise_is_the_regular_expression_it_replaced(text):
    """parsing._normalise (a translation table for non-ASCII text) against the dash
    pattern it replaced."""
    import re

    s = re.sub(r"[\u2010-\u2015]", "-", text.replace("\u00a0", " ").lower())
    assert P._normalise.__wrapped__(text) == " ".join(re.sub(r"[^0-9a-z%/]+", " ", s).split())


@settings(max_examples=500, deadline=None)
@given(st.one_of(
    st.text(alphabet=st.sampled_from("SsenIi \u0130\u0131\u017f\u212a,.1")),
    st.sampled_from(["Senin, 1 Juli 2024", "\u017fenin 1 Juli 2024", "RABU. 2 Juli",
                     "Jum'at, 5 Juli", "jum at 5 juli", " Kamis 4 Juli", "1 Juli 2024"])))
def test_day_names_are_looked_for_only_after_a_letter(text):
    """parse_date asks the day-name pattern only of text starting with a letter: nothing
    else can match it (case-insensitive matching pairs letters with letters)."""
    import re

    assert re.match(P._WEEKDAY, text) is None or text[:1].isalpha()


def _percent_reference(value):
    """parse_percent's reading of text before a reading that is already a percentage was
    given back as it is (git 9d8c517): always a copy with is_percent set."""
    from lkj_excel.parsing import Number, normalise_text, parse_number

    num = parse_number(value, kind="percent")
    if num.value is None or num.style == "ratio":
        return num
    if num.unit and normalise_text(num.unit) not in ("persen", "prosen", "percent"):
        return Number(None, num.raw, error="angka bercampur teks")
    if num.style == "number" and abs(num.value) <= 2:
        return Number(round(num.value * 100, 10), num.raw, style="number", is_percent=True,
                      decimals=None)
    return Number(
        num.value, num.raw, style=num.style, irregular=num.irregular, suggestion=num.suggestion,
        alternatives=num.alternatives, unit=num.unit, label=num.label, is_percent=True,
        decimals=num.decimals, numerator=num.numerator, denominator=num.denominator,
        note=num.note)


@settings(max_examples=500, deadline=None)
@given(st.one_of(
    st.sampled_from(["24,14%", "53.89%", "24,14", "100", "100 %", "Rp 5%", "1.5.00%", "-3,5%",
                     "12 persen", "12 desa", "28/51", "31/36 = 86,11%", "68,50% (B-)", "-",
                     "\u200b45%", "1,234.5%", "0,5", "2", "7,25 %"]),
    st.text(alphabet="0123456789.,% -+persn", max_size=10)))
def test_a_percentage_reads_as_its_copied_reading(text):
    """parse_percent gives a text's reading back as it is when it is already a percentage
    ("24,14%"): equal, of the same type and with the same repr as the copy it replaced."""
    from lkj_excel.parsing import _percent

    got, want = _percent(text), _percent_reference(text)
    assert got == want and type(got) is type(want) and repr(got) == repr(want)
