"""Arbitrary paths, query strings and uploads never give a server error."""

import io
from urllib.parse import quote, urlencode

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.models import Collection, Site

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase
from PIL import Image

from blog.factories import BlogIndexPageFactory, BlogPostPageFactory
from campaigns.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    EventPageFactory,
)

FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
segment = st.text(max_size=60).map(lambda text: quote(text, safe=""))
value = st.text(max_size=80)

# Every public URL pattern with a place for arbitrary input.
PATH_PATTERNS = [
    "/campaigns/{}/",
    "/campaigns/2021/{}/",
    "/campaigns/2021/events/{}/",
    "/campaigns/{}/pledge/",
    "/blog/{}/",
    "/blog/tags/{}/",
    "/blog/tags/{}/feed/rss/",
    "/blog/tags/{}/feed/atom/",
    "/blog/authors/{}/",
    "/blog/campaigns/{}/",
    "/calendars/{}.ics",
    "/calendars/events/{}.ics",
    "/pledge/withdraw/{}/",
    "/api/v2/pages/{}/",
    "/{}/",
]
QUERY_PAGES = [
    "/",
    "/search/",
    "/blog/",
    "/blog/tags/policy/",
    "/campaigns/",
    "/campaigns/2021/",
    "/api/v2/pages/",
    "/api/v2/images/",
    "/api/v2/documents/",
    "/sitemap.xml",
]
QUERY_KEYS = [
    "q",
    "page",
    "tag",
    "type",
    "fields",
    "order",
    "limit",
    "offset",
    "search",
    "child_of",
    "year",
]


class PublicURLFuzzTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = Site.objects.get(is_default_site=True).root_page
        campaign = CampaignPageFactory(
            parent=CampaignIndexPageFactory(parent=home),
            year=2021,
            pledge_wording="I pledge.",
        )
        EventPageFactory(parent=campaign)
        blog = BlogIndexPageFactory(parent=home, slug="blog")
        BlogPostPageFactory(parent=blog, tags=["policy"], campaign=campaign)

    @FUZZ
    @given(st.sampled_from(PATH_PATTERNS), segment)
    def test_any_path_segment_is_answered_without_error(self, pattern, text):
        response = self.client.get(pattern.format(text))
        self.assertLess(response.status_code, 500, pattern.format(text))

    @FUZZ
    @given(
        st.sampled_from(QUERY_PAGES),
        st.dictionaries(st.sampled_from(QUERY_KEYS), value, max_size=4),
    )
    def test_any_query_string_is_answered_without_error(self, url, query):
        response = self.client.get(f"{url}?{urlencode(query)}")
        self.assertLess(response.status_code, 500, f"{url}?{urlencode(query)}")


def png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "purple").save(buffer, "PNG")
    return buffer.getvalue()


class AdminUploadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = get_user_model().objects.create_superuser(
            "editor", "editor@example.org", "pw-for-tests-1"
        )

    def setUp(self):
        self.client.force_login(self.editor)

    def upload_image(self, name: str, content: bytes):
        return self.client.post(
            "/admin/images/add/",
            {
                "title": name,
                "file": SimpleUploadedFile(name, content),
                "collection": Collection.get_first_root_node().pk,
                "tags": "",
            },
        )

    def test_bad_image_uploads_get_a_clear_error(self):
        from wagtail.images.models import Image as WagtailImage

        # Zero bytes, text pretending to be a picture, a PDF, and an image whose
        # pixels (50,000 × 1,000) are over WAGTAILIMAGES_MAX_IMAGE_PIXELS.
        for name, content in [
            ("empty.png", b""),
            ("notes.png", b"not an image at all"),
            ("briefing.jpg", b"%PDF-1.4 fake"),
            ("huge.png", png(50_000, 1_000)),
        ]:
            response = self.upload_image(name, content)
            self.assertEqual(response.status_code, 200, name)
            self.assertContains(response, "error-message", msg_prefix=name)
        self.assertFalse(WagtailImage.objects.exists())

    def test_a_good_image_still_uploads(self):
        response = self.upload_image("logo.png", png(800, 400))
        self.assertEqual(response.status_code, 302)

    @FUZZ
    @given(st.binary(max_size=2048), st.sampled_from(["a.png", "b.jpg", "c.gif"]))
    def test_arbitrary_bytes_as_an_image_never_break_the_admin(self, content, name):
        response = self.upload_image(name, content)
        self.assertLess(response.status_code, 500)

    def test_documents_of_a_forbidden_type_are_refused(self):
        from wagtail.documents.models import Document

        response = self.client.post(
            "/admin/documents/add/",
            {
                "title": "Script",
                "file": SimpleUploadedFile("run.exe", b"MZ..."),
                "collection": Collection.get_first_root_node().pk,
                "tags": "",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Document.objects.exists())
