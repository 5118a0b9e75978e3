"""The rekap's speed-ups change nothing: the fast worksheet writes XlsxWriter's own bytes,
and workers fed several files at a time still find the one file that kills its process."""

from __future__ import annotations

import datetime as dt
import os
import zipfile

import pytest
import xlsxwriter

from lkj_excel import workers
from lkj_excel.writers.rekap import RekapWorksheet

TEXTS = [
    "Sisa anggaran tidak sama dengan pagu dikurangi realisasi", "", " spasi di depan",
    "spasi di belakang ", "baris\nbaru", "baris baru di akhir\n", "a & b < c > d",
    '"kutip" dan \'apostrof\'', "_x0041_ escape XlsxWriter", "kendali \x01\x1f",
    "<r>bukan rich</r>", "<r> awal saja", "tak-karakter \ufffe\uffff", "tab\tdi tengah",
    "Kécamatan Pronojiwo – TW III", "\tawal tab", "\nawal baris", "=SUM(A1:A2)",
    "1.500.000", "24,14%", "x" * 40000,
]
NUMBERS = [0, 1, -1, 1.5, 0.1 + 0.2, 1e20, 1e-7, 2_752_150_911, -0.0, 123456789.123456789]


def _write(path, worksheet_class) -> None:
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False,
                                         "strings_to_formulas": False,
                                         "strings_to_urls": False})
    if worksheet_class is not None:
        wb.worksheet_class = worksheet_class
    ws = wb.add_worksheet("Uji")
    fmt = wb.add_format({"border": 1, "text_wrap": True})
    pct = wb.add_format({"num_format": "0.00%"})
    col_fmt = wb.add_format({"bold": True})
    ws.set_column(3, 3, 12, col_fmt)
    r = 0
    for text in TEXTS:
        if r % 3 == 0:
            ws.set_row(r, 15 + r)  # a fitted height, as the rekap sets for wrapped text
        ws.write_string(r, 0, text, fmt)
        ws.write_string(r, 1, text)             # no format: XlsxWriter's own way
        ws.write_string(r, 3, text)             # the column's format
        r += 1
    for x in NUMBERS:
        ws.write_number(r, 0, x, pct)
        ws.write_number(r, 1, x)
        ws.write_blank(r, 2, None, fmt)
        r += 1
    ws.set_row(r, 30, fmt)
    ws.write_string(r, 1, "baris berformat")
    ws.write_boolean(r, 2, True, fmt)
    ws.write_formula(r + 1, 0, "=SUM(A1:A3)", fmt, 6)
    ws.write_datetime(r + 1, 1, dt.datetime(2024, 7, 7), pct)
    wb.close()


def test_fast_worksheet_writes_xlsxwriters_own_bytes(tmp_path):
    _write(tmp_path / "stock.xlsx", None)
    _write(tmp_path / "fast.xlsx", RekapWorksheet)
    with zipfile.ZipFile(tmp_path / "stock.xlsx") as a, \
            zipfile.ZipFile(tmp_path / "fast.xlsx") as b:
        stock = a.read("xl/worksheets/sheet1.xml")
        fast = b.read("xl/worksheets/sheet1.xml")
    assert b"_x005F_x0041_" in stock and b"_x0001_" in stock  # the escapes were exercised
    assert b'xml:space="preserve"> spasi' in stock
    assert fast == stock


def _dies_on(path: str) -> dict:
    if path.endswith("mati"):
        os._exit(9)
    return {"path": path, "ok": True}


def _crashed(path: str) -> dict:
    return {"path": path, "ok": False}


@pytest.mark.skipif(os.name == "nt", reason="workers are forked on Linux")
def test_chunked_workers_still_name_the_file_that_kills_its_process():
    items = [f"berkas{i:02d}" for i in range(40)]
    items[17] = "berkas17-mati"
    assert workers.chunk_size(len(items), 2) > 1  # several files per task
    recs = list(workers.run_all(_dies_on, items, 2, _crashed))
    assert sorted(r["path"] for r in recs) == sorted(items)  # each exactly once
    assert [r["path"] for r in recs if not r["ok"]] == ["berkas17-mati"]


