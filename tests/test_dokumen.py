"""lkj dokumen: the Word document read back with python-docx, its table figures compared with
the corrected Summary and with values worked out by hand from the seed reports, and every
sample converted to PDF by LibreOffice."""

from __future__ import annotations

import copy
import hashlib
import shutil
import subprocess
import zipfile

import pytest
from click.testing import CliRunner
from docx import Document

from lkj_excel.checking import check_file
from lkj_excel.cli import cli
from lkj_excel.formatting import number as format_number_id
from lkj_excel.summary import build_summary, personnel_counts
from lkj_excel.writers.dokumen import default_output, dokumen

from .conftest import (
    ALL_SAMPLES,
    CANDIPURO,
    CLEAN,
    KALAENA,
    PRONOJIWO,
    RANUYOSO,
    SENDURO,
    run_lkj,
)
from .helpers import clean_data, write


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    d = tmp_path_factory.mktemp("dokumen")
    out = {}
    for src in ALL_SAMPLES:
        copy_ = d / src.name
        shutil.copy(src, copy_)
        res = dokumen(copy_)
        out[src] = (res, Document(str(res.output)), build_summary(res.result))
    return out


def _text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts)


def _rows(table) -> list[list[str]]:
    return [[c.text.strip() for c in row.cells] for row in table.rows]


def _table(doc, *heads: str):
    for t in doc.tables:
        first = [c.text.strip() for c in t.rows[0].cells]
        if all(h in first for h in heads):
            return t
    raise AssertionError(f"no table headed {heads}")


def pct(points: float) -> str:
    return format_number_id(points, 2) + "%"


def rp(x: float) -> str:
    return format_number_id(x, 0)


# --- every number in the tables equals the corrected model ------------------------------------

@pytest.mark.parametrize("src", ALL_SAMPLES, ids=lambda p: p.stem)
def test_capaian_table_is_the_summary(docs, src):
    _, doc, s = docs[src]
    rows = _rows(_table(doc, "Indikator Kinerja", "Capaian (%)"))
    data = [r for r in rows[2:] if not r[0].startswith("Rata-rata")]
    assert len(data) == len(s.indicators)
    for row, ind in zip(data, s.indicators, strict=True):
        assert row[2] == (ind.indikator or ind.sasaran)
        assert row[5] == (pct(ind.capaian) if ind.capaian is not None else "-")
    avg = rows[-1]
    assert avg[0] == "Rata-rata capaian kinerja"
    assert avg[-2] == (pct(s.average) if s.average is not None else "-")


@pytest.mark.parametrize("src", [s for s in ALL_SAMPLES if s is not RANUYOSO and s is not SENDURO],
                         ids=lambda p: p.stem)
def test_budget_table_is_the_summary(docs, src):
    _, doc, s = docs[src]
    t = _table(doc, "Pagu (Rp)", "Sisa (Rp)")
    rows = _rows(t)
    head = rows[0]
    body = rows[2:]
    assert len(body) == len(s.budget_flat) + 1
    col = {h: i for i, h in enumerate(head)}
    for row, b in zip(body, s.budget_flat, strict=False):
        if "Kode" in col:
            assert row[col["Kode"]] == (b.code or "")
        assert row[col["Program/Kegiatan/Sub Kegiatan"]] == b.name
        assert row[col["Pagu (Rp)"]] == rp(b.pagu)
        assert row[col["Realisasi (Rp)"]] == rp(b.realisasi)
        assert row[col["Sisa (Rp)"]] == rp(b.sisa)
        assert row[col["Serapan (%)"]] == (pct(b.penyerapan) if b.penyerapan is not None
                                           else "-")
    total = body[-1]
    assert total[col["Program/Kegiatan/Sub Kegiatan"]] == "JUMLAH"
    assert total[col["Pagu (Rp)"]] == rp(s.total_pagu)
    assert total[col["Realisasi (Rp)"]] == rp(s.total_realisasi)
    assert total[col["Serapan (%)"]] == pct(s.penyerapan)
    # program rows are bold, sub kegiatan rows are not
    for trow, b in zip(t.rows[2:], s.budget_flat, strict=False):
        runs = [r for p in trow.cells[1 if "Kode" in col else 0].paragraphs for r in p.runs]
        assert bool(runs[0].bold) == (b.level in ("program", "kegiatan"))


