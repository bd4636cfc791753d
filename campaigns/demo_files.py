"""The demo's generated files: pictures, PDFs and the brand kit's logos, each marked
as a demo file made by the campaign hub, never a real logo."""

import io

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from PIL import Image, ImageDraw, ImageFont

PURPLE = (107, 47, 138)
TEAL = (11, 110, 110)
CREAM = (246, 243, 238)


def _picture(text: str, size: tuple[int, int], background, foreground) -> Image.Image:
    picture = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(picture)
    font = ImageFont.load_default(size=max(18, size[1] // 8))
    small = ImageFont.load_default(size=max(12, size[1] // 20))
    draw.multiline_text(
        (size[0] // 12, size[1] // 3), text, fill=foreground, font=font, spacing=12
    )
    draw.text(
        (size[0] // 12, size[1] - size[1] // 8),
        "Demo file made by the campaign hub",
        fill=foreground,
        font=small,
    )
    return picture


def _encode(picture: Image.Image, kind: str) -> bytes:
    buffer = io.BytesIO()
    picture.save(buffer, kind)
    return buffer.getvalue()


def ensure_image(title: str, text: str, background=PURPLE, foreground=CREAM):
    Image_ = get_image_model()
    image = Image_.objects.filter(title=title).first()
    if image is None:
        picture = _picture(text, (1200, 630), background, foreground)
        name = f"{slugify(title)}.png"
        image = Image_(
            title=title, file=ImageFile(io.BytesIO(_encode(picture, "PNG")), name=name)
        )
        image.save()
    return image


def ensure_document(title: str, filename: str, content: bytes):
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        document.file.save(filename, ContentFile(content), save=False)
        # Its size and hash, as an upload through the admin notes them.
        document._set_document_file_metadata()
        document.save()
    return document


def pdf(pages: list[str]) -> bytes:
    """A small, real PDF: one A4 page a text, drawn with Pillow."""
    sheets = [_picture(text, (1240, 1754), CREAM, (29, 26, 43)) for text in pages]
    buffer = io.BytesIO()
    sheets[0].save(buffer, "PDF", save_all=True, append_images=sheets[1:])
    return buffer.getvalue()


BRAND_LICENCE = (
    "Demo logos made by the campaign hub's demo command. Use them freely to support "
    "Infant Mental Health Awareness Week, on social media, posters and slides. "
    "Please keep their colours and words as they are."
)
# The logo's colourways: name, background, lettering.
LOGO_COLOURWAYS = [
    ("Purple", PURPLE, CREAM),
    ("Teal", TEAL, CREAM),
    ("Light", CREAM, PURPLE),
]


def _hex(colour: tuple[int, int, int]) -> str:
    return "#{:02X}{:02X}{:02X}".format(*colour)


def _logo_formats() -> list[str]:
    """PNG logos where the documents library accepts them, else PDF ones (never SVG,
    which the library refuses: it can carry script)."""
    return ["png"] if "png" in settings.WAGTAILDOCS_EXTENSIONS else ["pdf"]


def _logo(year_tag: str, kind: str, background, foreground) -> bytes:
    picture = _picture(f"#{year_tag}", (800, 800), background, foreground)
    return _encode(picture, kind.upper())


def brand_kit(year: int, year_tag: str) -> list[tuple]:
    """(document, label) pairs: each logo in each format, then the colour sheet."""
    files = []
    for kind in _logo_formats():
        for name, background, foreground in LOGO_COLOURWAYS:
            document = ensure_document(
                f"IMHAW {year} logo, {name.lower()} ({kind.upper()})",
                f"{year_tag.lower()}-logo-{name.lower()}.{kind}",
                _logo(year_tag, kind, background, foreground),
            )
            files.append((document, f"{year_tag} logo {name.lower()}"))
    sheet = "\n".join(
        [f"IMHAW {year} colours", ""]
        + [
            f"{name}: {_hex(colour)}"
            for name, colour in [("Purple", PURPLE), ("Teal", TEAL), ("Cream", CREAM)]
        ]
    )
    colours = ensure_document(
        f"IMHAW {year} colour sheet", f"{year_tag.lower()}-colours.pdf", pdf([sheet])
    )
    return [*files, (colours, f"{year_tag} colours")]
