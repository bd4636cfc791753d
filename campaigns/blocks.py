"""StreamField blocks for a campaign: its body and its recap after the week."""

from wagtail import blocks

from core.blocks import BaseStreamBlock


class CampaignBodyBlock(BaseStreamBlock):
    """A campaign page's body: rich text, images, quotes, calls to action, embeds."""


class FigureBlock(blocks.StructBlock):
    """A headline statistic: a number, what it counts, and where it comes from."""

    number = blocks.CharBlock(
        max_length=20, help_text="As it should be read, for example 7,400 or 14.2m."
    )
    label = blocks.CharBlock(
        max_length=120, help_text="What the number counts, e.g. Twitter posts."
    )
    source = blocks.CharBlock(
        required=False, max_length=200, help_text="Where the figure comes from."
    )

    class Meta:
        icon = "order"
        template = "blocks/figure_block.html"
        preview_value = {
            "number": "14.2 million",
            "label": "people reached on Twitter",
            "source": "Twitter analytics for #IMHAW2020",
        }


class HighlightBlock(blocks.StructBlock):
    """Something that happened in the week, with an optional link to more."""

    title = blocks.CharBlock(max_length=200)
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "document-link"])
    link = blocks.URLBlock(required=False)
    link_label = blocks.CharBlock(required=False, max_length=80)

    class Meta:
        icon = "pick"
        template = "blocks/highlight_block.html"
        preview_value = {
            "title": "First 1001 Days Movement relaunched",
            "text": "<p>With a new vision, mission and consensus statement.</p>",
        }


class RecapBlock(blocks.StreamBlock):
    """What the week achieved: figures, highlights and thanks."""

    figures = blocks.ListBlock(
        FigureBlock(),
        icon="order",
        label="Figures",
        template="blocks/figures_block.html",
    )
    highlight = HighlightBlock()
    thanks = blocks.RichTextBlock(
        features=["bold", "italic", "link"],
        icon="success",
        template="blocks/thanks_block.html",
    )

    class Meta:
        template = "blocks/stream_block.html"
