"""How direction results read in a terminal: milestones, a review's score, drift findings."""

from __future__ import annotations

from careerceo.cli.actions import command
from careerceo.cli.common import console, print_table
from careerceo.cli.render import say
from careerceo.services.direction import FindingView, MilestoneView, ReviewResult

SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan"}


def milestone_table(milestones: list[MilestoneView]) -> None:
    print_table(
        "Milestones",
        ["#", "Goal", "Milestone", "Measure", "Due", "Status"],
        [
            (
                m.id,
                m.goal_id,
                m.title,
                m.measure,
                m.due_date.isoformat() if m.due_date else "",
                "OVERDUE" if m.overdue else m.status,
            )
            for m in milestones
        ],
        empty="No milestones yet. Add one: career goals milestone add GOAL TITLE --due YYYY-MM-DD",
    )


def print_result(result: ReviewResult, verb: str) -> None:
    r = result.review
    score = "n/a" if r.alignment is None else f"{r.alignment:.0f}/100"
    say(f"{verb} the review of [bold]{r.month}[/]. Alignment: [bold]{score}[/]")
    breakdown = result.breakdown
    say(breakdown.explanation if breakdown else "")
    rows = []
    for g in breakdown.goals if breakdown else []:
        comps = "; ".join(f"{c.name}: {c.detail}" for c in g.components)
        rows.append((g.title, "n/a" if g.score is None else f"{g.score:.0f}", comps))
    if rows:
        print_table("Alignment per goal", ["Goal", "Score", "Why"], rows)
    print_findings(result.findings)


def print_findings(findings: list[FindingView]) -> None:
    if not findings:
        console.print("[green]No drift found.[/]")
        return
    console.print("[bold]Drift findings[/]")
    for f in findings:
        style = SEVERITY_STYLE.get(f.severity, "")
        say(f"[{style}]{f.severity.upper()}[/] {f.title or f.rule}: {f.reason}")
        for o in f.options:
            hint = f" ({command(o.action)})" if o.action else ""
            say(f"   - {o.title}: {o.why}{hint}")