@pytest.mark.skipif(os.name == "nt", reason="workers are forked on Linux")
def test_a_broken_pool_leaves_no_more_files_to_read_alone_than_without_chunks(monkeypatch):
    """Each file read alone costs a process of its own: after a worker dies, the files of
    its chunks are read again one per task, so that only the few in flight when the pool
    breaks again (at most workers * QUEUE_PER_WORKER) are read alone."""
    alone = []
    real = workers._alone

    def counted(func, item, *args):
        alone.append(item)
        return real(func, item, *args)

    monkeypatch.setattr(workers, "_alone", counted)
    items = [f"berkas{i:03d}" for i in range(200)]
    items[5] = "berkas005-mati"
    assert workers.chunk_size(len(items), 2) == workers.MAX_CHUNK
    recs = list(workers.run_all(_dies_on, items, 2, _crashed))
    assert sorted(r["path"] for r in recs) == sorted(items)  # each exactly once
    assert [r["path"] for r in recs if not r["ok"]] == ["berkas005-mati"]
    assert "berkas005-mati" in alone
    assert len(alone) <= 2 * workers.QUEUE_PER_WORKER


@pytest.mark.skipif(os.name == "nt", reason="workers are forked on Linux")
def test_a_pool_found_broken_when_sending_loses_no_file(monkeypatch):
    """A worker can die between two waits; the pool then refuses the next chunk
    (submit raises BrokenProcessPool). That chunk was never sent: its files go back to
    be read, the ones in flight are read again, and every file gets exactly one record."""
    from concurrent.futures.process import BrokenProcessPool

    real_pool = workers._pool
    sent = []

    class RefusesTheFifthChunk:
        def __init__(self, *args):
            self.pool = real_pool(*args)

        def submit(self, fn, *args):
            sent.append(args)
            if len(sent) == 5:
                raise BrokenProcessPool("a worker died")
            return self.pool.submit(fn, *args)

        def shutdown(self, **kwargs):
            self.pool.shutdown(**kwargs)

    monkeypatch.setattr(workers, "_pool", RefusesTheFifthChunk)
    items = [f"berkas{i:03d}" for i in range(60)]
    recs = list(workers.run_all(_dies_on, items, 2, _crashed))
    assert len(sent) > 5
    assert sorted(r["path"] for r in recs) == items  # each exactly once
    assert all(r["ok"] for r in recs)


@pytest.mark.skipif(os.name == "nt", reason="workers are forked on Linux")
def test_the_last_tasks_hold_one_file_each(monkeypatch):
    """Chunks shrink as the files not sent yet run out, so that the workers finish
    within a file of each other, not one still reading a chunk of MAX_CHUNK files while
    the other has nothing left."""
    real_pool = workers._pool
    sizes = []

    class Recording:
        def __init__(self, *args):
            self.pool = real_pool(*args)

        def submit(self, fn, func, chunk):
            sizes.append(len(chunk))
            return self.pool.submit(fn, func, chunk)

        def shutdown(self, **kwargs):
            self.pool.shutdown(**kwargs)

    monkeypatch.setattr(workers, "_pool", Recording)
    items = [f"berkas{i:03d}" for i in range(200)]
    recs = list(workers.run_all(_dies_on, items, 2, _crashed))
    assert sorted(r["path"] for r in recs) == items  # each exactly once
    assert sizes[0] == workers.MAX_CHUNK and sum(sizes) == len(items)
    assert sizes == sorted(sizes, reverse=True) and sizes[-2 * workers.QUEUE_PER_WORKER:] == \
        [1] * (2 * workers.QUEUE_PER_WORKER)


def test_chunk_size_keeps_every_worker_busy():
    assert workers.chunk_size(7, 2) == 1
    assert workers.chunk_size(40, 2) == 5
    assert workers.chunk_size(1000, 2) == workers.MAX_CHUNK
    assert workers.chunk_size(1000, 64) == 3


