"""Build the Word templates of ``lkj dokumen`` with python-docx:

    python scripts/build_dokumen_templates.py

writes lkj_excel/writers/templat_dokumen/lkj_seksi.docx and lkj_kecamatan.docx. They are
ordinary .docx files with docxtpl (Jinja2) tags, so a kabupaten can open one in Word,
change the house style or the wording and pass it with ``--templat-dokumen``; the variables
are listed in docs/dokumen.md. Chapters, headings and table numbers follow the real reports
(seksi: Ranuyoso and Senduro; kecamatan: Pronojiwo and Candipuro).

The zip entries get a fixed date, so rebuilding gives byte-identical files.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docx import Document  # noqa: E402
from docx.enum.style import WD_STYLE_TYPE  # noqa: E402
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Cm, Pt, RGBColor  # noqa: E402

from lkj_excel.writers import docx_util as U  # noqa: E402

OUT = ROOT / "lkj_excel" / "writers" / "templat_dokumen"
FONT = "Arial"
TEXT_WIDTH = 16.0  # cm: A4 (21 cm) less 3 cm left and 2 cm right margins


class Builder:
    def __init__(self, tingkat: str):
        self.tingkat = tingkat
        self.doc = Document()
        self._styles()
        sec = self.doc.sections[0]
        sec.page_width, sec.page_height = Cm(21), Cm(29.7)
        sec.left_margin, sec.right_margin = Cm(3), Cm(2)
        sec.top_margin, sec.bottom_margin = Cm(2.5), Cm(2.5)
        sec.different_first_page_header_footer = tingkat == "kecamatan"
        foot = sec.footer.paragraphs[0]
        foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
        foot.style = self.doc.styles["Footer"]
        U.page_number_field(foot)
        head = sec.header.paragraphs[0]
        head.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        r = head.add_run("Laporan Kinerja {{ unit }} - {{ periode }}")
        r.font.size = Pt(8)
        r.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
        cp = self.doc.core_properties
        cp.author = "lkj-excel"
        cp.title = "Laporan Kinerja Triwulan"
        cp.comments = f"Templat dokumen lkj-excel tingkat {tingkat}"
        cp.revision = 1
        import datetime as dt

        cp.created = cp.modified = dt.datetime(2025, 1, 1)
        cp.last_modified_by = "lkj-excel"
        body = self.doc.element.body
        for p in list(body.iterchildren()):
            if p.tag.endswith("}p"):
                body.remove(p)

    # -- styles -----------------------------------------------------------------------------
    def _styles(self) -> None:
        st = self.doc.styles
        normal = st["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(11)
        normal.element.rPr.rFonts.set("{http://schemas.openxmlformats.org/wordprocessingml/"
                                      "2006/main}eastAsia", FONT)
        normal.paragraph_format.space_after = Pt(0)
        normal.paragraph_format.line_spacing = 1.15

        def para(name, base="Normal", size=None, bold=None, align=None, before=0, after=0,
                 left=None, first=None, keep=False, italic=None, color=None):
            s = st.add_style(name, WD_STYLE_TYPE.PARAGRAPH) if name not in \
                [x.name for x in st] else st[name]
            s.base_style = st[base]
            f = s.font
            f.name = FONT
            if size:
                f.size = Pt(size)
            f.bold = bold
            f.italic = italic
            if color:
                f.color.rgb = RGBColor.from_string(color)
            pf = s.paragraph_format
            if align:
                pf.alignment = align
            pf.space_before, pf.space_after = Pt(before), Pt(after)
            if left is not None:
                pf.left_indent = Cm(left)
            if first is not None:
                pf.first_line_indent = Cm(first)
            pf.keep_with_next = keep or None
            rfonts = s.element.rPr.rFonts if s.element.rPr is not None else None
            if rfonts is not None:  # theme fonts (Heading styles) would override Arial
                for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
                    rfonts.attrib.pop(qn(f"w:{attr}"), None)
            return s

        J, C, L = WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT
        para("Isi Laporan", align=J, after=6, first=1.25)
        para("Isi Rata", align=J, after=6)
        for level, left in ((1, 0.0), (2, 0.75)):
            s = para(f"Butir {level}" if level > 1 else "Butir", align=J, after=3,
                     left=left + 0.75, first=-0.75)
            s.paragraph_format.tab_stops.add_tab_stop(Cm(left + 0.75))
        s = para("Butir Tabel", size=9, align=L, left=0.5, first=-0.5)
        s.paragraph_format.tab_stops.add_tab_stop(Cm(0.5))
        h1 = para("Heading 1", size=12, bold=True, align=C, before=0, after=12, keep=True,
                  color="000000")
        h1.paragraph_format.page_break_before = True
        para("Heading 2", size=11, bold=True, align=L, before=12, after=6, keep=True,
             color="000000")
        para("Heading 3", size=11, bold=True, align=L, before=6, after=6, keep=True,
             color="000000", left=0.0)
        para("Judul Tabel", size=10, bold=True, align=C, before=6, after=0, keep=True)
        para("Judul Tabel Nama", size=10, bold=True, align=C, before=0, after=6, keep=True)
        para(U.CELL_STYLE, size=9, align=L)
        para(U.HEAD_STYLE, size=9, bold=True, align=C, keep=True)
        para("Keterangan Gambar", size=9, italic=True, align=C, after=8)
        para("Sampul", size=16, bold=True, align=C, after=6)
        para("Sampul Kecil", size=12, bold=True, align=C, after=4)
        para("Peringatan", size=10, bold=True, align=L, color="9C0006")
        para("Tanda Tangan", size=11, align=C)
        para("Rumus", size=10, align=C, before=3, after=6, italic=True)
        tbl = st.add_style(U.TABLE_STYLE, WD_STYLE_TYPE.TABLE)
        tbl.base_style = st["Table Grid"]
        tbl.font.name = FONT
        tbl.font.size = Pt(9)

    # -- blocks -----------------------------------------------------------------------------
    def p(self, text: str = "", style: str = "Isi Laporan", **run) -> object:
        para = self.doc.add_paragraph(style=style)
        if text:
            r = para.add_run(text)
            r.bold = run.get("bold")
            r.italic = run.get("italic")
        return para

    def tag(self, jinja: str) -> None:
        """A paragraph that holds only a docxtpl block tag: it vanishes when rendered."""
        self.doc.add_paragraph(jinja, style="Isi Rata")

    def sub(self, jinja: str) -> None:
        """A paragraph replaced by the paragraphs of a narrative section or a table."""
        self.doc.add_paragraph("{{p " + jinja + " }}", style="Isi Rata")

    def heading(self, text: str, level: int = 1, second: str | None = None) -> None:
        para = self.doc.add_paragraph(style=f"Heading {level}")
        para.add_run(text)
        if second:
            para.add_run().add_break()
            para.add_run(second)

    def caption(self, key: str, title: str) -> None:
        self.p("Tabel {{ tabel." + key + " }}", "Judul Tabel")
        self.p(title, "Judul Tabel Nama")

    def image(self, key: str, caption: str) -> None:
        self.tag("{%p if grafik." + key + " %}")
        para = self.p("{{ grafik." + key + " }}", "Isi Rata")
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        para.paragraph_format.keep_with_next = True
        self.p(caption, "Keterangan Gambar")
        self.tag("{%p endif %}")

    def table(self, heads: list[str], widths: list[float], cells: list[str], loop: str,
              numbering: bool = False, totals: list[list[tuple[str, int]]] | None = None,
              group: tuple[str, str] | None = None, size: float | None = None,
              keep: bool = True, together: bool = False) -> None:
        """A table: header row, optional (1) (2) ... row, one row repeated per item of
        ``loop`` ("x in pk"), and total rows given as [(text, span), ...]."""
        n = len(heads)
        rows = 1 + numbering + 3 + (3 if group else 0) + len(totals or [])
        t = self.doc.add_table(rows=rows, cols=n, style=U.TABLE_STYLE)
        U.set_widths(t, widths)
        r = 0
        for c, h in enumerate(heads):
            cell = t.cell(r, c)
            U.cell_text(cell, h, style=U.HEAD_STYLE, align="center", size=size)
            U.shade(cell, U.HEAD_FILL)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        U.repeat_header(t.rows[r])
        r += 1
        if numbering:
            for c in range(n):
                U.cell_text(t.cell(r, c), f"({c + 1})", style=U.HEAD_STYLE, align="center")
            U.repeat_header(t.rows[r])
            r += 1
        if group:
            outer, label = group
            m = t.cell(r, 0).merge(t.cell(r, n - 1))
            U.cell_text(m, "{%tr for " + outer + " %}")
            r += 1
            m = t.cell(r, 0).merge(t.cell(r, n - 1))
            U.cell_text(m, label, bold=True)
            U.shade(m, U.TOTAL_FILL)
            r += 1
        m = t.cell(r, 0).merge(t.cell(r, n - 1))
        U.cell_text(m, "{%tr for " + loop + " %}")
        r += 1
        for c, text in enumerate(cells):
            align = "right" if text.startswith("R|") else ("center" if text.startswith("C|")
                                                           else "left")
            text = text[2:] if text[:2] in ("R|", "C|") else text
            if text.startswith("{{p "):
                t.cell(r, c).paragraphs[0].add_run(text)
            else:
                U.cell_text(t.cell(r, c), text, align=align, size=size)
        if keep:  # a row may break across pages only when it can be long (a list)
            U.keep_row_together(t.rows[r])
        if together:  # a short table: every row keeps with the next, so it never splits
            for row in t.rows[:r + 1]:
                for cell in row.cells:
                    for para in cell.paragraphs:
                        para.paragraph_format.keep_with_next = True
        r += 1
        m = t.cell(r, 0).merge(t.cell(r, n - 1))
        U.cell_text(m, "{%tr endfor %}")
        r += 1
        if group:
            m = t.cell(r, 0).merge(t.cell(r, n - 1))
            U.cell_text(m, "{%tr endfor %}")
            r += 1
        for total in totals or []:
            c = 0
            for text, span in total:
                cell = t.cell(r, c)
                if span > 1:
                    cell = cell.merge(t.cell(r, c + span - 1))
                align = "right" if text.startswith("R|") else ("center" if text.startswith("C|")
                                                               else "left")
                text = text[2:] if text[:2] in ("R|", "C|") else text
                U.cell_text(cell, text, bold=True, align=align)
                U.shade(cell, U.TOTAL_FILL)
                c += span
            U.keep_row_together(t.rows[r])
            r += 1
        self.p("", "Isi Rata")

    def warning(self) -> None:
        self.tag("{%p if peringatan %}")
        t = self.doc.add_table(rows=1, cols=1, style=U.TABLE_STYLE)
        U.set_widths(t, [TEXT_WIDTH])
        cell = t.cell(0, 0)
        U.shade(cell, "FFE5E5")
        U.cell_text(cell, "{{ peringatan }}", style="Peringatan")
        self.tag("{%p endif %}")

    def signature(self, two: bool) -> None:
        """The place and date, position, name, pangkat and NIP of the reporter; for a seksi
        the superior's block ("Mengetahui") on the left. One unbreakable row."""
        self.p("", "Isi Rata").paragraph_format.keep_with_next = True
        t = self.doc.add_table(rows=1, cols=2)
        U.no_borders(t)
        U.set_widths(t, [TEXT_WIDTH / 2, TEXT_WIDTH / 2])
        U.keep_row_together(t.rows[0])
        left, right = t.cell(0, 0), t.cell(0, 1)

        def block(cell, lines):
            first = True
            for text, kind in lines:
                para = cell.paragraphs[0] if first else cell.add_paragraph()
                first = False
                para.style = "Tanda Tangan"
                if kind == "tag":
                    para.add_run(text)
                    continue
                r = para.add_run(text)
                if kind == "name":
                    r.bold = True
                    r.underline = True

        if two:
            block(left, [("Mengetahui,", ""), ("Atasan Langsung", ""),
                         ("{{ atasan.jabatan }}", ""), ("", ""), ("", ""), ("", ""),
                         ("{{ atasan.nama }}", "name"),
                         ("{%p if atasan.pangkat %}", "tag"), ("{{ atasan.pangkat }}", ""),
                         ("{%p endif %}", "tag"), ("{{ atasan.nip }}", "")])
        else:
            block(left, [("", "")])
        block(right, [("{{ tempat }}, {{ tanggal }}", ""), ("{{ pelapor.jabatan }}", ""),
                      ("", ""), ("", ""), ("", ""), ("{{ pelapor.nama }}", "name"),
                      ("{%p if pelapor.pangkat %}", "tag"), ("{{ pelapor.pangkat }}", ""),
                      ("{%p endif %}", "tag"), ("{{ pelapor.nip }}", "")])

    def page_break(self) -> None:
        self.doc.add_paragraph(style="Isi Rata").add_run().add_break(WD_BREAK.PAGE)

    def save(self, path: Path) -> None:
        buf = io.BytesIO()
        self.doc.save(buf)
        _fixed_zip(buf.getvalue(), path)


