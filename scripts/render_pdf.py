"""Render every page of finalised samples through LibreOffice, to look at what prints.

    python scripts/render_pdf.py [SAMPLE.xlsx ...] [--all] [--out DIR] [--docs] [--rekap]

Finalises each sample (default: the Pronojiwo sample; --all: every sample workbook), converts
the whole workbook (report and appendix) to PDF with LibreOffice under an Indonesian
profile, and writes every page as a PNG (60 dpi) named after its sheet to DIR
(build/render_final/<sample>/). Look at every page: no overlapping text, no signature block
split, no chart cut, no raw number or date.

--docs refreshes the README's pictures from the Pronojiwo report (without the appendix, as
it is signed): docs/contoh_ringkasan.png (the Ringkasan's first page),
docs/contoh_tanda_tangan.png (its signature page), docs/contoh_tabel_anggaran.png (the
first page of Tabel Anggaran), docs/contoh_temuan.png (the first page of Temuan) and
docs/contoh_final.pdf (the report). --rekap also runs scripts/render_rekap.py.

Needs LibreOffice (soffice) and poppler-utils (pdftoppm, pdftotext, pdfinfo).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from render_rekap import indonesian_profile  # noqa: E402

from lkj_excel.writers.final import finalise  # noqa: E402

SAMPLES = ROOT / "sample_workbooks"
DEFAULT = SAMPLES / "003_pronojiwo_kecamatan_tw3_2024.xlsx"
#: The page footer: the sheet's title on the left, "Halaman n dari m" on the right.
FOOTER = re.compile(r"^\s*(\S.*?)\s{2,}Halaman \d+ dari \d+\s*$", re.M)
DOCS_DPI = 110


def to_pdf(soffice: str, xlsx: Path, tmp: Path) -> Path:
    subprocess.run([soffice, f"-env:UserInstallation={indonesian_profile(tmp)}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(xlsx.parent), str(xlsx)],
                   check=True, capture_output=True, timeout=600)
    return xlsx.with_suffix(".pdf")


def page_sheets(pdf: Path) -> list[str]:
    """The sheet each page prints, from its footer."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    n = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    out = []
    for p in range(1, n + 1):
        text = subprocess.run(["pdftotext", "-layout", "-f", str(p), "-l", str(p), str(pdf),
                               "-"], capture_output=True, text=True).stdout
        m = FOOTER.findall(text)
        out.append(m[-1].strip() if m else f"halaman {p}")
    return out


def png(pdf: Path, page: int, stem: Path, dpi: int = 60) -> Path:
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(stem)], check=True)
    return stem.with_suffix(".png")


def render(soffice: str, sample: Path, out: Path, tmp: Path) -> list[str]:
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.png"):
        old.unlink()
    xlsx = finalise(sample, tmp / f"{sample.stem}_final.xlsx").output
    pdf = to_pdf(soffice, xlsx, tmp)
    shutil.copy(pdf, out / pdf.name)
    sheets = page_sheets(pdf)
    for i, sheet in enumerate(sheets, start=1):
        name = re.sub(r"[^\w]+", "_", sheet).strip("_")
        png(pdf, i, out / f"{i:02d}_{name}")
    return sheets


def docs(soffice: str, tmp: Path) -> None:
    report = finalise(DEFAULT, tmp / "laporan.xlsx", appendix=False).output
    pdf = to_pdf(soffice, report, tmp)
    sheets = page_sheets(pdf)
    texts = [subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), str(pdf), "-"],
                            capture_output=True, text=True).stdout
             for p in range(1, len(sheets) + 1)]
    ringkasan = [i + 1 for i, s in enumerate(sheets) if s == "Ringkasan"]
    signed = next(p for p in ringkasan if "NIP. " in texts[p - 1])
    anggaran = sheets.index("Tabel Realisasi Anggaran") + 1
    for page, name in ((ringkasan[0], "contoh_ringkasan"), (signed, "contoh_tanda_tangan"),
                       (anggaran, "contoh_tabel_anggaran")):
        shutil.copy(png(pdf, page, tmp / name, DOCS_DPI), ROOT / "docs" / f"{name}.png")
        print(f"ditulis: docs/{name}.png (halaman {page})")
    shutil.copy(pdf, ROOT / "docs" / "contoh_final.pdf")
    print("ditulis: docs/contoh_final.pdf")
    full = finalise(DEFAULT, tmp / "lengkap.xlsx").output
    full_pdf = to_pdf(soffice, full, tmp)
    temuan = page_sheets(full_pdf).index("Lampiran: Temuan") + 1
    shutil.copy(png(full_pdf, temuan, tmp / "contoh_temuan", DOCS_DPI),
                ROOT / "docs" / "contoh_temuan.png")
    print(f"ditulis: docs/contoh_temuan.png (halaman {temuan})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("samples", nargs="*", type=Path)
    ap.add_argument("--all", action="store_true", help="every workbook in sample_workbooks/")
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "render_final")
    ap.add_argument("--docs", action="store_true", help="refresh the pictures in docs/")
    ap.add_argument("--rekap", action="store_true", help="also run scripts/render_rekap.py")
    args = ap.parse_args()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice or not all(shutil.which(t) for t in ("pdftoppm", "pdftotext", "pdfinfo")):
        print("Perlu LibreOffice (soffice) dan poppler-utils (pdftoppm, pdftotext).",
              file=sys.stderr)
        return 2
    samples = sorted(SAMPLES.glob("*.xlsx")) if args.all else (args.samples or [DEFAULT])
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        for sample in samples:
            sheets = render(soffice, sample, args.out / sample.stem, t)
            firsts: dict[str, int] = {}
            for i, s in enumerate(sheets, start=1):
                firsts.setdefault(s, i)
            print(f"{sample.name}: {len(sheets)} halaman ke {args.out / sample.stem}: "
                  + ", ".join(f"{s} (hal. {p})" for s, p in firsts.items()))
        if args.docs:
            docs(soffice, t)
    if args.rekap:
        extra = ["--docs"] if args.docs else []
        return subprocess.run([sys.executable, str(ROOT / "scripts" / "render_rekap.py"),
                               *extra]).returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