def test_a_worker_reads_checks_and_summarises_in_one_pause_of_the_collector(monkeypatch):
    """rekap._record runs inside one pause of the cyclic collector: check and
    build_summary start with it still paused (each ending its own pause would let the
    collector walk the whole model between them), and it runs again once the record is
    made - also after a file that cannot be read."""
    import gc
    import importlib
    from pathlib import Path

    from lkj_excel import checking, summary

    rekap = importlib.import_module("lkj_excel.rekap")

    seen = []

    def spy(mod, name):
        fn = getattr(mod, name)

        def call(*args, **kwargs):
            seen.append((name, gc.isenabled()))
            return fn(*args, **kwargs)

        monkeypatch.setattr(mod, name, call)

    spy(checking, "check")
    spy(summary, "build_summary")
    sample = sorted((Path(__file__).parent.parent / "sample_workbooks").glob("*.xlsx"))[0]
    assert gc.isenabled()
    rec = rekap._read_and_check(str(sample), "k")
    assert rec["ok"] and rec["report"]["unit"]
    assert seen == [("check", False), ("build_summary", False)]
    assert gc.isenabled()
    bad = rekap._read_and_check(str(Path(__file__).parent / "corpus" / "kosong.xlsx"), "k")
    assert not bad["ok"] and gc.isenabled()


def _rekap_sheet(path, monkeypatch, by_row: bool) -> None:
    """A rekap sheet written through writers.rekap._Sheet.put, a row at a time
    (RekapWorksheet.put_row) or, with by_row False, cell by cell through XlsxWriter's
    write methods into XlsxWriter's own worksheet."""
    import math

    from lkj_excel.writers import rekap as W

    if not by_row:
        monkeypatch.setattr(W, "_ROW_CELLS", ())
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True, "nan_inf_to_errors": True,
                                         "strings_to_formulas": False,
                                         "strings_to_urls": False,
                                         "strings_to_numbers": False})
    if by_row:  # else XlsxWriter's own worksheet
        wb.worksheet_class = W.RekapWorksheet
    f = W._Formats(wb)
    f.none = None  # a column without a format: its blank cells are not written at all
    cols = (W.Col("Teks", 16, "text", True), W.Col("Angka", 12, "amount"),
            W.Col("Persen", 8, "pct"), W.Col("Polos", 8, "none"), W.Col("Tanggal", 10, "date"))
    s = W._Sheet(wb, f, "Uji", "Judul", "Catatan yang cukup panjang untuk dibungkus.", cols)
    others = [None, "", 0, -0.0, 1.5, 2_752_150_911, math.nan, math.inf, -math.inf, True,
              dt.date(2024, 7, 7), dt.datetime(1900, 1, 5, 6), "teks", "x" * 20000]
    for i, text in enumerate(TEXTS):
        s.put([text, NUMBERS[i % len(NUMBERS)], others[i % len(others)],
               others[(i + 3) % len(others)], others[(i + 7) % len(others)]],
              [None, f.total if i % 4 == 0 else None, None, None, None])
    for x in others:
        s.put([x, x, x, x, x])
    s.put(["sel"] * 2, cols=cols[:2])  # a shorter row, other columns
    s.put(["lebih", 1, None, None, None, "lebar"], cols=(*cols, W.Col("Tambahan", 8)))
    s.row -= 3
    s.put(["baris yang sudah lewat", 1])  # XlsxWriter drops cells of rows already written
    s.row += 3
    s.put([None] * 5)
    wb.close()


