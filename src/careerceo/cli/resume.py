"""``career resume import|export|critique|documents`` and ``career plan export``."""

from __future__ import annotations

from pathlib import Path

import typer

from careerceo.cli.common import console, context, fail, print_json, print_table, user_errors
from careerceo.errors import CareerError
from careerceo.services import resume_import
from careerceo.services.career_plan import plan_pdf
from careerceo.services.resume import current_resume
from careerceo.services.resume_export import critique_file, format_for, list_documents, render

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
    ctx = context()
    source = resume_import.read_path(file)
    plan = resume_import.preview(ctx, source)
    if as_json and not yes:
        print_json(plan.as_dict())
        return
    if not as_json:
        rows = [
            (i.entity, i.label[:70], i.action, i.reason) for i in plan.items if i.action != "skip"
        ]
        if rows:
            print_table(
                f"Import preview: {plan.filename} ({plan.fmt})",
                ["what", "entry", "action", "note"],
                rows,
            )
        console.print(
            f"{plan.count('create')} to create, {plan.count('update')} to update, "
            f"{plan.count('skip')} already there.",
            highlight=False,
        )
        for warning in plan.warnings:
            console.print(f"[yellow]warning:[/] {warning}", highlight=False)
    if plan.count("create") == 0 and plan.count("update") == 0:
        if as_json:
            print_json(plan.as_dict())
        else:
            console.print("Nothing new to import.")
        return
    if not yes and not typer.confirm("Import these?"):
        console.print("Nothing imported.")
        raise typer.Exit(code=1)
    done = resume_import.confirm(ctx, source)
    if as_json:
        print_json(done.as_dict())
    else:
        console.print(
            f"Imported {done.count('create')} new entries (document #{done.document_id})."
        )


@resume_app.command("export")
@user_errors
def export_cmd(
    file: Path = typer.Argument(..., help="Where to write; the format follows the extension"),
    fmt: str | None = typer.Option(None, "--format", "-f", help="json | md | html | pdf"),
) -> None:
    """Write your résumé as JSON Resume, Markdown, HTML or an ATS-friendly PDF."""
    chosen = format_for(file, fmt)
    data = render(current_resume(context()), chosen)
    try:
        file.write_bytes(data)
    except OSError as exc:
        raise CareerError(f"cannot write {file}: {exc.strerror}", field="file") from exc
    console.print(f"Wrote {file} ({chosen}, {len(data):,} bytes).", highlight=False)


@resume_app.command("critique")
@user_errors
def critique_cmd(
    file: Path = typer.Argument(..., help="A résumé file (.pdf, .docx, .txt, .json, LinkedIn CSV)"),
    as_json: bool = typer.Option(False, "--json"),
    llm: bool = typer.Option(
        False, "--llm", help="Also ask the configured language model for rewrites"
    ),
) -> None:
    """Line-by-line findings: duty statements, weak openings, missing numbers, passive voice..."""
    _text, result = critique_file(file)
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
        data = result.as_dict()
        if llm:
            data["llm_rewrites"] = rewrites
        print_json(data)
        return
    print_table(
        f"Critique of {file.name}: {len(result.findings)} findings, "
        f"{result.bullets_with_metric}/{result.bullets} bullets with a number",
        ["line", "rule", "text", "why", "rewrite"],
        [(f.line, f.rule, f.text[:50], f.explanation, f.suggestion) for f in result.findings],
        empty="No findings: every bullet opens with a verb and carries a result.",
    )
    for original, better in zip(
        dict.fromkeys(f.text for f in result.findings), rewrites, strict=False
    ):
        console.print(f"[dim]{original}[/]\n  -> {better}", highlight=False)


@resume_app.command("documents")
@user_errors
def documents_cmd(as_json: bool = typer.Option(False, "--json")) -> None:
    """Imported résumés and LinkedIn exports, and tailored versions."""
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
    if as_json:
        print_json(rows)
        return
    print_table(
        "Documents",
        ["id", "kind", "file", "title", "parent"],
        [(r["id"], r["kind"], r["filename"], r["title"], r["parent_id"]) for r in rows],
        empty="No documents yet: career resume import FILE",
    )


@plan_app.command("export")
@user_errors
def plan_export(file: Path = typer.Argument(..., help="The PDF to write")) -> None:
    """Profile, vision, goals, inventory, positions and accomplishments in one PDF."""
    if file.suffix.lower() != ".pdf":
        raise CareerError("the career plan is exported as PDF; name the file *.pdf", field="file")
    data = plan_pdf(context())
    try:
        file.write_bytes(data)
    except OSError as exc:
        raise CareerError(f"cannot write {file}: {exc.strerror}", field="file") from exc
    console.print(f"Wrote {file} ({len(data):,} bytes).", highlight=False)


def register(app: typer.Typer) -> None:
    app.add_typer(resume_app, name="resume")
    app.add_typer(plan_app, name="plan")
