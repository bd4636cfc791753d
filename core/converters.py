"""The path converter for a row's id in our URLs: `<id:pk>`."""

# The largest id a row can have: SQLite's INTEGER and PostgreSQL's bigint are 64-bit.
MAX_ID = 2**63 - 1


def is_row_id(text: str) -> bool:
    """Whether `text` is a number a row's id can be: only those may reach a query."""
    return text.isdigit() and int(text) <= MAX_ID


class IdConverter:
    """Like `<int:...>`, but a number beyond any row's id matches no route (a 404)
    instead of reaching the database, which cannot compare it and fails."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        if not is_row_id(value):
            raise ValueError(f"{value} is larger than any id")
        return int(value)

    def to_url(self, value) -> str:
        return str(value)
