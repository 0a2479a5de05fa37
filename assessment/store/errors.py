"""What the store cannot do, said once for every feature's tables."""


class StoreError(RuntimeError):
    """Anything the store cannot do."""


class StoreUnavailable(StoreError):
    """The database server cannot be reached: nothing was saved; trying again later may work."""

    def __init__(self) -> None:
        super().__init__("The database cannot be reached right now; nothing was saved.")


class SchemaVersionError(StoreError):
    """The database was written by a newer version of this code."""


class LinkError(StoreError):
    """A link that does not open an assessment."""


class UnknownLink(LinkError):
    def __init__(self) -> None:
        super().__init__("This link does not match any assessment.")


class ExpiredLink(LinkError):
    def __init__(self, days: int) -> None:
        super().__init__(f"This link has expired: untouched for over {days} days, it was deleted.")
