"""A QR code as inline SVG (segno, pure Python): drawn on this machine, so the enrolment secret
of a second factor never goes to a QR service."""

from __future__ import annotations

import io

import segno


def svg(text: str, scale: int = 4) -> str:
    """An ``<svg>`` element (no XML declaration) to place in a page as it is."""
    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="svg", scale=scale, xmldecl=False, svgns=True)
    return out.getvalue().decode("utf-8")


def terminal(text: str) -> str:
    """The code drawn with block characters, for ``career account 2fa enable``."""
    out = io.StringIO()
    segno.make(text, error="m").terminal(out=out, compact=True)
    return out.getvalue()
