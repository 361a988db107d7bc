"""Link a skill phrase or a short everyday name to ESCO / O*NET concepts, with a confidence.

Three steps, first success wins:

1. the everyday-names table below: names people write in an inventory or a JSON Resume skill
   list that no ESCO/O*NET label spells ("people management" → ESCO *manage staff* and O*NET
   *Management of Personnel Resources*). Each target is an existing label, checked by a test.
2. the lexicon: the whole name is a label key ("project management").
3. the same words as a label, in any order and form ("curriculum development" → *develop
   curriculum*), or the same words after a label's leading verb ("classroom management" →
   *perform classroom management*; at least two words must remain, so "coaching" is not
   "drive coach").

A name that none of these links stays unlinked: callers keep it as a mention (the tagger's
spans are skills whether or not a concept fits). The meaning-based step (``semantic=True`` on
``extract``) is the optional fourth step for phrases.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property

from careerceo.skills import labelroots
from careerceo.skills.labelroots import LINK_WORDS, root
from careerceo.skills.lexicon import Lexicon
from careerceo.skills.model import Link
from careerceo.skills.normalize import key as normal_key

# Everyday name → existing labels (ESCO preferred labels, O*NET element names), best first.
# The first target gets EVERYDAY_CONFIDENCE, the others a little less: they are related
# concepts ("coaching" is the technique and coaching staff), not equal ones.
EVERYDAY: dict[str, tuple[str, ...]] = {
    "lesson planning": ("prepare lesson content", "Instructing"),
    "lesson plans": ("prepare lesson content", "Instructing"),
    "differentiated instruction": (
        "adapt teaching to student's capabilities",
        "apply teaching strategies",
    ),
    "differentiated learning": ("adapt teaching to student's capabilities",),
    "differentiation": ("adapt teaching to student's capabilities",),
    "people management": ("manage staff", "Management of Personnel Resources"),
    "people leadership": ("lead a team", "Management of Personnel Resources"),
    "staff management": ("manage staff", "Management of Personnel Resources"),
    "team management": ("manage a team", "Management of Personnel Resources"),
    "team leadership": ("lead a team", "Management of Personnel Resources"),
    "stakeholder management": ("manage relationships with stakeholders",),
    "stakeholder engagement": ("engage with stakeholders",),
    "stakeholder communication": ("communicate with stakeholders",),
    "hiring": ("recruit employees", "Management of Personnel Resources"),
    "recruiting": ("recruit employees", "Management of Personnel Resources"),
    "recruitment": ("recruit employees", "Management of Personnel Resources"),
    "interviewing": ("interview people",),
    "coaching": ("coaching techniques", "coach employees"),
    "mentoring": ("mentor individuals",),
    "sales": ("Sales and Marketing", "sales activities", "sell products"),
    "selling": ("sell products", "Sales and Marketing"),
    "sales strategy": ("sales strategies", "Sales and Marketing"),
    "budgeting": ("manage budgets",),
    "budget management": ("manage budgets",),
    "conflict resolution": ("apply conflict management",),
    "teaching": ("Instructing", "apply teaching strategies", "Education and Training"),
    "classroom management": ("perform classroom management",),
}
EVERYDAY_CONFIDENCE = 0.9
RELATED_CONFIDENCE = 0.8
LABEL_CONFIDENCE = {"p": 0.9, "a": 0.8, "x": 0.75, "c": 0.75, "v": 0.75}
WORDS_CONFIDENCE = 0.7  # same words in another order or form
WITHOUT_VERB_CONFIDENCE = 0.6  # the same words after the label's verb


def roots(key: str) -> list[str]:
    return [root(w) for w in key.split() if w not in LINK_WORDS]


class Linker:
    """Names and phrases to concepts over one lexicon; indexes are built on first use."""

    def __init__(self, lexicon: Lexicon, verbs: frozenset[str]) -> None:
        self.lexicon = lexicon
        self.verbs = verbs
        # Links of prose spans already seen: postings repeat their phrases ("communication
        # skills", "attention to detail"). Bounded; links are immutable, so sharing is safe.
        self._seen: dict[tuple[str, bool], tuple[Link, ...]] = {}

    @cached_property
    def _by_label(self) -> dict[str, list[int]]:
        """Concepts by case-folded label, for the everyday names' targets only (the one
        use): indexing all 44,000 labels cost every cold start about 0.1 s."""
        wanted = {label.casefold() for targets in EVERYDAY.values() for label in targets}
        out: dict[str, list[int]] = defaultdict(list)
        for i, concept in enumerate(self.lexicon.concepts):
            folded = concept.label.casefold()
            if folded in wanted:
                out[folded].append(i)
        return dict(out)

    @cached_property
    def _by_roots(self) -> dict[str, int]:
        """Root set key (``labelroots.roots_key``) -> concept index * 2 + 1 when found
        without the label's leading verb: the table the lexicon build packaged, or, when that
        was made from another lexicon or code, the same table made here (about a second)."""
        return labelroots.packaged() or labelroots.make(self.lexicon, self.verbs)

    def warm(self) -> None:
        """Build the indexes now (a second or two) rather than in the first call that needs
        them."""
        _ = self._by_label, self._by_roots

    def link_index(self, index: int, confidence: float, method: str) -> Link:
        """A link to the lexicon's concept number ``index``."""
        concept = self.lexicon.concepts[index]
        return Link(
            concept.concept_id,
            concept.label,
            concept.taxonomy,
            concept.skill_type,
            concept.category,
            round(confidence, 3),
            method,
        )

    def everyday(self, name: str) -> list[Link]:
        targets = EVERYDAY.get(" ".join(name.casefold().split()))
        if not targets:
            return []
        out: list[Link] = []
        for n, label in enumerate(targets):
            for index in self._by_label.get(label.casefold(), [])[:1]:
                confidence = EVERYDAY_CONFIDENCE if n == 0 else RELATED_CONFIDENCE
                out.append(self.link_index(index, confidence, "everyday"))
        return out

    def by_key(self, name: str, prose: bool = False, normal: str | None = None) -> list[Link]:
        """The name is a lexicon label. For a name given on its own the case rules for
        acronyms and products do not apply (it is meant as a skill); for a span of prose
        (``prose``) acronym and product entries are left to the extractor, which checks how
        they are written ("Cogo's" the company is not COGO software). One link per taxonomy."""
        entries = self.lexicon.entries.get(normal_key(name) if normal is None else normal, ())
        seen: set[str] = set()
        out: list[Link] = []
        for entry in entries:
            if prose and entry.kind in ("x", "c"):
                continue
            taxonomy = self.lexicon.concepts[entry.concept].taxonomy
            if taxonomy in seen:
                continue
            seen.add(taxonomy)
            out.append(self.link_index(entry.concept, LABEL_CONFIDENCE[entry.kind], "lexicon"))
        return out

    def by_words(self, name: str, normal: str | None = None) -> list[Link]:
        wanted = frozenset(roots(normal_key(name) if normal is None else normal))
        if not wanted:
            return []
        found = self._by_roots.get(labelroots.roots_key(wanted))
        if found is None:
            return []
        index, without_verb = divmod(found, 2)
        confidence = WITHOUT_VERB_CONFIDENCE if without_verb else WORDS_CONFIDENCE
        return [self.link_index(index, confidence, "words")]

    def link(self, name: str, prose: bool = False) -> list[Link]:
        """Concepts for a short name or a span of prose, best first; [] when none fits."""
        name = name.strip()
        if not name:
            return []
        known = self._seen.get((name, prose))
        if known is not None:
            return list(known)
        found = self.everyday(name)
        if not found:
            normal = normal_key(name)  # once for both steps
            found = self.by_key(name, prose, normal) or self.by_words(name, normal)
        ranked = sorted(found, key=lambda link: -link.confidence)
        if len(self._seen) >= 50_000:
            self._seen.clear()
        self._seen[(name, prose)] = tuple(ranked)
        return ranked
