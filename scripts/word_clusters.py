"""Word clusters for the skill tagger, learned from unlabeled text (real job postings and the
SkillSpan train sentences, never dev): words that occur in the same contexts share a cluster,
so the tagger can treat "Tableau" like "SQL" although train never marks "Tableau".

Each word seen at least ``MIN_COUNT`` times gets a vector of its left and right neighbours
(the 1,000 most frequent words, at distance 1 and 2), weighted by positive pointwise mutual
information and reduced to 64 dimensions (the top eigenvectors of the context Gram matrix);
k-means (k-means++ from a fixed seed) then groups the unit vectors at three granularities.
Single-threaded numpy with fixed seeds and sorted vocabularies, so a rerun gives the same
clusters. Used by ``train_skill_tagger.py``; the package only reads the mapping it ships.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from careerceo.skills.tagfeatures import WORD_RE

MIN_COUNT = 3
CONTEXT_WORDS = 1000
DIMENSIONS = 64
GRANULARITIES = (64, 256, 1024)
SEED = 0


def corpus(postings: Path, train: Path) -> Iterator[str]:
    """The texts: Glassdoor and Google postings (public postings, no personal data) and the
    SkillSpan train sentences."""
    csv.field_size_limit(1 << 30)
    with (postings / "glassdoor_ds_jobs_2020" / "glassdoor_jobs.csv").open(
        encoding="utf-8", newline=""
    ) as handle:
        for row in csv.DictReader(handle):
            yield row["Job Description"]
    with (postings / "google_job_skills" / "job_skills.csv").open(
        encoding="utf-8", newline=""
    ) as handle:
        for row in csv.DictReader(handle):
            yield "\n".join(
                [
                    row["Title"],
                    row["Responsibilities"],
                    row["Minimum Qualifications"],
                    row["Preferred Qualifications"],
                ]
            )
    with train.open(encoding="utf-8") as handle:
        for line in handle:
            yield " ".join(json.loads(line)["tokens"])


def _context_counts(docs: list[list[str]], vocab: list[str]) -> np.ndarray:
    """Per vocabulary word, how often each context word sits just left of it, just right of
    it, and two words away (either side)."""
    index = {w: i for i, w in enumerate(vocab)}
    context = {w: i for i, w in enumerate(vocab[:CONTEXT_WORDS])}
    width = len(context)
    counts = np.zeros((len(vocab), 3 * width), dtype=np.float64)
    for doc in docs:
        rows = [index.get(w, -1) for w in doc]
        cols = [context.get(w, -1) for w in doc]
        n = len(doc)
        for i, row in enumerate(rows):
            if row < 0:
                continue
            for offset, slot in ((-1, 0), (1, 1), (-2, 2), (2, 2)):
                j = i + offset
                if 0 <= j < n and cols[j] >= 0:
                    counts[row, slot * width + cols[j]] += 1.0
    return counts


def _embed(counts: np.ndarray) -> np.ndarray:
    """PPMI-weighted counts reduced to ``DIMENSIONS`` unit vectors."""
    total = counts.sum()
    expected = counts.sum(axis=1, keepdims=True) @ counts.sum(axis=0, keepdims=True) / total
    with np.errstate(divide="ignore", invalid="ignore"):
        ppmi = np.where(counts > 0, np.log(counts / np.maximum(expected, 1e-300)), 0.0)
    ppmi = np.maximum(ppmi, 0.0)
    values, vectors = np.linalg.eigh(ppmi.T @ ppmi)
    order = np.argsort(-values, kind="stable")[:DIMENSIONS]
    emb = ppmi @ vectors[:, order]
    # An eigenvector's sign is arbitrary: fix it so the largest entry is positive.
    signs = np.sign(emb[np.abs(emb).argmax(axis=0), np.arange(emb.shape[1])])
    emb *= np.where(signs == 0, 1.0, signs)
    norms = np.linalg.norm(emb, axis=1, keepdims=True)
    return np.asarray(emb / np.maximum(norms, 1e-12))


def _kmeans(points: np.ndarray, k: int, iterations: int = 25) -> list[int]:
    rng = np.random.RandomState(SEED)
    centres = [points[rng.randint(len(points))]]
    nearest = ((points - centres[0]) ** 2).sum(axis=1)
    for _ in range(1, min(k, len(points))):
        if nearest.sum() <= 0:  # every point is a centre already (a tiny corpus)
            break
        centre = points[rng.choice(len(points), p=nearest / nearest.sum())]
        centres.append(centre)
        nearest = np.minimum(nearest, ((points - centre) ** 2).sum(axis=1))
    grid = np.array(centres)
    labels = np.zeros(len(points), dtype=np.intp)
    for _ in range(iterations):
        labels = (points @ grid.T * 2 - (grid**2).sum(axis=1)).argmax(axis=1)
        for j in range(len(grid)):
            members = points[labels == j]
            if len(members):
                grid[j] = members.mean(axis=0)
    return [int(x) for x in labels]


def word_clusters(texts: list[str]) -> dict[str, list[int]]:
    """Each frequent lower-cased word's cluster ids, coarse to fine."""
    docs = [[m.group().lower() for m in WORD_RE.finditer(t)] for t in texts]
    counts = Counter(w for doc in docs for w in doc)
    vocab = sorted((w for w, c in counts.items() if c >= MIN_COUNT), key=lambda w: (-counts[w], w))
    emb = _embed(_context_counts(docs, vocab))
    out: dict[str, list[int]] = {w: [] for w in vocab}
    for k in GRANULARITIES:
        for w, label in zip(vocab, _kmeans(emb, k), strict=True):
            out[w].append(label)
    return out