def test_candipuro_hand_known_figures(docs):
    """Seed 004: Fasilitasi Administrasi Tata Pemerintahan Desa pagu 252.100.000, realisasi
    121.625.000: sisa 130.475.000 and 48,24% (the report wrote 147.975.000 and 45,11%);
    the Capaian targets 91,50% and 82,00% differ from the PK's 91,39% and 81,75%, and the
    corrected report uses the PK's: capaian 28/51 = 54,90% of 91,39% = 60,07%; 10/30 =
    33,33% of 81,75% = 40,77%."""
    _, doc, _ = docs[CANDIPURO]
    rows = _rows(_table(doc, "Pagu (Rp)", "Sisa (Rp)"))
    row = next(r for r in rows if r[0] == "7.01.06.2.01.0002")
    assert row[2:] == ["252.100.000", "121.625.000", "130.475.000", "48,24%"]
    cap = _rows(_table(doc, "Indikator Kinerja", "Capaian (%)"))
    assert [r[3:6] for r in cap[2:4]] == [["91,39%", "54,9%", "60,07%"],
                                          ["81,75%", "33,33%", "40,77%"]]
    text = _text(doc)
    assert "28 / 51 x 100% = 54,90%" in text and "10 / 30 x 100% = 33,33%" in text


def test_pronojiwo_hand_known_figures(docs):
    """Seed 003: 30 of the 36 listed activities are ticked (the report claims 31/36):
    83,33%, capaian 83,33/93 = 89,61%; desa (6 + 6 + 0) / (6 x 3) = 66,67% against the PK
    target 83% (the Capaian sheet wrote 100%): 80,32%; average (89,61 + 80,32) / 2 =
    84,96%. Pegawai: SMA/SMK 1 PNS + 8 non PNS = 9 (52,94%), S1 6 + 2
    = 8; golongan II 1, III 6; eselon III a 1, III b 1, IV a 2, IV b 2 (the report wrote
    IV a 3 and golongan III 9)."""
    res, doc, _ = docs[PRONOJIWO]
    text = _text(doc)
    assert "30 / 36 x 100% = 83,33%" in text
    assert "(6 + 0 + 6) / (6 x 3) x 100% = 12 / 18 x 100% = 66,67%" in text
    cap = _rows(_table(doc, "Indikator Kinerja", "Capaian (%)"))
    assert cap[3][3:6] == ["93%", "83,33%", "89,61%"]
    assert cap[-1][-2:] == ["84,96%", "Tinggi"]
    fas = _rows(_table(doc, "No", "Terlaksana"))
    assert fas[-1][-2:] == ["30", "6"]
    desa = _rows(_table(doc, "Desa", "RKPDes"))
    assert desa[-1][-3:] == ["6", "0", "6"]
    assert desa[1][:3] == ["1", "Sidomulyo", "25 September 2024\nTepat waktu"]
    edu = {r[1]: r for r in _rows(_table(doc, "Pendidikan", "PNS"))}
    assert edu["SMA/SMK"][2:] == ["1", "0", "0", "8", "9", "52,94%"]
    assert edu["S1"][2:] == ["6", "0", "0", "2", "8", "47,06%"]
    assert edu["Jumlah"][2:] == ["7", "0", "0", "10", "17", "100,00%"]
    gol = {r[1]: r[-1] for r in _rows(_table(doc, "Golongan", "CPNS"))}
    assert (gol["Golongan II"], gol["Golongan III"], gol["Jumlah"]) == ("1", "6", "7")
    esl = {r[1]: r[-1] for r in _rows(_table(doc, "Tingkat Eselon"))}
    assert (esl["III a"], esl["III b"], esl["IV a"], esl["IV b"], esl["Jumlah"]) == \
        ("1", "1", "2", "2", "6")
    counts = personnel_counts(res.result.report)
    assert sum(counts["eselon"].values()) == 6


