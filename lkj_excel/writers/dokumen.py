"""``lkj dokumen``: the LKj Triwulan itself, as a Word document, from the checked workbook.

The document is a docxtpl template (a .docx with Jinja2 tags) filled with a context of
ready-formatted Indonesian text. Every number in it comes from the corrected figures of
:mod:`lkj_excel.summary`, never from the typed cells, so retyping slips cannot come back.
The narrative comes from the workbook's Narasi sheet; an empty section becomes a highlighted
placeholder that says where to write it. Two templates ship with lkj (seksi and kecamatan,
laid out like the real reports); a kabupaten can pass its own (``--templat-dokumen``), using
the variables listed in docs/dokumen.md.

Tables whose shape varies with the data (the budget hierarchy, with or without plan
columns and codes; the comparison with one column pair per year) are built with python-docx
as docxtpl subdocuments; every other table is a row loop in the template.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import os
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from .. import formatting as fmt
from ..calendar import ROMAN, quarter_end, quarter_start
from ..checking import check
from ..errors import LkjError, OutputError
from ..findings import CheckResult
from ..layout import DEFAULT_PREDIKAT
from ..model import NarasiRow, col_letter
from ..outputs import OutputKind, fitted_name, guard_output, register_kind
from ..parsing import normalise_text
from ..reader import read_report
from ..rules.base import FORMULA_TEXT, best_match
from ..summary import (
    EDU_ORDER,
    GOL_ORDER,
    Summary,
    build_summary,
    desa_table,
    efisiensi_lines,
    fasilitasi_table,
    indicator_ratio,
    perbandingan_table,
    personnel_figures,
    pk_budget,
)
from .atomic import atomic_output

TEMPLATES = {"seksi": "lkj_seksi.docx", "kecamatan": "lkj_kecamatan.docx"}

#: Narasi sheet Bagian -> (context key, how its rows are laid out).
SECTIONS = {
    "Kata Pengantar": ("kata_pengantar", "paragraf"),
    "Latar Belakang": ("latar_belakang", "paragraf"),
    "Gambaran Umum": ("gambaran_umum", "paragraf"),
    "Tugas dan Fungsi": ("tugas_dan_fungsi", "huruf"),
    "Permasalahan Utama": ("permasalahan_utama", "paragraf"),
    "Penjelasan Capaian": ("penjelasan_capaian", "paragraf"),
    "Hambatan": ("hambatan", "huruf"),
    "Rencana Tindak Lanjut": ("rencana_tindak_lanjut", "huruf"),
    "Kesimpulan": ("kesimpulan", "angka"),
}
#: The superior's checklist, as in the seksi reports (Ranuyoso, Senduro).
TANGGAPAN = ("Laporan sudah baik", "Laporan kurang baik", "Laporan segera diperbaiki",
             "Target dan realisasi diteliti ulang", "Capaian diteliti ulang")
BOX_EMPTY, BOX_TICKED = "\u2610", "\u2612"
_MARKER = re.compile(r"^\s*(?:(?:[a-zA-Z]|\d{1,3})[.)]|[-\u2013\u2022\u2713\u221a*])\s+")


@dataclass
class DokumenResult:
    output: Path
    result: CheckResult
    errors_noted: int  # error-level findings named on the first page (0 with abaikan_temuan)

    @property
    def exit_code(self) -> int:
        return self.result.exit_code


def default_output(path: str | os.PathLike) -> Path:
    """NAME_dokumen.docx beside the input, the name shortened if it would be too long."""
    p = Path(path)
    return p.with_name(fitted_name(p.stem, "_dokumen.docx"))


#: Written into the document's properties; an earlier document is recognised by it.
SUBJECT = "LKj Triwulan (dokumen)"


def _unedited_document(path: Path) -> bool:
    """An earlier lkj document nobody has saved since: Word and LibreOffice write their
    user into lastModifiedBy (and raise the revision) when they save, so a document staff
    have edited is never replaced without --timpa."""
    from ..outputs import _core_xml, office_marker

    core = _core_xml(path)
    return (office_marker(SUBJECT)(path)
            and "<cp:lastModifiedBy>lkj-excel</cp:lastModifiedBy>" in core
            and "<cp:revision>1</cp:revision>" in core)


register_kind(OutputKind("dokumen", "dokumen Word lkj yang belum disunting",
                         _unedited_document))


def dokumen(path: str | os.PathLike, output: str | os.PathLike | None = None, *,
            templat: str | os.PathLike | None = None, abaikan_temuan: bool = False,
            overwrite: bool = False) -> DokumenResult:
    """Check ``path`` and write its LKj as a Word document (default NAME_dokumen.docx
    beside it). The workbook and the template are only read. An existing output is
    replaced only when it is an earlier lkj document that nobody has saved since, or with
    ``overwrite``: staff edit the document in Word, and a rerun must not lose their edits."""
    src = Path(path)
    out = Path(output) if output is not None else default_output(src)
    tpl_path = Path(templat) if templat is not None else None
    if out.suffix.lower() != ".docx":
        raise OutputError(f"Berkas keluaran harus berakhiran .docx, bukan '{out.suffix}'.", out)
    guard_output(out, "dokumen", reads=[src] + ([tpl_path] if tpl_path else []),
                 overwrite=overwrite)
    if tpl_path is not None:
        if not tpl_path.is_file():
            raise OutputError(f"Templat dokumen '{tpl_path}' tidak ditemukan.", tpl_path)
        if tpl_path.suffix.lower() != ".docx":
            raise OutputError("Templat dokumen harus berkas Word .docx, bukan "
                              f"'{tpl_path.suffix}'.", tpl_path)
    report = read_report(src)
    result = check(report)
    summary = build_summary(result)
    tingkat = summary.tingkat if summary.tingkat in TEMPLATES else "seksi"
    doc = _load_template(tpl_path, tingkat)
    ctx = DocumentContext(summary, result, doc, abaikan_temuan).build()
    try:
        doc.render(ctx, autoescape=True)
    except LkjError:
        raise
    except Exception as exc:  # a kabupaten's template with a Jinja mistake
        raise OutputError(f"Templat dokumen tidak dapat diisi: {_jinja_reason(exc)}. Periksa "
                          "tanda {{ }} dan {% %} di templat (lihat docs/dokumen.md).",
                          tpl_path) from None
    _properties(doc, summary)
    with atomic_output(out) as tmp:
        doc.save(tmp)
    return DokumenResult(out, result, 0 if abaikan_temuan else result.counts["error"])


def _properties(doc, s: Summary) -> None:
    cp = doc.docx.core_properties  # get_docx() would reload the unrendered template
    now = dt.datetime.now().replace(microsecond=0)
    cp.title = f"Laporan Kinerja {s.unit} {s.period}"[:250]
    cp.subject = SUBJECT
    cp.author = cp.last_modified_by = "lkj-excel"
    cp.revision = 1
    cp.created = cp.modified = now


CORE_PROPERTIES_NS = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"


def _docxtpl():
    """Import docxtpl, then undo a side effect of docxcompose (which docxtpl imports for
    subdocuments): it rebinds the prefix "cp" in python-docx's global namespace map to the
    custom-properties namespace, after which python-docx writes a document's title and
    revision as stray elements Word ignores. lkj's subdocuments do not use custom properties.
    """
    import docx.oxml.ns as ns
    import docxtpl

    ns.nsmap["cp"] = CORE_PROPERTIES_NS
    return docxtpl


def _load_template(tpl: Path | None, tingkat: str):
    import zipfile

    DocxTemplate = _docxtpl().DocxTemplate

    if tpl is None:
        ref = resources.files("lkj_excel.writers") / "templat_dokumen" / TEMPLATES[tingkat]
        doc = DocxTemplate(io.BytesIO(ref.read_bytes()))
        doc.init_docx()
        return doc
    try:
        with zipfile.ZipFile(tpl) as zf:
            if "word/document.xml" not in zf.namelist():
                raise zipfile.BadZipFile
        doc = DocxTemplate(str(tpl))
        doc.init_docx()
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        raise OutputError(f"Templat dokumen '{tpl.name}' bukan dokumen Word (.docx) yang sah.",
                          tpl) from None
    return doc


def _jinja_reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    line = getattr(exc, "lineno", None)
    return f"{text[:150]}" + (f" (baris XML {line})" if line else "")


# --- formatting -----------------------------------------------------------------------------

def persen(points: float | None) -> str:
    """A computed percentage, two decimals: 86.111 -> "86,11%"."""
    return fmt.percent(points, 2)


rp = fmt.amount


def angka(value: float | None) -> str:
    """A count or measure: 12 -> "12", 68.5 -> "68,5"."""
    if value is None:
        return "-"
    if float(value).is_integer():
        return fmt.number(value, 0)
    text = fmt.number(value, 2)
    return text.rstrip("0").rstrip(fmt.DECIMAL) if fmt.DECIMAL in text else text


def _graded(v, value: float | None) -> str | None:
    """A target or realisasi typed with its predikat grade, as typed: "68,50 (B-)"."""
    from ..summary import graded

    shown = graded(v, value)
    return f"{fmt.number(value, shown[0])} ({shown[1]})" if shown else None


def ukuran(value: float | None, unit: str | None, label: str | None = None) -> str:
    """A target or realisasi with its unit: (93, "%") -> "93%", (83.333, "%") -> "83,33%",
    (12, "desa") -> "12 Desa"."""
    if value is None:
        return "-"
    if unit == "%":
        return angka(round(value, 2)) + "%"
    if unit:
        return f"{angka(value)} {label or unit.capitalize()}"
    return angka(value)


def tanggal(value: dt.date | None) -> str:
    return fmt.date(value) if value else "...................."


def _unit_label(v: Any) -> str | None:
    """The unit as typed ("12 Desa" -> "Desa"), for display."""
    p = getattr(v, "parsed", None)
    u = getattr(p, "unit", None)
    return u.strip() if isinstance(u, str) and u.strip() else None


# --- narrative ------------------------------------------------------------------------------

class Paragraphs:
    """Paragraphs inserted by ``{{p name}}``: rendered to WordprocessingML by str(); the
    plain text is in ``teks`` and the items in ``isi`` for templates that lay them out."""

    def __init__(self, xml: str, isi: list[str], kosong: bool):
        self.xml = xml
        self.isi = isi
        self.kosong = kosong
        self.teks = "\n".join(isi)

    def __str__(self) -> str:
        return self.xml

    __html__ = __str__

    def __bool__(self) -> bool:
        return bool(self.xml)


class Runs:
    """Text with line breaks for ``{{r name}}`` inside a table cell."""

    def __init__(self, text: str):
        self.text = text

    def __str__(self) -> str:
        return _run(self.text)

    __html__ = __str__


def _run(text: str, *, bold: bool = False, italic: bool = False, highlight: bool = False
         ) -> str:
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "") + \
        ('<w:highlight w:val="yellow"/>' if highlight else "")
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    parts = []
    for i, line in enumerate(text.split("\n")):
        if i:
            parts.append(f"<w:r>{rpr}<w:br/></w:r>")
        parts.append(f'<w:r>{rpr}<w:t xml:space="preserve">{html.escape(line, quote=False)}'
                     "</w:t></w:r>")
    return "".join(parts)


def _para(runs: str, style: str | None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}{runs}</w:p>"


def _clean(text: str, strip_marker: bool) -> str:
    text = "\n".join(" ".join(line.split()) for line in str(text).strip().splitlines())
    text = "\n".join(line for line in text.split("\n") if line)
    return _MARKER.sub("", text, count=1) if strip_marker else text


def _letter(i: int) -> str:
    """0 -> "a", 26 -> "aa": list letters for sub-points."""
    return col_letter(i).lower()


class StyleIds:
    """Paragraph style ids of the template being filled (a custom template may lack ours;
    then the paragraph takes Word's Normal style)."""

    def __init__(self, doc):
        from docx.enum.style import WD_STYLE_TYPE

        self.ids = {s.name: s.style_id for s in doc.get_docx().styles
                    if s.type == WD_STYLE_TYPE.PARAGRAPH}

    def __call__(self, name: str) -> str | None:
        return self.ids.get(name)


def section(items: list[str], kind: str, styles: StyleIds, bagian: str, short: bool = False,
            list_style: str = "Butir") -> Paragraphs:
    """The rows of one Narasi section as paragraphs or a lettered/numbered list; an empty
    section as a highlighted note that says where to write it (``short`` in a table cell)."""
    if not items:
        note = (f"[Belum diisi: {bagian} (sheet Narasi)]" if short else
                f"[Belum diisi: {bagian}. Tulis teksnya di sheet Narasi dengan Bagian "
                f"'{bagian}' (satu paragraf atau satu butir per baris), lalu jalankan "
                "lkj dokumen lagi.]")
        return Paragraphs(_para(_run(note, italic=True, highlight=True),
                                styles("Isi Rata")), [], True)
    xml = []
    for i, text in enumerate(items):
        if kind == "paragraf":
            xml.append(_para(_run(text), styles("Isi Laporan")))
        else:
            mark = f"{_letter(i)}." if kind == "huruf" else f"{i + 1}."
            xml.append(_para(_run(mark) + "<w:r><w:tab/></w:r>" + _run(text),
                             styles(list_style) or styles("Butir")))
    return Paragraphs("".join(xml), items, False)


# --- the context ----------------------------------------------------------------------------

class Numbers:
    """Table numbers per chapter in the order the template shows them: "2.1", "3.4"."""

    def __init__(self):
        self.count: dict[int, int] = {}
        self.of: dict[str, str] = {}

    def take(self, key: str, chapter: int) -> str:
        n = self.count[chapter] = self.count.get(chapter, 0) + 1
        self.of[key] = f"{chapter}.{n}"
        return self.of[key]


class DocumentContext:
    def __init__(self, summary: Summary, result: CheckResult, doc, abaikan_temuan: bool):
        self.s = summary
        self.result = result
        self.report = summary.report
        self.doc = doc
        self.abaikan = abaikan_temuan
        self.styles = StyleIds(doc)
        self.kecamatan = summary.tingkat == "kecamatan"
        self.numbers = Numbers()
        self.narasi = self._narasi_rows()

    # -- narasi -------------------------------------------------------------------------------
    def _narasi_rows(self) -> dict[str, list[NarasiRow]]:
        out: dict[str, list[NarasiRow]] = {}
        bagian = {normalise_text(b): b for b in (*SECTIONS, "Strategi", "Tanggapan Atasan")}
        for r in self.report.narasi:
            key = bagian.get(normalise_text(r.bagian))
            if key is None:
                key = best_match(r.bagian, [(b, b) for b in bagian.values()], 0.75)
            if key is not None and r.get("teks").text.strip():
                out.setdefault(key, []).append(r)
        return out

    def _sections(self) -> dict[str, Paragraphs]:
        out = {}
        for bagian, (key, kind) in SECTIONS.items():
            if key == "kesimpulan" and self.kecamatan:
                kind = "paragraf"  # the kecamatan reports close in paragraphs (seeds 003, 004)
            items = [_clean(r.get("teks").text, kind != "paragraf")
                     for r in self.narasi.get(bagian, [])]
            out[key] = section([t for t in items if t], kind, self.styles, bagian)
        return out

    def _strategi(self) -> list[dict]:
        rows = self.narasi.get("Strategi", [])
        inds = self.s.indicators
        names = [(i.indikator or i.sasaran, k) for k, i in enumerate(inds)]
        groups: dict[Any, dict] = {}
        for r in rows:
            typed = r.get("indikator").text.strip()
            k = None
            if typed.rstrip(".").isdigit() and 0 < int(typed.rstrip(".")) <= len(inds):
                k = int(typed.rstrip(".")) - 1
            elif typed:
                k = best_match(typed, names, 0.6)
            key = k if k is not None else (typed or "-")
            g = groups.setdefault(key, {"indikator": (inds[k].indikator or inds[k].sasaran)
                                        if k is not None else (typed or "-"),
                                        "butir": [], "bulan": []})
            g["butir"].append(_clean(r.get("teks").text, True))
            b = r.get("bulan").text.strip()
            if b and b not in g["bulan"]:
                g["bulan"].append(b)
        order = sorted(groups, key=lambda k: (0, k) if isinstance(k, int) else (1, 0))
        out = []
        for n, key in enumerate(order):
            g = groups[key]
            out.append({"no": str(n + 1), "indikator": g["indikator"],
                        "butir": section(g["butir"], "huruf", self.styles, "Strategi",
                                         list_style="Butir Tabel"),
                        "bulan": ", ".join(g["bulan"]) or "-"})
        if not out:
            for n, ind in enumerate(inds or [None]):
                out.append({"no": str(n + 1),
                            "indikator": (ind.indikator or ind.sasaran) if ind else "-",
                            "butir": section([], "huruf", self.styles, "Strategi",
                                             short=True),
                            "bulan": "-"})
        return out

    def _tanggapan(self) -> Paragraphs:
        ticked: set[str] = set()
        other: list[str] = []
        for r in self.narasi.get("Tanggapan Atasan", []):
            text = _clean(r.get("teks").text, True)
            hit = best_match(text, [(t, t) for t in TANGGAPAN], 0.85)
            if hit:
                ticked.add(hit)
            else:
                other.append(text)
        style = self.styles("Butir")
        xml = [_para(_run(BOX_TICKED if t in ticked else BOX_EMPTY) + "<w:r><w:tab/></w:r>"
                     + _run(t), style) for t in TANGGAPAN]
        lain = "Lain-lain: " + "; ".join(other) if other else "Lain-lain " + "." * 60
        xml.append(_para(_run(BOX_TICKED if other else BOX_EMPTY) + "<w:r><w:tab/></w:r>"
                         + _run(lain), style))
        if not other:
            xml += [_para("<w:r><w:tab/></w:r>" + _run("." * 70), style) for _ in range(2)]
        return Paragraphs("".join(xml), [t for t in TANGGAPAN if t in ticked] + other, False)

    # -- people ---------------------------------------------------------------------------------
    def _person(self, p, fallback_jabatan: str) -> dict:
        nip = p.nip.parsed
        nip_text = (getattr(nip, "formatted", None) or p.nip.text).strip()
        jabatan = p.jabatan.text.strip()
        return {"nama": self.s.person_name(p.nama) or "(" + "." * 40 + ")",
                "nip": f"NIP. {nip_text}" if nip_text else "NIP. " + "." * 30,
                "pangkat": p.pangkat.text.strip(),
                "jabatan": jabatan or fallback_jabatan,
                "jabatan_kalimat": jabatan or fallback_jabatan.lower()}

    # -- tables ---------------------------------------------------------------------------------
    def _indicator_rows(self) -> list[dict]:
        out = []
        for k, i in enumerate(self.s.indicators):
            label = _unit_label(i.row.get("target")) or _unit_label(i.row.get("realisasi"))
            ket = i.predikat or (i.row.get("keterangan").text.strip() or "-")
            if i.capaian is None and i.row.get("keterangan").text.strip():
                ket = i.row.get("keterangan").text.strip()
            realisasi = _graded(i.row.get("realisasi"), i.realisasi) or \
                ukuran(i.realisasi, i.unit, label)
            if i.realisasi is None and i.note:  # e.g. "3 Desa" against a target of 100%
                realisasi = i.row.get("realisasi").text or "-"
                ket = i.note
            out.append({"no": i.no.rstrip(".") or str(k + 1), "sasaran": i.sasaran,
                        "indikator": i.indikator or i.sasaran,
                        "target": _graded(i.row.get("target"), i.target) or
                        ukuran(i.target, i.unit, label), "realisasi": realisasi,
                        "capaian": fmt.percent(i.capaian, i.decimals), "predikat": i.predikat or "-",
                        "keterangan": ket})
        return out

    def _penjelasan(self, ada: dict) -> list[dict]:
        out = []
        fas_groups, done, total = fasilitasi_table(self.result)
        fas_used = desa_used = False
        for i in self.s.indicators:
            ratio = indicator_ratio(self.s, i)
            if ratio is None:
                continue
            n, d, src = ratio
            item = {"indikator": i.indikator or i.sasaran, "tabel": ""}
            if src == "Fasilitasi":
                item["rumus"] = ("Diperoleh dari jumlah hasil fasilitasi dan koordinasi yang "
                                 "ditindaklanjuti dibagi jumlah seluruh fasilitasi dan "
                                 "koordinasi, dikali 100%:")
                item["hitungan"] = f"{angka(n)} / {angka(d)} x 100% = {persen(n / d * 100)}"
                if ada["fasilitasi"] and not fas_used:
                    item["tabel"], fas_used = "fasilitasi", True
            elif src == "Desa":
                tepat = self._desa_counts()
                desa = len(desa_table(self.result))
                item["rumus"] = ("Diperoleh dari (jumlah desa yang menyusun RKPDes tepat waktu + "
                                 "APBDes tepat waktu + LPPDes tepat waktu) dibagi (jumlah desa x "
                                 "3 dokumen), dikali 100%:")
                item["hitungan"] = (f"({tepat['rkpdes']} + {tepat['apbdes']} + "
                                    f"{tepat['lppdes']}) / ({desa} x 3) x 100% = {angka(n)} / "
                                    f"{angka(d)} x 100% = {persen(n / d * 100)}")
                if ada["desa"] and not desa_used:
                    item["tabel"], desa_used = "desa", True
            else:
                item["rumus"] = "Diperoleh dari pembilang dibagi penyebut, dikali 100%:"
                item["hitungan"] = f"{angka(n)} / {angka(d)} x 100% = {persen(n / d * 100)}"
            out.append(item)
        if ada["fasilitasi"] and not fas_used:
            out.append({"indikator": "Daftar fasilitasi, koordinasi dan rekomendasi",
                        "rumus": "Kegiatan yang terlaksana dibagi seluruh kegiatan, dikali 100%:",
                        "hitungan": f"{done} / {total} x 100% = {persen(done / total * 100)}",
                        "tabel": "fasilitasi"})
        if ada["desa"] and not desa_used:
            tepat = self._desa_counts()
            desa = len(desa_table(self.result))
            s = tepat["rkpdes"] + tepat["apbdes"] + tepat["lppdes"]
            out.append({"indikator": "Dokumen administrasi pemerintahan desa tepat waktu",
                        "rumus": "Dokumen tepat waktu dibagi (jumlah desa x 3 dokumen), dikali "
                                 "100%:",
                        "hitungan": f"({tepat['rkpdes']} + {tepat['apbdes']} + "
                                    f"{tepat['lppdes']}) / ({desa} x 3) x 100% = "
                                    f"{persen(s / (desa * 3) * 100) if desa else '-'}",
                        "tabel": "desa"})
        for k, item in enumerate(out):
            item["huruf"] = _letter(k)
        return out

    def _desa_counts(self) -> dict[str, int]:
        rows = desa_table(self.result)
        return {doc: sum(1 for _, docs in rows if docs[j][1] == "tepat waktu")
                for j, doc in enumerate(("rkpdes", "apbdes", "lppdes"))}

    def _desa_rows(self) -> list[dict]:
        word = {"tepat waktu": "Tepat waktu", "terlambat": "Terlambat",
                "belum jatuh tempo": "Belum jatuh tempo", "belum ada": "Belum ada"}
        out = []
        for k, (desa, docs) in enumerate(desa_table(self.result)):
            row = {"no": str(k + 1), "desa": desa}
            for (date, status), doc in zip(docs, ("rkpdes", "apbdes", "lppdes"), strict=True):
                w = word.get(status, status.capitalize())
                row[doc] = f"{fmt.date(date)}\n{w}" if date else w
            out.append(row)
        return out

    def _fasilitasi(self) -> dict:
        groups, done, total = fasilitasi_table(self.result)
        return {"kelompok": [{"nama": name, "butir": [
                    {"no": it.no, "nama": it.nama, "terlaksana": "\u221a" if it.done else "",
                     "belum": "" if it.done else "\u221a"} for it in items]}
                    for name, items in groups],
                "terlaksana": str(done), "belum": str(total - done), "jumlah": str(total)}

    def _efisiensi(self) -> tuple[list[dict], str]:
        from ..rules.efisiensi import EFFICIENCY_TEXT

        lines, formula = efisiensi_lines(self.result)
        out = []
        for e in lines:
            out.append({"no": e.no.rstrip(".") or "", "jenis": e.jenis, "uraian": e.uraian,
                        "indikator": e.indikator, "pagu": rp(e.pagu) if e.pagu is not None
                        else "", "realisasi": rp(e.realisasi) if e.pagu is not None else "",
                        "capaian_anggaran": persen(e.capaian_anggaran)
                        if e.capaian_anggaran is not None else "",
                        "target": ukuran(*e.target) if e.target[0] is not None else "",
                        "realisasi_kinerja": ukuran(*e.realisasi_kinerja)
                        if e.realisasi_kinerja[0] is not None else "",
                        "capaian_kinerja": persen(e.capaian_kinerja)
                        if e.capaian_kinerja is not None else "",
                        "efisiensi": persen(e.efisiensi) if e.efisiensi is not None else ""})
        return out, EFFICIENCY_TEXT.get(formula, formula)

    def _pegawai(self) -> dict:
        rows = []
        for r in self.report.pegawai:
            if not r.get("nama").text:
                continue
            nip = r.nip
            nip_text = (nip.formatted if nip is not None and getattr(nip, "formatted", None)
                        else r.get("nip").text.strip())
            rows.append({"no": str(len(rows) + 1), "nama": r.get("nama").text,
                         "nama_nip": Runs(r.get("nama").text + (f"\nNIP. {nip_text}"
                                                                if nip_text else "")),
                         "nip": f"NIP. {nip_text}" if nip_text else "",
                         "jk": r.get("jk").text or "-", "status": r.get("status").text or "-",
                         "pangkat": r.get("pangkat").text or "-",
                         "eselon": r.get("eselon").text or "-",
                         "pendidikan": r.get("pendidikan").text or "-"})
        counts = personnel_figures(self.result)
        edu = counts["pendidikan"]
        people = sum(sum(v.values()) for v in edu.values())
        shown = [k for k in (*EDU_ORDER, "Lainnya") if k in edu and
                 (k in ("SD", "SMP", "SMA/SMK", "D3", "S1", "S2") or sum(edu[k].values()))]
        pend = []
        for k, key in enumerate(shown):
            v = edu[key]
            n = sum(v.values())
            pend.append({"no": str(k + 1), "nama": key, "pns": str(v["PNS"]),
                         "cpns": str(v["CPNS"]), "pppk": str(v["PPPK"]),
                         "non_pns": str(v["Non PNS"]), "jumlah": str(n),
                         "persen": persen(n / people * 100) if people else "-"})
        tot = {s: sum(v[s] for v in edu.values()) for s in ("PNS", "CPNS", "PPPK", "Non PNS")}
        gol = counts["golongan"]
        golongan = [{"no": str(k + 1), "nama": f"Golongan {g}", "pns": str(gol[g]["PNS"]),
                     "cpns": str(gol[g]["CPNS"]), "jumlah": str(sum(gol[g].values()))}
                    for k, g in enumerate(GOL_ORDER)]
        parts = [f"{tot[s]} orang {s}" for s in ("PNS", "CPNS", "PPPK", "Non PNS") if tot[s]]
        return {
            "pegawai": rows,
            "pegawai_pendidikan": pend,
            "pegawai_jumlah": {"pns": str(tot["PNS"]), "cpns": str(tot["CPNS"]),
                               "pppk": str(tot["PPPK"]), "non_pns": str(tot["Non PNS"]),
                               "jumlah": str(people), "persen": persen(100) if people else "-"},
            "pegawai_golongan": golongan,
            "golongan_jumlah": {"pns": str(sum(g["PNS"] for g in gol.values())),
                                "cpns": str(sum(g["CPNS"] for g in gol.values())),
                                "jumlah": str(sum(sum(g.values()) for g in gol.values()))},
            "pegawai_diklat": [{"no": str(k + 1), "nama": d, "jumlah": str(n)}
                               for k, (d, n) in enumerate(counts["diklat"].items())],
            "diklat_jumlah": str(sum(counts["diklat"].values())),
            "pegawai_eselon": [{"no": str(k + 1), "nama": e, "jumlah": str(n)}
                               for k, (e, n) in enumerate(counts["eselon"].items())],
            "eselon_jumlah": str(sum(counts["eselon"].values())),
            "dari_rekap": counts["dari_rekap"],
            "pegawai_ringkas": f"{people} orang pegawai" + (
                f", terdiri atas {_join(parts)}" if parts else ""),
        }

    # -- summary sentences ----------------------------------------------------------------------
    def _ringkasan(self) -> str:
        s = self.s
        measured = [i for i in s.indicators if i.capaian is not None]
        reached = [i for i in measured if i.capaian >= 100 - 1e-9]
        text = (f"Dari {len(s.indicators)} indikator kinerja, {len(measured)} telah terukur "
                f"capaiannya pada {s.period}")
        if measured:
            text += (f" dengan rata-rata capaian {persen(s.average)} (predikat "
                     f"{s.average_predikat or '-'}); {len(reached)} indikator mencapai atau "
                     "melampaui target")
        text += "."
        if s.budget_flat:
            text += (f" Realisasi anggaran sampai dengan triwulan {ROMAN.get(s.quarter or 0)} "
                     f"sebesar Rp{rp(s.total_realisasi)} dari pagu Rp{rp(s.total_pagu)} "
                     f"({persen(s.penyerapan)}).")
        return text

    def _warning(self) -> str:
        n = self.result.counts["error"]
        if self.abaikan or n == 0:
            return ""
        return (f"Laporan ini masih memuat {n} kesalahan hasil pemeriksaan (lkj check). Angka "
                "dalam tabel dokumen ini sudah dihitung ulang oleh lkj; perbaiki isian buku "
                "kerja dan buat ulang dokumen sebelum laporan ditandatangani.")

    # -- build ----------------------------------------------------------------------------------
    def build(self) -> dict:
        s, r = self.s, self.report
        ident = r.identity
        q = ROMAN.get(s.quarter or 0, "?")
        year = s.year
        kumulatif = normalise_text(ident.sifat.text) != "triwulan"
        start = (dt.date(year, 1, 1) if kumulatif else quarter_start(year, s.quarter)) \
            if year and s.quarter else None
        end = quarter_end(year, s.quarter) if year and s.quarter else None
        kab = ident.kabupaten.text.strip()
        unit = s.unit
        pk_lines, pk_total = pk_budget(self.result)
        fas_groups, _, fas_total = fasilitasi_table(self.result)
        efis, efis_formula = self._efisiensi()
        years, comparison = perbandingan_table(s)
        peg = self._pegawai()
        # a seksi whose budget is its cost-per-outcome table shows that table, not it twice
        ada = {"pk_anggaran": bool(pk_lines),
               "anggaran": bool(s.budget_flat) and s.budget_source == "Anggaran",
               "fasilitasi": bool(fas_total), "desa": bool(desa_table(self.result)),
               "efisiensi": bool(efis), "perbandingan": bool(comparison),
               "pegawai": bool(peg["pegawai"]),
               # the summary tables: from the list, or typed in Rekap Pegawai
               "rekap_pegawai": bool(peg["pegawai"] or peg["dari_rekap"])}
        penjelasan = self._penjelasan(ada)
        # table numbers, in the order each template shows its tables
        N = self.numbers
        if self.kecamatan:
            if ada["pegawai"]:
                N.take("pegawai", 1)
            N.take("pk", 2)
            if ada["pk_anggaran"]:
                N.take("pk_anggaran", 2)
            N.take("capaian", 3)
            for item in penjelasan:
                if item["tabel"]:
                    N.take(item["tabel"], 3)
            if ada["perbandingan"]:
                N.take("perbandingan", 3)
            if ada["rekap_pegawai"]:
                for k in ("pegawai_pendidikan", "pegawai_golongan", "pegawai_diklat",
                          "pegawai_eselon"):
                    N.take(k, 3)
            if ada["efisiensi"]:
                N.take("efisiensi", 3)
            if ada["anggaran"]:
                N.take("anggaran", 3)
        else:
            N.take("pk", 2)
            if ada["pk_anggaran"]:
                N.take("pk_anggaran", 2)
            N.take("capaian", 2)
            for item in penjelasan:
                if item["tabel"]:
                    N.take(item["tabel"], 2)
            if ada["efisiensi"]:
                N.take("efisiensi", 2)
            if ada["anggaran"]:
                N.take("anggaran", 2)
            N.take("strategi", 2)
        sub = iter("123456789")
        butir = {"permasalahan": "d" if ada["pegawai"] else "c", "capaian": next(sub)}
        if ada["perbandingan"]:
            butir["perbandingan"] = next(sub)
        butir["analisis"] = next(sub)
        butir["efisiensi"] = next(sub)
        negative = sorted({i.formula for i in s.indicators if i.formula != "R/T"})
        scale = s.ctx.settings.predikat_scale
        scale_text = "Permendagri 86/2017" if tuple(scale) == tuple(DEFAULT_PREDIKAT) else \
            "pada sheet Pengaturan"
        pelapor = self._person(ident.pelapor, "Kepala " + unit if not self.kecamatan else
                               "Camat")
        atasan = self._person(ident.atasan, "Camat" if not self.kecamatan else "Bupati")
        pk_date = r.date_of(ident.pk_tanggal) if ident.pk_tanggal.text else None
        pk2 = ident.pk_pihak2_jabatan.text.strip() or ident.atasan.jabatan.text.strip()
        rs = s.ctx.settings
        ctx = {
            "unit": unit, "unit_kapital": unit.upper(), "tingkat": s.tingkat,
            "kecamatan": ident.kecamatan.text.strip(), "kabupaten": kab,
            "kabupaten_kapital": ("KABUPATEN " + kab.upper()) if kab and not
            kab.lower().startswith(("kabupaten", "kota")) else kab.upper(),
            "tahun": str(year or "-"), "triwulan": q, "periode": s.period,
            "periode_awal": tanggal(start), "periode_akhir": tanggal(end),
            "tempat": ident.tempat.text.strip() or ident.kecamatan.text.strip() or "..........",
            "tanggal": tanggal(s.report_date),
            "batas_penyampaian": tanggal(s.deadline),
            "ketepatan_waktu": "-" if s.on_time is None else (
                "tepat waktu" if s.on_time else f"terlambat {s.days_late} hari kerja"),
            "pelapor": pelapor, "atasan": atasan,
            "peringatan": self._warning(),
            "jumlah_kesalahan": str(self.result.counts["error"]),
            "ringkasan_angka": self._ringkasan(),
            "tabel": N.of, "ada": ada, "butir": butir,
            "judul_pk": ("Lembar Dokumen Perjanjian Kinerja " + unit) if not self.kecamatan
            else f"Perjanjian Kinerja {unit} Tahun {year or '-'}",
            "pk_ditandatangani": (f" yang ditandatangani pada {fmt.date(pk_date)} antara "
                                  f"{pelapor['jabatan_kalimat']} dengan {pk2}" if pk_date and pk2
                                  else ""),
            "pk": [{"no": p.get("no").text.rstrip(".") or str(k + 1),
                    "sasaran": p.get("sasaran").text, "indikator": p.get("indikator").text,
                    "target": p.get("target").text or "-"} for k, p in enumerate(r.pk)
                   if p.get("indikator").text or p.get("sasaran").text],
            "pk_anggaran": [{"no": b.no.rstrip("."), "uraian": b.uraian,
                             "anggaran": rp(b.anggaran), "sumber": b.sumber or "-"}
                            for b in pk_lines],
            "pk_anggaran_jumlah": rp(pk_total) if pk_total is not None else "-",
            "capaian": self._indicator_rows(),
            "rata_rata": persen(s.average),
            "rata_rata_predikat": s.average_predikat or "-",
            "catatan_rumus": ("; polaritas negatif: " + ", ".join(FORMULA_TEXT[f]
                                                                 for f in negative))
            if negative else "",
            "skala_predikat": scale_text,
            "penjelasan": penjelasan,
            "fasilitasi": self._fasilitasi(),
            "desa": self._desa_rows(), "desa_tepat": {k: str(v) for k, v in
                                                      self._desa_counts().items()},
            "batas_desa": {"rkpdes": f"{rs.rkpdes_deadline[0]} {_month(rs.rkpdes_deadline[1])} "
                                     f"{year or ''}".strip(),
                           "apbdes": f"{rs.apbdes_deadline[0]} {_month(rs.apbdes_deadline[1])} "
                                     f"{(year - 1) if year else ''}".strip(),
                           "lppdes": f"{rs.lppdes_deadline[0]} {_month(rs.lppdes_deadline[1])} "
                                     f"{year or ''}".strip()},
            "efisiensi": efis, "rumus_efisiensi": efis_formula,
            "anggaran": {"pagu": rp(s.total_pagu), "realisasi": rp(s.total_realisasi),
                         "sisa": rp(s.total_pagu - s.total_realisasi),
                         "penyerapan": persen(s.penyerapan)},
            "program": [{"kode": b.code or "", "nama": b.name, "pagu": rp(b.pagu),
                         "realisasi": rp(b.realisasi), "sisa": rp(b.sisa),
                         "penyerapan": persen(b.penyerapan)} for b in s.budget],
            "strategi": self._strategi(),
            "tanggapan": self._tanggapan(),
            "narasi": self._sections(),
            **peg,
        }
        from .dokumen_tabel import budget_table, comparison_table

        ctx["tabel_anggaran"] = budget_table(self.doc, s) if ada["anggaran"] else ""
        ctx["tabel_perbandingan"] = comparison_table(self.doc, s, years, comparison) \
            if ada["perbandingan"] else ""
        ctx["pengingat_anggaran"] = section([], "paragraf", self.styles,
                                            "Realisasi Anggaran (sheet Anggaran)")
        ctx["pengingat_sumber_daya"] = section([], "paragraf", self.styles,
                                               "Sumber daya (sheet Pegawai atau Efisiensi)")
        ctx["grafik"] = self._charts()
        return ctx

    def _charts(self) -> dict:
        from docx.shared import Cm
        InlineImage = _docxtpl().InlineImage

        from .grafik import BLUE, GREEN, bar_chart

        out = {"capaian": "", "penyerapan": ""}
        caps = [(i.indikator or i.sasaran, i.capaian) for i in self.s.indicators
                if i.capaian is not None]
        if caps:
            png = bar_chart(caps, "Capaian per indikator", persen, reference=100,
                            reference_label="target 100%", colour=BLUE, limit=100)
            out["capaian"] = _image(self.doc, png, InlineImage, Cm)
        progs = [(b.name, b.penyerapan) for b in self.s.budget if b.penyerapan is not None]
        if len(progs) >= 1 and self.s.budget_flat:
            png = bar_chart([(n.capitalize() if n.isupper() else n, v) for n, v in progs],
                            "Penyerapan anggaran per program", persen, colour=GREEN, limit=100)
            out["penyerapan"] = _image(self.doc, png, InlineImage, Cm)
        return out


def _image(doc, png: bytes, InlineImage, Cm):
    return InlineImage(doc, io.BytesIO(png), width=Cm(14))


def _month(m: int) -> str:
    return fmt.date(dt.date(2000, m, 1)).split()[1]


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " dan " + parts[-1]


__all__ = ["dokumen", "default_output", "DokumenResult"]
