"""What our overrides of Wagtail's admin templates need to know of the user."""

from django import template

from core.permissions import is_editor

register = template.Library()


@register.filter
def may_publish(user) -> bool:
    """True for editors, who publish and so may see every page's title."""
    return is_editor(user)
