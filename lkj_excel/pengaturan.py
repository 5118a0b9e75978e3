"""The checking rules that can be set (Pengaturan): read, validated, compared and written.

Two places hold settings. Each report has a Pengaturan sheet, read with the report; a value
outside its range is not used, and the reason is kept on ``Settings.problems`` so that it
is said rather than silently ignored. The office that receives reports keeps its own
settings (``lkj pengaturan`` writes one from the defaults, as a workbook or a TOML file);
``lkj rekap --pengaturan`` and ``lkj check --pengaturan`` judge every report by those,
and :func:`differences` names what the report's own sheet set differently.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from . import layout as L
from .errors import LkjError
from .model import Settings, Value
from .parsing import is_blank, normalise_text, parse_date, parse_number

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs every check process ~3 ms to import
    from typing import Any

#: Allowed ranges: (lowest, highest, unit as said to the user).
RANGES: dict[str, tuple[float, float, str]] = {
    "batas_hari_kerja": (0, 60, "hari kerja"),
    "toleransi": (0, 1, "poin persen"),
    "toleransi_rupiah": (0, 1000, "rupiah"),
}
#: The settings where a report's sheet says nothing (read only: what a message names).
_DEFAULTS = Settings()
_ATTR = {  # layout field key -> Settings attribute
    "batas_hari_kerja": "deadline_working_days",
    "rumus_negatif": "negative_formula",
    "rumus_efisiensi": "efficiency_formula",
    "toleransi": "tolerance_points",
    "toleransi_rupiah": "tolerance_rupiah",
    "bulan_rkpdes": "rkpdes_deadline",
    "bulan_apbdes": "apbdes_deadline",
    "bulan_lppdes": "lppdes_deadline",
    "apbdes_dihitung": "apbdes_year",
    "dasar_hukum": "legal_basis",
    "jendela_rkpdes": "windows",
    "jendela_apbdes": "windows",
    "jendela_lppdes": "windows",
}
#: How each setting is named in a sentence.
LABELS = {
    "deadline_working_days": "batas hari kerja",
    "negative_formula": "rumus polaritas negatif",
    "efficiency_formula": "rumus efisiensi",
    "tolerance_points": "toleransi",
    "tolerance_rupiah": "toleransi rupiah",
    "rkpdes_deadline": "batas RKPDes",
    "apbdes_deadline": "batas APBDes",
    "lppdes_deadline": "batas LPPDes",
    "extra_holidays": "libur tambahan",
    "predikat_scale": "skala predikat",
    "apbdes_year": "APBDes yang dihitung",
    "windows": "tenggang pengumpulan dokumen desa",
    "legal_basis": "dasar hukum batas penyampaian",
}
SETTINGS_EXT = (".xlsx", ".xlsm", ".xls", ".ods", ".toml")


class SettingsError(LkjError):
    """The office's settings file cannot be used."""


# ---------------------------------------------------------------------------------------
# Reading a Pengaturan sheet (of a report or of the office's workbook)
# ---------------------------------------------------------------------------------------


def _num_text(x: float) -> str:
    """5 -> "5", 0.01 -> "0,01", 1000 -> "1.000" (Indonesian, no babel needed)."""
    if float(x).is_integer():
        return f"{int(x):,}".replace(",", ".")
    return f"{x:.4f}".rstrip("0").replace(".", ",")


def _range_text(key: str) -> str:
    lo, hi, unit = RANGES[key]
    return f"{_num_text(lo)}-{_num_text(hi)} {unit}"


def day_month(raw: Any) -> tuple[int, int] | None:
    """"30-09", "30/9", a date cell -> (30, 9); None when it is not a day of a month."""
    if isinstance(raw, (dt.date, dt.datetime)):
        return raw.day, raw.month
    if is_blank(raw):
        return None
    parts = str(raw).strip().replace("/", "-").replace(".", "-").split("-")
    try:
        d, m = int(parts[0]), int(parts[1])
        dt.date(2024, m, d)
        return d, m
    except (ValueError, IndexError, OverflowError):
        return None


