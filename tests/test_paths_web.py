"""The /paths pages and /api/v1/paths: upload, graph, correction one click away, plan."""

from __future__ import annotations

import re
from typing import Any

from _web import web_client
from careerceo.services.context import AppContext
from test_paths import CSV_OK


def test_pages_from_upload_to_graph_correction_and_plan(sqlite_ctx: AppContext) -> None:
    with web_client(sqlite_ctx) as client:
        assert "Paths" in client.get("/").text  # the nav link
        refused = client.post("/paths", data={"name": "  "})
        assert refused.status_code == 422 and "name is required" in refused.text
        created = client.post(
            "/paths", data={"name": "News", "target": "Producer"}, follow_redirects=False
        )
        assert created.status_code == 303
        page = created.headers["location"].split("?")[0]
        cid = page.rsplit("/", 1)[1]
        files: Any = [
            ("files", ("refs.csv", CSV_OK.encode(), "text/csv")),
            ("files", ("broken.pdf", b"%PDF-1.4 nonsense", "application/pdf")),
        ]
        added = client.post(f"{page}/files", files=files)
        assert added.status_code == 200
        assert "refs.csv</strong>:\n      3 profile(s)" in added.text
        assert "broken.pdf</strong>:\n      nothing added" in added.text
        assert "line 9" in added.text  # the per-line message
        assert "Person 1" in added.text and ">ana<" not in added.text
        analysis = client.get(f"{page}/analysis", params={"target": "Producer"})
        assert analysis.status_code == 200
        svg = re.search(r"<svg.*?</svg>", analysis.text, re.S)
        assert svg is not None and "<script" not in analysis.text
        assert "Reporter → Producer: 2 people" in svg.group(0)
        assert "Reporter (2)" in svg.group(0)
        link = re.search(
            rf'href="(/paths/{cid}\?positions=[0-9,]+)">correct occupation', analysis.text
        )
        assert link is not None
        # every figure an occupation feeds links to its positions: graph nodes, tables
        assert re.search(rf'<a href="/paths/{cid}\?positions=[0-9,]+">\s*<rect', svg.group(0))
        outcomes = analysis.text.split('id="outcomes"')[1].split("</table>")[0]
        assert "correct occupation" in outcomes
        occupations = analysis.text.split('id="occupations-before"')[1].split("</table>")[0]
        assert "27-3023.00" in occupations and "correct occupation" in occupations
        behind = client.get(link.group(1).replace("&amp;", "&"))
        ids = re.findall(r'id="position-(\d+)"', behind.text)
        assert len(ids) == 2  # the two reporters behind the step-1 figure
        fixed = client.post(
            f"/paths/{cid}/positions/{ids[0]}/occupation",
            data={"occupation_code": "27-3041.00"},
            follow_redirects=False,
        )
        assert fixed.status_code == 303
        bad = client.post(
            f"/paths/{cid}/positions/{ids[0]}/occupation", data={"occupation_code": "nope"}
        )
        assert bad.status_code == 422 and "15-1252.00" in bad.text
        after = client.get(f"{page}/analysis", params={"target": "27-2012.00"})
        assert "27-3041.00" in after.text
        saved = client.post(f"{page}/plan", data={"target": "Producer"}, follow_redirects=False)
        assert saved.status_code == 303 and saved.headers["location"].startswith("/goals/")
        goal = client.get(saved.headers["location"])
        assert "Reach Producer" in goal.text and "Step 1:" in goal.text
        deleted = client.post(f"{page}/delete", follow_redirects=True)
        assert (
            "deleted with every profile" in deleted.text
            and "News"
            not in re.sub(r"<nav>.*?</nav>", "", deleted.text, flags=re.S)
            .split("<h2>New collection")[0]
            .split("</h1>")[1]
        )


def test_api_round(sqlite_ctx: AppContext) -> None:
    with web_client(sqlite_ctx) as client:
        api = "/api/v1/paths"
        assert client.post(api, json={"name": "Api"}).status_code == 201
        assert client.post(api, json={"name": "Api"}).status_code == 409
        assert client.post(api, json={"nme": "x"}).status_code == 422
        up = client.post(
            f"{api}/Api/files",
            files=[
                ("files", ("refs.csv", CSV_OK.encode(), "text/csv")),
                ("files", ("empty.txt", b"", "text/plain")),
            ],
        )
        assert up.status_code == 200
        assert [s["ok"] for s in up.json()] == [True, False]
        out = client.get(f"{api}/Api/analysis", params={"target": "Producer"}).json()
        assert out["people"] == 2 and out["steps_before"][0]["title"] == "Reporter"
        assert out["median_years_to_target"] == 3.5
        profiles = client.get(f"{api}/Api/profiles").json()
        pid = profiles[0]["positions"][0]["id"]
        fixed = client.put(
            f"{api}/positions/{pid}/occupation", json={"occupation_code": "27-3041.00"}
        )
        assert fixed.status_code == 200 and fixed.json()["corrected"] is True
        link = f"{api}/profiles/{profiles[0]['id']}/link"
        assert client.put(link, json={"contact_id": 12345}).status_code == 404
        assert client.put(link, json={"contact": 1}).status_code == 422
        named = client.put(link, json={"name": "Ana on purpose"})
        assert named.status_code == 200 and named.json()["name"] == "Ana on purpose"
        assert client.get(f"{api}/Nope/analysis", params={"target": "x"}).status_code == 404
        assert client.delete(f"{api}/Api").status_code == 204
        assert client.get(api).json() == []
