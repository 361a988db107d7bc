"""The skill phrase around a mention: the governing verb and the rest of its clause, as
annotators mark skills in postings, while the mention itself (``start``/``end``) stays put."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from careerceo.skills import extract
from careerceo.skills.normalize import tokens
from careerceo.skills.phrase import breaks_before, is_verb, verb_forms, widen


def phrases(text: str) -> dict[str, tuple[str, str]]:
    """mention text -> (phrase text, phrase type) for every hit."""
    return {
        h.text: (text[h.phrase_start : h.phrase_end], h.phrase_type)
        for h in extract(text, "posting").hits
    }


def test_a_verb_before_a_technology_makes_a_skill_phrase_and_keeps_the_mention() -> None:
    text = "Maintain Kubernetes clusters."
    hits = [h for h in extract(text, "posting").hits if h.text == "Kubernetes"]
    assert hits
    for hit in hits:
        assert (hit.start, hit.end) == (9, 19)  # the concept's words, for gap analysis
        assert text[hit.phrase_start : hit.phrase_end] == "Maintain Kubernetes clusters"
        assert hit.skill_type == "knowledge"
        assert hit.phrase_type == "skill"
        assert hit.to_dict()["phrase_start"] == 0


def test_a_verb_led_skill_label_stops_before_a_purpose_clause() -> None:
    found = phrases("Conduct performance tests to find bottlenecks")
    assert found["Conduct performance tests"] == ("Conduct performance tests", "skill")


def test_a_list_of_names_is_not_widened() -> None:
    found = phrases("Experience with Python, SQL and Docker.")
    assert found["Python"] == ("Python", "knowledge")
    assert found["SQL"] == ("SQL", "knowledge")
    assert found["Docker"] == ("Docker", "knowledge")


def test_the_phrase_does_not_cross_a_bullet_or_line() -> None:
    text = "Responsibilities:\n- Develop machine learning models for pricing\n- Use Excel"
    found = phrases(text)
    phrase, kind = found["machine learning"]
    # The tagger decides whether "for pricing" belongs to the skill; never the next line.
    assert phrase.startswith("Develop machine learning models")
    assert "\n" not in phrase and "Excel" not in phrase
    assert kind == "skill"


def test_verbs_come_from_skill_labels_and_exclude_noun_openers() -> None:
    pairs = [("manage", "skill")] * 3 + [("digital", "skill")] * 5 + [("design", "skill")] * 2
    pairs += [("cloud", "knowledge")] * 4 + [("use", "skill")] * 3 + [("use", "knowledge")] * 4
    verbs = verb_forms(pairs)
    toks = tokens("managing digital use building")
    assert is_verb(toks[0], verbs)  # "managing" meets "manage"
    assert not is_verb(toks[1], verbs)  # listed as not a verb
    assert not is_verb(toks[2], verbs)  # opens more knowledge labels than skill labels
    assert not is_verb(toks[3], verbs)  # "build" was never a verb here


def test_widen_respects_clause_breaks_and_limits() -> None:
    verbs = verb_forms([("develop", "skill")] * 3)
    text = "develop, robust APIs"
    toks = tokens(text)
    assert breaks_before(text, toks, 1)
    assert widen(text, toks, 2, 2, verbs) == (2, 2, False)  # the comma ends the clause
    text = "develop robust APIs for partners"
    toks = tokens(text)
    assert widen(text, toks, 2, 2, verbs) == (0, 4, True)
    assert widen(text, toks, 0, 0, verbs, verb_inside=False) == (0, 0, False)


@pytest.mark.shared
def test_phrases_find_skill_spans_better_than_bare_mentions(shared_data: Path) -> None:
    """On a slice of SkillSpan dev, skill spans overlap the phrases far more than mentions."""
    path = shared_data / "skill-eval" / "skillspan" / "json" / "dev.json"
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle][:800]
    scores = {"mention": [0, 0, 0, 0], "phrase": [0, 0, 0, 0]}  # tp_pred, n_pred, tp_gold, n_gold
    for row in rows:
        words = row["tokens"]
        offsets, pos = [], 0
        for w in words:
            offsets.append((pos, pos + len(w)))
            pos += len(w) + 1
        gold, start = [], None
        for i, tag in enumerate([*row["tags_skill"], "O"]):
            if (tag.startswith("B") or tag == "O") and start is not None:
                gold.append((offsets[start][0], offsets[i - 1][1]))
                start = None
            if tag.startswith("B"):
                start = i
        hits = extract(" ".join(words), "posting").hits
        preds = {
            "mention": {(h.start, h.end) for h in hits if h.skill_type == "skill"},
            "phrase": {(h.phrase_start, h.phrase_end) for h in hits if h.phrase_type == "skill"},
        }
        for name, spans in preds.items():
            s = scores[name]
            s[0] += sum(any(a < ge and gs < b for gs, ge in gold) for a, b in spans)
            s[1] += len(spans)
            s[2] += sum(any(a < ge and gs < b for a, b in spans) for gs, ge in gold)
            s[3] += len(gold)

    def f1(s: list[int]) -> float:
        p, r = s[0] / max(1, s[1]), s[2] / max(1, s[3])
        return 2 * p * r / (p + r) if p + r else 0.0

    assert f1(scores["phrase"]) > f1(scores["mention"]) + 0.05, scores
    assert f1(scores["phrase"]) > 0.25, scores
