"""IDN: identity, dates, signatures and personnel data."""

from __future__ import annotations

import re

from ..calendar import (
    ROMAN,
    cuti_bersama_known,
    deadline,
    quarter_end,
    quarter_start,
    skipped_holidays,
    working_days_between,
)
from ..model import Value
from ..parsing import GOLONGAN_PANGKAT, NipInfo, format_date_id, normalise_text, parse_pangkat
from . import rule
from .base import Context, typed

_TITLES = re.compile(
    r"\b(drs?|dra|ir|h|hj|dr|prof|s\.?\s?[a-z]{1,4}|m\.?\s?[a-z]{1,4}|a\.?\s?md|sh|se|st|"
    r"sos|spd|stp|sstp|ap|msi|mm|mh|mpd|sip|skm|kom)\.?\b", re.IGNORECASE)


def person_name_key(name: str) -> str:
    """"HANI PUJANTO, SH" -> "hani pujanto"; titles and degrees removed."""
    first = name.split(",")[0]
    first = _TITLES.sub(" ", first)
    return normalise_text(first)


@rule("IDN001", "error", "Identitas", "Laporan terlambat")
def late_report(ctx: Context):
    """Tanggal laporan melewati batas: akhir triwulan ditambah N hari kerja (Pengaturan,
    bawaan 5 seperti Perbup Lumajang 6/2018 pasal 4). Peraturan kabupaten yang menetapkan
    batas itu ditulis di Pengaturan (Dasar Hukum Batas Penyampaian) dan disebut dalam pesan.
    Hari kerja = Senin-Jumat dikurangi libur nasional dan cuti bersama serta libur tambahan di
    Pengaturan.

    Contoh (Candipuro): TW II 2023 berakhir 30 Juni 2023, batasnya 7 Juli 2023, laporan
    bertanggal 23 Agustus 2023."""
    ident = ctx.report.identity
    rd, year, q = ident.report_date, ctx.year, ctx.quarter
    if rd is None or year is None or q is None:
        return
    s = ctx.settings
    due = deadline(year, q, s.deadline_working_days, s.extra_holidays)
    if rd <= due:
        return
    late = working_days_between(due, rd, s.extra_holidays)
    hol = skipped_holidays(year, q, due, s.extra_holidays)
    hol_text = ""
    if hol:
        hol_text = "; libur yang dilewati: " + ", ".join(
            f"{format_date_id(d)} ({n})" for d, n in hol[:4])
    v = ident.tanggal
    # A report a season late may rather have the wrong year or quarter typed.
    alts = tuple(x.where for x in (ident.tahun, ident.triwulan) if x.cell) if late > 40 else ()
    yield ctx.finding(
        "IDN001", v, row_key=f"TW {ROMAN[q]} {year}", field="tanggal", found=v.text,
        alternatives=alts,
        expected="", note=f"<= {format_date_id(due)} (tanggal laporan tidak dapat dikoreksi)",
        message=f"Laporan tertanggal {format_date_id(rd)} terlambat {late} hari kerja: "
                f"triwulan {ROMAN[q]} {year} berakhir {format_date_id(quarter_end(year, q))}, "
                f"batasnya {s.deadline_working_days} hari kerja kemudian"
                f"{f' ({s.legal_basis})' if s.legal_basis else ''}, "
                f"{format_date_id(due)}{hol_text}.")


@rule("IDN002", "error", "Identitas", "Laporan bertanggal sebelum triwulan berakhir")
def before_quarter_end(ctx: Context):
    """Laporan triwulan bertanggal sebelum triwulannya berakhir tidak dapat melaporkan
    triwulan itu seluruhnya.

    Contoh (Kalaena): TW II 2024 bertanggal 28 Juni 2024; triwulan berakhir 30 Juni 2024."""
    ident = ctx.report.identity
    rd, year, q = ident.report_date, ctx.year, ctx.quarter
    if rd is None or year is None or q is None:
        return
    end = quarter_end(year, q)
    if rd < end:
        v = ident.tanggal
        yield ctx.finding("IDN002", v, row_key=f"TW {ROMAN[q]} {year}", field="tanggal",
                          alternatives=tuple(x.where for x in (ident.triwulan, ident.tahun)
                                             if x.cell),
                          found=v.text, expected="", note=f">= {format_date_id(end)}",
                          message=f"Laporan tertanggal {format_date_id(rd)}, sebelum triwulan "
                                  f"{ROMAN[q]} {year} berakhir ({format_date_id(end)}).")


