"""The Nu Html Checker finds no error in the HTML of any public page type."""

import pytest

from .conftest import public_pages, vnu_errors

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_every_public_page_type_is_valid_html(demo, page):
    documents = {}
    for name, path in public_pages(demo).items():
        # The HTML as the server sent it, not as the browser rebuilt it.
        documents[name] = page.goto(path).text()
    assert vnu_errors(documents) == {}
