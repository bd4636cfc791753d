"""Uploads never give a server error (paths and query strings: test_fuzz.py)."""

import io

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.models import Collection

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase
from PIL import Image

FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


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
