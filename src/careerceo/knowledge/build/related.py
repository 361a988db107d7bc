"""Occupation-to-occupation relatedness, computed once at build time.

O*NET builds its experts' starting list of related occupations from "what people in the
occupations do, what they know, and what they are called" ("Developing Related Occupations for
the O*NET Program", 2022). We follow that recipe with the data the release ships:

- ``tasks``: TF-IDF cosine of the occupations' task statements (what they do, in O*NET's words);
- ``dwa`` / ``iwa`` / ``gwa``: IDF-weighted cosines of the detailed work activities their tasks
  link to, and of the intermediate and generalised activities those roll up to (two jobs seldom
  share an exact DWA but often share the activity it refines);
- ``knowledge`` / ``skills``: cosine of importance profiles centred on the mean occupation (what
  every job needs, such as English or Speaking, must not make everything look alike);
- ``titles``: TF-IDF cosine of the words in the title, alternate titles and reported titles
  (what they are called);
- ``technology``: IDF-weighted cosine of the technology products they use.

- ``profile``: cosine of the raw (uncentred) skill and knowledge importance profiles, the
  "similar ratings" signal the plain baseline uses: unlike the centred profiles it keeps the
  level of the work (an executive's profile is not a clerk's), which experts weigh.

Each component is standardised per source occupation (z-score over all other occupations), so a
component whose raw cosines run high (activities) cannot drown one whose cosines run low
(titles). The exact-activity components (``dwa``, ``iwa``) are then compressed
(``2·sign(z)·log(1 + |z|)``): two occupations seldom share an exact DWA, so sharing three of an
occupation's twenty reads as z 10 or more (their tenth-best neighbour has z 3.7 on average,
tasks 2.4) and a few shared generic activities ("prepare research reports") used to put
financial quants among a marketing specialist's nearest occupations.

The composite is the weighted mean of the (compressed) z-scores, a component the pair lacks
counting 0, minus ``ZONE_STEP`` per job zone between the two occupations: O*NET's experts, who
choose the published related occupations from such a composite, favour occupations of nearby
job zones ("Developing Related Occupations for the O*NET Program", 2022). The prior is mild
(a step costs less than a tenth of a typical close neighbour's composite); how doable a move is
(zone step, readiness, licences) is shown as its own dimension at run time
(``analysis.pivot_doable``), never folded into this score beyond that prior.

The experts also favour related SOC groups, so a mild ``SOC_PRIOR`` is added: 0.1 for the same
SOC minor group (13-1100), 0.2 more for the same broad group (13-1160) and 0.3 more for the same
SOC occupation (13-1161.00 and 13-1161.01); never for an "All Other" residual group (a code
ending in 9), whose members share a heading, not their work. A close neighbour's composite
runs 2 to 5, so the prior orders near equals; it cannot make strangers related.

The weights (``WEIGHTS``) keep the three families O*NET names (tasks and activities 0.5,
knowledge 0.15 + profile 0.2, titles 0.25) and add technology (0.05); they were chosen on
proxies only (SOC minor-group agreement, Nesta's ESCO→O*NET crosswalk partners, the seed and
career-guide moves and perturbed self-retrieval, see ``benchmarks/bench_pivot_quality.py``),
never on any expert list, and rounded to coarse values. Skills (centred) and the general work
activities got 0: on the proxies they add nothing the others do not already carry.

The artifact keeps, for each occupation, its ``K`` best neighbours with the composite and each
component's z-score (int8, in twentieths), which is all the ranking and its explanation need.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

import numpy as np
import numpy.typing as npt

from careerceo.knowledge.words import tokens

F32 = npt.NDArray[np.float32]

COMPONENTS = (
    "tasks",
    "dwa",
    "iwa",
    "gwa",
    "knowledge",
    "skills",
    "titles",
    "technology",
    "profile",
)
WEIGHTS: dict[str, float] = {
    "tasks": 0.20,
    "dwa": 0.20,
    "iwa": 0.10,
    "gwa": 0.0,
    "knowledge": 0.15,
    "skills": 0.0,
    "titles": 0.25,
    "technology": 0.05,
    "profile": 0.2,
}
COMPRESSED = frozenset({"dwa", "iwa"})  # heavy-tailed: z compressed before weighting
ZONE_STEP = 0.15  # composite cost of each job zone between two occupations
# Composite bonus for sharing an SOC minor group, broad group, detailed occupation (cumulative).
SOC_PRIOR = (0.1, 0.2, 0.3)
K = 50
Z_SCALE = 20.0  # component z-scores are stored as int8 twentieths (-6.4 .. 6.35)


def tfidf(docs: list[list[str]]) -> tuple[F32, dict[str, int], F32]:
    """Unit-length sublinear TF-IDF rows (dense: ~1,000 documents), the vocabulary and the IDF.

    Terms in a single document say nothing about relatedness and are dropped."""
    df: Counter[str] = Counter()
    for doc in docs:
        df.update(set(doc))
    vocab = {t: i for i, t in enumerate(sorted(t for t, c in df.items() if c >= 2))}
    n = len(docs)
    idf = np.zeros(len(vocab), np.float32)
    for t, i in vocab.items():
        idf[i] = math.log((1 + n) / (1 + df[t])) + 1.0
    out = np.zeros((n, len(vocab)), np.float32)
    for r, doc in enumerate(docs):
        counts = Counter(t for t in doc if t in vocab)
        for t, c in counts.items():
            out[r, vocab[t]] = (1.0 + math.log(c)) * idf[vocab[t]]
    return _unit(out), vocab, idf


def _unit(m: F32) -> F32:
    norm = np.linalg.norm(m, axis=1, keepdims=True)
    out: F32 = np.divide(m, norm, out=np.zeros_like(m), where=norm > 0).astype(np.float32)
    return out


def _idf_rows(incidence: F32) -> F32:
    df = incidence.sum(axis=0)
    n = incidence.shape[0]
    idf = np.where(df > 0, np.log((1 + n) / (1 + df)) + 1.0, 0.0).astype(np.float32)
    return _unit((incidence * idf).astype(np.float32))


def _centred(importance: F32, rated: npt.NDArray[np.bool_]) -> F32:
    filled = np.nan_to_num(importance, nan=0.0).astype(np.float32)
    mean = filled[rated].mean(axis=0)
    out = _unit((filled - mean).astype(np.float32))
    out[~rated] = 0.0
    return out


def feature_rows(
    core: dict[str, Any],
    titles: dict[str, Any],
    tasks: dict[str, Any],
    tech: dict[str, Any],
    arrays: dict[str, Any],
) -> dict[str, F32]:
    """Each component's unit-length occupation rows (a zero row: no data for that component)."""
    occupations = core["occupations"]
    n = len(occupations)
    task_docs: list[list[str]] = [[] for _ in range(n)]
    for row in tasks["tasks"]:
        task_docs[int(row[0])] += tokens(str(row[2]))
    title_docs: list[list[str]] = [tokens(str(o[1])) for o in occupations]
    for row in titles["alternate"]:
        title_docs[int(row[0])] += tokens(str(row[1]))
    for row in titles["reported"]:
        title_docs[int(row[0])] += tokens(str(row[1]))
    dwa = np.asarray(arrays["dwa"], np.float32)
    dwa_rows = tasks["dwas"]
    iwa_ids = sorted({str(d[2]) for d in dwa_rows})
    gwa_ids = sorted({str(d[3]) for d in dwa_rows})
    iwa_of = np.array([iwa_ids.index(str(d[2])) for d in dwa_rows], np.intp)
    gwa_of = np.array([gwa_ids.index(str(d[3])) for d in dwa_rows], np.intp)
    iwa = np.zeros((n, len(iwa_ids)), np.float32)
    gwa = np.zeros((n, len(gwa_ids)), np.float32)
    for col in range(dwa.shape[1]):
        iwa[:, iwa_of[col]] = np.maximum(iwa[:, iwa_of[col]], dwa[:, col])
        gwa[:, gwa_of[col]] += dwa[:, col]
    names = sorted({str(t[1]).casefold() for t in tech["technology"]})
    col_of = {name: i for i, name in enumerate(names)}
    techm = np.zeros((n, len(names)), np.float32)
    for t in tech["technology"]:
        techm[int(t[0]), col_of[str(t[1]).casefold()]] = 1.0
    return {
        "tasks": tfidf(task_docs)[0],
        "dwa": _idf_rows(dwa),
        "iwa": _idf_rows(iwa),
        "gwa": _unit(np.sqrt(gwa).astype(np.float32)),
        "knowledge": _centred(
            np.asarray(arrays["knowledge_importance"], np.float32),
            np.asarray(arrays["knowledge_rated"], bool),
        ),
        "skills": _centred(
            np.asarray(arrays["skills_importance"], np.float32),
            np.asarray(arrays["skills_rated"], bool),
        ),
        "titles": tfidf(title_docs)[0],
        "technology": _idf_rows(techm),
        "profile": _profile(arrays),
    }


