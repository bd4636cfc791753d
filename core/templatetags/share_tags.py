"""Share links for a page, with its campaign's hashtags: plain links, no third-party
scripts or trackers."""

from urllib.parse import quote, urlencode

from django import template

register = template.Library()


def share_links(title: str, url: str, hashtags: list[str]) -> list[tuple[str, str]]:
    """(network, link) pairs; every value is URL-encoded."""
    tags = " ".join(f"#{tag}" for tag in hashtags)
    text = f"{title} {tags}".strip()
    body = f"{text}\n\n{url}"
    return [
        (
            "X",
            "https://x.com/intent/post?"
            + urlencode({"text": title, "url": url, "hashtags": ",".join(hashtags)}),
        ),
        (
            "Bluesky",
            "https://bsky.app/intent/compose?" + urlencode({"text": f"{text} {url}"}),
        ),
        (
            "Facebook",
            "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        ),
        (
            "LinkedIn",
            "https://www.linkedin.com/sharing/share-offsite/?"
            + urlencode({"url": url}),
        ),
        ("WhatsApp", "https://wa.me/?" + urlencode({"text": f"{text} {url}"})),
        ("Email", f"mailto:?subject={quote(title)}&body={quote(body)}"),
    ]


@register.inclusion_tag("components/share_bar.html", takes_context=True)
def share_bar(context, page):
    request = context["request"]
    hashtags = [tag.text for tag in getattr(page, "get_share_hashtags", list)()]
    url = page.get_full_url(request)
    return {
        "title": page.title,
        "url": url,
        "links": share_links(page.title, url, hashtags),
        "hashtags": hashtags,
    }
