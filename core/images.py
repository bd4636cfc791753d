"""Pictures in listings: joined to what shows them, their renditions in one query."""

from django.db.models import Prefetch

from wagtail.images import get_image_model


def renditions(image: str, *filter_specs: str) -> Prefetch:
    """Prefetch the renditions of the image at `image` (a lookup such as "hero_image"
    or "resource__thumbnail", fetched with `select_related`), or only those of the
    given filter specs, as Wagtail's `prefetch_renditions()` does for an image query.

    One query for every picture in the listing, where `prefetch_related(Prefetch(
    image, queryset=images.prefetch_renditions()))` takes two: one for the images and
    one for their renditions.
    """
    rendition_model = get_image_model().get_rendition_model()
    queryset = rendition_model.objects.all()
    if filter_specs:
        queryset = queryset.filter(filter_spec__in=filter_specs)
    return Prefetch(
        f"{image}__renditions", queryset=queryset, to_attr="prefetched_renditions"
    )
