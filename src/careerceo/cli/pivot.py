"""``career pivot`` (ranked pivots), ``career pivot show CODE`` and ``career gap --job FILE``."""

from __future__ import annotations

import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

import typer

from careerceo.cli.common import preload, print_json, print_table, user_errors
from careerceo.cli.render import JSON, say
from careerceo.errors import CareerError, NotFoundError

pivot_app = typer.Typer(
    help="Pivots ranked from O*NET 29.0 and ESCO 1.1.1: options, gaps, learning plans.",
    invoke_without_command=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(pivot_app, name="pivot")
    app.command("gap")(gap)


def _needs(from_: str | None) -> tuple[str, ...]:
    """What to load before ranking: a code needs only the knowledge base and the space; a
    title also the title matcher; a person's profile the space with technologies and ESCO
    skills."""
    if from_ and not any(ch.isalpha() for ch in from_):
        return ("knowledge", "pivot-core")
    if from_:
        return ("knowledge", "titles", "pivots")
    # The skill extractor and the title index load only for texts and held titles that are
    # not in the data directory's caches yet.
    return ("knowledge", "pivots")


def _with_titles(*values: str | None) -> tuple[str, ...]:
    """The title index up front only when a value is a title, not a code."""
    titled = any(ch.isalpha() for v in values if v for ch in v)
    return ("knowledge", "titles", "pivots") if titled else ("knowledge", "pivots")


def _doable_cell(r: Any) -> str:
    """Kind, job zone (and the step from yours), readiness and a required licence."""
    step = (r.doable or {}).get("zone_step")
    zone = f"zone {r.job_zone or '?'}" + (f" ({step:+d})" if step else "")
    cell = f"{r.kind_label}\n{zone}"
    if r.readiness is not None:
        cell += f", meets {r.readiness:.0%}"
    if (r.doable or {}).get("licence"):
        cell += "\nlicence required" + (" (held)" if r.doable["licence_held"] else "")
    return cell


def _ctx_or_none(from_: str | None) -> Any:
    from careerceo.cli.common import context

    return None if from_ else context()


@pivot_app.callback()
@user_errors
def pivot(
    typer_ctx: typer.Context,
    from_: str | None = typer.Option(
        None, "--from", help="Rank from a past occupation: an O*NET-SOC code or a job title."
    ),
    zone_min: int | None = typer.Option(None, "--zone-min", help="Lowest job zone (1-5)."),
    zone_max: int | None = typer.Option(None, "--zone-max", help="Highest job zone (1-5)."),
    family: list[str] = typer.Option(
        [], "--family", help="SOC major group, e.g. 15 (repeat for several)."
    ),
    hot_tech: bool = typer.Option(
        False,
        "--hot-tech",
        help="Only occupations heavy in O*NET hot technologies (median count or more).",
    ),
    kind: list[str] = typer.Option(
        [],
        "--kind",
        help="Only same, adjacent (close fit), partial (partial fit) or long_shot (repeatable).",
    ),
    limit: int = typer.Option(20, "--limit", "-n", help="How many to show."),
    as_json: bool = JSON,
) -> None:
    """Rank every O*NET occupation as a pivot from your profile."""
    if typer_ctx.invoked_subcommand is not None:
        return
    preload(*_needs(from_))
    from careerceo.services import pivots as service

    filters = service.check_filters(zone_min, zone_max, family, hot_tech, kind)
    result = service.rank_pivots(_ctx_or_none(from_), from_=from_, filters=filters, limit=limit)
    if as_json:
        print_json([row.as_dict() for row in result.rows])
        return
    say(f"Pivots from {result.basis}.")
    if result.reference:
        say(
            "Reference point (not a pivot): "
            + "; ".join(f"{title} ({code})" for code, title in result.reference)
        )
    print_table(
        f"{len(result.rows)} of {result.total} occupations",
        ["#", "Occupation", "Score", "Related because", "Doable", "Top gaps"],
        (
            [
                r.rank,
                f"{r.title}\n{r.code}",  # the code on its own line: never cut
                f"{r.score:.2f}",
                "\n".join(r.because[:2]) or ", ".join(r.transfers[:2]),
                _doable_cell(r),
                ", ".join(r.gaps[:2]),
            ]
            for r in result.rows
        ),
        empty="No occupation passes these filters; widen the job zones or families.",
    )
    for note in result.notes:
        say(f"[yellow]Note:[/] {note}")
    say(f"Sources: {', '.join(result.sources)}. `career pivot show CODE` explains one.")


@pivot_app.command("show")
@user_errors
def show(
    code: str = typer.Argument(..., help="The target occupation: O*NET-SOC code or title."),
    from_: str | None = typer.Option(None, "--from", help="Profile from a past occupation."),
    fmt: str | None = typer.Option(None, "--format", help="md or pdf: write a report."),
    out: Path | None = typer.Option(None, "--out", "-o", help="File for the report."),
    as_json: bool = JSON,
) -> None:
    """What transfers, the gaps, typical training and a learning plan for one pivot."""
    preload(*_with_titles(code, from_))
    from careerceo.services import pivots as service

    fmt = _report_format(fmt, out)
    d = service.pivot_detail(_ctx_or_none(from_), code, from_=from_)
    basis = f"occupation {from_}" if from_ else "your entries"
    if fmt is not None:
        _write_report(d, fmt, out, basis)
        return
    if as_json:
        print_json(asdict(d))
        return
    _print_detail(d)


def _report_format(fmt: str | None, out: Path | None) -> str | None:
    """The report format asked for (md or pdf), from --format or the file's extension."""
    if fmt is not None and fmt not in ("md", "pdf"):
        raise CareerError("use --format md or --format pdf", field="format")
    if out is not None and fmt is None:
        fmt = {".md": "md", ".pdf": "pdf"}.get(out.suffix.lower())
        if fmt is None:
            raise CareerError(
                f"cannot tell the report format from {out.name!r}; name it *.md or *.pdf, "
                "or add --format md|pdf",
                field="out",
            )
    if fmt == "pdf" and out is None:
        raise CareerError("a PDF needs a file: add --out report.pdf", field="out")
    return fmt


def _write_report(d: Any, fmt: str, out: Path | None, basis: str) -> None:
    from careerceo.documents.pivot_report import markdown

    if fmt == "md":
        text = markdown(d, basis=basis)
        if out is None:
            typer.echo(text)
        else:
            _write(out, text.encode("utf-8"))
            say(f"Wrote {out}")
        return
    if out is not None:
        from careerceo.documents.pivot_pdf import pivot_pdf

        _write(out, pivot_pdf(d, basis=basis))
        say(f"Wrote {out}")


def _level(value: float | None) -> str:
    """An O*NET level (0-7) to one decimal; blank where there is none."""
    return "" if value is None else f"{value:.1f}"


def _print_detail(d: Any) -> None:
    """The pivot as tables: score, what transfers, gaps, learning plan, training."""
    say(
        f"[bold]{d.title}[/] ({d.code}) — {d.kind_label}, score {d.score:.3f}"
        + (f", rank {d.rank}" if d.rank else "")
        + ("" if d.readiness is None else f", you meet {d.readiness:.0%} of its demand")
    )
    print_table(
        "Where the score comes from",
        ["Signal", "Value", "Weight", "Contribution"],
        [
            [
                s.label,
                "n/a" if s.value is None else f"{s.value:.0%}",
                f"{s.weight:.3g}",
                f"{s.contribution:.3f}",
            ]
            for s in d.signals
        ]
        + [
            ["Job-zone penalty", "", "", f"-{d.zone_penalty:.3f}" if d.zone_penalty else "0.000"],
            ["Intent (keep/drop/add)", "", "", f"{d.intent_adjustment:+.3f}"],
        ],
    )
    print_table(
        "What transfers",
        ["Element", "Kind", "You", "Target", "Basis", "Evidence", "Source"],
        [
            [
                t.name,
                t.kind,
                _level(t.your_level),
                _level(t.target_level),
                t.basis,
                "; ".join(t.evidence[:1]),
                t.source,
            ]
            for t in d.transfers
        ],
        empty="Nothing in your profile overlaps with this occupation yet.",
    )
    print_table(
        "Gaps",
        ["Gap", "Kind", "You", "Target", "Priority", "Source"],
        [
            [
                g.name
                + (" (assumed)" if g.assumed else "")
                + ("" if g.required else " (possibly)"),
                g.kind,
                _level(g.your_level),
                _level(g.target_level),
                f"{g.priority:.2f}",
                g.source,
            ]
            for g in d.gaps
        ],
        empty="No material gaps.",
    )
    print_table(
        "Learning plan",
        ["#", "Stage", "What", "Course or certification", "Hours", "Why"],
        [[s.order, s.stage, s.what, s.course, s.hours, s.why] for s in d.plan],
        empty="Nothing to learn first.",
    )
    e = d.ete
    for label, rows in (
        ("Education", e.education),
        ("Related experience", e.experience),
        ("On-the-job training", e.on_the_job),
    ):
        top = sorted(rows, key=lambda r: -r[1])[:3]
        text = "; ".join(f"{n} {p:.0f}%" for n, p in top) or "not rated"
        say(f"{label}: {text} ({d.sources[0]})")
    for note in d.notes:
        say(f"[yellow]Note:[/] {note}")


@pivot_app.command("profile")
@user_errors
def profile(as_json: bool = JSON) -> None:
    """Your capability profile: what the ranking compares, and where each level comes from."""
    preload("knowledge", "pivots")
    from careerceo.cli.common import context
    from careerceo.services import pivots as service

    data = service.capability_summary(context())
    if as_json:
        print_json(data)
        return
    print_table(
        "Your skills and knowledge (O*NET level 0-7)",
        ["Element", "Kind", "Level", "Intent", "Evidence"],
        [
            [e["name"], e["kind"], f"{e['level']:.1f}", e["intent"], "; ".join(e["evidence"][:1])]
            for e in data["elements"]
        ],
        empty=(
            "No O*NET skill or knowledge area is rated in your profile yet: add a position "
            "(career positions add; its occupation rates them) or inventory entries with "
            "O*NET names, e.g. Critical Thinking or Customer and Personal Service."
        ),
    )
    for o in data["occupations"]:
        say(f"Position → {o['title']} ({o['code']}), credit {o['credit']:.2f}")
    say(
        f"{len(data['technologies'])} technologies, {len(data['esco_skills'])} ESCO skills, "
        f"{data['activities']} work activities; job zone {data['job_zone'] or 'unknown'}."
    )
    if data["unmatched"]:
        say("[yellow]Not matched (not counted):[/] " + ", ".join(data["unmatched"]))


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise CareerError(f"cannot write {path}: {exc.strerror}", field="out") from exc


def _read_job(job: str) -> bytes:
    if job == "-":
        return (
            sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
        )
    path = Path(job)
    if not path.is_file():
        raise CareerError(
            f"no file {job}; give a text file with the posting, or - for stdin", field="job"
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise CareerError(f"cannot read {job}: {exc.strerror}", field="job") from exc


@user_errors
def gap(
    job: str | None = typer.Option(
        None, "--job", help="A text file with the job posting, or - for stdin."
    ),
    posting: int | None = typer.Option(None, "--posting", help="A saved job posting's id."),
    from_: str | None = typer.Option(None, "--from", help="Compare a past occupation instead."),
    as_json: bool = JSON,
) -> None:
    """Gap against one job description: what it asks for, what you have, what is missing."""
    preload(*_with_titles(from_))
    from careerceo.services import pivots as service

    if (job is None) == (posting is None):
        raise CareerError("give the posting with --job FILE (or - for stdin) or --posting ID")
    company = ""
    if posting is not None:
        from careerceo.cli.common import context
        from careerceo.services.tailoring import get_posting

        try:
            saved = get_posting(context(), posting)
        except NotFoundError:
            raise NotFoundError(
                f"you have no saved job posting #{posting}; give --job FILE instead",
                field="posting",
            ) from None
        # the saved posting's employer is not a requirement, as in resume match
        text, company = service.check_posting(saved.text), saved.company
    else:
        text = service.check_posting(_read_job(job or "-"))
    result = service.job_gap(_ctx_or_none(from_), text, from_=from_, company=company)
    if as_json:
        data = asdict(result)
        data.pop("text", None)
        data["have"] = [r.label for r in result.have]
        data["missing"] = [r.label for r in result.missing]
        print_json(data)
        return
    say(
        f"{len(result.requirements)} requirements found in {result.words} words; you cover "
        f"{result.coverage:.0%} of them (weighted by strength and frequency)."
    )
    print_table(
        "Requirements",
        ["", "Requirement", "Kind", "Strength", "Mentions", "Your evidence"],
        (
            [
                "✓" if r.have else "✗",
                r.label,
                r.kind,
                r.strength,
                r.mentions,
                "; ".join(r.evidence[:1]) if r.have else "missing",
            ]
            for r in result.requirements
        ),
        empty="No known skills were found in the posting.",
    )
    for q in result.qualifications:
        mark = "?" if q.have is None else ("✓" if q.have else "✗")
        say(f"{mark} {q.what} ({q.strength}): {q.evidence}")
    for w in result.warnings:
        say(f"[yellow]Note:[/] {w}")
