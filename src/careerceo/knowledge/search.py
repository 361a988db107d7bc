"""Title normalisation and occupation search over O*NET and ESCO labels (pure).

The matcher is built from plain ``LabelEntry`` rows (label, O*NET code, kind, via) so it does
not care how the knowledge base stores them, and so the quality benchmark can rebuild it with
held-out labels removed. Two stages keep it fast and forgiving: a TF-IDF index over words and
character trigrams proposes candidates (typos and word order survive that), then RapidFuzz's
order-insensitive ratio re-ranks them. Label scores roll up to occupations: the best label
decides, several agreeing labels add a little, and every candidate keeps the label that
matched as evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz

from careerceo.errors import CareerError
from careerceo.knowledge.textindex import TextIndex, build_index
from careerceo.knowledge.titles import ParsedTitle, parse_title, words

ONET_VERSION = "O*NET 29.0"
ESCO_VERSION = "ESCO 1.1.1"

KIND_WEIGHT = {"title": 1.0, "alternate": 1.0, "reported": 1.0, "short": 0.98, "esco": 0.95}
KIND_SOURCE = {
    "title": f"{ONET_VERSION} occupation title",
    "alternate": f"{ONET_VERSION} alternate title",
    "short": f"{ONET_VERSION} alternate title (short form)",
    "reported": f"{ONET_VERSION} sample of reported titles",
    "esco": f"{ESCO_VERSION} occupation label",
}
CANDIDATES_PER_QUERY = 40
# Label similarity = COSINE_WEIGHT x TF-IDF cosine + the rest x RapidFuzz ratio of the sorted
# words; an occupation's score = its best label, with up to SUPPORT_BONUS for several agreeing
# labels. Chosen on half of the held-out reported titles (benchmarks/bench_titles.py).
COSINE_WEIGHT = 0.6
SUPPORT_BONUS = 0.1
SUPPORT_WINDOW = 0.2  # labels this close to the best one count as support
SUPPORT_SATURATION = 3.0  # this many extra labels give the whole bonus
MAX_LIMIT = 100
CONFIDENT = 0.6  # below this best score, a title is said to have no close match
MIN_SEARCH_SCORE = 0.3  # search hits weaker than this are noise ("zzzz" -> "jazz singer")
_CODE = re.compile(r"^\d{2}(?:-\d{0,4}(?:\.\d{0,2})?)?$")
_EXCEPT = re.compile(r"(?:,|(?<!\s))\s+except\b.*$", re.IGNORECASE)
_PAREN = re.compile(r"\(([^()]{0,200})\)")  # stops at the next "(": linear on "(((("


class LabelEntry(NamedTuple):
    """One name of one occupation: the text, the O*NET code it points to, and its kind.

    ``via`` names the ESCO occupation an ESCO label came from (its link to O*NET is the
    evidence), and is empty for O*NET's own labels; ``weight`` (0-1) discounts labels that
    reach the code indirectly.
    """

    label: str
    code: str
    kind: str
    via: str = ""
    weight: float = 1.0  # e.g. the strength of an ESCO -> O*NET link


@dataclass(frozen=True)
class TitleCandidate:
    code: str
    title: str
    score: float
    matched_label: str
    label_kind: str
    source: str
    via: str = ""
    supporting_labels: int = 1

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "code": self.code,
            "title": self.title,
            "score": self.score,
            "matched_label": self.matched_label,
            "label_kind": self.label_kind,
            "source": self.source,
            "supporting_labels": self.supporting_labels,
        }
        if self.via:
            out["via_esco_occupation"] = self.via
        return out


@dataclass(frozen=True)
class TitleResult:
    """A normalised title: the parse plus ranked occupations with evidence."""

    parsed: ParsedTitle
    candidates: tuple[TitleCandidate, ...]

    @property
    def best(self) -> TitleCandidate | None:
        return self.candidates[0] if self.candidates else None

    @property
    def confident(self) -> bool:
        """Whether the best occupation is a close match rather than merely the nearest."""
        return self.best is not None and self.best.score >= CONFIDENT

    def as_dict(self) -> dict[str, object]:
        return {
            "input": self.parsed.original,
            "core_title": self.parsed.core_title,
            "normalized": self.parsed.normalized,
            "seniority": self.parsed.seniority,
            "level": self.parsed.level,
            "removed_noise": list(self.parsed.noise),
            "qualifiers": list(self.parsed.qualifiers),
            "confident": self.confident,
            "candidates": [c.as_dict() for c in self.candidates],
        }


@dataclass(frozen=True)
class SearchHit:
    code: str
    title: str
    score: float
    matched: str  # the label or "description" that made it match
    source: str

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "title": self.title,
            "score": self.score,
            "matched": self.matched,
            "source": self.source,
        }


def label_forms(label: str) -> list[str]:
    """The spellings worth indexing for one label.

    "CEO (Chief Executive Officer)" is both "CEO" and "Chief Executive Officer"; an O*NET
    title's ", Except ..." clause names what the occupation is *not*, so it is dropped.
    """
    label = label.strip()
    if "(" not in label and "xcept" not in label:
        return [label]  # the common case, without three regular expressions
    label = _EXCEPT.sub("", label)
    forms = []
    inner = [m.strip() for m in _PAREN.findall(label)]
    outer = _PAREN.sub(" ", label).strip(" ,")
    if outer:
        forms.append(outer)
    forms.extend(i for i in inner if any(ch.isalpha() for ch in i))
    return forms or [label]


KINDS = ("title", "alternate", "reported", "short", "esco")  # index = tie-break rank


@dataclass
class TitleMatcher:
    """The built index; create with ``build_matcher`` and keep it (it is read-only).

    Label entries are parallel numpy arrays plus two string tables rather than ~100k Python
    objects, so a built matcher pickles and unpickles in a few tens of milliseconds.
    """

    codes: list[str]  # O*NET codes, entry_code indexes into it
    titles: dict[str, str]
    index: TextIndex
    doc_text: list[str]  # sorted comparable words of each unique label, for RapidFuzz
    doc_ptr: npt.NDArray[np.int32]  # entries of doc d: doc_entry[doc_ptr[d]:doc_ptr[d+1]]
    doc_entry: npt.NDArray[np.int32]
    entry_code: npt.NDArray[np.int16]
    entry_kind: npt.NDArray[np.int8]  # index into KINDS
    entry_weight: npt.NDArray[np.float32]  # per-entry weight x kind weight
    entry_form: npt.NDArray[np.int32]  # index into strings: the spelling that was indexed
    entry_via: npt.NDArray[np.int32]  # index into strings, -1 = none
    strings: list[str]
    description_index: TextIndex | None = None
    description_codes: list[str] = field(default_factory=list)

    # -- title normalisation -------------------------------------------------------------
    def label_scores(
        self, variants: Sequence[tuple[str, float]], per_query: int = CANDIDATES_PER_QUERY
    ) -> dict[int, float]:
        """Best similarity of each candidate unique label over the query variants."""
        best: dict[int, float] = {}
        for text, weight in variants:
            tokens = text.split()
            if not tokens:
                continue
            query = " ".join(sorted(tokens))
            ids, cosines = self.index.top(tokens, per_query)
            for doc, cosine in zip(ids.tolist(), cosines.tolist(), strict=True):
                ratio = fuzz.ratio(query, self.doc_text[doc]) / 100.0
                sim = COSINE_WEIGHT * min(cosine, 1.0) + (1 - COSINE_WEIGHT) * ratio
                sim *= weight
                if sim > best.get(doc, 0.0):
                    best[doc] = sim
        return best

    def rank_occupations(
        self, label_scores: Mapping[int, float], limit: int
    ) -> list[TitleCandidate]:
        if not label_scores:
            return []
        docs = np.fromiter(label_scores.keys(), dtype=np.int64, count=len(label_scores))
        sims = np.fromiter(label_scores.values(), dtype=np.float64, count=len(label_scores))
        starts, ends = self.doc_ptr[docs], self.doc_ptr[docs + 1]
        counts = (ends - starts).astype(np.int64)
        entry = np.concatenate([self.doc_entry[a:b] for a, b in zip(starts, ends, strict=True)])
        score = np.repeat(sims, counts) * self.entry_weight[entry]
        code = self.entry_code[entry].astype(np.int64)
        kind = self.entry_kind[entry]
        # Best entry per code: sort by code, then score desc, then kind rank.
        order = np.lexsort((kind, -score, code))
        entry, score, code = entry[order], score[order], code[order]
        first = np.flatnonzero(np.r_[True, code[1:] != code[:-1]])
        bounds = np.r_[first, len(code)]
        # Only the best groups can make the cut (support adds at most SUPPORT_BONUS).
        keep = np.argsort(-score[first], kind="stable")
        floor = score[first][keep[min(limit, len(keep)) - 1]] - SUPPORT_BONUS - 0.01
        ranked: list[TitleCandidate] = []
        for g in keep.tolist():
            lo, hi = int(bounds[g]), int(bounds[g + 1])
            top = float(score[lo])
            if top < floor:
                break
            close = entry[lo:hi][score[lo:hi] >= top - SUPPORT_WINDOW]
            support = len({self.strings[int(f)].lower() for f in self.entry_form[close]})
            bonus = min(1.0, (support - 1) / SUPPORT_SATURATION)
            value = (1 - SUPPORT_BONUS) * top + SUPPORT_BONUS * bonus
            best = int(entry[lo])
            occ = self.codes[int(code[lo])]
            kind_name = KINDS[int(self.entry_kind[best])]
            via = int(self.entry_via[best])
            ranked.append(
                TitleCandidate(
                    code=occ,
                    title=self.titles[occ],
                    score=round(min(1.0, value), 4),
                    matched_label=self.strings[int(self.entry_form[best])],
                    label_kind=kind_name,
                    source=KIND_SOURCE[kind_name],
                    via=self.strings[via] if via >= 0 else "",
                    supporting_labels=support,
                )
            )
        ranked.sort(key=lambda c: (-c.score, c.code))
        return ranked[:limit]

    def normalize(self, title: object, limit: int = 5) -> TitleResult:
        """Ranked occupations for a free-text job title, with the parse kept alongside.

        A title that is word for word (after abbreviations, plurals and seniority are
        normalised) one of O*NET's own titles, alternate or reported titles wins over fuzzy
        neighbours: "Customer Service Rep" is Customer Service Representatives, whose title it
        is, before Sales Representatives of Services, which lists it as an alternate title.
        """
        limit = check_limit(limit)
        parsed = parse_title(title)
        variants = parsed.variants
        ranked = self.rank_occupations(self.label_scores(variants), max(limit, EXACT_POOL))
        return TitleResult(parsed, tuple(exact_first(ranked, variants)[:limit]))

    # -- occupation search ---------------------------------------------------------------
    def search(self, text: object, limit: int = 20) -> list[SearchHit]:
        """Occupations for a search box: codes by prefix, otherwise labels plus descriptions."""
        limit = check_limit(limit)
        query = check_query(text)
        if _CODE.match(query):
            codes = sorted(c for c in self.titles if c.startswith(query))
            return [
                SearchHit(c, self.titles[c], 1.0, c, f"{ONET_VERSION} code") for c in codes[:limit]
            ]
        tokens = words(query)
        if not tokens:
            raise CareerError(
                "the search has no words to look for; try e.g. 'nurse' or 'data'", field="q"
            )
        scores = self.label_scores([(" ".join(tokens), 1.0)], per_query=max(60, 3 * limit))
        by_label = {c.code: c for c in self.rank_occupations(scores, MAX_LIMIT * 3)}
        by_text: dict[str, float] = {}
        if self.description_index is not None:
            ids, cosines = self.description_index.top(tokens, max(50, 2 * limit))
            by_text = {
                self.description_codes[i]: c
                for i, c in zip(ids.tolist(), cosines.tolist(), strict=True)
            }
        hits = []
        for code in set(by_label) | set(by_text):
            label = by_label.get(code)
            label_score = label.score if label else 0.0
            text_score = by_text.get(code, 0.0)
            score = max(label_score, 0.8 * text_score) + 0.1 * min(label_score, text_score)
            if label is not None and label_score >= 0.8 * text_score:
                matched, source = label.matched_label, label.source
            else:
                matched, source = "description", f"{ONET_VERSION} occupation description"
            hits.append(
                SearchHit(code, self.titles[code], round(min(1.0, score), 4), matched, source)
            )
        hits = [h for h in hits if h.score >= MIN_SEARCH_SCORE]
        hits.sort(key=lambda h: (-h.score, h.code))
        return hits[:limit]


EXACT_POOL = 10  # candidates looked at for a word-for-word match
EXACT_KIND_ORDER = ("title", "alternate", "reported", "short")
EXACT_MAX_SHARED = 3  # more occupations than this share the exact label: it decides nothing


def exact_first(
    ranked: list[TitleCandidate], variants: Sequence[tuple[str, float]]
) -> list[TitleCandidate]:
    """Candidates whose matched O*NET label has exactly the query's words, first and at score
    1.0: the occupation's own title before an alternate title before a reported one, then the
    original score (several agreeing labels), then the occupation whose own title shares more
    of the query's words ("Operations Manager" is an alternate title of General and Operations
    Managers and of Media Technical Directors). ESCO labels reach O*NET through a link, so
    they never count as exact."""
    queries = [frozenset(text.split()) for text, weight in variants if weight >= 0.999]
    if not queries:
        return ranked
    sorted_queries = {" ".join(sorted(text.split())) for text, w in variants if w >= 0.999}
    exact: list[tuple[tuple[int, float, float, str], TitleCandidate]] = []
    rest: list[TitleCandidate] = []
    for c in ranked:
        key = " ".join(sorted(words(c.matched_label)))
        if c.label_kind in EXACT_KIND_ORDER and key in sorted_queries:
            own = set(words(_EXCEPT.sub("", c.title)))
            overlap = max(len(own & q) / len(own | q) for q in queries) if own else 0.0
            rank = (EXACT_KIND_ORDER.index(c.label_kind), -c.score, -overlap, c.code)
            exact.append((rank, c))
        else:
            rest.append(c)
    exact.sort(key=lambda pair: pair[0])
    if not exact or sum(r[0] == exact[0][0][0] for r, _ in exact) > EXACT_MAX_SHARED:
        # A bare word many occupations list ("Engineer"): word for word, yet no answer.
        return ranked
    bumped = [replace(c, score=1.0) for _, c in exact]
    return bumped + rest


def check_limit(limit: object) -> int:
    if not isinstance(limit, int) or isinstance(limit, bool) or not 1 <= limit <= MAX_LIMIT:
        raise CareerError(f"limit must be a whole number from 1 to {MAX_LIMIT}", field="limit")
    return limit


def check_query(text: object) -> str:
    if not isinstance(text, str):
        raise CareerError("the search must be text, e.g. 'nurse'", field="q")
    query = text.strip()
    if not query:
        raise CareerError("the search is empty; type a word, e.g. 'nurse'", field="q")
    if len(query) > 500:
        raise CareerError(
            f"the search is {len(query)} characters long; keep it under 500", field="q"
        )
    return query


def build_matcher(
    labels: Iterable[LabelEntry | tuple[str, str, str] | tuple[str, str, str, str]],
    titles: Mapping[str, str],
    descriptions: Mapping[str, str] | None = None,
) -> TitleMatcher:
    """Index labels (and optionally occupation descriptions) for ``normalize`` and ``search``.

    ``titles`` maps every O*NET code to its title; labels pointing elsewhere are ignored.
    The occupation titles themselves are always indexed as kind "title".
    """
    codes = sorted(titles)
    own = [LabelEntry(title, code, "title") for code, title in titles.items()]
    docs, doc_text, rows, strings = _label_rows((*own, *labels), codes)
    table = np.array(rows, dtype=np.float64).reshape(-1, 6)
    doc_col = table[:, 0].astype(np.int32)
    order = np.argsort(doc_col, kind="stable").astype(np.int32)
    doc_ptr = np.zeros(len(docs) + 1, dtype=np.int32)
    np.cumsum(np.bincount(doc_col, minlength=len(docs)), out=doc_ptr[1:])
    matcher = TitleMatcher(
        codes=codes,
        titles=dict(titles),
        index=build_index(docs),
        doc_text=doc_text,
        doc_ptr=doc_ptr,
        doc_entry=order,
        entry_code=table[:, 1].astype(np.int16),
        entry_kind=table[:, 2].astype(np.int8),
        entry_weight=table[:, 3].astype(np.float32),
        entry_form=table[:, 4].astype(np.int32),
        entry_via=table[:, 5].astype(np.int32),
        strings=strings,
    )
    if descriptions:
        described = sorted(c for c in descriptions if c in titles)
        matcher.description_index = build_index(
            [words(titles[c] + " " + descriptions[c]) for c in described]
        )
        matcher.description_codes = described
    return matcher


LabelRow = tuple[int, int, int, float, int, int]  # doc, code, kind, weight, form, via


def _label_rows(
    labels: Iterable[LabelEntry | tuple[str, str, str] | tuple[str, str, str, str]],
    codes: list[str],
) -> tuple[list[list[str]], list[str], list[LabelRow], list[str]]:
    """Every label's spellings as documents (one per distinct sorted word set), one row per
    (document, occupation, kind) with the label's weight, and the interned strings the rows
    point to (the spelling shown, the ESCO label a link came through)."""
    code_index = {code: i for i, code in enumerate(codes)}
    kind_index = {kind: i for i, kind in enumerate(KINDS)}
    strings: list[str] = []
    string_index: dict[str, int] = {}

    def intern(text: str) -> int:
        i = string_index.get(text)
        if i is None:
            i = string_index[text] = len(strings)
            strings.append(text)
        return i

    doc_of: dict[str, int] = {}
    docs: list[list[str]] = []
    rows: list[LabelRow] = []
    seen: set[tuple[int, int, int]] = set()
    forms_of: dict[str, list[tuple[int, int]]] = {}  # label -> [(form string, doc)]
    for raw in labels:
        entry = raw if isinstance(raw, LabelEntry) else LabelEntry(*raw)
        code = code_index.get(entry.code)
        kind = kind_index.get(entry.kind)
        if code is None or kind is None:
            continue
        forms = forms_of.get(entry.label)
        if forms is None:
            forms = []
            for spelling in label_forms(entry.label):
                tokens = words(spelling)
                if tokens:
                    key = " ".join(sorted(tokens))
                    doc = doc_of.get(key)
                    if doc is None:
                        doc = doc_of[key] = len(docs)
                        docs.append(tokens)
                    forms.append((intern(spelling), doc))
            forms_of[entry.label] = forms
        weight = KIND_WEIGHT[entry.kind] * entry.weight
        via = intern(entry.via) if entry.via else -1
        for form, doc in forms:
            marker = (doc, code, kind)
            if marker in seen:
                continue
            seen.add(marker)
            rows.append((doc, code, kind, weight, form, via))
    return docs, list(doc_of), rows, strings
