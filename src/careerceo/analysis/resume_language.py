"""The vocabulary résumé advice rests on: weak openings, strong verbs, vague words, metrics.

Shared by the critique (which flags weak phrasing) and the accomplishment log (which writes
bullets), so both give the same advice.
"""

from __future__ import annotations

import re

from careerceo.analysis.wording import upper_first

# weak opening -> why, and verbs that say what was actually done
WEAK_OPENINGS: dict[str, tuple[str, tuple[str, ...]]] = {
    "responsible for": ("describes a duty, not what you did", ("Led", "Owned", "Ran")),
    "duties included": ("lists duties, not results", ("Delivered", "Ran", "Handled")),
    "tasked with": ("says what you were asked, not what you achieved", ("Delivered", "Built")),
    "helped with": ("hides your own part", ("Co-led", "Built", "Drove")),
    "helped": ("hides your own part", ("Co-led", "Contributed", "Drove")),
    "assisted with": ("hides your own part", ("Supported", "Co-delivered", "Prepared")),
    "assisted in": ("hides your own part", ("Supported", "Co-delivered", "Prepared")),
    "worked on": ("says you were busy, not what changed", ("Built", "Shipped", "Improved")),
    "involved in": ("says you were present, not what you did", ("Drove", "Contributed", "Led")),
    "participated in": ("says you were present, not what you did", ("Contributed to", "Co-led")),
    "in charge of": ("describes a duty, not what you did", ("Led", "Managed", "Directed")),
    "handled": ("vague about what you did", ("Resolved", "Processed", "Managed")),
    "was part of": ("says you were present, not what you did", ("Contributed to", "Co-built")),
    "i was": ("first person and a state, not an action", ("Led", "Delivered")),
}
STRONG_VERBS = frozenset(
    [
        "achieved",
        "automated",
        "boosted",
        "built",
        "championed",
        "coached",
        "consolidated",
        "created",
        "cut",
        "decreased",
        "delivered",
        "designed",
        "developed",
        "directed",
        "doubled",
        "drove",
        "eliminated",
        "established",
        "expanded",
        "generated",
        "grew",
        "halved",
        "implemented",
        "improved",
        "increased",
        "introduced",
        "launched",
        "led",
        "managed",
        "mentored",
        "migrated",
        "negotiated",
        "optimised",
        "optimized",
        "organised",
        "organized",
        "oversaw",
        "pioneered",
        "raised",
        "ran",
        "reduced",
        "redesigned",
        "resolved",
        "restructured",
        "saved",
        "scaled",
        "shipped",
        "simplified",
        "spearheaded",
        "streamlined",
        "strengthened",
        "trained",
        "transformed",
        "tripled",
        "won",
        "wrote",
        "analysed",
        "analyzed",
        "prepared",
        "processed",
        "maintained",
        "supported",
        "coordinated",
        "owned",
        "authored",
        "secured",
        "accelerated",
        "audited",
        "closed",
        "converted",
        "defined",
        "deployed",
        "engineered",
        "founded",
        "hired",
        "modernised",
        "modernized",
        "rebuilt",
        "recruited",
        "refactored",
        "replaced",
        "served",
        "taught",
        "tested",
        "translated",
    ]
)
VAGUE_WORDS = {
    "various": 'name them, or give a count ("4 product teams")',
    "several": "give the number",
    "many": "give the number",
    "numerous": "give the number",
    "a lot of": "give the number",
    "etc": "finish the list or cut it to the best two items",
    "stuff": "name what it was",
    "things": "name what they were",
    "some": "give the number or the name",
    "successfully": "drop it and show the success with a result",
    "effectively": "drop it and show the effect with a result",
    "hard-working": "show it with an outcome instead",
    "team player": "show it with a shared result instead",
    "detail-oriented": "show it with an error rate or a catch you made",
    "go-getter": "show it with a result instead",
    "synergy": "say what got better and by how much",
    "dynamic": "cut it; describe what you did",
}
METRIC = re.compile(
    r"(?:[$€£¥]\s?\d[\d,.]*\s?(?:[kmb]n?|million|billion|thousand)?|\d[\d,.]*\s?%|"
    r"\b\d[\d,.]*\s?(?:x|times|hours?|hrs?|days?|weeks?|months?|years?|people|users|customers|"
    r"clients|staff|reports|stores|sites|countries|teams?|engineers|projects|accounts|"
    r"tickets|k|m|bn)\b|\b(?:doubled|tripled|halved)\b|\b\d{2,}[\d,]*\b|"
    # a count of things: "8 nurses", "2 enterprise deals", "a team of 6"
    r"\b\d+\+?\s+(?:[a-z-]+\s+)?[a-z]+s\b|\b(?:team|staff|group|crew) of \d+\b)",
    re.IGNORECASE,
)
PASSIVE = re.compile(
    r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?(\w+(?:ed|en|wn|ght|lt|nt))\b",
    re.IGNORECASE,
)
IRREGULAR_PAST = {
    "led": "lead", "built": "build", "ran": "run", "won": "win", "wrote": "write",
    "grew": "grow", "drove": "drive", "taught": "teach", "made": "make", "began": "begin",
    "brought": "bring", "sold": "sell", "spent": "spend", "set": "set", "cut": "cut",
    "held": "hold", "kept": "keep", "oversaw": "oversee", "chose": "choose", "gave": "give",
}  # fmt: skip


