"""Where lkj may write: one guard for every output path.

Every command that writes (``lkj check -o``, ``lkj finalise``, ``lkj rekap -o`` and
``--db``, ``lkj template``, the Word document and the browser page) calls
:func:`guard_output` before it reads or writes anything, so that no run ever replaces what
the user has:

- an output is never a file the run reads (an input report, the database), nor another
  output of the same run: paths are compared resolved (symbolic links, ``..``) and by
  same-file identity (hard links, case-insensitive file systems), never as strings;
- an existing file is replaced only when it is an earlier lkj output of the same kind
  (a finalised workbook by ``finalise``, a rekap workbook by ``rekap``, an lkj rekap
  database by ``--db``...), or when the user said ``--timpa``;
- folders, pipes and devices are never outputs; a name too long for the file system is
  refused with a message; a missing output folder is created when the file is written
  (:func:`lkj_excel.writers.atomic.atomic_output`).

Kinds are registered in :data:`KINDS` with a detector that recognises an earlier output
from its content (the workbook properties lkj writes, the CSV header, the database
schema). A writer of a new kind registers its own with :func:`register_kind`.
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

from .errors import OutputError
from .record import Record

#: Longest file name (in bytes, as Linux counts; Windows allows 255 characters).
MAX_NAME_BYTES = 255


class OutputKind(Record):
    """A kind of lkj output. ``label`` names it in messages ("laporan akhir");
    ``detect(path)`` is True when the existing file is an earlier output of this kind
    (None: an existing file is never replaced without ``--timpa``, as for a template the
    user may have filled)."""

    __slots__ = ("name", "label", "detect")

    def __init__(self, name: str, label: str, detect: Callable[[Path], bool] | None = None):
        self.name = name
        self.label = label
        self.detect = detect


def _core_xml(path: Path) -> str:
    """docProps/core.xml of an Office file (what XlsxWriter and python-docx write the
    title, subject and author to), or "" when there is none."""
    try:
        with zipfile.ZipFile(path) as z:
            info = z.getinfo("docProps/core.xml")
            if info.file_size > 1 << 20:
                return ""
            return z.read(info).decode("utf-8", "replace")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError):
        return ""


def office_marker(*markers: str) -> Callable[[Path], bool]:
    """A detector for an Office file written by lkj: creator ``lkj-excel`` and one of
    ``markers`` as its title or subject."""

    def detect(path: Path) -> bool:
        core = _core_xml(path)
        if "<dc:creator>lkj-excel</dc:creator>" not in core:
            return False
        return any(re.search(rf"<dc:(title|subject)>{re.escape(m)}</dc:\1>", core)
                   for m in markers)

    return detect


def _head(path: Path, n: int = 4096) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(n)
    except OSError:
        return b""


def _is_findings_csv(path: Path) -> bool:
    """The header row of either CSV form of ``lkj check`` (render.render_csv)."""
    from .findings import EXPORT_FIELDS
    from .render import CSV_HEADERS

    first = _head(path).split(b"\n", 1)[0].strip().removeprefix(b"\xef\xbb\xbf")
    text = first.decode("utf-8", "replace")
    return text in (",".join(("file",) + EXPORT_FIELDS),
                    ";".join(head for _, head in CSV_HEADERS))


def _is_findings_json(path: Path) -> bool:
    head = _head(path).lstrip()
    return head.startswith(b"[") and (head.rstrip() == b"[]" or b'"rule":' in head[:2000])


def _is_findings_text(path: Path) -> bool:
    return _head(path).startswith(b"Berkas: ")


def _is_rekap_db(path: Path) -> bool:
    if not _head(path, 16).startswith(b"SQLite format 3\x00"):
        return False
    import sqlite3  # here: only a file that is a database pays for it

    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1)
        try:
            row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        finally:
            con.close()
    except sqlite3.OperationalError as exc:
        # locked by a running rekap: it is one; the run waits for it (see rekap.py)
        return "locked" in str(exc)
    except sqlite3.DatabaseError:
        return False
    return row is not None


KINDS: dict[str, OutputKind] = {}


def register_kind(kind: OutputKind) -> OutputKind:
    """Add (or replace) a kind of output, e.g. the Word document of ``lkj dokumen``."""
    KINDS[kind.name] = kind
    return kind


def unedited_office(*markers: str) -> Callable[[Path], bool]:
    """An lkj Office output nobody has saved since: Excel, WPS and LibreOffice write their
    user into lastModifiedBy and the save time into dcterms:modified, which lkj writes as
    "lkj-excel" and a fixed 2000-01-01. A finalised workbook the Camat has edited (a note,
    a signature date) is therefore never replaced without --timpa."""
    marked = office_marker(*markers)

    def detect(path: Path) -> bool:
        core = _core_xml(path)
        return (marked(path) and "<cp:lastModifiedBy>lkj-excel</cp:lastModifiedBy>" in core
                and re.search(r"<dcterms:modified[^>]*>2000-01-01T00:00:00Z<", core)
                is not None)

    return detect


register_kind(OutputKind("final", "laporan akhir dari lkj yang belum disunting",
                         unedited_office("LKj Triwulan (final)")))
register_kind(OutputKind("rekap", "rekap lkj",
                         office_marker("Rekapitulasi Laporan Kinerja Triwulan")))
register_kind(OutputKind("db", "basis data rekap lkj", _is_rekap_db))
register_kind(OutputKind("csv", "hasil pemeriksaan lkj (CSV)", _is_findings_csv))
register_kind(OutputKind("csv-mesin", "hasil pemeriksaan lkj (CSV)", _is_findings_csv))
register_kind(OutputKind("json", "hasil pemeriksaan lkj (JSON)", _is_findings_json))
register_kind(OutputKind("teks", "hasil pemeriksaan lkj (teks)", _is_findings_text))
register_kind(OutputKind("template", "templat"))
# An existing settings file (lkj pengaturan) is the office's own: never replaced without
# --timpa. Registered here, not in pengaturan.py, which every check imports and which
# would otherwise import this module (and zipfile) for nothing.
register_kind(OutputKind("pengaturan", "berkas pengaturan lkj"))


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino) if st.st_ino else None


def same_file(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    """True when ``a`` and ``b`` name one file: equal once resolved, or the same file on
    disk (a hard link, another spelling on a case-insensitive file system)."""
    pa, pb = Path(a), Path(b)
    try:
        if pa.resolve() == pb.resolve():
            return True
    except (OSError, RuntimeError):
        pass
    try:
        return os.path.samefile(pa, pb)
    except (OSError, ValueError):
        return False


def name_fits(name: str) -> bool:
    return len(name.encode("utf-8")) <= MAX_NAME_BYTES and len(name) <= 255


def fitted_name(stem: str, suffix: str) -> str:
    """``stem + suffix``, the stem shortened (at a character boundary) so that the name
    fits the file system's limit: an input named with 245 characters still gets its
    ``_final.xlsx`` beside it."""
    room = MAX_NAME_BYTES - len(suffix.encode("utf-8"))
    out = stem
    while out and len(out.encode("utf-8")) > room:
        out = out[:-1]
    return out.rstrip(" .") + suffix


def guard_output(path: str | os.PathLike, kind: str, *, reads: Iterable[str | os.PathLike] = (),
                 outputs: Iterable[str | os.PathLike] = (), overwrite: bool = False) -> Path:
    """Check that ``path`` may be written as an output of ``kind`` (a key of :data:`KINDS`)
    and return it. Raises :class:`~lkj_excel.errors.OutputError` (exit code 2, an
    Indonesian message) when:

    - ``path`` is, or is the same file as, one of ``reads`` (every file the run reads: the
      input reports, the database) or one of ``outputs`` (the other outputs of this run);
      ``--timpa`` does not lift this;
    - ``path`` is a folder, a pipe, a device or anything but a regular file;
    - its name is too long for the file system;
    - it exists, is not empty and is not an earlier lkj output of ``kind``, unless
      ``overwrite`` (the user's ``--timpa``).

    Call it before reading anything, so a run that would be refused does no work. The
    folder is created later, when the file is written."""
    out = Path(path)
    info = KINDS[kind]
    if not out.name or out.name in (".", ".."):
        raise OutputError(f"'{out}' bukan nama berkas keluaran.", out)
    if not name_fits(out.name):
        raise OutputError(
            f"Nama berkas keluaran '{out.name[:60]}...' terlalu panjang ({len(out.name)} "
            "karakter); pilih nama yang lebih pendek dengan -o.", out)
    ident = _identity(out)
    for other in outputs:
        if same_file(out, other):
            raise OutputError(
                f"Dua keluaran memakai berkas yang sama ('{out.name}'); pilih nama yang "
                "berbeda untuk -o dan --db.", out)
    try:
        resolved = out.resolve()
    except (OSError, RuntimeError):
        resolved = None
    # "x/../a.xlsx" resolves to a.xlsx even where the folder x does not exist
    out_exists = os.path.lexists(out) or (resolved is not None and os.path.lexists(resolved))
    if ident is None and resolved is not None:
        ident = _identity(resolved)
    for other in reads:
        # One stat per input (a rekap reads thousands): an existing input is the output
        # only if it is the same file on disk (and cannot be one that does not exist yet);
        # otherwise compare the resolved names.
        other_ident = _identity(Path(other))
        if other_ident is not None and ident is not None:
            hit = other_ident == ident
        elif other_ident is not None and not out_exists:
            hit = False
        else:
            try:
                hit = resolved is not None and Path(other).resolve() == resolved
            except (OSError, RuntimeError):
                hit = False
        if hit:
            raise OutputError(
                f"Berkas keluaran '{out.name}' sama dengan berkas masukan '{Path(other).name}' "
                "yang dibaca perintah ini. lkj tidak pernah menimpa berkas masukan atau basis "
                "data; pilih nama lain dengan -o.", out)
    try:
        st = os.stat(out)
    except FileNotFoundError:
        return out
    except OSError as exc:
        raise OutputError(f"Berkas keluaran '{out.name}' tidak dapat diperiksa: "
                          f"{exc.strerror or exc}.", out) from None
    if stat.S_ISDIR(st.st_mode):
        raise OutputError(f"'{out}' adalah folder; tulis nama berkas keluaran, misalnya "
                          f"'{out / ('hasil' + _suffix_hint(kind))}'.", out)
    if not stat.S_ISREG(st.st_mode):
        raise OutputError(f"'{out.name}' bukan berkas biasa (pipa atau perangkat); pilih "
                          "nama berkas lain dengan -o.", out)
    if overwrite or st.st_size == 0:
        return out
    if info.detect is not None and info.detect(out):
        return out
    if info.detect is None:  # a template or Word document the user may have filled in
        raise OutputError(
            f"Berkas '{out.name}' sudah ada (mungkin sudah diisi atau disunting). lkj tidak "
            "menimpanya: pilih nama lain dengan -o, atau pakai --timpa bila memang boleh "
            "ditimpa.", out)
    raise OutputError(
        f"Berkas '{out.name}' sudah ada dan bukan {info.label}. lkj tidak menimpanya: pilih "
        "nama lain dengan -o, atau pakai --timpa bila memang boleh ditimpa.", out)


def _suffix_hint(kind: str) -> str:
    return {"csv": ".csv", "csv-mesin": ".csv", "json": ".json", "teks": ".txt", "db": ".sqlite"}.get(kind, ".xlsx")


def is_earlier_output(path: str | os.PathLike, kind: str) -> bool:
    """True when ``path`` is an existing earlier lkj output of ``kind``."""
    p = Path(path)
    detect = KINDS[kind].detect
    try:
        return p.is_file() and detect is not None and detect(p)
    except (OSError, ValueError):  # a name too long, a path the system refuses
        return False
