"""Brand colours: WCAG 2.x contrast, and the darker shade used for hovers and borders.

Pure functions on "#RRGGBB" strings, so the model, the stylesheet view and the tests
all agree on what a colour is and whether white text can sit on it.
"""

import math
import re

HEX_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}\Z")
WHITE = "#FFFFFF"
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


def white_text_problem(colour: str) -> str:
    """Why white text on `colour` is too hard to read, or "" when it is fine."""
    ratio = contrast_ratio(colour, WHITE)
    if ratio >= MINIMUM_CONTRAST:
        return ""
    return (
        f"{colour} gives {format_ratio(ratio)} with white text; it needs "
        f"{MINIMUM_CONTRAST}:1 — try a darker shade."
    )


def darker(colour: str, by: float = DARKER_BY) -> str:
    """`colour` mixed toward black by `by` (0 to 1), as lowercase "#rrggbb"."""
    return "#" + "".join(
        f"{round(channel * (1 - by)):02x}" for channel in _channels(colour)
    )
