"""Every message a user of the ``lkj`` command reads is Indonesian, click's own included.

click writes its usage errors, help headings and option notes through gettext with English
message ids; lkj binds a catalogue (lkj_excel/locale). These tests run the real command as a
subprocess (as a user would) and assert the Indonesian sentence and the absence of every
English fragment of click's own messages.
"""

from __future__ import annotations

import gettext
import os
import re
import shutil
import subprocess
import sys
from functools import cache

import click
import pytest
from click.testing import CliRunner

from lkj_excel.cli import LOCALE_DIR, cli

from .conftest import CANDIPURO, CLEAN, ROOT, run_lkj

PO = LOCALE_DIR / "id" / "LC_MESSAGES" / "lkj.po"


@cache
def click_messages() -> dict[str, tuple[str, ...]]:
    """Every message id in the installed click, as babel's extractor finds them."""
    from babel.messages.extract import extract_from_dir

    found: dict[str, tuple[str, ...]] = {}
    for _fn, _line, msg, _c, _ctx in extract_from_dir(
            os.path.dirname(click.__file__), method_map=[("**.py", "python")],
            keywords={"_": None, "gettext": None, "ngettext": (1, 2)}):
        ids = msg if isinstance(msg, tuple) else (msg,)
        found[ids[0]] = ids
    found["required"] = ("required",)  # click passes this one through a variable
    return found


@cache
def english_fragments() -> list[str]:
    """The fixed words of click's messages (the text between placeholders), at least two
    words long, plus the one-word headings. None may reach a user."""
    out = {"Usage:", "Options:", "Commands:", "Arguments:", "[required]", "[default:", "Error:",
           # type names click shows as metavars (not through gettext: lkj sets metavar=)
           "INTEGER", "FLOAT", "TEXT", "RANGE", "FILENAME", "BOOLEAN", "PATH", "DIRECTORY"}
    for ids in click_messages().values():
        for text in ids:
            for part in re.split(r"\{[^}]*\}|%\([^)]*\)s|\n", text):
                part = part.strip(" .:()'?!\t")
                if len(part.split()) >= 2:
                    out.add(part)
    return sorted(out)


def assert_indonesian(text: str) -> None:
    hits = [frag for frag in english_fragments() if frag in text]
    assert not hits, f"English click text {hits} in:\n{text}"


def test_catalogue_is_compiled_from_the_po():
    sys.path.insert(0, str(ROOT / "scripts"))
    import io

    from build_locale import compile_po

    fresh = gettext.GNUTranslations(io.BytesIO(compile_po(PO)))
    committed = gettext.GNUTranslations(open(PO.with_suffix(".mo"), "rb"))
    assert fresh._catalog == committed._catalog, "run  python scripts/build_locale.py"


def test_every_click_message_has_a_translation():
    from babel.messages.pofile import read_po

    with open(PO, "rb") as fh:
        catalog = read_po(fh)
    missing = [ids[0] for ids in click_messages().values()
               if not (m := catalog.get(ids[0])) or not all(
                   m.string if isinstance(m.string, tuple) else (m.string,))]
    assert not missing, f"click messages without an Indonesian translation: {missing}"
    # and the catalogue is what the running process uses
    assert gettext.gettext("Usage:") == "Cara pakai:"
    assert gettext.ngettext("Did you mean {possibility}?",
                            "(Did you mean one of: {possibilities}?)", 2).startswith(
        "(Mungkin maksud Anda")


@pytest.mark.parametrize("args, expected", [
    (["check"], "Galat: Argumen belum diisi 'BERKAS...'."),
    (["template"], "Galat: Argumen belum diisi 'KELUARAN'."),
    (["finalise", "sample_workbooks"],
     "Galat: Nilai tidak sah untuk 'BERKAS': Berkas 'sample_workbooks' adalah folder, "
     "bukan berkas."),
    (["chek", "x.xlsx"], "Galat: Perintah 'chek' tidak dikenal. Mungkin maksud Anda 'check'?"),
    (["rekap", "sample_workbooks", "-o", "r.xlsx", "--jbs", "2"],
     "Galat: Pilihan '--jbs' tidak dikenal. (Mungkin maksud Anda salah satu dari: '--db', "
     "'--jobs'?)"),
    (["rekap", "sample_workbooks"], "Galat: Pilihan wajib belum diisi '--output' / '-o'."),
    (["template", "t.xlsx", "--tingkat", "desa"],
     "Galat: Nilai tidak sah untuk '--tingkat': 'desa' bukan salah satu dari 'seksi', "
     "'kecamatan'."),
    (["rekap", "sample_workbooks", "-o", "r.xlsx", "--jobs", "0"],
     "Galat: Nilai tidak sah untuk '--jobs' / '-j': 0 di luar rentang x>=1."),
    (["aturan", "lebih"], "Galat: Ada argumen berlebih (lebih)"),
    (["check", "x.xlsx", "--format"], "Galat: Pilihan '--format' perlu satu nilai."),
])
def test_usage_errors_are_indonesian(args, expected, tmp_path):
    proc = run_lkj(*args)
    assert proc.returncode == 2, proc.stderr
    assert expected in proc.stderr
    if args[-1] != "--format":  # click knows no command context for that one
        assert "Cara pakai: lkj" in proc.stderr and "untuk bantuan." in proc.stderr
    assert proc.stdout == ""
    assert_indonesian(proc.stderr)
    assert not (tmp_path / "r.xlsx").exists()