def _fixed_zip(data: bytes, path: Path) -> None:
    """Rewrite the .docx with a fixed date on every entry (python-docx stamps the time)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, src.read(info.filename))
    path.write_bytes(out.getvalue())


# --- shared pieces ----------------------------------------------------------------------------

def pk_tables(b: Builder, sasaran_head: str) -> None:
    b.caption("pk", "{{ judul_pk }}")
    b.table(["No", sasaran_head, "Indikator Kinerja", "Target"], [1.0, 6.0, 6.5, 2.5],
            ["C|{{ x.no }}", "{{ x.sasaran }}", "{{ x.indikator }}", "C|{{ x.target }}"],
            "x in pk", numbering=True)
    b.tag("{%p if ada.pk_anggaran %}")
    b.caption("pk_anggaran", "Anggaran pada Perjanjian Kinerja Tahun {{ tahun }}")
    b.table(["No", "Program/Kegiatan", "Anggaran (Rp)", "Sumber Dana"], [1.0, 9.0, 3.5, 2.5],
            ["C|{{ x.no }}", "{{ x.uraian }}", "R|{{ x.anggaran }}", "C|{{ x.sumber }}"],
            "x in pk_anggaran", together=True, totals=[[("Jumlah", 2), ("R|{{ pk_anggaran_jumlah }}", 1),
                                         ("", 1)]])
    b.tag("{%p endif %}")


def capaian_table(b: Builder, sasaran_head: str) -> None:
    b.caption("capaian", "Capaian Kinerja {{ unit }} {{ periode }}")
    b.table(["No", sasaran_head, "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)",
             "Predikat / Ket."], [0.8, 3.6, 4.4, 1.7, 1.8, 1.7, 2.0],
            ["C|{{ x.no }}", "{{ x.sasaran }}", "{{ x.indikator }}", "C|{{ x.target }}",
             "C|{{ x.realisasi }}", "C|{{ x.capaian }}", "C|{{ x.keterangan }}"],
            "x in capaian", numbering=True,
            totals=[[("Rata-rata capaian kinerja", 5), ("C|{{ rata_rata }}", 1),
                     ("C|{{ rata_rata_predikat }}", 1)]])
    b.p("Capaian (6) = realisasi (5) dibagi target (4) x 100%{{ catatan_rumus }}. Predikat "
        "menurut skala {{ skala_predikat }}.", "Keterangan Gambar")
    b.image("capaian", "Grafik capaian kinerja per indikator terhadap target (100%)")


def penjelasan(b: Builder) -> None:
    """Per indicator whose realisasi is a ratio: its formula and the computation, then the
    Fasilitasi checklist or the desa documents it was counted from."""
    b.tag("{%p for x in penjelasan %}")
    b.p("{{ x.huruf }}.\tIndikator: {{ x.indikator }}", "Butir", bold=True)
    b.p("{{ x.rumus }}", "Isi Rata").paragraph_format.left_indent = Cm(0.75)
    b.p("= {{ x.hitungan }}", "Rumus")
    b.tag("{%p if x.tabel == 'fasilitasi' %}")
    b.caption("fasilitasi", "Fasilitasi dan Koordinasi yang Ditindaklanjuti s.d. Triwulan "
              "{{ triwulan }}")
    b.table(["No", "Jenis Fasilitasi / Koordinasi / Rekomendasi", "Terlaksana",
             "Belum Terlaksana"], [1.0, 10.6, 2.2, 2.2],
            ["C|{{ y.no }}", "{{ y.nama }}", "C|{{ y.terlaksana }}", "C|{{ y.belum }}"],
            "y in g.butir", group=("g in fasilitasi.kelompok", "{{ g.nama }}"),
            totals=[[("Jumlah ({{ fasilitasi.jumlah }} kegiatan)", 2),
                     ("C|{{ fasilitasi.terlaksana }}", 1), ("C|{{ fasilitasi.belum }}", 1)]])
    b.tag("{%p endif %}")
    b.tag("{%p if x.tabel == 'desa' %}")
    b.caption("desa", "Dokumen Administrasi Pemerintahan Desa s.d. Triwulan {{ triwulan }}")
    b.table(["No", "Desa", "RKPDes", "APBDes", "LPPDes"], [1.0, 3.6, 3.8, 3.8, 3.8],
            ["C|{{ y.no }}", "{{ y.desa }}", "C|{{ y.rkpdes }}", "C|{{ y.apbdes }}",
             "C|{{ y.lppdes }}"], "y in desa",
            totals=[[("Jumlah tepat waktu", 2), ("C|{{ desa_tepat.rkpdes }}", 1),
                     ("C|{{ desa_tepat.apbdes }}", 1), ("C|{{ desa_tepat.lppdes }}", 1)]])
    b.p("Batas tepat waktu: RKPDes {{ batas_desa.rkpdes }}, APBDes {{ batas_desa.apbdes }}, "
        "LPPDes {{ batas_desa.lppdes }}.", "Keterangan Gambar")
    b.tag("{%p endif %}")
    b.tag("{%p endfor %}")


def efisiensi_table(b: Builder) -> None:
    b.tag("{%p if ada.efisiensi %}")
    b.p("Untuk mewujudkan pencapaian target kinerja sebagaimana tertuang pada tabel "
        "{{ tabel.capaian }} di atas tentunya dibutuhkan anggaran. Pada tabel "
        "{{ tabel.efisiensi }} di bawah ini diuraikan kegiatan-kegiatan yang mendukung "
        "ketercapaian target kinerja, termasuk pagu anggaran dan realisasinya.")
    b.caption("efisiensi", "Cost per outcome {{ unit }} Tahun {{ tahun }} - Triwulan "
              "{{ triwulan }}")
    b.table(["No", "Sasaran / Kegiatan", "Indikator Kinerja", "Pagu (Rp)", "Realisasi (Rp)",
             "Capaian Angg. (%)", "T", "R", "Capaian Kinerja (%)", "Efisiensi (%)"],
            [0.6, 2.7, 2.5, 1.8, 1.8, 1.45, 1.1, 1.1, 1.45, 1.45],
            ["C|{{ x.no }}", "{{ x.uraian }}", "{{ x.indikator }}", "R|{{ x.pagu }}",
             "R|{{ x.realisasi }}", "C|{{ x.capaian_anggaran }}", "C|{{ x.target }}",
             "C|{{ x.realisasi_kinerja }}", "C|{{ x.capaian_kinerja }}", "C|{{ x.efisiensi }}"],
            "x in efisiensi", size=7.5)
    b.p("Efisiensi = {{ rumus_efisiensi }} (rumus dapat diubah di sheet Pengaturan).",
        "Keterangan Gambar")
    b.tag("{%p endif %}")


def anggaran_table(b: Builder, intro: str) -> None:
    b.tag("{%p if ada.anggaran %}")
    b.p(intro)
    b.caption("anggaran", "Realisasi Anggaran Tahun {{ tahun }} sampai dengan Triwulan "
              "{{ triwulan }}")
    b.sub("tabel_anggaran")
    b.p("Penyerapan anggaran sampai dengan triwulan {{ triwulan }}: realisasi "
        "Rp{{ anggaran.realisasi }} dari pagu Rp{{ anggaran.pagu }} ({{ anggaran.penyerapan }}), "
        "sisa Rp{{ anggaran.sisa }}.")
    b.image("penyerapan", "Grafik penyerapan anggaran per program")
    b.tag("{%p endif %}")


def strategi_table(b: Builder) -> None:
    b.caption("strategi", "Strategi yang Digunakan dalam Mencapai Target Kinerja")
    b.table(["No", "Indikator Kinerja", "Strategi yang Digunakan", "Pada Bulan"],
            [1.0, 5.0, 7.0, 3.0],
            ["C|{{ x.no }}", "{{ x.indikator }}", "{{p x.butir }}", "C|{{ x.bulan }}"],
            "x in strategi", keep=False)


# --- the two formats --------------------------------------------------------------------------

def build_seksi() -> Builder:
    b = Builder("seksi")
    b.p("LAPORAN KINERJA TRIWULAN {{ triwulan }} TAHUN {{ tahun }}", "Sampul Kecil")
    b.p("{{ unit_kapital }}", "Sampul Kecil")
    b.p("", "Isi Rata")
    b.warning()
    h = b.doc.add_paragraph(style="Heading 1")
    h.paragraph_format.page_break_before = False
    h.add_run("BAB I")
    h.add_run().add_break()
    h.add_run("PENDAHULUAN")
    b.sub("narasi.latar_belakang")
    b.sub("narasi.tugas_dan_fungsi")

    b.heading("BAB II", 1, "AKUNTABILITAS KINERJA")
    b.heading("2.1. PERJANJIAN KINERJA", 2)
    b.p("Perjanjian Kinerja Tahun {{ tahun }} yang ditandatangani antara "
        "{{ pelapor.jabatan_kalimat }} dengan {{ atasan.jabatan_kalimat }} adalah sebagai "
        "berikut:")
    pk_tables(b, "Sasaran Kegiatan")
    b.heading("2.2. CAPAIAN KINERJA", 2)
    b.p("Dalam kurun waktu {{ periode_awal }} s.d. {{ periode_akhir }}, capaian kinerja "
        "{{ unit }} sebagaimana diuraikan pada tabel berikut:")
    capaian_table(b, "Sasaran Kegiatan")
    b.sub("narasi.penjelasan_capaian")
    penjelasan(b)
    efisiensi_table(b)
    anggaran_table(b, "Realisasi anggaran kegiatan yang mendukung ketercapaian target kinerja "
                      "disajikan pada tabel berikut:")
    b.heading("2.3. EVALUASI DAN ANALISIS KINERJA", 2)
    b.p("Berdasarkan pelaksanaan anggaran selama triwulan {{ triwulan }} tahun anggaran "
        "{{ tahun }}, evaluasi dan analisis atas kinerja {{ unit }} terhadap upaya pencapaian "
        "target kinerja adalah sebagai berikut:")
    strategi_table(b)
    b.p("Hambatan yang dihadapi dalam pencapaian target kinerja pada triwulan ini:")
    b.sub("narasi.hambatan")
    b.heading("2.4. RENCANA TINDAK LANJUT", 2)
    b.p("Untuk mewujudkan pencapaian target kinerja sebagaimana yang tertuang dalam Perjanjian "
        "Kinerja tahun {{ tahun }}, upaya-upaya yang dilakukan secara terus menerus dan "
        "berkelanjutan adalah sebagai berikut:")
    b.sub("narasi.rencana_tindak_lanjut")
    b.heading("2.5. TANGGAPAN ATASAN LANGSUNG", 2)
    b.sub("tanggapan")
    b.heading("BAB III", 1, "PENUTUP")
    b.p("Laporan Kinerja Triwulan {{ triwulan }} Tahun {{ tahun }} dapat disimpulkan secara "
        "ringkas sebagai berikut:")
    b.p("{{ ringkasan_angka }}")
    b.sub("narasi.kesimpulan")
    b.signature(two=True)
    return b


def build_kecamatan() -> Builder:
    b = Builder("kecamatan")
    for _ in range(3):
        b.p("", "Sampul")
    b.p("LAPORAN KINERJA (LKj)", "Sampul")
    b.p("TRIWULAN {{ triwulan }}", "Sampul")
    b.p("TAHUN ANGGARAN {{ tahun }}", "Sampul")
    for _ in range(6):
        b.p("", "Sampul")
    b.p("PEMERINTAH {{ kabupaten_kapital }}", "Sampul Kecil")
    b.p("{{ unit_kapital }}", "Sampul Kecil")
    b.p("", "Sampul")
    b.warning()
    b.heading("KATA PENGANTAR", 1)
    b.sub("narasi.kata_pengantar")
    b.signature(two=False)

    b.heading("BAB I", 1, "PENDAHULUAN")
    b.heading("a. Latar Belakang", 2)
    b.sub("narasi.latar_belakang")
    b.heading("b. Gambaran Umum Organisasi", 2)
    b.sub("narasi.gambaran_umum")
    b.tag("{%p if not narasi.tugas_dan_fungsi.kosong %}")
    b.sub("narasi.tugas_dan_fungsi")
    b.tag("{%p endif %}")
    b.tag("{%p if ada.pegawai %}")
    b.heading("c. Personalia", 2)
    b.p("Data personil atau pegawai yang ada di {{ unit }} adalah sebagai berikut:")
    b.caption("pegawai", "Personalia Kepegawaian {{ unit }} {{ periode }}")
    b.table(["No", "Nama / NIP", "L/P", "Status", "Pangkat / Gol.", "Eselon",
             "Pendidikan"], [0.8, 5.6, 0.8, 1.9, 3.6, 1.3, 2.0],
            ["C|{{ x.no }}", "{{r x.nama_nip }}",
             "C|{{ x.jk }}", "C|{{ x.status }}", "{{ x.pangkat }}", "C|{{ x.eselon }}",
             "C|{{ x.pendidikan }}"], "x in pegawai")
    b.tag("{%p endif %}")
    b.heading("{{ butir.permasalahan }}. Permasalahan Utama (Strategic Issued)", 2)
    b.sub("narasi.permasalahan_utama")

    b.heading("BAB II", 1, "PERENCANAAN KINERJA")
    b.heading("a. Perjanjian Kinerja Tahun {{ tahun }}", 2)
    b.p("Perjanjian Kinerja merupakan pernyataan komitmen yang merepresentasikan tekad dan "
        "janji untuk mencapai kinerja yang jelas dan terukur dalam rentang waktu satu tahun. "
        "Perjanjian Kinerja {{ unit }} Tahun {{ tahun }}{{ pk_ditandatangani }} adalah sebagai "
        "berikut:")
    pk_tables(b, "Sasaran Strategis")

    b.heading("BAB III", 1, "AKUNTABILITAS KINERJA")
    b.heading("A. Capaian Kinerja {{ unit }}", 2)
    b.p("Pengukuran kinerja dilakukan dengan membandingkan target setiap indikator kinerja "
        "sasaran dengan realisasinya; selisihnya (celah kinerja) menjadi dasar evaluasi untuk "
        "peningkatan kinerja pada masa yang akan datang.")
    b.heading("1. Capaian indikator antara target dengan kinerja {{ unit }} {{ periode }}", 3)
    capaian_table(b, "Sasaran Strategis")
    b.sub("narasi.penjelasan_capaian")
    penjelasan(b)
    b.tag("{%p if ada.perbandingan %}")
    b.heading("{{ butir.perbandingan }}. Perbandingan realisasi dan capaian kinerja dengan "
              "tahun sebelumnya dan target Renstra", 3)
    b.p("Berikut perbandingan target dan realisasi indikator kinerja sasaran strategis "
        "{{ unit }} {{ periode }} dengan tahun-tahun sebelumnya dan target Renstra:")
    b.caption("perbandingan", "Perbandingan Target dan Realisasi Kinerja dengan Tahun "
              "Sebelumnya")
    b.sub("tabel_perbandingan")
    b.tag("{%p endif %}")
    b.heading("{{ butir.analisis }}. Analisis penyebab keberhasilan/kegagalan atau "
              "peningkatan/penurunan kinerja serta alternatif solusi yang telah dilakukan", 3)
    b.p("Kendala yang dialami, di antaranya:")
    b.sub("narasi.hambatan")
    b.p("Dari faktor-faktor permasalahan di atas, {{ unit }} berupaya mengatasinya dengan:")
    b.sub("narasi.rencana_tindak_lanjut")
    b.heading("{{ butir.efisiensi }}. Analisis atas efisiensi penggunaan sumber daya", 3)
    b.tag("{%p if ada.rekap_pegawai %}")
    b.p("Dalam melaksanakan tugas pokok dan fungsinya, {{ unit }} didukung oleh "
        "{{ pegawai_ringkas }}.")
    b.caption("pegawai_pendidikan", "Jumlah Pegawai {{ unit }} berdasarkan Tingkat Pendidikan "
              "{{ periode }}")
    b.table(["No", "Pendidikan", "PNS", "CPNS", "PPPK", "Non PNS", "Jumlah", "%"],
            [1.0, 4.0, 1.8, 1.8, 1.8, 1.8, 1.8, 2.0],
            ["C|{{ x.no }}", "{{ x.nama }}", "C|{{ x.pns }}", "C|{{ x.cpns }}", "C|{{ x.pppk }}",
             "C|{{ x.non_pns }}", "C|{{ x.jumlah }}", "C|{{ x.persen }}"],
            "x in pegawai_pendidikan", together=True,
            totals=[[("Jumlah", 2), ("C|{{ pegawai_jumlah.pns }}", 1),
                     ("C|{{ pegawai_jumlah.cpns }}", 1), ("C|{{ pegawai_jumlah.pppk }}", 1),
                     ("C|{{ pegawai_jumlah.non_pns }}", 1), ("C|{{ pegawai_jumlah.jumlah }}", 1),
                     ("C|{{ pegawai_jumlah.persen }}", 1)]])
    b.caption("pegawai_golongan", "Jumlah Pegawai {{ unit }} berdasarkan Golongan "
              "{{ periode }}")
    b.table(["No", "Golongan", "PNS", "CPNS", "Jumlah"], [1.0, 6.0, 3.0, 3.0, 3.0],
            ["C|{{ x.no }}", "{{ x.nama }}", "C|{{ x.pns }}", "C|{{ x.cpns }}",
             "C|{{ x.jumlah }}"], "x in pegawai_golongan", together=True,
            totals=[[("Jumlah", 2), ("C|{{ golongan_jumlah.pns }}", 1),
                     ("C|{{ golongan_jumlah.cpns }}", 1), ("C|{{ golongan_jumlah.jumlah }}", 1)]])
    b.caption("pegawai_diklat", "Pegawai {{ unit }} yang Telah Mengikuti Pendidikan Struktural")
    b.table(["No", "Tingkat Diklat PIM", "Jumlah"], [1.0, 10.0, 5.0],
            ["C|{{ x.no }}", "{{ x.nama }}", "C|{{ x.jumlah }}"], "x in pegawai_diklat", together=True,
            totals=[[("Jumlah", 2), ("C|{{ diklat_jumlah }}", 1)]])
    b.caption("pegawai_eselon", "Pegawai {{ unit }} Berdasarkan Eselon")
    b.table(["No", "Tingkat Eselon", "Jumlah"], [1.0, 10.0, 5.0],
            ["C|{{ x.no }}", "{{ x.nama }}", "C|{{ x.jumlah }}"], "x in pegawai_eselon", together=True,
            totals=[[("Jumlah", 2), ("C|{{ eselon_jumlah }}", 1)]])
    b.tag("{%p endif %}")
    efisiensi_table(b)
    b.tag("{%p if not ada.rekap_pegawai and not ada.efisiensi %}")
    b.sub("pengingat_sumber_daya")
    b.tag("{%p endif %}")
    b.heading("B. Realisasi Anggaran", 2)
    b.tag("{%p if not ada.anggaran %}")
    b.sub("pengingat_anggaran")
    b.tag("{%p endif %}")
    anggaran_table(b, "Berikut realisasi anggaran yang merupakan tanggung jawab {{ unit }} "
                      "untuk dikelola secara transparan, efektif dan akuntabel sesuai Perjanjian "
                      "Kinerja Tahun {{ tahun }}.")

    b.heading("BAB IV", 1, "PENUTUP")
    b.p("Laporan Kinerja Triwulan {{ triwulan }} {{ unit }} disusun sebagai bentuk "
        "pertanggungjawaban {{ unit }} atas penyelenggaraan pemerintahan pada Triwulan "
        "{{ triwulan }} Tahun {{ tahun }}.")
    b.p("{{ ringkasan_angka }}")
    b.sub("narasi.kesimpulan")
    b.signature(two=False)
    return b


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, build in (("lkj_seksi.docx", build_seksi), ("lkj_kecamatan.docx",
                                                          build_kecamatan)):
        build().save(OUT / name)
        print(f"ditulis: {OUT / name}")


if __name__ == "__main__":
    main()
