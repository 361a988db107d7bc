"""The JSON API under /api/v1 with hostile input: a 4xx that names the problem, never a 5xx,
and nothing half-written (a refused request leaves every table exactly as it was).

The regressions here are requests that schemathesis found answering 500 or breaking the
OpenAPI contract; the walk at the end sends malformed bodies to every JSON write endpoint the
schema lists, so an endpoint added later is covered without editing this file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from _web import web_client
from careerceo.analysis.posting_rank import PostingIndex
from careerceo.documents.limits import MAX_FILE_BYTES
from careerceo.errors import CareerError
from careerceo.model.months import add_months, month_of
from careerceo.services.context import AppContext
from careerceo.store.tables import Accomplishment, Base

BIG = 2**64  # larger than any id column on SQLite (64 bits) and PostgreSQL (32 bits)
LAST_MONTH = add_months(month_of(date.today()), -1)


@pytest.fixture
def client(ctx: AppContext) -> Iterator[TestClient]:
    with web_client(ctx, raise_server_exceptions=False) as test_client:
        yield test_client


def snapshot(ctx: AppContext) -> dict[str, list[str]]:
    """Every row of every table, order-independent: equal snapshots mean nothing was written."""
    with ctx.db.transaction() as session:
        return {
            table.name: sorted(repr(tuple(row)) for row in session.execute(select(table)))
            for table in Base.metadata.sorted_tables
        }


def assert_refused(response: Any, status: int | None = None) -> dict[str, Any]:
    """A 4xx in the documented shape, with a message a person can act on."""
    assert 400 <= response.status_code < 500, (response.status_code, response.text[:300])
    if status is not None:
        assert response.status_code == status, response.text[:300]
    detail = response.json()["detail"]
    assert isinstance(detail, list) and detail, detail
    for item in detail:
        assert set(item) == {"loc", "msg", "type"}, item
        assert isinstance(item["loc"], list) and isinstance(item["type"], str)
        assert isinstance(item["msg"], str) and len(item["msg"]) > 5, item
        assert "Traceback" not in item["msg"]
    first: dict[str, Any] = detail[0]
    return first


# ------------------------------------------------------------------- regressions, one by one
def test_ids_too_large_for_the_database_are_not_found(client: TestClient, ctx: AppContext) -> None:
    """Used to be 500 (OverflowError from sqlite3, DataError from PostgreSQL)."""
    assert (
        client.post("/api/v1/inventory", json={"kind": "skill", "name": "SQL"}).status_code == 201
    )
    before = snapshot(ctx)
    requests = [
        ("GET", f"/api/v1/inventory/{BIG}", None),
        ("PUT", f"/api/v1/inventory/{BIG}", {"kind": "skill", "name": "Go"}),
        ("PATCH", f"/api/v1/inventory/{BIG}", {"level": 2}),
        ("DELETE", f"/api/v1/inventory/{BIG}", None),
        ("GET", f"/api/v1/positions/{BIG}", None),
        ("PATCH", f"/api/v1/positions/{2**31}", {"title": "x"}),
        ("DELETE", f"/api/v1/positions/{BIG}", None),
        ("GET", f"/api/v1/goals/{BIG}", None),
        ("PATCH", f"/api/v1/goals/{BIG}", {"horizon": "2y"}),
        ("GET", f"/api/v1/goals/{BIG}/history", None),
        ("POST", f"/api/v1/goals/{BIG}/milestones", {"title": "x"}),
        ("POST", f"/api/v1/milestones/{BIG}/done", None),
        ("GET", f"/api/v1/milestones?goal_id={-BIG}", None),
        ("GET", f"/api/v1/accomplishments/{BIG}", None),
        ("PATCH", f"/api/v1/accomplishments/{BIG}", {"title": "x"}),
        ("DELETE", f"/api/v1/accomplishments/{BIG}", None),
        ("GET", f"/api/v1/resume/match/{BIG}", None),
        ("POST", f"/api/v1/resume/tailor/{BIG}", None),
        ("GET", f"/api/v1/resume/pitch?posting={BIG}", None),
    ]
    for method, url, body in requests:
        response = client.request(method, url, json=body)
        item = assert_refused(response, 404)
        assert str(abs(BIG)) in item["msg"] or str(2**31) in item["msg"], (url, item)
    assert snapshot(ctx) == before


def test_duplicate_names_beyond_ascii_are_refused_not_crashed(
    client: TestClient, ctx: AppContext
) -> None:
    """SQLite's lower() folds ASCII only: a repeated "Élan" reached the unique constraint (500)."""
    first = client.post("/api/v1/inventory", json={"kind": "skill", "name": "Élan"})
    other = client.post("/api/v1/inventory", json={"kind": "skill", "name": "Ørsted"})
    assert first.status_code == 201 and other.status_code == 201
    before = snapshot(ctx)
    for name in ("Élan", "élan", "ÉLAN"):
        item = assert_refused(
            client.post("/api/v1/inventory", json={"kind": "skill", "name": name}), 422
        )
        assert item["loc"] == ["name"] and "already have the skill 'Élan'" in item["msg"]
    renamed = client.patch(f"/api/v1/inventory/{other.json()['id']}", json={"name": "éLAN"})
    assert "already have" in assert_refused(renamed, 422)["msg"]
    assert snapshot(ctx) == before
    # the same name under another kind is a different entry
    assert client.post("/api/v1/inventory", json={"kind": "knowledge", "name": "élan"}).is_success


