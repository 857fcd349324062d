"""Text laid out on a Pillow image: what the posters share."""

from __future__ import annotations

from PIL import ImageDraw, ImageFont

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


def wrap(draw: ImageDraw.ImageDraw, text: str, font: Font, width: float) -> list[str]:
    """Lines of at most `width` pixels, broken at spaces (a word wider than a line is cut)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        while draw.textlength(word, font=font) > width:  # a word wider than the line
            cut = len(word)
            while cut > 1 and draw.textlength(word[:cut], font=font) > width:
                cut -= 1
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:cut])
            word = word[cut:]
        candidate = f"{current} {word}".strip()
        if current and draw.textlength(candidate, font=font) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines
