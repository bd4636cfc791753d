"""Brand colours: WCAG 2.x contrast, and the shades the design derives from a colour.

A week's colour is the background of its header, buttons and badges, with white or the
site's dark ink on it, whichever reads on both it and its darker hover shade; and it
colours links and figures on the light backgrounds, darkened as far as needed to read
there. A colour on which neither white nor ink reads is refused.

Pure functions on "#RRGGBB" strings, so the model, the stylesheet view and the tests
all agree on what a colour is and what goes with it.
"""

import math
import re

HEX_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}\Z")
WHITE = "#FFFFFF"
# hub.css's --colour-ink, and --colour-wash: the darkest text and the darkest of the
# light backgrounds that brand-coloured text sits on (white is lighter).
INK = "#1D1A2B"
WASH = "#F6F3EE"
# WCAG 2.x success criterion 1.4.3 (AA) for body text.
MINIMUM_CONTRAST = 4.5
# How far toward black the darker shade goes: the site's own purple, #6B2F8A, gives
# #502368, close to the hand-picked #4E1F66 in hub.css.
DARKER_BY = 0.25


def is_hex_colour(value: str) -> bool:
    return bool(value) and HEX_COLOUR.match(value) is not None


def _channels(colour: str) -> tuple[int, int, int]:
    if not is_hex_colour(colour):
        raise ValueError(f"Not a #RRGGBB colour: {colour!r}")
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance, from 0 (black) to 1 (white)."""

    def linear(channel: int) -> float:
        c = channel / 255
        # 0.04045 is the sRGB standard's threshold; WCAG's 0.03928 gives the same
        # result for every 8-bit value.
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in _channels(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.x contrast ratio of two colours, from 1 (the same) to 21."""
    lighter, darker = sorted(
        (relative_luminance(first), relative_luminance(second)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def format_ratio(ratio: float) -> str:
    """The ratio as editors read it, "4.4:1", rounded down so a colour that fails
    never reads as reaching the 4.5 it needs."""
    return f"{math.floor(ratio * 10) / 10:.1f}:1"


def text_on(colour: str) -> str | None:
    """White or ink, whichever reads on `colour` and its darker shade, else None."""
    for text in (WHITE, INK):
        if all(
            contrast_ratio(shade, text) >= MINIMUM_CONTRAST
            for shade in (colour, darker(colour))
        ):
            return text
    return None


def brand_colour_problem(colour: str) -> str:
    """Why no text can sit on `colour`, or "" when white or dark text reads on it."""
    if text_on(colour):
        return ""
    return (
        f"{colour} gives {format_ratio(contrast_ratio(colour, WHITE))} with white text "
        f"and {format_ratio(contrast_ratio(darker(colour), INK))} with dark text on "
        f"its hover shade; one of them needs {MINIMUM_CONTRAST}:1. Try a darker or a "
        "lighter shade."
    )


def text_shade(colour: str) -> str:
    """`colour`, or the nearest darker shade of it, that reads as text on the site's
    light backgrounds."""
    by = 0.0
    shade = colour.lower()
    while contrast_ratio(shade, WASH) < MINIMUM_CONTRAST:
        by += 0.05
        shade = darker(colour, by)
    return shade


def darker(colour: str, by: float = DARKER_BY) -> str:
    """`colour` mixed toward black by `by` (0 to 1), as lowercase "#rrggbb"."""
    return "#" + "".join(
        f"{round(channel * (1 - by)):02x}" for channel in _channels(colour)
    )