def test_kalaena_plan_columns(docs):
    """Seed 001 plans per quarter: rencana 0 + 16.682.500 + 2.498.250 = 19.180.750 (the
    report wrote 41.664.750); realisasi 24.528.830 is 127,88% of it; 19.617.580 /
    16.682.500 = 117,59%."""
    _, doc, _ = docs[KALAENA]
    t = _table(doc, "Pagu (Rp)", "Rencana Triwulan (Rp)")
    rows = _rows(t)
    assert "Kode" not in rows[0]  # the report has no codes
    assert rows[3][1:] == ["85.880.500", "16.682.500", "19.617.580", "66.262.920", "22,84%",
                           "117,59%"]
    assert rows[-1] == ["JUMLAH", "107.244.500", "19.180.750", "24.528.830", "82.715.670",
                        "22,87%", "127,88%"]


def test_efisiensi_is_recomputed(docs):
    """Senduro: sasaran 1's realisasi is its kegiatan 5's 900.000 (written 600.000), so
    900.000 / 7.500.000 = 12,00% and efisiensi 100% - 12% = 88,00% (written 100%).
    Ranuyoso: 23.500.000 of 23.500.000 = 100,00%, efisiensi 0,00%."""
    rows = _rows(_table(docs[SENDURO][1], "Pagu (Rp)", "Efisiensi (%)"))
    assert rows[1][3:] == ["7.500.000", "900.000", "12,00%", "100%", "12%", "12,00%", "88,00%"]
    rows = _rows(_table(docs[RANUYOSO][1], "Pagu (Rp)", "Efisiensi (%)"))
    assert rows[2][3:6] == ["23.500.000", "23.500.000", "100,00%"] and rows[2][-1] == "0,00%"


def test_pk_budget_total_recomputed(docs):
    rows = _rows(_table(docs[CLEAN][1], "Program/Kegiatan", "Anggaran (Rp)"))
    assert rows[-1][0] == "Jumlah" and rows[-1][2] == "50.000.000"
    # Pronojiwo: 1.869.322.744 + 19.450.000 + 174.323.750 + 24.705.000 + 12.525.000 +
    # 32.470.000 = 2.132.796.494, as the report says
    rows = _rows(_table(docs[PRONOJIWO][1], "Program/Kegiatan", "Anggaran (Rp)"))
    assert rows[-1][2] == "2.132.796.494"


def test_comparison_takes_the_report_year_from_capaian(docs):
    """Candipuro 2023 realisasi: 54,9% from Capaian, not the 60% typed in Perbandingan; the
    2023 target is the PK's 91,39% (Capaian and Perbandingan wrote 91,5%)."""
    rows = _rows(_table(docs[CANDIPURO][1], "Indikator Kinerja", "Target Renstra"))
    assert rows[0][2:] == ["Tahun 2021", "Tahun 2021", "Tahun 2022", "Tahun 2022",
                           "Tahun 2023 (s.d. TW II)", "Tahun 2023 (s.d. TW II)",
                           "Target Renstra"]
    assert rows[2][2:] == ["-", "100%", "91,39%", "91,83%", "91,39%", "54,9%", "91,5%"]


# --- the document's shape ------------------------------------------------------------------------

def test_errors_named_on_first_page(docs):
    res, doc, _ = docs[PRONOJIWO]
    n = res.result.counts["error"]
    assert n > 0 and res.errors_noted == n
    first = [t for t in doc.tables][:2]
    assert any(f"Laporan ini masih memuat {n} kesalahan hasil pemeriksaan" in c.text
               for t in first for row in t.rows for c in row.cells)
    clean_res, clean_doc, _ = docs[CLEAN]
    assert clean_res.result.counts["error"] == 0
    assert "kesalahan hasil pemeriksaan" not in _text(clean_doc)


