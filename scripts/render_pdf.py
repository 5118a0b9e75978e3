"""Render a finalised sample to PDF with LibreOffice headless and save PNGs of its first
pages under docs/, so a reader can see what `lkj finalise` produces.

    python scripts/render_pdf.py [SAMPLE.xlsx]

Needs LibreOffice (libreoffice-calc-nogui) and pdftoppm (poppler-utils).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lkj_excel.writers.final import finalise  # noqa: E402

PAGES = {1: "contoh_ringkasan.png", 2: "contoh_temuan.png"}


def main() -> int:
    sample = Path(sys.argv[1]) if len(sys.argv) > 1 else \
        ROOT / "sample_workbooks" / "003_pronojiwo_kecamatan_tw3_2024.xlsx"
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice or not shutil.which("pdftoppm"):
        print("Perlu LibreOffice (soffice) dan pdftoppm.", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        out = finalise(sample, Path(tmp) / "final.xlsx").output
        subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(out)],
                       check=True, capture_output=True, timeout=300)
        pdf = Path(tmp) / "final.pdf"
        for page, name in PAGES.items():
            stem = Path(tmp) / f"p{page}"
            subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", str(page), "-l", str(page),
                            "-singlefile", str(pdf), str(stem)], check=True)
            shutil.copy(f"{stem}.png", ROOT / "docs" / name)
            print(f"ditulis: docs/{name}")
        shutil.copy(pdf, ROOT / "docs" / "contoh_final.pdf")
        print("ditulis: docs/contoh_final.pdf")
    return 0


if __name__ == "__main__":
    sys.exit(main())
