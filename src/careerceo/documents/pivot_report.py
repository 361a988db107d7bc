"""A pivot report as Markdown, from one ``PivotDetail``.

It carries what the web page and the PDF report (``documents.pivot_pdf``, the same template)
show: the score and where it comes from, what transfers, the gaps, typical
education/training/experience and the learning plan, with the source of every figure.
"""

from __future__ import annotations

from collections.abc import Iterable

from careerceo.analysis.pivot_detail import PivotDetail


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def _level(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def _dist(rows: Iterable[tuple[str, float]], k: int = 3) -> str:
    top = sorted(rows, key=lambda r: -r[1])[:k]
    return "; ".join(f"{name} {p:.0f}%" for name, p in top) or "not rated"


def markdown(d: PivotDetail, *, basis: str = "") -> str:
    """The report as Markdown (also what ``--format md`` writes)."""
    lines = [f"# Pivot report: {d.title} ({d.code})", ""]
    if basis:
        lines += [f"Profile built from {basis}.", ""]
    zone = f"job zone {d.job_zone}" if d.job_zone else "job zone not rated"
    you = f", yours {d.your_zone:.1f}" if d.your_zone is not None else ""
    lines += [
        f"**{d.kind_label}** · score {d.score:.3f}"
        + (f" · rank {d.rank}" if d.rank else "")
        + f" · {zone}{you}"
        + (
            ""
            if d.readiness is None
            else f" · you meet {d.readiness:.0%} of its skill and knowledge demand"
        ),
        "",
        "## Where the score comes from",
        "",
        "| Signal | Value | Weight | Contribution |",
        "|---|---|---|---|",
    ]
    for s in d.signals:
        lines.append(f"| {s.label} | {_pct(s.value)} | {s.weight:.3g} | {s.contribution:.3f} |")
    lines += [
        f"| Job-zone penalty | | | {f'-{d.zone_penalty:.3f}' if d.zone_penalty else '0.000'} |",
        f"| Keep/drop/add intent | | | {d.intent_adjustment:+.3f} |",
        "",
        f"Sources: {', '.join(d.sources)}.",
        "",
        "## What transfers",
        "",
    ]
    lines += _transfer_lines(d)
    lines += ["", "## Gaps (importance x deficit)", "", *_gap_lines(d)]
    e = d.ete
    lines += [
        "",
        "## Typical education, training and experience",
        "",
        f"- Education: {_dist(e.education)}",
        f"- Related work experience: {_dist(e.experience)}",
        f"- On-the-job training: {_dist(e.on_the_job)}",
        f"- On-site training: {_dist(e.on_site)}",
        "",
        f"Share of incumbents per category, {d.sources[0]}.",
        "",
        "## Learning plan",
        "",
    ]
    if not d.plan:
        lines.append("Nothing to learn first: apply now.")
    else:
        total = sum(s.hours for s in d.plan)
        lines += [
            f"About {total} hours in all (rough: level points short x hours per point).",
            "",
            "| # | Stage | What | Course or certification | Hours | Why |",
            "|---|---|---|---|---|---|",
        ]
        for step in d.plan:
            lines.append(
                f"| {step.order} | {step.stage} | {step.what} | {step.course} | {step.hours} | "
                f"{step.why} [{step.source}] |"
            )
    if d.notes:
        lines += ["", "## Notes", ""] + [f"- {n}" for n in d.notes]
    lines += [
        "",
        "---",
        "This report includes information from the O*NET 29.0 Database by the U.S. Department "
        "of Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 "
        "license, and uses the ESCO classification of the European Commission.",
        "",
    ]
    return "\n".join(lines)


def _transfer_lines(d: PivotDetail) -> list[str]:
    lines: list[str] = []
    if not d.transfers:
        lines.append("Nothing in your profile overlaps with this occupation yet.")
    for t in d.transfers:
        levels = (
            f" — you {_level(t.your_level)}, target {_level(t.target_level)} (importance "
            f"{_level(t.importance)}/5)"
            if t.target_level is not None
            else ""
        )
        why = f"; evidence: {'; '.join(t.evidence)}" if t.evidence else ""
        # named: the person said so; implied: an occupation they held implies it
        lines.append(f"- **{t.name}** ({t.kind}, {t.basis}){levels}{why} [{t.source}]")
    return lines


def _gap_lines(d: PivotDetail) -> list[str]:
    lines: list[str] = []
    if not d.gaps:
        lines.append("No material gaps.")
    for g in d.gaps:
        if g.kind in ("skill", "knowledge"):
            assumed = " (your level assumed: not entered)" if g.assumed else ""
            lines.append(
                f"- **{g.name}** ({g.kind}): target {_level(g.target_level)}, you "
                f"{_level(g.your_level)}{assumed}, importance {_level(g.importance)}/5, "
                f"priority {g.priority:.2f} [{g.source}]"
            )
        elif g.kind == "technology":
            lines.append(
                f"- **{g.name}** (hot technology you have not listed; used in "
                f"{g.priority:.0%} of the target's occupation group) [{g.source}]"
            )
        else:
            hedge = "" if g.required else "possibly: "
            lines.append(
                f"- {hedge}**{g.name}** (ESCO essential skill, for {g.priority:.0%} of the "
                f"target's ESCO links) [{g.source}]"
            )
    return lines
