"""The story of a career move, and LinkedIn headline and About drafts (pure).

Three beats, in the order a listener needs them: why the move (the person's own goal and
reason), what carries over (skills the target needs that the person already shows, with the
best accomplishments as proof), and what is new (what they are adding, said plainly). The
drafts reuse the target's keywords so the profile is found by recruiters searching for them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from careerceo.actions import Action, ActionKind

HEADLINE_LIMIT = 220  # LinkedIn's headline length
ABOUT_LIMIT = 2600  # LinkedIn's About length


@dataclass(frozen=True)
class PitchInput:
    name: str
    current_title: str
    target_role: str
    why: str = ""
    carries_over: tuple[str, ...] = ()
    new_skills: tuple[str, ...] = ()
    proof: tuple[str, ...] = ()  # accomplishment bullets
    keywords: tuple[str, ...] = ()  # the target's keywords, most important first
    years: float | None = None
    sources: tuple[str, ...] = ()
    # What the target asks for that the person's evidence does not show: never written into
    # the drafts, only named so the person can add what is true.
    unconfirmed: tuple[str, ...] = ()


@dataclass(frozen=True)
class MissingInput:
    """Something that would make the pitch stronger, and what to do to supply it."""

    text: str
    action: Action | None = None


@dataclass(frozen=True)
class Pitch:
    story: str
    headline: str
    about: str
    keywords_used: tuple[str, ...]
    missing_inputs: tuple[MissingInput, ...] = field(default_factory=tuple)
    sources: tuple[str, ...] = ()


def distinct(labels: list[str] | tuple[str, ...]) -> list[str]:
    """Labels without near-duplicates ("SQL" and "Structured query language SQL"): the shorter
    of two labels where one contains the other is kept, in the first one's place."""
    kept: list[str] = []
    for label in (x.strip() for x in labels):
        if not label:
            continue
        low = label.casefold()
        clash = next(
            (i for i, k in enumerate(kept) if k.casefold() in low or low in k.casefold()), None
        )
        if clash is None:
            kept.append(label)
        elif len(label) < len(kept[clash]):
            kept[clash] = label
    return kept


def _join(items: tuple[str, ...] | list[str], limit: int) -> str:
    items = distinct(items)[:limit]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _sentence(text: str) -> str:
    text = " ".join(text.split()).rstrip(".")
    return text[:1].upper() + text[1:] + "." if text else ""


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:] if text and not text[:2].isupper() else text


# Letters whose spoken name starts with a vowel sound: "an HR assistant", "an MBA", "a CFO".
_VOWEL_LETTERS = frozenset("AEFHILMNORSX")


def _article(title: str) -> str:
    """'a' or 'an' by the sound of the first word, not its first letter."""
    word = title.split()[0] if title.split() else ""
    if 1 < len(word) <= 5 and word.isupper():  # an acronym is read letter by letter
        return "an" if word[0] in _VOWEL_LETTERS else "a"
    lower = word.lower()
    if lower.startswith(("uni", "use", "usu", "eu", "one")):
        return "a"  # a university, a European, a one-person team
    if lower.startswith(("hour", "honest", "honor", "honour", "heir")):
        return "an"
    return "an" if lower[:1] in {"a", "e", "i", "o", "u"} else "a"


def _same_role(current: str, target: str) -> bool:
    """ "Accountant" and "Accountant" (or "Senior Accountant"): a next job, not a move."""
    a, b = (" ".join(x.casefold().replace(",", " ").split()) for x in (current, target))
    return bool(a) and (a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} ")


