"""Findings as text (for a Windows console), JSON, CSV, and the rule catalogue."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from .findings import EXPORT_FIELDS, CheckResult, Finding, Severity

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs every check process ~3 ms to import
    from typing import Any

#: Characters that make a spreadsheet treat a cell as a formula (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """Prefix text a spreadsheet would run as a formula with an apostrophe."""
    if value and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _summary(counts: dict[str, int]) -> str:
    return (f"{counts['error']} kesalahan, {counts['warning']} peringatan, "
            f"{counts['info']} catatan")


def render_text(results: Sequence[CheckResult], min_severity: Severity = Severity.INFO,
                failures: Sequence[tuple[str, str]] = ()) -> str:
    """Group findings by sheet, sorted by cell, with counts at the end. Plain ASCII layout
    so that a Windows console shows it without broken characters."""
    out: list[str] = []
    total = {"error": 0, "warning": 0, "info": 0}
    for res in results:
        out.append(f"Berkas: {res.path}")
        shown = res.filtered(min_severity)
        if not shown:
            out.append("  Tidak ada temuan." if not res.findings else
                       "  Tidak ada temuan pada tingkat yang dipilih.")
        sheet = None
        groups = _note_groups(shown)
        for f in shown:
            group = groups.get((f.sheet, f.rule))
            if group is not None and f is not group[0]:
                continue
            if f.sheet != sheet:
                sheet = f.sheet
                out.append(f"  Sheet {sheet if sheet != '*' else '(umum)'}")
            head = f"    {f.cell or '-':<9} {f.severity.label:<10} {f.rule:<7} "
            out.extend(_wrapped(head, f.message))
            if group is not None:
                rest = group[1:]
                out.extend(_wrapped(
                    " " * len(head),
                    f"Catatan {f.rule} yang sama juga untuk {len(rest)} sel lain: "
                    f"{cell_ranges(g.cell for g in rest)}. Rinciannya: --format csv."))
        for k, v in res.counts.items():
            total[k] += v
        out.append(f"  Jumlah: {_summary(res.counts)}.")
        out.append("")
    for path, msg in failures:
        out.append(f"Berkas: {path}")
        out.append(f"  TIDAK DAPAT DIPERIKSA: {msg}")
        out.append("")
    if len(results) + len(failures) > 1:
        out.append(f"Total {len(results)} berkas diperiksa"
                   + (f", {len(failures)} tidak dapat dipakai" if failures else "")
                   + f": {_summary(total)}.")
    return "\n".join(out).rstrip("\n") + "\n"


#: A sheet with at least this many notes of one rule shows them as one entry in text.
NOTE_GROUP_MIN = 4


def _note_groups(findings: Sequence[Finding]) -> dict[tuple[str, str], list[Finding]]:
    """(sheet, rule) -> its notes, where one rule gives many notes in one sheet (a report
    that writes every code 7.01.01.2.01.01 has 40 of them): the console shows the first
    in full and names the other cells, so that errors are not lost between notes."""
    by_key: dict[tuple[str, str], list[Finding]] = {}
    for f in findings:
        if f.severity == Severity.INFO and f.cell:
            by_key.setdefault((f.sheet, f.rule), []).append(f)
    return {k: v for k, v in by_key.items() if len(v) >= NOTE_GROUP_MIN}


def _wrapped(head: str, message: str) -> list[str]:
    import textwrap  # here: a check that finds nothing wraps no text (textwrap: 0.7 ms)

    body = textwrap.wrap(message, width=max(40, 100 - len(head))) or [""]
    return [head + body[0]] + [" " * len(head) + line for line in body[1:]]


def cell_ranges(cells: Iterable[str]) -> str:
    """``A6, A7, A8, A10`` -> ``A6:A8, A10``: runs of rows in one column as ranges."""
    parsed: list[tuple[str, int]] = []
    for c in cells:
        col = c.rstrip("0123456789")
        parsed.append((col, int(c[len(col):]) if c[len(col):] else 0))
    parts: list[str] = []
    i = 0
    while i < len(parsed):
        col, start = parsed[i]
        j = i
        while (j + 1 < len(parsed) and parsed[j + 1][0] == col
               and parsed[j + 1][1] == parsed[j][1] + 1):
            j += 1
        end = parsed[j][1]
        parts.append(f"{col}{start}" if j == i else f"{col}{start}:{col}{end}")
        i = j + 1
    return ", ".join(parts)


def _rows(results: Sequence[CheckResult], min_severity: Severity):
    for res in results:
        for f in res.filtered(min_severity):
            yield f.as_dict(file=res.path)


def render_json(results: Sequence[CheckResult], min_severity: Severity = Severity.INFO,
                failures: Sequence[tuple[str, str]] = ()) -> str:
    """A JSON list of findings, each with exactly the finding fields plus ``file``."""
    import json  # here: the default text output does not pay for it

    return json.dumps(list(_rows(results, min_severity)), ensure_ascii=False, indent=2) + "\n"


#: The CSV for people (opened in Excel): Indonesian headers, in this order.
CSV_HEADERS = (("file", "Berkas"), ("severity", "Tingkat"), ("rule", "Aturan"),
               ("sheet", "Sheet"), ("cell", "Sel"), ("row_key", "Baris"), ("field", "Kolom"),
               ("found", "Tertulis"), ("expected", "Seharusnya"), ("note", "Keterangan"),
               # a consequence names its cause; an honest tie names the other cells
               ("cause", "Akibat dari"), ("alternatives", "Kemungkinan lain"),
               ("message", "Pesan"))
SEVERITY_WORD = {Severity.ERROR: "Kesalahan", Severity.WARNING: "Peringatan",
                 Severity.INFO: "Catatan"}


def typed_values(report, findings: Iterable[Finding] | None = None
                 ) -> dict[tuple[str, str], Any]:
    """(sheet, cell) -> the model Value read there, for quoting typed cells the Indonesian
    way; empty when there is no report (a result built by hand). With ``findings``, only
    their cells are indexed (a large report has a million cells, a few findings)."""
    if report is None:
        return {}
    wanted = None if findings is None else {(f.sheet, f.cell or "") for f in findings}
    if wanted is None:
        index: dict[tuple[str, str], Any] = {}
        for v in report.all_values():
            if v.cell:
                index[(v.sheet, v.cell)] = v
    else:
        from .model import row_number, values_at

        # only the rows of the findings' cells (a large table makes no Value for the rest)
        rows = {row_number(cell) for _sheet, cell in wanted}
        index = values_at(report.all_values(at_rows=rows), wanted)
    for v in report.settings.cells.values():
        if v.cell and (wanted is None or (v.sheet, v.cell) in wanted):
            index.setdefault((v.sheet, v.cell), v)
    return index


def shown_found(f: Finding, values: dict[tuple[str, str], Any]) -> str:
    """What a finding says was typed ("Tertulis"), as a person reads it: the cell's
    Value.display (13425000 -> 13.425.000, 0.385 in a percent cell -> 38,50%, a date ->
    15 Juli 2025) when the finding quotes that cell, else the finding's own text."""
    v = values.get((f.sheet, f.cell or ""))
    if v is not None and f.found and f.found == v.text:
        return v.display
    return f.found


