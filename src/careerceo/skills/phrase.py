"""Widen a matched mention to the whole skill phrase a person would mark.

A lexicon match is the name of a concept ("stakeholders", "performance tests"); annotators of
job postings (SkillSpan, Zhang et al. 2022) mark the phrase that shows the skill: the verb that
governs it and the rest of its clause ("Conduct performance tests", "manage stakeholders across
regions"). Gap analysis needs the concept, a reader needs the phrase, so a hit keeps both:
``start``/``end`` for the concept's words, ``phrase_start``/``phrase_end`` for the phrase.

No part-of-speech model: the verbs are the first words of ESCO's skill labels, which are
written as verb phrases ("manage staff", "operate forklift"), so the list comes with the
lexicon and covers the vocabulary skills are written in. Clause ends are punctuation, line
breaks and bullets. The limits below were chosen on SkillSpan train (never dev).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from careerceo.skills.normalize import Token, stem

# Between two tokens, any of these ends a clause (a bullet, a list comma, a bracket).
_BREAK = re.compile(r"[,;:.!?()\[\]{}|\u2022\u00b7*\n\r\t]|\s[-\u2013\u2014]\s|/")
# A verb at most this many words before the mention still governs it ("develop and maintain
# large scale data pipelines"); a clause at most this long after it is still its object.
MAX_LEFT = 6
MAX_RIGHT = 12
# Words that look like verbs in ESCO's labels but start noun phrases in postings far more often.
NOT_VERBS = frozenset(
    {"digital", "safely", "data", "product", "project", "business", "customer", "be", "have", "do"}
)
# A governing verb is not looked for past these (the mention belongs to the clause after them:
# "you will ... to manage stakeholders" starts at "manage").
STOP_LEFT = frozenset(
    {
        "to",
        "you",
        "we",
        "will",
        "can",
        "must",
        "should",
        "would",
        "is",
        "are",
        "be",
        "who",
        "which",
        "that",
        "our",
        "your",
        "experience",
        "ability",
    }
)
# The phrase ends before these: a new clause, a list of examples, or a new sentence subject.
STOP_RIGHT = frozenset(
    {
        "to",
        "which",
        "that",
        "who",
        "while",
        "such",
        "including",
        "e.g",
        "etc",
        "you",
        "we",
        "our",
        "your",
        "will",
        "is",
        "are",
        "as",
        "using",
        "within",
        "across",
        "by",
        "so",
    }
)


def verb_forms(first_words: Iterable[tuple[str, str]], min_count: int = 3) -> frozenset[str]:
    """Stemmed verbs from (first word, skill type) pairs of ESCO preferred labels.

    A word counts when it opens at least ``min_count`` skill labels and opens more skill labels
    than knowledge labels ("digital" opens knowledge labels too, "manage" does not).
    """
    skill: Counter[str] = Counter()
    knowledge: Counter[str] = Counter()
    for word, skill_type in first_words:
        w = word.lower()
        if not w.isalpha():
            continue
        (skill if skill_type == "skill" else knowledge)[w] += 1
    return frozenset(
        stem(w)
        for w, n in skill.items()
        if n >= min_count and n > knowledge[w] and w not in NOT_VERBS
    )


def is_verb(token: Token, verbs: frozenset[str]) -> bool:
    if token.norm in verbs:
        return True
    w = token.text.lower()
    # "building", "engineering" keep their -ing as nouns when matched; as phrase heads they
    # are verbs ("building data pipelines").
    return (
        w.endswith("ing") and len(w) > 5 and (stem(w[:-3]) in verbs or stem(w[:-3] + "e") in verbs)
    )


def breaks_before(text: str, toks: list[Token], i: int) -> bool:
    """Whether a clause ends between token i-1 and token i (always before the first)."""
    return i == 0 or _BREAK.search(text, toks[i - 1].end, toks[i].start) is not None


def widen(
    text: str,
    toks: list[Token],
    first: int,
    last: int,
    verbs: frozenset[str],
    verb_inside: bool = True,
) -> tuple[int, int, bool]:
    """The phrase around tokens ``first``..``last`` (inclusive) and whether a verb leads it.

    The governing verb is the furthest verb before the mention within the clause and
    ``MAX_LEFT`` words; the phrase then runs to the end of the clause, at most ``MAX_RIGHT``
    words past the mention. Without a governing verb the mention stays as it is.
    """
    if verb_inside and is_verb(toks[first], verbs):
        start = first
    else:
        start = -1
        i = first
        while i > 0 and first - i < MAX_LEFT and not breaks_before(text, toks, i):
            i -= 1
            word = toks[i].text.lower()
            if word in STOP_LEFT:
                break
            if is_verb(toks[i], verbs):
                start = i
        if start < 0:
            return first, last, False
    end = last
    while end + 1 < len(toks) and end - last < MAX_RIGHT:
        if breaks_before(text, toks, end + 1):
            break
        nxt = toks[end + 1]
        word = nxt.text.lower()
        if word in STOP_RIGHT:
            break
        if word in ("and", "or") and end + 2 < len(toks) and is_verb(toks[end + 2], verbs):
            break
        if nxt.text[:1].isupper() and toks[end].text[:1].islower() and is_verb(nxt, verbs):
            break
        end += 1
    return start, end, True
