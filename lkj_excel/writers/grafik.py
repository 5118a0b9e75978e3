"""Two small bar charts for the Word document, drawn with Pillow as PNG.

matplotlib would draw the same bars but costs about 120 MB installed (with numpy and
fontTools) and about a second to import on this kind of machine; Pillow is 7 MB and imports
in about 25 ms, and a horizontal bar chart is a few rectangles and labels. The font is
Pillow's built-in scalable font, so the picture is the same on every machine.
"""

from __future__ import annotations

import io
import textwrap

SCALE = 2  # drawn at twice the size it is shown, so it prints sharply
WIDTH = 800 * SCALE
BLUE = (46, 117, 182)
GREEN = (84, 130, 53)
RED = (192, 0, 0)
GREY = (128, 128, 128)
LIGHT = (230, 230, 230)
BLACK = (30, 30, 30)


def _font(size: int):
    from PIL import ImageFont

    return ImageFont.load_default(size=size * SCALE)


def bar_chart(items: list[tuple[str, float]], title: str, label, *, reference: float | None
              = None, reference_label: str = "", colour=BLUE, limit: float | None = None
              ) -> bytes:
    """Horizontal bars, one per (name, value in percent), the value written at each bar's
    end by ``label(value)``; a dashed line at ``reference`` (100% target). The axis runs to
    the largest value or ``limit``, whichever is larger."""
    from PIL import Image, ImageDraw

    f_title, f_text = _font(17), _font(15)
    wrap = 30
    names = [textwrap.wrap(n, wrap)[:3] or ["-"] for n, _ in items]
    line_h = 18 * SCALE
    bar_h = max(line_h * max(len(n) for n in names) + 10 * SCALE, 30 * SCALE)
    top, left, right = 48 * SCALE, 300 * SCALE, 90 * SCALE
    height = top + bar_h * len(items) + 40 * SCALE
    img = Image.new("RGB", (WIDTH, height), "white")
    d = ImageDraw.Draw(img)
    d.text((WIDTH // 2, 12 * SCALE), title, font=f_title, fill=BLACK, anchor="mt")
    top_value = max([v for _, v in items] + [limit or 0, reference or 0, 1])
    span = WIDTH - left - right

    def x(v: float) -> int:
        return left + int(span * max(v, 0) / top_value)

    for k in range(0, 11):  # light vertical grid every 10% of the axis
        gx = left + span * k // 10
        d.line([(gx, top - 4 * SCALE), (gx, top + bar_h * len(items))], fill=LIGHT,
               width=SCALE)
    if reference is not None:
        rx = x(reference)
        y = top - 4 * SCALE
        while y < top + bar_h * len(items):
            d.line([(rx, y), (rx, min(y + 8 * SCALE, top + bar_h * len(items)))], fill=RED,
                   width=2 * SCALE)
            y += 14 * SCALE
        d.text((rx, top + bar_h * len(items) + 6 * SCALE), reference_label, font=f_text,
               fill=RED, anchor="ma")
    for i, ((_, value), lines) in enumerate(zip(items, names, strict=True)):
        y0 = top + i * bar_h
        ty = y0 + (bar_h - line_h * len(lines)) // 2
        for j, ln in enumerate(lines):
            d.text((left - 10 * SCALE, ty + j * line_h), ln, font=f_text, fill=BLACK,
                   anchor="ra")
        b0, b1 = y0 + 5 * SCALE, y0 + bar_h - 5 * SCALE
        d.rectangle([left, b0, max(x(value), left + SCALE), b1], fill=colour)
        pos = (x(value) + 6 * SCALE, (b0 + b1) // 2)
        box = d.textbbox(pos, label(value), font=f_text, anchor="lm")
        d.rectangle([box[0] - 2 * SCALE, box[1] - SCALE, box[2] + 2 * SCALE, box[3] + SCALE],
                    fill="white")  # readable over the dashed target line
        d.text(pos, label(value), font=f_text, fill=BLACK, anchor="lm")
    d.line([(left, top - 4 * SCALE), (left, top + bar_h * len(items))], fill=GREY,
           width=SCALE)
    out = io.BytesIO()
    img.save(out, format="PNG", optimize=True)
    return out.getvalue()
