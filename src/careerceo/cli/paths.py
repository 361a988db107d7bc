"""``career paths``: reference collections and how their people reached a target role."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from careerceo.cli.common import (
    console,
    context,
    err_console,
    fail,
    preload,
    print_json,
    print_table,
    user_errors,
)
from careerceo.cli.render import JSON, present_rows, say
from careerceo.model.paths import FileSummary, PathAnalysisOut
from careerceo.services import paths as service

paths_app = typer.Typer(help="Reference collections: how people reached the role you want.")
COLLECTION = typer.Argument(..., help="The collection.")  # every command on one collection

TARGET_HELP = 'The target role: a job title ("Producer") or an O*NET code (27-2012.00).'


def register(app: typer.Typer) -> None:
    app.add_typer(paths_app, name="paths")


@paths_app.command("new")
@user_errors
def new(
    name: str = typer.Argument(..., help='A name, e.g. "Producers at news publishers".'),
    description: str = typer.Option("", "--description", help="What the collection is for."),
    target: str = typer.Option("", "--target", help=TARGET_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print the collection as JSON."),
) -> None:
    """Create an empty reference collection."""
    out = service.new_collection(
        context(), {"name": name, "description": description, "target": target}
    )
    if as_json:
        print_json(out.model_dump(mode="json"))
        return
    say(
        f"Created collection [bold]{escape(out.name)}[/] (#{out.id}). Add profiles with "
        f"`career paths add {escape(repr(out.name))} FILE...`."
    )


def _summary_line(summary: FileSummary) -> None:
    name = escape(summary.filename)
    if summary.ok:
        say(
            f"[green]✓[/] {name}: {summary.profiles} profile(s), {summary.positions} "
            f"position(s) added" + (f", {summary.skipped} skipped" if summary.skipped else "")
        )
    else:
        say(f"[red]✗[/] {name}: nothing added")
    for message in summary.messages[:20]:
        console.print(f"    {escape(message)}", highlight=False, soft_wrap=True)
    if len(summary.messages) > 20:
        say(f"    … and {len(summary.messages) - 20} more message(s)")


@paths_app.command("add")
@user_errors
def add(
    name: str = COLLECTION,
    files: list[Path] = typer.Argument(
        ..., help="CSV (person,title,employer,start,end,...), PDF, DOCX, JSON, ZIP or TXT."
    ),
    keep_names: bool = typer.Option(
        False,
        "--keep-names",
        help="Store the people's names; by default each profile is pseudonymised.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the per-file summary as JSON."),
) -> None:
    """Add reference profiles from files; a bad file is reported and the rest still added."""
    ctx = context()
    service.get_collection(ctx, name)  # an unknown collection is one error, not one per file
    preload("titles")
    summaries: list[FileSummary] = []
    show_progress = err_console.is_terminal and not as_json
    for path in files:
        if show_progress:
            from rich.progress import Progress

            with Progress(console=err_console, transient=True) as bar:
                task = bar.add_task(f"{path.name}", total=None)

                def tick(done: int, total: int) -> None:
                    bar.update(task, completed=done, total=total)  # noqa: B023 - same loop turn

                summaries += service.add_paths(
                    ctx, name, [path], keep_names=keep_names, progress=tick
                )
        else:
            summaries += service.add_paths(ctx, name, [path], keep_names=keep_names)
    if as_json:
        print_json([s.model_dump(mode="json") for s in summaries])
    else:
        for summary in summaries:
            _summary_line(summary)
        added = sum(s.profiles for s in summaries)
        positions = sum(s.positions for s in summaries)
        bad = sum(1 for s in summaries if not s.ok)
        say(
            f"Done: {added} profile(s), {positions} position(s) from {len(summaries)} file(s)"
            + (f"; {bad} file(s) added nothing" if bad else "")
            + "."
        )
    if summaries and all(not s.ok for s in summaries):
        raise typer.Exit(code=1)


@paths_app.command("list")
@user_errors
def list_collections(
    as_json: bool = JSON,
) -> None:
    """Your reference collections."""
    present_rows(
        service.list_collections(context()),
        as_json,
        "Reference collections",
        ["#", "Name", "Profiles", "Positions", "Target", "Shared"],
        lambda r: (
            r.id,
            r.name,
            r.profiles,
            r.positions,
            r.target,
            "yes" if r.include_in_exports else "",
        ),
        empty="No collections yet; create one with `career paths new NAME`.",
    )


@paths_app.command("show")
@user_errors
def show(name: str = COLLECTION, as_json: bool = JSON) -> None:
    """The profiles in a collection, each position with its occupation and confidence."""
    ctx = context()
    collection = service.get_collection(ctx, name)
    profiles = service.list_profiles(ctx, name)
    if as_json:
        print_json(
            {
                "collection": collection.model_dump(mode="json"),
                "profiles": [p.model_dump(mode="json") for p in profiles],
            }
        )
        return
    say(
        f"[bold]{escape(collection.name)}[/]: {collection.profiles} profile(s), "
        f"{collection.positions} position(s)"
    )
    for profile in profiles:
        who = profile.alias + (f" ({profile.name})" if profile.name else "")
        print_table(
            f"{who} - from {profile.filename}",
            ["#", "Title", "Employer", "From", "To", "Occupation", "Confidence"],
            (
                [
                    p.id,
                    p.title,
                    p.employer,
                    p.start or "?",
                    "Present" if p.current else (p.end or "?"),
                    f"{p.occupation_code} {p.occupation_title or ''}"
                    if p.occupation_code
                    else "(none)",
                    "corrected" if p.corrected else (f"{p.confidence:.2f}" if p.confidence else ""),
                ]
                for p in profile.positions
            ),
        )
    say("Correct an occupation with `career paths correct POSITION_ID CODE`.")


def _years(value: float | None) -> str:
    return "?" if value is None else f"{value:.1f}"


def _print_analysis(out: PathAnalysisOut) -> None:
    target = out.target_title or out.target
    if out.target_code:
        target += f" ({out.target_code})"
    years = out.median_years_to_target
    took = (
        f"median {years:.1f} years from first job"
        if years is not None
        else "no dated history before it to time the way there"
    )
    say(
        f"[bold]{escape(target)}[/] in {escape(out.collection)}: {out.people} of "
        f"{out.profiles} people reached it; {took}."
    )
    print_table(
        "Roles before the target",
        ["Step", "Title", "Occupation", "People", "Share", "Median yrs", "Move", "Position ids"],
        (
            [
                r.step,
                r.title,
                f"{r.code} {r.occupation_title or ''}" if r.code else "(none)",
                r.people,
                f"{r.share:.0%}",
                _years(r.median_years),
                r.move.value,
                " ".join(str(i) for i in r.position_ids[:5]),
            ]
            for r in out.steps_before
        ),
        empty="No roles before the target in this collection.",
    )
    if out.sequences:
        print_table(
            "Most common paths",
            ["People", "Path"],
            ([s.people, " → ".join(s.roles)] for s in out.sequences),
        )
    _print_around(out)


def _print_around(out: PathAnalysisOut) -> None:
    """What surrounds the way there: where the role-holders went, what they brought, whom you
    know among them, and the evidence behind it all."""
    if out.outcomes:
        print_table(
            "Everyone who held these roles (not only those who arrived)",
            ["Title", "Held", "Reached", "Went elsewhere", "Still there", "Then went to"],
            (
                [
                    o.title,
                    o.held,
                    f"{o.reached} ({o.rate:.0%})",
                    o.elsewhere,
                    o.still_there,
                    ", ".join(f"{t} ({n})" for t, n in o.next_roles[:3]),
                ]
                for o in out.outcomes
            ),
        )
    if out.next_from:
        print_table(
            f"Where people went next from your role ({out.next_from_role})",
            ["Next role", "People", "Share", "Move"],
            ([n.title, n.people, f"{n.share:.0%}", n.move.value] for n in out.next_from),
        )
    for title, rows in (
        ("Degrees", out.education),
        ("Certifications", out.certifications),
        ("Employer sizes on the way", out.employer_sizes),
        ("Industries on the way", out.industries),
    ):
        if rows:
            print_table(
                title,
                ["", "People", "Share"],
                ([r.label, r.people, f"{r.share:.0%}"] for r in rows),
            )
    if out.contacts:
        print_table(
            "Your contacts who made it (people you could talk to)",
            ["Contact", "Reference", "Their way"],
            ([c.name, c.alias, " → ".join(c.roles)] for c in out.contacts),
        )
    for warning in out.warnings:
        console.print(f"[yellow]Note:[/] {escape(warning)}", highlight=False, soft_wrap=True)
    console.print(f"[dim]Evidence: {escape(out.evidence)}[/]", highlight=False, soft_wrap=True)


@paths_app.command("analyze")
@user_errors
def analyze(
    name: str = COLLECTION,
    target: str = typer.Option(..., "--target", help=TARGET_HELP),
    as_json: bool = JSON,
) -> None:
    """How the people in the collection reached the target: the steps before, their years."""
    preload("titles")
    out = service.analyze(context(), name, target)
    if as_json:
        print_json(out.model_dump(mode="json"))
    else:
        _print_analysis(out)


@paths_app.command("correct")
@user_errors
def correct(
    position_id: int = typer.Argument(..., help="The reference position (see paths show)."),
    code: str = typer.Argument(..., help="The right O*NET code, e.g. 27-2012.00."),
) -> None:
    """Correct the occupation a reference position was read as."""
    out = service.correct_occupation(context(), position_id, {"occupation_code": code})
    say(
        f"Position #{out.id} ({escape(out.title)}) is now {out.occupation_code} "
        f"{escape(out.occupation_title or '')}."
    )


@paths_app.command("remove")
@user_errors
def remove(
    name: str = COLLECTION,
    yes: bool = typer.Option(False, "--yes", help="Do not ask for confirmation."),
) -> None:
    """Delete a collection with every profile and position in it."""
    ctx = context()
    collection = service.get_collection(ctx, name)
    if not yes and not typer.confirm(
        f"Delete {collection.name!r} with its {collection.profiles} profile(s)?"
    ):
        fail("nothing was deleted")
    out = service.remove_collection(ctx, name)
    say(f"Deleted {escape(out.name)}: {out.profiles} profile(s), {out.positions} position(s).")


@paths_app.command("plan")
@user_errors
def plan(
    name: str = COLLECTION,
    target: str = typer.Option(..., "--target", help=TARGET_HELP),
    save: bool = typer.Option(
        False, "--save", help="Save it as a goal whose milestones are the steps."
    ),
    as_json: bool = JSON,
) -> None:
    """Where you stand on the path to the target, and the typical next steps."""
    preload("titles")
    ctx = context()
    out = service.save_plan(ctx, name, target) if save else service.plan(ctx, name, target)
    if as_json:
        print_json(out.model_dump(mode="json"))
        return
    label = out.target_title or out.target
    if out.your_step == 0:
        where = "you already hold it"
    elif out.your_step is None:
        where = "none of your positions is on this path yet"
    else:
        where = f"you are {out.your_step} step(s) away"
    say(f"[bold]{escape(label)}[/] ({out.people} people in {escape(out.collection)}): {where}.")
    print_table(
        "Your positions on the path",
        ["Your title", "Occupation", "Step before target"],
        (
            [p.title, p.code or "", "target" if p.step == 0 else (p.step or "off path")]
            for p in out.you
        ),
        empty="You have no positions yet.",
    )
    for step in out.steps:
        say(
            f"\n[bold]{step.order}. {escape(step.title)}[/]"
            + (f" ({step.code} {escape(step.occupation_title or '')})" if step.code else "")
        )
        console.print(f"   Why: {escape(step.why)}", highlight=False, soft_wrap=True)
        for requirement in step.requirements:
            console.print(f"   Needs: {escape(requirement)}", highlight=False, soft_wrap=True)
    for warning in out.warnings:
        console.print(f"[yellow]Note:[/] {escape(warning)}", highlight=False, soft_wrap=True)
    if out.goal_id is not None:
        say(
            f"Saved as goal #{out.goal_id} with {len(out.steps)} milestone(s); the monthly "
            "review tracks it (`career goals show "
            f"{out.goal_id}`)."
        )
    else:
        say("Save it as a goal with milestones: add --save.")


@paths_app.command("share")
@user_errors
def share(
    name: str = COLLECTION,
    off: bool = typer.Option(False, "--off", help="Leave it out of shared exports again."),
) -> None:
    """Include a collection in exports made for sharing (`career export --for-sharing`)."""
    out = service.set_sharing(context(), name, not off)
    state = "included in" if out.include_in_exports else "left out of"
    say(f"{escape(out.name)} is {state} exports for sharing.")


@paths_app.command("link")
@user_errors
def link(
    profile_id: int = typer.Argument(..., help="The reference profile (see paths show)."),
    contact: int | None = typer.Option(
        None, "--contact", help="The id of one of your contacts who is this person."
    ),
    keep_name: str | None = typer.Option(
        None, "--name", help="Keep this name for the profile on purpose ('' removes it)."
    ),
    unlink: bool = typer.Option(False, "--unlink", help="Remove the link to a contact."),
) -> None:
    """Link a reference to one of your contacts, so the analysis can say who made the move
    and could talk to you about it."""
    if contact is None and not unlink and keep_name is None:
        fail("give --contact ID, --unlink or --name NAME")
    ctx = context()
    current = None if unlink else contact
    if contact is None and not unlink:
        current = service.profile_contact(ctx, profile_id)
    out = service.link_contact(ctx, profile_id, current, name=keep_name)
    linked = f"linked to contact #{out.contact_id}" if out.contact_id else "not linked"
    named = f", name kept: {escape(out.name)}" if out.name else ""
    say(f"{escape(out.alias)} is {linked}{named}.")