_MONTHS = ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
           "september", "oktober", "november", "desember")
#: Days of each month in a leap year (a window may end on 29 Februari).
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def window(raw: Any) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """"Juli - September", "1 Juli s.d. 30 September", "01-07 s/d 30-09", "Juli -
    September 2024" -> ((1, 7), (30, 9)); None when it is not a span of days of the year."""
    if is_blank(raw):
        return None
    text = " ".join(str(raw).lower().replace("\u2013", "-").replace("\u2014", "-").split())
    parts = re.split(r"\s*(?:s\.?\s?/\s?d\.?|s\.d\.?|sampai dengan|sampai|hingga)\s*|\s+-\s*"
                     r"|(?<=[a-z])-(?=[a-z0-9])", text)
    parts = [x for x in parts if x]
    if len(parts) != 2:
        return None
    out = []
    for k, part in enumerate(parts):
        words = part.replace(".", " ").split()
        month = next((i + 1 for i, m in enumerate(_MONTHS) for w in words
                      if w.startswith(m[:3]) and m.startswith(w[:3])), None)
        # "November - Desember 2024" (seed 003): a year is not a day of the month
        day = next((int(w) for w in words if w.isdigit() and len(w) <= 2), None)
        if month is None:
            dm = day_month(part)
            if dm is None:
                return None
            out.append(dm)
            continue
        if day is None:
            day = 1 if k == 0 else _MONTH_DAYS[month - 1]
        try:
            dt.date(2024, month, day)
        except ValueError:
            return None
        out.append((day, month))
    return out[0], out[1]


def window_text(w: tuple[tuple[int, int], tuple[int, int]]) -> str:
    (d1, m1), (d2, m2) = w
    return f"{d1} {_MONTHS[m1 - 1].capitalize()} - {d2} {_MONTHS[m2 - 1].capitalize()}"


def _check_value(key: str, raw: Any, label: str, kw: dict[str, Any],
                 problems: list[tuple[str, str | None, str]], cell: str | None) -> None:
    """Validate one typed setting; a good value goes into ``kw``, a bad one into
    ``problems`` (key, cell, Indonesian sentence). A blank keeps the default."""
    if is_blank(raw):
        return
    attr = _ATTR[key]
    default = getattr(_DEFAULTS, attr)
    if key in RANGES:
        p = parse_number(raw)
        v = p.value
        lo, hi, _unit = RANGES[key]
        if v is None:
            problems.append((key, cell, f"{label} '{raw}' bukan angka; dipakai nilai bawaan "
                                        f"{_show(attr, default)}."))
        elif not lo <= v <= hi or (key == "batas_hari_kerja" and not float(v).is_integer()):
            problems.append((key, cell, f"{label} {_num_text(v)} di luar rentang "
                                        f"{_range_text(key)}; dipakai nilai bawaan "
                                        f"{_show(attr, default)}."))
        else:
            kw[attr] = int(v) if key == "batas_hari_kerja" else float(v)
    elif key == "rumus_negatif":
        v = str(raw).replace(" ", "")
        if v in L.RUMUS_NEGATIF:
            kw[attr] = v
        else:
            problems.append((key, cell, f"{label} '{raw}' bukan salah satu dari "
                                        f"{', '.join(L.RUMUS_NEGATIF)}; dipakai {default}."))
    elif key == "apbdes_dihitung":
        v = normalise_text(raw)
        if v in L.APBDES_DIHITUNG:
            kw[attr] = v
        else:
            problems.append((key, cell, f"{label} '{raw}' bukan salah satu dari "
                                        f"{', '.join(L.APBDES_DIHITUNG)}; dipakai {default}."))
    elif key == "dasar_hukum":
        kw[attr] = " ".join(str(raw).split())
    elif key.startswith("jendela_"):
        w = window(raw)
        if w is None:
            problems.append((key, cell, f"{label} '{raw}' bukan rentang tanggal seperti "
                                        "Juli - September; tidak dipakai."))
        else:
            kw.setdefault("windows", {})[key.split("_", 1)[1]] = w
    elif key == "rumus_efisiensi":
        v = normalise_text(raw).replace(" ", "")
        hit = [c for c in L.RUMUS_EFISIENSI if normalise_text(c).replace(" ", "") == v]
        if hit:
            kw[attr] = hit[0]
        else:
            problems.append((key, cell, f"{label} '{raw}' bukan salah satu dari "
                                        f"{', '.join(L.RUMUS_EFISIENSI)}; dipakai {default}."))
    else:
        dm = day_month(raw)
        if dm:
            kw[attr] = dm
        else:
            problems.append((key, cell, f"{label} '{raw}' bukan tanggal-bulan seperti 30-09; "
                                        f"dipakai {_show(attr, default)}."))


