"""Each sample workbook reads without error and holds the tables of its seed report."""

from __future__ import annotations

import re

import pytest

from lkj_excel.parsing import parse_code
from lkj_excel.reader import read_report

from .conftest import ALL_SAMPLES, CANDIPURO, KALAENA, PRONOJIWO, RANUYOSO, SENDURO


@pytest.mark.parametrize("path", ALL_SAMPLES, ids=lambda p: p.stem)
def test_sample_reads(path):
    rep = read_report(path)
    assert rep.identity.year and rep.identity.quarter and rep.identity.report_date


def _seed_codes(text: str, start: str, end: str) -> list[str]:
    block = text[text.index(start): text.index(end, text.index(start))]
    codes = re.findall(r"^(?:<b>)?(7\.0[\d .]+?)(?:</b>)?\t", block, flags=re.M)
    return [parse_code(c).canonical for c in codes]


def test_candipuro_anggaran_has_every_code_of_tabel_3_5(seed_text):
    seed = _seed_codes(seed_text("004"), "TABEL 3.5", "BAB IV")
    assert len(seed) == 60
    rep = read_report(CANDIPURO)
    assert [r.code.canonical for r in rep.anggaran_rows] == seed
    assert rep.anggaran_total.get("pagu").raw == "2.752.150.911"


def test_pronojiwo_anggaran_has_every_code_of_tabel_3_12(seed_text):
    seed = _seed_codes(seed_text("003"), "Tabel 3.12", "Dalam mendukung")
    rep = read_report(PRONOJIWO)
    assert [r.code.canonical for r in rep.anggaran_rows] == seed
    assert len(seed) == 57


def test_row_counts_of_the_seeds():
    counts = {
        RANUYOSO: dict(pk=1, capaian=1, efisiensi=2, anggaran=0),
        # the Jumlah line under the three indicators is a total, not a fourth indicator
        KALAENA: dict(pk=3, capaian=3, anggaran=3, pk_budget=3),
        # three facilitations named, "11 jenis fasilitasi dan 2 koordinasi" in all
        SENDURO: dict(pk=6, capaian=6, efisiensi=10, anggaran=0, fasilitasi=5,
                      kegiatan_fasilitasi=13),
        PRONOJIWO: dict(pk=2, capaian=3, anggaran=57, desa=6, fasilitasi=36, pegawai=17,
                        perbandingan=4, pk_budget=6, kegiatan_fasilitasi=36, jumlah_desa=6),
        # 28 listed of "51 Aktifitas"; "0 + 0 + 10" of 10 desa without a list
        CANDIPURO: dict(pk=2, capaian=2, anggaran=60, fasilitasi=29, perbandingan=6,
                        kegiatan_fasilitasi=51, desa=1, jumlah_desa=10),
    }
    for path, expect in counts.items():
        rep = read_report(path)
        got = dict(pk=len(rep.pk), capaian=len(rep.capaian_rows), anggaran=len(rep.anggaran_rows),
                   efisiensi=len(rep.efisiensi), desa=len(rep.desa),
                   fasilitasi=len(rep.fasilitasi), pegawai=len(rep.pegawai),
                   perbandingan=len(rep.perbandingan), pk_budget=len(rep.pk_budget_rows),
                   kegiatan_fasilitasi=sum(r.weight for r in rep.fasilitasi),
                   jumlah_desa=sum(r.weight for r in rep.desa))
        for k, v in expect.items():
            assert got[k] == v, (path.name, k)


def test_pronojiwo_checklist_has_30_of_36_ticked():
    rep = read_report(PRONOJIWO)
    assert sum(1 for r in rep.fasilitasi if r.done) == 30
    assert len(rep.fasilitasi) == 36


def test_typed_text_is_kept_as_typed():
    rep = read_report(PRONOJIWO)
    r = next(r for r in rep.anggaran_rows if r.code.canonical == "7.01.01.2.07")
    assert r.get("pagu").raw == "11.100.0000" and r.get("pagu").parsed.irregular
    cap = rep.capaian_rows[0]
    assert cap.get("target").raw == "68,50 (B-)" and cap.get("target").parsed.label == "B-"


def test_xls_written_by_gnumeric_reads_the_same(tmp_path):
    """An old .xls (BIFF8) gives the same findings as the .xlsx it came from."""
    import shutil
    import subprocess

    from lkj_excel.checking import check_file

    if not shutil.which("ssconvert"):
        pytest.skip("gnumeric (ssconvert) is not installed")
    out = tmp_path / "candipuro.xls"
    subprocess.run(["ssconvert", str(CANDIPURO), str(out)], check=True, capture_output=True)
    assert check_file(out).flatten() == check_file(CANDIPURO).flatten()
