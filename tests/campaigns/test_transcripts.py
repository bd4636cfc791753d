"""Podcasts and media appearances with a transcript get a page of their own."""

import pytest

from campaigns.factories import MediaAppearanceFactory
from campaigns.models import CampaignAppearance


@pytest.fixture
def podcast(campaign):
    appearance = MediaAppearanceFactory(
        title="Mind Matters with Karen Bateson",
        people="Karen Bateson",
        transcript="<p><b>Host:</b> Welcome.</p><p><b>Karen:</b> Thank you.</p>",
    )
    CampaignAppearance.objects.create(campaign=campaign, appearance=appearance)
    return appearance


def test_campaign_page_links_to_the_transcript(client, podcast):
    html = client.get("/campaigns/2021/").content.decode()
    assert f'href="/appearances/{podcast.pk}/"' in html
    assert "Read the transcript" in html


def test_transcript_page_reads_on_its_own(client, podcast):
    response = client.get(f"/appearances/{podcast.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        '<h1 id="transcript-heading">Transcript: Mind Matters with Karen Bateson'
        in (html)
    )
    assert "<b>Karen:</b> Thank you." in html
    assert 'href="https://example.org/podcast"' in html
    assert (
        'href="/campaigns/2021/">Back to Infant Mental Health Awareness Week 2021'
        in (html)
    )


def test_appearance_without_a_transcript_has_no_page_or_link(client, campaign):
    bare = MediaAppearanceFactory(title="Radio interview")
    CampaignAppearance.objects.create(campaign=campaign, appearance=bare)
    assert "Read the transcript" not in client.get("/campaigns/2021/").content.decode()
    assert client.get(f"/appearances/{bare.pk}/").status_code == 404


def test_unknown_or_unlisted_transcripts_are_not_found(client, podcast, campaign):
    assert client.get("/appearances/999999/").status_code == 404
    assert client.get("/appearances/not-a-number/").status_code == 404
    unlisted = MediaAppearanceFactory(transcript="<p>Not announced yet.</p>")
    assert client.get(f"/appearances/{unlisted.pk}/").status_code == 404
    campaign.unpublish()
    assert client.get(f"/appearances/{podcast.pk}/").status_code == 404


def test_editor_adds_a_transcript_in_the_library(client, editor):
    client.force_login(editor)
    url = "/admin/snippets/campaigns/mediaappearance/add/"
    form = client.get(url)
    assert b"Everything said, for people who cannot listen or watch." in form.content
