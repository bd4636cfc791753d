"""A campaign's readiness checklist: what is missing, cleared as it is filled."""

import datetime

from django.urls import reverse

from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

import pytest
import time_machine
from wagtail_factories import ImageFactory

from campaigns.factories import CampaignPageFactory, EventPageFactory
from campaigns.models import CampaignPage
from campaigns.readiness import campaign_readiness

from ..conftest import london


def checklist(campaign, **kwargs) -> dict:
    return {item.key: item for item in campaign_readiness(campaign, **kwargs)}


@pytest.fixture
def bare(archive):
    """A draft week with only its dates: almost everything still to do."""
    return CampaignPageFactory(
        parent=archive, year=2030, theme_title="", theme_summary="", live=False
    )


def test_a_bare_campaign_lists_everything_missing(bare):
    items = checklist(bare, today=datetime.date(2030, 1, 1))
    assert list(items) == [
        "theme",
        "dates",
        "hashtags",
        "share_image",
        "brand_colour",
        "branding",
        "events",
        "pledge",
        "go_live",
    ]
    missing = {key for key, item in items.items() if not item.done}
    assert missing == set(items) - {"dates"}
    assert items["pledge"].detail == (
        "Write the pledge wording and say when it opens and closes."
    )
    edit_url = reverse("wagtailadmin_pages:edit", args=[bare.pk])
    assert items["theme"].url == f"{edit_url}#panel-child-content-theme-section"
    assert items["go_live"].url == f"{edit_url}#panel-child-settings-publishing-section"
    assert items["events"].url == reverse("wagtailadmin_explore", args=[bare.pk])


def test_a_ready_campaign_is_all_done(campaign):
    campaign.hero_image = ImageFactory()
    campaign.brand_colour = "#6B2F8A"
    campaign.pledge_wording = "I pledge to include infants."
    campaign.pledge_opens_at = london(2021, 6, 7, 0, 0)
    campaign.pledge_closes_at = london(2021, 6, 14, 0, 0)
    campaign.save()
    items = checklist(campaign, today=datetime.date(2021, 5, 1))
    assert all(item.done for item in items.values()), [
        item for item in items.values() if not item.done
    ]
    assert items["hashtags"].detail == "#IMHAW21, #IncludingInfants"
    assert items["events"].detail == "1 published."


def test_recap_is_asked_for_once_the_week_has_ended(campaign):
    assert "recap" not in checklist(campaign, today=datetime.date(2021, 6, 13))
    recap = checklist(campaign, today=datetime.date(2021, 6, 14))["recap"]
    assert not recap.done
    assert "add the figures and add the highlights" in recap.detail
    campaign.recap = [
        ("figures", [{"number": "7,400", "label": "posts", "source": ""}]),
        ("highlight", {"title": "APPG", "text": "<p>Met.</p>"}),
    ]
    recap = checklist(campaign, today=datetime.date(2021, 6, 14))["recap"]
    assert recap.done
    assert recap.detail == "1 figure and 1 highlight."


def test_draft_events_do_not_count_but_are_mentioned(bare):
    EventPageFactory(parent=bare, live=False)
    events = checklist(bare)["events"]
    assert not events.done
    assert events.detail == "No published events yet (1 waiting in draft)."


def test_scheduled_go_live_counts_as_done(bare):
    bare.go_live_at = london(2030, 5, 1, 9, 0)
    assert checklist(bare)["go_live"].detail == (
        "A go-live time is set: publish the page to schedule it."
    )
    bare.save_revision(approved_go_live_at=bare.go_live_at, clean=False)
    item = checklist(CampaignPage.objects.get(pk=bare.pk))["go_live"]
    assert item.done
    assert item.detail == "Scheduled to go live 1 May 2030, 09:00."


def edit(client, page, **fields):
    """Save a draft through the page editor, as an editor would."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "year": str(page.year),
        "start_date": page.start_date.isoformat(),
        "end_date": page.end_date.isoformat(),
        "theme_title": "",
        "theme_summary": "",
        "goal": rich_text(""),
        "body": streamfield([]),
        "campaign_hashtags": inline_formset([]),
        "campaign_resources": inline_formset([]),
        "campaign_appearances": inline_formset([]),
        "events_intro": rich_text(""),
        "pledge_wording": "",
        "pledge_call_to_action": "",
        "pledge_opens_at": "",
        "pledge_closes_at": "",
        "pledge_target": "",
        "recap": streamfield([]),
        **fields,
    }
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return client.post(url, nested_form_data(data))


def readiness_panel(client, page) -> str:
    content = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    content = content.content.decode()
    start = content.index('class="cockpit-readiness"')
    return content[start : content.index("</ul>", start)]


@time_machine.travel(london(2030, 1, 10, 12), tick=False)
def test_editor_sees_the_checklist_clear_as_the_form_is_filled(client, editor, bare):
    client.force_login(editor)
    panel = readiness_panel(client, bare)
    assert "0 of 9 ready." not in panel  # the dates are already set
    assert "1 of 9 ready." in panel
    assert "Give the week its theme" in panel
    response = edit(
        client,
        bare,
        theme_title="Babies first",
        theme_summary="Putting babies first in every plan.",
        pledge_wording="I pledge to put babies first.",
        pledge_opens_at="2030-06-10 00:00",
        pledge_closes_at="2030-06-17 00:00",
    )
    assert response.status_code == 302, response.content[:3000]
    panel = readiness_panel(client, bare)
    assert "3 of 9 ready." in panel
    assert "“Babies first”" in panel
    assert "Give the week its theme" not in panel
    assert "Open 10 June 2030, 00:00 to 17 June 2030, 00:00." in panel


def test_new_campaign_form_has_no_checklist_yet(client, editor, archive):
    client.force_login(editor)
    url = reverse(
        "wagtailadmin_pages:add", args=["campaigns", "campaignpage", archive.pk]
    )
    response = client.get(url)
    assert response.status_code == 200
    assert b"cockpit-readiness" not in response.content
