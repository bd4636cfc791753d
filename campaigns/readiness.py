"""Is a campaign ready for its week? One checklist, shown in the editor and dashboard.

`campaign_readiness` is the only place that decides what "ready" means, so the edit
form's panel, the dashboard and the tests all read the same list.
"""

import datetime
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date

# Where each item is filled in the page editor: the sections Wagtail renders for
# CampaignPage's panels (and the Settings tab's publishing panel).
SECTION = "panel-child-content-{}-section"
PUBLISHING_SECTION = "panel-child-settings-publishing-section"


@dataclass(frozen=True)
class ChecklistItem:
    """One thing a campaign needs: whether it is done, in words, and where to do it."""

    key: str
    label: str
    done: bool
    detail: str
    url: str


def campaign_readiness(campaign, today: datetime.date | None = None) -> list:
    """The campaign's checklist, in the order an editor fills it in.

    `campaign` may be a page or the latest revision of one (as the editor shows it).
    Runs a fixed handful of queries, whatever the campaign holds.
    """
    today = today or timezone.localdate()
    edit_url = reverse("wagtailadmin_pages:edit", args=[campaign.pk])

    def item(key, label, done, done_detail, missing_detail, anchor=None, url=None):
        return ChecklistItem(
            key=key,
            label=label,
            done=bool(done),
            detail=done_detail if done else missing_detail,
            url=url or f"{edit_url}#{anchor}",
        )

    hashtags = [
        str(link.hashtag)
        for link in campaign.campaign_hashtags.select_related("hashtag").all()
    ]
    branding = _branding_count(campaign)
    published_events, draft_events = _event_counts(campaign)
    items = [
        item(
            "theme",
            "Theme and summary",
            campaign.theme_title.strip() and campaign.theme_summary.strip(),
            f"“{campaign.theme_title}”",
            "Give the week its theme and a sentence or two about it.",
            anchor=SECTION.format("theme"),
        ),
        item(
            "dates",
            "Dates",
            campaign.start_date
            and campaign.end_date
            and campaign.start_date <= campaign.end_date,
            f"{format_date(campaign.start_date, 'j F Y')} to "
            f"{format_date(campaign.end_date, 'j F Y')}"
            if campaign.start_date and campaign.end_date
            else "",
            "Set the first and last days of the week.",
            anchor=SECTION.format("when"),
        ),
        item(
            "hashtags",
            "Hashtags",
            hashtags,
            ", ".join(hashtags),
            "Add at least one hashtag for people to use.",
            anchor=SECTION.format("hashtags"),
        ),
        item(
            "share_image",
            "Share image",
            campaign.hero_image_id,
            "Chosen.",
            "Choose a wide picture: it is shown when the page is shared.",
            anchor=SECTION.format("hero_image"),
        ),
        item(
            "brand_colour",
            "Brand colour",
            campaign.brand_colour,
            f"{campaign.brand_colour}.",
            "Choose the week's own colour for its header and buttons.",
            anchor=SECTION.format("brand_colour"),
        ),
        item(
            "branding",
            "Branding downloads",
            branding,
            f"{branding} branding download{'s' if branding != 1 else ''}.",
            "Add the week's logos or branding to the downloads.",
            anchor=SECTION.format("downloads"),
        ),
        item(
            "events",
            "Events",
            published_events,
            f"{published_events} published"
            + (f", {draft_events} waiting in draft." if draft_events else "."),
            "No published events yet"
            + (f" ({draft_events} waiting in draft)." if draft_events else "."),
            url=reverse("wagtailadmin_explore", args=[campaign.pk]),
        ),
        _pledge_item(campaign, item),
        _go_live_item(campaign, item),
    ]
    if campaign.end_date and today > campaign.end_date:
        items.append(_recap_item(campaign, item))
    return items


def _branding_count(campaign) -> int:
    # The links may be a revision's, in memory: counted here, not in a query.
    links = campaign.campaign_resources.select_related("resource")
    return sum(link.resource.kind == "branding" for link in links)


def _event_counts(campaign) -> tuple[int, int]:
    """(published, draft) events under the campaign (its only children), in one
    query."""
    live = list(campaign.get_children().values_list("live", flat=True))
    return sum(live), len(live) - sum(live)


def _pledge_item(campaign, item) -> ChecklistItem:
    missing = []
    if not campaign.pledge_wording.strip():
        missing.append("write the pledge wording")
    if not (campaign.pledge_opens_at and campaign.pledge_closes_at):
        missing.append("say when it opens and closes")
    done_detail = ""
    if not missing:
        opens = timezone.localtime(campaign.pledge_opens_at)
        closes = timezone.localtime(campaign.pledge_closes_at)
        done_detail = (
            f"Open {format_date(opens, 'j F Y, H:i')} to "
            f"{format_date(closes, 'j F Y, H:i')}."
        )
    return item(
        "pledge",
        "Pledge wording and dates",
        not missing,
        done_detail,
        " and ".join(missing).capitalize() + ".",
        anchor=SECTION.format("pledge"),
    )


def _go_live_item(campaign, item) -> ChecklistItem:
    scheduled = None if campaign.live else campaign.scheduled_revision
    if campaign.live:
        done_detail = "Live on the site."
    elif scheduled:
        moment = timezone.localtime(scheduled.approved_go_live_at)
        done_detail = f"Scheduled to go live {format_date(moment, 'j F Y, H:i')}."
    else:
        done_detail = ""
    missing = (
        "A go-live time is set: publish the page to schedule it."
        if campaign.go_live_at
        else "Set a go-live time under Settings, then publish to schedule it."
    )
    return item(
        "go_live",
        "Go-live scheduled",
        campaign.live or scheduled,
        done_detail,
        missing,
        anchor=PUBLISHING_SECTION,
    )


def _recap_item(campaign, item) -> ChecklistItem:
    kinds = [block.block_type for block in campaign.recap]
    figures = sum(
        len(block.value) for block in campaign.recap if block.block_type == "figures"
    )
    highlights = kinds.count("highlight")
    missing = []
    if not figures:
        missing.append("add the figures")
    if not highlights:
        missing.append("add the highlights")
    return item(
        "recap",
        "Recap figures and highlights",
        not missing,
        f"{figures} figure{'s' if figures != 1 else ''} and {highlights} "
        f"highlight{'s' if highlights != 1 else ''}.",
        "The week has ended: " + " and ".join(missing) + ".",
        anchor=SECTION.format("recap"),
    )


def progress(items: list) -> tuple[int, int]:
    """(done, total) for a checklist."""
    return sum(item.done for item in items), len(items)