def test_help_of_every_command_is_indonesian():
    runner = CliRunner()
    texts = [runner.invoke(cli, ["--help"]).output]
    texts += [runner.invoke(cli, [name, "--help"]).output for name in cli.commands]
    for text in texts:
        assert text.startswith("Cara pakai: lkj")
        assert "Pilihan:" in text and "Tampilkan bantuan ini lalu keluar." in text
        assert_indonesian(text)
    joined = "\n".join(texts)
    assert "[bawaan: teks]" in joined and "[wajib]" in joined and "Perintah:" in joined


def test_plain_lkj_prints_an_overview_and_exits_0():
    proc = run_lkj()
    assert proc.returncode == 0 and proc.stderr == ""
    assert "pemeriksa Laporan Kinerja (LKj) Triwulan" in proc.stdout
    for name in cli.commands:
        assert f"lkj {name}" in proc.stdout
    assert_indonesian(proc.stdout)


def test_python_dash_m_lkj_excel():
    proc = subprocess.run([sys.executable, "-m", "lkj_excel", "--version"],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 0 and "lkj (lkj-excel) versi" in proc.stdout


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "laporan masuk"
    (d / "seksi").mkdir(parents=True)
    shutil.copy(CANDIPURO, d / CANDIPURO.name)
    shutil.copy(CLEAN, d / "seksi" / CLEAN.name)
    (d / "catatan.txt").write_text("bukan laporan")
    return d


def test_check_accepts_a_folder(folder):
    proc = run_lkj("check", folder)
    assert proc.returncode == 1, proc.stderr  # Candipuro has errors
    assert proc.stdout.count("Berkas: ") == 2 and "catatan.txt" not in proc.stdout
    assert "Total 2 berkas diperiksa: 9 kesalahan" in proc.stdout


@pytest.mark.parametrize("command", ["check", "rekap"])
def test_empty_folder_and_unmatched_pattern_exit_2(command, tmp_path):
    empty = tmp_path / "kosong"
    empty.mkdir()
    (empty / "catatan.txt").write_text("bukan laporan")
    extra = ["-o", str(tmp_path / "rekap.xlsx")] if command == "rekap" else []
    proc = run_lkj(command, empty, *extra)
    assert proc.returncode == 2
    assert f"Galat: Folder '{empty}' tidak berisi berkas laporan." in proc.stderr
    assert "Tidak ada laporan untuk diproses" in proc.stderr
    pattern = str(tmp_path / "tidak_ada_*.xlsx")
    proc = run_lkj(command, pattern, *extra)
    assert proc.returncode == 2
    assert f"Galat: Pola '{pattern}' tidak cocok dengan berkas laporan mana pun." in proc.stderr
    assert_indonesian(proc.stderr)
    assert not (tmp_path / "rekap.xlsx").exists()


def test_previous_rekap_output_in_the_folder_is_skipped_with_a_note(folder, tmp_path):
    first = run_lkj("rekap", folder, "-o", folder / "rekap_lama.xlsx")
    assert first.returncode == 0, first.stderr
    assert "2 berkas masuk: 2 direkap, 0 bermasalah" in first.stdout
    again = run_lkj("rekap", folder, "-o", tmp_path / "rekap_baru.xlsx", "--jobs", "1")
    assert again.returncode == 0, again.stderr
    assert "2 berkas masuk: 2 direkap, 0 bermasalah" in again.stdout
    assert (f"Catatan: '{folder / 'rekap_lama.xlsx'}' dilewati: itu hasil lkj rekap "
            "sebelumnya, bukan laporan.") in again.stderr
    checked = run_lkj("check", folder)
    assert checked.returncode == 1 and checked.stdout.count("Berkas: ") == 2
    assert "rekap_lama.xlsx' dilewati: itu hasil lkj rekap, bukan laporan." in checked.stderr
    only = tmp_path / "hanya rekap"
    only.mkdir()
    shutil.copy(folder / "rekap_lama.xlsx", only / "rekap_lama.xlsx")
    proc = run_lkj("rekap", only, "-o", tmp_path / "r.xlsx")
    assert proc.returncode == 2
    assert "Galat: Yang ditemukan hanya hasil rekap sebelumnya, bukan laporan: " \
           "rekap_lama.xlsx." in proc.stderr
    for p in (again, checked, proc):
        assert_indonesian(p.stderr)


@pytest.mark.parametrize("encoding", ["cp437", "cp1252"])
def test_a_console_that_cannot_print_a_character_does_not_crash(encoding, tmp_path):
    odd = tmp_path / "laporan ✓ Ωmega.xlsx"  # neither cp437 nor cp1252 has both characters
    shutil.copy(CANDIPURO, odd)
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    for args in (["check", str(odd)], ["check", str(tmp_path / "tidak ✓ ada.xlsx")]):
        proc = subprocess.run([sys.executable, "-m", "lkj_excel", *args], capture_output=True,
                              cwd=ROOT, env=env, timeout=120)
        out, err = proc.stdout.decode(encoding), proc.stderr.decode(encoding)
        assert "UnicodeEncodeError" not in err and "tak terduga" not in err, err
        assert "laporan ? " in out or "tidak ? ada" in out + err
        assert_indonesian(err)
    assert proc.returncode == 2


def test_lkj_buka_on_a_busy_port():
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc = run_lkj("buka", "--port", port, "--tanpa-peramban")
    assert proc.returncode == 2
    assert (f"Galat: Halaman lkj tidak dapat dijalankan di port {port}: port itu sedang "
            "dipakai program lain.") in proc.stderr
    assert_indonesian(proc.stderr)
