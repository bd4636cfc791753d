"""Uploads and media: no script-capable files, documents only through their view.

The suite serves MEDIA_URL as `make serve` and `make run` do (SERVE_MEDIA), so these
tests request the same routes an attacker would.
"""

import io

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, CollectionViewRestriction

import pytest
from PIL import Image as PILImage

from blog.permissions import GUEST_COLLECTION

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg">'
    b"<script>fetch('/admin/pledges/export/csv/')</script></svg>"
)


def png() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "purple").save(buffer, "PNG")
    return buffer.getvalue()


def directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return dict(
        part.strip().split(" ", 1) for part in policy.split(";") if part.strip()
    )


@pytest.fixture
def private_document(db):
    """Minutes in a collection only signed-in users may see."""
    root = Collection.get_first_root_node()
    board = root.add_child(name="Board papers")
    CollectionViewRestriction.objects.create(
        collection=board, restriction_type=CollectionViewRestriction.LOGIN
    )
    return Document.objects.create(
        title="Board minutes",
        file=ContentFile(b"%PDF-1.4 private minutes", name="board-minutes.pdf"),
        collection=board,
    )


@pytest.fixture
def public_document(db):
    return Document.objects.create(
        title="Briefing",
        file=ContentFile(b"%PDF-1.4 a public briefing", name="briefing.pdf"),
    )


@pytest.fixture
def image(db):
    return Image.objects.create(
        title="Logo", file=ContentFile(png(), name="logo.png"), width=40, height=30
    )


@pytest.mark.parametrize(
    "name",
    ["logo.svg", "logo.SVG", "logo.svgz", "page.html", "page.htm", "page.xhtml"]
    + ["feed.xml", "page.shtml", "page.mht"],
)
def test_guest_author_cannot_upload_a_script_capable_document(
    client, guest_author, name
):
    client.force_login(guest_author)
    response = client.post(
        "/admin/documents/add/",
        {
            "title": "Our logo",
            "file": SimpleUploadedFile(name, SVG),
            "collection": Collection.objects.get(name=GUEST_COLLECTION).pk,
            "tags": "",
        },
    )
    assert response.status_code == 200
    assert "is not allowed" in response.content.decode()
    assert not Document.objects.exists()


def test_guest_author_cannot_upload_an_svg_image(client, guest_author):
    client.force_login(guest_author)
    response = client.post(
        "/admin/images/add/",
        {
            "title": "Our logo",
            "file": SimpleUploadedFile("logo.svg", SVG, "image/svg+xml"),
            "collection": Collection.objects.get(name=GUEST_COLLECTION).pk,
            "tags": "",
        },
    )
    assert response.status_code == 200
    assert "Not a supported image format" in response.content.decode()
    assert not Image.objects.exists()


def test_a_private_document_is_not_reachable_by_any_media_address(
    client, editor, private_document
):
    name = private_document.file.name  # documents/board-minutes.pdf
    addresses = [
        f"/media/{name}",
        f"/media/images/../{name}",
        f"/media/images/%2E%2E/{name}",
        f"/media/./{name}",
        f"/media//{name}",
    ]
    for user in (None, editor):
        if user:
            client.force_login(user)
        for address in addresses:
            response = client.get(address)
            # 404, or 400 for a path that climbs out of the renditions' folder.
            assert response.status_code in (400, 404), (user, address)
            assert b"private minutes" not in b"".join(response), (user, address)


def test_a_private_document_asks_for_a_login_at_its_own_address(
    client, editor, private_document
):
    response = client.get(private_document.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]

    client.force_login(editor)
    response = client.get(private_document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 private minutes"


def test_uploaded_originals_and_kits_are_not_served_from_media(
    client, image, public_document
):
    for name in [image.file.name, public_document.file.name, "kits/x.zip"]:
        assert client.get(f"/media/{name}").status_code == 404, name


@pytest.mark.parametrize("user", [None, "editor"])
def test_documents_are_downloads_that_may_run_nothing(
    client, editor, public_document, user
):
    if user:
        client.force_login(editor)
    response = client.get(public_document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_an_svg_stored_before_the_rule_is_still_only_a_download(client, db):
    document = Document.objects.create(
        title="Old logo", file=ContentFile(SVG, name="old-logo.svg")
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert client.get(f"/media/{document.file.name}").status_code == 404


def test_image_renditions_are_served_from_media(client, image):
    rendition = image.get_rendition("fill-20x20")
    assert rendition.url.startswith("/media/images/")
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert directives(response)["script-src"] == "'self'"


def test_a_signed_in_editor_gets_the_admin_policy_in_the_admin_only(
    client, editor, home_page, image, public_document
):
    client.force_login(editor)

    admin = directives(client.get("/admin/"))
    assert "'unsafe-inline'" in admin["script-src"]

    page = client.get("/")
    assert page.status_code == 200
    assert b"wagtail-userbar" in page.content
    assert directives(page)["script-src"] == "'self'"
    assert directives(page)["frame-ancestors"] == "'none'"

    rendition = client.get(image.get_rendition("fill-20x20").url)
    assert rendition.status_code == 200
    assert "unsafe" not in rendition["Content-Security-Policy"]

    document = client.get(public_document.url)
    assert document["Content-Security-Policy"] == "default-src 'none'"

    missing = client.get("/media/documents/no-such-file.svg")
    assert missing.status_code == 404
    assert "unsafe" not in missing["Content-Security-Policy"]


def test_the_api_links_images_to_renditions_that_are_served(client, campaign, image):
    campaign.hero_image = image
    campaign.save_revision().publish()

    listing = client.get("/api/v2/images/").json()["items"]
    detail = client.get(f"/api/v2/images/{image.pk}/").json()
    pages = client.get(
        "/api/v2/pages/?type=campaigns.CampaignPage&fields=hero_image"
    ).json()["items"]
    urls = [
        listing[0]["meta"]["download_url"],
        detail["meta"]["download_url"],
        pages[0]["hero_image"]["meta"]["download_url"],
    ]
    for url in urls:
        assert url.startswith("/media/images/"), url
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == "image/png"
