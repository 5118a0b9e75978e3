"""The page in a real browser, as a staff member uses it: Debian's chromium driven by
Playwright (never a browser Playwright downloads itself), against the real waitress server.

Download a template, check a sample and read a finding, download the finalised workbook
and the Word LKj and open them, see the Indonesian message for a renamed Word document, consolidate three
files and open the rekap. Set LKJ_SCREENSHOT=docs/halaman_lkj.png to keep the screenshot
used in the README.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from pathlib import Path

import pytest
import python_calamine as pc

from .conftest import CANDIPURO, KALAENA, PRONOJIWO, RANUYOSO

CHROMIUM = Path("/usr/bin/chromium")

if not CHROMIUM.exists():
    pytest.skip("chromium is not installed (Debian package 'chromium', installed by .ci/run)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api",
                               reason="playwright is not installed (pip install '.[test]')")


def _sheets(path: Path) -> dict[str, list[list]]:
    wb = pc.CalamineWorkbook.from_path(str(path))
    return {n: wb.get_sheet_by_name(n).to_python(skip_empty_area=False) for n in wb.sheet_names}


@pytest.fixture(scope="module")
def server():
    from lkj_excel.web.server import start

    # the folders this process makes (another lkj or test run may share the temp folder)
    made: list[str] = []
    mkdtemp = tempfile.mkdtemp

    def recording(*args, **kwargs):
        made.append(path := mkdtemp(*args, **kwargs))
        return path

    tempfile.mkdtemp = recording
    try:
        running = start()
        yield running
        running.stop()
        running.thread.join(10)
    finally:
        tempfile.mkdtemp = mkdtemp
    ours = [p for p in made if Path(p).name.startswith("lkj-buka-")]
    assert ours, "the page made no private folder: the check below would prove nothing"
    left = {Path(p).name for p in ours if Path(p).exists()}
    assert not left, f"private temporary folders left behind: {left}"


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                              args=["--no-sandbox", "--disable-gpu",
                                    "--disable-background-networking"])
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(accept_downloads=True, locale="id-ID",
                                  viewport={"width": 1200, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    outside: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("request", lambda r: None if r.url.startswith((server.url, "blob:", "data:"))
          else outside.append(r.url))
    pg.goto(server.url)
    yield pg
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"
    assert not outside, f"the page asked for something outside lkj: {outside}"


def test_template_check_finalise(page, tmp_path):
    assert page.locator("html").get_attribute("lang") == "id"

    # 1. an empty template
    with page.expect_download() as dl:
        page.click("#templat-kecamatan")
    assert dl.value.suggested_filename == "templat_lkj_kecamatan.xlsx"
    template = tmp_path / dl.value.suggested_filename
    dl.value.save_as(template)
    assert {"Petunjuk", "Identitas", "PK Anggaran", "Anggaran"} <= set(_sheets(template))

    # 2. check a sample and read a finding on the page
    page.set_input_files("#pilih-periksa", str(CANDIPURO))
    card = page.locator("article.berkas", has_text=CANDIPURO.name)
    card.locator("header[data-selesai]").wait_for(timeout=60_000)
    assert "Terlambat" in card.locator(".ringkasan").inner_text()
    assert "batas 7 Juli 2023" in card.locator(".ringkasan").inner_text()
    row = card.locator("details[data-sheet=Anggaran] tr[data-lokasi='Anggaran!E62']")
    assert row.locator("td.tertulis").inner_text() == "147.975.000,00"
    # 252.100.000 - 121.625.000 (seed 004)
    assert row.locator("td.seharusnya").inner_text() == "130.475.000"
    assert "Sisa 147.975.000 seharusnya 130.475.000" in row.locator("td.pesan").inner_text()
    assert card.locator("details[data-sheet=Anggaran]").get_attribute("open") is not None

    # a cause and its consequences together (seed 003: 31 typed, the checklist ticks 30)
    page.set_input_files("#pilih-periksa", str(PRONOJIWO))
    card3 = page.locator("article.berkas", has_text=PRONOJIWO.name)
    card3.locator("header[data-selesai]").wait_for(timeout=60_000)
    rows = card3.locator("details[data-sheet=Capaian] tbody tr")
    texts = rows.all_inner_texts()
    k5 = next(i for i, t in enumerate(texts) if t.startswith("K5"))
    assert "Akibat dari Capaian!K5" in texts[k5 + 1]
    # its realisasi and capaian follow from it (the average follows two causes and is
    # shown under the nearer one, the Capaian target E6)
    assert [t.split()[0] for t in texts[k5 + 2:k5 + 4]] == ["F5", "G5"]

    # 3. the finalised workbook, opened again
    with page.expect_download() as dl:
        card.locator("button[data-produk=final]").click()
    assert dl.value.suggested_filename == "004_candipuro_kecamatan_tw2_2023_final.xlsx"
    final = tmp_path / dl.value.suggested_filename
    dl.value.save_as(final)
    sheets = _sheets(final)
    assert list(sheets)[0] == "Ringkasan" and "Temuan" in sheets  # report, then appendix
    temuan = [" ".join(str(v) for v in row) for row in sheets["Temuan"]]
    assert any("ANG001" in t and "E62" in t for t in temuan)
    card.locator(".unduhan .status", has_text="Tersimpan sebagai").wait_for()

    # 4. the Word LKj (lkj dokumen), opened again
    import docx

    with page.expect_download(timeout=60_000) as dl:
        card.locator("button[data-produk=dokumen]").click()
    assert dl.value.suggested_filename == "004_candipuro_kecamatan_tw2_2023_dokumen.docx"
    word = tmp_path / dl.value.suggested_filename
    dl.value.save_as(word)
    assert "TAHUN ANGGARAN 2023" in [p.text for p in docx.Document(word).paragraphs]

    # the page as the README shows it: the newest result (Pronojiwo) on top, with a cause
    # and its consequences in the Capaian sheet
    shot = tmp_path / "halaman_lkj.png"
    bottom = card3.locator("details[data-sheet=Capaian]").evaluate(
        "e => e.getBoundingClientRect().bottom + window.scrollY")
    page.screenshot(path=str(shot), full_page=True,
                    clip={"x": 0, "y": 0, "width": 1200, "height": bottom + 16})
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    if os.environ.get("LKJ_SCREENSHOT"):
        shutil.copy(shot, os.environ["LKJ_SCREENSHOT"])


def test_renamed_word_document(page, tmp_path):
    fake = tmp_path / "laporan_tw2.xlsx"
    with zipfile.ZipFile(fake, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    page.set_input_files("#pilih-periksa", str(fake))
    msg = page.locator("article.berkas", has_text="laporan_tw2.xlsx").locator(".ditolak")
    msg.wait_for(timeout=60_000)
    assert msg.inner_text() == ("Berkas 'laporan_tw2.xlsx' sebenarnya dokumen Word (.docx) "
                                "yang diberi nama .xlsx, bukan buku kerja Excel.")


def test_drag_and_drop(page):
    import base64

    # what the browser hands the page when a file is dragged from Explorer onto the zone
    transfer = page.evaluate_handle("""([b64, name]) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], name));
        return dt;
    }""", [base64.b64encode(RANUYOSO.read_bytes()).decode(), RANUYOSO.name])
    page.dispatch_event("[data-zona=periksa]", "drop", {"dataTransfer": transfer})
    card = page.locator("article.berkas", has_text=RANUYOSO.name)
    card.locator("header[data-selesai]").wait_for(timeout=60_000)
    assert "Tidak ada temuan" in card.locator("header").inner_text()
    assert "Semua hitungan cocok." in card.inner_text()


def test_rekap_of_three_files(page, tmp_path):
    with page.expect_download(timeout=120_000) as dl:
        page.set_input_files("#pilih-rekap", [str(CANDIPURO), str(PRONOJIWO), str(KALAENA)])
    assert dl.value.suggested_filename == "rekap_lkj.xlsx"
    out = tmp_path / "rekap_lkj.xlsx"
    dl.value.save_as(out)
    units = _sheets(out)["Rekap Unit"]
    names = {str(v) for row in units for v in row}
    assert {"Kecamatan Candipuro", "Kecamatan Pronojiwo"} <= names
    assert any("Kalaena" in n for n in names)
    page.locator("#hasil-rekap", has_text="3 berkas masuk: 3 direkap, 0 bermasalah").wait_for()
