"""A résumé with no dated job read as an occupation still names its role: the résumé dataset's
layout writes it as a line of its own above "Skill Details". That headline is the reference
point (outside the ranked list), but the person's words keep leading the order: it is what
they call themselves, not a record of work (``analysis.pivot_blend.person_blend``).

The résumé here is synthetic, written in that layout: a student's education table, the role
line, a technology table and an empty company block, as many of the dataset's résumés are."""

from __future__ import annotations

from careerceo.services import pivots, resume_import
from careerceo.services.context import AppContext

RESUME = (
    "Took part in the inter-college quiz and various other sports events, and danced in the "
    "college cultural programme every year\n"
    "Education Details \n"
    " MSc Computer Science Pune, Maharashtra Pune University\n"
    " BSc Computer Science Pune, Maharashtra Pune University\n"
    "Dot Net Developer \n\n"
    "Skill Details \n"
    "Asp.Net, C#, HTML, CSS, SQL- Experience - 6 months\n"
    "Javascript- Experience - Less than 1 year months\n"
    "Company Details \n"
    "company - \n"
    "description - Developed web applications in C# and ASP.NET with SQL Server; wrote "
    "and tested code, fixed defects and documented the programs for the users.\n"
)


def test_a_role_line_is_the_reference_point_and_the_list_is_its_field(
    sqlite_ctx: AppContext,
) -> None:
    resume_import.confirm(sqlite_ctx, resume_import.read_source(RESUME.encode(), "resume.txt"))
    result = pivots.rank_pivots(sqlite_ctx, limit=10)
    reference = [code for code, _ in result.reference]
    assert reference and reference[0].startswith("15-12"), result.reference
    codes = [r.code for r in result.rows]
    assert not set(reference) & set(codes)  # the person's own occupation is not a pivot
    # Computer occupations, not the postsecondary teachers the education table reads like.
    assert sum(c.startswith("15-") for c in codes) >= 6, codes
    assert not any(c.startswith("25-1") for c in codes), codes
    assert all(r.because for r in result.rows)
