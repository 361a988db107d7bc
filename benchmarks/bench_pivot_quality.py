"""Pivot ranking quality on honest proxies (no expert list is used, bundled or sought).

For occupation-to-occupation rankings (``career pivot --from CODE``) it prints, for each
method compared:

- ``seed moves``: where the target of each well-known move lands (HR specialist → training and
  development specialist, marketing specialist → PR specialist, and the career-guide moves in
  ``bench_pivot.ADVICE_MOVES``); rank 1 is the best pivot, the source itself excluded;
- ``SOC minor``: the share of each top 10 in the source's SOC minor group (e.g. 13-1xxx),
  over min(10, group size - 1): occupations the SOC classes together should be near (the
  shipped composite has a mild SOC prior, so on it this proxy is partly circular: judge the
  prior by the other proxies);
- ``Nesta``: recall@10 of the occupations Nesta's ESCO→O*NET crosswalk maps from ESCO
  occupations of the same ISCO-08 unit group (an independent classification);
- ``self``: self-retrieval with the occupation's own data perturbed (half its task words, DWAs,
  titles and technologies dropped at random, importance ratings jittered by N(0, 0.5)):
  the share of occupations whose perturbed copy still finds the original first.

Methods: the current engine (``rank`` on the occupation's profile), a plain cosine over skills +
knowledge + DWA importance (the baseline the issue names), each component alone, the
composite as main shipped it before (``PREVIOUS``: no profile, no compression, no priors), the
current composite without its SOC prior, and the build-time composite
(``knowledge.build.related``) as shipped. ``--fit`` searches the composite's
weights on two folds of occupations (fit on one, report on the other, both ways) against the
mean of the SOC-minor and Nesta proxies; the seed moves and self-retrieval are never used to fit.

``--variants`` prints principled alternatives to the shipped composite on the same proxies (none
is shipped unless it wins on them): weights renormalised over the components a pair has (an
occupation without importance ratings is not pulled towards the mean), word-pair (bigram) terms
in the task and title TF-IDF, a symmetric composite (the mean of both directions: the per-source
z-scores make ``i → j`` and ``j → i`` differ), and a hub penalty (each target's mean composite
over its 10 strongest sources taken off, so occupations near everything stop crowding lists).

Run: ``.venv/bin/python benchmarks/bench_pivot_quality.py [--fit] [--variants] [--no-engine]``.
"""

from __future__ import annotations

import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import argparse  # noqa: E402
import itertools  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_pivot import ADVICE_MOVES, SHARED, related_pairs  # noqa: E402

from careerceo.knowledge import artifact as fmt  # noqa: E402
from careerceo.knowledge.build import related as rel  # noqa: E402
from careerceo.knowledge.loader import DATA_DIR  # noqa: E402

SEEDS = (("13-1071.00", "13-1151.00"), ("13-1161.00", "27-3031.00"))
# The composite as main shipped it before the profile component, the compressed activity
# z-scores and the job-zone prior (for the before/after figures).
PREVIOUS = {
    "tasks": 0.20,
    "dwa": 0.20,
    "iwa": 0.10,
    "knowledge": 0.15,
    "titles": 0.25,
    "technology": 0.05,
}
MOVES = SEEDS + ADVICE_MOVES

Order = Callable[[int], np.ndarray]  # row -> every other row, best first


def load_sections() -> tuple[list[str], dict[str, object]]:
    root = DATA_DIR
    parts = {
        "core": fmt.read_json_gz(root / fmt.ONET_CORE),
        "titles": fmt.read_json_gz(root / fmt.ONET_TITLES),
        "tasks": fmt.read_json_gz(root / fmt.ONET_TASKS),
        "tech": fmt.read_json_gz(root / fmt.ONET_TECH),
        "arrays": fmt.read_npz(root / fmt.ONET_ARRAYS),
    }
    codes = [str(o[0]) for o in parts["core"]["occupations"]]  # type: ignore[index]
    return codes, parts


