"""The one error type a user can cause.

Shells turn it into what their user understands: the CLI prints the message and exits with 2,
the API answers 4xx with a JSON detail, a web form shows the message next to its field.
Anything else that escapes is a bug, not a user error. The message is worded for both shells;
what to do next, when there is one step, is an ``action`` that each shell names its own way
(the CLI as a command, the web as a link), never a command or an address in the message.
"""

from __future__ import annotations

from careerceo.actions import Action


class CareerError(Exception):
    """A problem the user can fix; ``message`` says what is wrong and what to do."""

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        status: int = 422,
        action: Action | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.status = status
        self.action = action

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


class NotFoundError(CareerError):
    """Something the user named does not exist (for them)."""

    def __init__(
        self, message: str, *, field: str | None = None, action: Action | None = None
    ) -> None:
        super().__init__(message, field=field, status=404, action=action)


def unknown_id(what: str, ident: object, *, field: str, listed_by: Action) -> NotFoundError:
    """The same words for any record a person named by a wrong id: which one, and the list that
    shows the right ids. Another person's id reads the same as a missing one."""
    return NotFoundError(
        f"there is no {what} #{ident}; the list shows the ids", field=field, action=listed_by
    )
