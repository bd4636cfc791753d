from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.documents import get_document_model
from wagtail.models import Page, Revision, Site

import pytest

from core.models import OrganisationSettings


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "users": get_user_model().objects.count(),
        "sites": Site.objects.count(),
        "settings": OrganisationSettings.objects.count(),
    }


@pytest.mark.django_db
def test_demo_command_twice_leaves_the_same_site():
    load_demo()
    first = counts()
    load_demo()
    assert counts() == first


@pytest.mark.django_db
def test_demo_command_prints_the_admin_logins():
    output = load_demo()
    assert "/admin/" in output
    for username in ("admin", "editor", "guest"):
        assert f"username {username}" in output


@pytest.mark.django_db
def test_demo_logins_work_with_the_printed_passwords(client):
    output = load_demo()
    line = next(line for line in output.splitlines() if "username editor" in line)
    password = line.split("password ")[1].strip()
    assert client.login(username="editor", password=password)
    response = client.get("/admin/")
    assert response.status_code == 200


@pytest.mark.django_db
def test_demo_site_carries_the_organisation(client):
    load_demo()
    response = client.get("/")
    assert response.status_code == 200
    assert b"Parent-Infant Foundation" in response.content
    assert b"Infant Mental Health Awareness Week runs every June" in response.content


@pytest.mark.django_db
def test_no_demo_logins_outside_demo_mode(settings):
    settings.HUB_DEMO_MODE = False
    output = load_demo()
    assert "HUB_DEMO_MODE is off" in output
    assert not get_user_model().objects.exists()


@pytest.mark.django_db
def test_demo_downloads_carry_their_size_and_hash_as_uploads_do():
    """Else the first page to show a download's size would save it, a write on a
    visitor's request."""
    load_demo()
    documents = get_document_model().objects.all()
    assert documents
    for document in documents:
        assert document.file_size == document.file.size
        assert document.file_hash