def matrix_order(score: np.ndarray) -> Order:
    filled = np.where(np.isnan(score), -np.inf, score)

    def order(i: int) -> np.ndarray:
        row = filled[i].copy()
        row[i] = -np.inf
        out = np.argsort(-row, kind="stable")
        return out[out != i]

    return order


def evaluate(
    name: str, order: Order, codes: list[str], rows: list[int], nesta: dict[str, set[str]]
) -> dict[str, float]:
    minor: list[float] = []
    partners: list[float] = []
    groups: dict[str, set[int]] = {}
    for i, c in enumerate(codes):
        groups.setdefault(c[:4], set()).add(i)
    for i in rows:
        top = order(i)[:10]
        group = groups[codes[i][:4]] - {i}
        if group:
            minor.append(len(set(top.tolist()) & group) / min(10, len(group)))
        want = nesta.get(codes[i])
        if want:
            got = {codes[j] for j in top}
            partners.append(len(got & want) / min(10, len(want)))
    return {"minor": float(np.mean(minor)), "nesta": float(np.mean(partners))}


def seed_ranks(order: Order, codes: list[str]) -> list[int]:
    row_of = {c: i for i, c in enumerate(codes)}
    out = []
    for src, dst in MOVES:
        o = order(row_of[src])
        out.append(int(np.flatnonzero(o == row_of[dst])[0]) + 1)
    return out


def perturbed_self(
    parts: dict[str, object],
    z_weights: dict[str, float],
    seed: int = 7,
    *,
    zone: np.ndarray | None = None,
    codes: list[str] | None = None,
    compressed: frozenset[str] = rel.COMPRESSED,
) -> float:
    """Share of occupations whose perturbed copy ranks the original first (composite)."""
    rng = np.random.default_rng(seed)
    feats = rel.feature_rows(**parts)  # type: ignore[arg-type]
    arrays = dict(parts["arrays"])  # type: ignore[call-overload]
    for name in ("knowledge", "skills"):
        imp = np.nan_to_num(np.asarray(arrays[f"{name}_importance"], np.float32))
        arrays[f"{name}_importance"] = imp + rng.normal(0, 0.5, imp.shape).astype(np.float32)
    noisy: dict[str, np.ndarray] = {}
    for name, m in feats.items():
        if name in ("knowledge", "skills"):
            imp = np.nan_to_num(np.asarray(parts["arrays"][f"{name}_importance"], np.float32))  # type: ignore[index]
            rated = np.asarray(arrays[f"{name}_rated"], bool)
            mean = imp[rated].mean(axis=0)
            v = rel._unit((arrays[f"{name}_importance"] - mean).astype(np.float32))
            v[~rated] = 0.0
            noisy[name] = v
        elif name == "profile":
            noisy[name] = rel._profile(arrays)
        else:
            keep = rng.random(m.shape) < 0.5
            noisy[name] = rel._unit(np.where(keep, m, 0.0).astype(np.float32))
    z: dict[str, np.ndarray] = {}
    for name in rel.COMPONENTS:
        sim = (noisy[name] @ feats[name].T).astype(np.float64)
        has = (np.linalg.norm(noisy[name], axis=1) > 0)[:, None] & (
            np.linalg.norm(feats[name], axis=1) > 0
        )[None, :]
        sim[~has] = np.nan
        mu = np.nanmean(np.where(has.any(1, keepdims=True), sim, 0), axis=1, keepdims=True)
        sd = np.nanstd(np.where(has.any(1, keepdims=True), sim, 0), axis=1, keepdims=True)
        zz = ((sim - mu) / np.where(sd > 0, sd, 1)).astype(np.float32)
        z[name] = rel.compress(zz) if name in compressed else zz
    comp = np.nan_to_num(rel.composite(z, z_weights, zone, codes), nan=-np.inf)
    best = np.argmax(comp, axis=1)
    return float((best == np.arange(comp.shape[0])).mean())


