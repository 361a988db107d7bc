"""Job titles as people write them, reduced to comparable words.

People write "Sr. Software Eng II", "VP, Sales - EMEA" or "social media mgr"; the O*NET and
ESCO labels say "Software Developers" or "Sales Vice President". Both sides go through the same
``words()`` so that abbreviations, plurals, punctuation and "of/and" never decide a match.
Seniority and level are pulled out into their own fields because they describe the person's
rung, not the occupation, and later features (pivots, path mining) want them separately.

Everything here is pure: strings in, values out, no knowledge base needed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from careerceo.errors import CareerError
from careerceo.knowledge.title_vocabulary import (
    ABBREVIATIONS,
    DIGIT_ROMAN,
    LEVEL_WORDS,
    NOISE_PHRASES,
    NOISE_WORDS,
    RANK_PHRASES,
    ROMAN,
    SENIORITY_ORDER,
    STOPWORDS,
)

MAX_TITLE_CHARS = 500
MAX_VARIANTS = 5

_PREFIX_RUNGS = frozenset({"associate", "adjunct", "principal"})
_RANK_ONLY = frozenset(phrase for phrase, _ in RANK_PHRASES)

_GENDER_TAG = re.compile(r"\(?\b[mfwhd](?:\s*/\s*[mfwhd]){1,2}\b\)?", re.IGNORECASE)
# Matches start only where a run of spaces starts, and a bracket's content stops at the next
# bracket (at most 200 characters): both keep the patterns linear on a hostile line.
_SEGMENT_SPLIT = re.compile(
    r"(?<!\s)\s+[-\u2013\u2014|]+\s+|(?:(?<!\s)\s+)?[|\u2022\u00b7]\s*|(?<!\s)\s+@\s+"
)
_BRACKETS = re.compile(r"[(\[{]([^()\[\]{}]{0,200})[)\]}]")
_NON_WORD = re.compile(r"[^a-z0-9&/+#]+")
_LEVEL_PHRASE = re.compile(r"\b(?:level|lvl|grade|band|tier)\s*([0-9]|i{1,3}|iv|v|vi)\b")
_LEVEL_CODE = re.compile(r"\b[lp]([1-6])\b")


def plain(text: str) -> str:
    """NFKC, lower case, typographic punctuation folded, "&" spelled out later by ``words``."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        text = text.replace("\u2019", "'").replace("\u2018", "'")
    return text.replace("`", "'").lower().strip()


