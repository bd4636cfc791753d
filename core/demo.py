"""What every app's demo content is built with: pages brought to the demo's values.

Idempotent: a page is created when missing and published anew only when a field
differs from the demo's value, so loading the demo twice leaves the same site.
"""

import json

from wagtail.fields import StreamField
from wagtail.models import Page


def _comparable(page: Page, name: str):
    """A field's stored form, without what differs on every run (ids, block ids)."""
    field = page._meta.get_field(name)
    if field.one_to_many:  # A child relation, e.g. a campaign's ordered hashtags.
        skip = {"id", "sort_order", field.field.attname}
        return [
            {
                f.attname: getattr(child, f.attname)
                for f in child._meta.concrete_fields
                if f.attname not in skip
            }
            for child in getattr(page, name).all()
        ]
    value = field.get_prep_value(getattr(page, field.attname))
    if isinstance(field, StreamField):
        return _without_ids(json.loads(value) if isinstance(value, str) else value)
    return value


def _without_ids(data):
    """StreamField data with every block id removed, however deep (list items too)."""
    if isinstance(data, dict):
        return {key: _without_ids(val) for key, val in data.items() if key != "id"}
    if isinstance(data, list):
        return [_without_ids(item) for item in data]
    return data


def ensure_page(parent: Page, model: type[Page], slug: str, **fields) -> Page:
    """The live child of `parent` with this slug, created or updated to `fields`."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page
    before = {name: _comparable(page, name) for name in fields}
    for name, value in fields.items():
        setattr(page, name, value)
    after = {name: _comparable(page, name) for name in fields}
    if before != after or not page.live or page.has_unpublished_changes:
        page.save_revision().publish()
    return page
