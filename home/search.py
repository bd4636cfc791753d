"""Site search: which pages match, and in what order.

Wagtail's database backend orders by relevance by scoring every match before it can
return the first ten: `ts_rank` over each page's whole body on PostgreSQL, a `bm25()`
subquery per page on SQLite. "infant mental health" matches most of the 2,000 blog
posts, so the first page of results cost more with every post written. Instead, pages
with every word of the search in their title come first, the shortest (the closest
match) first, then every other match newest first: orderings of columns each page
already has, which cost next to nothing per match.
"""

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    ExpressionWrapper,
    F,
    IntegerField,
    Q,
    QuerySet,
    When,
)
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast, Length

from wagtail.models import get_page_models
from wagtail.query import PageQuerySet
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from blog.models import Author

# Only the first words of a long search decide whether a title or an author matches.
MAX_WORDS = 8


def in_result_order(pages: PageQuerySet, query: str) -> PageQuerySet:
    """The pages as results of `query` are listed: titles with every word of it
    first, shortest title first; then newest first."""
    words = query.split()[:MAX_WORDS]
    title_has_words = ExpressionWrapper(
        Q(*[Q(title__icontains=word) for word in words]), output_field=BooleanField()
    )
    title_rank = Case(When(title_has_words, then=Length("title")), default=None)
    return pages.order_by(
        title_rank.asc(nulls_last=True),
        F("first_published_at").desc(nulls_last=True),
        F("pk").desc(),
    )


def matching(query: str, pages: PageQuerySet):
    """`pages` that match `query` in Wagtail's search index, in their own order:
    sliced and counted in the database, as a paginator needs."""
    backend = get_search_backend()
    if connection.vendor != "postgresql":
        return backend.search(query, pages, order_by_relevance=False)
    # On PostgreSQL the backend joins its index to the pages on `page.id::varchar =
    # object_id` and filters on `title || body`, a computed vector the planner has
    # no statistics for: it expects one match, not 1,700, and reads every page for
    # each one (a second, whatever the ordering). Filtering the pages by the ids of
    # the matching entries (`object_id` is text) lets it fetch each page by its key.
    # The backend's match: every word, stemmed by the same text search configuration
    # (where PostgreSQL's parser also keeps "parent-infant" whole). The entries are
    # still read in full, once to count and once for the page shown, until a GIN
    # index on `title || body`, which Wagtail's migrations do not create, makes
    # each a lookup.
    page_types = ContentType.objects.get_for_models(
        *get_page_models(), for_concrete_models=False
    ).values()
    entries = (
        IndexEntry.objects.filter(content_type__in=page_types)
        .alias(
            vector=CombinedExpression(
                F("title"), "||", F("body"), output_field=SearchVectorField()
            )
        )
        .filter(vector=SearchQuery(query, config=backend.config))
    )
    return pages.filter(
        pk__in=entries.values(page_id=Cast("object_id", IntegerField()))
    )


def authors_matching(query: str) -> QuerySet[Author]:
    """Authors with every word of `query` in their name or organisation, A to Z.

    Read from the authors' own table, not the search index: for a model with few
    matches SQLite checks its full-text index once for every author indexed, a cost
    that grows with the authors, where a few hundred short names are read at once.
    """
    words = query.split()[:MAX_WORDS]
    return Author.objects.filter(
        *[Q(name__icontains=word) | Q(organisation__icontains=word) for word in words]
    )
