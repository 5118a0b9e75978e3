"""TTD: the persons who sign the report (sheet Tanda Tangan, with Identitas and Pegawai).

NIP validity, one NIP under several names and pangkat/golongan are the IDN rules, which take
their persons from Identitas, Pegawai and Tanda Tangan alike (rules.identitas); these rules
add what only several signatures can show."""

from __future__ import annotations

import datetime as dt

from ..parsing import NipInfo, format_date_id, normalise_text
from . import rule
from .base import Context
from .identitas import _nip_values, person_name_key


@rule("TTD001", "warning", "*", "Nama yang sama ditulis dengan NIP berbeda")
def same_name_other_nip(ctx: Context):
    """Orang yang sama (nama sama, gelar diabaikan) ditulis dengan NIP yang berbeda di
    Identitas, Pegawai atau Tanda Tangan. NIP yang paling sering ditulis dianggap benar;
    spasi dalam NIP tidak dihitung sebagai perbedaan. Dua baris daftar Pegawai dengan nama
    sama dan NIP berbeda adalah dua orang, bukan kesalahan.

    Contoh: HANI PUJANTO, SH dengan NIP 19700929 199302 1 002 di Kata Pengantar dan
    Perjanjian Kinerja, tetapi 19700929 199203 1 002 di Penutup."""
    groups: dict[str, list[tuple[str, object, object]]] = {}
    for nip_v, name_v in _nip_values(ctx):
        p = nip_v.parsed
        key = person_name_key(name_v.text)
        if not isinstance(p, NipInfo) or not p.digits or not key:
            continue
        groups.setdefault(key, []).append((p.digits, nip_v, name_v))
    for items in groups.values():
        if len({d for d, _, _ in items}) < 2:
            continue
        counts: dict[str, int] = {}
        for d, _, _ in items:
            counts[d] = counts.get(d, 0) + 1
        valid = {d for d, v, _ in items if not v.parsed.problems}
        ref = max(counts, key=lambda d: (d in valid, counts[d], -_first(items, d)))
        ref_v = next(v for d, v, _ in items if d == ref)
        ref_text = ref_v.parsed.formatted or ref
        for d, v, name in items:
            if d == ref or (v.sheet == ref_v.sheet == _PEGAWAI):
                continue  # two rows of the personnel list: two people of the same name
            n = counts[ref]
            yield ctx.finding(
                "TTD001", v, row_key=name.text, field="nip", found=v.text, expected=ref_text,
                alternatives=(ref_v.where,),
                message=f"{name.text} ditulis dengan NIP {v.text} di {v.where}, tetapi NIP "
                        f"{ref_text} di {ref_v.where}"
                        f"{f' dan {n - 1} tempat lain' if n > 1 else ''}.")


def _first(items, digits: str) -> int:
    return next(i for i, (d, _, _) in enumerate(items) if d == digits)


_PEGAWAI = "Pegawai"
#: Bagian of Tanda Tangan that sign the report itself, and those that sign the PK.
_REPORT_PARTS = ("kata pengantar", "penutup", "laporan")
_PK_PARTS = ("perjanjian kinerja", "lampiran pk", "pk")


@rule("TTD002", "warning", "Tanda Tangan", "Tanggal tanda tangan berbeda dengan Identitas")
def signature_date(ctx: Context):
    """Tanda tangan laporan (Kata Pengantar, Penutup, Laporan) bertanggal sama dengan
    Tanggal Laporan di Identitas; tanda tangan Perjanjian Kinerja dan lampirannya bertanggal
    sama dengan Tanggal Perjanjian Kinerja (bila diisi). Yang salah bisa tanggal tanda
    tangannya atau Identitasnya, jadi hanya peringatan.

    Contoh (Pronojiwo TW III 2024): Kata Pengantar dan Penutup "Lumajang, 30 September
    2024" sama dengan tanggal laporan; PK dan lampirannya 10 Januari 2024 sama dengan
    tanggal PK. Penutup bertanggal 3 Oktober 2024 akan diperingatkan."""
    ident = ctx.report.identity
    for r in ctx.report.tanda_tangan:
        v = r.get("tanggal")
        d = v.value
        if not isinstance(d, dt.date):
            continue
        if isinstance(d, dt.datetime):
            d = d.date()
        part = normalise_text(r.get("bagian").text)
        if part.startswith(_REPORT_PARTS):
            ref, label = ident.tanggal, "Tanggal Laporan"
        elif part.startswith(_PK_PARTS):
            ref, label = ident.pk_tanggal, "Tanggal Perjanjian Kinerja"
        else:
            continue
        rd = ref.value
        if isinstance(rd, dt.datetime):
            rd = rd.date()
        if not isinstance(rd, dt.date) or rd == d:
            continue
        bagian = r.get("bagian").text.strip()
        yield ctx.finding(
            "TTD002", v, row_key=f"{bagian} ({r.get('nama').text})", field="tanggal",
            found=v.text, expected=format_date_id(rd), alternatives=(ref.where,),
            message=f"Tanda tangan {bagian} bertanggal {format_date_id(d)}, tetapi {label} di "
                    f"Identitas ({ref.where}) {format_date_id(rd)}; salah satunya salah.")
