"""Rekap throughput and memory on N synthetic workbooks (default 1,000).

    python bench/rekap_bench.py [--n 1000] [--seed 7] [--keep DIR]

Generates N realistic workbooks through the template writer (1-6 programs with kegiatan
and sub kegiatan, 1-4 indicators, desa and checklist rows, and typical mistakes: wrong sisa,
wrong percentages, English separators, sloppy codes, late dates), then in one run measures:
a bare python-calamine read of every sheet of every file (one process), and ``lkj rekap``
with --jobs 1 and --jobs 2, each in its own process so that its peak memory (main process
and workers) is its own. The memory check repeats the 2-job run on a quarter of the files:
peak memory that does not grow with N means the store, not RAM, holds the data.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PROGRAMS = [
    ("7.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"),
    ("7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK"),
    ("7.01.03", "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN"),
    ("7.01.04", "PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM"),
    ("7.01.05", "PROGRAM PENYELENGGARAAN URUSAN PEMERINTAHAN UMUM"),
    ("7.01.06", "PROGRAM PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA"),
]


def rp(x: int, rng: random.Random) -> str:
    if rng.random() < 0.15:
        return f"{x:,}"  # English separators, as in Pronojiwo
    return f"{x:,}".replace(",", ".")


def synthetic(i: int, rng: random.Random) -> dict:
    year = rng.choice((2023, 2024, 2025))
    q = rng.randint(1, 4)
    end = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}[q]
    day = rng.choice((3, 5, 7, 12, 25)) if rng.random() < 0.9 else 40
    import datetime as dt

    date = dt.date(year, end[0], end[1]) + dt.timedelta(days=day)
    anggaran = []
    total_p = total_r = 0
    for code, name in rng.sample(PROGRAMS, rng.randint(1, 6)):
        keg_rows = []
        prog_p = prog_r = 0
        for k in range(1, rng.randint(1, 4) + 1):
            subs = []
            kp = kr = 0
            for s in range(1, rng.randint(1, 5) + 1):
                p = rng.randint(5, 400) * 100_000
                r = int(p * rng.random())
                kp, kr = kp + p, kr + r
                sisa = p - r if rng.random() > 0.05 else p - r + 1_000_000
                scode = f"{code}.2.{k:02d}.{s:04d}" if rng.random() > 0.1 else \
                    f"{code}.2 .{k:02d}.{s:02d}"
                subs.append({"kode": scode, "uraian": f"Sub kegiatan {s} kegiatan {k}",
                             "pagu": rp(p, rng), "realisasi": rp(r, rng), "sisa": rp(sisa, rng),
                             "persentase": f"{r / p * 100:.2f}%".replace(".", ",")})
            keg_rows.append({"kode": f"{code}.2.{k:02d}", "uraian": f"Kegiatan {k}",
                             "pagu": rp(kp, rng), "realisasi": rp(kr, rng),
                             "sisa": rp(kp - kr, rng)})
            keg_rows.extend(subs)
            prog_p, prog_r = prog_p + kp, prog_r + kr
        anggaran.append({"kode": code, "uraian": name, "pagu": rp(prog_p, rng),
                         "realisasi": rp(prog_r, rng), "sisa": rp(prog_p - prog_r, rng)})
        anggaran.extend(keg_rows)
        total_p, total_r = total_p + prog_p, total_r + prog_r
    anggaran.append({"uraian": "JUMLAH", "pagu": rp(total_p, rng), "realisasi": rp(total_r, rng),
                     "sisa": rp(total_p - total_r, rng)})
    pk, cap = [], []
    for n in range(1, rng.randint(1, 4) + 1):
        t = rng.choice((80, 85, 90, 93, 100))
        r = round(rng.uniform(30, 100), 2)
        c = r / t * 100 if rng.random() > 0.1 else r / t * 100 + 3
        ind = f"Indikator kinerja nomor {n} unit {i}"
        pk.append({"no": str(n), "sasaran": f"Sasaran {n}", "indikator": ind, "target": f"{t}%"})
        cap.append({"no": str(n), "sasaran": f"Sasaran {n}", "indikator": ind,
                    "target": f"{t}%", "realisasi": f"{r:.2f}%".replace(".", ","),
                    "capaian": f"{c:.2f}%".replace(".", ",")})
    return {
        "Identitas": {"unit": f"Kecamatan Sintetis {i:04d}", "tingkat": "kecamatan",
                      "kecamatan": f"Sintetis {i:04d}", "kabupaten": "Lumajang", "tahun": year,
                      "triwulan": ("I", "II", "III", "IV")[q - 1], "tanggal": date,
                      "pelapor_nama": f"PELAPOR {i}", "pelapor_nip": "19700929 199302 1 002"},
        "PK": pk, "Capaian": cap, "Anggaran": anggaran,
        "Desa": [{"desa": f"Desa {d}", "lppdes": f"{rng.randint(1, 28)} Maret {year}"}
                 for d in range(rng.randint(0, 8))],
        "Fasilitasi": [{"nama": f"Fasilitasi {f}", "status": rng.choice(("Terlaksana", "Belum"))}
                       for f in range(rng.randint(0, 20))],
    }


def generate(n: int, seed: int, folder: Path) -> list[Path]:
    from lkj_excel.writers.template import build_workbook

    rng = random.Random(seed)
    paths = []
    for i in range(n):
        p = folder / f"lkj_{i:05d}.xlsx"
        build_workbook(p, "kecamatan", synthetic(i, rng))
        paths.append(p)
    return paths


def bare_calamine(paths: list[Path]) -> float:
    import python_calamine as pc

    t0 = time.perf_counter()
    for p in paths:
        wb = pc.CalamineWorkbook.from_path(str(p))
        for name in wb.sheet_names:
            wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
        wb.close()
    return time.perf_counter() - t0


RUNNER = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from lkj_excel.rekap import rekap
t0 = time.perf_counter()
res = rekap([{folder!r}], {out!r}, jobs={jobs})
dt = time.perf_counter() - t0
print(json.dumps({{"seconds": dt, "files_in": res.files_in, "ok": res.consolidated,
                  "bad": res.bad,
                  "rss_main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
                  / 1024}}))
"""