def settings_from_sheet(grid: list[list[Any]] | None, sheet_name: str = "Pengaturan"
                        ) -> Settings:
    """The Settings of a Pengaturan sheet; what cannot be used is listed in ``problems``."""
    if grid is None:
        return Settings()
    from .reader import _cell, find_header, read_form

    form = read_form(grid, L.PENGATURAN, sheet_name)
    kw: dict[str, Any] = {"cells": form}
    problems: list[tuple[str, str | None, str]] = []
    for key in _ATTR:
        v: Value = form[key]
        _check_value(key, v.raw, L.PENGATURAN.field(key).label, kw, problems, v.cell)
    hit = find_header(grid, L.PREDIKAT_TABLE, 0, len(grid))
    if hit and all(k in hit[1] for k in ("batas", "predikat")):
        r0, m = hit
        scale: list[tuple[float, str]] = []
        for r in range(r0 + 1, len(grid)):
            raw_lo, name = _cell(grid, r, m["batas"]), _cell(grid, r, m["predikat"])
            lo = parse_number(raw_lo)
            if lo.value is None or is_blank(name):
                if scale:
                    break
                continue
            scale.append((float(lo.value), str(name).strip()))
        bad = _scale_problem(scale)
        if bad:
            problems.append(("predikat", None, bad))
        elif scale:
            kw["predikat_scale"] = tuple(scale)
    hit = find_header(grid, L.LIBUR_TABLE, 0, len(grid))
    if hit and "tanggal" in hit[1]:
        r0, m = hit
        days_off = []
        for r in range(r0 + 1, len(grid)):
            raw = _cell(grid, r, m["tanggal"])
            d = parse_date(raw)
            if d.value:
                days_off.append(d.value)
            elif not is_blank(raw):
                problems.append(("libur", None, f"Libur tambahan '{raw}' bukan tanggal; "
                                                "baris itu tidak dipakai."))
        kw["extra_holidays"] = tuple(days_off)
    return Settings(**kw, problems=tuple(problems))


def _scale_problem(scale: list[tuple[float, str]]) -> str | None:
    if not scale:
        return None
    bounds = [lo for lo, _ in scale]
    if any(not 0 <= lo <= 1000 for lo in bounds):
        return "Skala predikat memuat batas bawah di luar 0-1.000; dipakai skala bawaan."
    if len(set(bounds)) != len(bounds):
        return "Skala predikat memuat batas bawah yang sama dua kali; dipakai skala bawaan."
    return None


# ---------------------------------------------------------------------------------------
# The office's settings file
# ---------------------------------------------------------------------------------------