def test_rekap_rows_written_at_once_are_xlsxwriters_cell_by_cell_bytes(tmp_path,
                                                                       monkeypatch):
    """Rows handed over at once, most of their cells as finished XML elements (once
    their format has its index), give XlsxWriter's bytes of the same cells written one
    by one through its write methods."""
    from lkj_excel.writers import rekap as W

    _rekap_sheet(tmp_path / "per_sel.xlsx", monkeypatch, by_row=False)
    monkeypatch.undo()
    made = []
    real = W.RekapWorksheet.put_row

    fitted = []

    def counted(self, row, cells, height=None):
        made.extend(type(cell) is str for _c, cell in cells)
        fitted.append(height is not None)
        return real(self, row, cells, height)

    monkeypatch.setattr(W.RekapWorksheet, "put_row", counted)
    rows = []
    real_xml = W.RekapWorksheet._row_xml

    def row_xml(self, row):
        xml = real_xml(self, row)
        rows.append(xml is not None)
        return xml

    monkeypatch.setattr(W.RekapWorksheet, "_row_xml", row_xml)
    _rekap_sheet(tmp_path / "per_baris.xlsx", monkeypatch, by_row=True)
    assert made.count(True) > 60 and made.count(False) > 10  # both ways were taken
    # rows written whole by RekapWorksheet._row_xml, and rows left to XlsxWriter
    assert rows.count(True) >= 5 and rows.count(False) >= 5
    assert fitted.count(True) >= 3  # heights set by RekapWorksheet._fit, not set_row
    with zipfile.ZipFile(tmp_path / "per_sel.xlsx") as a, \
            zipfile.ZipFile(tmp_path / "per_baris.xlsx") as b:
        stock, fast = (z.read("xl/worksheets/sheet1.xml") for z in (a, b))
        assert a.namelist() == b.namelist()
        for name in a.namelist():
            if name != "docProps/core.xml":  # its creation time
                assert a.read(name) == b.read(name), name
    assert fast == stock and stock.count(b"<row ") > len(TEXTS) + 10
    assert b"x" * 16000 in stock and b't="b"' in stock and b"<v>2752150911</v>" in stock


def test_rekap_rows_without_xlsxwriters_row_record_are_still_its_bytes(tmp_path,
                                                                      monkeypatch):
    """With an XlsxWriter whose row record (RowInfo) is not the one RekapWorksheet knows,
    heights go through set_row and rows through XlsxWriter's own writing: the same
    bytes."""
    from lkj_excel.writers import rekap as W

    _rekap_sheet(tmp_path / "per_sel.xlsx", monkeypatch, by_row=False)
    monkeypatch.undo()
    monkeypatch.setattr(W, "_ROW_INFO", None)
    _rekap_sheet(tmp_path / "per_baris.xlsx", monkeypatch, by_row=True)
    with zipfile.ZipFile(tmp_path / "per_sel.xlsx") as a, \
            zipfile.ZipFile(tmp_path / "per_baris.xlsx") as b:
        assert a.read("xl/worksheets/sheet1.xml") == b.read("xl/worksheets/sheet1.xml")


def test_rekap_rows_forget_their_heights_once_written(tmp_path):
    """A rekap sheet keeps no height of a row already written (XlsxWriter's row_info
    and row_sizes would hold one for every row with wrapped text to the end): the
    main process's memory does not grow with the reports."""
    from lkj_excel.writers import rekap as W

    wb = xlsxwriter.Workbook(str(tmp_path / "tinggi.xlsx"), {"constant_memory": True})
    wb.worksheet_class = W.RekapWorksheet
    f = W._Formats(wb)
    s = W._Sheet(wb, f, "Uji", "Judul", "Catatan.", (W.Col("Pesan", 10, "text", True),))
    for i in range(500):
        s.put([f"pesan yang cukup panjang untuk dua baris nomor {i}"])
    assert s.row > 500 and len(s.ws.row_info) <= 2 and len(s.ws.row_sizes) <= 2
    wb.close()


@pytest.mark.skipif(not os.path.isdir("/proc/self/task") or (os.cpu_count() or 1) < 2,
                    reason="counts the threads of a process through Linux's /proc")
def test_the_rekap_loads_numpy_without_openblas_threads_and_leaves_the_environment():
    """writers.rekap.load_libraries imports numpy with one OpenBLAS thread (by default it
    starts one per core: CPU for linear algebra the rekap never does); the environment
    is as before, for whatever the process imports later."""
    import subprocess
    import sys

    code = ("import os\nfrom lkj_excel.writers.rekap import load_libraries\n"
            "load_libraries()\nimport numpy, pandas\n"
            "print(len(os.listdir('/proc/self/task')), 'OPENBLAS_NUM_THREADS' in os.environ)")
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, check=True).stdout.split()
    assert out == ["1", "False"]
    plain = subprocess.run([sys.executable, "-c", "import os, numpy\n"
                            "print(len(os.listdir('/proc/self/task')))"],
                           capture_output=True, text=True, env=env, check=True).stdout
    assert int(plain) > 1  # what the test guards against: numpy's default threads


