"""Admin for the campaign snippets: hashtags, resources and media appearances."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Hashtag, MediaAppearance, Resource


class HashtagViewSet(SnippetViewSet):
    model = Hashtag
    icon = "tag"
    menu_label = "Hashtags"
    list_display = ["__str__"]
    search_fields = ["text"]


class ResourceViewSet(SnippetViewSet):
    model = Resource
    icon = "download"
    menu_label = "Resources"
    list_display = ["title", "kind", "file_description"]
    list_filter = ["kind", "tags"]
    search_fields = ["title", "description"]


class MediaAppearanceViewSet(SnippetViewSet):
    model = MediaAppearance
    icon = "media"
    menu_label = "Podcasts and media"
    list_display = ["title", "outlet", "kind", "date"]
    list_filter = ["kind", "date"]
    search_fields = ["title", "outlet", "people"]


class CampaignSnippetsGroup(SnippetViewSetGroup):
    menu_label = "Campaign library"
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (HashtagViewSet, ResourceViewSet, MediaAppearanceViewSet)


register_snippet(CampaignSnippetsGroup)
