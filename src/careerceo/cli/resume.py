"""``career resume import|export|critique|documents`` and ``career plan export``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from careerceo.analysis.wording import clip
from careerceo.cli.actions import command
from careerceo.cli.common import (
    console,
    context,
    fail,
    preload,
    print_json,
    print_table,
    user_errors,
)
from careerceo.cli.render import JSON, present_rows, say
from careerceo.errors import CareerError

if TYPE_CHECKING:
    from careerceo.services.context import AppContext
from careerceo.services.resume_views import CritiqueView, PitchView, PostingMatchView

resume_app = typer.Typer(
    help="Import, export and critique your résumé (PDF, DOCX, JSON Resume, LinkedIn)."
)
plan_app = typer.Typer(help="The whole career plan as one document.")


@resume_app.command("import")
@user_errors
def import_cmd(
    file: Path = typer.Argument(
        ..., help="A .pdf, .docx, resume.json, LinkedIn .zip/.csv or export folder"
    ),
    yes: bool = typer.Option(False, "--yes", "-y", help="Import without asking"),
    as_json: bool = typer.Option(
        False, "--json", help="Print the plan as JSON (implies no prompt unless --yes)"
    ),
) -> None:
    """Show what the file would add, then import it on confirmation (re-imports add nothing)."""
    from careerceo.services import resume_import

    ctx = context()
    source = resume_import.read_path(file)
    plan = resume_import.preview(ctx, source)
    if as_json and not yes:
        print_json(plan.model_dump(mode="json", by_alias=True))
        return
    if not as_json:
        rows = [
            (i.entity, clip(i.label, 160), i.action, i.reason)
            for i in plan.items
            if i.action != "skip"
        ]
        if rows:
            print_table(
                f"Import preview: {plan.filename} ({plan.fmt})",
                ["what", "entry", "action", "note"],
                rows,
            )
        say(
            f"{plan.count('create')} to create, {plan.count('update')} to update, "
            f"{plan.count('skip')} already there."
        )
        for warning in plan.warnings:
            say(f"[yellow]warning:[/] {warning}")
    if plan.count("create") == 0 and plan.count("update") == 0:
        if as_json:
            print_json(plan.model_dump(mode="json", by_alias=True))
        else:
            console.print("Nothing new to import.")
        return
    if not yes and not typer.confirm("Import these?"):
        console.print("Nothing imported.")
        raise typer.Exit(code=1)
    done = resume_import.confirm(ctx, source)
    _prepare_pivots(ctx)
    if as_json:
        print_json(done.model_dump(mode="json", by_alias=True))
    else:
        console.print(
            f"Imported {done.count('create')} new entries (document #{done.document_id})."
        )


def _prepare_pivots(ctx: AppContext) -> None:
    """Read the new entries for pivots now (skills, held titles, the occupation space), so the
    next ``career pivot`` starts warm; the import itself is done and stays done."""
    from careerceo.cli.common import err_console
    from careerceo.services.pivot_prepare import prepare_pivots

    try:
        if err_console.is_terminal:
            with err_console.status("Preparing your pivots (skills, job titles, occupations)..."):
                prepare_pivots(ctx)
        else:
            prepare_pivots(ctx)
    except CareerError as exc:
        err_console.print(f"[yellow]note:[/] pivots not prepared yet: {exc.message}")


@resume_app.command("export")
@user_errors
def export_cmd(
    file: Path = typer.Argument(..., help="Where to write; the format follows the extension"),
    fmt: str | None = typer.Option(None, "--format", "-f", help="json | md | html | pdf"),
) -> None:
    """Write your résumé as JSON Resume, Markdown, HTML or an ATS-friendly PDF."""
    from careerceo.services.resume import current_resume
    from careerceo.services.resume_export import format_for, render, require_content

    chosen = format_for(file, fmt)
    data = render(require_content(current_resume(context())), chosen)
    try:
        file.write_bytes(data)
    except OSError as exc:
        raise CareerError(f"cannot write {file}: {exc.strerror}", field="file") from exc
    say(f"Wrote {file} ({chosen}, {len(data):,} bytes).")


@resume_app.command("critique")
@user_errors
def critique_cmd(
    file: Path | None = typer.Argument(
        None,
        help="A résumé file (.pdf, .docx, .txt, .json, LinkedIn CSV); without one, your stored "
        "résumé",
    ),
    as_json: bool = JSON,
    llm: bool = typer.Option(
        False, "--llm", help="Also ask the configured language model for rewrites"
    ),
) -> None:
    """Line-by-line findings: duty statements, weak openings, missing numbers, passive voice..."""
    from careerceo.services.resume_export import critique_file, critique_stored

    if file is None:
        _text, result = critique_stored(context())
        name = "your stored résumé"
    else:
        _text, result = critique_file(file, context())
        name = file.name
    rewrites: list[str] = []
    if llm:
        from careerceo.services.llm import llm_config, rewrite_lines

        config = llm_config()
        if config is None:
            fail(
                "--llm needs CAREER_LLM_BASE_URL and CAREER_LLM_MODEL "
                "(any OpenAI-compatible endpoint)"
            )
        flagged = list(dict.fromkeys(f.text for f in result.findings))[:20]
        rewrites = rewrite_lines(config, flagged)
    if as_json:
        data = CritiqueView.of(result).model_dump()
        if llm:
            data["llm_rewrites"] = rewrites
        print_json(data)
        return
    print_table(
        f"Critique of {name}: {len(result.findings)} findings (most costly first), "
        f"{result.bullets_with_metric}/{result.bullets} bullets with a number",
        ["impact", "line", "rule", "text", "why", "what to do"],
        [
            (f.severity, f.line, f.rule, clip(f.text, 60), f.explanation, f.suggestion)
            for f in result.findings
        ],
        empty="No findings: every bullet opens with a verb and carries a result.",
    )
    for original, better in zip(
        dict.fromkeys(f.text for f in result.findings), rewrites, strict=False
    ):
        say(f"[dim]{original}[/]\n  -> {better}")


@resume_app.command("documents")
@user_errors
def documents_cmd(as_json: bool = JSON) -> None:
    """Imported résumés and LinkedIn exports, and tailored versions."""
    from careerceo.services.resume_export import list_documents

    docs = list_documents(context())
    rows = [
        {
            "id": d.id,
            "kind": d.kind,
            "filename": d.filename,
            "title": d.title,
            "parent_id": d.parent_id,
            "created_at": d.created_at,
        }
        for d in docs
    ]
    present_rows(
        rows,
        as_json,
        "Documents",
        ["id", "kind", "file", "title", "parent"],
        lambda r: (r["id"], r["kind"], r["filename"], r["title"], r["parent_id"]),
        empty="No documents yet: career resume import FILE",
    )


@plan_app.command("export")
@user_errors
def plan_export(file: Path = typer.Argument(..., help="The PDF to write")) -> None:
    """Profile, vision, goals, inventory, positions and accomplishments in one PDF."""
    from careerceo.services.career_plan import plan_pdf

    if file.suffix.lower() != ".pdf":
        raise CareerError("the career plan is exported as PDF; name the file *.pdf", field="file")
    data = plan_pdf(context())
    try:
        file.write_bytes(data)
    except OSError as exc:
        raise CareerError(f"cannot write {file}: {exc.strerror}", field="file") from exc
    say(f"Wrote {file} ({len(data):,} bytes).")


def _posting_id(
    posting: int | None, posting_file: Path | None, title: str, company: str = ""
) -> int:
    from careerceo.services.tailoring import save_posting

    if posting is not None:
        return posting
    if posting_file is None:
        raise CareerError(
            "give --posting ID (a saved posting) or --posting-file FILE", field="posting"
        )
    if not posting_file.is_file():
        raise CareerError(f"{posting_file} does not exist", field="posting-file")
    try:
        text = posting_file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CareerError(f"{posting_file.name} is not UTF-8 text", field="posting-file") from exc
    return save_posting(
        context(), title or posting_file.stem.replace("_", " "), text, company=company
    )


@resume_app.command("match")
@user_errors
def match_cmd(
    posting: int | None = typer.Option(None, "--posting", help="A saved job posting id"),
    posting_file: Path | None = typer.Option(
        None, "--posting-file", help="A posting as text (saved first)"
    ),
    title: str = typer.Option("", "--title", help="The posting's title (with --posting-file)"),
    company: str = typer.Option(
        "", "--company", help="The employer (with --posting-file); its name is not a keyword"
    ),
    occupation: str | None = typer.Option(None, "--occupation", help="A target O*NET code"),
    as_json: bool = JSON,
) -> None:
    """Match score with its breakdown, matched and missing keywords (ranked, with where to add)."""
    # Only a posting is read by the skill extractor (seconds to load); an occupation target is
    # the pivot engine's view, which needs the knowledge base and the occupation space alone.
    if occupation:
        titled = any(ch.isalpha() for ch in occupation)
        preload("knowledge", *(("titles",) if titled else ()), "pivots")
    else:
        preload("knowledge", "skills", "pivots")
    from careerceo.services.tailoring import match_occupation, match_posting

    if occupation:
        data = match_occupation(context(), occupation)
        if as_json:
            print_json(data)
            return
        say(f"[bold]Match with {data['title']} ({data['code']}): {data['score']:.0f}/100[/]")
        print_table(
            "Breakdown (pivot engine)", ["part", "score", "weight", "what"],
            [(p["name"], "n/a" if p["score"] is None else f"{100 * p['score']:.0f}", p["weight"],
              p["detail"]) for p in data["parts"]],
        )  # fmt: skip
        say("Carries over: " + ", ".join(f"[green]{m['label']}[/]" for m in data["matched"][:15]))
        print_table(
            "Missing, most important first", ["keyword", "kind", "if true, put it in"],
            [(f"[red]{m['label']}[/]", m["kind"], m["where"]) for m in data["missing"][:20]],
            empty="Nothing missing.",
        )  # fmt: skip
        say(f"[dim]Sources: {data['source']}[/]")
        return
    posting_id = _posting_id(posting, posting_file, title, company)
    target, result = match_posting(context(), posting_id)
    if as_json:
        print_json(PostingMatchView.of_posting(posting_id, target.title, result).model_dump())
        return
    say(f"[bold]Match with {target.title}: {result.score:.0f}/100[/]")
    print_table(
        "Breakdown", ["part", "score", "weight", "why"],
        [(p.name, "n/a" if p.score is None else f"{100 * p.score:.0f}", p.weight, p.detail)
         for p in result.parts],
    )  # fmt: skip
    say("Matched: " + ", ".join(f"[green]{r.label}[/]" for r in result.matched))
    print_table(
        "Missing keywords, most important first",
        ["keyword", "kind", "asked", "if true, put it in"],
        [(f"[red]{m.label}[/]", m.kind, m.strength, m.where) for m in result.missing[:20]],
        empty="Nothing missing.",
    )  # fmt: skip


@resume_app.command("tailor")
@user_errors
def tailor_cmd(
    posting: int | None = typer.Option(None, "--posting"),
    posting_file: Path | None = typer.Option(None, "--posting-file"),
    title: str = typer.Option("", "--title"),
    company: str = typer.Option(
        "", "--company", help="The employer (with --posting-file); its name is not a keyword"
    ),
    occupation: str | None = typer.Option(None, "--occupation", help="A target O*NET code"),
    out: Path | None = typer.Option(
        None, "--out", help="Also write the version (.json/.md/.html/.pdf)"
    ),
) -> None:
    """Save a version of your résumé ordered for one target (kept alongside the original)."""
    preload("knowledge", "skills", "pivots")
    from careerceo.documents.jsonresume import from_jsonresume
    from careerceo.services.resume_export import format_for, render
    from careerceo.services.tailoring import save_tailored, save_tailored_occupation

    chosen = None
    if out is not None:  # checked first: a bad --out must not leave a saved version behind
        try:
            chosen = format_for(out, None)
        except CareerError:
            raise CareerError(
                f"cannot tell the format from {out.name!r}; name it *.json, *.md, *.html or *.pdf",
                field="out",
            ) from None
        if out.is_dir() or not out.parent.is_dir():
            raise CareerError(f"cannot write {out}: give a file in an existing folder", field="out")
    if occupation:
        doc = save_tailored_occupation(context(), occupation)
    else:
        doc = save_tailored(context(), _posting_id(posting, posting_file, title, company))
    say(f"Saved {doc.title} as document #{doc.id}.")
    if out is not None and chosen is not None:
        version = from_jsonresume(doc.data["jsonresume"])
        data = render(version, chosen)
        try:
            out.write_bytes(data)
        except OSError as exc:
            raise CareerError(
                f"cannot write {out}: {exc.strerror}; the version is saved as document "
                f"#{doc.id} (career resume export can write it again)",
                field="out",
            ) from exc
        say(f"Wrote {out}.")


@resume_app.command("rank")
@user_errors
def rank_cmd(
    top: int = typer.Option(20, "--top", min=1, max=1000),
    as_json: bool = JSON,
) -> None:
    """Your saved postings ranked by how much of each your résumé covers."""
    preload("knowledge", "skills", "pivots")
    from careerceo.services.tailoring import rank_postings

    rows = rank_postings(context(), top)
    if as_json:
        print_json(rows)
        return
    print_table("Postings by coverage", ["posting", "title", "company", "coverage"],
                [
                    (r["posting_id"], r["title"], r["company"], f"{100 * r['coverage']:.0f}%")
                    for r in rows
                ],
                empty="No saved postings yet.")  # fmt: skip


@resume_app.command("pitch")
@user_errors
def pitch_cmd(
    posting: int | None = typer.Option(None, "--posting", help="Pitch for a saved posting"),
    occupation: str | None = typer.Option(
        None, "--occupation", help="O*NET code of the pivot target"
    ),
    as_json: bool = JSON,
) -> None:
    """The story of your move, and LinkedIn headline and About drafts with the target keywords."""
    # A posting is read by the skill extractor; an occupation needs the person's profile, whose
    # texts and held titles come from the data directory's caches.
    if posting is not None:
        preload("knowledge", "skills", "pivots")
    else:
        titled = any(ch.isalpha() for ch in occupation or "")
        preload("knowledge", *(("titles",) if titled else ()), "pivots")
    from careerceo.services.pitch import pitch

    result = pitch(context(), posting_id=posting, occupation=occupation)
    if as_json:
        print_json(PitchView.of(result).model_dump())
        return
    say("[bold]Your story[/]\n" + result.story)
    say("\n[bold]LinkedIn headline[/]\n" + result.headline)
    say("\n[bold]LinkedIn About[/]\n" + result.about)
    for item in result.missing_inputs:
        step = f": {command(item.action)}" if item.action else ""
        say(f"[yellow]to make it stronger:[/] {item.text}{step}")
    say("[dim]Sources: " + "; ".join(result.sources) + "[/]")


def register(app: typer.Typer) -> None:
    app.add_typer(resume_app, name="resume")
    app.add_typer(plan_app, name="plan")
