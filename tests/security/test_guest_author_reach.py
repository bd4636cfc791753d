"""Guest authors see only what their work needs: their blog, the authors they credit
and the images and documents of their own collection. Never a pledge signer, the
campaign library or the titles of pages outside the blog."""

import pytest

from pledges.models import PledgeSignature

from ..conftest import london

SIGNER = "Sally Hogg"


@pytest.fixture
def signature(campaign):
    return PledgeSignature.objects.create(
        campaign=campaign,
        name=SIGNER,
        email="sally@example.org",
        role="health_visitor",
        consent_text="I agree.",
        consented_at=london(2021, 6, 8, 9),
    )


def refused(response) -> bool:
    """Sent to log in or back to the dashboard, forbidden or not found."""
    if response.status_code == 302:
        location = response["Location"]
        return location == "/admin/" or location.startswith("/admin/login/")
    return response.status_code in (403, 404)


def text(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode()


# Item 3: every view of signatures needs the pledge permission.


def signature_urls(pk: int) -> list[str]:
    base = "/admin/pledges/pledgesignature/"
    return [
        base,
        f"{base}?export=csv",
        f"{base}?export=xlsx",
        f"{base}inspect/{pk}/",
        f"{base}history/{pk}/",
        f"{base}delete/{pk}/",
    ]


def test_guest_author_reaches_no_view_of_a_signature(client, signature, guest_author):
    client.force_login(guest_author)
    for url in signature_urls(signature.pk):
        response = client.get(url)
        assert refused(response), f"a guest author opened {url}"
        assert SIGNER not in text(response), f"{url} named the signer"


def test_editor_reaches_every_view_of_a_signature(client, signature, editor):
    client.force_login(editor)
    for url in signature_urls(signature.pk):
        response = client.get(url)
        assert response.status_code == 200, url
        if not url.endswith("xlsx"):  # A zip: the name is compressed.
            assert SIGNER in text(response), url