def _profile(arrays: dict[str, Any]) -> F32:
    """Raw skill and knowledge importance side by side (unit rows; zero where not rated)."""
    rated = np.asarray(arrays["skills_rated"], bool) & np.asarray(arrays["knowledge_rated"], bool)
    raw = np.concatenate(
        [
            np.nan_to_num(np.asarray(arrays["skills_importance"], np.float32), nan=0.0),
            np.nan_to_num(np.asarray(arrays["knowledge_importance"], np.float32), nan=0.0),
        ],
        axis=1,
    )
    out = _unit(raw.astype(np.float32))
    out[~rated] = 0.0
    return out


def component_z(rows: F32) -> F32:
    """Cosine of every pair, standardised per source row over the other occupations.

    NaN where either side has no data (a zero row) and on the diagonal."""
    r64 = rows.astype(np.float64)
    sim = r64 @ r64.T
    has = np.linalg.norm(rows, axis=1) > 0
    n = rows.shape[0]
    valid = has[:, None] & has[None, :] & ~np.eye(n, dtype=bool)
    sim[~valid] = np.nan
    mean = np.nanmean(np.where(valid.any(axis=1, keepdims=True), sim, 0.0), axis=1, keepdims=True)
    std = np.nanstd(np.where(valid.any(axis=1, keepdims=True), sim, 0.0), axis=1, keepdims=True)
    z = (sim - mean) / np.where(std > 0, std, 1.0)
    out: F32 = z.astype(np.float32)
    return out


