from urllib.parse import parse_qs, urlsplit

import pytest

from core.templatetags.share_tags import share_links


def links_on(client, url: str) -> dict[str, str]:
    import re

    content = client.get(url).content.decode()
    bar = content[content.index('class="share-bar"') :]
    found = re.findall(
        r'<a href="([^"]+)"\s+rel="noopener"\s+target="_blank">(\w+)', bar
    )
    return {network: href.replace("&amp;", "&") for href, network in found}


@pytest.fixture
def published(campaign):
    campaign.save_revision().publish()
    return campaign


def test_campaign_share_links_carry_its_hashtags(client, published):
    links = links_on(client, "/campaigns/2021/")
    assert set(links) == {"X", "Bluesky", "Facebook", "LinkedIn", "WhatsApp", "Email"}
    x = parse_qs(urlsplit(links["X"]).query)
    assert x["hashtags"] == ["IMHAW21,IncludingInfants"]
    assert x["url"] == ["http://localhost/campaigns/2021/"]
    bluesky = parse_qs(urlsplit(links["Bluesky"]).query)["text"][0]
    assert "#IMHAW21 #IncludingInfants" in bluesky
    assert "http://localhost/campaigns/2021/" in bluesky


def test_event_share_links_carry_the_campaign_hashtags(client, published):
    links = links_on(client, "/campaigns/2021/appg/")
    whatsapp = parse_qs(urlsplit(links["WhatsApp"]).query)["text"][0]
    assert whatsapp.startswith("APPG for Conception to Age Two #IMHAW21")
    assert links["Email"].startswith("mailto:?subject=APPG%20for%20Conception")


def test_share_links_are_url_encoded():
    links = dict(
        share_links("Babies & you?", "https://example.org/a b/?x=1&y=2", ["A"])
    )
    for link in links.values():
        assert " " not in link
        assert "Babies & you" not in link
    facebook = parse_qs(urlsplit(links["Facebook"]).query)
    assert facebook["u"] == ["https://example.org/a b/?x=1&y=2"]


def test_share_bar_loads_no_third_party_script(client, published):
    content = client.get("/campaigns/2021/").content.decode()
    assert '<script src="/static/js/share.js" defer></script>' in content
    assert "connect.facebook" not in content
    assert "platform.twitter" not in content