def build_pitch(data: PitchInput) -> Pitch:
    missing = _missing_inputs(data)
    current = data.current_title or "my current role"
    same = bool(data.current_title) and _same_role(data.current_title, data.target_role)
    as_title = f"as {_article(current)} {current}" if data.current_title else "in my current role"
    years = f"{data.years:.0f} years " if data.years and data.years >= 1 else ""
    target = data.target_role
    move = (
        f"looking for my next {target} role"
        if same
        else f"moving into {_article(target)} {target} role"
    )
    why = f" {_sentence(data.why)}" if data.why else ""  # a missing why is asked for, not faked
    carry = _join(list(data.carries_over), 5)
    new = _join(list(data.new_skills), 4)
    proof = [_sentence(p) for p in data.proof[:3]]
    if years:
        # ``years`` is the whole working life (overlaps once), not time in the current title:
        # "22 years as a Biology Teacher" was printed for 15 years of teaching after 7 in labs.
        opening = f"after {years}of work, most recently {as_title}, "
    else:
        opening = f"{as_title}, " if data.current_title else ""
    story_parts = [
        f"Why: {opening}I am {move}.{why}",
        f"What carries over: {carry}." if carry else "What carries over: (add evidence).",
    ]
    if proof:
        story_parts.append("Proof: " + " ".join(proof))
    if new:
        story_parts.append(f"What is new: I am learning {new}, and I say so plainly.")
    elif data.unconfirmed:
        # The target asks for things the evidence does not show: "I bring the skills it needs
        # already" would claim them. Say nothing either way; the missing inputs name them.
        story_parts.append("What is new: the role itself.")
    else:
        story_parts.append("What is new: the role itself; I bring the skills it needs already.")
    story = "\n".join(story_parts)

    keywords = distinct([k for k in data.keywords if k] + list(data.carries_over))
    headline, used = _headline(data, current, target, same, keywords)
    who = f"{_article(current).title()} {current}" if data.current_title else "A professional"
    if years:
        # the whole working life again, never "N years of experience" in the current title
        who += f", after {years}of work"
    if data.name:
        who = f"I am {data.name}, {who[:1].lower()}{who[1:]}"
    if data.name or years:
        who += ","
    about_parts = [f"{who} {move.replace('my next', 'the next', 1)}.{why}"]
    if carry:
        about_parts.append(f"What I bring: {carry}.")
    if proof:
        about_parts.append("A few results:\n" + "\n".join(f"• {p}" for p in proof))
    if new:
        about_parts.append(f"What I am adding now: {new}.")
    if keywords:
        about_parts.append("Keywords: " + ", ".join(keywords[:12]) + ".")
        used = list(dict.fromkeys(used + keywords[:12]))
    about = "\n\n".join(about_parts)[:ABOUT_LIMIT]
    return Pitch(story, headline[:HEADLINE_LIMIT], about, tuple(used), tuple(missing), data.sources)


def _missing_inputs(data: PitchInput) -> list[MissingInput]:
    """What would make the pitch stronger and is not there yet, each with what supplies it."""
    missing = []
    if not data.why:
        missing.append(MissingInput("why (add the reason to your goal)", Action(ActionKind.GOALS)))
    if not data.proof:
        missing.append(MissingInput("proof (log your wins)", Action(ActionKind.WINS)))
    if not data.carries_over:
        missing.append(
            MissingInput(
                "what carries over (import a résumé or add skills to your inventory)",
                Action(ActionKind.INVENTORY),
            )
        )
    if data.unconfirmed:
        missing.append(
            MissingInput(
                "the target asks for "
                + ", ".join(data.unconfirmed)
                + ", which your evidence does not show; the drafts leave them out (if you have "
                "one, add it to your inventory)",
                Action(ActionKind.INVENTORY),
            )
        )
    return missing


def _headline(
    data: PitchInput, current: str, target: str, same: bool, keywords: list[str]
) -> tuple[str, list[str]]:
    """The LinkedIn headline (the move, then keywords while they fit) and the keywords used."""
    if same:
        headline = target
    elif data.current_title:
        headline = f"{current} → {target}"
    else:
        headline = f"Aspiring {target}"
    used: list[str] = []
    for keyword in keywords:
        candidate = f"{headline} | {keyword}" if not used else f"{headline} · {keyword}"
        if len(candidate) > HEADLINE_LIMIT or len(used) >= 4:
            break
        headline = candidate
        used.append(keyword)
    return headline, used
