"""A guest author's post goes through review in the real admin to the public site."""

import io
import re

from django.core import mail

import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from blog.models import BlogPostPage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "Listening to babies on home visits"


def log_in(page: Page, username: str, password: str) -> None:
    page.goto("/admin/login/")
    page.get_by_role("textbox", name="Username").fill(username)
    page.get_by_role("textbox", name="Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Site summary")).to_be_visible()


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 630), (11, 110, 110)).save(buffer, "PNG")
    return buffer.getvalue()


def write_draft(page: Page, blog_pk: int, campaign_title: str) -> None:
    """Everything a guest author fills in for a post, through the admin's widgets."""
    page.goto(f"/admin/pages/{blog_pk}/add_subpage/")
    page.get_by_role("textbox", name="Title*").fill(TITLE)

    page.get_by_role("button", name="Add author").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("checkbox", name="Demo Guest Author").check()
    dialog.get_by_role("button", name="Confirm selection").click()
    expect(dialog).to_be_hidden()

    page.get_by_role("textbox", name="Intro*").fill(
        "What a week of home visits taught me about including infants."
    )

    page.get_by_role("button", name="Choose an image").click()
    dialog.get_by_role("tab", name="Upload").click()
    dialog.locator("input[type=file]").set_input_files(
        files=[{"name": "home-visit.png", "mimeType": "image/png", "buffer": png()}]
    )
    dialog.get_by_role("textbox", name="Title*").fill("A home visit")
    dialog.get_by_role("button", name="Upload").click()
    expect(dialog).to_be_hidden()

    page.get_by_role("button", name="Insert a block").click()
    page.get_by_role("option", name="Paragraph").click()
    page.locator(".Draftail-Editor [contenteditable=true]").first.click()
    page.keyboard.type("Every visit began with the baby.")

    page.get_by_role("region", name="Tags").get_by_role("textbox").fill("home visits")
    page.keyboard.press("Enter")

    page.get_by_role("button", name="Choose a page (Campaign)").click()
    dialog.get_by_role("link", name=campaign_title).click()
    expect(dialog).to_be_hidden()

    # As the guest sees "Saved": the admin's autosave has created the page and turned
    # the form into its edit form. Saving while that first autosave is on its way
    # would post the create form a second time, and fail on the slug it just took.
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    expect(page.locator("#w-autosave-indicator")).to_have_attribute(
        "data-w-autosave-state-value", "saved"
    )
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text(
        f"Page '{TITLE}' has been updated"
    )


def footer_action(page: Page, name: str) -> None:
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("navigation", name="Actions (footer)").get_by_role(
        "button", name=name, exact=True
    ).click()


def request_changes(page: Page, comment: str) -> None:
    footer_action(page, "Request changes")
    page.get_by_role("dialog").get_by_role("textbox").fill(comment)
    page.get_by_role("dialog").get_by_role("button", name="Request changes").click()
    expect(page.locator(".messages")).to_contain_text(f"Page '{TITLE}'")


def read_the_review(page: Page) -> str:
    """What a guest author sees of the editor's review on the post's edit view."""
    page.get_by_role("button", name="Toggle status").click()
    status = page.locator("[data-side-panel=status]")
    expect(status).to_contain_text("Changes requested")
    status.get_by_text("View details").click()
    review = page.get_by_role("dialog").inner_text()
    page.get_by_role("dialog").get_by_role("button", name="Close").click()
    return review


def test_guest_post_goes_through_review_onto_the_blog_campaign_page_and_feed(
    demo, new_page, settings
):
    settings.PAGE_CACHE_SECONDS = 60
    public = {"blog": "/blog/", "campaign": demo.live.url, "feed": "/blog/feed/rss/"}
    visitor = new_page()
    # A visitor reads them first, so the page cache holds them during the review.
    for path in public.values():
        visitor.goto(path)
        assert visitor.goto(path).headers.get("x-cache") == "HIT", path

    guest = new_page()
    log_in(guest, "guest", "imhaw-guest-demo")
    write_draft(guest, demo.blog.pk, demo.live.title)
    footer_action(guest, "Submit to Blog post review")
    expect(guest.locator(".messages")).to_contain_text("submitted for moderation")

    editor = new_page()
    log_in(editor, "editor", "imhaw-editor-demo")
    editor.get_by_role("link", name=TITLE).first.click()  # Awaiting your review
    request_changes(editor, "Please say which area you work in.")

    assert any(
        "Please say which area you work in." in message.body
        for message in mail.outbox
        if message.to == ["guest@example.org"]
    )
    post = BlogPostPage.objects.get(title=TITLE)
    guest.goto(f"/admin/pages/{post.pk}/edit/")
    assert "Please say which area you work in." in read_the_review(guest)
    guest.get_by_role("textbox", name="Intro*").fill(
        "What a week of home visits in Leeds taught me about including infants."
    )
    footer_action(guest, "Resubmit to Editors approve blog posts")
    expect(guest.locator(".messages")).to_contain_text("submitted for moderation")
    for path in public.values():
        assert TITLE not in visitor.goto(path).text(), path

    editor.goto(f"/admin/pages/{post.pk}/edit/")
    footer_action(editor, "Approve and Publish")
    expect(editor.locator(".messages")).to_contain_text(f"Page '{TITLE}'")

    for name, path in public.items():
        assert TITLE in visitor.goto(path).text(), name
    visitor.goto("/blog/")
    card_image = visitor.locator(".post-card", has_text=TITLE).locator("img")
    expect(card_image).to_have_js_property("complete", True)
    assert card_image.evaluate("image => image.naturalWidth") > 0
    visitor.get_by_role("link", name=TITLE).click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(visitor.locator(".lead")).to_contain_text("home visits in Leeds")
    expect(visitor.locator(".post__body")).to_contain_text(
        "Every visit began with the baby."
    )
