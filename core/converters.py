"""The path converter for a row's id in our URLs: `<id:pk>`."""

# The largest id a row can have: SQLite's INTEGER and PostgreSQL's bigint are 64-bit.
MAX_ID = 2**63 - 1


class IdConverter:
    """Like `<int:...>`, but a number beyond any row's id matches no route (a 404)
    instead of reaching the database, which cannot compare it and fails."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > MAX_ID:
            raise ValueError(f"{value} is larger than any id")
        return number

    def to_url(self, value) -> str:
        return str(value)
