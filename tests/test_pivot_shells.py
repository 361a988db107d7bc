"""The pivot CLI, web pages and API on a real database and the real knowledge base."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from _web import web_client
from careerceo.documents.charts import paired_bars
from careerceo.errors import CareerError
from careerceo.services import pivots as service
from careerceo.services.context import AppContext
from careerceo.services.pivot_space import occupation_space
from careerceo.store.tables import Certification, Education, InventoryEntry, Position

POSTING = """Data Analyst

Responsibilities:
- Build dashboards in Tableau and write SQL queries against our warehouse.
- Present findings to stakeholders.

Minimum qualifications:
- Bachelor's degree in Statistics, Mathematics or a related field.
- 3+ years of experience with SQL and Python.
- Strong knowledge of statistics and mathematics.

Preferred qualifications:
- Experience with Kubernetes is a plus.
"""


def _seed(ctx: AppContext) -> None:
    with ctx.db.transaction() as s:
        pid = ctx.person_id
        s.add_all(
            [
                InventoryEntry(person_id=pid, kind="skill", name="Python", level=4),
                InventoryEntry(person_id=pid, kind="knowledge", name="Mathematics", level=4),
                InventoryEntry(
                    person_id=pid, kind="skill", name="Programming", level=4, intent="drop"
                ),
                Position(
                    person_id=pid,
                    employer="Acme",
                    title="Statistician",
                    start_date=date(2018, 1, 1),
                    occupation_code="15-2041.00",
                ),
                Education(person_id=pid, institution="Uni", degree="BSc", field="Statistics"),
                Certification(person_id=pid, name="AWS Certified Solutions Architect"),
            ]
        )


def test_empty_profile_says_what_to_enter(sqlite_ctx: AppContext) -> None:
    try:
        service.rank_pivots(sqlite_ctx)
    except Exception as exc:
        assert "inventory" in str(exc) and "past occupation" in str(exc)
        assert "career " not in str(exc)  # the shells add their own command or link
    else:
        raise AssertionError("an empty profile must not be ranked")


def test_service_ranks_and_gaps_a_real_person(sqlite_ctx: AppContext) -> None:
    _seed(sqlite_ctx)
    summary = service.capability_summary(sqlite_ctx)
    names = {e["name"]: e for e in summary["elements"]}
    assert names["Programming"]["intent"] == "drop"
    assert names["Programming"]["level"] == 5.25  # inventory level 4 overrides the position
    assert "Python" in summary["technologies"]
    assert summary["job_zone"] is not None and summary["interests"] is not None
    result = service.rank_pivots(sqlite_ctx, limit=10)
    assert result.rows[0].code.startswith("15-2041") or any(
        r.code.startswith("15-2") for r in result.rows[:3]
    )
    assert "inventory" in result.basis and "1 position" in result.basis
    gap = service.job_gap(sqlite_ctx, POSTING)
    labels = {r.label.casefold() for r in gap.requirements}
    assert "python" in {lbl.split(" (")[0] for lbl in labels}
    have = {r.label for r in gap.have}
    missing = {r.label for r in gap.missing}
    assert "Kubernetes" in missing
    assert any("Python" in h for h in have)
    kube = next(r for r in gap.requirements if r.label == "Kubernetes")
    assert kube.strength == "preferred"
    degree = next(q for q in gap.qualifications if "degree" in q.what)
    assert degree.have is True
    years = next(q for q in gap.qualifications if "years" in q.what)
    assert years.what.startswith("3+") and years.have is True


def test_basis_counts_are_in_plain_english(sqlite_ctx: AppContext) -> None:
    _seed(sqlite_ctx)
    result = service.rank_pivots(sqlite_ctx, limit=1)
    assert result.basis == (
        "your 3 inventory entries, 1 position, 1 education entry, 1 certification"
    )


def test_a_skill_marked_to_add_is_not_credited_against_a_posting(sqlite_ctx: AppContext) -> None:
    """ "add" means "a gap to close": the person does not have it yet."""
    with sqlite_ctx.db.transaction() as s:
        pid = sqlite_ctx.person_id
        s.add(InventoryEntry(person_id=pid, kind="skill", name="Kubernetes", intent="add"))
        s.add(InventoryEntry(person_id=pid, kind="skill", name="Tableau", level=4))
    gap = service.job_gap(sqlite_ctx, POSTING)
    assert "Kubernetes" in {r.label for r in gap.missing}
    tableau = next(r for r in gap.requirements if r.label == "Tableau")
    assert tableau.have and "Tableau: level 4/5" in tableau.evidence[0]


def test_a_positions_occupation_list_does_not_prove_a_technology(sqlite_ctx: AppContext) -> None:
    """A statistician with no inventory was credited against a posting with Tableau and SQL,
    the evidence being only that O*NET lists them for Statisticians; a data analyst was
    "✓ Kubernetes" the same way. Technologies count when the person names them."""
    with sqlite_ctx.db.transaction() as s:
        pid = sqlite_ctx.person_id
        s.add(
            Position(
                person_id=pid,
                employer="Acme",
                title="Statistician",
                start_date=date(2018, 1, 1),
                occupation_code="15-2041.00",
            )
        )
        s.add(InventoryEntry(person_id=pid, kind="skill", name="Python", level=4))
    gap = service.job_gap(sqlite_ctx, POSTING)
    missing = {r.label for r in gap.missing}
    assert "Tableau" in missing
    python = next(r for r in gap.requirements if r.label == "Python")
    assert python.have and all("your inventory" in e for e in python.evidence)
    # Skill and knowledge levels of the occupation still count.
    assert "Mathematics" in {r.label for r in gap.have}


def test_a_certification_in_the_inventory_meets_a_posting(sqlite_ctx: AppContext) -> None:
    """An ICU nurse listed "ACLS" in the inventory; the posting requiring ACLS said missing."""
    posting = "Staff Nurse, ICU\n\nRequirements\nCurrent ACLS certification required.\n"
    with sqlite_ctx.db.transaction() as s:
        s.add(InventoryEntry(person_id=sqlite_ctx.person_id, kind="skill", name="ACLS", level=4))
        s.add(InventoryEntry(person_id=sqlite_ctx.person_id, kind="skill", name="Epic", level=4))
    acls = next(r for r in service.job_gap(sqlite_ctx, posting).requirements if "ACLS" in r.label)
    assert acls.have and acls.evidence == ("ACLS: level 4/5 (your inventory)",)
    with sqlite_ctx.db.transaction() as s:
        for entry in s.query(InventoryEntry).filter(InventoryEntry.name == "ACLS"):
            entry.intent = "add"
    acls = next(r for r in service.job_gap(sqlite_ctx, posting).requirements if "ACLS" in r.label)
    assert not acls.have


def test_everyday_skill_names_in_the_inventory_are_all_counted(sqlite_ctx: AppContext) -> None:
    """ "SQL" is an ESCO skill no occupation lists, so it must land on O*NET's SQL technology
    instead of being reported as not matched."""
    with sqlite_ctx.db.transaction() as s:
        for name in ("SQL", "Excel", "Tableau", "public speaking", "Project management"):
            s.add(InventoryEntry(person_id=sqlite_ctx.person_id, kind="skill", name=name))
    profile, _ = service.person_profile(sqlite_ctx)
    assert profile.unmatched == ()
    summary = service.capability_summary(sqlite_ctx)
    assert "Structured query language SQL" in summary["technologies"]


def test_skill_names_written_as_nouns_find_the_esco_skill(sqlite_ctx: AppContext) -> None:
    """A teacher's "classroom management" and "curriculum development" were reported as not
    matched: ESCO writes them "perform classroom management" and "develop curriculum"."""
    with sqlite_ctx.db.transaction() as s:
        for name in ("classroom management", "curriculum development", "coaching"):
            s.add(InventoryEntry(person_id=sqlite_ctx.person_id, kind="skill", name=name))
    profile, _ = service.person_profile(sqlite_ctx)
    assert profile.unmatched == ()
    summary = service.capability_summary(sqlite_ctx)
    assert {"perform classroom management", "develop curriculum"} <= set(summary["esco_skills"])
    # "coaching" is the curated everyday name (coaching techniques), not "drive coach" (ESCO's
    # "drive carriage"), which shares its words.
    assert {"coaching techniques", "coach employees"} & set(summary["esco_skills"])
    assert "drive coach" not in summary["esco_skills"]


def test_a_title_that_starts_with_a_digit_is_a_title() -> None:
    """`career pivot --from "3rd grade teacher"` was refused as a malformed O*NET-SOC code."""
    space = occupation_space()
    assert service.resolve_occupation(space, "3rd grade teacher").startswith("25-2021")
    assert service.resolve_occupation(space, " 15-1252 ") == "15-1252.00"
    try:
        service.resolve_occupation(space, "15-12")
    except CareerError as exc:
        assert "O*NET-SOC code" in exc.message
    else:
        raise AssertionError("a malformed code must be refused as a code")


def test_cli_json_shape_and_errors(cli: object, tmp_path: Path) -> None:
    run = cli  # type: ignore[assignment]
    result = run("pivot", "--from", "15-1252.00", "--json", "--limit", "5")  # type: ignore[operator]
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) == 5
    assert {"code", "title", "score", "kind", "related", "because"} <= set(rows[0])
    # The source is the reference point, not a pivot; its closest relatives come first.
    assert "15-1252.00" not in {r["code"] for r in rows}
    assert rows[0]["code"].startswith("15-12")
    assert rows[0]["score"] >= rows[1]["score"]
    assert rows[0]["because"] and rows[0]["related_to"].startswith("15-1252.00")
    titled = run("pivot", "--from", "registered nurse", "--json", "--limit", "3")  # type: ignore[operator]
    assert all(not r["code"].startswith("29-1141.00") for r in json.loads(titled.stdout))
    assert json.loads(titled.stdout)[0]["related_to"].startswith("29-1141")
    empty = run("pivot")  # type: ignore[operator]
    assert empty.exit_code == 2 and "inventory" in empty.output
    unknown = run("pivot", "show", "99-9999.00", "--from", "15-1252.00")  # type: ignore[operator]
    assert unknown.exit_code == 2 and "99-9999.00" in unknown.output
    filt = run("pivot", "--from", "15-1252", "--zone-min", "5", "--family", "11", "--json")  # type: ignore[operator]
    assert all(r["code"].startswith("11-") and r["job_zone"] == 5 for r in json.loads(filt.stdout))
    bad_zone = run("pivot", "--from", "15-1252", "--zone-min", "9")  # type: ignore[operator]
    assert bad_zone.exit_code == 2 and "job zone" in bad_zone.output
    md = tmp_path / "r.md"
    shown = run(
        "pivot", "show", "15-2051.00", "--from", "15-1252.00", "--format", "md", "--out", str(md)
    )  # type: ignore[operator]
    assert shown.exit_code == 0, shown.output
    text = md.read_text()
    assert "Data Scientists" in text and "O*NET 29.0" in text and "Learning plan" in text
    pdf = tmp_path / "r.pdf"
    shown = run(
        "pivot", "show", "15-2051.00", "--from", "15-1252.00", "--format", "pdf", "--out", str(pdf)
    )  # type: ignore[operator]
    assert shown.exit_code == 0 and pdf.read_bytes().startswith(b"%PDF")
    empty_file = tmp_path / "empty.txt"
    empty_file.write_text("  \n")
    res = run("gap", "--job", str(empty_file), "--from", "15-1252.00")  # type: ignore[operator]
    assert res.exit_code == 2 and "empty" in res.output
    binary = tmp_path / "job.pdf"
    binary.write_bytes(b"%PDF-1.4\x00\x01\x02binary")
    res = run("gap", "--job", str(binary), "--from", "15-1252.00")  # type: ignore[operator]
    assert res.exit_code == 2 and "binary" in res.output
    res = run("gap", "--job", "-", "--from", "15-2041.00", "--json", input=POSTING)  # type: ignore[operator]
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert "Kubernetes" in data["missing"]


def test_chart_names_are_never_cut_mid_word() -> None:
    """The detail chart's legend read "Health Information Technologis" (cut at 30 characters,
    in the tooltips too): a shortened name is marked with "…" and the full one is kept."""
    title = "Health Information Technologists and Medical Registrars"
    element = "Installation of Telecommunications Equipment Systems"
    svg = str(paired_bars([(element, 2.0, 4.0)], max_value=7.0, names=("You", title)))
    assert f"<title>{title}: 4.00</title>" in svg and f"<title>{title}</title>" in svg
    assert f"<title>{element}</title>" in svg
    visible = re.sub(r"<title>.*?</title>", "", svg)
    assert "Technologis<" not in visible and "Technologis " not in visible
    assert "Health Information Technologists and Medical…" in visible
    assert "Installation of Telecommunications…" in visible


def test_pivot_from_a_past_occupation_never_says_your_own_entries(sqlite_ctx: AppContext) -> None:
    """With ?from= (or --from) "you" are the past occupation's O*NET profile; the detail,
    its chart caption and the reports said the levels came from "your own entries"."""
    d = service.pivot_detail(None, "15-2051.00", from_="15-1252.00")
    assert d.sources[-1].startswith("the profile of 15-1252.00")
    client = web_client(sqlite_ctx)
    for url in (
        "/pivots/15-2051.00?from=15-1252.00",
        "/pivots?from=15-1252.00&limit=5",
        "/pivots/15-2051.00/report.md?from=15-1252.00",
    ):
        page = client.get(url)
        assert page.status_code == 200, url
        assert "your own entries" not in page.text and "15-1252.00" in page.text, url
    assert "Profile built from occupation 15-1252.00" in page.text


def test_meets_is_not_applicable_without_rated_skills(sqlite_ctx: AppContext) -> None:
    """An inventory of tools to learn ("Excel", "Tableau" with intent add) rates no O*NET skill
    or knowledge area, yet every pivot said "Meets 0%" and "you meet 0% of its demand"."""
    with sqlite_ctx.db.transaction() as s:
        for name in ("Excel", "Tableau"):
            s.add(
                InventoryEntry(
                    person_id=sqlite_ctx.person_id, kind="skill", name=name, intent="add"
                )
            )
    result = service.rank_pivots(sqlite_ctx, limit=3)
    assert [r.readiness for r in result.rows] == [None, None, None]
    client = web_client(sqlite_ctx)
    assert "n/a</td>" in client.get("/pivots", params={"limit": "3"}).text
    page = client.get(f"/pivots/{result.rows[0].code}")
    assert page.status_code == 200 and "you meet" not in page.text
    report = client.get(f"/pivots/{result.rows[0].code}/report.md").text
    assert "you meet" not in report


def test_web_pages_render(sqlite_ctx: AppContext) -> None:
    client = web_client(sqlite_ctx)
    empty = client.get("/pivots")
    assert empty.status_code == 200 and "profile is empty" in empty.text
    _seed(sqlite_ctx)
    page = client.get("/pivots", params={"zone_min": "4", "limit": "30"})
    assert page.status_code == 200
    assert 'id="pivots-table"' in page.text and 'class="sortable"' in page.text
    assert '<script src="/static/pivots.js"' in page.text
    assert "th.sortable" in client.get("/static/pivots.js").text
    bad = client.get("/pivots", params={"zone_min": "x"})
    assert bad.status_code == 422 and "job zone" in bad.text
    compared = client.get("/pivots", params={"compare": "15-2051.00"})
    assert 'id="compare-chart"' in compared.text and "Data Scientists" in compared.text
    detail = client.get("/pivots/15-2051.00")
    assert detail.status_code == 200
    assert "<svg" in detail.text and "Learning plan" in detail.text and "O*NET 29.0" in detail.text
    assert client.get("/pivots/99-9999.00").status_code == 404
    assert client.get("/pivots/15-2051.00/report.pdf").content.startswith(b"%PDF")
    gap = client.post("/gap", data={"text": POSTING})
    assert gap.status_code == 200 and 'class="skill missing"' in gap.text
    assert client.post("/gap", data={"text": " "}).status_code == 422
    api = client.get("/api/v1/pivots", params={"from": "29-1141.00", "limit": 3}).json()
    assert api["reference"] == [{"code": "29-1141.00", "title": "Registered Nurses"}]
    assert "29-1141.00" not in {p["code"] for p in api["pivots"]}
    assert api["pivots"][0]["because"]
    api_gap = client.post("/api/v1/gap", json={"text": POSTING}).json()
    assert "Kubernetes" in api_gap["missing"]


def test_resume_and_title_feed_the_profile(ctx: AppContext, shared_data: Path) -> None:
    """A real résumé text and a position with only a title (normalised to an occupation)."""
    import csv

    from careerceo.store.tables import Document

    with (shared_data / "resumes" / "UpdatedResumeDataSet.csv").open(encoding="utf-8") as fh:
        text = next(r["Resume"] for r in csv.DictReader(fh) if r["Category"] == "Data Science")
    with ctx.db.transaction() as s:
        s.add(Document(person_id=ctx.person_id, kind="resume", title="CV", text=text))
        s.add(
            Position(
                person_id=ctx.person_id,
                employer="Acme",
                title="Senior Software Engineer",
                start_date=date(2019, 1, 1),
            )
        )
    profile, data = service.person_profile(ctx)
    assert data.resume_text
    assert profile.occupations and profile.occupations[0][0].startswith("15-")
    resume_evidence = [
        ev for evs in profile.evidence.values() for ev in evs if ev.source == "your résumé"
    ]
    assert len(resume_evidence) >= 5
    result = service.rank_pivots(ctx, limit=15)
    assert "your résumé" in result.basis
    assert all(r.code[:2] in {"15", "11", "17", "13", "19", "25"} for r in result.rows[:5])


def test_cli_gap_from_a_saved_posting(cli: object) -> None:
    from careerceo.cli.common import context, reset_context
    from careerceo.store.tables import JobPosting

    run = cli  # type: ignore[assignment]
    assert run("pivot", "--from", "15-2041", "--limit", "1").exit_code == 0  # type: ignore[operator]
    ctx = context()
    with ctx.db.transaction() as s:
        s.add(InventoryEntry(person_id=ctx.person_id, kind="skill", name="Python", level=4))
        row = JobPosting(person_id=ctx.person_id, title="Analyst", text=POSTING)
        s.add(row)
        s.flush()
        posting_id = row.id
    reset_context()
    res = run("gap", "--posting", str(posting_id), "--json")  # type: ignore[operator]
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert "Kubernetes" in data["missing"] and data["requirements"]
    assert any(r["label"] == "Python" and r["have"] for r in data["requirements"])
    none = run("gap")  # type: ignore[operator]
    assert none.exit_code == 2 and "--job" in none.output
    other = run("gap", "--posting", "9999")  # type: ignore[operator]
    assert other.exit_code == 2 and "9999" in other.output and "posting" in other.output


def test_cli_profile_explains_an_empty_skills_table(cli: object) -> None:
    """`career pivot profile` with tools only printed an empty table, headers and nothing else."""
    run = cli  # type: ignore[assignment]
    assert run("inventory", "add", "Excel", "--level", "4").exit_code == 0  # type: ignore[operator]
    res = run("pivot", "profile")  # type: ignore[operator]
    assert res.exit_code == 0, res.output
    assert "No O*NET skill or knowledge area is rated" in res.output


def test_cli_pivot_table_never_cuts_an_occupation_code(cli: object, monkeypatch: object) -> None:
    """On an 80-column terminal the table printed "(25-2057.0…": the code the user needs for
    `career pivot show CODE` was cut."""
    monkeypatch.setenv("COLUMNS", "80")  # type: ignore[attr-defined]
    run = cli  # type: ignore[assignment]
    listed = run("pivot", "--from", "25-2021.00", "--limit", "6", "--json")  # type: ignore[operator]
    codes = [row["code"] for row in json.loads(listed.stdout)]
    table = run("pivot", "--from", "25-2021.00", "--limit", "6")  # type: ignore[operator]
    assert table.exit_code == 0, table.output
    assert all(code in table.output for code in codes), table.output