def run_rekap(folder: Path, out: Path, jobs: int) -> dict:
    code = RUNNER.format(root=str(ROOT), folder=str(folder), out=str(out), jobs=jobs)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", type=Path, help="generate into (and reuse) this folder")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp) / "in"
        folder.mkdir(parents=True, exist_ok=True)
        paths = sorted(folder.glob("lkj_*.xlsx"))
        if len(paths) != args.n:
            for p in paths:
                p.unlink()
            t0 = time.perf_counter()
            paths = generate(args.n, args.seed, folder)
            print(f"{args.n} buku kerja sintetis dibuat dalam {time.perf_counter() - t0:.1f} s")
        size = sum(p.stat().st_size for p in paths) / len(paths) / 1024
        print(f"ukuran rata-rata {size:.0f} KB")
        bare = bare_calamine(paths)
        print(f"python-calamine langsung (1 proses): {bare:.2f} s, {len(paths) / bare:.0f} "
              "buku kerja/s")
        for jobs in (1, 2):
            r = run_rekap(folder, Path(tmp) / f"rekap{jobs}.xlsx", jobs)
            assert r["files_in"] == r["ok"] + r["bad"]
            print(f"lkj rekap --jobs {jobs}: {r['seconds']:.2f} s, "
                  f"{r['files_in'] / r['seconds']:.0f} buku kerja/s, rasio terhadap calamine "
                  f"{r['seconds'] / bare:.1f}x, memori puncak utama {r['rss_main_mb']:.0f} MB, "
                  f"pekerja {r['rss_worker_mb']:.0f} MB ({r['ok']} direkap, {r['bad']} "
                  "bermasalah)")
        quarter = Path(tmp) / "quarter"
        quarter.mkdir()
        for p in paths[: max(1, len(paths) // 4)]:
            (quarter / p.name).symlink_to(p)
        r = run_rekap(quarter, Path(tmp) / "rekapq.xlsx", 2)
        print(f"memori dengan {len(paths) // 4} berkas (--jobs 2): utama "
              f"{r['rss_main_mb']:.0f} MB, pekerja {r['rss_worker_mb']:.0f} MB")


if __name__ == "__main__":
    main()
