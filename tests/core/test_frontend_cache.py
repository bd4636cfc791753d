"""A CDN in front of the app servers is told to drop a page when it is published."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest


class PurgeRecorder(BaseHTTPRequestHandler):
    """A stand-in for a caching proxy that takes HTTP PURGE requests."""

    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.server.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, format, *args):
        pass


@pytest.fixture
def proxy(settings):
    server = HTTPServer(("127.0.0.1", 0), PurgeRecorder)
    server.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield server
    server.shutdown()
    server.server_close()


def test_publishing_a_campaign_purges_its_pages_from_the_cdn(proxy, campaign, site):
    campaign.theme_title = "Understanding Babies"
    campaign.save_revision().publish()
    paths = {path for _, path in proxy.purged}
    assert {"/campaigns/2021/", "/campaigns/2021/events/"} <= paths
    assert {host for host, _ in proxy.purged} == {site.hostname}


def test_unpublishing_an_event_purges_it(proxy, campaign, site):
    event = campaign.get_children().get(slug="appg").specific
    event.unpublish()
    assert (site.hostname, "/campaigns/2021/appg/") in proxy.purged