def test_abaikan_temuan_drops_the_note(tmp_path):
    src = tmp_path / PRONOJIWO.name
    shutil.copy(PRONOJIWO, src)
    res = dokumen(src, abaikan_temuan=True)
    assert res.errors_noted == 0
    assert "kesalahan hasil pemeriksaan" not in _text(Document(str(res.output)))


@pytest.mark.parametrize("src, chapters", [
    # Senduro: PK, Capaian, the facilitation list its first indicator counts (the seed
    # lists it as text), cost per outcome, strategi
    (SENDURO, {2: 5}), (PRONOJIWO, {1: 1, 2: 2, 3: 9}), (KALAENA, {2: 5}),
], ids=["senduro", "pronojiwo", "kalaena"])
def test_tables_numbered_by_chapter(docs, src, chapters):
    """Tabel 2.1, 2.2, ... in the order they appear, no gaps, as in the seeds."""
    doc = docs[src][1]
    seen = [p.text.split()[1] for p in doc.paragraphs if p.style.name == "Judul Tabel"]
    expect = [f"{c}.{n}" for c, count in sorted(chapters.items()) for n in range(1, count + 1)]
    assert seen == expect


def test_headings_follow_the_seeds(docs):
    seksi = [p.text for p in docs[SENDURO][1].paragraphs if p.style.name.startswith("Heading")]
    assert seksi == ["BAB I\nPENDAHULUAN", "BAB II\nAKUNTABILITAS KINERJA",
                     "2.1. PERJANJIAN KINERJA", "2.2. CAPAIAN KINERJA",
                     "2.3. EVALUASI DAN ANALISIS KINERJA", "2.4. RENCANA TINDAK LANJUT",
                     "2.5. TANGGAPAN ATASAN LANGSUNG", "BAB III\nPENUTUP"]
    kec = [p.text for p in docs[PRONOJIWO][1].paragraphs if p.style.name == "Heading 1"]
    assert kec == ["KATA PENGANTAR", "BAB I\nPENDAHULUAN", "BAB II\nPERENCANAAN KINERJA",
                   "BAB III\nAKUNTABILITAS KINERJA", "BAB IV\nPENUTUP"]


def test_signature_blocks_are_one_unbreakable_row(docs):
    doc = docs[SENDURO][1]
    sig = doc.tables[-1]
    assert len(sig.rows) == 1
    assert sig.rows[0]._tr.trPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}cantSplit") is not None
    left, right = (c.text for c in sig.rows[0].cells)
    assert left.startswith("Mengetahui,\nAtasan Langsung\nKasi Pemerintahan Kecamatan Senduro")
    assert "ABDILAH IRSYAD, S.STP" in left and "NIP. 19870702 200602 1 002" in left
    assert right.startswith("Senduro, 31 Maret 2023\nKASI PEMERINTAHAN")
    assert "MOCH JEMMY, S.Pd" in right and "NIP. 19651230 198703 1 012" in right


def _with_narasi(tmp_path, rows, name="narasi.xlsx"):
    data = clean_data()
    data["Narasi"] = rows
    return write(tmp_path, data, name)


@pytest.mark.parametrize("tingkat, shown, hidden", [
    ("kecamatan", ("Kata Pengantar", "Latar Belakang", "Gambaran Umum", "Permasalahan Utama",
                   "Penjelasan Capaian", "Hambatan", "Rencana Tindak Lanjut", "Kesimpulan"),
     ("Tugas dan Fungsi",)),
    ("seksi", ("Latar Belakang", "Tugas dan Fungsi", "Penjelasan Capaian", "Hambatan",
               "Rencana Tindak Lanjut", "Kesimpulan"), ("Kata Pengantar", "Gambaran Umum")),
])
def test_empty_narasi_sections_are_marked(tmp_path, tingkat, shown, hidden):
    data = clean_data()
    data["Identitas"]["tingkat"] = tingkat
    res = dokumen(write(tmp_path, data, tingkat=tingkat))
    text = _text(Document(str(res.output)))
    for bagian in shown:
        assert f"[Belum diisi: {bagian}. Tulis teksnya di sheet Narasi dengan Bagian " \
               f"'{bagian}'" in text
    for bagian in hidden:
        assert f"[Belum diisi: {bagian}" not in text
    assert ("[Belum diisi: Strategi (sheet Narasi)]" in text) == (tingkat == "seksi")


