"""The admin form every page type's editor is built on."""

from django import forms

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks.base import BlockField
from wagtail.models import CollectionMember
from wagtail.permissions import policy_registry


def collection_members(field, value) -> set[tuple[type, str]]:
    """(model, id) of each image or document a field's value points to: a chooser's
    choice, or a block of a StreamField."""
    if isinstance(field, forms.ModelChoiceField):
        found = (
            {(field.queryset.model, getattr(value, "pk", value))} if value else set()
        )
    elif isinstance(field, BlockField) and value is not None:
        found = {
            (model, object_id)
            for model, object_id, *_ in field.block.extract_references(value)
        }
    else:
        return set()
    return {
        (model, str(object_id))
        for model, object_id in found
        if issubclass(model, CollectionMember)
    }


class PageForm(WagtailAdminPageForm):
    """A page takes only images and documents its editor may choose.

    Wagtail's choosers list only those, but the form takes any id it is sent: a guest
    author could put a picture from a collection that is not theirs in a post. One
    already in the page stays, so a guest can still save a post an editor added it to.
    """

    def clean(self):
        cleaned_data = super().clean()
        for name, field in self.fields.items():
            if name not in cleaned_data:
                continue
            initial = self.get_initial_for_field(field, name)
            chosen = collection_members(field, cleaned_data[name])
            for model, object_id in chosen - collection_members(field, initial):
                choosable = policy_registry.get_by_type(model)
                if (
                    not choosable.instances_user_has_permission_for(
                        self.for_user, "choose"
                    )
                    .filter(pk=object_id)
                    .exists()
                ):
                    self.add_error(
                        name,
                        f"You may not choose that {model._meta.verbose_name}: it is "
                        "in a collection you cannot use. Choose another.",
                    )
        return cleaned_data
