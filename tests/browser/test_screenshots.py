"""Every page type fits from the smallest phone's width up; the README's screenshots
are made here.

`SAVE_SCREENSHOTS=1 make pytest PYTEST_ARGS=tests/browser/test_screenshots.py` writes
them to docs/screenshots/, one per page type at 375 and 1280 pixels wide.
"""

import io
import os

import pytest
from PIL import Image

from .conftest import DESKTOP, PHONE, ROOT, public_pages

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SCREENSHOTS = ROOT / "docs" / "screenshots"
# The page types the README shows, by their name in `public_pages`.
SHOWN = [
    "home",
    "campaign-live",
    "campaign-recap",
    "campaign-events",
    "event",
    "pledge",
    "blog",
    "blog-post",
    "search-results",
]
# The narrowest screen the design supports (WCAG's reflow width).
SMALLEST = {"width": 320, "height": 640}
# A long page is cut here: the top of a page shows its design, the rest repeats it.
MAX_HEIGHT = 3000


def save_screenshot(page, name: str, width: int) -> None:
    # Pictures further down load when scrolled to; a screenshot does not scroll.
    page.evaluate(
        "document.querySelectorAll('img[loading=lazy]')"
        ".forEach((image) => { image.loading = 'eager'; })"
    )
    page.wait_for_load_state("networkidle")
    height = min(page.evaluate("document.documentElement.scrollHeight"), MAX_HEIGHT)
    png = page.screenshot(
        full_page=True,
        clip={"x": 0, "y": 0, "width": width, "height": height},
        animations="disabled",
    )
    # In 256 colours: a third of the bytes, and the site's flat colours lose nothing.
    picture = Image.open(io.BytesIO(png)).convert("RGB")
    picture.quantize(256, dither=Image.Dither.NONE).save(
        SCREENSHOTS / f"{name}-{width}.png", optimize=True
    )


def test_no_public_page_scrolls_sideways_on_a_phone_or_a_desktop(demo, new_page):
    save = bool(os.environ.get("SAVE_SCREENSHOTS"))
    if save:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    too_wide = []
    for viewport in (SMALLEST, PHONE, DESKTOP):
        page = new_page(viewport)
        for name, path in public_pages(demo).items():
            page.goto(path)
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - window.innerWidth"
            )
            if overflow > 0:
                too_wide.append(f"{name} ({path}) by {overflow}px at {viewport}")
            if save and name in SHOWN:
                save_screenshot(page, name, viewport["width"])
    assert too_wide == [], "\n".join(too_wide)
