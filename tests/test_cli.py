"""The CLI through click's CliRunner and as a subprocess: formats, exit codes, help."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from lkj_excel.cli import cli
from lkj_excel.findings import EXPORT_FIELDS

from .conftest import CANDIPURO, CLEAN, KALAENA, PRONOJIWO, RANUYOSO, run_lkj


@pytest.fixture
def runner():
    return CliRunner()


def test_exit_0_on_clean(runner):
    res = runner.invoke(cli, ["check", str(RANUYOSO)])
    assert res.exit_code == 0
    assert "Tidak ada temuan." in res.output
    assert "Jumlah: 0 kesalahan, 0 peringatan, 0 catatan." in res.output


def test_exit_1_and_text_grouped_by_sheet(runner):
    res = runner.invoke(cli, ["check", str(CANDIPURO)])
    assert res.exit_code == 1
    out = res.output
    assert out.index("Sheet Anggaran") < out.index("Sheet Capaian") < out.index(
        "Sheet Identitas") < out.index("Sheet Perbandingan")
    assert out.index("    E9 ") < out.index("    E62 ") < out.index("    F62 ")
    assert "Jumlah: 9 kesalahan, 0 peringatan, 43 catatan." in out
    out.encode("cp1252")  # a Windows console shows it without broken characters


def test_many_notes_of_one_rule_are_one_entry(runner):
    """Candipuro writes 42 codes as 7.01.01.2.01.01: the console shows the first note in full
    and names the other 41 cells as ranges, so the 9 errors are not lost between notes."""
    out = runner.invoke(cli, ["check", str(CANDIPURO)]).output
    assert out.count("ANG008") == 2  # the first note, and "Catatan ANG008 yang sama"
    assert "    A6        CATATAN    ANG008  Kode '7.01.01.2.01.01' ditulis tidak baku" in out
    flat = " ".join(out.split())
    assert ("Catatan ANG008 yang sama juga untuk 41 sel lain: A7:A8, A10:A13, A15, A17:A22, "
            "A24, A26:A28, A30:A32, A35, A38:A53, A56, A59, A62:A63.") in flat
    # every note is still one row of the JSON and CSV
    rows = json.loads(runner.invoke(cli, ["check", str(CANDIPURO), "--format", "json"]).output)
    assert sum(r["rule"] == "ANG008" for r in rows) == 42


def test_cell_ranges():
    from lkj_excel.render import cell_ranges
    assert cell_ranges(["A6", "A7", "A8", "A10", "B11", "B12", "C3"]) == "A6:A8, A10, B11:B12, C3"
    assert cell_ranges([]) == ""


def test_min_severity(runner):
    res = runner.invoke(cli, ["check", str(CANDIPURO), "--min-severity", "error"])
    assert "ANG008" not in res.output and "ANG001" in res.output


def test_json_has_exactly_the_fields(runner):
    res = runner.invoke(cli, ["check", str(PRONOJIWO), "--format", "json"])
    assert res.exit_code == 1
    data = json.loads(res.output)
    assert all(set(d) == set(EXPORT_FIELDS) | {"file"} for d in data)
    fas = [d for d in data if d["rule"] == "FAS001" and d["cell"] == "K5"][0]
    # 30 of the 36 activities are ticked; any of the six "Belum" rows could be the slip
    # instead, so they are listed as the honest alternatives
    assert fas == {"rule": "FAS001", "severity": "error", "sheet": "Capaian", "cell": "K5",
                   "row_key": fas["row_key"], "field": "pembilang", "found": "31",
                   "expected": "30", "message": fas["message"], "file": str(PRONOJIWO),
                   "cause": "", "note": "", "alternatives": fas["alternatives"]}
    assert len(fas["alternatives"].split()) == 6
    # the realisasi 31/36 follows from the pembilang: a consequence, pointing at it
    real = [d for d in data if d["rule"] == "FAS001" and d["cell"] == "F5"][0]
    assert real["cause"] == "Capaian!K5" and real["expected"] == "83,33%"


def test_csv_mesin_is_the_machine_form(runner, tmp_path):
    out = tmp_path / "temuan.csv"
    res = runner.invoke(cli, ["check", str(PRONOJIWO), "--format", "csv-mesin", "-o", str(out)])
    assert res.exit_code == 1
    text = out.read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == ["file", *EXPORT_FIELDS]
    for row in rows:
        for v in row.values():
            assert not v.startswith(("=", "+", "-", "@"))
    # a bound that is not a value: expected empty, the bound in the note
    des = [r for r in rows if r["rule"] == "DES004"]
    assert des and all(r["expected"] == "" and r["note"].startswith(">=") for r in des)
    fas = next(r for r in rows if r["rule"] == "FAS001" and r["cell"] == "K5")
    assert (fas["severity"], fas["found"], fas["expected"]) == ("error", "31", "30")


def test_csv_for_excel(runner, tmp_path):
    """Semicolons, a UTF-8 BOM, Indonesian headers and severity words; typed numbers written
    the Indonesian way (Candipuro's Anggaran E62 holds the text "147.975.000,00", kept as
    typed; Kalaena's Capaian holds numbers)."""
    out = tmp_path / "temuan.csv"
    res = runner.invoke(cli, ["check", str(CANDIPURO), str(KALAENA), "--format", "csv",
                              "-o", str(out)])
    assert res.exit_code == 1
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Berkas", "Tingkat", "Aturan", "Sheet", "Sel", "Baris", "Kolom",
                       "Tertulis", "Seharusnya", "Keterangan", "Akibat dari",
                       "Kemungkinan lain", "Pesan"]
    body = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert {r["Tingkat"] for r in body} == {"Kesalahan", "Peringatan", "Catatan"}
    ang = next(r for r in body if r["Aturan"] == "ANG001" and r["Sel"] == "E62")
    assert (ang["Tertulis"], ang["Seharusnya"]) == ("147.975.000,00", "130.475.000")
    # a consequence names its cause: Candipuro's capaian G5 follows the Capaian target E5
    # (82,00% against 81,75% in the PK); a late date says its bound instead of a value
    g5 = next(r for r in body if r["Aturan"] == "CAP001" and r["Sel"] == "G5")
    assert g5["Akibat dari"] == "Capaian!E5"
    late = next(r for r in body if r["Aturan"] == "IDN001")
    assert late["Seharusnya"] == "" and late["Keterangan"].startswith("<= 7 Juli 2023")
    for r in body:
        found = r["Tertulis"]
        # never a raw float (0.385, 13425000.0) or an ISO date in what a person reads
        assert not re.fullmatch(r"-?\d+\.\d+|\d{5,}|\d{4}-\d\d-\d\d.*", found), r


