"""The admin's rich text editor: Wagtail's Draftail, refusing content it cannot read.

Draftail posts its content as JSON (contentstate), which Wagtail turns into HTML while
the form reads its data, before any validation: a post that is not JSON or not shaped
as Draftail makes it used to fail there with a server error. Here it reaches the form
as a value its field refuses, so the editor gets a form error and nothing is saved.
"""

import json

from django.core.exceptions import ValidationError

from wagtail.admin.rich_text import DraftailRichTextArea

from draftjs_exporter.error import ExporterException

# Lists in the editor nest four deep at most (Draftail's maxListNesting in Wagtail).
# Each level of a list item's depth is an element of the HTML: a depth of millions
# would hold the server for minutes.
MAX_LIST_DEPTH = 4
UNREADABLE = "This text could not be read. Reload the page and edit it again."


class UnreadableContent:
    """What the widget hands its form field for content it could not read. The field
    cleans a text value with `str()`, which refuses this one as a form error."""

    def __str__(self):
        raise ValidationError(UNREADABLE, code="unreadable")


def check_list_depths(contentstate: str) -> None:
    content = json.loads(contentstate)
    if content is None:  # Draftail's empty editor.
        return
    for block in content.get("blocks", []):
        if not 0 <= block.get("depth", 0) <= MAX_LIST_DEPTH:
            raise ValueError("a list nested deeper than the editor makes them")


class CheckedDraftailRichTextArea(DraftailRichTextArea):
    """Draftail, with posted content it cannot read made a form error, not a 500."""

    def value_from_datadict(self, data, files, name):
        contentstate = data.get(name)
        if contentstate is None:
            return None
        try:
            check_list_depths(contentstate)
            return self.converter.to_database_format(contentstate)
        except (
            ValueError,
            TypeError,
            AttributeError,
            LookupError,
            ExporterException,
        ):
            return UnreadableContent()

    def format_value(self, value):
        # Shown again with its error: the content could not be read, so none is.
        if isinstance(value, UnreadableContent):
            value = None
        return super().format_value(value)
