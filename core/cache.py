"""Django's database cache, with increments that count every call at once."""

from django.core.cache.backends import db
from django.db import connections, router, transaction


class DatabaseCache(db.DatabaseCache):
    """Django's database cache, whose `incr` counts every call however many processes
    make it at the same moment, as django-ratelimit needs of the cache it counts in.

    Django's own reads the count, then writes it plus one: two processes that read
    before either writes both write the same count. Thirty posts at once from one
    address counted as two, and the rate limit let them all through. Here the
    increment starts by writing to the row, which holds it (PostgreSQL) or the
    database (SQLite) until the new count is written, so the others wait their turn.
    """

    def incr(self, key, delta=1, version=None):
        alias = router.db_for_write(self.cache_model_class)
        connection = connections[alias]
        table = connection.ops.quote_name(self.cache_model_class._meta.db_table)
        with transaction.atomic(using=alias), connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET expires = expires WHERE cache_key = %s",  # noqa: S608
                [self.make_and_validate_key(key, version=version)],
            )
            return super().incr(key, delta, version)