def first_word(text: str) -> str:
    m = re.match(r"[^A-Za-z]*([A-Za-z-]+)", text)
    return m.group(1).lower() if m else ""


def verb_tense(word: str) -> str | None:
    """ "past", "present" or None when the word does not look like a verb we can judge."""
    w = word.lower()
    if w in IRREGULAR_PAST or (w.endswith("ed") and len(w) > 4):
        return "past"
    base = {v for v in STRONG_VERBS}
    if w.endswith(("es", "s")) and not w.endswith("ss"):
        stem = w[:-1]
        if stem + "d" in base or stem + "ed" in base or stem in IRREGULAR_PAST.values():
            return "present"
        if w.endswith("ies") and w[:-3] + "ied" in base:
            return "present"
    if w + "d" in base or w + "ed" in base or (w.endswith("e") and w + "d" in base):
        return "present"
    if w in IRREGULAR_PAST.values():
        return "present"
    if w.endswith("ing") and len(w) > 5:
        return "present"
    return None


def has_metric(text: str) -> bool:
    return bool(METRIC.search(text))


def weak_opening(text: str) -> str | None:
    """The weak phrase a bullet opens with, also after "I was" / "was" ("I was responsible
    for ..." is a duty statement, not just first person)."""
    lowered = re.sub(r"^[^a-z]*", "", text.lower())
    candidates = [lowered]
    after = _AUXILIARY.sub("", lowered, count=1)
    if after != lowered:
        candidates.insert(0, after)
    for candidate in candidates:
        for phrase in sorted(WEAK_OPENINGS, key=len, reverse=True):
            if phrase == "i was" and candidate is not lowered:
                continue
            if candidate.startswith(phrase + " ") or candidate == phrase:
                return phrase
    return None


# an optional subject and auxiliary before a weak phrase: "I was responsible for", "was tasked with"
_AUXILIARY = re.compile(r"^(?:i\s+)?(?:was|were|am|have been|had been)\s+", re.IGNORECASE)
IRREGULAR_GERUND = {
    "lead": "led", "build": "built", "run": "ran", "writ": "wrote", "cutt": "cut",
    "mak": "made", "driv": "drove", "sell": "sold", "winn": "won", "teach": "taught",
    "grow": "grew", "bring": "brought", "set": "set", "hold": "held", "win": "won",
    "cut": "cut", "pay": "paid", "tak": "took", "giv": "gave", "keep": "kept", "meet": "met",
    "oversee": "oversaw", "see": "saw", "buy": "bought", "spend": "spent", "send": "sent",
    "speak": "spoke", "think": "thought", "understand": "understood", "undertak": "undertook",
    "mentor": "mentored", "get": "got", "put": "put", "let": "let", "begin": "began",
    "find": "found", "fight": "fought", "feed": "fed", "lend": "lent", "choos": "chose",
    "draw": "drew", "know": "knew", "throw": "threw", "tell": "told", "com": "came",
    "becom": "became", "overcom": "overcame", "deal": "dealt", "los": "lost", "read": "read",
    "lay": "laid", "forecast": "forecast", "broadcast": "broadcast", "rebuild": "rebuilt",
    "rewrit": "rewrote", "underwrit": "underwrote", "sett": "set", "upsell": "upsold",
    "stand": "stood", "withstand": "withstood", "hear": "heard",
    "seek": "sought", "swim": "swam", "fly": "flew", "mislead": "misled",
}  # fmt: skip
# words ending in -ing that are not verbs
NOT_GERUNDS = frozenset(
    {
        "everything", "anything", "something", "nothing", "ongoing", "morning", "evening",
        "during", "ceiling", "wedding", "clothing", "offspring", "string", "spring",
    }
)  # fmt: skip
_GERUNDS = re.compile(r"^[a-z]+ing(?:(?:,\s*|,?\s+(?:and|or)\s+)[a-z]+ing)*\b", re.IGNORECASE)