def test_resume_with_undated_positions(client: TestClient) -> None:
    """Sorting compared None with a date: GET /resume and everything built on it were 500."""
    for body in (
        {"employer": "Acme", "title": "Analyst"},
        {"employer": "Beta", "title": "Engineer"},
        {"employer": "Gamma", "title": "Lead", "start_date": "2020-01"},
        {"employer": "Delta", "title": "Intern", "start_date": "2015-01", "end_date": "2015-06"},
    ):
        assert client.post("/api/v1/positions", json=body).status_code == 201
    resume = client.get("/api/v1/resume")
    assert resume.status_code == 200, resume.text
    names = [w["name"] for w in resume.json()["work"]]
    # current ones first (dated before undated), then the rest by end date
    assert names[0] == "Gamma" and set(names[1:3]) == {"Acme", "Beta"} and names[3] == "Delta"
    assert client.get("/api/v1/resume/export/md").status_code == 200
    assert client.get("/api/v1/resume/pitch").status_code < 500


def test_posting_index_with_empty_postings_at_the_end() -> None:
    """``np.add.reduceat`` refused a start index equal to the data length (rank was 500)."""
    index = PostingIndex.build([(1, {"python": 2.0, "sql": 1.0}), (2, {}), (3, {})])
    assert index.totals.tolist() == [3.0, 0.0, 0.0]
    assert index.rank(["sql"], top=3) == [(1, pytest.approx(1 / 3)), (2, 0.0), (3, 0.0)]
    only_empty = PostingIndex.build([(7, {})])
    assert only_empty.rank(["sql"]) == [(7, 0.0)]
    assert PostingIndex.build([]).rank(["sql"]) == []


def test_rank_with_a_posting_that_names_no_requirement(client: TestClient) -> None:
    client.post("/api/v1/inventory", json={"kind": "skill", "name": "Python"})
    client.post("/api/v1/positions", json={"employer": "Acme", "title": "Python developer"})
    real = client.post(
        "/api/v1/postings/for-resume",
        json={"title": "Data engineer", "text": "We need Python, SQL and Apache Airflow."},
    )
    empty = client.post("/api/v1/postings/for-resume", json={"title": "Misc", "text": "zzz qqq"})
    assert real.status_code == 201 and empty.status_code == 201
    ranked = client.get("/api/v1/resume/rank")
    assert ranked.status_code == 200, ranked.text
    coverage = {row["posting_id"]: row["coverage"] for row in ranked.json()}
    assert coverage[empty.json()["id"]] == 0.0 and set(coverage) == {
        real.json()["id"],
        empty.json()["id"],
    }