def test_csv_injection_from_user_text(tmp_path):
    import openpyxl

    wb = openpyxl.load_workbook(CLEAN)
    cell = wb["Capaian"]["N4"]
    cell.value = '=HYPERLINK("http://x")'
    cell.data_type = "s"  # typed text, as Excel stores '=... entered with a quote
    path = tmp_path / "jahat.xlsx"
    wb.save(path)
    for fmt, delimiter, rule, found in (("csv", ";", "Aturan", "Tertulis"),
                                        ("csv-mesin", ",", "rule", "found")):
        res = CliRunner().invoke(cli, ["check", str(path), "--format", fmt])
        rows = list(csv.DictReader(io.StringIO(res.output), delimiter=delimiter))
        hit = [r for r in rows if r[rule] == "CAP004"][0]
        assert hit[found].startswith("'=")


@pytest.mark.parametrize("fmt", ["teks", "json", "csv", "csv-mesin"])
def test_subprocess_formats_and_exit_codes(fmt):
    assert run_lkj("check", CLEAN, "--format", fmt).returncode == 0
    proc = run_lkj("check", CANDIPURO, "--format", fmt)
    assert proc.returncode == 1 and "ANG001" in proc.stdout


def test_help_is_indonesian_with_examples(runner):
    top = runner.invoke(cli, ["--help"])
    assert top.exit_code == 0 and "Cara pakai: lkj" in top.output and "Perintah:" in top.output
    for name, cmd in cli.commands.items():
        res = runner.invoke(cli, [name, "--help"])
        assert res.exit_code == 0, name
        assert "Contoh:" in res.output and f"lkj {name}" in res.output, name
        assert "Pilihan:" in res.output, name
        assert cmd.help


def test_version(runner):
    res = runner.invoke(cli, ["--version"])
    assert res.exit_code == 0 and "lkj (lkj-excel) versi" in res.output


def test_help_does_not_import_pandas():
    code = ("import sys; sys.argv=['lkj','--help']\n"
            "from lkj_excel.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "bad = [m for m in ('pandas', 'openpyxl', 'python_calamine', 'xlsxwriter', 'docx', "
            "'docxtpl', 'PIL', 'lxml') "
            "if m in sys.modules]\n"
            "print('IMPORTED', bad)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "IMPORTED []" in proc.stdout, proc.stdout + proc.stderr


def test_usage_error_is_indonesian_exit_2():
    proc = run_lkj("check", "--tidak-ada")
    assert proc.returncode == 2
    assert "Galat: Pilihan '--tidak-ada' tidak dikenal." in proc.stderr


def test_template_command(runner, tmp_path):
    out = tmp_path / "t.xlsx"
    res = runner.invoke(cli, ["template", str(out), "--tingkat", "kecamatan"])
    assert res.exit_code == 0 and out.exists()
    again = runner.invoke(cli, ["template", str(out)])
    assert again.exit_code == 2
    bad = runner.invoke(cli, ["template", str(tmp_path / "t.txt")])
    assert bad.exit_code == 2


def test_aturan_lists_every_rule(runner):
    from lkj_excel.rules import load_all

    res = runner.invoke(cli, ["aturan"])
    for code in load_all():
        assert code in res.output


def test_cli_runner_exit_2_on_unusable_file(runner, tmp_path):
    bad = tmp_path / "kosong.xlsx"
    bad.write_bytes(b"")
    res = runner.invoke(cli, ["check", str(bad)])
    assert res.exit_code == 2
    assert "kosong (0 byte)" in res.output


def test_csv_tertulis_is_written_the_indonesian_way(runner, tmp_path):
    """Typed numbers, a percent cell and a date as a person reads them (the machine form
    keeps the raw text)."""
    from .helpers import numeric_workbook

    path = numeric_workbook(tmp_path)
    res = runner.invoke(cli, ["check", str(path), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(res.output), delimiter=";"))
    found = {(r["Aturan"], r["Sel"]): r["Tertulis"] for r in rows}
    assert found[("ANG001", "E6")] == "6.500.000"
    assert found[("ANG002", "F6")] == "38,50%"
    assert found[("CAP001", "G4")] == "52,63%"
    assert found[("IDN001", "B13")] == "15 Juli 2025"
    res = runner.invoke(cli, ["check", str(path), "--format", "csv-mesin"])
    rows = list(csv.DictReader(io.StringIO(res.output)))
    assert {(r["rule"], r["found"]) for r in rows} >= {("ANG001", "6500000"),
                                                       ("IDN001", "2025-07-15")}
