import re
import time

from django.core import mail, signing
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

import pytest
import time_machine

from campaigns.models import CampaignPage
from pledges.forms import MINIMUM_FILL_SECONDS, start_token
from pledges.models import PledgeSignature
from pledges.views import withdraw_url

from ..conftest import london

PLEDGE_URL = "/campaigns/2021/pledge/"
THANKS_URL = "/campaigns/2021/pledge/thanks/"


def submit_url() -> str:
    """Where the form posts: a view of its own, since its page is cached."""
    return CampaignPage.objects.get(year=2021).pledge_submit_url


def started(seconds_ago: float = 10) -> str:
    """A form's start token, as if its page was opened that long ago."""
    return start_token(time.time() - seconds_ago)


def pledge_data(**overrides) -> dict:
    data = {
        "name": "Sally Hogg",
        "email": "sally@example.org",
        "role": "health_visitor",
        "role_other": "",
        "organisation": "Parent-Infant Foundation",
        "region": "london",
        "show_on_wall": "on",
        "consent": "on",
        "website": "",
        "started": started(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_pledge_form_is_reached_from_the_campaign_and_home_pages(client, open_campaign):
    page = client.get("/campaigns/2021/").content.decode()
    assert f'href="{PLEDGE_URL}"' in page
    home = client.get("/").content.decode()
    assert f'href="{PLEDGE_URL}">Take the #IncludingInfants Pledge now</a>' in home
    form = client.get(PLEDGE_URL)
    assert form.status_code == 200
    assert b"I pledge to include infants." in form.content
    assert b"I agree that the Parent-Infant Foundation keeps" in form.content


def test_signing_stores_consent_and_emails_a_withdraw_link(client, open_campaign):
    response = client.post(submit_url(), pledge_data())
    assert response.status_code == 302
    assert response["Location"] == THANKS_URL
    signature = PledgeSignature.objects.get()
    assert signature.campaign == open_campaign
    assert signature.consent_text.startswith("I agree that the Parent-Infant")
    assert signature.consented_at is not None
    (email,) = mail.outbox
    assert email.to == ["sally@example.org"]
    assert "/pledge/withdraw/" in email.body
    thanks = client.get(THANKS_URL).content.decode()
    assert "Thank you for taking the pledge" in thanks
    assert "#IncludingInfants" in thanks


def test_campaign_page_shows_the_count_and_the_wall(client, open_campaign):
    client.post(submit_url(), pledge_data())
    client.post(
        submit_url(),
        pledge_data(name="Karen Bateson", email="karen@example.org", show_on_wall=None),
    )
    page = client.get("/campaigns/2021/").content.decode()
    assert "<strong>2</strong> professionals have pledged" in page
    assert "Sally" in page
    assert "Health visitor" in page
    assert "Hogg" not in page
    assert "Karen" not in page


def test_signing_twice_stores_nothing_new_and_says_the_same(client, open_campaign):
    first = client.post(submit_url(), pledge_data())
    again = client.post(submit_url(), pledge_data(email="  SALLY@Example.org "))
    assert first.status_code == again.status_code == 302
    assert first["Location"] == again["Location"]
    assert PledgeSignature.objects.count() == 1
    assert len(mail.outbox) == 1


def test_database_refuses_a_second_row_for_the_same_email(open_campaign):
    from django.db import IntegrityError, transaction

    PledgeSignature.objects.create(
        campaign=open_campaign,
        name="A",
        email="a@example.org",
        role="other",
        consent_text="x",
        consented_at=london(2021, 6, 7, 9),
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        PledgeSignature.objects.bulk_create(
            [
                PledgeSignature(
                    campaign=open_campaign,
                    name="B",
                    email=" A@EXAMPLE.ORG",
                    role="other",
                    consent_text="x",
                    consented_at=london(2021, 6, 7, 9),
                )
            ]
        )


def test_invalid_form_keeps_input_and_shows_errors_by_fields(client, open_campaign):
    response = client.post(
        submit_url(), pledge_data(email="not-an-email", consent=None, role="other")
    )
    content = response.content.decode()
    assert response.status_code == 400
    assert 'value="Sally Hogg"' in content
    assert "Enter a valid email address." in content
    assert "Please agree to how we use your details." in content
    assert "Please tell us your role." in content
    assert not PledgeSignature.objects.exists()


def test_honeypot_is_dropped_silently(client, open_campaign):
    response = client.post(submit_url(), pledge_data(website="http://spam.example"))
    assert response.status_code == 302
    assert response["Location"] == THANKS_URL
    assert not PledgeSignature.objects.exists()
    assert not mail.outbox


@pytest.mark.parametrize("stamp", ["too fast", "forged", ""])
def test_too_fast_or_forged_start_is_dropped_silently(client, open_campaign, stamp):
    if stamp == "too fast":
        stamp = started(seconds_ago=MINIMUM_FILL_SECONDS - 2)
    response = client.post(submit_url(), pledge_data(started=stamp))
    assert response.status_code == 302
    assert not PledgeSignature.objects.exists()


def test_a_flood_from_one_address_gets_a_polite_429(client, open_campaign, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = "3/m"
    for n in range(3):
        client.post(submit_url(), pledge_data(email=f"person{n}@example.org"))
    response = client.post(submit_url(), pledge_data(email="late@example.org"))
    assert response.status_code == 429
    assert b"Please wait a moment" in response.content
    assert PledgeSignature.objects.count() == 3


def test_closed_pledge_takes_no_signatures(client, open_campaign):
    open_campaign.pledge_closes_at = london(2021, 6, 13, 23, 59)
    open_campaign.save_revision().publish()
    with time_machine.travel(london(2021, 6, 14, 9), tick=False):
        page = client.get(PLEDGE_URL)
        response = client.post(submit_url(), pledge_data())
    assert b"is closed" in page.content
    assert response.status_code == 403
    assert not PledgeSignature.objects.exists()


def withdraw_link(client) -> str:
    client.post(submit_url(), pledge_data())
    return re.search(r"http://testserver(/pledge/withdraw/\S+/)", mail.outbox[0].body)[
        1
    ]


def test_withdraw_link_deletes_the_signature(client, open_campaign):
    link = withdraw_link(client)
    confirm = client.get(link)
    assert b"Withdraw and delete my pledge" in confirm.content
    assert PledgeSignature.objects.exists()
    done = client.post(link)
    assert b"Your pledge has been withdrawn" in done.content
    assert not PledgeSignature.objects.exists()


def test_reused_withdraw_link_says_it_is_gone(client, open_campaign):
    link = withdraw_link(client)
    client.post(link)
    again = client.post(link)
    assert again.status_code == 410
    assert b"already been withdrawn" in again.content


def test_forged_withdraw_link_deletes_nothing(client, open_campaign):
    link = withdraw_link(client)
    forged = link.replace("/withdraw/", "/withdraw/x")
    response = client.post(forged)
    assert response.status_code == 404
    assert PledgeSignature.objects.count() == 1
    other_id = signing.dumps(PledgeSignature.objects.get().pk, salt="another-salt")
    assert client.post(f"/pledge/withdraw/{other_id}/").status_code == 404
    assert PledgeSignature.objects.count() == 1


def test_retention_purge_deletes_only_old_signatures(client, open_campaign):
    with time_machine.travel(london(2021, 6, 8, 9), tick=False):
        client.post(submit_url(), pledge_data())
    cache.clear()
    client.post(submit_url(), pledge_data(email="recent@example.org"))
    call_command("purge_pledges", days=365, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert list(PledgeSignature.objects.values_list("email", flat=True)) == [
        "recent@example.org"
    ]


EXPORT_URL = "/admin/pledges/pledgesignature/"


@pytest.fixture
def signed(client, open_campaign):
    client.post(submit_url(), pledge_data())
    return PledgeSignature.objects.get()


def test_editor_lists_and_exports_pledges(client, signed, editor):
    client.force_login(editor)
    listing = client.get(EXPORT_URL)
    assert listing.status_code == 200
    assert b"sally@example.org" in listing.content
    csv = client.get(EXPORT_URL, {"export": "csv"})
    assert csv.status_code == 200
    body = b"".join(csv.streaming_content).decode()
    assert "sally@example.org" in body
    assert "I agree that the Parent-Infant Foundation" in body
    xlsx = client.get(EXPORT_URL, {"export": "xlsx"})
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )


def test_editor_filters_pledges_by_role(client, signed, editor):
    client.force_login(editor)
    kept = client.get(EXPORT_URL, {"role": "health_visitor"})
    assert b"sally@example.org" in kept.content
    filtered = client.get(EXPORT_URL, {"role": "midwife"})
    assert b"sally@example.org" not in filtered.content


def test_editor_sees_the_weekly_count_on_the_dashboard(client, signed, editor):
    client.force_login(editor)
    dashboard = client.get("/admin/").content.decode()
    assert "signed in the last seven days" in dashboard


def test_guest_authors_and_visitors_never_see_pledges(client, signed, guest_author):
    assert client.get(EXPORT_URL).status_code == 302  # to the login page
    assert client.get(EXPORT_URL, {"export": "csv"}).status_code == 302
    client.force_login(guest_author)
    assert client.get(EXPORT_URL).status_code in (302, 403)
    assert client.get(EXPORT_URL, {"export": "csv"}).status_code in (302, 403)
    assert "signed in the last seven days" not in client.get("/admin/").content.decode()


def test_pages_show_new_pledges_when_they_expire_and_a_withdrawal_at_once(
    client, open_campaign, settings
):
    def page(visitor=client) -> str:
        return visitor.get("/campaigns/2021/").content.decode()

    with time_machine.travel(london(2021, 6, 7, 12), tick=False) as traveller:
        Client().post(submit_url(), pledge_data())
        assert "<strong>1</strong> professional has pledged" in page()
        karen = Client()
        karen.post(
            submit_url(), pledge_data(name="Karen Bateson", email="karen@example.org")
        )
        # The signer sees their pledge counted at once; other visitors' cached
        # pages show it once they expire: the documented delay.
        assert "<strong>2</strong> professionals have pledged" in page(karen)
        assert "<strong>1</strong> professional has pledged" in page()
        traveller.shift(settings.PAGE_CACHE_SECONDS)
        assert "<strong>2</strong> professionals have pledged" in page()
        assert "Karen" in page()
        karen = PledgeSignature.objects.get(email="karen@example.org")
        client.post(withdraw_url(karen))
        # Withdrawn: gone from every page on the next request.
        assert "<strong>1</strong> professional has pledged" in page()
        assert "Karen" not in page()
