"""Rich text the editor cannot read, posted to the page editor, is a form error.

Draftail posts its content as JSON; a hand-made or broken post used to fail with a
server error while the form was read, before any validation.
"""

import json

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import Site
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from home.models import StandardPage

UNREADABLE = "This text could not be read"
NOT_SAVED = "The page could not be saved due to validation errors."


def block(**fields) -> dict:
    return {
        "key": "a1b2c",
        "type": "unstyled",
        "text": "Babies first",
        "depth": 0,
        "inlineStyleRanges": [],
        "entityRanges": [],
        **fields,
    }


def contentstate(*blocks, entity_map=None) -> str:
    return json.dumps({"blocks": list(blocks), "entityMap": entity_map or {}})


MALFORMED = {
    "not JSON": "<p>Babies first</p>",
    "a NUL byte": "\x00",
    "a number": "123",
    "a string": '"Babies first"',
    "a list": "[]",
    "blocks not a list": json.dumps({"blocks": 5}),
    "a block not an object": json.dumps({"blocks": [5]}),
    "text not a string": contentstate(block(text=1)),
    "a style's offset not a number": contentstate(
        block(inlineStyleRanges=[{"offset": "a", "length": 1, "style": "BOLD"}])
    ),
    "a link to no entity": contentstate(
        block(entityRanges=[{"offset": 0, "length": 5, "key": 7}])
    ),
    "an entity's data not an object": contentstate(
        block(entityRanges=[{"offset": 0, "length": 5, "key": 0}]),
        entity_map={"0": {"type": "LINK", "data": 5}},
    ),
    "a list item at a negative depth": contentstate(
        block(type="unordered-list-item", depth=-5)
    ),
    "a list item nested far deeper than the editor allows": contentstate(
        block(type="unordered-list-item", depth=1000)
    ),
}


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def edit_form(client, page) -> dict:
    """The page's edit form as the admin renders it."""
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    return querydict_from_html(
        response.content.decode(), form_id="page-edit-form"
    ).dict()


@pytest.fixture
def about(home_page):
    page = StandardPage(
        title="About the week",
        slug="about",
        body=[("paragraph", "<p>Why babies matter.</p>")],
    )
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.mark.parametrize("value", MALFORMED.values(), ids=MALFORMED.keys())
def test_unreadable_rich_text_field_is_a_form_error(editor_client, home_page, value):
    data = {**edit_form(editor_client, home_page), "intro": value}
    response = editor_client.post(f"/admin/pages/{home_page.pk}/edit/", data)
    assert response.status_code == 200
    assert UNREADABLE in response.content.decode()
    assert home_page.revisions.count() == 0


@pytest.mark.parametrize("value", MALFORMED.values(), ids=MALFORMED.keys())
def test_unreadable_rich_text_block_is_a_form_error(editor_client, about, value):
    data = nested_form_data(
        {"title": about.title, "slug": about.slug, "intro": ""}
        | {"body": streamfield([("paragraph", value)])}
    )
    response = editor_client.post(f"/admin/pages/{about.pk}/edit/", data)
    assert response.status_code == 200
    assert UNREADABLE in response.content.decode()
    assert about.revisions.count() == 1


def test_readable_rich_text_still_saves(editor_client, home_page, about):
    data = {
        **edit_form(editor_client, home_page),
        "intro": rich_text("<p>Babies <b>first</b>.</p>"),
    }
    response = editor_client.post(f"/admin/pages/{home_page.pk}/edit/", data)
    assert response.status_code == 302
    home_page.refresh_from_db()
    draft = home_page.get_latest_revision_as_object()
    assert "Babies <b>first</b>." in draft.intro
    data = nested_form_data(
        {"title": about.title, "slug": about.slug, "intro": ""}
        | {"body": streamfield([("paragraph", rich_text("<p>Babies first.</p>"))])}
    )
    response = editor_client.post(f"/admin/pages/{about.pk}/edit/", data)
    assert response.status_code == 302
    about.refresh_from_db()
    draft = about.get_latest_revision_as_object()
    assert "Babies first." in draft.body[0].value.source


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)
maybe = lambda strategy: strategy | json_values  # noqa: E731
fuzzed_block = st.fixed_dictionaries(
    {
        "key": maybe(st.just("a1b2c")),
        "type": maybe(
            st.sampled_from(
                ["unstyled", "header-two", "ordered-list-item", "atomic", "nope"]
            )
        ),
        "text": maybe(st.text(max_size=12)),
        "depth": maybe(st.integers(-2, 5)),
        "inlineStyleRanges": maybe(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "offset": maybe(st.integers(-2, 15)),
                        "length": maybe(st.integers(-2, 15)),
                        "style": maybe(st.sampled_from(["BOLD", "ITALIC", "NOPE"])),
                    }
                ),
                max_size=2,
            )
        ),
        "entityRanges": maybe(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "offset": maybe(st.integers(-2, 15)),
                        "length": maybe(st.integers(-2, 15)),
                        "key": maybe(st.integers(0, 2)),
                    }
                ),
                max_size=2,
            )
        ),
    }
)
fuzzed_entity = st.fixed_dictionaries(
    {
        "type": maybe(st.sampled_from(["LINK", "DOCUMENT", "IMAGE", "EMBED"])),
        "data": maybe(
            st.fixed_dictionaries(
                {"url": maybe(st.text(max_size=12)), "id": maybe(st.integers(0, 3))}
            )
        ),
    }
)
fuzzed_contentstate = st.builds(
    lambda blocks, entities: json.dumps({"blocks": blocks, "entityMap": entities}),
    maybe(st.lists(fuzzed_block, max_size=3)),
    maybe(st.dictionaries(st.sampled_from(["0", "1", "2"]), fuzzed_entity)),
)


class RichTextFuzzTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = Site.objects.get(is_default_site=True).root_page.specific
        cls.editor = get_user_model().objects.create_user("eddie", password="pw-1")
        cls.editor.groups.add(Group.objects.get(name="Editors"))

    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(fuzzed_contentstate)
    def test_any_contentstate_is_saved_or_refused_without_error(self, value):
        self.client.force_login(self.editor)
        form = edit_form(self.client, self.home)
        response = self.client.post(
            f"/admin/pages/{self.home.pk}/edit/", {**form, "intro": value}
        )
        self.assertIn(response.status_code, [200, 302], value)
        if response.status_code == 200:
            self.assertContains(response, NOT_SAVED)
