"""What the public forms take in: line breaks in one-line fields and nothing stored on
a failure (issue 17, item 7), one signature per person however the address is written
(item 8), and text-direction controls."""

import ast
import importlib
import inspect
import smtplib
import sys

from django.apps import apps
from django.core import mail
from django.db import DatabaseError
from django.test import Client

from wagtail.models import Revision, Workflow, WorkflowState

import pytest
import time_machine

from campaigns.models import EventPage
from pledges.models import PledgeSignature
from pledges.views import create_proposed_event

from ..conftest import london
from ..pledges.test_event_proposals import proposal
from ..pledges.test_pledge import pledge_data


@pytest.fixture
def before_the_week():
    """Proposals are taken until the week ends."""
    with time_machine.travel(london(2021, 6, 1, 12), tick=False):
        yield


def sign(client, campaign, **fields):
    return client.post(campaign.pledge_submit_url, pledge_data(**fields))


# Line breaks in single-line fields, and nothing stored on a failure (item 7)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", "Begin Before Birth\nBcc: everyone@example.org"),
        ("title", "Begin\rBefore Birth"),
        ("title", "Begin\u2028Before Birth"),
        ("organiser_name", "Genesis\nResearch Trust"),
        ("venue_name", "Hall\r\nRoom 2"),
    ],
)
def test_a_line_break_in_a_one_line_field_is_refused_and_stores_nothing(
    client, campaign, editor, before_the_week, field, value
):
    events = EventPage.objects.count()
    response = client.post(
        campaign.propose_event_submit_url, proposal(**{field: value})
    )
    assert response.status_code == 400
    assert b"Please keep this to one line." in response.content
    assert EventPage.objects.count() == events
    assert not WorkflowState.objects.exists()
    assert not mail.outbox


def test_a_proposal_whose_email_fails_stores_nothing_and_can_be_sent_again(
    campaign, editor, before_the_week, monkeypatch
):
    from pledges import views

    def mail_server_down(**kwargs):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    browser = Client(raise_request_exception=False)
    data = proposal()
    events, revisions = EventPage.objects.count(), Revision.objects.count()
    with monkeypatch.context() as patched:
        patched.setattr(views, "send_mail", mail_server_down)
        failed = browser.post(campaign.propose_event_submit_url, data)
    assert failed.status_code == 500
    assert EventPage.objects.count() == events
    assert Revision.objects.count() == revisions
    assert not WorkflowState.objects.exists()
    # The browser sends the same form again: one draft, in review once.
    again = browser.post(campaign.propose_event_submit_url, data)
    assert again.status_code == 302
    assert EventPage.objects.filter(title="Begin Before Birth").count() == 1
    assert WorkflowState.objects.count() == 1


def test_a_proposed_event_whose_review_cannot_start_leaves_no_draft(
    campaign, before_the_week, monkeypatch
):
    # create_proposed_event is all or nothing by itself, whoever calls it.
    def workflow_fails(*args, **kwargs):
        raise DatabaseError("The workflow could not start")

    monkeypatch.setattr(Workflow, "start", workflow_fails)
    events, revisions = EventPage.objects.count(), Revision.objects.count()
    data = {
        **proposal(),
        "start": london(2021, 6, 10, 10),
        "end": london(2021, 6, 10, 16),
    }
    with pytest.raises(DatabaseError):
        create_proposed_event(campaign, data)
    assert EventPage.objects.count() == events
    assert Revision.objects.count() == revisions


def test_a_title_with_a_line_break_still_mails_a_one_line_subject(
    client, open_campaign
):
    open_campaign.title = "Infant Mental Health\nAwareness Week 2021"
    open_campaign.save_revision().publish()
    assert sign(client, open_campaign).status_code == 302
    (email,) = mail.outbox
    assert email.subject == (
        "Thank you for your pledge: Infant Mental Health Awareness Week 2021"
    )


# One signature per person, however the address is written (item 8)

SAME_PERSON = [
    ("sally@exämple.org", "sally@xn--exmple-cua.org"),
    ("sally@xn--exmple-cua.org", "SALLY@EXÄMPLE.ORG"),
    ("sally@example.org", "sally@ｅｘａｍｐｌｅ.org"),
    ("sally@example.org", "ſally@example.org"),
    ("kate@example.org", "\u212aate@Example.org"),
]


@pytest.mark.parametrize(("first", "again"), SAME_PERSON)
def test_an_address_written_another_way_is_the_same_signer(
    client, open_campaign, first, again
):
    one = sign(client, open_campaign, email=first)
    two = sign(Client(), open_campaign, email=again)
    # Same answer either way: nobody learns whether an address had signed.
    assert (one.status_code, one["Location"]) == (two.status_code, two["Location"])
    assert PledgeSignature.objects.count() == 1
    assert len(mail.outbox) == 1


