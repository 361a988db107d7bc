"""Sankey layout of a path analysis: columns of roles (three steps before, two, one, the
target) joined by bands as wide as the number of people who made that move.

Pure geometry: rectangles and SVG path strings, drawn server-side by the page (no script, so
it renders offline and under a ``script-src 'self'`` policy). A column keeps its largest roles
and sums the rest into "Other roles" so the graph stays readable.
"""

from __future__ import annotations

from dataclasses import dataclass

from careerceo.model.paths import FlowRow, StepRow

WIDTH = 960
HEIGHT = 420
NODE_WIDTH = 14
GAP = 10
TOP = 24
PER_COLUMN = 6
OTHER = "Other roles"


@dataclass(frozen=True)
class Node:
    column: int  # 0 = the earliest step shown; the last column is the target
    label: str
    people: int
    x: float
    y: float
    height: float
    ids: tuple[int, ...] = ()  # positions behind the node, for correcting their occupation


@dataclass(frozen=True)
class Band:
    source: str
    target: str
    people: int
    d: str  # SVG path of the band's centre line
    width: float


@dataclass(frozen=True)
class Graph:
    width: int
    height: int
    nodes: tuple[Node, ...]
    bands: tuple[Band, ...]
    headings: tuple[tuple[float, str], ...]  # x, column heading


def _kept(rows: list[StepRow]) -> dict[str, tuple[int, tuple[int, ...]]]:
    ranked = sorted(rows, key=lambda r: (-r.people, r.title))
    kept = {r.title: (r.people, tuple(r.position_ids)) for r in ranked[:PER_COLUMN]}
    rest = ranked[PER_COLUMN:]
    if rest:
        ids = tuple(i for r in rest for i in r.position_ids)[:50]
        kept[OTHER] = (sum(r.people for r in rest), ids)
    return kept


def layout(
    steps_before: list[StepRow],
    flows: list[FlowRow],
    people: int,
    target: str,
    target_ids: list[int] | None = None,
) -> Graph | None:
    """The graph, or None when nobody reached the target (nothing to draw)."""
    if people <= 0:
        return None
    deepest = max((r.step for r in steps_before), default=0)
    columns: list[tuple[str, dict[str, tuple[int, tuple[int, ...]]]]] = []
    for step in range(deepest, 0, -1):
        rows = [r for r in steps_before if r.step == step]
        columns.append((f"{step} step{'s' if step > 1 else ''} before", _kept(rows)))
    columns.append(("Target", {target: (people, tuple(target_ids or ()))}))
    span = max(sum(n for n, _ids in c.values()) for _h, c in columns)
    most_nodes = max(len(c) for _h, c in columns)
    scale = (HEIGHT - TOP - GAP * (most_nodes - 1) - 8) / span
    step_x = (WIDTH - 220 - NODE_WIDTH) / max(len(columns) - 1, 1)
    nodes: dict[tuple[int, str], Node] = {}
    headings: list[tuple[float, str]] = []
    for index, (heading, counts) in enumerate(columns):
        x = 10 + index * step_x if len(columns) > 1 else (WIDTH - NODE_WIDTH) / 2
        headings.append((x, heading))
        y = float(TOP)
        for label, (n, ids) in counts.items():
            height = max(n * scale, 2.0)
            nodes[(index, label)] = Node(index, label, n, x, y, height, ids)
            y += height + GAP
    # Bands leave a node from its top down and enter the next one the same way.
    out_offset: dict[tuple[int, str], float] = {}
    in_offset: dict[tuple[int, str], float] = {}
    bands: list[Band] = []
    last = len(columns) - 1
    for flow in sorted(flows, key=lambda f: (-f.from_step, -f.people)):
        source_col = deepest - flow.from_step
        target_col = source_col + 1
        if source_col < 0 or target_col > last:
            continue
        source_label = flow.from_title if (source_col, flow.from_title) in nodes else OTHER
        if flow.to_target:
            target_label = target
        else:
            target_label = flow.to_title if (target_col, flow.to_title) in nodes else OTHER
        src = nodes.get((source_col, source_label))
        dst = nodes.get((target_col, target_label))
        if src is None or dst is None:
            continue
        width = flow.people * scale
        y0 = src.y + out_offset.get((source_col, source_label), 0.0) + width / 2
        y1 = dst.y + in_offset.get((target_col, target_label), 0.0) + width / 2
        out_offset[(source_col, source_label)] = (
            out_offset.get((source_col, source_label), 0) + width
        )
        in_offset[(target_col, target_label)] = in_offset.get((target_col, target_label), 0) + width
        x0, x1 = src.x + NODE_WIDTH, dst.x
        middle = (x0 + x1) / 2
        d = f"M{x0:.1f},{y0:.1f} C{middle:.1f},{y0:.1f} {middle:.1f},{y1:.1f} {x1:.1f},{y1:.1f}"
        bands.append(Band(source_label, target_label, flow.people, d, max(width, 1.0)))
    return Graph(WIDTH, HEIGHT, tuple(nodes.values()), tuple(bands), tuple(headings))
