"""Render the Word document of a sample with LibreOffice and save two of its pages side by
side as docs/contoh_dokumen.png (and the whole PDF as docs/contoh_dokumen.pdf), so a reader
can see what `lkj dokumen` produces.

    python scripts/render_dokumen.py [SAMPLE.xlsx]

The pages shown are the one with the capaian table (Tabel 3.1 or 2.2) and the one where the
budget table (Realisasi Anggaran) starts. Needs LibreOffice (libreoffice-writer-nogui),
poppler-utils (pdftoppm, pdftotext) and Pillow.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lkj_excel.writers.dokumen import dokumen  # noqa: E402


def _page_with(pdf: Path, pages: int, *needles: str) -> int:
    for n in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        if all(x in text for x in needles):
            return n
    return 1


def main() -> int:
    from PIL import Image

    sample = Path(sys.argv[1]) if len(sys.argv) > 1 else \
        ROOT / "sample_workbooks" / "003_pronojiwo_kecamatan_tw3_2024.xlsx"
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice or not shutil.which("pdftoppm"):
        print("Perlu LibreOffice (soffice) dan pdftoppm.", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        out = dokumen(sample, Path(tmp) / "dokumen.docx").output
        subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(out)],
                       check=True, capture_output=True, timeout=300)
        pdf = Path(tmp) / "dokumen.pdf"
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        pages = int(next(ln.split()[-1] for ln in info.splitlines() if ln.startswith("Pages")))
        chosen = (_page_with(pdf, pages, "Capaian Kinerja", "Rata-rata capaian kinerja"),
                  _page_with(pdf, pages, "Program/Kegiatan/Sub Kegiatan", "Serapan"))
        images = []
        for k, page in enumerate(chosen):
            stem = Path(tmp) / f"p{k}"
            subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", str(page), "-l", str(page),
                            "-singlefile", str(pdf), str(stem)], check=True)
            images.append(Image.open(f"{stem}.png"))
        w, h = images[0].size
        sheet = Image.new("RGB", (2 * w + 24, h + 16), (160, 160, 160))
        for k, im in enumerate(images):
            sheet.paste(im, (8 + k * (w + 8), 8))
        sheet.save(ROOT / "docs" / "contoh_dokumen.png", optimize=True)
        shutil.copy(pdf, ROOT / "docs" / "contoh_dokumen.pdf")
        print(f"ditulis: docs/contoh_dokumen.png (halaman {chosen[0]} dan {chosen[1]} dari "
              f"{pages}), docs/contoh_dokumen.pdf")
    return 0


if __name__ == "__main__":
    sys.exit(main())