def test_the_address_is_kept_and_mailed_in_its_one_written_form(client, open_campaign):
    assert sign(client, open_campaign, email=" Sally@EXÄMPLE.org ").status_code == 302
    assert PledgeSignature.objects.get().email == "sally@xn--exmple-cua.org"
    assert mail.outbox[0].to == ["sally@xn--exmple-cua.org"]


def test_an_address_that_stays_foreign_once_normalised_is_refused(
    client, open_campaign
):
    # A dotless i passes Django's check (its pattern ignores case) but is no
    # letter of an address, and would make a second signature of ian@.
    response = sign(client, open_campaign, email="\u0131an@example.org")
    assert response.status_code == 400
    assert b"Enter a valid email address." in response.content
    assert not PledgeSignature.objects.exists()


def test_the_signature_migration_imports_no_app_code():
    # It runs against the app as it is whenever a database is migrated, maybe years
    # on: importing the app's rules would let a later change to them alter what it
    # does, or break it.
    migration = importlib.import_module("pledges.migrations.0002_normalise_signatures")
    imported = set()
    for node in ast.walk(ast.parse(inspect.getsource(migration))):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module)
    outside = {"django", *sys.stdlib_module_names}
    assert {name for name in imported if name.split(".")[0] not in outside} == set()


def normalise_stored_signatures():
    """The data migration that normalises the addresses signed before."""
    migration = importlib.import_module("pledges.migrations.0002_normalise_signatures")
    migration.normalise_signatures(apps, schema_editor=None)


def test_stored_addresses_are_normalised_and_no_signature_is_lost(
    open_campaign, capsys
):
    def signature(email, name="Sally Hogg"):
        return PledgeSignature(
            campaign=open_campaign,
            name=name,
            email=email,
            role="midwife",
            consent_text="I agree.",
            consented_at=london(2021, 6, 7, 9),
        )

    # Written before addresses were normalised, as the bypass let people sign.
    PledgeSignature.objects.bulk_create(
        [
            signature("Sally@Exämple.org"),
            signature("sally@xn--exmple-cua.org", name="Sally again"),
            signature("Kim@EXAMPLE.net", name="Kim Lee"),
            signature("kim@ｅｘａｍｐｌｅ.net", name="Kim again"),
            signature("Karen@ＥＸＡＭＰＬＥ.org", name="\u202eKaren\u202c Bateson"),
        ]
    )
    normalise_stored_signatures()
    # An address that is taken by an earlier signature of the same person, or by one
    # already written the normal way, stays as it was: the migration deletes no
    # signature, and an editor decides (it names them in its output).
    assert dict(PledgeSignature.objects.values_list("name", "email")) == {
        "Sally Hogg": "Sally@Exämple.org",
        "Sally again": "sally@xn--exmple-cua.org",
        "Kim Lee": "kim@example.net",
        "Kim again": "kim@ｅｘａｍｐｌｅ.net",
        "Karen Bateson": "karen@example.org",
    }
    output = capsys.readouterr().out
    assert "2 signature(s) kept with the address as written" in output
    kept = PledgeSignature.objects.filter(name__in=["Sally Hogg", "Kim again"])
    for pk in kept.values_list("pk", flat=True):
        assert f"#{pk}" in output


# Text-direction controls (also seen)


def test_text_direction_controls_are_taken_out_of_what_is_shown(client, open_campaign):
    response = sign(
        client,
        open_campaign,
        name="\u202eSally\u202c Hogg",
        role="other",
        role_other="\u2067Family\u2069 nurse\u200f",
        organisation="\u061cParent-Infant\u200e Foundation",
        email="sally@exa\u202emple.org",
    )
    assert response.status_code == 302
    signature = PledgeSignature.objects.get()
    assert (signature.name, signature.role_other, signature.organisation) == (
        "Sally Hogg",
        "Family nurse",
        "Parent-Infant Foundation",
    )
    assert signature.email == "sally@example.org"
    wall = client.get("/campaigns/2021/").content.decode()
    assert "Sally" in wall
    assert "Family nurse" in wall


def test_a_proposal_loses_its_text_direction_controls(
    client, campaign, before_the_week
):
    response = client.post(
        campaign.propose_event_submit_url,
        proposal(title="\u202eBegin Before Birth", organiser_name="Genesis\u2066"),
    )
    assert response.status_code == 302
    event = EventPage.objects.get(title="Begin Before Birth")
    assert event.organiser_name == "Genesis"
