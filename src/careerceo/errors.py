"""The one error type a user can cause.

Shells turn it into what their user understands: the CLI prints the message and exits with 2,
the API answers 4xx with a JSON detail, a web form shows the message next to its field.
Anything else that escapes is a bug, not a user error.
"""

from __future__ import annotations


class CareerError(Exception):
    """A problem the user can fix; ``message`` says what is wrong and what to do."""

    def __init__(self, message: str, *, field: str | None = None, status: int = 422) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.status = status

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


class NotFoundError(CareerError):
    """Something the user named does not exist (for them)."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message, field=field, status=404)
