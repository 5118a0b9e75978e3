"""Render every page of a rekap through LibreOffice, to look at what prints.

    python scripts/render_rekap.py [--out DIR] [--docs]

Builds a small kabupaten (nine kecamatan over two quarters of 2025, with a revision, a
late report, a unit named by its alias and one that has not reported) through the
template, consolidates it with a unit list, converts the rekap workbook to PDF with
LibreOffice and every page to PNG (60 dpi) in DIR, named after its sheet. With --docs the
first page of Rekap Unit and of Grafik are copied to docs/ (160 dpi) for the README.

Needs LibreOffice (soffice) and pdftoppm/pdftotext (poppler-utils).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lkj_excel.rekap import rekap  # noqa: E402
from tests.rekap_set import report  # noqa: E402

#: (name, TW I capaian, TW II capaian, pagu, TW I realisasi, TW II realisasi)
UNITS = [
    ("Candipuro", 88.5, 91.2, 2_752_150_911, 690_000_000, 1_483_229_067),
    ("Pronojiwo", 76.4, 81.0, 1_587_655_347, 402_000_000, 1_161_574_521),
    ("Pasirian", 93.1, 95.6, 1_912_400_000, 515_300_000, 1_020_750_000),
    ("Tempeh", 64.2, 70.8, 1_450_000_000, 210_400_000, 655_900_000),
    ("Senduro", 81.7, 79.3, 1_390_250_000, 380_000_000, 702_115_000),
    ("Ranuyoso", 58.9, 66.1, 1_205_500_000, 150_200_000, 498_300_000),
    ("Klakah", 72.0, 77.5, 1_333_000_000, 301_000_000, 640_000_000),
    ("Yosowilangun", 90.4, 88.8, 1_604_900_000, 455_500_000, 905_000_000),
]


def build(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    d = dt.date
    for i, (name, c1, c2, pagu, r1, r2) in enumerate(UNITS):
        unit = f"Kecamatan {name}"
        date1 = d(2025, 4, 24) if name == "Tempeh" else d(2025, 4, 9 + i % 4)
        report(folder / f"{name.lower()}_tw1.xlsx", unit, "I", date1, c1, pagu, r1)
        if name == "Klakah":
            continue  # has not sent TW II
        typed = "Kec. " + name if name == "Senduro" else unit
        report(folder / f"{name.lower()}_tw2.xlsx", typed, "II", d(2025, 7, 2 + i % 3), c2,
               pagu, r2)
    report(folder / "ranuyoso_tw2_revisi.xlsx", "Kecamatan Ranuyoso", "II", d(2025, 7, 15),
           68.4, 1_205_500_000, 512_000_000, revisi=1)
    return folder


def unit_list(path: Path) -> Path:
    rows = ["No;Nama Unit;Alias;Tingkat;Tahun;Triwulan;Tanggal Diterima"]
    for i, (name, *_r) in enumerate(UNITS, start=1):
        rows.append(f"{i};Kecamatan {name};;kecamatan;;;")
    rows.append(f"{len(UNITS) + 1};Kecamatan Sumbersuko;;kecamatan;;;")
    rows.append(f"{len(UNITS) + 2};Kecamatan Tempeh;;kecamatan;2025;I;14 April 2025")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def indonesian_profile(tmp: Path) -> str:
    """A LibreOffice user profile whose locale is Indonesian, so that numbers print as an
    Indonesian Excel shows them (1.333.000.000; 88,50%), whatever this machine's locale."""
    user = tmp / "lo-profil" / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" '
        'oor:op="fuse"><value>id-ID</value></prop></item>\n</oor:items>\n', encoding="utf-8")
    return (tmp / "lo-profil").as_uri()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "render_rekap")
    ap.add_argument("--docs", action="store_true")
    args = ap.parse_args()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice or not shutil.which("pdftoppm"):
        print("Perlu LibreOffice (soffice) dan pdftoppm.", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        masuk = build(t / "masuk")
        out = t / "rekap.xlsx"
        rekap([masuk], out, units=unit_list(t / "unit.csv"), jobs=2)
        shutil.copy(out, args.out / "rekap.xlsx")
        subprocess.run([soffice, f"-env:UserInstallation={indonesian_profile(t)}",
                        "--headless", "--convert-to", "pdf", "--outdir", tmp, str(out)],
                       check=True, capture_output=True, timeout=300)
        pdf = t / "rekap.pdf"
        shutil.copy(pdf, args.out / "rekap.pdf")
        pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(
            ["pdfinfo", str(pdf)], capture_output=True, text=True).stdout).group(1))
        first: dict[str, int] = {}
        for p in range(1, pages + 1):
            text = subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), str(pdf), "-"],
                                  capture_output=True, text=True).stdout
            m = re.search(r"Rekapitulasi Laporan Kinerja Triwulan - ([^\n]+?)\s{2,}|"
                          r"Rekapitulasi Laporan Kinerja Triwulan - (.+)", text)
            sheet = (m.group(1) or m.group(2)).strip() if m else "halaman"
            sheet = re.sub(r"\s+\d{1,2}/\d{1,2}/\d{2,4}.*$", "", sheet)
            first.setdefault(sheet, p)
            stem = args.out / f"{p:02d}_{sheet.replace(' ', '_')}"
            subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(p), "-l", str(p),
                            "-singlefile", str(pdf), str(stem)], check=True)
        print(f"{pages} halaman ditulis ke {args.out}: " + ", ".join(
            f"{k} (hal. {v})" for k, v in first.items()))
        if args.docs:
            for sheet, name in (("Rekap Unit", "contoh_rekap_unit"),
                                ("Grafik", "contoh_rekap_grafik")):
                stem = t / name
                subprocess.run(["pdftoppm", "-png", "-r", "110", "-f", str(first[sheet]),
                                "-l", str(first[sheet]), "-singlefile", str(pdf), str(stem)],
                               check=True)
                shutil.copy(f"{stem}.png", ROOT / "docs" / f"{name}.png")
                print(f"ditulis: docs/{name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