def _position_key(text: str, ctx: Context) -> str:
    t = normalise_text(text)
    t = re.sub(r"\bkasi\b", "kepala seksi", t)
    t = re.sub(r"\bkasubag\b|\bkasubbag\b", "kepala sub bagian", t)
    for place in (ctx.report.identity.kecamatan.text, ctx.report.identity.kabupaten.text):
        p = normalise_text(place)
        if p:
            t = t.replace(f"kecamatan {p}", " ").replace(p, " ")
    return " ".join(t.replace("kecamatan", " ").split())


@rule("IDN003", "warning", "Identitas", "Atasan langsung sama dengan jabatan pelapor")
def superior_is_self(ctx: Context):
    """Jabatan atasan sama dengan jabatan pelapor. Atasan Kepala Seksi adalah Camat;
    atasan Camat adalah Bupati.

    Contoh (Senduro): pelapor "KASI PEMERINTAHAN", atasan "Kasi Pemerintahan Kecamatan
    Senduro"."""
    ident = ctx.report.identity
    a, b = ident.pelapor.jabatan, ident.atasan.jabatan
    if not a.text or not b.text:
        return
    ka, kb = _position_key(a.text, ctx), _position_key(b.text, ctx)
    if ka and ka == kb:
        yield ctx.finding("IDN003", b, row_key="atasan", field="jabatan", found=b.text,
                          expected="", note="jabatan atasan (misalnya Camat)",
                          message=f"Jabatan atasan '{b.text}' sama dengan jabatan pelapor "
                                  f"'{a.text}'; atasan langsung seharusnya pejabat di atasnya.")


def _nip_values(ctx: Context) -> list[tuple[Value, Value]]:
    """(nip cell, name cell) pairs from Identitas, Pegawai and Tanda Tangan."""
    ident = ctx.report.identity
    pairs = [(ident.pelapor.nip, ident.pelapor.nama), (ident.atasan.nip, ident.atasan.nama),
             (ident.pk_pihak1_nip, ident.pk_pihak1_nama)]
    pairs += [(r.get("nip"), r.get("nama")) for r in ctx.report.pegawai]
    pairs += [(r.get("nip"), r.get("nama")) for r in ctx.report.tanda_tangan]
    return [(n, m) for n, m in pairs if typed(n)]


@rule("IDN004", "error", "*", "NIP tidak sah")
def nip_invalid(ctx: Context):
    """NIP terdiri dari 18 angka: tanggal lahir (YYYYMMDD, tanggal yang ada), TMT CPNS
    (YYYYMM, tidak sebelum usia 18 tahun), digit jenis kelamin (1 laki-laki, 2 perempuan) dan
    nomor urut 3 angka, biasa ditulis "19700929 199302 1 002".

    Contoh salah: ``19700229 199302 1 002`` (29 Februari 1970 tidak ada)."""
    for nip_v, name_v in _nip_values(ctx):
        p = nip_v.parsed
        if isinstance(p, NipInfo) and p.problems:
            yield ctx.finding("IDN004", nip_v, row_key=name_v.text or nip_v.text, field="nip",
                              found=nip_v.text, expected="", note="NIP 18 angka yang sah",
                              message=f"NIP {nip_v.text} ({name_v.text or 'tanpa nama'}) tidak "
                                      f"sah: {'; '.join(p.problems)}.")


@rule("IDN005", "warning", "*", "NIP yang sama ditulis dengan nama berbeda")
def same_nip_other_name(ctx: Context):
    """NIP yang sama ditulis dengan nama berbeda dalam satu laporan (Identitas, Pegawai,
    Tanda Tangan). Gelar diabaikan saat membandingkan. Nama yang paling sering ditulis untuk
    NIP itu dianggap benar (bila sama seringnya: yang pertama).

    Contoh (Pronojiwo): NIP 19700929 199302 1 002 sebagai HANI PUJANTO (Kata Pengantar, PK),
    HANI PUJIANTO (daftar pegawai), HANI PUJIYANTO (lampiran PK) dan HANI RUJANTO
    (Penutup)."""
    by_nip: dict[str, list[tuple[NipInfo, Value]]] = {}
    for nip_v, name_v in _nip_values(ctx):
        p = nip_v.parsed
        if not isinstance(p, NipInfo) or not p.digits or not name_v.text:
            continue
        by_nip.setdefault(p.digits, []).append((p, name_v))
    for items in by_nip.values():
        keys = [person_name_key(n.text) for _, n in items]
        if len(set(keys)) < 2:
            continue
        ref_key = max(dict.fromkeys(keys), key=keys.count)
        f = items[keys.index(ref_key)][1]
        for (p, name_v), k in zip(items, keys, strict=True):
            if k == ref_key:
                continue
            yield ctx.finding("IDN005", name_v, row_key=p.formatted or p.digits, field="nama",
                              found=name_v.text, expected=f.text,
                              message=f"NIP {p.formatted} ditulis atas nama '{name_v.text}' di "
                                      f"{name_v.where}, tetapi '{f.text}' di {f.where}.")


