"""What the page offers to download for one checked workbook.

Each product is made from the uploaded workbook by a library function and offered as a
button beside the file's summary, in this order. A new product is one more entry in
PRODUCTS: the route, the button and the file name follow from it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class Product:
    key: str  # in the URL: POST /api/unduh/<key>
    label: str  # the button
    suffix: str  # output name: <name of the upload without extension><suffix>
    mimetype: str
    #: (input workbook, output path) -> writes the output; raises LkjError when it cannot.
    make: Callable[[Path, Path], object]

    def output_name(self, upload_name: str) -> str:
        return Path(upload_name).stem + self.suffix


def _finalise(src: Path, out: Path) -> object:
    from ..writers.final import finalise

    return finalise(src, out)


def _dokumen(src: Path, out: Path) -> object:
    from ..writers.dokumen import dokumen

    return dokumen(src, out)


PRODUCTS: tuple[Product, ...] = (
    Product("final", "Unduh laporan akhir (Excel)", "_final.xlsx", XLSX, _finalise),
    Product("dokumen", "Unduh dokumen LKj (Word)", "_dokumen.docx", DOCX, _dokumen),
)


def product(key: str) -> Product | None:
    return next((p for p in PRODUCTS if p.key == key), None)