def baseline_order(parts: dict[str, object]) -> Order:
    """Plain cosine over skills + knowledge + DWA importance (no centring, no IDF)."""
    a = parts["arrays"]
    m = np.concatenate(
        [
            np.nan_to_num(np.asarray(a["skills_importance"], np.float32)) / 5,  # type: ignore[index]
            np.nan_to_num(np.asarray(a["knowledge_importance"], np.float32)) / 5,  # type: ignore[index]
            np.asarray(a["dwa"], np.float32),  # type: ignore[index]
        ],
        axis=1,
    )
    u = rel._unit(m)
    return matrix_order(u @ u.T)


def engine_order(codes: list[str]) -> Order:
    from careerceo.analysis.capability import occupation_profile
    from careerceo.analysis.pivot import rank
    from careerceo.services.pivot_space import occupation_space

    space = occupation_space()
    cache: dict[int, np.ndarray] = {}

    def order(i: int) -> np.ndarray:
        if i not in cache:
            r = rank(space, occupation_profile(space, codes[i]))
            o = np.asarray(r.order)
            cache[i] = o[o != i]
        return cache[i]

    return order


def report(name: str, order: Order, codes: list[str], nesta: dict[str, set[str]]) -> None:
    m = evaluate(name, order, codes, list(range(len(codes))), nesta)
    ranks = seed_ranks(order, codes)
    print(
        f"{name:<34} SOC minor {m['minor']:.3f}  Nesta {m['nesta']:.3f}  "
        f"seeds {ranks[0]}, {ranks[1]}  moves median {statistics.median(ranks):.0f}, "
        f"in top 10 {sum(r <= 10 for r in ranks)}/{len(ranks)}"
    )


def fit(
    z: dict[str, np.ndarray], codes: list[str], nesta: dict[str, set[str]], zone: np.ndarray
) -> None:
    """Coordinate search over a coarse grid, two folds (even / odd rows)."""
    grid = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3)
    folds = [list(range(0, len(codes), 2)), list(range(1, len(codes), 2))]

    def objective(w: dict[str, float], rows: list[int]) -> float:
        m = evaluate("", matrix_order(rel.composite(z, w, zone, codes)), codes, rows, nesta)
        return (m["minor"] + m["nesta"]) / 2

    for f, (train, test) in enumerate((folds, folds[::-1])):
        w = dict.fromkeys(rel.COMPONENTS, 0.1)
        best = objective(w, train)
        for _sweep, name in itertools.product(range(2), rel.COMPONENTS):
            for value in grid:
                trial = {**w, name: value}
                if sum(trial.values()) == 0:
                    continue
                got = objective(trial, train)
                if got > best + 1e-4:
                    best, w = got, trial
        held = objective(w, test)
        shipped = objective(rel.WEIGHTS, test)
        print(
            f"fold {f}: fitted {w} -> train {best:.3f}, other fold {held:.3f} "
            f"(shipped weights on the other fold {shipped:.3f})"
        )


def _bigram_docs(parts: dict[str, object]) -> tuple[list[list[str]], list[list[str]]]:
    """Task and title documents with each adjacent pair of content words as a term too."""
    from careerceo.knowledge.words import tokens

    def grams(text: str) -> list[str]:
        t = tokens(text)
        return t + [f"{a}_{b}" for a, b in itertools.pairwise(t)]

    occupations = parts["core"]["occupations"]  # type: ignore[index]
    tasks: list[list[str]] = [[] for _ in occupations]
    for row in parts["tasks"]["tasks"]:  # type: ignore[index]
        tasks[int(row[0])] += grams(str(row[2]))
    titles = [grams(str(o[1])) for o in occupations]
    for row in (*parts["titles"]["alternate"], *parts["titles"]["reported"]):  # type: ignore[index]
        titles[int(row[0])] += grams(str(row[1]))
    return tasks, titles


