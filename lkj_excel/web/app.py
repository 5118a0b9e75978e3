"""The Flask application behind ``lkj buka``: a thin layer over the library.

Every request that carries workbooks stores them in its own private temporary folder,
calls one library function (check_file, finalise, make_template, rekap) and removes the
folder before answering; only a rekap in progress keeps its folder until the page fetches
the result (jobs.py). Nothing is sent anywhere: the server listens on 127.0.0.1 only,
refuses requests addressed to another host name (DNS rebinding), and accepts uploads only
from its own page (a custom header that a cross-site form cannot send).
"""

from __future__ import annotations

import io
import re
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, abort, jsonify, render_template, request, send_file
from werkzeug.datastructures import FileStorage
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from .. import __version__
from ..errors import LkjError
from ..inputs import SPREADSHEET_EXT
from . import present
from .jobs import OUTPUT_NAME, RekapJobs, private_folder, remove_folder
from .products import PRODUCTS, XLSX, product

MB = 1024 * 1024
#: One workbook larger than this is refused (a filled report is well under 1 MB).
MAX_FILE_MB = 25
#: One request (a rekap uploads every file at once).
MAX_REQUEST_MB = 300
MAX_FILES = 500
CSRF_HEADER = "X-Lkj"
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
TINGKAT = ("seksi", "kecamatan")

_UNSAFE = re.compile(r'[\x00-\x1f<>:"/\\|?*]')
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)$", re.IGNORECASE)


class Activity:
    """Which pages are open and how much work is in flight: the server stops by itself
    once every page is gone (server.py). Each open tab names itself in its heartbeats and
    in the beacon it sends when it closes, so closing one of two tabs stops nothing."""

    def __init__(self) -> None:
        self.last_seen = time.monotonic()
        self.page_seen = False
        self.tabs: dict[str, float] = {}
        #: When the last open tab said it closed (None while a tab is open).
        self.page_closed_at: float | None = None
        self.in_flight = 0
        self.stop_requested = threading.Event()
        self._lock = threading.Lock()

    def touch(self, tab: str | None = None, page: bool = False) -> None:
        with self._lock:
            now = self.last_seen = time.monotonic()
            if page or tab:
                self.page_seen = True
                self.page_closed_at = None
            if tab:
                self.tabs[tab[:64]] = now

    def closed(self, tab: str | None) -> None:
        with self._lock:
            self.tabs.pop((tab or "")[:64], None)
            if not self.tabs:
                self.page_closed_at = time.monotonic()

    def all_tabs_quiet_for(self, seconds: float) -> bool:
        """No open tab has sent a heartbeat for ``seconds`` (a killed browser, a laptop
        that slept): nobody is there."""
        now = time.monotonic()
        with self._lock:
            latest = max(self.tabs.values(), default=self.last_seen)
        return now - max(latest, self.last_seen) > seconds

    def begin(self) -> None:
        with self._lock:
            self.in_flight += 1

    def end(self) -> None:
        with self._lock:
            self.in_flight -= 1
            self.last_seen = time.monotonic()


def safe_name(filename: str | None) -> str:
    """The user's file name without any folder part or character Windows forbids."""
    name = re.split(r"[\\/]", filename or "")[-1]
    name = _UNSAFE.sub("_", name).strip(" .")
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    stem = stem[:120] or "berkas"
    if _WINDOWS_RESERVED.match(stem):
        stem = "_" + stem
    return f"{stem}.{ext[:10]}" if ext else stem


