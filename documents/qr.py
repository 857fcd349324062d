"""The printable poster for a service desk: the QR code, the unit and office, one instruction.

Its words come from the caller (service/poster.py takes them from the catalogue)."""

from __future__ import annotations

import io

import qrcode
from PIL import Image, ImageDraw, ImageFont

from documents.drawing import Font, wrap

WIDTH = 1240  # A5 portrait at 150 dpi: big enough to scan from a step away
MARGIN = 80
_FONT_FILES = ("DejaVuSans-Bold.ttf", "DejaVuSans.ttf", "Arial.ttf")


def _font(size: int) -> Font:
    for name in _FONT_FILES:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def _qr_image(link: str, size: int) -> Image.Image:
    """The QR code at most `size` pixels wide, every module the same whole number of pixels."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4, box_size=1)
    code.add_data(link)
    code.make(fit=True)
    image: Image.Image = code.make_image(fill_color="black", back_color="white").get_image()
    scale = max(1, size // image.width)
    return image.convert("RGB").resize((image.width * scale,) * 2, Image.Resampling.NEAREST)


def render_poster(link: str, unit_name: str, office_name: str, *, title: str, hint: str) -> bytes:
    """A PNG poster: a title, the unit and office, the QR code of the link, and a hint below."""
    title_font, office, hint_font = _font(64), _font(44), _font(36)
    blocks = [
        (title, office),
        (unit_name, title_font),
        (office_name, office),
    ]
    measure = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    text_width = WIDTH - 2 * MARGIN
    heading = [(line, f) for text, f in blocks for line in wrap(measure, text, f, text_width)]
    footer = [(line, hint_font) for line in wrap(measure, hint, hint_font, text_width)]
    qr_size = WIDTH - 2 * MARGIN

    def height(lines: list[tuple[str, Font]]) -> int:
        return sum(int(f.getbbox("Ag")[3]) + 16 for _, f in lines)

    total = MARGIN + height(heading) + 24 + qr_size + 24 + height(footer) + MARGIN
    poster = Image.new("RGB", (WIDTH, total), "white")
    draw = ImageDraw.Draw(poster)
    y = MARGIN

    def write(lines: list[tuple[str, Font]]) -> None:
        nonlocal y
        for line, f in lines:
            x = (WIDTH - draw.textlength(line, font=f)) / 2
            draw.text((x, y), line, fill="black", font=f)
            y += int(f.getbbox("Ag")[3]) + 16

    write(heading)
    y += 24
    code = _qr_image(link, qr_size)
    poster.paste(code, ((WIDTH - code.width) // 2, y))
    y += qr_size + 24
    write(footer)
    out = io.BytesIO()
    poster.save(out, format="PNG", dpi=(150, 150))
    return out.getvalue()