@rule("IDN006", "error", "*", "Pangkat dan golongan tidak sepadan")
def pangkat_golongan(ctx: Context):
    """Pangkat dan golongan harus sepadan (PP 99/2000): II/a Pengatur Muda, II/b
    Pengatur Muda Tk. I, II/c Pengatur, II/d Pengatur Tk. I, III/a Penata Muda, III/b Penata Muda
    Tk. I, III/c Penata, III/d Penata Tk. I, IV/a Pembina, dan seterusnya.

    Contoh (Pronojiwo): "Pengatur Tk.I (III/a)"; golongan III/a berpangkat Penata Muda."""
    for v, name in _pangkat_cells(ctx):
        info = parse_pangkat(v.raw)
        if info.consistent is False:
            yield ctx.finding("IDN006", v, row_key=name.text or v.text, field="pangkat",
                              found=v.text, expected=f"{info.expected_pangkat} ({info.golongan})",
                              message=f"Pangkat '{info.pangkat}' tidak sepadan dengan golongan "
                                      f"{info.golongan}; golongan {info.golongan} berpangkat "
                                      f"{info.expected_pangkat}.")


@rule("IDN012", "warning", "Identitas", "Cuti bersama tahun itu belum diketahui")
def unknown_cuti_bersama(ctx: Context):
    """Batas penyampaian dihitung dengan hari kerja: Senin-Jumat dikurangi libur nasional
    dan cuti bersama. Cuti bersama ditetapkan SKB menteri setiap tahun; lkj mengenalnya sampai
    tahun 2027. Untuk tahun sesudahnya batas waktu dihitung tanpa cuti bersama, sehingga bisa
    lebih awal daripada seharusnya. Tulis tanggal cuti bersama tahun itu di sheet Pengaturan,
    tabel Libur Tambahan; peringatan ini hilang bila ada libur tambahan di tahun itu.

    Contoh: laporan TW I 2028 bertanggal 10 April 2028; cuti bersama 2028 belum diketahui."""
    year, q = ctx.year, ctx.quarter
    if year is None or q is None:
        return
    s = ctx.settings
    due = deadline(year, q, s.deadline_working_days, s.extra_holidays)
    years = sorted({quarter_start(year, q).year, due.year})
    added = {d.year for d in s.extra_holidays}
    for y in years:
        if cuti_bersama_known(y) or y in added:
            continue
        v = ctx.report.identity.tanggal if ctx.report.identity.tanggal.cell else \
            ctx.report.identity.tahun
        yield ctx.finding(
            "IDN012", v if v.cell else ("Identitas", None), row_key=f"TW {ROMAN[q]} {year}",
            field="tanggal", found=v.text, expected="",
            note=f"cuti bersama {y} di Pengaturan (Libur Tambahan)",
            message=f"Cuti bersama tahun {y} belum diketahui lkj, jadi batas penyampaian "
                    f"{format_date_id(due)} dihitung tanpa cuti bersama. Tulis tanggal cuti "
                    f"bersama {y} di sheet Pengaturan, tabel Libur Tambahan.")


@rule("IDN011", "error", "*", "Golongan tidak ada")
def golongan_unknown(ctx: Context):
    """Golongan ruang PNS hanya I/a-I/d, II/a-II/d, III/a-III/d dan IV/a-IV/e (PP 99/2000).
    Golongan lain tidak ada, sehingga pangkatnya tidak dapat diperiksa dan pegawai itu tidak
    terhitung dalam rekap golongan.

    Contoh salah: ``Pengatur (II/e)``. Benar: ``Pengatur (II/c)`` atau ``Pengatur Tk. I
    (II/d)``."""
    for v, name in _pangkat_cells(ctx):
        info = parse_pangkat(v.raw)
        if info.golongan and info.golongan not in GOLONGAN_PANGKAT:
            ruang = info.golongan.split("/")[0]
            last = "e" if ruang == "IV" else "d"
            yield ctx.finding("IDN011", v, row_key=name.text or v.text, field="pangkat",
                              found=v.text, expected="", note=f"{ruang}/a - {ruang}/{last}",
                              message=f"Golongan {info.golongan} tidak ada; golongan ruang "
                                      f"{ruang} hanya {ruang}/a sampai {ruang}/{last}.")