@lru_cache(maxsize=65536)
def _singular(word: str) -> str:
    """A light plural fold: O*NET titles are plural ("Software Developers"), people are not."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "ys")):
        return word[:-1]
    return word


def words(text: str, *, fold: bool = True) -> list[str]:
    """Comparable words: abbreviations expanded, stop words dropped, plurals folded.

    Used for both the user's title and every indexed label, so it must stay cheap and
    deterministic; the order of words is kept (callers that ignore order sort them).
    ``fold=False`` keeps plurals, for showing a person their cleaned title.
    """
    text = plain(text).replace("'", "")
    text = text.replace("r&d", " rnd ").replace("m&a", " mna ").replace("&", " and ")
    text = text.replace("+", " plus ")
    out: list[str] = []
    for chunk in _NON_WORD.sub(" ", text).split():
        whole = ABBREVIATIONS.get(chunk.strip(".#/"))  # "a/v" before it is split at "/"
        parts = [whole] if whole else [ABBREVIATIONS.get(p, p) for p in chunk.split("/") if p]
        for word in " ".join(parts).split():
            if word in STOPWORDS:
                continue
            out.append(_singular(word) if fold else word)
    return out


def fold(text: str) -> str:
    """The matching form of an already cleaned title (plurals folded)."""
    return " ".join(_singular(word) for word in text.split())


@dataclass(frozen=True)
class ParsedTitle:
    """What a title says once the person's rung and the posting's noise are set aside."""

    original: str
    normalized: str  # every content word, expanded, in the person's order
    core_title: str  # ``normalized`` without level words (rank words such as "director" stay)
    # ``variants`` hold the matching forms (plurals folded) of these readable strings.
    seniority: str | None = None
    level: str | None = None
    noise: tuple[str, ...] = ()
    qualifiers: tuple[str, ...] = ()  # trailing segments ("Backend" in "Engineer - Backend")
    main: str = ""  # ``core_title`` of the first segment only
    variants: tuple[tuple[str, float], ...] = field(default=())  # (words to match, weight)


def check_title(value: object, *, field_name: str = "title") -> str:
    """The title as text, or a CareerError that says what to type instead."""
    if value is None:
        raise CareerError("give a job title, e.g. 'Senior Software Engineer'", field=field_name)
    if not isinstance(value, str):
        raise CareerError(
            f"a job title must be text, not {type(value).__name__}; e.g. 'Sales Manager'",
            field=field_name,
        )
    text = value.strip()
    if not text:
        raise CareerError(
            "the job title is empty; type one, e.g. 'Senior Software Engineer'", field=field_name
        )
    if len(text) > MAX_TITLE_CHARS:
        raise CareerError(
            f"the job title is {len(text)} characters long; keep it under {MAX_TITLE_CHARS} "
            "(just the title, not the whole description)",
            field=field_name,
        )
    if not any(ch.isalpha() for ch in text):
        raise CareerError(
            "the job title has no letters; type words, e.g. 'Registered Nurse'", field=field_name
        )
    return text


def _strip_noise(text: str, noise: list[str]) -> str:
    for phrase in NOISE_PHRASES:
        if phrase in text:
            noise.append(phrase)
            text = text.replace(phrase, " ")
    for match in _GENDER_TAG.findall(text):
        noise.append(match.strip("()").replace(" ", ""))
    text = _GENDER_TAG.sub(" ", text)
    kept = []
    for token in text.split():
        bare = token.strip(".,;:()[]")
        if bare in NOISE_WORDS:
            noise.append(bare)
        else:
            kept.append(token)
    return " ".join(kept)


def _take_level(text: str) -> tuple[str, str | None]:
    level: str | None = None
    match = _LEVEL_PHRASE.search(text)
    if match:
        raw = match.group(1)
        level = DIGIT_ROMAN.get(raw) or ROMAN.get(raw, raw.upper())
        text = text[: match.start()] + " " + text[match.end() :]
    match = _LEVEL_CODE.search(text)
    if level is None and match:
        level = DIGIT_ROMAN[match.group(1)]
        text = text[: match.start()] + " " + text[match.end() :]
    tokens = text.split()
    # A trailing roman numeral or small number ("Engineer II", "Analyst 3") is a pay level.
    while tokens:
        last = tokens[-1].strip(".,;:")
        if last in ROMAN or last in DIGIT_ROMAN:
            level = level or ROMAN.get(last) or DIGIT_ROMAN[last]
            tokens.pop()
        else:
            break
    return " ".join(tokens), level


def _seniority(tokens: list[str], joined: str) -> tuple[list[str], str | None]:
    found: list[str] = []
    for phrase, rank in RANK_PHRASES:
        if re.search(rf"\b{phrase}\b", joined):
            found.append(rank)
            joined = re.sub(rf"\b{phrase}\b", " ", joined)
    core = []
    for i, token in enumerate(tokens):
        rung = LEVEL_WORDS.get(token) or LEVEL_WORDS.get(_singular(token))
        # "entry" only counts as a rung in "entry level"; "associate", "adjunct" and
        # "principal" only before the role ("Principal Engineer"), since a "Sales Associate" or
        # a "Deputy Principal" is a job, not a rung.
        if rung == "entry level" and (i + 1 >= len(tokens) or tokens[i + 1] != "level"):
            rung = None
        if rung in _PREFIX_RUNGS and i + 1 >= len(tokens):
            rung = None
        if rung is not None and len(tokens) > 1:
            found.append(rung)
            continue
        if token == "level" and i > 0 and tokens[i - 1] == "entry":
            continue
        core.append(token)
    if not core:
        core = tokens
    best = max(found, key=SENIORITY_ORDER.index) if found else None
    return core, best


def parse_title(value: object) -> ParsedTitle:
    """Split a free-text title into core words, seniority, level and noise (pure)."""
    text = plain(check_title(value))
    noise: list[str] = []

    # Brackets: keep what they say unless it is location or schedule noise ("(remote)").
    def bracket(match: re.Match[str]) -> str:
        inner = match.group(1)
        cleaned = _strip_noise(inner, noise)
        return " , " + cleaned + " " if cleaned.strip(" ,") else " "

    text = _BRACKETS.sub(bracket, text)
    segments = [s for s in _SEGMENT_SPLIT.split(text) if s and s.strip(" ,")]
    segments = [_strip_noise(s, noise) for s in segments]
    segments = [s for s in segments if s.strip(" ,;:")] or [text]

    level: str | None = None
    cores: list[list[str]] = []
    fulls: list[list[str]] = []
    seniorities: list[str] = []
    for segment in segments:
        segment, seg_level = _take_level(segment.replace(",", " , "))
        level = level or seg_level
        tokens = words(segment, fold=False)
        if not tokens:
            continue
        core, rung = _seniority(tokens, " ".join(tokens))
        if rung:
            seniorities.append(rung)
        cores.append(core)
        fulls.append(tokens)
    if not cores:
        raise CareerError(
            "the job title has no words left once location and schedule are removed; "
            "type the role itself, e.g. 'Sales Manager'",
            field="title",
        )
    seniority = max(seniorities, key=SENIORITY_ORDER.index) if seniorities else None
    normalized = " ".join(w for tokens in fulls for w in tokens)
    core_title = " ".join(w for tokens in cores for w in tokens)
    main = " ".join(cores[0])
    weighted: dict[str, float] = {fold(core_title): 1.0}
    weighted.setdefault(fold(normalized), 1.0)
    if len(cores) > 1:
        # Trailing segments may be a team or a place: also try without them, a little lower.
        weighted.setdefault(fold(main), 0.97)
    for alternative, weight in _alternatives(str(value)):
        if weighted.get(alternative, 0.0) < weight:
            weighted[alternative] = weight
    return ParsedTitle(
        original=str(value).strip(),
        normalized=normalized,
        core_title=core_title,
        seniority=seniority,
        level=level,
        noise=tuple(dict.fromkeys(noise)),
        qualifiers=tuple(" ".join(c) for c in cores[1:]),
        main=main,
        # Each variant costs one index query: a pasted title with many parts keeps the best few.
        variants=tuple(weighted.items())[:MAX_VARIANTS],
    )


def _slash_parts(text: str) -> list[tuple[str, float]]:
    """ "Office Clerk/Federal Contractor" names two things, each a title of two words or more:
    each is tried on its own, at full weight, so the one that is an O*NET title word for word
    wins (an office clerk, not a judicial law clerk found by the words of both). A slash
    between single words ("Sales/Marketing Manager", "A/V Tech") joins one title's words and
    is left alone."""
    if "/" not in text or "," in text:
        return []
    parts = [p.strip() for p in text.split("/")]
    if len(parts) < 2 or any(len(words(p)) < 2 for p in parts):
        return []
    return [(part, 1.0) for part in parts]


def _alternatives(text: str) -> list[tuple[str, float]]:
    """Other readings of a title with brackets or commas, as (core title, weight).

    "A/V Tech (Audio Visual Technician)" names one job twice: each half is worth matching on
    its own. "Risk and Analytics IT, Data Scientist" puts the team before the role: each
    comma part is tried too, slightly lower than the whole. Parts have no brackets or
    commas left, so parsing them does not recurse further.
    """
    out: list[tuple[str, float]] = []
    pieces: list[tuple[str, float]] = []
    if "(" in text and ")" in text:
        outer = _BRACKETS.sub(" ", text)
        pieces.append((outer, 1.0))
        pieces.extend((inner, 1.0) for inner in _BRACKETS.findall(text))
    else:
        outer = text
    first = _SEGMENT_SPLIT.split(outer)[0]
    if "," in first:
        pieces.extend((part, 0.95) for part in first.split(","))
    pieces.extend(_slash_parts(first))
    for piece, weight in pieces:
        if "(" in piece or "," in piece or not _strip_noise(plain(piece), []).strip(" .;:-"):
            continue
        try:
            parsed = parse_title(piece)
        except CareerError:
            continue
        # A comma part needs two words to stand alone: "VP, Sales" is one title, not two.
        core = parsed.core_title
        if weight < 1.0 and (len(core.split()) < 2 or core in _RANK_ONLY):
            continue
        out.append((fold(core), weight))
    return out