def soc_prior(codes: list[str]) -> npt.NDArray[np.float64]:
    """``SOC_PRIOR`` summed over the SOC levels each pair shares (0 on no shared level)."""
    out = np.zeros((len(codes), len(codes)), np.float64)
    for bonus, width in zip(SOC_PRIOR, (4, 6, 7), strict=True):
        # Minor group "13-1", broad group "13-116", detailed occupation "13-1161".
        keys = [c[:width] for c in codes]
        residual = np.array([width > 4 and k.endswith("9") for k in keys])
        key = np.array(keys)
        same = (key[:, None] == key[None, :]) & ~residual[:, None]
        out += bonus * same
    return out


def compress(z: F32) -> F32:
    """``2·sign(z)·log(1 + |z|)``: ordinary z-scores (up to about 2) keep their size, the
    heavy tail of a sparse overlap is pulled in (z 10 becomes 4.8)."""
    out: F32 = (2.0 * np.sign(z) * np.log1p(np.abs(z))).astype(np.float32)
    return out


def all_z(features: dict[str, F32]) -> dict[str, F32]:
    """Each component's standardised pair scores (compressed where heavy-tailed)."""
    out = {}
    for name in COMPONENTS:
        z = component_z(features[name])
        out[name] = compress(z) if name in COMPRESSED else z
    return out


def composite(
    z: dict[str, F32],
    weights: dict[str, float] | None = None,
    zone: npt.NDArray[np.integer[Any]] | None = None,
    codes: list[str] | None = None,
) -> F32:
    """Weighted mean of the component z-scores, a component a pair lacks counting as 0 (no
    evidence either way): an "All Other" catch-all with titles but no tasks or ratings must
    not rank first on its titles alone. NaN only where the pair has no component at all.

    With ``zone`` (each occupation's job zone, 0 unknown), ``ZONE_STEP`` is taken off per job
    zone between the two occupations (nothing where either zone is unknown); with ``codes``
    (the O*NET-SOC codes in row order), ``soc_prior`` is added."""
    weights = weights or WEIGHTS
    n = next(iter(z.values())).shape[0]
    total = np.zeros((n, n), np.float64)
    wsum = np.zeros((n, n), np.float64)
    for name, w in weights.items():
        if w <= 0:
            continue
        have = ~np.isnan(z[name])
        total += np.where(have, w * z[name].astype(np.float64), 0.0)
        wsum += w * have
    full = sum(w for w in weights.values() if w > 0)
    mean = total / full
    if codes is not None:
        mean += soc_prior(codes)
    if zone is not None:
        zf = np.asarray(zone, np.float64)
        known = zf > 0
        steps = np.abs(zf[:, None] - zf[None, :])
        mean -= np.where(known[:, None] & known[None, :], ZONE_STEP * steps, 0.0)
    out: F32 = np.where(wsum > 0, mean, np.nan).astype(np.float32)
    return out


def text_blob(groups: list[list[str]]) -> tuple[npt.NDArray[np.uint8], npt.NDArray[np.int32]]:
    """Strings per occupation as one UTF-8 blob of lines plus each occupation's first line:
    reading a few occupations' titles or tasks then costs a split, not a JSON parse."""
    lines = [text.replace("\n", " ") for group in groups for text in group]
    starts = np.cumsum([0] + [len(g) for g in groups]).astype(np.int32)
    return np.frombuffer("\n".join(lines).encode("utf-8"), np.uint8).copy(), starts