def is_gerund(word: str) -> bool:
    w = word.lower()
    return w.endswith("ing") and len(w) > 5 and w not in NOT_GERUNDS


def gerund_to_past(word: str) -> str:
    """ "automating" -> "automated", "identifying" -> "identified", "running" -> "ran"."""
    w = word.lower()
    if not is_gerund(w):
        return word
    stem = w[:-3]
    doubled = len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz"
    if stem in IRREGULAR_GERUND:
        return IRREGULAR_GERUND[stem]
    if doubled and stem[:-1] in IRREGULAR_GERUND:
        return IRREGULAR_GERUND[stem[:-1]]  # "running" -> "ran"
    if len(stem) > 2 and stem.endswith("y") and stem[-2] not in "aeiou":
        return stem[:-1] + "ied"  # "identifying" -> "identified"
    if stem.endswith("e"):
        return stem + "d"  # "overseeing" is irregular; "freeing" -> "freed"
    return stem + "ed"  # "planning" -> "planned", "automating" -> "automated"


def strengthen_opening(text: str) -> str | None:
    """The bullet with its weak opening replaced by a strong verb, in good English; None when
    the words after the opening cannot take a verb safely ("helped the team migrate ...",
    "I was the point of contact ...") and the person has to say it in their own words.

    "Responsible for identifying and resolving issues" -> "Identified and resolved issues";
    "I was responsible for the month-end close" -> "Led the month-end close".
    """
    body = re.sub(r"^[^A-Za-z]*", "", " ".join(text.split()))
    phrase = weak_opening(body)
    if phrase is None:
        return None
    stripped = body
    if not body.lower().startswith(phrase):
        stripped = _AUXILIARY.sub("", body, count=1)
    rest = stripped[len(phrase) :].strip(" ,:")
    if not rest:
        return None
    gerunds = _GERUNDS.match(rest)
    if gerunds and _nominal(rest[gerunds.end() :]):
        # "coding and entry of all items", "coding of invoices": the -ing word is a noun
        # here; turning it into a verb gives "Coded and entry of ...". The person words it.
        return None
    if gerunds and is_gerund(first_word(rest)):
        verbs = re.sub(r"[A-Za-z]+", lambda m: _verb_or_link(m.group(0)), gerunds.group(0))
        return upper_first(verbs + rest[gerunds.end() :])
    if phrase in {"helped", "i was"} or first_word(rest) in {"to", "me", "us", "them"}:
        return None  # "helped <someone> <do something>", "I was <anything>"
    verb = WEAK_OPENINGS[phrase][1][0]
    return f"{verb} {rest}"


def _nominal(after: str) -> bool:
    """What follows a run of -ing words shows they are nouns: "of ..." right after, or "and"
    joining a noun ("coding and entry")."""
    after = after.strip().lower()
    if re.match(r"of\b", after):
        return True
    joined = re.match(r"(?:,\s*)?(?:and|or)\s+([a-z]+)\b", after)
    if joined is None:
        return False
    return not is_gerund(joined.group(1)) and verb_tense(joined.group(1)) is None


def _verb_or_link(word: str) -> str:
    return word if word.lower() in {"and", "or"} else gerund_to_past(word)
