"""Reference collections and path mining: hand-checked collections with known answers, the
edge cases of real histories, bad input, privacy, and the CLI contract."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from careerceo.analysis.paths import PathFrame, Target, mine
from careerceo.errors import CareerError
from careerceo.model.paths import DatePrecision
from careerceo.services import paths as service
from careerceo.services.context import AppContext

TODAY = date(2025, 6, 15)
AS_OF = 2025 * 12 + 5


def Y(year: int, month: int = 1) -> int:
    return year * 12 + month - 1


class Frame:
    """A hand-built collection: add positions per person in chronological order."""

    def __init__(self) -> None:
        self.cols: dict[str, list[Any]] = {
            k: []
            for k in (
                "profile_id", "seq", "title_key", "title", "occupation_code", "start_month",
                "end_month", "current", "internship", "employer_size", "industry", "id",
            )
        }  # fmt: skip
        self.seq: dict[int, int] = {}

    def add(
        self,
        person: int,
        title: str,
        code: str | None,
        start: int | None,
        end: int | None,
        *,
        current: bool = False,
        intern: bool = False,
        size: str | None = None,
    ) -> None:
        c = self.cols
        c["profile_id"].append(person)
        c["seq"].append(self.seq.get(person, 0))
        self.seq[person] = self.seq.get(person, 0) + 1
        c["title_key"].append(service.title_key(title))
        c["title"].append(title)
        c["occupation_code"].append(code)
        c["start_month"].append(start)
        c["end_month"].append(end)
        c["current"].append(current)
        c["internship"].append(intern)
        c["employer_size"].append(size)
        c["industry"].append(None)
        c["id"].append(len(c["id"]) + 1)

    def frame(self) -> PathFrame:
        return PathFrame.from_columns(self.cols)


REPORTER, PRODUCER, EDITOR, ASSISTANT = "27-3023.00", "27-2012.00", "27-3041.00", "43-6014.00"
ZONES = {REPORTER: 4, PRODUCER: 4, EDITOR: 4, ASSISTANT: 2}


def test_hand_checked_collection_has_the_known_answers() -> None:
    f = Frame()
    # 1: assistant 2 y -> reporter 3 y -> producer
    f.add(1, "Editorial Assistant", ASSISTANT, Y(2008), Y(2010))
    f.add(1, "Reporter", REPORTER, Y(2010), Y(2013))
    f.add(1, "Producer", PRODUCER, Y(2013), None, current=True)
    # 2: reporter 4 y -> producer
    f.add(2, "Reporter", REPORTER, Y(2012), Y(2016))
    f.add(2, "Producer", PRODUCER, Y(2016), Y(2020))
    # 3: editor 1 y -> producer
    f.add(3, "Editor", EDITOR, Y(2015), Y(2016))
    f.add(3, "Producer", PRODUCER, Y(2016), None, current=True)
    # 4: reporter who became an editor and never a producer
    f.add(4, "Reporter", REPORTER, Y(2011), Y(2014))
    f.add(4, "Editor", EDITOR, Y(2014), None, current=True)
    # 5: a profile that starts at the target: one more arrival, no time to target (not 0 years)
    f.add(5, "Producer", PRODUCER, Y(2019), None, current=True)
    m = mine(f.frame(), Target(code=PRODUCER), as_of=AS_OF, zones=ZONES)
    assert (m.profiles, m.people) == (5, 4)
    step1 = [r for r in m.steps_before if r.step == 1]
    assert [(r.title, r.people, r.share) for r in step1] == [
        ("Reporter", 2, round(2 / 4, 3)),
        ("Editor", 1, round(1 / 4, 3)),
    ]
    assert step1[0].median_years == 3.5  # 3 and 4 years
    assert [(r.title, r.people) for r in m.steps_before if r.step == 2] == [
        ("Editorial Assistant", 1)
    ]
    # first job -> target: 5, 4 and 1 years (profile 5 has no way there on record)
    assert m.median_years_to_target == 4.0
    assert m.steps_before[-1].move.value == "up"  # assistant (zone 2) -> reporter (zone 4)
    reporter = next(o for o in m.outcomes if o.title == "Reporter")
    assert (reporter.held, reporter.reached, reporter.elsewhere) == (3, 2, 1)
    assert reporter.next_roles == [("Editor", 1)]
    assert sorted((s.people, tuple(s.roles)) for s in m.sequences)[-1][0] == 1
    paths = {tuple(s.roles) for s in m.sequences}
    assert ("Editorial Assistant", "Reporter", "Producer") in paths


def test_edge_cases_of_real_histories() -> None:
    f = Frame()
    # same title twice in a row (two employers) is one role of 2 + 2 years
    f.add(1, "Reporter", REPORTER, Y(2010), Y(2012))
    f.add(1, "Reporter", REPORTER, Y(2012), Y(2014))
    f.add(1, "Producer", PRODUCER, Y(2014), None, current=True)
    # reached twice: producer, editor, producer again -> counted once, path = first arrival
    f.add(2, "Intern", None, Y(2009, 6), Y(2009, 9), intern=True)
    f.add(2, "Reporter", REPORTER, Y(2010), Y(2011))
    f.add(2, "Producer", PRODUCER, Y(2011), Y(2015))
    f.add(2, "Editor", EDITOR, Y(2015), Y(2017))
    f.add(2, "Producer", PRODUCER, Y(2017), None, current=True)
    # missing dates: counted as a step, left out of the medians
    f.add(3, "Reporter", REPORTER, None, None)
    f.add(3, "Producer", PRODUCER, None, None)
    # overlapping positions (a freelance role started before the target and kept after it),
    # and a career gap of two years before the target
    f.add(4, "Reporter", REPORTER, Y(2010), Y(2016))
    f.add(4, "Producer", PRODUCER, Y(2018), None, current=True)
    m = mine(f.frame(), Target(code=PRODUCER), as_of=AS_OF, zones=ZONES)
    assert m.people == 4
    assert m.reached_twice == 1
    step1 = [r for r in m.steps_before if r.step == 1]
    assert [(r.title, r.people) for r in step1] == [("Reporter", 4)]
    # 4 (merged), 1, unknown, 6 -> median of 1, 4, 6
    assert step1[0].median_years == 4.0
    assert [(r.title, r.people) for r in m.steps_before if r.step == 2] == [("Intern", 1)]
    # years to target: 4, 1 (internship is not the first job), unknown, 8
    assert m.median_years_to_target == 4.0


def test_target_by_title_counts_that_title_only() -> None:
    f = Frame()
    f.add(1, "Associate Producer", PRODUCER, Y(2010), Y(2012))
    f.add(1, "Senior Producer", PRODUCER, Y(2012), None, current=True)
    f.add(2, "Reporter", REPORTER, Y(2010), Y(2012))
    f.add(2, "Associate Producer", PRODUCER, Y(2012), Y(2015))
    f.add(2, "Senior Producer", PRODUCER, Y(2015), None, current=True)
    by_title = mine(
        f.frame(), Target(key=service.title_key("senior producer")), as_of=AS_OF, zones=ZONES
    )
    assert by_title.people == 2
    assert [(r.step, r.title, r.people) for r in by_title.steps_before] == [
        (1, "Associate Producer", 2),
        (2, "Reporter", 1),
    ]
    by_code = mine(f.frame(), Target(code=PRODUCER), as_of=AS_OF, zones=ZONES)
    assert [(r.step, r.title) for r in by_code.steps_before] == [(1, "Reporter")]


def test_where_people_like_you_went_next() -> None:
    f = Frame()
    for person, nxt in ((1, "Producer"), (2, "Producer"), (3, "Editor")):
        f.add(person, "Reporter", REPORTER, Y(2010), Y(2012))
        f.add(person, nxt, PRODUCER if nxt == "Producer" else EDITOR, Y(2012), None, current=True)
    m = mine(
        f.frame(), Target(code=PRODUCER), as_of=AS_OF, zones=ZONES,
        current_key=service.title_key("Reporter"),
    )  # fmt: skip
    assert [(n.title, n.people, n.share) for n in m.next_from] == [
        ("Producer", 2, 0.667),
        ("Editor", 1, 0.333),
    ]


def test_order_of_undated_positions_follows_the_document() -> None:
    # résumé order (newest first): current, undated, 2010 job
    assert service.order_positions([Y(2015), None, Y(2010)], newest_first=True) == [2, 1, 0]
    # CSV order (oldest first) with nothing dated
    assert service.order_positions([None, None], newest_first=False) == [0, 1]
    assert service.partial_month("2015") == (2015 * 12 + 6, DatePrecision.YEAR)
    assert service.partial_month("2015-03")[0] == Y(2015, 3)


CSV_OK = """person,title,employer,start,end,employer_size,industry
ana,Reporter,Daily Bugle,2010-01,2013-01,large,news
ana,Producer,Daily Bugle,2013-01,Present,large,news
ben,Editorial Intern,Gazette,2009-01,2010-01,small,news
ben,Reporter,Gazette,Jan 2010,2014-01,small,news
ben,Producer,Channel 5,2014-01,,large,broadcast
cy,Reporter,Gazette,2012,2015,small,news
cy,Editor,Gazette,2015,Present,small,news
dee,Reporter,Tribune,2011-05,2099-01,,
eve,Reporter,Tribune,2011-05,2010-01,,
fay,Reporter,Tribune,someday,2012-01,,
"""


def test_csv_import_reports_each_bad_line_and_keeps_the_rest(sqlite_ctx: AppContext) -> None:
    service.new_collection(sqlite_ctx, {"name": "News producers"})
    summary = service.add_file(
        sqlite_ctx, "News producers", CSV_OK.encode(), "refs.csv", today=TODAY
    )
    assert summary.ok
    assert (summary.profiles, summary.positions) == (3, 7)
    text = "\n".join(summary.messages)
    assert "line 9" in text and "future" in text  # dee
    assert "line 10" in text and "before it starts" in text  # eve
    assert "line 11" in text and "'someday' is not a date" in text  # fay
    out = service.analyze(sqlite_ctx, "News producers", "Producer", today=TODAY)
    assert out.people == 2
    assert out.matched_by == "title"
    assert [(r.step, r.title, r.people) for r in out.steps_before] == [
        (1, "Reporter", 2),
        (2, "Editorial Intern", 1),
    ]
    assert out.steps_before[0].median_years == 3.5
    assert out.median_years_to_target == 3.5  # ben's internship is not his first job
    sizes = {row.label: row.people for row in out.employer_sizes}
    assert sizes == {"large": 1, "small": 1}
    # the same file again adds nobody: each person is recognised
    again = service.add_file(sqlite_ctx, "News producers", CSV_OK.encode(), "refs.csv", today=TODAY)
    assert again.profiles == 0 and again.skipped >= 3 and not again.ok


def test_bad_files_are_refused_one_by_one(sqlite_ctx: AppContext, tmp_path: Path) -> None:
    service.new_collection(sqlite_ctx, {"name": "Mixed"})
    missing = tmp_path / "missing.csv"
    missing.write_text("person,title,start\nana,Reporter,2010\n", encoding="utf-8")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 this is not a PDF")
    empty = tmp_path / "empty.txt"
    empty.write_text("Just a line about hobbies.\n", encoding="utf-8")
    good = tmp_path / "good.csv"
    good.write_text(CSV_OK, encoding="utf-8")
    summaries = service.add_paths(sqlite_ctx, "Mixed", [missing, broken, empty, good])
    assert [s.ok for s in summaries] == [False, False, False, True]
    assert "lacks the column(s) employer, end" in summaries[0].messages[0]
    assert summaries[1].messages and "PDF" in " ".join(summaries[1].messages)
    assert summaries[3].profiles == 3
    assert service.get_collection(sqlite_ctx, "Mixed").profiles == 3


def test_profiles_are_pseudonymised_and_deleted_with_the_collection(ctx: AppContext) -> None:
    service.new_collection(ctx, {"name": "Private"})
    service.add_file(ctx, "Private", CSV_OK.encode(), "refs.csv", today=TODAY)
    profiles = service.list_profiles(ctx, "Private")
    assert [p.alias for p in profiles] == ["Person 1", "Person 2", "Person 3"]
    assert all(p.name is None for p in profiles)
    dump = json.dumps([p.model_dump(mode="json") for p in profiles])
    assert "ana" not in dump.lower().split('"')
    service.new_collection(ctx, {"name": "Named"})
    service.add_file(ctx, "Named", CSV_OK.encode(), "refs.csv", keep_names=True, today=TODAY)
    assert [p.name for p in service.list_profiles(ctx, "Named")] == ["ana", "ben", "cy"]
    removed = service.remove_collection(ctx, "Private")
    assert (removed.profiles, removed.positions) == (3, 7)
    with pytest.raises(CareerError, match="no collection"):
        service.list_profiles(ctx, "Private")
    assert service.get_collection(ctx, "Named").positions == 7
    resume = {
        "basics": {"name": "Gus Example"},
        "work": [
            {"position": "Reporter", "name": "Herald", "startDate": "2010-01-01",
             "endDate": "2013-01-01"},
            {"position": "Producer", "name": "Herald", "startDate": "2013-01-01"},
        ],
        "education": [{"studyType": "Bachelor", "area": "Journalism", "institution": "Uni"}],
    }  # fmt: skip
    added = service.add_file(ctx, "Named", json.dumps(resume).encode(), "gus.json", today=TODAY)
    assert added.ok and added.profiles == 1
    out = service.analyze(ctx, "Named", "Producer", today=TODAY)
    assert out.people == 3
    assert [(e.label, e.people) for e in out.education] == [("Bachelor, Journalism", 1)]


def test_correcting_an_occupation_changes_the_figures(sqlite_ctx: AppContext) -> None:
    service.new_collection(sqlite_ctx, {"name": "Fix"})
    service.add_file(sqlite_ctx, "Fix", CSV_OK.encode(), "refs.csv", today=TODAY)
    before = service.analyze(sqlite_ctx, "Fix", "27-2012.00", today=TODAY)
    reporter = before.steps_before[0]
    assert reporter.title == "Reporter" and len(reporter.position_ids) == 2
    corrected = service.correct_occupation(
        sqlite_ctx, reporter.position_ids[0], {"occupation_code": "27-3041.00"}
    )
    assert corrected.corrected and corrected.confidence is None
    after = service.analyze(sqlite_ctx, "Fix", "27-2012.00", today=TODAY)
    codes = {(r.code, r.people) for r in after.occupations_before if r.step == 1}
    assert ("27-3041.00", 1) in codes and ("27-3023.00", 1) in codes
    with pytest.raises(CareerError, match=r"99-9999\.00"):
        service.correct_occupation(
            sqlite_ctx, reporter.position_ids[0], {"occupation_code": "99-9999.00"}
        )


def test_cli_new_add_analyze_json_contract(cli: Any, tmp_path: Path) -> None:
    refs = tmp_path / "refs.csv"
    refs.write_text(CSV_OK.replace("2099-01", "2012-01"), encoding="utf-8")
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a docx")
    assert cli("paths", "new", "News producers").exit_code == 0
    added = cli("paths", "add", "News producers", str(bad), str(refs))
    assert added.exit_code == 0, added.output
    assert "bad.docx: nothing added" in added.output
    assert "refs.csv: 4 profile(s)" in added.output
    result = cli("paths", "analyze", "News producers", "--target", "Producer", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["people"] == 2
    assert data["median_years_to_target"] == 3.5
    rows = data["steps_before"]
    for row in rows:
        assert {"step", "title", "code", "people", "share", "median_years"} <= set(row)
        assert row["step"] in (1, 2, 3) and 0 <= row["share"] <= 1
    for step in (1, 2, 3):
        people = [r["people"] for r in rows if r["step"] == step]
        assert people == sorted(people, reverse=True)
    assert rows[0] == {**rows[0], "step": 1, "title": "Reporter", "people": 2}
    listed = cli("paths", "list", "--json")
    assert json.loads(listed.output)[0]["profiles"] == 4
    assert cli("paths", "remove", "News producers", "--yes").exit_code == 0
    gone = cli("paths", "analyze", "News producers", "--target", "Producer")
    assert gone.exit_code == 2 and "no collection" in gone.output


def test_cli_add_to_an_unknown_collection_is_one_clear_error(cli: Any, tmp_path: Path) -> None:
    refs = tmp_path / "refs.csv"
    refs.write_text(CSV_OK, encoding="utf-8")
    result = cli("paths", "add", "Nope", str(refs))
    assert result.exit_code == 2
    assert "no collection 'Nope'" in result.output


def _zip_folder(folder: Path) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder))
    return buffer.getvalue()


def test_real_profiles_import_and_their_figures_hold_together(
    sqlite_ctx: AppContext, shared_data: Path
) -> None:
    """The real résumé PDFs, JSON Resume examples, LinkedIn exports and résumé texts, read at
    test time (never copied into the project)."""
    import csv

    service.new_collection(sqlite_ctx, {"name": "Real"})
    pdfs = sorted((shared_data / "resumes" / "pdf_livecareer").glob("*/*.pdf"))
    jsons = sorted((shared_data / "jsonresume" / "examples").glob("*.json"))
    summaries = service.add_paths(sqlite_ctx, "Real", [*pdfs, *jsons])
    assert len(summaries) == len(pdfs) + len(jsons) >= 30
    assert all(s.ok and s.profiles == 1 and s.positions > 0 for s in summaries), [
        (s.filename, s.messages) for s in summaries if not s.ok
    ]
    for folder in sorted(p for p in (shared_data / "linkedin-export").iterdir() if p.is_dir()):
        summary = service.add_file(sqlite_ctx, "Real", _zip_folder(folder), f"{folder.name}.zip")
        assert summary.ok and summary.positions > 0, summary.messages
    csv.field_size_limit(10**8)
    with (shared_data / "resumes" / "UpdatedResumeDataSet.csv").open(encoding="utf-8") as handle:
        texts = [row["Resume"] for row in csv.DictReader(handle)][:150]
    results = [
        service.add_file(sqlite_ctx, "Real", text.encode(), f"resume-{i}.txt")
        for i, text in enumerate(texts)
    ]
    # Most of these texts are one run-on paragraph: no dated positions is a clear message.
    refused = [r for r in results if not r.ok]
    assert all(r.messages for r in refused)
    assert any(r.ok for r in results)
    profiles = service.list_profiles(sqlite_ctx, "Real")
    assert len(profiles) == len(summaries) + 3 + sum(r.profiles for r in results)
    assert all(p.name is None and p.alias.startswith("Person ") for p in profiles)
    positions = {p.id: p for profile in profiles for p in profile.positions}
    codes = [p.occupation_code for p in positions.values() if p.occupation_code]
    assert len(codes) >= 0.6 * len(positions)  # most real titles find an occupation
    for code in sorted(set(codes), key=codes.count, reverse=True)[:3]:
        out = service.analyze(sqlite_ctx, "Real", code)
        assert out.matched_by == "code" and 0 < out.people <= out.profiles
        for row in out.steps_before:
            assert 1 <= row.step <= 3 and row.people <= out.people
            assert row.share == round(row.people / out.people, 3)
            assert all(
                service.title_key(positions[i].title) == service.title_key(row.title)
                for i in row.position_ids
            )
        assert sum(r.people for r in out.steps_before if r.step == 1) <= out.people


def test_where_you_stand_and_a_plan_saved_as_goal_and_milestones(sqlite_ctx: AppContext) -> None:
    from careerceo.services import direction
    from careerceo.services.positions import add_position

    service.new_collection(sqlite_ctx, {"name": "Plan"})
    service.add_file(sqlite_ctx, "Plan", CSV_OK.encode(), "refs.csv", today=TODAY)
    empty = service.plan(sqlite_ctx, "Plan", "Producer", today=TODAY, with_requirements=False)
    assert empty.your_step is None and any("no positions" in w for w in empty.warnings)
    # from outside the path the plan starts at the most common earliest step
    assert [s.title for s in empty.steps] == ["Editorial Intern", "Reporter", "Producer"]
    add_position(
        sqlite_ctx,
        {"employer": "Local Paper", "title": "Reporter", "start_date": "2019-01"},
    )
    out = service.plan(sqlite_ctx, "Plan", "Producer", today=TODAY, with_requirements=False)
    assert [(p.title, p.step, p.matched_by) for p in out.you] == [("Reporter", 1, "title")]
    assert out.your_step == 1
    assert [s.title for s in out.steps] == ["Producer"]
    assert out.next_from and out.next_from[0].title == "Producer"
    saved = service.save_plan(sqlite_ctx, "Plan", "Producer", today=TODAY)
    assert saved.goal_id is not None
    goal = direction.get_goal(sqlite_ctx, saved.goal_id, today=TODAY)
    assert goal.title == "Reach Producer" and goal.occupation_code == "27-2012.00"
    assert [m.title for m in goal.milestones] == ["Step 1: Producer"]
    assert goal.milestones[0].due_date == date(2026, 6, 1)  # no median for the target: a year


def test_cli_plan(cli: Any, tmp_path: Path) -> None:
    refs = tmp_path / "refs.csv"
    refs.write_text(CSV_OK, encoding="utf-8")
    cli("paths", "new", "P")
    cli("paths", "add", "P", str(refs))
    cli("positions", "add", "--employer", "Gazette", "--title", "Editorial Intern")
    result = cli("paths", "plan", "P", "--target", "Producer")
    assert result.exit_code == 0, result.output
    assert "2 step(s) away" in result.output
    assert "1. Reporter" in result.output and "2. Producer" in result.output
    saved = cli("paths", "plan", "P", "--target", "Producer", "--save", "--json")
    assert saved.exit_code == 0, saved.output
    goal_id = json.loads(saved.output)["goal_id"]
    shown = cli("goals", "show", str(goal_id))
    assert "Step 1: Reporter" in shown.output and "Step 2: Producer" in shown.output


def test_backup_round_trip_and_the_shared_export_leaves_references_out(
    sqlite_ctx: AppContext, tmp_path: Path
) -> None:
    from datetime import datetime

    from careerceo.services import backup
    from conftest import make_context

    fixed = datetime(2025, 1, 1, 12, 0, 0)
    service.new_collection(sqlite_ctx, {"name": "Kept"})
    service.add_file(sqlite_ctx, "Kept", CSV_OK.encode(), "refs.csv", today=TODAY)
    first_id = service.list_profiles(sqlite_ctx, "Kept")[0].positions[0].id
    service.correct_occupation(sqlite_ctx, first_id, {"occupation_code": "27-3041.00"})
    service.new_collection(sqlite_ctx, {"name": "Shared"})
    service.add_file(sqlite_ctx, "Shared", CSV_OK.encode(), "refs.csv", today=TODAY)
    service.set_sharing(sqlite_ctx, "Shared", True)
    text = backup.export_backup(sqlite_ctx, now=fixed)
    other = make_context(f"sqlite:///{tmp_path / 'other.db'}", tmp_path / "other")
    try:
        written = backup.import_backup(other, text)
        assert written["path_collection"] == 2 and written["path_position"] == 14
        assert backup.export_backup(other, now=fixed) == text
        before = service.analyze(sqlite_ctx, "Kept", "Producer", today=TODAY)
        after = service.analyze(other, "Kept", "Producer", today=TODAY)
        ignore = {"position_ids"}
        rows: dict[str, Any] = {
            name: {"__all__": ignore}
            for name in ("steps_before", "occupations_before", "outcomes", "next_from")
        }
        rows["target_position_ids"] = True  # ids are renumbered on import
        assert after.model_dump(exclude=rows) == before.model_dump(exclude=rows)
        assert after.people == 2 and after.steps_before
    finally:
        other.db.dispose()
    shared = json.loads(backup.export_backup(sqlite_ctx, now=fixed, for_sharing=True))
    assert [c["name"] for c in shared["tables"]["path_collection"]] == ["Shared"]
    assert len(shared["tables"]["path_position"]) == 7


def test_the_columnar_copy_follows_every_change_and_is_never_the_record(
    sqlite_ctx: AppContext,
) -> None:
    """Imports append to the copy and corrections note themselves in it, so an analysis after
    a change reads no database rows; whatever the copy holds, the figures are the ones a
    rebuild from the database gives."""
    import json as json_module

    from careerceo.store import path_snapshot

    data_dir = sqlite_ctx.settings.data_dir

    def rebuilt(target: str) -> Any:
        path_snapshot.drop(data_dir, uid)
        out = service.analyze(sqlite_ctx, "Snap", target, today=TODAY)
        assert path_snapshot.revision_of(data_dir, uid) is not None  # the rebuild kept a copy
        return out

    service.new_collection(sqlite_ctx, {"name": "Snap"})
    service.add_file(sqlite_ctx, "Snap", CSV_OK.encode(), "refs.csv", today=TODAY)
    uid = service.load_frame(sqlite_ctx, "Snap")[0].uid
    folder = path_snapshot.folder(data_dir, uid)
    assert path_snapshot.revision_of(data_dir, uid) == 1  # written by the import itself
    fresh = service.analyze(sqlite_ctx, "Snap", "Producer", today=TODAY)
    assert fresh.people == 2
    assert rebuilt("Producer") == fresh
    # appended: a second file adds a segment, and the figures are a rebuild's
    service.add_file(sqlite_ctx, "Snap", CSV_OK.replace("ana", "zoe").encode(), "more.csv")
    manifest = json_module.loads((folder / "manifest.json").read_text())
    assert manifest["revision"] == 2 and len(manifest["segments"]) == 2
    grown = service.analyze(sqlite_ctx, "Snap", "Producer", today=TODAY)
    assert grown.people == 3 and grown.profiles == fresh.profiles + 1
    assert rebuilt("Producer") == grown
    # a correction: noted in the copy, the figure by occupation moves, a rebuild agrees
    service.add_file(sqlite_ctx, "Snap", CSV_OK.replace("ana", "max").encode(), "third.csv")
    reporter = next(r for r in grown.steps_before if r.title == "Reporter")
    service.correct_occupation(sqlite_ctx, reporter.position_ids[0], {"occupation_code": EDITOR})
    manifest = json_module.loads((folder / "manifest.json").read_text())
    assert manifest["revision"] == 4 and str(reporter.position_ids[0]) in manifest["corrections"]
    by_code = service.analyze(sqlite_ctx, "Snap", PRODUCER, today=TODAY)
    assert (EDITOR, 1) in {(r.code, r.people) for r in by_code.occupations_before if r.step == 1}
    assert rebuilt(PRODUCER) == by_code
    # a copy claiming another revision, or a damaged one, is not believed
    manifest = json_module.loads((folder / "manifest.json").read_text())
    (folder / "manifest.json").write_text(json_module.dumps({**manifest, "revision": 99}))
    assert service.analyze(sqlite_ctx, "Snap", PRODUCER, today=TODAY) == by_code
    for name in json_module.loads((folder / "manifest.json").read_text())["segments"]:
        (folder / name).write_bytes(b"not a segment")
    assert service.analyze(sqlite_ctx, "Snap", PRODUCER, today=TODAY) == by_code
    # an update that finds the copy at another revision drops it instead of guessing
    (folder / "manifest.json").write_text(json_module.dumps({**manifest, "revision": 1}))
    service.add_file(sqlite_ctx, "Snap", CSV_OK.replace("ana", "kim").encode(), "fourth.csv")
    assert path_snapshot.revision_of(data_dir, uid) is None
    assert service.analyze(sqlite_ctx, "Snap", PRODUCER, today=TODAY).people == 5
    service.remove_collection(sqlite_ctx, "Snap")
    assert not folder.exists()


def test_a_reference_who_is_a_contact_is_someone_to_talk_to(sqlite_ctx: AppContext) -> None:
    from careerceo.errors import NotFoundError
    from careerceo.store.tables import Contact

    with sqlite_ctx.db.transaction() as session:
        contact = Contact(person_id=sqlite_ctx.person_id, name="Ana Real")
        session.add(contact)
        session.flush()
        contact_id = contact.id
    service.new_collection(sqlite_ctx, {"name": "Talk"})
    service.add_file(sqlite_ctx, "Talk", CSV_OK.encode(), "refs.csv", today=TODAY)
    ana, _ben, cy = service.list_profiles(sqlite_ctx, "Talk")
    assert service.analyze(sqlite_ctx, "Talk", "Producer", today=TODAY).contacts == []
    with pytest.raises(NotFoundError, match="no contact #999"):
        service.link_contact(sqlite_ctx, ana.id, 999)
    linked = service.link_contact(sqlite_ctx, ana.id, contact_id)
    assert linked.contact_id == contact_id and linked.name is None  # no name kept by linking
    service.link_contact(sqlite_ctx, cy.id, contact_id)  # cy never reached the target
    out = service.analyze(sqlite_ctx, "Talk", "Producer", today=TODAY)
    assert [(c.name, c.alias, c.roles) for c in out.contacts] == [
        ("Ana Real", "Person 1", ["Reporter", "Producer"])
    ]
    assert service.link_contact(sqlite_ctx, ana.id, None).contact_id is None
    assert service.analyze(sqlite_ctx, "Talk", "Producer", today=TODAY).contacts == []


def test_a_title_target_says_who_it_leaves_out_and_counts_one_person_as_one(
    sqlite_ctx: AppContext,
) -> None:
    """A title target ("Producer") counts that title as written; the people who hold the same
    occupation as "Senior Producer" are named in a note, with the code to count them."""
    service.new_collection(sqlite_ctx, {"name": "Titles"})
    rows = (
        "person,title,employer,start,end\n"
        "ana,Reporter,Bugle,2010-01,2013-01\nana,Producer,Bugle,2013-01,Present\n"
        "bo,Reporter,Gazette,2011-01,2014-01\nbo,Senior Producer,Gazette,2014-01,Present\n"
        "cy,Senior Producer,Tribune,2012-01,Present\n"
    )
    service.add_file(sqlite_ctx, "Titles", rows.encode(), "refs.csv", today=TODAY)
    out = service.analyze(sqlite_ctx, "Titles", "Producer", today=TODAY)
    assert out.matched_by == "title" and out.people == 1
    assert "only 1 person reached the target: read this as one story, not a pattern" in (
        out.warnings
    )
    [hint] = [w for w in out.warnings if w.startswith("counted by the title as written")]
    assert "2 people hold its occupation (27-2012.00" in hint and "'Senior Producer'" in hint
    by_code = service.analyze(sqlite_ctx, "Titles", "27-2012.00", today=TODAY)
    assert by_code.people == 3
    assert not any(w.startswith("counted by the title") for w in by_code.warnings)


def test_a_csv_of_resume_texts_reads_each_row_as_a_profile(
    sqlite_ctx: AppContext, shared_data: Path
) -> None:
    """The 962-résumé text set as it is shared (Category,Resume): every row read by the résumé
    text parser, messages by line, repeated résumés recognised, bad rows named."""
    service.new_collection(sqlite_ctx, {"name": "Texts"})
    data = (shared_data / "resumes" / "UpdatedResumeDataSet.csv").read_bytes()
    summary = service.add_file(sqlite_ctx, "Texts", data, "UpdatedResumeDataSet.csv")
    assert summary.ok and summary.profiles > 20 and summary.positions >= summary.profiles
    assert summary.skipped > 0  # rows with no titled position, and repeated résumés
    assert any("already in the collection" in m for m in summary.messages)
    assert all(m.startswith(("line ", "a person")) for m in summary.messages)
    profiles = service.list_profiles(sqlite_ctx, "Texts")
    assert len(profiles) == summary.profiles and {p.source for p in profiles} == {"text"}
    assert all(p.name is None for p in profiles)
    again = service.add_file(sqlite_ctx, "Texts", data, "again.csv")
    assert not again.ok and again.profiles == 0  # every profile already there
    odd = "Category,Resume\nArts,\nArts," + '"' + "x" * 200_001 + '"\n'
    bad = service.add_file(sqlite_ctx, "Texts", odd.encode(), "odd.csv")
    assert not bad.ok
    assert bad.messages[0] == "line 2: the resume column is empty; nothing to read"
    assert bad.messages[1].startswith("line 3: a text of 200,001 characters")


def test_many_imports_merge_the_copy_into_one_segment_with_its_corrections(
    sqlite_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past a few segments an import merges the copy (corrections folded into the columns);
    the figures stay those of a rebuild from the database."""
    import json as json_module

    from careerceo.store import path_snapshot

    monkeypatch.setattr(path_snapshot, "MAX_SEGMENTS", 2)
    data_dir = sqlite_ctx.settings.data_dir
    service.new_collection(sqlite_ctx, {"name": "Merge"})
    service.add_file(sqlite_ctx, "Merge", CSV_OK.encode(), "a.csv", today=TODAY)
    uid = service.get_collection(sqlite_ctx, "Merge").uid
    first = service.analyze(sqlite_ctx, "Merge", PRODUCER, today=TODAY)
    reporter = next(r for r in first.steps_before if r.title == "Reporter")
    service.correct_occupation(sqlite_ctx, reporter.position_ids[0], {"occupation_code": EDITOR})
    for name in ("bea", "cal", "dan"):
        service.add_file(
            sqlite_ctx, "Merge", CSV_OK.replace("ana", name).encode(), f"{name}.csv", today=TODAY
        )
    folder = path_snapshot.folder(data_dir, uid)
    manifest = json_module.loads((folder / "manifest.json").read_text())
    assert manifest["revision"] == 5 and manifest["corrections"] == {}
    assert len(manifest["segments"]) <= 2  # merged once the third segment arrived
    assert sorted(p.name for p in folder.iterdir() if p.name != "manifest.json") == sorted(
        manifest["segments"]
    )
    merged = service.analyze(sqlite_ctx, "Merge", PRODUCER, today=TODAY)
    assert merged.people == 5
    assert (EDITOR, 1) in {(r.code, r.people) for r in merged.occupations_before if r.step == 1}
    path_snapshot.drop(data_dir, uid)
    assert service.analyze(sqlite_ctx, "Merge", PRODUCER, today=TODAY) == merged


def test_a_collection_from_before_revisions_is_never_copied_from_its_new_rows_alone(
    sqlite_ctx: AppContext,
) -> None:
    """Rows restored from a backup or written before revisions were counted sit at revision 0
    with no copy: the next import must not start a copy holding only its own rows."""
    from sqlalchemy import update

    from careerceo.store import path_snapshot
    from careerceo.store.tables import PathCollection

    service.new_collection(sqlite_ctx, {"name": "Old"})
    service.add_file(sqlite_ctx, "Old", CSV_OK.encode(), "a.csv", today=TODAY)
    uid = service.get_collection(sqlite_ctx, "Old").uid
    with sqlite_ctx.db.transaction() as session:
        session.execute(update(PathCollection).values(data_revision=0))
    path_snapshot.drop(sqlite_ctx.settings.data_dir, uid)
    service.add_file(sqlite_ctx, "Old", CSV_OK.replace("ana", "zoe").encode(), "b.csv")
    assert path_snapshot.revision_of(sqlite_ctx.settings.data_dir, uid) is None
    out = service.analyze(sqlite_ctx, "Old", "Producer", today=TODAY)
    assert out.people == 3 and out.profiles == 4  # ana, ben, cy and zoe: both files
