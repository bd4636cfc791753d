"""The read-only headless API (Wagtail API v2) at /api/v2/: pages, images, documents.

Only live, public pages are served; drafts and private pages never appear. Only JSON,
as REST_FRAMEWORK says. A parameter Wagtail would hand on to a query or a search the
database cannot run is answered with a 400 and a message, as the README promises.
"""

import unicodedata

from django.core.exceptions import FieldDoesNotExist, ValidationError

from wagtail.api.v2 import filters
from wagtail.api.v2 import views as page_views
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.documents.api.v2 import views as document_views
from wagtail.images.api.fields import ImageRenditionField
from wagtail.images.api.v2 import serializers as image_serializers
from wagtail.images.api.v2 import views as image_views

from rest_framework.settings import api_settings

from .converters import MAX_ID

DOWNLOAD_RENDITION = "max-2000x2000"
# Each word of a search is a clause of the query: a few hundred words overflow the
# search backend's recursion.
MAX_SEARCH_LENGTH = 200
SEARCH_OPERATORS = {"and", "or"}


def beyond_64_bits(value: str) -> bool:
    try:
        return abs(int(value)) > MAX_ID
    except ValueError:
        return False  # Not a number: Wagtail's own message follows.


def has_control_characters(text: str) -> bool:
    """NUL, which PostgreSQL cannot take in text, and the other control characters,
    which no search or name of ours holds."""
    return any(unicodedata.category(char) == "Cc" for char in text)


class FieldsFilter(filters.FieldsFilter):
    """Wagtail's field filters (`?start=2021-06-08`), a value the field cannot take a
    400: Wagtail converts booleans and integers itself and hands any other value,
    dates and times among them, to the query, which refused it with a 500. So did
    SQLite a related row's id (`?hero_image=`) beyond 64 bits."""

    def filter_queryset(self, request, queryset, view):
        for name, value in request.GET.items():
            try:
                field = queryset.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if field.many_to_one and beyond_64_bits(value):
                raise BadRequestError(f"{name} must be an id, at most {MAX_ID}")
        try:
            return super().filter_queryset(request, queryset, view)
        except ValidationError as error:
            message = " ".join(error.messages)
            raise BadRequestError(f"field filter error. {message}") from error


class SearchFilter(filters.SearchFilter):
    """Wagtail's full-text search (`?search=`), refusing what the search backends
    cannot run: a double quote (SQLite's does not escape it in its query) or nothing
    but blanks (it builds no query), thousands of words, an unknown operator."""

    def filter_queryset(self, request, queryset, view):
        if "search" in request.GET:
            search = request.GET["search"]
            operator = request.GET.get("search_operator") or "and"
            if not search.strip():
                raise BadRequestError("search must contain a word")
            if len(search) > MAX_SEARCH_LENGTH:
                raise BadRequestError(
                    f"search cannot be longer than {MAX_SEARCH_LENGTH} characters"
                )
            if '"' in search:
                raise BadRequestError(
                    "search cannot contain double quotes: there is no phrase search"
                )
            if operator.lower() not in SEARCH_OPERATORS:
                raise BadRequestError("search_operator must be 'and' or 'or'")
        return super().filter_queryset(request, queryset, view)


def checked(filter_backends: list) -> list:
    """Wagtail's filters of an endpoint, with ours in place of those they check."""
    ours = {filters.FieldsFilter: FieldsFilter, filters.SearchFilter: SearchFilter}
    return [ours.get(backend, backend) for backend in filter_backends]


class Pagination(WagtailPagination):
    """Wagtail's `offset` and `limit`, an offset beyond 64 bits a 400: the database
    cannot hold it."""

    def paginate_queryset(self, queryset, request, view=None):
        try:
            offset = int(request.GET.get("offset", 0))
        except ValueError:
            offset = 0  # Wagtail's own message follows.
        if offset > MAX_ID:
            raise BadRequestError(f"offset cannot be higher than {MAX_ID}")
        return super().paginate_queryset(queryset, request, view)


class CheckedParameters:
    """What our endpoints add to Wagtail's: JSON only, no control characters in any
    parameter, an offset within 64 bits, and `find` by an id that is a number."""

    renderer_classes = api_settings.DEFAULT_RENDERER_CLASSES
    pagination_class = Pagination

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name, values in request.GET.lists():
            if any(has_control_characters(text) for text in [name, *values]):
                raise BadRequestError(
                    "query parameters cannot contain control characters"
                )

    def find_object(self, queryset, request):
        if "id" in request.GET:
            try:
                int(request.GET["id"])
            except ValueError as error:
                raise BadRequestError("id must be an integer") from error
        return super().find_object(queryset, request)


class PagesAPIViewSet(CheckedParameters, page_views.PagesAPIViewSet):
    """Wagtail's pages endpoint, its parameters checked."""

    filter_backends = checked(page_views.PagesAPIViewSet.filter_backends)


class DocumentsAPIViewSet(CheckedParameters, document_views.DocumentsAPIViewSet):
    """Wagtail's documents endpoint, its parameters checked."""

    filter_backends = checked(document_views.DocumentsAPIViewSet.filter_backends)


class RenditionURLField(ImageRenditionField):
    """The address of a rendition, as a string like the `download_url` it replaces."""

    def to_representation(self, image):
        return super().to_representation(image).get("url")


class ImageSerializer(image_serializers.ImageSerializer):
    # Original uploads are never served (README, Security): a rendition instead.
    download_url = RenditionURLField(DOWNLOAD_RENDITION, source="*", read_only=True)


class ImagesAPIViewSet(CheckedParameters, image_views.ImagesAPIViewSet):
    """Wagtail's images endpoint, its parameters checked and its `download_url` a
    rendition's."""

    base_serializer_class = ImageSerializer
    filter_backends = checked(image_views.ImagesAPIViewSet.filter_backends)

    def get_queryset(self):
        return super().get_queryset().prefetch_renditions(DOWNLOAD_RENDITION)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