def test_sample_narasi_from_the_seeds(docs):
    """Ranuyoso's own text (seed 000): the 16 duties a.-p., the strategy table with its
    month, and no placeholder left but Hambatan (the report has none)."""
    doc = docs[RANUYOSO][1]
    paras = [p.text for p in doc.paragraphs]
    assert "p.\tmelaksanakan tugas-tugas lain yang diberikan oleh Camat." in paras
    rows = _rows(_table(doc, "Strategi yang Digunakan"))
    assert rows[1][0:2] == ["1", "Persentase Fasilitasi Kegiatan Pemberdayaan Desa"]
    assert rows[1][2].startswith("a.\tSelalu koordinasi dengan desa") and rows[1][3] == \
        "Januari s.d Desember"
    marks = [t for t in paras if t.startswith("[Belum diisi:")]
    assert [m.split(".")[0] for m in marks] == ["[Belum diisi: Hambatan"]


def test_narasi_text_lands_in_its_sections(tmp_path):
    rows = [
        {"bagian": "Latar Belakang", "teks": "Paragraf pertama latar belakang."},
        {"bagian": "Tugas dan Fungsi", "teks": "a. menyusun rencana kegiatan;"},
        {"bagian": "Tugas dan Fungsi", "teks": "b. melaksanakan evaluasi."},
        {"bagian": "hambatan", "teks": "- Terbatasnya jumlah SDM"},
        {"bagian": "Kesimpulan", "teks": "1. Tugas telah dilaksanakan."},
    ]
    res = dokumen(_with_narasi(tmp_path, rows))
    doc = Document(str(res.output))
    paras = [p.text for p in doc.paragraphs]
    assert "Paragraf pertama latar belakang." in paras
    assert "a.\tmenyusun rencana kegiatan;" in paras and "b.\tmelaksanakan evaluasi." in paras
    assert "a.\tTerbatasnya jumlah SDM" in paras
    assert "1. Tugas telah dilaksanakan." in paras  # kecamatan: kesimpulan in paragraphs
    assert "[Belum diisi: Latar Belakang" not in _text(doc)


def test_seksi_strategi_and_tanggapan(tmp_path):
    data = copy.deepcopy(clean_data())
    data["Identitas"]["tingkat"] = "seksi"
    data["Narasi"] = [
        {"bagian": "Strategi", "indikator": "2", "bulan": "Januari s.d. Maret",
         "teks": "1. Pembinaan rutin ke desa"},
        {"bagian": "Strategi", "indikator": "Persentase hasil fasilitasi dan koordinasi",
         "bulan": "Maret", "teks": "Koordinasi dengan tim Binwas"},
        {"bagian": "Tanggapan Atasan", "teks": "Laporan sudah baik"},
        {"bagian": "Tanggapan Atasan", "teks": "Lampirkan daftar hadir"},
    ]
    res = dokumen(write(tmp_path, data, tingkat="seksi"))
    doc = Document(str(res.output))
    rows = _rows(_table(doc, "Strategi yang Digunakan"))
    s = build_summary(res.result)
    assert rows[1] == ["1", s.indicators[0].indikator, "a.\tKoordinasi dengan tim Binwas",
                       "Maret"]
    assert rows[2] == ["2", s.indicators[1].indikator, "a.\tPembinaan rutin ke desa",
                       "Januari s.d. Maret"]
    paras = [p.text for p in doc.paragraphs]
    assert "\u2612\tLaporan sudah baik" in paras and "\u2610\tLaporan kurang baik" in paras
    assert "\u2612\tLain-lain: Lampirkan daftar hadir" in paras