def test_lone_surrogates_are_refused_not_crashed(client: TestClient, ctx: AppContext) -> None:
    """Valid JSON, invalid text: ``"\\ud800"`` has no UTF-8 form, so the driver raised (500)."""
    before = snapshot(ctx)
    cases = [
        ("/api/v1/inventory", b'{"kind": "skill", "name": "Py\\ud800thon"}', ["body", "name"]),
        ("/api/v1/goals", b'{"title": "Lead \\udfff"}', ["body", "title"]),
        ("/api/v1/accomplishments", b'{"title": "Cut costs \\ud83d"}', []),
        ("/api/v1/postings/for-resume", b'{"title": "x", "text": "SQL \\udc80"}', []),
    ]
    for url, body, loc in cases:
        item = assert_refused(client.post(url, content=body, headers=_JSON), 422)
        assert "surrogate" in item["msg"], (url, item)
        if loc:
            assert item["loc"] == loc, (url, item)
    assert snapshot(ctx) == before


def test_the_transaction_turns_unstorable_text_into_a_refusal(ctx: AppContext) -> None:
    """The net under field validation: code that forgets a check still rolls back cleanly."""
    before = snapshot(ctx)
    refused = pytest.raises(CareerError, match=r"nothing was saved.*unpaired UTF-16 surrogate")
    with refused, ctx.db.transaction() as session:
        session.add(Accomplishment(person_id=ctx.person_id, title="ok"))
        session.flush()
        session.add(Accomplishment(person_id=ctx.person_id, title="bad \udc80"))
        session.flush()
    assert snapshot(ctx) == before


def test_body_that_is_not_utf8_is_400_with_a_fix(client: TestClient, ctx: AppContext) -> None:
    """FastAPI answered ``{"detail": "There was an error parsing the body"}`` (not a list)."""
    before = snapshot(ctx)
    response = client.post(
        "/api/v1/inventory",
        content=b'{"kind": "skill", "name": "caf\xe9"}',
        headers={"content-type": "application/json"},
    )
    item = assert_refused(response, 400)
    assert item["loc"] == ["body"] and "UTF-8" in item["msg"]
    assert snapshot(ctx) == before


def test_every_error_has_the_documented_shape(client: TestClient) -> None:
    """422s lacked ``type`` (required by the schema) and 404/400/413 were undocumented."""
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["components"]["schemas"]["ErrorItem"]["required"] == ["loc", "msg", "type"]
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            documented = set(operation["responses"])
            assert {"400", "404", "413", "422"} <= documented, (method, path, documented)
    assert_refused(client.post("/api/v1/inventory", json={"kind": 3}), 422)  # pydantic
    assert_refused(client.get("/api/v1/inventory/abc"), 422)  # path parameter
    assert_refused(client.get("/api/v1/inventory/42"), 404)  # CareerError
    assert_refused(client.post("/api/v1/inventory", content=b"{", headers=_JSON), 422)
    unknown = assert_refused(client.get("/api/v1/no-such-thing"), 404)
    assert "/api/v1/docs" in unknown["msg"]
    wrong_method = client.delete("/api/v1/signals")
    assert_refused(wrong_method, 405)
    assert "GET" in wrong_method.headers["allow"]


def test_timestamps_are_utc_date_times(client: TestClient) -> None:
    """Naive stamps ("2026-11-23T19:24:23") are not RFC 3339 date-times as the schema says."""
    stamps = [
        client.post("/api/v1/inventory", json={"kind": "skill", "name": "Go"}).json()["created_at"],
        client.get("/api/v1/profile").json()["updated_at"],
        client.put("/api/v1/vision", json={"text": "Build teams"}).json()["saved_at"],
        client.post("/api/v1/goals", json={"title": "Lead"}).json()["created_at"],
        client.post("/api/v1/positions", json={"employer": "A", "title": "B"}).json()["updated_at"],
    ]
    for stamp in stamps:
        parsed = datetime.fromisoformat(stamp)
        assert parsed.utcoffset() == timedelta(0), stamp
        assert abs(datetime.now(parsed.tzinfo) - parsed) < timedelta(minutes=5)


