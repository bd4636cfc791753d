"""`{% remembered %}`: a piece of a page kept until the content changes.

    {% remembered "post-card" post.pk blog_url %} ... {% endremembered %}

renders its contents once for each value of what follows the name, and keeps the HTML
in the content cache (home/content_cache.py) until the next publish or change of
anything pages show, as Django's `{% cache %}` does for a fixed time. For pieces that
show published content only, such as a listing's cards: never around a form, the
pledge count or anything else per visitor or live. The host is part of the key, for
the links; previews always render afresh.
"""

import hashlib

from django import template

from ..content_cache import remember

register = template.Library()


class RememberedNode(template.Node):
    def __init__(self, nodelist, name: str, vary_on: list):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        # A RequestContext keeps its request in an include's `only` context too.
        request = getattr(context, "request", None)
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        values = [request.get_host(), *(str(v.resolve(context)) for v in self.vary_on)]
        digest = hashlib.sha256("\n".join(values).encode()).hexdigest()
        return remember(
            f"fragment:{self.name}:{digest}", lambda: self.nodelist.render(context)
        )


@register.tag
def remembered(parser, token):
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(
            f"'{bits[0]}' takes a quoted name, then what the piece varies on."
        )
    nodelist = parser.parse(("endremembered",))
    parser.delete_first_token()
    return RememberedNode(
        nodelist, bits[1][1:-1], [parser.compile_filter(bit) for bit in bits[2:]]
    )
