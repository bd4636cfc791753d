"""The read-only headless API (Wagtail API v2) at /api/v2/: pages, images, documents.

Only live, public pages are served; drafts and private pages never appear.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.fields import ImageRenditionField
from wagtail.images.api.v2 import serializers as image_serializers
from wagtail.images.api.v2 import views as image_views

DOWNLOAD_RENDITION = "max-2000x2000"


class RenditionURLField(ImageRenditionField):
    """The address of a rendition, as a string like the `download_url` it replaces."""

    def to_representation(self, image):
        return super().to_representation(image).get("url")


class ImageSerializer(image_serializers.ImageSerializer):
    # Original uploads are never served (README, Security): a rendition instead.
    download_url = RenditionURLField(DOWNLOAD_RENDITION, source="*", read_only=True)


class ImagesAPIViewSet(image_views.ImagesAPIViewSet):
    """Wagtail's images endpoint, its `download_url` a rendition's."""

    base_serializer_class = ImageSerializer

    def get_queryset(self):
        return super().get_queryset().prefetch_renditions(DOWNLOAD_RENDITION)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