def create_app(activity: Activity | None = None) -> Flask:
    app = Flask(__name__)
    app.config.update(
        MAX_CONTENT_LENGTH=MAX_REQUEST_MB * MB,
        MAX_FORM_PARTS=MAX_FILES + 20,
        SEND_FILE_MAX_AGE_DEFAULT=0,
        JSON_AS_ASCII=False,
    )
    app.json.ensure_ascii = False
    act = activity or Activity()
    jobs = RekapJobs()
    app.extensions["lkj"] = {"activity": act, "jobs": jobs}

    def fail(message: str, status: int = 400):
        resp = jsonify({"pesan": message})
        resp.status_code = status
        return resp

    @app.before_request
    def guard():
        act.begin()
        act.touch()
        if urlsplit(f"//{request.host}").hostname not in LOCAL_HOSTS:
            abort(403)
        if (request.method == "POST" and request.endpoint != "page_closed"
                and request.headers.get(CSRF_HEADER) != "1"):
            abort(403)

    @app.teardown_request
    def done(_exc):
        act.end()

    @app.after_request
    def headers(resp):
        resp.headers["X-Content-Type-Options"] = "nosniff"
        resp.headers["Referrer-Policy"] = "no-referrer"
        resp.headers["Content-Security-Policy"] = (
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'")
        resp.headers.setdefault("Cache-Control", "no-store")
        return resp

    @app.errorhandler(RequestEntityTooLarge)
    def too_large(_exc):
        return fail(f"Kiriman terlalu besar: paling banyak {MAX_REQUEST_MB} MB sekaligus dan "
                    f"{MAX_FILE_MB} MB per berkas. Kirim lebih sedikit berkas sekaligus.", 413)

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        words = {403: "Permintaan ini tidak diizinkan.", 404: "Halaman tidak ditemukan.",
                 405: "Cara permintaan ini tidak didukung."}
        msg = words.get(exc.code or 0, "Permintaan tidak dapat diproses.")
        if request.path.startswith("/api/"):
            return fail(msg, exc.code or 400)
        return render_template("pesan.html", pesan=msg), exc.code or 400

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        if isinstance(exc, HTTPException):
            return http_error(exc)
        app.logger.exception("kesalahan tak terduga")
        return fail(f"Terjadi kesalahan tak terduga ({type(exc).__name__}). Coba lagi; bila "
                    "terulang, kirim berkasnya ke pengelola lkj-excel.", 500)

    # --- pages ------------------------------------------------------------------------

    @app.get("/")
    def index():
        act.touch(page=True)
        return render_template(
            "index.html", version=__version__, tingkat=TINGKAT,
            products=[{"key": p.key, "label": p.label} for p in PRODUCTS],
            max_file_mb=MAX_FILE_MB, max_files=MAX_FILES, ext=", ".join(SPREADSHEET_EXT))

    @app.get("/templat/<tingkat>")
    def template(tingkat: str):
        from ..writers.template import make_template

        if tingkat not in TINGKAT:
            abort(404)
        name = f"templat_lkj_{tingkat}.xlsx"
        folder = private_folder()
        try:
            make_template(folder / name, tingkat)
            data = (folder / name).read_bytes()
        finally:
            remove_folder(folder)
        return _download(data, name, XLSX)

    # --- one workbook -------------------------------------------------------------------

    def one_upload() -> FileStorage:
        files = [f for f in request.files.getlist("berkas") if f.filename]
        if len(files) != 1:
            abort(400)
        return files[0]

    @app.post("/api/periksa")
    def check():
        from ..checking import check_file

        upload = one_upload()
        name = safe_name(upload.filename)
        folder = private_folder()
        try:
            src, refusal = _store(upload, folder, name)
            if refusal:
                return jsonify(present.refused_view(name, refusal))
            try:
                result = check_file(src)
            except LkjError as exc:
                return jsonify(present.refused_view(name, exc.message))
            return jsonify(present.file_view(name, result))
        finally:
            remove_folder(folder)

    @app.post("/api/unduh/<key>")
    def download(key: str):
        prod = product(key)
        if prod is None:
            abort(404)
        upload = one_upload()
        name = safe_name(upload.filename)
        folder = private_folder()
        try:
            src, refusal = _store(upload, folder, name)
            if refusal:
                return fail(refusal, 422)
            out = folder / "hasil" / prod.output_name(name)
            out.parent.mkdir()
            try:
                prod.make(src, out)
            except LkjError as exc:
                return fail(exc.message, 422)
            data = out.read_bytes()
        finally:
            remove_folder(folder)
        return _download(data, out.name, prod.mimetype)

    # --- many workbooks -----------------------------------------------------------------

    @app.post("/api/rekap")
    def rekap_start():
        uploads = [f for f in request.files.getlist("berkas") if f.filename]
        if not uploads:
            return fail("Pilih dulu berkas laporan yang akan direkap.")
        if len(uploads) > MAX_FILES:
            return fail(f"Paling banyak {MAX_FILES} berkas sekaligus; pilih lebih sedikit.")
        folder = private_folder()
        try:
            inbox = folder / "masuk"
            inbox.mkdir()
            (folder / "hasil").mkdir()
            taken: set[str] = set()
            files, names = [], {}
            for up in uploads:
                name = _unique(safe_name(up.filename), taken)
                path = inbox / name
                up.save(path)
                files.append(path)
                names[str(path.resolve())] = safe_name(up.filename)
        except BaseException:
            remove_folder(folder)
            raise
        job = jobs.start(folder, files, names)
        return jsonify(job.view()), 202

    @app.get("/api/rekap/<job_id>")
    def rekap_status(job_id: str):
        job = jobs.get(job_id)
        if job is None:
            return fail("Rekap ini tidak ditemukan (mungkin sudah diunduh).", 404)
        return jsonify(job.view())

    @app.get("/api/rekap/<job_id>/hasil")
    def rekap_result(job_id: str):
        data = jobs.take_output(job_id)
        if data is None:
            return fail("Rekap ini belum selesai atau sudah diunduh.", 404)
        return _download(data, OUTPUT_NAME, XLSX)

    # --- the page's life ----------------------------------------------------------------

    @app.post("/api/denyut")
    def heartbeat():
        act.touch(tab=request.args.get("tab") or "?")
        return jsonify({"ok": True})

    @app.post("/api/halaman-ditutup")
    def page_closed():
        act.closed(request.args.get("tab"))
        return ("", 204)

    @app.post("/api/berhenti")
    def stop():
        act.stop_requested.set()
        return jsonify({"pesan": "lkj sudah berhenti. Jendela ini boleh ditutup."})

    return app


def _store(upload: FileStorage, folder: Path, name: str) -> tuple[Path, str | None]:
    """Save one upload; the Indonesian reason when it is not something lkj can read."""
    path = folder / name
    upload.save(path)
    size = path.stat().st_size
    if Path(name).suffix.lower() not in SPREADSHEET_EXT:
        return path, (f"Berkas '{name}' bukan buku kerja Excel. Yang dapat diperiksa adalah "
                      f"laporan yang diisi di templat lkj: berkas "
                      f"{', '.join(SPREADSHEET_EXT)}.")
    if size > MAX_FILE_MB * MB:
        return path, (f"Berkas '{name}' terlalu besar ({size / MB:.0f} MB); batasnya "
                      f"{MAX_FILE_MB} MB per berkas.")
    return path, None


def _unique(name: str, taken: set[str]) -> str:
    """laporan.xlsx, laporan (2).xlsx, ... - two seksi may send files of the same name."""
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    cand, n = name, 1
    while cand.lower() in taken:
        n += 1
        cand = f"{stem} ({n}).{ext}" if ext else f"{stem} ({n})"
    taken.add(cand.lower())
    return cand


def _download(data: bytes, name: str, mimetype: str) -> Any:
    return send_file(io.BytesIO(data), mimetype=mimetype, as_attachment=True,
                     download_name=name, max_age=0)