def test_a_workers_report_is_freed_without_the_collector():
    """rekap._record lets go of the check's network once the record is made
    (Context.close -> Network.close), and the recursive closures of Network.finish,
    build_summary and relations.anggaran.build do not hold what they walked: reference
    counting frees each report at once, and the cyclic collector finds nothing of it (in
    a rekap worker it walked about 0,2 ms a workbook). Samples with mistakes, a clean one
    and the seeds: alternative networks, capaian closures, lazy and whole networks."""
    import gc
    import importlib
    from pathlib import Path

    rekap = importlib.import_module("lkj_excel.rekap")
    root = Path(__file__).parent.parent
    files = sorted((root / "sample_workbooks").glob("*.xlsx"))
    assert len(files) >= 5
    rekap._init_worker(None, "", {})
    for p in files:  # imports, compiled patterns and memos made before counting
        rekap._read_and_check(str(p), "k")
    was = gc.isenabled()
    gc.disable()
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        for p in files:
            assert rekap._read_and_check(str(p), "k")["ok"]
        gc.collect()
        left = sorted({type(o).__qualname__ for o in gc.garbage
                       if type(o).__module__.startswith("lkj_excel")})
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.collect()
        if was:
            gc.enable()
    assert left == []


def test_stored_files_hashed_in_threads_are_judged_as_one_by_one(tmp_path, monkeypatch):
    """rekap._hash_stored splits the files the store holds among threads (an unchanged
    --db re-run is mostly hashing): for each file, in input order, the same answer as
    _same_as_stored one file after another - unchanged, changed bytes, other settings,
    gone - and, with two cores, from more than one thread."""
    import importlib
    import threading

    rekap = importlib.import_module("lkj_excel.rekap")
    paths, stored = [], {}
    for i in range(3 * rekap.HASH_FILES_PER_THREAD):
        p = tmp_path / f"lkj_{i:03d}.xlsx"
        p.write_bytes(b"isi %d " % i * (1 + i % 7))
        sha, _size = rekap.file_hash(p)
        key = rekap.report_key(sha, "s" if i % 11 else "lain")  # other settings
        if i % 5 == 0:
            sha = "0" * 64  # the bytes changed since they were stored
        stored[str(p)] = (sha, rekap.report_key(sha, "s") if i % 5 == 0 else key)
        paths.append(str(p))
    (tmp_path / "lkj_007.xlsx").unlink()
    one_by_one = {p: rekap._same_as_stored(p, stored[p], "s") for p in paths}
    assert sorted(set(one_by_one.values())) == [False, True]
    seen = set()
    real = rekap._same_as_stored

    def spied(*args):
        # the thread itself, not get_ident(): a thread that ends early may give its ident to
        # the next one (the two threads then look like one under load)
        seen.add(threading.current_thread())
        return real(*args)

    monkeypatch.setattr(rekap, "_same_as_stored", spied)
    got = rekap._hash_stored(paths, stored, "s", threads=2)()
    assert list(got) == paths and got == one_by_one
    assert threading.current_thread() not in seen
    if (os.cpu_count() or 1) >= 2:
        assert len(seen) == 2
    assert rekap._hash_stored([], stored, "s", threads=2)() == {}


class _Forgetful(dict):
    """A memo of word widths that remembers nothing from one text to the next."""

    def setdefault(self, key, default=None):
        return {}


def _lines_long_way(text, width, pt=9):
    """writers.rekap._lines as it was: every word of every text measured a character at a
    time."""
    from lkj_excel.writers import rekap as W

    real = W._text_units, W._WORD_PX
    W._text_units = lambda t: sum(W.CHAR_W.get(ch, 600) for ch in t)
    W._WORD_PX = _Forgetful()
    try:
        return W._lines.__wrapped__(text, width, pt)
    finally:
        W._text_units, W._WORD_PX = real


