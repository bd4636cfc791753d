"""axe-core finds no WCAG 2.2 A or AA violation, at any impact, on the public site."""

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE, axe_violations, public_pages, take_pledge

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_every_public_page_type_has_no_axe_violations(demo, new_page):
    found = {}
    for viewport in (DESKTOP, PHONE):
        page = new_page(viewport)
        for name, path in public_pages(demo).items():
            page.goto(path)
            if violations := axe_violations(page):
                found[f"{name} at {viewport['width']}px ({path})"] = violations
    assert found == {}


def test_public_forms_in_their_error_state_have_no_axe_violations(
    demo, page, quick_hands
):
    found = {}
    for path, button in [
        (demo.live.pledge_url, "Take the pledge"),
        (demo.live.propose_event_url, "Send the event"),
    ]:
        page.goto(path)
        page.get_by_role("button", name=button).click()
        expect(page.locator(".error-summary")).to_contain_text("Please check the form")
        if violations := axe_violations(page):
            found[path] = violations
    assert found == {}


def test_pledge_thank_you_page_has_no_axe_violations(demo, page, quick_hands):
    take_pledge(page, demo.live, name="Amira Khan", email="amira@example.org")

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Thank you for taking the pledge"
    )
    assert axe_violations(page) == []


def test_refusal_pages_have_no_axe_violations(
    demo, page, live_server, settings, quick_hands
):
    """A form sent from another site, and a flood of forms from one address."""
    found = {}
    # A page on another origin (about:blank) posting to ours.
    form_target = live_server.url + demo.live.pledge_submit_url
    page.set_content(
        f'<form method="post" action="{form_target}"><button>Send</button></form>'
    )
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Form not sent")
    found["cross-origin"] = axe_violations(page)

    settings.PUBLIC_FORM_RATE_LIMIT = "1/m"
    page.goto(demo.live.pledge_url)
    for _ in range(2):
        page.get_by_role("button", name="Take the pledge").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Please wait a moment")
    found["too-many-requests"] = axe_violations(page)

    assert {name: found for name, found in found.items() if found} == {}
