"""One checked workbook as the page shows it: plain data, every number already written
the Indonesian way, no Flask.

The page is thin: it lays out what this module returns. Figures come from
``summary.build_summary`` (the corrected report), findings from the check result. A finding
that is only a consequence of another one (its ``cause`` names the other's cell) is shown
under that cause, so the reader fixes one cell and sees everything it explains.
"""

from __future__ import annotations

from typing import Any

from .. import formatting as fmt
from ..findings import CheckResult, Finding, Severity, cell_sort_key

LABEL = {Severity.ERROR: "Kesalahan", Severity.WARNING: "Peringatan", Severity.INFO: "Catatan"}
GENERAL_SHEET = "(umum)"


def finding_view(f: Finding) -> dict[str, Any]:
    return {
        "kode": f.rule,
        "tingkat": f.severity.value,
        "label": LABEL[f.severity],
        "sheet": f.sheet if f.sheet != "*" else GENERAL_SHEET,
        "sel": f.cell or "",
        "lokasi": f.where if f.sheet != "*" else GENERAL_SHEET,
        "tertulis": f.found,
        # a value to type, or the bound a date must meet ("<= 7 Juli 2023")
        "seharusnya": f.expected or f.note,
        "pesan": f.message,
        "akibat": [],
    }


def _order(f: Finding) -> tuple:
    return (f.severity.rank, cell_sort_key(f.cell), f.rule)


def grouped_findings(result: CheckResult) -> list[dict[str, Any]]:
    """Findings grouped by sheet, each consequence nested under its root cause.

    Sheets with errors come first (then warnings, then notes), in the workbook's order
    among equals; inside a sheet errors come first, then by cell. A consequence is listed
    under the finding at the cell its ``cause`` names, following chains to the root
    (K5 -> G5 -> G7 all appear under K5), in cell order."""
    by_where: dict[str, Finding] = {}
    for f in sorted(result.findings, key=_order):
        by_where.setdefault(f.where, f)

    def root(f: Finding) -> Finding | None:
        seen = {f.where}
        cur = f
        while cur.cause and cur.cause in by_where and cur.cause not in seen:
            seen.add(cur.cause)
            cur = by_where[cur.cause]
        return cur if cur is not f else None

    nested: dict[int, list[Finding]] = {}
    top: list[Finding] = []
    for f in result.findings:
        r = root(f)
        if r is None:
            top.append(f)
        else:
            nested.setdefault(id(r), []).append(f)

    sheet_order = {name: i for i, name in enumerate(getattr(result.report, "sheets", ()))}
    groups: dict[str, list[dict[str, Any]]] = {}
    ranks: dict[str, int] = {}
    for f in sorted(top, key=_order):
        view = finding_view(f)
        view["akibat"] = [finding_view(c) for c in sorted(
            nested.get(id(f), []), key=lambda c: (c.sheet, cell_sort_key(c.cell), c.rule))]
        sheet = view["sheet"]
        groups.setdefault(sheet, []).append(view)
        worst = min([f.severity.rank] + [c.severity.rank for c in nested.get(id(f), [])])
        ranks[sheet] = min(ranks.get(sheet, 9), worst)
    out = []
    for sheet in sorted(groups, key=lambda s: (ranks[s], sheet_order.get(s, 99), s)):
        items = groups[sheet]
        counts = {s.value: 0 for s in Severity}
        for v in items:
            counts[v["tingkat"]] += 1
            for c in v["akibat"]:
                counts[c["tingkat"]] += 1
        out.append({"sheet": sheet, "jumlah": counts, "temuan": items})
    return out


def summary_view(result: CheckResult) -> dict[str, Any]:
    """The corrected figures a head of office looks at first."""
    from ..summary import build_summary

    s = build_summary(result)
    if s.on_time is None:
        waktu = "Tidak dapat dinilai: tanggal laporan atau triwulan belum diisi."
    elif s.on_time:
        waktu = (f"Tepat waktu: dilaporkan {fmt.date(s.report_date)}, batas "
                 f"{fmt.date(s.deadline)}.")
    else:
        waktu = (f"Terlambat {s.days_late} hari kerja: dilaporkan {fmt.date(s.report_date)}, "
                 f"batas {fmt.date(s.deadline)}.")
    return {
        "unit": s.unit,
        "tingkat": s.tingkat,
        "periode": s.period,
        "tepat_waktu": s.on_time,
        "waktu": waktu,
        "capaian": fmt.percent(s.average) if s.average is not None else "-",
        "predikat": s.average_predikat or "-",
        "penyerapan": fmt.percent(s.penyerapan) if s.penyerapan is not None else "-",
        "anggaran": (f"{fmt.rupiah(s.total_realisasi)} dari pagu {fmt.rupiah(s.total_pagu)}"
                     if s.total_pagu else "Pagu anggaran belum diisi."),
        "indikator": [
            {"indikator": i.indikator or i.sasaran, "target": _measure(i.target, i.unit),
             "realisasi": _measure(i.realisasi, i.unit),
             "capaian": fmt.percent(i.capaian, i.decimals) if i.capaian is not None else "-",
             "predikat": i.predikat or "-"}
            for i in s.indicators
        ],
    }


def _measure(value: float | None, unit: str | None) -> str:
    if value is None:
        return "-"
    if unit == "%":
        return fmt.percent(value)
    return f"{fmt.quantity(value)} {unit}".strip() if unit else fmt.quantity(value)


def file_view(name: str, result: CheckResult) -> dict[str, Any]:
    """Everything the page shows for one workbook that could be read."""
    counts = result.counts
    return {
        "berkas": name,
        "dapat_dibaca": True,
        "sebagian_tak_terbaca": result.input_unusable,
        "jumlah": counts,
        "jumlah_teks": (f"{counts['error']} kesalahan, {counts['warning']} peringatan, "
                        f"{counts['info']} catatan"),
        "ringkasan": summary_view(result),
        "sheets": grouped_findings(result),
    }


def refused_view(name: str, message: str) -> dict[str, Any]:
    """A file that is not a usable workbook: the reader's Indonesian reason."""
    return {"berkas": name, "dapat_dibaca": False, "pesan": message}