def test_calendar_feed_content_type_is_documented(client: TestClient) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    content = schema["paths"]["/api/v1/calendar.ics"]["get"]["responses"]["200"]["content"]
    assert list(content) == ["text/calendar"]
    response = client.get("/api/v1/calendar.ics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")


# ----------------------------------------------------------------------------- file uploads
UPLOADS = ("/api/v1/resume/preview", "/api/v1/resume/import", "/api/v1/resume/critique")
BAD_FILES: dict[str, tuple[str, bytes, str]] = {
    "empty": ("resume.pdf", b"", "is empty"),
    "binary as pdf": ("resume.pdf", bytes(range(256)) * 40, "not a PDF"),
    "binary as docx": ("resume.docx", bytes(range(256)) * 40, "not a valid .docx"),
    "binary as zip": ("export.zip", b"PK\x03\x04" + bytes(200), "not a valid ZIP"),
    "wrong type": ("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "unsupported file type .png"),
    "no extension": ("resume", b"Jane Doe", "unsupported file type (none)"),
    "latin-1 text": ("resume.txt", "Café résumé".encode("latin-1"), "not UTF-8"),
    "NUL in text": ("resume.txt", b"Jane\x00Doe", "NUL bytes"),
    "broken json": ("resume.json", b'{"basics": ', "not valid JSON"),
    "oversized": ("resume.pdf", b"%PDF-1.4\n" + bytes(MAX_FILE_BYTES), "the limit is 10 MB"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_uploads_are_refused_and_write_nothing(
    client: TestClient, ctx: AppContext, case: str
) -> None:
    filename, data, fragment = BAD_FILES[case]
    before = snapshot(ctx)
    for url in UPLOADS:
        response = client.post(url, files={"file": (filename, data, "application/octet-stream")})
        item = assert_refused(response, 422)
        assert item["loc"] == ["file"] and fragment in item["msg"], (url, item)
    assert snapshot(ctx) == before


def test_upload_requests_without_a_file(client: TestClient, ctx: AppContext) -> None:
    before = snapshot(ctx)
    for url in UPLOADS:
        assert "choose a file" in assert_refused(client.post(url), 422)["msg"]
        other_field = client.post(url, files={"attachment": ("a.txt", b"Jane")})
        assert "choose a file" in assert_refused(other_field, 422)["msg"]
        as_text = client.post(url, data={"file": "I pasted my résumé here"})
        assert "must be a file" in assert_refused(as_text, 422)["msg"]
        as_json = client.post(url, json={"file": "resume.pdf"})
        assert_refused(as_json, 422)
        broken = client.post(
            url,
            content=b'--xyz\r\nContent-Disposition: form-data; name="file"\r\n',
            headers={"content-type": "multipart/form-data; boundary=xyz"},
        )
        assert_refused(broken)
    assert snapshot(ctx) == before


def test_a_form_field_over_the_multipart_limit_is_413(client: TestClient) -> None:
    response = client.post(
        "/api/v1/resume/critique", data={"file": "x" * (1024 * 1024 + 10), "note": "y"}
    )
    assert response.status_code in (413, 422), response.text[:200]
    assert_refused(response)


# ------------------------------------------------------------------- the generic body walk
_JSON = {"content-type": "application/json"}
HUGE = "x" * (1024 * 1024 + 17)


def _seed(client: TestClient) -> dict[str, str]:
    """One row of each kind the write endpoints address, so path parameters resolve."""
    created = {
        "entry_id": client.post("/api/v1/inventory", json={"kind": "skill", "name": "SQL"}),
        "position_id": client.post("/api/v1/positions", json={"employer": "A", "title": "B"}),
        "goal_id": client.post("/api/v1/goals", json={"title": "Lead a team"}),
        "win_id": client.post("/api/v1/accomplishments", json={"text": "Cut costs by 20%"}),
        "posting_id": client.post(
            "/api/v1/postings/for-resume", json={"title": "Analyst", "text": "SQL and Python"}
        ),
        "company_id": client.post("/api/v1/companies", json={"name": "Acme"}),
        "contact_id": client.post("/api/v1/contacts", json={"name": "Ada Lovelace"}),
        "opportunity_id": client.post("/api/v1/opportunities", json={"title": "Analyst"}),
    }
    ids = {name: str(r.json()["id"]) for name, r in created.items() if r.status_code == 201}
    assert len(ids) == len(created), {n: r.text for n, r in created.items()}
    milestone = client.post(f"/api/v1/goals/{ids['goal_id']}/milestones", json={"title": "Cert"})
    review = client.post("/api/v1/reviews", json={"month": LAST_MONTH, "notes": "on leave"})
    assert milestone.status_code == 201 and review.status_code == 201, review.text
    return {**ids, "milestone_id": str(milestone.json()["id"]), "month": LAST_MONTH}


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        node = schema["components"]["schemas"][name]
    return node


def _write_operations(schema: dict[str, Any]) -> list[tuple[str, str, list[str]]]:
    """(method, path, property names) for every write taking a JSON body, plus the backup
    restore, which reads the raw body itself."""
    found = [("POST", "/api/v1/backup", [])]
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            content = operation.get("requestBody", {}).get("content", {})
            if method in {"post", "put", "patch"} and "application/json" in content:
                body = _resolve(schema, content["application/json"]["schema"])
                found.append((method.upper(), path, sorted(body.get("properties", {}))))
    return found


def _bad_bodies(props: list[str]) -> list[tuple[str, bytes]]:
    names = props or ["text", "title", "name", "kind"]

    def every(value: Any) -> bytes:
        return json.dumps(dict.fromkeys(names, value)).encode()

    return [
        ("array", b"[]"),
        ("string", b'"hello"'),
        ("number", b"42"),
        ("null", b"null"),
        ("empty object", b"{}"),
        ("truncated JSON", b'{"' + names[0].encode() + b'": '),
        ("not UTF-8", b'{"' + names[0].encode() + b'": "caf\xe9 \xff\xfe"}'),
        ("lone surrogate", every("\\ud800").replace(b"\\\\ud800", b"\\ud800")),
        ("NUL", every("a\u0000b")),
        ("objects", every({"nested": [1, {"deeper": None}]})),
        ("lists", every([None, 1.5, "x"])),
        ("booleans", every(True)),
        ("huge ints", every(10**40)),
        ("negative floats", every(-1e308)),
        ("unknown field", json.dumps({"no_such_field_here": 1}).encode()),
        ("huge strings", every(HUGE)),
    ]


def test_malformed_bodies_never_5xx_nor_write(client: TestClient, ctx: AppContext) -> None:
    ids = _seed(client)
    schema = client.get("/api/v1/openapi.json").json()
    operations = _write_operations(schema)
    assert len(operations) >= 15, operations  # the walk really sees the API
    failures: list[str] = []
    before = snapshot(ctx)
    for method, path, props in operations:
        url = path.format(**ids)
        for label, body in _bad_bodies(props):
            response = client.request(method, url, content=body, headers=_JSON)
            where = f"{method} {path} with {label}: {response.status_code} {response.text[:160]}"
            if response.status_code >= 500:
                failures.append(where)
            elif response.status_code >= 400:
                try:
                    assert_refused(response)
                except AssertionError as exc:
                    failures.append(f"{where} (shape: {exc})")
                after = snapshot(ctx)
                if after != before:
                    failures.append(f"{where} (refused, yet the database changed)")
            before = snapshot(ctx) if response.is_success else before
    assert not failures, "\n".join(failures)
