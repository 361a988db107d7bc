"""Résumé parsing accuracy against hand-written truth: field-level precision and recall.

The truth is ``benchmarks/resume_parsing_labels.json`` (positions, education, a few skills and
the fragments that must not become skills), written by reading the 24 real LiveCareer PDFs in
``../shared/data/resumes/pdf_livecareer`` and a sample of ``UpdatedResumeDataSet.csv``. The
résumés themselves are read from ``../shared`` at run time and never copied here.

Prints figures (not a timed test). Run from the project root:
``.venv/bin/python benchmarks/bench_resume_parsing.py`` (``-v`` lists every miss).

A position is right when its title, employer, start and end all match the label (case and
punctuation aside); a parsed position that matches no label by title or by dates counts as
invented (a bullet or a sentence taken for a job). Education is right when degree, field and
institution match. Skills: recall of the labelled names among what an import would add, and
how many labelled non-skills (split fragments, headings) it would add.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from careerceo.documents.pdf_reader import read_pdf_text
from careerceo.documents.resume_parser import parse_resume_text
from careerceo.model.resume import Resume

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1] / "shared" / "data" / "resumes"
LABELS = HERE / "resume_parsing_labels.json"


def norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def load_text(key: str, rows: list[dict[str, str]]) -> str:
    kind, ref = key.split(":", 1)
    if kind == "pdf":
        return read_pdf_text((SHARED / "pdf_livecareer" / f"{ref}.pdf").read_bytes())
    return rows[int(ref)]["Resume"]


def skill_names(resume: Resume, text: str) -> list[str]:
    """The skill names an import of this résumé would add to the inventory."""
    try:
        from careerceo.services.resume_import import skills_to_import
    except ImportError:
        return resume.skill_names()
    return [s.name for s in skills_to_import(resume)]


@dataclass
class Score:
    hit: int = 0
    found: int = 0
    truth: int = 0
    misses: list[str] = field(default_factory=list)

    def line(self, name: str) -> str:
        p = self.hit / self.found if self.found else 0.0
        r = self.hit / self.truth if self.truth else 0.0
        return (
            f"  {name:<34} precision {self.hit:>3}/{self.found:<3} = {p:5.3f}   "
            f"recall {self.hit:>3}/{self.truth:<3} = {r:5.3f}"
        )


def match(
    want: list[tuple[str, ...]], got: list[tuple[str, ...]], score: Score, where: str
) -> list[tuple[str, ...]]:
    """Count one-to-one matches; returns the parsed items left unmatched."""
    score.found += len(got)
    score.truth += len(want)
    left = list(got)
    for item in want:
        if item in left:
            left.remove(item)
            score.hit += 1
        else:
            score.misses.append(f"{where}: want {item}")
    return left


def evaluate(labels: dict[str, Any], verbose: bool) -> None:
    rows: list[dict[str, str]] = []
    if any(k.startswith("csv:") for k in labels):
        with (SHARED / "UpdatedResumeDataSet.csv").open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
    exact, titles, employers, dates = Score(), Score(), Score(), Score()
    education, institutions, skills = Score(), Score(), Score()
    invented: list[str] = []
    bogus: list[str] = []
    positions_right = positions_all = 0
    started = time.perf_counter()
    for key, label in labels.items():
        if key.startswith("_"):
            continue
        text = load_text(key, rows)
        resume = parse_resume_text(text)
        got = [(norm(p.title), norm(p.employer), p.start, p.end) for p in resume.positions]
        want = [(norm(t), norm(e), s, n) for t, e, s, n in label["positions"]]
        match(want, got, exact, key)
        positions_right += exact.hit
        positions_all += len(want)
        match([w[:1] for w in want], [g[:1] for g in got], titles, key)
        match([w[1:2] for w in want], [g[1:2] for g in got], employers, key)
        match([w[2:] for w in want], [g[2:] for g in got], dates, key)
        want_titles = {w[0] for w in want}
        want_dates = {w[2:] for w in want if w[2] or w[3]}
        for p, g in zip(resume.positions, got, strict=True):
            if g[0] not in want_titles and g[2:] not in want_dates:
                invented.append(f"{key}: {p.title!r} ({p.start}-{p.end}, line {p.line})")
        edu_got = [(norm(e.degree), norm(e.field), norm(e.institution)) for e in resume.education]
        edu_want = [tuple(norm(x) for x in e) for e in label["education"]]
        match(edu_want, edu_got, education, key)
        match([e[2:] for e in edu_want], [e[2:] for e in edu_got], institutions, key)
        names = {norm(n) for n in skill_names(resume, text)}
        for name in label["skills"]:
            skills.truth += 1
            if norm(name) in names:
                skills.hit += 1
            else:
                skills.misses.append(f"{key}: want skill {name!r}")
        bogus += [f"{key}: {n!r}" for n in label["not_skills"] if norm(n) in names]
    seconds = time.perf_counter() - started
    files = sum(1 for k in labels if not k.startswith("_"))
    print(f"Résumé parsing on {files} hand-labelled real résumés ({LABELS.name}), {seconds:.1f} s")
    print(exact.line("positions (title+employer+dates)"))
    print(titles.line("  title"))
    print(employers.line("  employer"))
    print(dates.line("  dates (start+end)"))
    print(f"  positions invented (bullets/sentences): {len(invented)}")
    print(education.line("education (degree+field+school)"))
    print(institutions.line("  institution"))
    print(
        f"  skills recall {skills.hit}/{skills.truth} = {skills.hit / skills.truth:5.3f}; "
        f"labelled non-skills added: {len(bogus)}"
    )
    if verbose:
        for score in (exact, education, skills):
            for miss in score.misses:
                print("   missed", miss)
        for item in invented:
            print("   invented", item)
        for item in bogus:
            print("   non-skill", item)


def main(argv: list[str]) -> None:
    if not SHARED.is_dir():
        sys.exit(f"{SHARED} is not there; run from the project with ../shared beside it")
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    evaluate(labels, "-v" in argv)


if __name__ == "__main__":
    main(sys.argv[1:])
