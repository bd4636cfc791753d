"""The admin form every page type's editor is built on."""

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.forms import BoundField

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import CollectionMember, Page
from wagtail.permissions import policy_registry

from .converters import is_row_id
from .permissions import is_editor


def chosen_objects(form_field, model_field, value) -> set[tuple[type, str]]:
    """(model, id) of each object a field's value points to: a chooser's choice, or a
    page, image or document linked from rich text or a StreamField's blocks."""
    if isinstance(form_field, forms.ModelChoiceField):
        values = (
            value if isinstance(form_field, forms.ModelMultipleChoiceField) else [value]
        )
        found = {
            (form_field.queryset.model, getattr(item, "pk", item))
            for item in values or ()
            if item
        }
    elif hasattr(model_field, "extract_references") and value is not None:
        # RichTextField and StreamField
        found = {
            (model, object_id)
            for model, object_id, *_ in model_field.extract_references(value)
        }
    else:
        return set()
    return {(model, str(object_id)) for model, object_id in found}


def exists(queryset, object_id: str) -> bool:
    # An id from rich text is any text the editor sent: only a row's id may reach
    # the database, which cannot compare the others.
    return is_row_id(object_id) and queryset.filter(pk=object_id).exists()


class RefusableBoundField(BoundField):
    """A field whose new choice was refused is shown as last saved: shown as sent,
    its chooser would name the refused page or image, a rich-text link its page's
    address."""

    def value(self):
        if self.name in self.form.refused:
            return self.field.prepare_value(self.initial)
        return super().value()


class PageForm(WagtailAdminPageForm):
    """A page points only to pages, images and documents its editor may choose.

    Wagtail's choosers list only those, but the form takes any id it is sent: a guest
    author could put a picture from a collection that is not theirs in a post, or
    choose an unannounced week and read its title in the chooser. One already in the
    page stays, so a guest can still save a post an editor added it to.
    """

    bound_field_class = RefusableBoundField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.refused = set()

    def clean(self):
        cleaned_data = super().clean()
        for name, field in self.fields.items():
            if name not in cleaned_data:
                continue
            try:
                model_field = self._meta.model._meta.get_field(name)
            except FieldDoesNotExist:
                model_field = None
            initial = self.get_initial_for_field(field, name)
            chosen = chosen_objects(field, model_field, cleaned_data[name])
            for model, object_id in chosen - chosen_objects(
                field, model_field, initial
            ):
                error = self.refusal(model, object_id)
                if error:
                    self.add_error(name, error)
                    self.refused.add(name)
        return cleaned_data

    def refusal(self, model, object_id: str) -> str | None:
        """Why this page's editor may not choose that object, if they may not."""
        if issubclass(model, Page):
            if is_editor(self.for_user) or exists(Page.objects.live(), object_id):
                return None
            return (
                "That page is not published yet: you may choose only a page that "
                "visitors can see. This field is back as it was last saved."
            )
        if issubclass(model, CollectionMember):
            choosable = policy_registry.get_by_type(model)
            if exists(
                choosable.instances_user_has_permission_for(self.for_user, "choose"),
                object_id,
            ):
                return None
            return (
                f"You may not choose that {model._meta.verbose_name}: it is in a "
                "collection you cannot use. This field is back as it was last saved."
            )
        return None
