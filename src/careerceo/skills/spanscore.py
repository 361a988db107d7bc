"""SkillSpan-style span scoring, shared by the training script, the benchmark and tests.

Spans are (first token, last token + 1) over a sentence's gold tokens. Exact: same first and
last token. Partial: any token overlap; precision counts predicted spans that overlap a gold
span, recall counts gold spans that some predicted span overlaps (so one long predicted span
over two gold spans gets both recalled, once precise).
"""

from __future__ import annotations

from collections.abc import Sequence

Span = tuple[int, int]


def bio_spans(tags: Sequence[str]) -> set[Span]:
    """Spans of a BIO tag sequence; an I- with no B- before it opens a span."""
    spans: set[Span] = set()
    start = None
    for i, tag in enumerate([*tags, "O"]):
        if tag.startswith("B") or tag == "O":
            if start is not None:
                spans.add((start, i))
                start = None
            if tag.startswith("B"):
                start = i
        elif tag.startswith("I") and start is None:
            start = i
    return spans


def token_offsets(words: Sequence[str]) -> list[Span]:
    """Character offsets of pre-split tokens joined by single spaces."""
    offsets, pos = [], 0
    for w in words:
        offsets.append((pos, pos + len(w)))
        pos += len(w) + 1
    return offsets


def to_token_span(offsets: Sequence[Span], start: int, end: int) -> Span | None:
    inside = [i for i, (s, e) in enumerate(offsets) if s < end and start < e]
    return (inside[0], inside[-1] + 1) if inside else None


class Scores:
    """Running counts for exact and partial-overlap precision / recall / F1."""

    def __init__(self) -> None:
        self.tp_exact = self.tp_pred_partial = self.tp_gold_partial = 0
        self.n_pred = self.n_gold = 0

    def add(self, pred: set[Span], gold: set[Span]) -> None:
        self.n_pred += len(pred)
        self.n_gold += len(gold)
        self.tp_exact += len(pred & gold)
        self.tp_pred_partial += sum(any(p[0] < g[1] and g[0] < p[1] for g in gold) for p in pred)
        self.tp_gold_partial += sum(any(p[0] < g[1] and g[0] < p[1] for p in pred) for g in gold)

    def merge(self, other: Scores) -> None:
        self.tp_exact += other.tp_exact
        self.tp_pred_partial += other.tp_pred_partial
        self.tp_gold_partial += other.tp_gold_partial
        self.n_pred += other.n_pred
        self.n_gold += other.n_gold

    def figures(self) -> tuple[float, float, float, float, float, float]:
        """Exact P, R, F1, then partial P, R, F1."""

        def prf(tp_p: int, tp_g: int) -> tuple[float, float, float]:
            p = tp_p / self.n_pred if self.n_pred else 0.0
            r = tp_g / self.n_gold if self.n_gold else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        return (
            *prf(self.tp_exact, self.tp_exact),
            *prf(self.tp_pred_partial, self.tp_gold_partial),
        )


def score_sentence(
    table: dict[str, Scores],
    words: Sequence[str],
    tags_skill: Sequence[str],
    tags_knowledge: Sequence[str],
    predicted: Sequence[tuple[int, int, str]],
) -> None:
    """Add one sentence's predicted (char start, end, "skill"/"knowledge") spans to ``table``
    under "skill", "knowledge" and "any" (type ignored)."""
    offsets = token_offsets(words)
    gold = {"skill": bio_spans(tags_skill), "knowledge": bio_spans(tags_knowledge)}
    gold["any"] = gold["skill"] | gold["knowledge"]
    pred: dict[str, set[Span]] = {"skill": set(), "knowledge": set(), "any": set()}
    for start, end, kind in predicted:
        span = to_token_span(offsets, start, end)
        if span is None:
            continue
        pred[kind].add(span)
        pred["any"].add(span)
    for kind in ("skill", "knowledge", "any"):
        table.setdefault(kind, Scores()).add(pred[kind], gold[kind])
