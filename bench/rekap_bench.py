"""Rekap throughput and memory on N synthetic workbooks, each figure a ratio to its floor.

    python bench/rekap_bench.py [--n 1000] [--seed 7] [--repeat 3] [--jobs 1,2] [--keep DIR]

Generates N realistic workbooks through the template writer (1-6 programs with kegiatan
and sub kegiatan, 1-4 indicators, desa and checklist rows, and typical mistakes: wrong sisa,
wrong percentages, English separators, sloppy codes, late dates), then measures in one run,
every command as a whole process (interpreter start and imports included) timed from
outside, the median of --repeat runs, each lkj run alternating with a run of its floor (the
shared machine's load changes by the minute; both see the same):

- the floors: a bare python-calamine read of every sheet of every file in 2 processes
  (multiprocessing.Pool(2)), and SHA-256 of every file (one process);
- ``lkj rekap --jobs J`` for each J (ratio to the 2-process read; speed-up over --jobs 1);
- peak memory, main process and largest worker, at N/4 and at N (flat in N: the store,
  not memory, holds the data);
- ``lkj rekap --db`` run again with nothing changed (ratio to hashing the files).

Goals (issue 17): --jobs 2 within 3x of the 2-process read; the unchanged --db re-run
within 3x of hashing.

lkj_excel is compiled to bytecode first (``compileall``), as ``pip install`` does: an
editable checkout run with PYTHONDONTWRITEBYTECODE would otherwise compile every module
in every measured process (about 0.3 s, as much as an unchanged re-run of 1,000 files).
"""


from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _common import (  # noqa: E402
    PEAK_SRC,
    alternated,
    compile_package,
    lkj_source,
    python,
    run,
)

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


# Every measured command is a whole process that prints its own peak memory at the end.
BARE_READ = PEAK_SRC + """
import resource, sys
from multiprocessing import Pool
import python_calamine as pc
def read(p):
    wb = pc.CalamineWorkbook.from_path(p)
    for name in wb.sheet_names:
        wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
    wb.close()
    return 0
if __name__ == "__main__":
    files = open(sys.argv[1]).read().split("\\n")
    with Pool(2) as pool:
        sum(pool.imap_unordered(read, files, chunksize=8))
    print(PEAK(), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)
"""

HASH = PEAK_SRC + """
import hashlib, sys
for p in open(sys.argv[1]).read().split("\\n"):
    h = hashlib.sha256()
    with open(p, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
print(PEAK(), 0, file=sys.stderr)
"""

LKJ = lkj_source("rekap")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", default="1,2", help="--jobs values to measure, e.g. 1,2")
    ap.add_argument("--keep", type=Path, help="generate into (and reuse) this folder")
    args = ap.parse_args()
    jobs = [int(j) for j in args.jobs.split(",")]
    compile_package()
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        folder = args.keep or t / "in"
        folder.mkdir(parents=True, exist_ok=True)
        paths = sorted(folder.glob("lkj_*.xlsx"))
        if len(paths) != args.n:
            for p in paths:
                p.unlink()
            t0 = time.perf_counter()
            paths = generate(args.n, args.seed, folder)
            print(f"{args.n} buku kerja sintetis dibuat dalam {time.perf_counter() - t0:.1f} s")
        n = len(paths)
        size = sum(p.stat().st_size for p in paths) / n / 1024
        sets = {}
        for label, sub in (("N/4", paths[: max(1, n // 4)]), ("N", paths)):
            d = t / label.replace("/", "_")
            d.mkdir()
            for p in sub:
                (d / p.name).symlink_to(p)
            lst = t / f"{d.name}.txt"
            lst.write_text("\n".join(str(p) for p in sub))
            sets[label] = (d, lst, len(sub))
        print(f"N = {n} buku kerja, rata-rata {size:.0f} KB; median dari {args.repeat} kali; "
              "setiap perintah satu proses utuh")
        out: dict = {"n": n}
        bare_cmd = python(BARE_READ, sets["N"][1])
        secs = {}
        for j in jobs:
            # each lkj run alternates with a floor run, so that a change in the shared
            # machine's load falls on both
            base, r = alternated(bare_cmd, python(LKJ, sets["N"][0], "-o", t / f"r{j}.xlsx",
                                                  "--jobs", j, "--timpa"), args.repeat)
            print(f"  dasar A: python-calamine langsung, 2 proses: {base.wall:.2f} s "
                  f"({n / base.wall:.0f} buku kerja/s; CPU {base.cpu:.2f} s); memori puncak "
                  f"{base.main_mib:.0f} MiB + pekerja {base.worker_mib:.0f} MiB")
            s, cpu, mem, child = r.wall, r.cpu, r.main_mib, r.worker_mib
            secs[j] = s
            print(f"  lkj rekap --jobs {j}, N={n}: {s:.2f} s ({n / s:.0f} buku kerja/s) = "
                  f"{s / base.wall:.1f}x dasar A (sasaran 3x untuk --jobs 2); CPU {cpu:.2f} s "
                  f"= {cpu / base.cpu:.1f}x CPU dasar A; memori puncak "
                  f"utama {mem:.0f} MiB, pekerja {child:.0f} MiB")
            out[f"jobs{j}"] = {"seconds": round(s, 3), "ratio": round(s / base.wall, 2),
                               "cpu_s": round(cpu, 2), "cpu_ratio": round(cpu / base.cpu, 2),
                               "floor_s": round(base.wall, 3), "floor_cpu_s": round(base.cpu, 2),
                               "main_mib": round(mem), "worker_mib": round(child)}
        for j in jobs:
            if j > 1 and 1 in secs:
                print(f"  skala: --jobs {j} {secs[1] / secs[j]:.2f}x lebih cepat dari --jobs 1")
                out[f"speedup{j}"] = round(secs[1] / secs[j], 2)
        j = max(jobs)
        for label in ("N/4", "N"):
            r = run(python(LKJ, sets[label][0], "-o", t / "m.xlsx", "--jobs", j, "--timpa"))
            mem, child = r.main_mib, r.worker_mib
            print(f"  memori --jobs {j}, {label}={sets[label][2]}: utama {mem:.0f} MiB, "
                  f"pekerja {child:.0f} MiB")
            out[f"mem {label}"] = {"main_mib": round(mem), "worker_mib": round(child)}
        db = t / "rekap.sqlite"
        run(python(LKJ, sets["N"][0], "-o", t / "db.xlsx", "--db", db, "--jobs", j))
        hashed, r = alternated(python(HASH, sets["N"][1]),
                               python(LKJ, sets["N"][0], "-o", t / "db.xlsx", "--db", db,
                                      "--jobs", j), args.repeat)
        again, mem, child = r.wall, r.main_mib, r.worker_mib
        print(f"  dasar B: SHA-256 setiap berkas, 1 proses: {hashed.wall:.3f} s")
        print(f"  lkj rekap --db tanpa perubahan, N={n}: {again:.3f} s = "
              f"{again / hashed.wall:.1f}x dasar B (sasaran 3x); memori puncak utama "
              f"{mem:.0f} MiB, pekerja {child:.0f} MiB")
        out["unchanged"] = {"seconds": round(again, 3), "ratio": round(again / hashed.wall, 2),
                            "floor_s": round(hashed.wall, 3)}
        print(json.dumps(out))


if __name__ == "__main__":
    main()
