"""Occupation-to-occupation pivots (``career pivot --from CODE``): the build-time composite of
what people do, know and are called, on the bundled O*NET 29.0 data and on small matrices."""

from __future__ import annotations

import numpy as np
import pytest

from careerceo.knowledge.build import related as rel
from careerceo.services import pivots


@pytest.mark.parametrize(
    ("source", "target"),
    [
        # The moves O*NET's "Developing Related Occupations" (2022) gives as examples.
        ("13-1071.00", "13-1151.00"),  # HR specialist -> training & development specialist
        ("13-1161.00", "27-3031.00"),  # marketing specialist -> public relations specialist
    ],
)
def test_the_published_example_moves_are_in_the_top_ten(source: str, target: str) -> None:
    result = pivots.rank_pivots(None, from_=source, limit=10)
    codes = [r.code for r in result.rows]
    assert target in codes
    # The source is the reference point, never a pivot of its own.
    assert source not in codes
    assert [code for code, _ in result.reference] == [source]


def test_a_marketing_specialist_sees_marketing_moves_not_finance_quants() -> None:
    codes = [r.code for r in pivots.rank_pivots(None, from_="13-1161.00", limit=10).rows]
    marketing = {"11-2021.00", "11-2011.00", "11-2022.00", "13-1161.01", "27-3031.00"}
    assert len(marketing & set(codes)) >= 4
    # Shared generic activities ("prepare research reports") no longer put quants near.
    assert "13-2099.01" not in codes


def test_every_top_row_says_which_components_made_it_related_with_evidence() -> None:
    rows = pivots.rank_pivots(None, from_="13-1161.00", limit=10).rows
    for row in rows:
        assert row.related_by, row.code
        assert 1 <= len(row.because) <= 3, row.code
        assert row.related_to.startswith("13-1161.00 ")
    quoted = [b for row in rows for b in row.because]
    assert any(b.startswith("a task of both:") for b in quoted)
    assert any(b.startswith(("job titles:", "both are called")) for b in quoted)


def test_doable_is_its_own_dimension_beside_related() -> None:
    rows = pivots.rank_pivots(None, from_="13-1071.00", limit=10).rows
    for row in rows:
        assert row.doable is not None
        assert set(row.doable) >= {"zone_step", "readiness", "licence", "summary"}
        assert "job zone" in str(row.doable["summary"])


def test_compress_keeps_ordinary_scores_and_pulls_in_the_tail() -> None:
    z = np.array([[-2.0, 0.0, 0.5, 1.0, 2.0, 10.0, 20.0]], np.float32)
    out = rel.compress(z)[0]
    assert list(np.argsort(out)) == list(np.argsort(z[0]))  # order kept
    assert out[1] == 0.0 and out[0] == -out[4]
    assert abs(out[3] - 1.39) < 0.01 and abs(out[4] - 2.2) < 0.01
    assert out[5] < 5.0 and out[6] < 6.5  # z 10 and 20 no longer drown the others


def test_each_job_zone_between_two_occupations_costs_the_zone_step() -> None:
    z = {"tasks": np.array([[np.nan, 2.0, 2.0], [2.0, np.nan, 2.0], [2.0, 2.0, np.nan]])}
    weights = {"tasks": 1.0}
    flat = rel.composite(z, weights)
    zoned = rel.composite(z, weights, np.array([2, 4, 0]))
    assert np.isclose(zoned[0, 1], flat[0, 1] - 2 * rel.ZONE_STEP)
    assert np.isclose(zoned[1, 0], zoned[0, 1])
    # An unknown zone (0) costs nothing.
    assert np.isclose(zoned[0, 2], flat[0, 2]) and np.isclose(zoned[1, 2], flat[1, 2])
    assert np.isnan(zoned[0, 0])


def test_the_bundled_table_carries_every_component_it_explains() -> None:
    from careerceo.analysis.related import COMPONENT_LABELS
    from careerceo.services.pivot_space import neighbour_table

    nb = neighbour_table()
    assert nb.components == rel.COMPONENTS
    assert set(nb.components) <= set(COMPONENT_LABELS)
    assert nb.parts.shape == (nb.n, rel.K, len(rel.COMPONENTS))


def test_the_soc_prior_counts_shared_groups_but_not_all_other_residuals() -> None:
    codes = ["13-1161.00", "13-1161.01", "13-1151.00", "13-1199.04", "13-1199.05", "27-3031.00"]
    prior = rel.soc_prior(codes)
    minor, broad, detailed = rel.SOC_PRIOR
    assert np.isclose(prior[0, 1], minor + broad + detailed)  # the same SOC occupation
    assert np.isclose(prior[0, 2], minor)  # the same minor group (13-1) only
    assert np.isclose(prior[3, 4], minor)  # "All Other" siblings share a heading, not work
    assert prior[0, 5] == 0.0
    assert np.allclose(prior, prior.T)


def test_a_shared_soc_group_is_named_as_evidence() -> None:
    from careerceo.analysis.related import soc_relation

    assert soc_relation("13-1161.00", "13-1161.01") == "the same SOC occupation (13-1161)"
    assert soc_relation("15-1252.00", "15-1253.00") == "the same SOC broad group (15-1250)"
    assert soc_relation("13-1199.04", "13-1199.05") is None
    assert soc_relation("13-1161.00", "27-3031.00") is None
    rows = pivots.rank_pivots(None, from_="13-1161.00", limit=10).rows
    sibling = next(r for r in rows if r.code == "13-1161.01")
    assert len(sibling.because) <= 3
