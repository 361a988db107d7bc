"""A coach's views of a client beyond direction, on SQLite and PostgreSQL: each granted area
(pivots and inventory, job search, documents, shared paths) is readable, commentable only with
a comment grant, never another area or another client; the client list shows what is due from
the granted areas only."""

from __future__ import annotations

import re
from datetime import date, timedelta

from _accounts import World, signed_in, world
from careerceo.services import access, contacts, inventory, opportunities, paths, positions
from careerceo.services.context import AppContext

__all__ = ["world"]

CSV = """person,title,employer,start,end
ana,Reporter,Daily Bugle,2010-01,2013-01
ana,Producer,Daily Bugle,2013-01,Present
"""


def _client_a(w: World) -> AppContext:
    a = w.ctx.for_person(w.a.person_id)
    today = date.today()
    inventory.add_entry(a, {"kind": "skill", "name": "Negotiation", "level": 4})
    opportunities.add_opportunity(
        a,
        {
            "title": "Product analyst",
            "company": "Acme",
            "stage": "applied",
            "next_action": "Chase the recruiter",
            "next_action_due": (today - timedelta(days=3)).isoformat(),
        },
    )
    contacts.add_contact(
        a, {"name": "Rita Recruiter", "in_search": True, "email": "rita@acme.test"}
    )
    positions.add_position(
        a, {"title": "Claims handler", "employer": "Initech", "start_date": "2019-01"}
    )
    paths.new_collection(a, {"name": "Producers"})
    paths.add_file(a, "Producers", CSV.encode(), "refs.csv")
    b = w.ctx.for_person(w.b.person_id)
    inventory.add_entry(b, {"kind": "skill", "name": "Welding", "level": 3})
    opportunities.add_opportunity(b, {"title": "Welder at B's", "stage": "applied"})
    for area, level in (("job-search", "comment"), ("documents", "read"), ("paths", "read")):
        access.grant(a, "coach@example.org", area, level, w.a)
    return a


def test_each_granted_area_is_readable_and_only_those(world: World) -> None:
    a = _client_a(world)
    coach = signed_in(world, "coach@example.org")
    listed = coach.get("/coach")
    assert listed.status_code == 200
    row = re.search(rf'data-client="{world.a_uid}">(.*?)</tr>', listed.text, re.S)
    assert row
    assert (
        "next action: Chase the recruiter: Product analyst at Acme (3 day(s) overdue)"
        in row.group(1)
    )
    for area in ("job-search", "documents", "paths", "direction"):
        assert f'href="/coach/{world.a_uid}/{area}"' in row.group(1)
    job = coach.get(f"/coach/{world.a_uid}/job-search")
    assert job.status_code == 200 and "Product analyst" in job.text and "Rita Recruiter" in job.text
    assert "rita@acme.test" not in job.text  # contact details stay with the client
    assert "Welder" not in job.text and "Welding" not in job.text  # never B's
    docs = coach.get(f"/coach/{world.a_uid}/documents")
    assert docs.status_code == 200 and "Claims handler" in docs.text
    assert f'action="/coach/{world.a_uid}/documents/comments"' not in docs.text  # read grant
    # pivots were not granted: the same answer as a client who does not exist
    denied = coach.get(f"/coach/{world.a_uid}/pivots")
    missing = coach.get("/coach/no-such-client/pivots")
    assert denied.status_code == missing.status_code == 404
    assert denied.text.replace(world.a_uid, "X") == missing.text.replace("no-such-client", "X")
    assert "Negotiation" not in denied.text
    # paths: granted, but the client has not shared the collection's reference profiles
    unshared = coach.get(f"/coach/{world.a_uid}/paths")
    assert unshared.status_code == 200 and "has not chosen to share" in unshared.text
    assert "Reporter" not in unshared.text
    paths.set_sharing(a, "Producers", True)
    shared = coach.get(f"/coach/{world.a_uid}/paths")
    assert "Producers" in shared.text and "Reporter" in shared.text and "ana" not in shared.text
    # each look is in A's audit log, by area
    seen = {e.what for e in access.audit_log(a) if e.action == "read"}
    assert {"job search", "résumé and documents", "paths"} <= seen
    access.grant(a, "coach@example.org", "pivots", "read", world.a)
    pivots = coach.get(f"/coach/{world.a_uid}/pivots")
    assert (
        pivots.status_code == 200 and "Negotiation" in pivots.text and "Welding" not in pivots.text
    )
    assert 'id="pivots"' in pivots.text
    # a coach without grants sees none of it
    stranger = signed_in(world, "stranger@example.org")
    for area in ("job-search", "documents", "paths", "pivots"):
        assert stranger.get(f"/coach/{world.a_uid}/{area}").status_code == 404
    assert world.a_uid not in stranger.get("/coach").text


def test_comments_only_where_the_grant_says_comment(world: World) -> None:
    a = _client_a(world)
    coach = signed_in(world, "coach@example.org")
    page = coach.get(f"/coach/{world.a_uid}/job-search")
    assert f'action="/coach/{world.a_uid}/job-search/comments"' in page.text
    wrote = coach.post(
        f"/coach/{world.a_uid}/job-search/comments", data={"text": "Follow up Friday"}
    )
    assert wrote.status_code == 303
    refused = coach.post(f"/coach/{world.a_uid}/documents/comments", data={"text": "Sneaky"})
    assert refused.status_code == 404  # a read grant: no comment, as if nothing were there
    assert [(c.area, c.text) for c in access.comments(a)] == [("job-search", "Follow up Friday")]
    own = signed_in(world, "a@example.org")
    assert "Follow up Friday" in own.get("/access").text
    b = signed_in(world, "b@example.org")
    assert "Follow up Friday" not in b.get("/access").text


def test_due_items_come_from_granted_areas_only(world: World) -> None:
    a = _client_a(world)
    grants = {g.area: g.id for g in access.list_grants(a)}
    access.revoke(a, grants["job-search"])
    listed = access.clients(world.ctx, world.coach)
    (mine,) = [c for c in listed if c.uid == world.a_uid]
    assert "job-search" not in mine.areas
    assert not any("Chase the recruiter" in d for d in mine.due)
    access.grant(a, "coach@example.org", "job-search", "read", world.a)
    (mine,) = [c for c in access.clients(world.ctx, world.coach) if c.uid == world.a_uid]
    assert any("Chase the recruiter" in d for d in mine.due)