def render_csv(results: Sequence[CheckResult], min_severity: Severity = Severity.INFO,
               machine: bool = False) -> str:
    """Findings as CSV. By default for people opening it in Excel with Indonesian regional
    settings: ``;`` between fields, Indonesian headers and severity words, typed values
    written the Indonesian way (the caller adds the UTF-8 BOM Excel needs to read UTF-8).
    ``machine=True`` gives the machine form: ``,``, the English field names and the raw
    finding fields, as in the JSON."""
    import csv

    buf = io.StringIO()
    if machine:
        fields = ("file",) + EXPORT_FIELDS
        w = csv.DictWriter(buf, fieldnames=fields, lineterminator="\r\n")
        w.writeheader()
        for row in _rows(results, min_severity):
            w.writerow({k: neutralise(str(row.get(k, ""))) for k in fields})
        return buf.getvalue()
    out = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    out.writerow([head for _, head in CSV_HEADERS])
    for res in results:
        shown = res.filtered(min_severity)
        values = typed_values(res.report, shown)
        for f in shown:
            row = f.as_dict(file=res.path)
            row["severity"] = SEVERITY_WORD[f.severity]
            row["found"] = shown_found(f, values)
            out.writerow([neutralise(str(row.get(k, ""))) for k, _ in CSV_HEADERS])
    return buf.getvalue()


def render_rules(fmt: str = "teks") -> str:
    """The rule catalogue from each rule's own docstring."""
    from .rules import load_all

    rules = load_all()
    lines: list[str] = []
    if fmt == "markdown":
        lines += ["# Aturan pemeriksaan lkj", "",
                  "Dibuat otomatis dari docstring setiap aturan (`lkj aturan --format "
                  "markdown`). Tingkat: **error** = angka/tanggal salah, **warning** = "
                  "kemungkinan salah atau tidak konsisten, **info** = format yang tidak "
                  "merusak.", "",
                  "| Kode | Tingkat | Sheet | Judul |", "|---|---|---|---|"]
        for r in rules.values():
            lines.append(f"| [{r.code}](#{r.code.lower()}) | {r.severity.value} | {r.sheet} | "
                         f"{r.title} |")
        lines.append("")
        for r in rules.values():
            lines += [f"## {r.code}", "", f"**{r.title}** - tingkat `{r.severity.value}`, sheet "
                      f"`{r.sheet}`.", "", r.doc, ""]
        return "\n".join(lines)
    import textwrap

    for r in rules.values():
        lines.append(f"{r.code}  {r.severity.label:<10} {r.sheet:<12} {r.title}")
        for para in r.doc.split("\n\n"):
            for line in textwrap.wrap(" ".join(para.split()), width=88):
                lines.append("      " + line)
        lines.append("")
    return "\n".join(lines)
