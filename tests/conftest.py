"""Shared fixtures: paths to the sample workbooks and the seed reports."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_workbooks"

def _seeds() -> Path:
    """The real reports the samples were copied from: ../shared/seeds beside the checkout
    (CI and a fresh clone) or beside a parent folder (a git worktree), or $LKJ_SEEDS."""
    if os.environ.get("LKJ_SEEDS"):
        return Path(os.environ["LKJ_SEEDS"])
    for parent in ROOT.parents:
        if (parent / "shared" / "seeds").is_dir():
            return parent / "shared" / "seeds"
    return ROOT.parent / "shared" / "seeds"


SEEDS = _seeds()

RANUYOSO = SAMPLES / "000_ranuyoso_seksi_pm_tw4_2022.xlsx"
KALAENA = SAMPLES / "001_kalaena_seksi_pmd_tw2_2024.xlsx"
SENDURO = SAMPLES / "002_senduro_seksi_pemerintahan_tw1_2023.xlsx"
PRONOJIWO = SAMPLES / "003_pronojiwo_kecamatan_tw3_2024.xlsx"
CANDIPURO = SAMPLES / "004_candipuro_kecamatan_tw2_2023.xlsx"
CLEAN = SAMPLES / "contoh_bersih_sukamaju_tw1_2025.xlsx"
ALL_SAMPLES = (RANUYOSO, KALAENA, SENDURO, PRONOJIWO, CANDIPURO, CLEAN)


def run_lkj(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The real CLI as a subprocess (python -m lkj_excel.cli, as the console script does)."""
    return subprocess.run([sys.executable, "-m", "lkj_excel.cli", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd or ROOT, timeout=120)


@pytest.fixture
def seed_text():
    def read(prefix: str) -> str:
        hits = sorted(SEEDS.glob(f"{prefix}_*.txt"))
        if not hits:
            pytest.skip("the seed reports (../shared/seeds, or $LKJ_SEEDS) are not on this "
                        "machine: they are the real reports, kept outside the repository")
        return hits[0].read_text(encoding="utf-8")

    return read