def evidence_texts(
    core: dict[str, Any], titles: dict[str, Any], tasks: dict[str, Any]
) -> dict[str, Any]:
    """Each occupation's titles (title, alternate, reported) and task statements (core first),
    the texts the explanation of a related occupation quotes."""
    occupations = core["occupations"]
    n = len(occupations)
    title_groups: list[list[str]] = [[str(o[1])] for o in occupations]
    for row in (*titles["alternate"], *titles["reported"]):
        group = title_groups[int(row[0])]
        if str(row[1]) not in group:
            group.append(str(row[1]))
    order = {"Core": 0, "Supplemental": 1}
    task_groups: list[list[str]] = [[] for _ in range(n)]
    for row in sorted(tasks["tasks"], key=lambda r: (int(r[0]), order.get(r[3], 2), int(r[1]))):
        task_groups[int(row[0])].append(str(row[2]))
    title_blob, title_start = text_blob(title_groups)
    task_blob, task_start = text_blob(task_groups)
    return {
        "text_titles": title_blob,
        "text_titles_start": title_start,
        "text_tasks": task_blob,
        "text_tasks_start": task_start,
    }


TEXT_TERMS = 200  # each occupation's strongest words kept for matching a person's own text


def text_vectors(
    core: dict[str, Any], titles: dict[str, Any], tasks: dict[str, Any]
) -> dict[str, Any]:
    """Each occupation's words (task statements, its detailed work activities, titles) as a
    sparse TF-IDF vector of its ``TEXT_TERMS`` strongest terms, with the vocabulary and IDF,
    so that a person's résumé and position descriptions can be compared with what people in
    each occupation do and are called without loading the task statements."""
    occupations = core["occupations"]
    n = len(occupations)
    docs: list[list[str]] = [tokens(str(o[1])) for o in occupations]
    dwa_titles = [tokens(str(d[1])) for d in tasks["dwas"]]
    for row in tasks["tasks"]:
        docs[int(row[0])] += tokens(str(row[2]))
        for d in row[4]:
            docs[int(row[0])] += dwa_titles[int(d)]
    for row in (*titles["alternate"], *titles["reported"]):
        docs[int(row[0])] += tokens(str(row[1]))
    rows, vocab, idf = tfidf(docs)
    k = min(TEXT_TERMS, rows.shape[1])
    top = np.argsort(-rows, axis=1, kind="stable")[:, :k]
    weights = np.take_along_axis(rows, top, axis=1)
    weights = weights / np.maximum(np.linalg.norm(weights, axis=1, keepdims=True), 1e-12)
    top = np.where(weights > 0, top, -1)
    words = sorted(vocab, key=vocab.__getitem__)
    return {
        "text_vocab": np.frombuffer("\n".join(words).encode("utf-8"), np.uint8).copy(),
        "text_idf": np.round(idf, 4).astype(np.float32),
        "text_terms": top.astype(np.int32),
        "text_weights": np.round(np.where(top >= 0, weights, 0.0), 4).astype(np.float16),
        "text_rows": np.array([n], np.int32),
    }


def neighbour_arrays(
    z: dict[str, F32],
    weights: dict[str, float] | None = None,
    zone: npt.NDArray[np.integer[Any]] | None = None,
    codes: list[str] | None = None,
) -> dict[str, Any]:
    """Each occupation's ``K`` best neighbours (ties by code order) with composite and parts."""
    # Rounded before sorting so that a last-bit difference between BLAS builds cannot swap two
    # neighbours: the artifact must rebuild byte for byte on any machine.
    comp = np.round(composite(z, weights, zone, codes), 3)
    n = comp.shape[0]
    filled = np.where(np.isnan(comp), -np.inf, comp)
    np.fill_diagonal(filled, -np.inf)
    k = min(K, n - 1)
    order = np.argsort(-filled, axis=1, kind="stable")[:, :k]
    score = np.take_along_axis(comp, order, axis=1)
    parts = np.stack(
        [np.take_along_axis(np.nan_to_num(z[c], nan=-99.0), order, axis=1) for c in COMPONENTS],
        axis=2,
    )  # -128 once quantised: the pair has no data for that component
    quant = np.clip(np.round(parts * Z_SCALE), -128, 127).astype(np.int8)
    return {
        "related_index": order.astype(np.int16),
        "related_score": np.round(np.nan_to_num(score, nan=0.0) * 1000).astype(np.int16),
        "related_parts": quant,
        "related_components": np.array(COMPONENTS),
    }
