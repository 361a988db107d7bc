"""Small inline SVG charts: no JavaScript library, nothing fetched, printable."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from markupsafe import Markup

from careerceo.analysis.wording import clip


def line_chart(
    points: Sequence[tuple[str, float | None]],
    *,
    y_max: float = 100.0,
    width: int = 640,
    height: int = 220,
    label: str = "",
) -> Markup:
    """A trend line; ``None`` values (a missed month) leave a visible gap and a hollow marker."""
    pad_l, pad_r, pad_t, pad_b = 40, 30, 14, 34
    inner_w, inner_h = width - pad_l - pad_r, height - pad_t - pad_b
    n = max(len(points), 1)
    step = inner_w / max(n - 1, 1)

    def xy(i: int, v: float) -> tuple[float, float]:
        return pad_l + i * step, pad_t + inner_h * (1 - min(max(v, 0.0), y_max) / y_max)

    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(label)}" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}">'
    ]
    for frac in (0, 0.25, 0.5, 0.75, 1):
        y = pad_t + inner_h * (1 - frac)
        parts.append(
            f'<line x1="{pad_l}" y1="{y:.1f}" x2="{width - pad_r}" y2="{y:.1f}" stroke="#e3e7ee"/>'
            f'<text x="{pad_l - 6}" y="{y + 4:.1f}" font-size="10" text-anchor="end" '
            f'fill="#5b6475">{y_max * frac:g}</text>'
        )
    # The trend is a line: reviewed months are joined by a dashed line across a missed month,
    # solid where months follow each other, so one review between two gaps is not a lone dot.
    reviewed = [i for i, (_, v) in enumerate(points) if v is not None]
    known = [xy(i, v) for i, (_, v) in enumerate(points) if v is not None]
    gap = bool(reviewed) and len(reviewed) < reviewed[-1] - reviewed[0] + 1
    if len(known) > 1 and gap:
        parts.append(
            '<polyline class="trend-gaps" fill="none" stroke="#1f5fbf" stroke-width="1.5" '
            'stroke-dasharray="4 4" points="'
            + " ".join(f"{x:.1f},{y:.1f}" for x, y in known)
            + '"/>'
        )
    segment: list[str] = []
    for i, (name, value) in enumerate(points):
        x = pad_l + i * step
        parts.append(
            f'<text x="{x:.1f}" y="{height - 12}" font-size="10" text-anchor="middle" '
            f'fill="#5b6475">{escape(name)}</text>'
        )
        if value is None:
            if len(segment) > 1:
                parts.append(_polyline(segment))
            segment = []
            parts.append(
                f'<circle cx="{x:.1f}" cy="{pad_t + inner_h:.1f}" r="4" fill="#fff" '
                f'stroke="#b3261e"><title>{escape(name)}: missing</title></circle>'
            )
            continue
        px, py = xy(i, value)
        segment.append(f"{px:.1f},{py:.1f}")
        parts.append(
            f'<circle cx="{px:.1f}" cy="{py:.1f}" r="4" fill="#1f5fbf">'
            f"<title>{escape(name)}: {value:.0f}</title></circle>"
        )
    if len(segment) > 1:
        parts.append(_polyline(segment))
    parts.append("</svg>")
    return Markup("".join(parts))


def _polyline(points: list[str]) -> str:
    return f'<polyline fill="none" stroke="#1f5fbf" stroke-width="2" points="{" ".join(points)}"/>'


def paired_bars(
    rows: Sequence[tuple[str, float, float]],
    *,
    max_value: float = 1.0,
    names: tuple[str, str] = ("You", "Target"),
    width: int = 640,
) -> Markup:
    """Two bars per row (e.g. your level vs the target occupation's) on one scale.

    Labels that do not fit are shortened with "…"; the full names stay in the tooltips."""
    row_h, label_w, pad, axis_h = 26, 230, 8, 22
    bar_w = width - label_w - 2 * pad
    height = pad * 2 + row_h * len(rows) + 20 + axis_h
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(names[0])} vs {escape(names[1])}" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}">',
        f'<rect x="{label_w}" y="2" width="10" height="10" fill="#1f5fbf"/>'
        f'<text x="{label_w + 14}" y="11" font-size="11">{escape(names[0])}</text>'
        f'<rect x="{label_w + 90}" y="2" width="10" height="10" fill="#b26a00"/>'
        f'<text x="{label_w + 104}" y="11" font-size="11">{escape(clip(names[1], 48))}'
        f"<title>{escape(names[1])}</title></text>",
    ]
    for i, (name, mine, theirs) in enumerate(rows):
        y = 20 + pad + i * row_h
        w1 = bar_w * min(mine / max_value, 1.0) if max_value else 0
        w2 = bar_w * min(theirs / max_value, 1.0) if max_value else 0
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 14}" font-size="11" text-anchor="end">'
            f"{escape(clip(name, 38))}<title>{escape(name)}</title></text>"
            f'<rect x="{label_w}" y="{y + 2}" width="{w1:.1f}" height="9" fill="#1f5fbf">'
            f"<title>{escape(names[0])}: {mine:.2f}</title></rect>"
            f'<rect x="{label_w}" y="{y + 12}" width="{w2:.1f}" height="9" fill="#b26a00">'
            f"<title>{escape(names[1])}: {theirs:.2f}</title></rect>"
        )
    # the numeric scale: gridlines behind the bars and their values under them
    bottom = 20 + pad + len(rows) * row_h
    for n, tick in enumerate(_ticks(max_value)):
        x = label_w + bar_w * tick / max_value if max_value else label_w
        parts.insert(
            1 + n,
            f'<line x1="{x:.1f}" y1="20" x2="{x:.1f}" y2="{bottom}" stroke="#e3e7ee"/>'
            f'<text class="tick" x="{x:.1f}" y="{bottom + 14}" font-size="10" '
            f'text-anchor="middle" fill="#5b6475">{tick:g}</text>',
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _ticks(top: float) -> list[float]:
    """Round values from 0 to ``top`` for an axis: 0-7 by 1, 0-1 by 0.25, 0-100 by 25."""
    if top <= 0:
        return [0.0]
    step = next(s for s in (0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100, 250) if top / s <= 8)
    count = int(top / step + 1e-9)
    return [round(i * step, 6) for i in range(count + 1)]
