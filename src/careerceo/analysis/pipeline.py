"""Stage statistics from opportunities' stage histories: counts, conversion, time in stage.

Computed from the recorded history (each stage entered on a date), so an opportunity imported
with backdated history counts from its real dates. Time in a stage is measured on finished
stays only (the next stage's date minus this one's): a stay still running is not a figure yet,
and mixing it in would make every stage look faster than it is.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from statistics import median

from careerceo.model.job_search_enums import PROGRESSION, Source, Stage


@dataclass(frozen=True)
class History:
    """One opportunity: its current stage, the stages it entered (oldest first), its source."""

    stage: str
    entries: Sequence[tuple[str, date]]
    source: str = ""


@dataclass(frozen=True)
class StageFigure:
    stage: str
    count: int  # opportunities in this stage now
    reached: int  # opportunities that ever got this far (forward stages only)
    median_days: float | None  # over finished stays
    stays: int  # finished stays the median is over


@dataclass(frozen=True)
class Conversion:
    from_stage: str
    to_stage: str
    rate: float | None  # None when nothing reached ``from_stage``
    reached_from: int
    reached_to: int


@dataclass(frozen=True)
class SourceFigure:
    source: str
    opportunities: int
    interviews: int  # reached interviewing or further


@dataclass(frozen=True)
class PipelineStats:
    total: int
    stages: list[StageFigure]
    conversions: list[Conversion]
    sources: list[SourceFigure] = field(default_factory=list)


def _furthest(history: History) -> int:
    """Index in PROGRESSION of the furthest forward stage the opportunity reached."""
    seen = [history.stage, *(stage for stage, _ in history.entries)]
    positions = [PROGRESSION.index(Stage(s)) for s in seen if s in PROGRESSION]
    return max(positions, default=-1)


def stays(entries: Sequence[tuple[str, date]]) -> list[tuple[str, int]]:
    """Finished stays: (stage, days) for every entry followed by another."""
    ordered = sorted(entries, key=lambda e: e[1])
    return [
        (stage, (ordered[i + 1][1] - entered).days)
        for i, (stage, entered) in enumerate(ordered[:-1])
    ]


def stage_statistics(histories: Iterable[History]) -> PipelineStats:
    items = list(histories)
    counts = {stage.value: 0 for stage in Stage}
    durations: dict[str, list[int]] = {stage.value: [] for stage in Stage}
    furthest = []
    for history in items:
        counts[history.stage] = counts.get(history.stage, 0) + 1
        for stage, days in stays(history.entries):
            durations.setdefault(stage, []).append(days)
        furthest.append(_furthest(history))
    reached = {
        stage.value: sum(1 for f in furthest if f >= index)
        for index, stage in enumerate(PROGRESSION)
    }
    figures = [
        StageFigure(
            stage.value,
            counts[stage.value],
            reached.get(stage.value, counts[stage.value]),
            float(median(durations[stage.value])) if durations[stage.value] else None,
            len(durations[stage.value]),
        )
        for stage in Stage
    ]
    conversions = []
    for before, after in itertools.pairwise(PROGRESSION):
        start, end = reached[before.value], reached[after.value]
        conversions.append(
            Conversion(before.value, after.value, end / start if start else None, start, end)
        )
    interviewing = PROGRESSION.index(Stage.INTERVIEWING)
    by_source: dict[str, list[int]] = {}
    for history, far in zip(items, furthest, strict=True):
        key = history.source or "not recorded"
        bucket = by_source.setdefault(key, [0, 0])
        bucket[0] += 1
        bucket[1] += far >= interviewing
    order = {s.value: i for i, s in enumerate(Source)}
    sources = [
        SourceFigure(name, n, hits)
        for name, (n, hits) in sorted(by_source.items(), key=lambda kv: order.get(kv[0], 99))
    ]
    return PipelineStats(len(items), figures, conversions, sources)