def load_settings(path: str | os.PathLike) -> Settings:
    """The office's settings from a workbook (its Pengaturan sheet, or its only sheet) or a
    TOML file. Raises SettingsError (exit 2) naming every value that cannot be used: the
    office's own rules are never silently replaced by defaults."""
    p = Path(path)
    if not p.is_file():
        raise SettingsError(f"Berkas pengaturan '{p}' tidak ditemukan.", p)
    ext = p.suffix.lower()
    if ext == ".toml":
        settings = _load_toml(p)
    elif ext in SETTINGS_EXT:
        settings = _load_workbook(p)
    else:
        raise SettingsError(f"Berkas pengaturan harus .xlsx, .ods atau .toml, bukan '{ext}'.",
                            p)
    if settings.problems:
        raise SettingsError(
            f"Berkas pengaturan '{p.name}' memuat nilai yang tidak dapat dipakai: "
            + " ".join(m for _k, _c, m in settings.problems)
            + " Perbaiki berkas itu lalu jalankan lagi.", p)
    return settings


def _load_workbook(p: Path) -> Settings:
    from .reader import open_workbook, read_grid

    wb, names = open_workbook(p)
    try:
        hit = [n for n in names if normalise_text(n) in
               ("pengaturan",) + L.SHEET_SYNONYMS["Pengaturan"]]
        if not hit and len(names) != 1:
            raise SettingsError(f"Berkas pengaturan '{p.name}' tidak memiliki sheet "
                                "'Pengaturan'.", p)
        name = hit[0] if hit else names[0]
        grid = read_grid(wb, name, p)
    finally:
        try:
            wb.close()
        except Exception:  # noqa: BLE001 - closing is best effort
            pass
    return settings_from_sheet(grid, name)


_TOML_KEYS = {"batas_hari_kerja": "batas_hari_kerja", "rumus_negatif": "rumus_negatif",
              "rumus_efisiensi": "rumus_efisiensi", "toleransi": "toleransi",
              "toleransi_rupiah": "toleransi_rupiah", "batas_rkpdes": "bulan_rkpdes",
              "batas_apbdes": "bulan_apbdes", "batas_lppdes": "bulan_lppdes",
              "apbdes_dihitung": "apbdes_dihitung", "dasar_hukum": "dasar_hukum",
              "tenggang_rkpdes": "jendela_rkpdes", "tenggang_apbdes": "jendela_apbdes",
              "tenggang_lppdes": "jendela_lppdes"}