def variants(
    z: dict[str, np.ndarray],
    parts: dict[str, object],
    codes: list[str],
    nesta: dict[str, set[str]],
    zone: np.ndarray,
) -> None:
    """The alternatives named in the module docstring, each on every proxy but self-retrieval."""
    n = len(codes)
    priors = rel.composite(z, zone=zone, codes=codes) - rel.composite(z)  # SOC prior, zone cost
    total = np.zeros((n, n))
    wsum = np.zeros((n, n))
    for name, w in rel.WEIGHTS.items():
        if w > 0:
            have = ~np.isnan(z[name])
            total += np.where(have, w * z[name].astype(np.float64), 0.0)
            wsum += w * have
    renorm = np.where(wsum > 0, total / np.maximum(wsum, 1e-9), np.nan)
    report("renormalised over present parts", matrix_order(renorm + priors), codes, nesta)
    tasks, titles = _bigram_docs(parts)
    bigram = {
        **z,
        "tasks": rel.component_z(rel.tfidf(tasks)[0]),
        "titles": rel.component_z(rel.tfidf(titles)[0]),
    }
    with_bigrams = rel.composite(bigram, zone=zone, codes=codes)
    report("bigrams in tasks and titles", matrix_order(with_bigrams), codes, nesta)
    plain = rel.composite(z).astype(np.float64)
    both = np.where(np.isnan(plain) | np.isnan(plain.T), np.nan, (plain + plain.T) / 2)
    report("symmetric composite", matrix_order(both + priors), codes, nesta)
    filled = np.where(np.isnan(plain), -np.inf, plain)
    np.fill_diagonal(filled, -np.inf)
    hub = np.sort(filled, axis=0)[::-1][:10].mean(axis=0)
    hubless = plain - 0.25 * hub + priors
    report("hub penalty (0.25 x top-10 in)", matrix_order(hubless), codes, nesta)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fit", action="store_true")
    parser.add_argument("--no-engine", action="store_true")
    parser.add_argument("--variants", action="store_true")
    args = parser.parse_args()
    t = time.perf_counter()
    codes, parts = load_sections()
    feats = rel.feature_rows(**parts)  # type: ignore[arg-type]
    z = rel.all_z(feats)
    print(f"components computed in {time.perf_counter() - t:.1f} s")

    class _Space:
        def __init__(self) -> None:
            self.row_of = {c: i for i, c in enumerate(codes)}

    nesta = related_pairs(_Space())
    print(f"{len(codes)} occupations; Nesta partners known for {len(nesta)}")
    if not args.no_engine:
        report("current engine (rank --from)", engine_order(codes), codes, nesta)
    report("plain cosine skills+knowledge+DWA", baseline_order(parts), codes, nesta)
    for name in rel.COMPONENTS:
        report(f"component {name} alone", matrix_order(z[name]), codes, nesta)
    zone = np.asarray(parts["arrays"]["job_zone"])  # type: ignore[index]
    raw = {name: rel.component_z(feats[name]) for name in rel.COMPONENTS}
    report("composite before (main)", matrix_order(rel.composite(raw, PREVIOUS)), codes, nesta)
    report(
        "composite without SOC prior",
        matrix_order(rel.composite(z, zone=zone)),
        codes,
        nesta,
    )
    report(
        "composite (shipped)",
        matrix_order(rel.composite(z, zone=zone, codes=codes)),
        codes,
        nesta,
    )
    print(
        "self-retrieval, perturbed copy finds the original first: "
        f"before {perturbed_self(parts, PREVIOUS, compressed=frozenset()):.3f}, "
        f"shipped {perturbed_self(parts, rel.WEIGHTS, zone=zone, codes=codes):.3f}"
    )
    if args.variants:
        variants(z, parts, codes, nesta, zone)
    if args.fit:
        fit(z, codes, nesta, zone)


if __name__ == "__main__":
    if not SHARED.is_dir():
        sys.exit(f"{SHARED} is not there")
    main()