def _pangkat_cells(ctx: Context):
    ident = ctx.report.identity
    cells = [(ident.pelapor.pangkat, ident.pelapor.nama), (ident.atasan.pangkat,
                                                            ident.atasan.nama)]
    cells += [(r.get("pangkat"), r.get("nama")) for r in ctx.report.pegawai]
    cells += [(r.get("pangkat"), r.get("nama")) for r in ctx.report.tanda_tangan]
    return [(v, name) for v, name in cells if typed(v)]


REQUIRED = (("tahun", "Tahun Anggaran"), ("triwulan", "Triwulan"), ("tanggal", "Tanggal Laporan"))


@rule("IDN007", "error", "Identitas", "Identitas wajib kosong atau tidak sah")
def required_identity(ctx: Context):
    """Tahun, Triwulan (I-IV) dan Tanggal Laporan diperlukan untuk memeriksa laporan
    (batas waktu, dokumen desa); tanpa itu berkas tidak dapat dipakai (kode keluar 2).

    Contoh: Tahun Anggaran kosong."""
    ident = ctx.report.identity
    for key, label in REQUIRED:
        v = getattr(ident, key)
        if v.value is not None:
            continue
        if key == "tanggal" and typed(v) and v.error:
            continue  # NIL002 already says the date is impossible
        where = v if v.cell else ("Identitas", "B3")
        yield ctx.finding("IDN007", where, row_key=label, field=key, found=v.text,
                          expected="", note=label + " yang sah",
                          message=f"{label} {'kosong' if not typed(v) else repr(v.text)}"
                                  f"{'' if not typed(v) else ' tidak sah'}; isi di sheet "
                                  "Identitas.")


@rule("IDN008", "warning", "Identitas", "Nama unit atau pelapor kosong")
def unit_or_reporter_missing(ctx: Context):
    """Nama unit kerja dan nama pelapor mengenali laporan di tingkat atas; tanpa itu
    rekapitulasi tidak dapat membedakan laporan.

    Contoh: Nama Unit Kerja kosong."""
    ident = ctx.report.identity
    for v, label in ((ident.unit, "Nama Unit Kerja"), (ident.pelapor.nama, "Nama Pelapor")):
        if not typed(v):
            yield ctx.finding("IDN008", v if v.cell else ("Identitas", "B3"), row_key=label,
                              field=label.lower(), found="", expected="", note="diisi",
                              message=f"{label} kosong; isi di sheet Identitas.")


@rule("IDN009", "warning", "Pegawai", "Jenis kelamin tidak sesuai NIP")
def sex_differs(ctx: Context):
    """Kolom L/P tidak sesuai digit jenis kelamin NIP (1 = L, 2 = P).

    Contoh: NIP 19700512 199303 1 004 (laki-laki) ditulis P."""
    for r in ctx.report.pegawai:
        p = r.get("nip").parsed
        jk = normalise_text(r.get("jk").text).upper()
        if isinstance(p, NipInfo) and p.sex and jk in ("L", "P") and jk != p.sex:
            v = r.get("jk")
            yield ctx.finding("IDN009", v, row_key=r.get("nama").text, field="jk", found=v.text,
                              expected=p.sex,
                              message=f"Jenis kelamin '{v.text}' tidak sesuai NIP {p.formatted} "
                                      f"(digit ke-15 = {p.digits[14]}).")


@rule("IDN010", "error", "Identitas", "Tahun atau triwulan laporan salah")
def wrong_period(ctx: Context):
    """Tahun Anggaran atau Triwulan di Identitas bertentangan dengan bagian laporan
    yang lain: dengan tahun/triwulan yang tertulis laporan menjadi terlambat berbulan-bulan atau
    bertanggal sebelum triwulannya berakhir, dokumen desa jatuh di luar periodenya, dan
    Perbandingan tidak punya baris tahun itu; dengan nilai yang disebut semuanya cocok. Temuan
    lain dihitung dengan nilai yang benar.

    Contoh: Tahun Anggaran 2024, triwulan I, laporan bertanggal 10 April 2025 (terlambat 236
    hari kerja), Perbandingan memuat tahun 2025. Seharusnya 2025."""
    labels = {"tahun": "Tahun Anggaran", "triwulan": "Triwulan"}
    for key, (v, value) in ctx.diagnosis.identity.items():
        shown = ROMAN.get(value, str(value)) if key == "triwulan" else str(value)
        yield ctx.finding(
            "IDN010", v if v.cell else ("Identitas", None), row_key=labels[key], field=key,
            found=v.text, expected=shown,
            message=f"{labels[key]} '{v.text}' seharusnya {shown}: dengan nilai itu tanggal "
                    "laporan, dokumen desa dan Perbandingan cocok; temuan lain dihitung "
                    f"dengan {labels[key].lower()} {shown}.")