# --- files, errors and the command line -----------------------------------------------------------

def test_input_untouched_and_output_beside_it(tmp_path):
    src = tmp_path / CANDIPURO.name
    shutil.copy(CANDIPURO, src)
    before = hashlib.sha256(src.read_bytes()).hexdigest()
    res = dokumen(src)
    assert res.output == default_output(src) == tmp_path / f"{CANDIPURO.stem}_dokumen.docx"
    assert hashlib.sha256(src.read_bytes()).hexdigest() == before
    assert zipfile.ZipFile(res.output).testzip() is None
    core = zipfile.ZipFile(res.output).read("docProps/core.xml").decode()
    assert "<dc:subject>LKj Triwulan (dokumen)</dc:subject>" in core
    assert "<dc:title>Laporan Kinerja Kecamatan Candipuro Triwulan II Tahun 2023</dc:title>" \
        in core
    assert core.count("lastModifiedBy") == 2 and "custom-properties" not in core
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".lkj-")] == []


def test_cli_replaces_its_own_document_but_not_an_edited_one(tmp_path):
    src = tmp_path / CLEAN.name
    shutil.copy(CLEAN, src)
    runner = CliRunner()
    first = runner.invoke(cli, ["dokumen", str(src)])
    assert first.exit_code == 0, first.output
    assert "Dokumen Word ditulis ke:" in first.output
    again = runner.invoke(cli, ["dokumen", str(src)])  # unedited: a rerun replaces it
    assert again.exit_code == 0, again.output
    out = default_output(src)
    edited = Document(str(out))  # staff edit the document and save it, as Word would
    edited.add_paragraph("Catatan tambahan dari staf.")
    edited.core_properties.last_modified_by = "Staf Kecamatan"
    edited.core_properties.revision = 2
    edited.save(str(out))
    before = out.read_bytes()
    refused = runner.invoke(cli, ["dokumen", str(src)])
    assert refused.exit_code == 2 and "sudah ada" in refused.output
    assert "--timpa" in refused.output and out.read_bytes() == before
    forced = runner.invoke(cli, ["dokumen", str(src), "--timpa"])
    assert forced.exit_code == 0
    assert "Catatan tambahan dari staf." not in _text(Document(str(out)))
    # a file that is not an lkj document at all is never replaced either
    other = tmp_path / "laporan_saya.docx"
    Document().save(str(other))
    res = runner.invoke(cli, ["dokumen", str(src), "-o", str(other)])
    assert res.exit_code == 2 and "sudah ada" in res.output


@pytest.mark.parametrize("args, message", [
    (["-o", "{src}"], "Berkas keluaran harus berakhiran .docx"),
    (["-o", "{dir}/kab.docx", "--templat-dokumen", "{dir}/kab.docx"], "sama dengan berkas masukan"),
    (["-o", "{dir}/hasil.pdf"], "harus berakhiran .docx"),
    (["--templat-dokumen", "{dir}/tidak_ada.docx"], "tidak ditemukan"),
    (["--templat-dokumen", "{src}"], "harus berkas Word .docx"),
    (["--templat-dokumen", "{dir}/palsu.docx"], "bukan dokumen Word (.docx) yang sah"),
    (["--templat-dokumen", "{dir}/rusak.docx"], "Templat dokumen tidak dapat diisi"),
])
def test_cli_bad_output_or_template_exits_2(tmp_path, args, message):
    src = tmp_path / CLEAN.name
    shutil.copy(CLEAN, src)
    (tmp_path / "palsu.docx").write_text("bukan word")
    Document().save(tmp_path / "kab.docx")
    bad = Document()
    bad.add_paragraph("{{ unit ")
    bad.add_paragraph("{% for x in %}")
    bad.save(tmp_path / "rusak.docx")
    argv = ["dokumen", str(src)] + [a.format(src=src, dir=tmp_path) for a in args]
    res = CliRunner().invoke(cli, argv)
    assert res.exit_code == 2, res.output
    assert message in res.output
    assert "Traceback" not in res.output


