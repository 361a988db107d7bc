"""The readable text of an e-mail the person saved (``.eml``), for the stage suggestion."""

from __future__ import annotations

import re
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

from careerceo.errors import CareerError

MAX_EML_BYTES = 5 * 1024 * 1024
_TAG = re.compile(r"<[^>]+>")


def eml_text(content: bytes) -> tuple[str, str]:
    """(subject, body text) of a message; HTML-only messages are reduced to their text."""
    if len(content) > MAX_EML_BYTES:
        raise CareerError("the .eml file is larger than 5 MB", field="file")
    message = BytesParser(policy=policy.default).parsebytes(content)
    if not isinstance(message, EmailMessage) or not (message.keys() or message.get_payload()):
        raise CareerError(
            "this is not an e-mail message (.eml); save the e-mail again", field="file"
        )
    subject = str(message.get("subject", ""))
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return subject, ""
    try:
        text = str(part.get_content())
    except (LookupError, UnicodeDecodeError):
        raise CareerError(
            "the e-mail's text is in an encoding that cannot be read", field="file"
        ) from None
    if part.get_content_subtype() == "html":
        text = _TAG.sub(" ", text)
    return subject, text
