"""Brand kits: several files and a licence, downloaded as one cached zip, counted."""

import io
import zipfile
from io import StringIO
from unittest import mock

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest
from wagtail_factories import ImageFactory

from campaigns import views
from campaigns.factories import CampaignResourceFactory, ResourceFactory
from campaigns.models import Resource, ResourceFile

ADD_URL = "/admin/snippets/campaigns/resource/add/"
LICENCE = "Use these logos to support the week. Keep their colours."
LOGO = b"%PDF-1.4 purple logo" + b"x" * 2000
COLOURS = b"Purple #6B2F8A\nTeal #0B6E6E\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Each test its own media folder, so no zip outlives the test that built it."""
    settings.MEDIA_ROOT = str(tmp_path)


def make_document(title: str, filename: str, content: bytes) -> Document:
    document = Document(title=title)
    document.file.save(filename, ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


@pytest.fixture
def logo(db):
    return make_document("Logo, purple", "logo.pdf", LOGO)


@pytest.fixture
def colours(db):
    return make_document("Colour sheet", "colours.txt", COLOURS)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def kit_form(files: list[dict], initial: int = 0, **fields) -> dict:
    data = {
        "title": "IMHAW 2030 brand kit",
        "kind": "branding",
        "description": "Logos and colours for the week.",
        "document": "",
        "link": "",
        "licence": LICENCE,
        "thumbnail": "",
        "tags": "",
        "files": inline_formset(files, initial=initial),
    }
    data.update(fields)
    return nested_form_data(data)


@pytest.fixture
def kit(campaign, logo, colours):
    """A branding kit the live 2021 week offers: a labelled logo and a colour sheet."""
    resource = ResourceFactory(
        title="IMHAW 2021 brand kit",
        link="",
        licence=LICENCE,
        files=[
            ResourceFile(document=logo, label="Logo, purple"),
            ResourceFile(document=colours),
        ],
    )
    CampaignResourceFactory(campaign=campaign, resource=resource)
    return resource


def kit_url(resource: Resource) -> str:
    return f"/downloads/{resource.pk}/kit.zip"


def unzip(response) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def stored_kits() -> list[str]:
    return default_storage.listdir("kits")[1]


def download_count(resource: Resource) -> int:
    return Resource.objects.get(pk=resource.pk).download_count


def test_editor_builds_a_kit_of_two_files_with_a_licence(
    editor_client, campaign, logo, colours
):
    form = editor_client.get(ADD_URL).content.decode()
    assert "Kit of files" in form
    assert "How people may use the files" in form
    response = editor_client.post(
        ADD_URL,
        kit_form(
            [{"document": logo.pk, "label": "Logo, purple"}, {"document": colours.pk}]
        ),
    )
    assert response.status_code == 302, response.content[:2000]
    resource = Resource.objects.get(title="IMHAW 2030 brand kit")
    assert [item.document for item in resource.files.all()] == [logo, colours]
    assert resource.licence == LICENCE

    CampaignResourceFactory(campaign=campaign, resource=resource, sort_order=5)
    page = editor_client.get("/campaigns/2021/").content.decode()
    assert f'href="/downloads/{resource.pk}/kit.zip"' in page
    assert "(ZIP, 2 files, 2.0\xa0KB)" in page
    assert "<summary>Licence</summary>" in page
    assert LICENCE in page


def test_editor_cannot_give_a_kit_and_a_link_too(editor_client, logo):
    response = editor_client.post(
        ADD_URL,
        kit_form([{"document": logo.pk}], link="https://example.org/logos"),
    )
    assert response.status_code == 200
    assert b"A kit of files is downloaded from this site" in response.content
    assert not Resource.objects.filter(title="IMHAW 2030 brand kit").exists()


def test_editor_cannot_give_a_kit_and_a_single_file_too(editor_client, logo, colours):
    response = editor_client.post(
        ADD_URL, kit_form([{"document": logo.pk}], document=colours.pk)
    )
    assert response.status_code == 200
    assert b"This resource has a kit of files" in response.content


def test_resource_needs_a_file_a_kit_or_a_link(logo):
    assert (
        ResourceFactory.build(link="", files=[ResourceFile(document=logo)]).clean()
        is None
    )
    with pytest.raises(ValidationError, match="Choose a file to download"):
        ResourceFactory.build(link="").clean()


def test_kit_zip_holds_exactly_the_files_and_the_licence(client, kit):
    response = client.get(kit_url(kit))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert 'filename="imhaw-2021-brand-kit.zip"' in response["Content-Disposition"]
    assert unzip(response) == {
        "logo-purple.pdf": LOGO,
        "colours.txt": COLOURS,
        "LICENCE.txt": (LICENCE + "\n").encode(),
    }


def test_second_download_serves_the_stored_zip_without_rebuilding(client, kit):
    with mock.patch.object(views, "build_kit", wraps=views.build_kit) as build:
        first = unzip(client.get(kit_url(kit)))
        [stored] = stored_kits()
        written = default_storage.get_modified_time(f"kits/{stored}")
        second = unzip(client.get(kit_url(kit)))
    assert build.call_count == 1
    assert first == second
    assert stored_kits() == [stored]
    assert default_storage.get_modified_time(f"kits/{stored}") == written


def test_editing_the_kit_gives_a_new_zip(editor_client, client, kit, logo, colours):
    assert "colours.txt" in unzip(client.get(kit_url(kit)))
    [logo_row, colours_row] = kit.files.all()
    response = editor_client.post(
        f"/admin/snippets/campaigns/resource/edit/{kit.pk}/",
        kit_form(
            [
                {"id": logo_row.pk, "document": logo.pk, "label": "Logo, purple"},
                {"id": colours_row.pk, "document": colours.pk, "DELETE": "1"},
            ],
            initial=2,
            title=kit.title,
            licence="New licence: logos only.",
        ),
    )
    assert response.status_code == 302, response.content[:2000]

    again = unzip(client.get(kit_url(kit)))
    assert again == {
        "logo-purple.pdf": LOGO,
        "LICENCE.txt": b"New licence: logos only.\n",
    }
    assert len(stored_kits()) == 1  # The old zip is gone from storage.


def test_each_download_counts_once_and_sets_no_cookie(client, campaign, kit, logo):
    link = ResourceFactory(link="https://example.org/briefing")
    single = ResourceFactory(link="", document=logo)
    for resource in (link, single):
        CampaignResourceFactory(campaign=campaign, resource=resource)

    responses = [
        client.get(f"/downloads/{link.pk}/"),
        client.get(f"/downloads/{single.pk}/"),
        client.get(kit_url(kit)),
        client.get(kit_url(kit)),
    ]
    assert responses[0]["Location"] == "https://example.org/briefing"
    assert responses[1]["Location"] == logo.url
    assert [r.status_code for r in responses] == [302, 302, 200, 200]
    assert [download_count(r) for r in (link, single, kit)] == [1, 1, 2]
    for response in responses:
        assert not response.cookies
        assert "no-store" in response["Cache-Control"]


def test_kit_link_without_the_zip_name_leads_to_the_zip_and_counts_there(client, kit):
    response = client.get(f"/downloads/{kit.pk}/")
    assert response.status_code == 302
    assert response["Location"] == kit_url(kit)
    assert download_count(kit) == 0


def test_link_checkers_head_requests_are_not_counted(client, kit):
    assert client.head(kit_url(kit)).status_code == 200
    assert download_count(kit) == 0


def test_resources_store_a_count_and_nothing_about_who_downloaded():
    """Every column, listed: a new one that could hold an address or id fails here."""
    columns = {field.name for field in Resource._meta.concrete_fields}
    assert columns == {
        "id",
        "title",
        "description",
        "kind",
        "document",
        "link",
        "licence",
        "thumbnail",
        "download_count",
        "updated_at",
    }
    kit_columns = {field.name for field in ResourceFile._meta.concrete_fields}
    assert kit_columns == {"id", "sort_order", "resource", "document", "label"}


def test_editors_see_download_counts_in_the_resource_listing(editor_client, kit):
    Resource.objects.filter(pk=kit.pk).update(download_count=4217)
    response = editor_client.get("/admin/snippets/campaigns/resource/")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Downloads" in content
    assert "4217" in content
    assert "ZIP, 2 files" in content


def test_guest_authors_do_not_see_the_resource_listing(client, guest_author, kit):
    client.force_login(guest_author)
    response = client.get("/admin/snippets/campaigns/resource/")
    assert response.status_code == 302
    assert "IMHAW 2021 brand kit" not in response.content.decode()


@pytest.mark.parametrize(
    "url",
    ["/downloads/999999/", "/downloads/999999/kit.zip", "/downloads/kit/kit.zip"],
)
def test_unknown_downloads_are_not_found(client, campaign, url):
    assert client.get(url).status_code == 404


def test_resources_no_published_week_offers_are_not_found(client, campaign, kit):
    unlisted = ResourceFactory(link="https://example.org/next-year")
    assert client.get(f"/downloads/{unlisted.pk}/").status_code == 404
    campaign.unpublish()
    assert client.get(kit_url(kit)).status_code == 404
    assert client.get(f"/downloads/{kit.pk}/").status_code == 404
    assert download_count(kit) == 0


def test_a_single_file_resource_has_no_zip(client, campaign, logo):
    single = ResourceFactory(link="", document=logo)
    CampaignResourceFactory(campaign=campaign, resource=single)
    assert client.get(kit_url(single)).status_code == 404


def test_kit_with_a_private_file_is_not_found(client, kit, colours):
    private = Collection.get_first_root_node().add_child(name="Private")
    CollectionViewRestriction.objects.create(
        collection=private,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="secret-for-tests",
    )
    colours.collection = private
    colours.save()
    assert client.get(kit_url(kit)).status_code == 404


def test_campaign_page_query_count_stays_flat_with_kits(
    client, campaign, logo, colours, django_assert_num_queries
):
    def add_kits(count: int) -> None:
        for _ in range(count):
            CampaignResourceFactory(
                campaign=campaign,
                resource=ResourceFactory(
                    link="",
                    licence=LICENCE,
                    thumbnail=ImageFactory(),
                    files=[ResourceFile(document=logo), ResourceFile(document=colours)],
                ),
            )

    add_kits(2)
    client.get("/campaigns/2021/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/campaigns/2021/")
    with_two = len(queries)  # Counted now: the next request clears the log.
    add_kits(18)
    client.get("/campaigns/2021/")
    with django_assert_num_queries(with_two):
        page = client.get("/campaigns/2021/")
    assert page.content.decode().count("(ZIP, 2 files") == 20


def test_demo_branding_is_a_kit_and_stays_the_same_when_loaded_twice(db):
    call_command("load_demo", stdout=StringIO())
    branding = Resource.objects.get(title="IMHAW 2021 branding: logos")
    first = list(branding.files.values_list("pk", "document_id", "label"))
    documents = Document.objects.count()
    call_command("load_demo", stdout=StringIO())
    assert list(branding.files.values_list("pk", "document_id", "label")) == first
    assert Document.objects.count() == documents
    assert branding.is_kit and len(first) >= 4
    assert "Use them freely" in Resource.objects.get(pk=branding.pk).licence


def test_two_files_with_the_same_name_both_reach_the_zip(client, kit, colours):
    kit.files.add(ResourceFile(document=colours, sort_order=3))
    kit.save()
    names = sorted(unzip(client.get(kit_url(kit))))
    assert names == ["LICENCE.txt", "colours-2.txt", "colours.txt", "logo-purple.pdf"]