def test_own_template(tmp_path):
    """A kabupaten's template: plain docxtpl tags over the documented variables."""
    tpl = Document()
    tpl.add_paragraph("{{ unit_kapital }} - {{ periode }}")
    tpl.add_paragraph("Rata-rata {{ rata_rata }}; penyerapan {{ anggaran.penyerapan }}")
    tpl.add_paragraph("{%p for x in capaian %}")
    tpl.add_paragraph("{{ x.no }}|{{ x.indikator }}|{{ x.capaian }}")
    tpl.add_paragraph("{%p endfor %}")
    tpl.add_paragraph("{{p narasi.latar_belakang }}")
    tpl.save(tmp_path / "kab.docx")
    src = tmp_path / CLEAN.name
    shutil.copy(CLEAN, src)
    res = dokumen(src, tmp_path / "hasil.docx", templat=tmp_path / "kab.docx")
    s = build_summary(res.result)
    paras = [p.text for p in Document(str(res.output)).paragraphs]
    assert paras[0] == "KECAMATAN SUKAMAJU - Triwulan I Tahun 2025"
    assert paras[1] == f"Rata-rata {pct(s.average)}; penyerapan 25,00%"
    assert paras[2] == f"1|{s.indicators[0].indikator}|{pct(s.indicators[0].capaian)}"


def test_subprocess_exit_codes(tmp_path):
    for src, code in ((CANDIPURO, 1), (CLEAN, 0)):
        dst = tmp_path / src.name
        shutil.copy(src, dst)
        proc = run_lkj("dokumen", dst)
        assert proc.returncode == code, proc.stderr
        assert "Dokumen Word ditulis ke:" in proc.stdout
    proc = run_lkj("dokumen", tmp_path / "tidak_ada.xlsx")
    assert proc.returncode == 2 and "Galat:" in proc.stderr


def test_help_is_indonesian():
    res = CliRunner().invoke(cli, ["dokumen", "--help"])
    assert res.exit_code == 0
    for text in ("Cara pakai:", "Buat dokumen Word LKj", "Contoh:", "--templat-dokumen",
                 "--abaikan-temuan", "Pilihan"):
        assert text in res.output


# --- LibreOffice opens every document --------------------------------------------------------

@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_every_sample_converts_to_pdf(docs, tmp_path):
    files = [str(res.output) for res, _, _ in docs.values()]
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    *files], check=True, capture_output=True, timeout=300)
    for src, (res, _, s) in docs.items():
        pdf = tmp_path / (res.output.stem + ".pdf")
        assert pdf.exists() and pdf.stat().st_size > 10_000, src.name
        if shutil.which("pdftotext"):
            text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                                  text=True, check=True).stdout
            assert s.unit.upper() in text.upper()
            assert "Tabel 2.1" in text


def test_check_file_counts_match(docs):
    for src, (res, _, _) in docs.items():
        assert res.result.counts == check_file(src).counts


def test_facilitation_counts_without_a_list(docs):
    """Seed 002 names 3 facilitations done of "11 jenis fasilitasi dan 2 koordinasi"; seed
    004 lists the 28 done of "51 Aktifitas": a row with Jumlah Kegiatan counts as that many,
    in the table's total as in the indicator (3 / 13 = 23,08%; 28 / 51 = 54,90%)."""
    rows = _rows(_table(docs[SENDURO][1], "Terlaksana", "Belum Terlaksana"))
    assert rows[-1][-2:] == ["3", "10"] and "13 kegiatan" in rows[-1][0]
    assert any("tidak dirinci (8 kegiatan)" in " ".join(r) for r in rows)
    assert "3 / 13 x 100% = 23,08%" in _text(docs[SENDURO][1])
    rows = _rows(_table(docs[CANDIPURO][1], "Terlaksana", "Belum Terlaksana"))
    assert rows[-1][-2:] == ["28", "23"] and "51 kegiatan" in rows[-1][0]
