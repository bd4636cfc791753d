"""An editor builds next year's week in the Wagtail admin, as in a browser."""

from wagtail.models import Page
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

import pytest

from campaigns.factories import ResourceFactory
from campaigns.models import CampaignPage, EventPage, Hashtag, Resource


@pytest.fixture
def editor_client(client, editor, archive):
    client.force_login(editor)
    return client


def campaign_form(**overrides) -> dict:
    data = {
        "title": "Infant Mental Health Awareness Week 2030",
        "slug": "2030",
        "year": "2030",
        "start_date": "2030-06-10",
        "end_date": "2030-06-16",
        "theme_title": "Babies first",
        "theme_summary": "Putting babies first in every plan.",
        "goal": rich_text("<p>Every plan names babies.</p>"),
        "body": streamfield([("paragraph", rich_text("<p>Join us in June.</p>"))]),
        "campaign_hashtags": inline_formset(
            [{"hashtag": str(Hashtag.objects.create(text="IMHAW30").pk)}]
        ),
        "campaign_resources": inline_formset([]),
        "campaign_appearances": inline_formset([]),
        "events_intro": rich_text(""),
        "pledge_wording": "I pledge to put babies first.",
        "pledge_call_to_action": "Take the pledge",
        "pledge_opens_at": "",
        "pledge_closes_at": "",
        "recap": streamfield([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_editor_creates_and_publishes_a_campaign(editor_client, archive):
    url = f"/admin/pages/add/campaigns/campaignpage/{archive.pk}/"
    assert editor_client.get(url).status_code == 200
    response = editor_client.post(url, {**campaign_form(), "action-publish": "1"})
    assert response.status_code == 302, response.content[:2000]
    campaign = CampaignPage.objects.get(year=2030)
    assert campaign.live
    assert [str(tag) for tag in campaign.hashtags] == ["#IMHAW30"]
    page = editor_client.get("/campaigns/2030/")
    assert b"Babies first" in page.content
    assert b"#IMHAW30" in page.content


def test_editor_sees_a_clear_error_for_bad_dates(editor_client, archive):
    url = f"/admin/pages/add/campaigns/campaignpage/{archive.pk}/"
    response = editor_client.post(url, campaign_form(end_date="2030-06-01"))
    assert response.status_code == 200
    assert b"The week cannot end before it starts." in response.content
    assert not CampaignPage.objects.filter(year=2030).exists()


def test_editor_previews_a_draft_before_publishing(editor_client, archive):
    url = f"/admin/pages/add/campaigns/campaignpage/{archive.pk}/preview/"
    response = editor_client.post(url, campaign_form())
    assert response.json()["is_valid"] is True
    preview = editor_client.get(url)
    assert preview.status_code == 200
    assert b"Babies first" in preview.content
    assert not CampaignPage.objects.filter(year=2030).exists()


def test_editor_adds_an_event_to_a_draft_campaign(editor_client, archive):
    editor_client.post(
        f"/admin/pages/add/campaigns/campaignpage/{archive.pk}/", campaign_form()
    )
    campaign = Page.objects.get(slug="2030")
    assert not campaign.live
    url = f"/admin/pages/add/campaigns/eventpage/{campaign.pk}/"
    response = editor_client.post(
        url,
        nested_form_data(
            {
                "title": "Launch webinar",
                "slug": "launch-webinar",
                "summary": "The theme explained.",
                "start": "2030-06-10 10:00",
                "end": "2030-06-10 11:00",
                "attendance": "online",
                "venue_name": "",
                "address": "",
                "organiser_name": "Parent-Infant Foundation",
                "organiser_url": "",
                "booking_url": "https://example.org/book",
                "livestream_url": "",
                "recording_url": "",
                "description": rich_text(""),
            }
        ),
    )
    assert response.status_code == 302, response.content[:2000]
    event = EventPage.objects.get(slug="launch-webinar")
    assert event.get_parent().pk == campaign.pk
    assert event.start.isoformat() == "2030-06-10T09:00:00+00:00"


def test_editor_adds_a_hashtag_snippet(editor_client):
    response = editor_client.post(
        "/admin/snippets/campaigns/hashtag/add/", {"text": "IMHAW30"}
    )
    assert response.status_code == 302
    assert Hashtag.objects.filter(text="IMHAW30").exists()
    again = editor_client.post(
        "/admin/snippets/campaigns/hashtag/add/", {"text": "imhaw30"}
    )
    assert again.status_code == 200
    assert b"That hashtag already exists." in again.content


def test_editor_adds_a_resource_with_a_file_or_a_link_not_both(editor_client):
    from wagtail.documents.models import Document

    url = "/admin/snippets/campaigns/resource/add/"
    document = Document.objects.create(title="Logos", file="documents/logos.zip")
    form = nested_form_data(
        {
            "title": "IMHAW 2030 logos",
            "kind": "branding",
            "description": "The week's logos.",
            "link": "https://example.org/logos",
            "tags": "branding, logos",
            "files": inline_formset([]),
        }
    )
    both = editor_client.post(url, {**form, "document": document.pk})
    assert both.status_code == 200
    assert b"Give either a file or a link, not both" in both.content
    neither = editor_client.post(url, {**form, "link": ""})
    assert b"Choose a file to download, or give a link instead." in neither.content
    created = editor_client.post(url, form)
    assert created.status_code == 302
    resource = Resource.objects.get(title="IMHAW 2030 logos")
    assert sorted(resource.tags.names()) == ["branding", "logos"]


def test_editor_lists_and_filters_resources_by_kind_and_tag(editor_client):
    branding = ResourceFactory(title="Zebra logos", kind="branding")
    branding.tags.add("logos")
    branding.save()
    ResourceFactory(title="Quokka briefing", kind="briefing")
    url = "/admin/snippets/campaigns/resource/"
    assert editor_client.get(url).status_code == 200
    from taggit.models import Tag

    tag = Tag.objects.get(name="logos")
    by_tag = editor_client.get(url, {"tag": tag.pk}).content.decode()
    assert "Zebra logos" in by_tag and "Quokka briefing" not in by_tag
    by_kind = editor_client.get(url, {"kind": "briefing"}).content.decode()
    assert "Quokka briefing" in by_kind and "Zebra logos" not in by_kind