def _load_toml(p: Path) -> Settings:
    import tomllib

    try:
        data = tomllib.loads(p.read_text(encoding="utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingsError(f"Berkas pengaturan '{p.name}' bukan TOML yang sah: {exc}.",
                            p) from None
    kw: dict[str, Any] = {}
    problems: list[tuple[str, str | None, str]] = []
    for key, value in data.items():
        if key in _TOML_KEYS:
            fkey = _TOML_KEYS[key]
            _check_value(fkey, value, key, kw, problems, None)
        elif key == "predikat":
            scale = []
            for band in value if isinstance(value, list) else []:
                if not isinstance(band, dict) or "batas" not in band or "nama" not in band:
                    problems.append(("predikat", None, "Setiap [[predikat]] perlu 'batas' dan "
                                                       "'nama'."))
                    continue
                lo = parse_number(band["batas"]).value
                if lo is None:
                    problems.append(("predikat", None, f"Batas predikat '{band['batas']}' bukan "
                                                       "angka."))
                    continue
                scale.append((float(lo), str(band["nama"]).strip()))
            bad = _scale_problem(scale)
            if bad:
                problems.append(("predikat", None, bad))
            elif scale:
                kw["predikat_scale"] = tuple(scale)
        elif key == "libur":
            days = []
            for item in value if isinstance(value, list) else [value]:
                raw = item.get("tanggal") if isinstance(item, dict) else item
                d = parse_date(raw)
                if d.value:
                    days.append(d.value)
                else:
                    problems.append(("libur", None, f"Libur tambahan '{raw}' bukan tanggal."))
            kw["extra_holidays"] = tuple(days)
        else:
            problems.append((key, None, f"Kunci '{key}' tidak dikenal (yang dikenal: "
                                        f"{', '.join([*_TOML_KEYS, 'predikat', 'libur'])})."))
    return Settings(**kw, problems=tuple(problems))


def write_settings(path: str | os.PathLike, settings: Settings | None = None) -> Path:
    """Write ``settings`` (the defaults when None) as a workbook with one Pengaturan sheet
    (.xlsx) or as TOML (.toml), atomically."""
    from .writers.atomic import atomic_output

    s = settings or Settings()
    p = Path(path)
    ext = p.suffix.lower()
    if ext not in (".xlsx", ".toml"):
        raise SettingsError(f"Berkas pengaturan harus berakhiran .xlsx atau .toml, bukan "
                            f"'{ext}'.", p)
    values = {key: _field_value(s, attr, key) for key, attr in _ATTR.items()}
    if ext == ".toml":
        with atomic_output(p) as tmp:
            Path(tmp).write_text(_toml_text(s), encoding="utf-8")
        return p
    import xlsxwriter

    from .writers.template import Formats, _write_pengaturan

    with atomic_output(p) as tmp:
        wb = xlsxwriter.Workbook(tmp, {"strings_to_formulas": False, "strings_to_urls": False,
                                       "strings_to_numbers": False})
        wb.set_properties({"title": "Pengaturan pemeriksaan kantor penerima laporan",
                           "author": "lkj-excel"})
        _write_pengaturan(wb, Formats(wb), values, s.predikat_scale,
                          [(d, "") for d in s.extra_holidays])
        wb.close()
    return p


def _field_value(s: Settings, attr: str, key: str = "") -> Any:
    v = getattr(s, attr)
    if attr == "windows":
        w = v.get(key.split("_", 1)[1]) if key else None
        return window_text(w) if w else None
    if isinstance(v, tuple) and len(v) == 2 and all(isinstance(x, int) for x in v):
        return f"{v[0]:02d}-{v[1]:02d}"
    return v


def _toml_text(s: Settings) -> str:
    import json

    def q(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)

    lines = [
        "# Pengaturan pemeriksaan kantor penerima laporan (lkj-excel).",
        "# Dipakai dengan: lkj rekap ... --pengaturan FILE   atau   lkj check ... --pengaturan FILE",
        "# Nilai di sini menggantikan sheet Pengaturan di setiap laporan yang diperiksa.",
        "",
        "# Laporan paling lambat N hari kerja setelah triwulan berakhir (0-60).",
        f"batas_hari_kerja = {s.deadline_working_days}",
        f"# Rumus polaritas negatif bawaan: {', '.join(L.RUMUS_NEGATIF)}.",
        f"rumus_negatif = {q(s.negative_formula)}",
        f"# Rumus efisiensi: {', '.join(L.RUMUS_EFISIENSI)}.",
        f"rumus_efisiensi = {q(s.efficiency_formula)}",
        "# Selisih persen sampai nilai ini (poin persen, 0-1) tidak dianggap salah.",
        f"toleransi = {s.tolerance_points:g}",
        "# Selisih rupiah sampai nilai ini (0-1000) tidak dianggap salah.",
        f"toleransi_rupiah = {s.tolerance_rupiah:g}",
        "# Batas dokumen desa (tanggal-bulan).",
        f"batas_rkpdes = {q(_field_value(s, 'rkpdes_deadline'))}",
        f"batas_apbdes = {q(_field_value(s, 'apbdes_deadline'))}",
        f"batas_lppdes = {q(_field_value(s, 'lppdes_deadline'))}",
        f"# APBDes yang dihitung dalam indikator desa: {', '.join(L.APBDES_DIHITUNG)}.",
        f"apbdes_dihitung = {q(s.apbdes_year)}",
        "# Tenggang pengumpulan dokumen desa (opsional), misalnya \"Juli - September\".",
        *[f"tenggang_{doc} = {q(window_text(s.windows[doc]))}" for doc in
          ("rkpdes", "apbdes", "lppdes") if doc in s.windows],
        "# Peraturan yang menetapkan batas penyampaian (disebut dalam temuan).",
        f"dasar_hukum = {q(s.legal_basis)}",
        "",
        "# Libur tambahan daerah (selain libur nasional dan cuti bersama), contoh:",
        "# [[libur]]",
        "# tanggal = 2025-08-18",
        "# keterangan = \"Cuti bersama daerah\"",
    ]
    for d in s.extra_holidays:
        lines += ["[[libur]]", f"tanggal = {d.isoformat()}", ""]
    lines += ["", "# Skala predikat: capaian >= batas mendapat predikat itu."]
    for lo, name in s.predikat_scale:
        lines += ["[[predikat]]", f"batas = {lo:g}", f"nama = {q(name)}", ""]
    return "\n".join(lines).rstrip() + "\n"


# ---------------------------------------------------------------------------------------
# Comparing
# ---------------------------------------------------------------------------------------


def fingerprint(s: Settings) -> str:
    """A short hash of everything that changes a check's outcome."""
    data = [s.deadline_working_days, [d.isoformat() for d in sorted(s.extra_holidays)],
            [list(b) for b in s.predikat_scale], s.negative_formula, s.efficiency_formula,
            s.tolerance_points, s.tolerance_rupiah, list(s.rkpdes_deadline),
            list(s.apbdes_deadline), list(s.lppdes_deadline)]
    if s.apbdes_year != "tahun berikutnya" or s.windows:
        # only when set, so that fingerprints of earlier settings stay the same
        data += [s.apbdes_year, sorted((k, list(v)) for k, v in s.windows.items())]
    import hashlib
    import json

    return hashlib.sha256(json.dumps(data).encode()).hexdigest()[:16]


def _show(attr: str, v: Any) -> str:
    if attr == "tolerance_points":
        return f"{_num_text(v)} poin persen"
    if attr == "tolerance_rupiah":
        return f"Rp{_num_text(v)}"
    if attr == "deadline_working_days":
        return _num_text(v)
    if attr.endswith("_deadline"):
        return f"{v[0]:02d}-{v[1]:02d}"
    if attr == "windows":
        return "; ".join(f"{k[:3].upper()}D{k[4:]} {window_text(w)}" for k, w in
                         sorted(v.items())) or "tidak ada"
    if attr == "legal_basis":
        return v or "tidak disebut"
    if attr == "extra_holidays":
        if not v:
            return "tidak ada"
        from .parsing import format_date_id

        return ", ".join(format_date_id(d) for d in sorted(v)[:3]) + (
            f" dan {len(v) - 3} lainnya" if len(v) > 3 else "")
    if attr == "predikat_scale":
        return "; ".join(f">= {_num_text(lo)} {name}" for lo, name in
                         sorted(v, reverse=True))
    return str(v)


def differences(own: Settings, office: Settings) -> list[str]:
    """What a report's own Pengaturan sets differently from the settings it is judged by,
    and what in it could not be used: ["batas hari kerja 30 (rekap memakai 5)", ...]. The
    deadline regulation is left out: it only names the rule in a message and changes no
    result, and nearly every report names its own."""
    out = []
    for attr, label in LABELS.items():
        if attr == "legal_basis":
            continue
        a, b = getattr(own, attr), getattr(office, attr)
        if attr == "extra_holidays":
            a, b = tuple(sorted(a)), tuple(sorted(b))
        if attr == "predikat_scale":
            a, b = tuple(sorted(a)), tuple(sorted(b))
        if a != b:
            out.append(f"{label} {_show(attr, a)} (dipakai {_show(attr, b)})")
    for _key, cell, message in own.problems:
        out.append(message.rstrip(".") + (f" (sel {cell})" if cell else ""))
    return out


__all__ = ["RANGES", "SettingsError", "settings_from_sheet", "load_settings", "write_settings",
           "fingerprint", "differences", "day_month"]
