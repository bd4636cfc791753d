"""StreamField blocks for general pages (about, privacy and the like)."""

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    """A section heading, at level 2 or 3, that also anchors an in-page link."""

    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Heading 2"), ("h3", "Heading 3")], default="h2"
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        preview_value = {"text": "How to get involved", "level": "h2"}


class CaptionedImageBlock(blocks.StructBlock):
    """An image with its alt text and an optional caption and credit."""

    image = ImageBlock()
    caption = blocks.CharBlock(required=False, max_length=250)
    credit = blocks.CharBlock(
        required=False, max_length=120, help_text="For example: Photo: Shutterstock"
    )

    class Meta:
        icon = "image"
        template = "blocks/captioned_image_block.html"


class QuoteBlock(blocks.StructBlock):
    """A pull quote with the person or organisation who said it."""

    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        preview_value = {
            "quote": "There is a baby blindspot in children's mental health.",
            "attribution": "Parent-Infant Foundation",
        }


class CallToActionBlock(blocks.StructBlock):
    """A prominent link: a short message and one button."""

    text = blocks.CharBlock(max_length=200, help_text="One sentence saying why.")
    button_label = blocks.CharBlock(max_length=60)
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, help_text="Used when no page is chosen.")

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        preview_value = {
            "text": "Professionals: pledge to include infants.",
            "button_label": "Take the pledge",
            "url": "https://example.org/",
        }

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": blocks.BlockValidationError("Choose a page or give a URL.")
                }
            )
        return value


class BaseStreamBlock(blocks.StreamBlock):
    """The body blocks every content page offers."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        template="blocks/paragraph_block.html",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    embed = EmbedBlock(
        help_text="A YouTube, Vimeo or podcast link; it is shown as a player.",
        icon="media",
        max_width=800,
        template="blocks/embed_block.html",
    )

    class Meta:
        template = "blocks/stream_block.html"