def test_wrapped_lines_from_remembered_word_widths_are_counted_as_the_long_way(
        monkeypatch):
    """writers.rekap._lines measures a text in C (printlayout.table_units) and each word
    once (_WORD_PX): the same count of lines as measuring every word a character at a
    time, for texts of every kind - beyond Latin-1, control characters, long words,
    several paragraphs - at every width and type size, also after the word widths were
    forgotten."""
    import random

    from lkj_excel.writers import rekap as W

    monkeypatch.setattr(W, "WORDS_KEPT", 50)
    rng = random.Random(17)
    alphabet = "aiumWM%.,;'\"-_ Rp1.500.000 é中—\t\x01\n  "
    texts = TEXTS + ["Sisa anggaran (Rp 13.425.000) tidak sama dengan pagu dikurangi "
                     "realisasi pada baris 12", "Kecamatan Sintetis 0001", "W" * 80, None, 7]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 160)))
              for _ in range(1500)]
    for text in texts:
        for width in (4, 7, 13, 16, 22, 52, 100):
            for pt in (9, 11):
                W._lines.cache_clear()
                assert W._lines(text, width, pt) == _lines_long_way(text, width, pt), \
                    (text, width, pt)
        if isinstance(text, str):
            assert W._text_units(text) == sum(W.CHAR_W.get(ch, 600) for ch in text)
    assert 0 < sum(len(d) for d in W._WORD_PX.values()) <= 2 * 50


def _parts(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}


def _failing_render(*args):
    raise RuntimeError("helper gagal")


@pytest.mark.skipif(os.name == "nt", reason="the helper is forked on Linux")
@pytest.mark.parametrize("helper_fails", [False, True])
def test_temuan_written_by_the_helper_process_is_the_same_workbook(tmp_path, monkeypatch,
                                                                   helper_fails):
    """With a helper process (rekap.HELPER_MIN_FILES files or more, two workers), the
    Temuan sheet's rows are written there and the rekap's worksheet takes its row file
    (writers.rekap._findings_aside, render_findings, _adopt_rows): every part of the
    workbook is byte for byte the one written without a helper. A helper that fails
    leaves the rows to the main process: the same workbook again. No file is left
    behind."""
    import importlib
    import shutil
    import tempfile
    from pathlib import Path

    from lkj_excel.writers import rekap as W

    rekap = importlib.import_module("lkj_excel.rekap")
    folder = tmp_path / "masuk"
    folder.mkdir()
    for p in sorted((Path(__file__).parent.parent / "sample_workbooks").glob("*.xlsx")):
        shutil.copy(p, folder / p.name)
    monkeypatch.setattr(rekap, "HELPER_MIN_FILES", 10 ** 9)
    rekap.rekap([folder], tmp_path / "sendiri.xlsx", jobs=2)
    # temporary files go to a folder of this test's own (the helper inherits it, forked or
    # spawned): other processes' files in the shared temporary folder do not count
    scratch = tmp_path / "sementara"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    monkeypatch.setattr(rekap, "HELPER_MIN_FILES", 1)
    monkeypatch.setattr(W, "ASIDE_MIN_ROWS", 1)
    monkeypatch.setattr(W, "ASIDE_CHUNK", 7)  # several chunks
    if helper_fails:
        monkeypatch.setattr(W, "render_findings", _failing_render)
    taken = []
    real = W._adopt_rows
    monkeypatch.setattr(W, "_adopt_rows", lambda ws, rows: taken.append(rows) or real(ws, rows))
    rekap.rekap([folder], tmp_path / "dibantu.xlsx", jobs=2)
    assert len(taken) == (0 if helper_fails else 1)
    if taken:
        assert taken[0]["row"] > 3 + 2 * W.ASIDE_CHUNK  # the rows came in several chunks
    alone, helped = _parts(tmp_path / "sendiri.xlsx"), _parts(tmp_path / "dibantu.xlsx")
    assert list(alone) == list(helped)
    for name in alone:
        assert alone[name] == helped[name], name
    assert b"Temuan" in alone["xl/workbook.xml"]
    assert os.listdir(scratch) == []
