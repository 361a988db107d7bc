"""The learned span tagger: numpy inference equals CRFsuite's, the packaged artifact is what its
manifest says, and the extractor lists tagged phrases (linked or not) in the hits' shape."""

from __future__ import annotations

import hashlib
import importlib.util
import sys
import tempfile
from dataclasses import fields
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from careerceo.skills import extract
from careerceo.skills.model import SkillHit
from careerceo.skills.tagger import (
    FEATURES_VERSION,
    LABELS,
    MAX_TOKENS,
    MODEL_FILE,
    Featurizer,
    Tagger,
    packaged_manifest,
    words,
)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "careerceo" / "skills" / "data"


def _training_script() -> ModuleType:
    return _script_module("train_skill_tagger")


def _script_module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


SENTENCES = [
    ("Develop Python applications for clients", ["B-skill", "I-skill", "I-skill", "O", "O"]),
    ("Experience with SQL and Excel", ["O", "O", "B-knowledge", "O", "B-knowledge"]),
    (
        "Manage budgets and lead a team",
        ["B-skill", "I-skill", "O", "B-skill", "I-skill", "I-skill"],
    ),
    ("We offer a gym membership", ["O", "O", "O", "O", "O"]),
    ("Knowledge of Java is a plus", ["O", "O", "B-knowledge", "O", "O", "O"]),
    ("Build data pipelines in Python", ["B-skill", "I-skill", "I-skill", "O", "B-knowledge"]),
    ("Expert in machine learning methods", ["O", "O", "B-knowledge", "I-knowledge", "O"]),
]


def test_numpy_inference_matches_crfsuite() -> None:
    """Viterbi labels and forward-backward marginals of the package's numpy CRF equal those of
    CRFsuite on the same weights (the artifact is trained with CRFsuite, run without it)."""
    pycrfsuite = pytest.importorskip("pycrfsuite")
    script = _training_script()
    # Clusters as the training script learns them: "SQL" and "Excel" share the coarser two.
    clusters = {"python": [1, 2, 3], "sql": [1, 4, 5], "excel": [1, 4, 6], "java": [1, 2, 3]}
    featurizer = Featurizer(frozenset({"develop", "manag", "lead", "build"}), clusters)
    trainer = pycrfsuite.Trainer(verbose=False)
    for text, labels in SENTENCES:
        ws = words(text)
        assert len(ws) == len(labels)
        trainer.append(featurizer.sequence(ws, [None] * len(ws)), labels)
    trainer.set_params({"c1": 0.01, "c2": 0.01, "max_iterations": 60})
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "m.crfsuite"
        trainer.train(str(path))
        model = path.read_bytes()
    crf = pycrfsuite.Tagger()
    crf.open_inmemory(model)
    assert sorted(crf.labels()) == sorted(LABELS)
    tagger = Tagger(script.to_weights(model, clusters), featurizer.verbs)
    unseen = ["Lead Python teams", "Develop SQL reports and manage Excel", "gym"]
    for text in [t for t, _ in SENTENCES] + unseen:
        ws = words(text)
        marks: list[str | None] = [None] * len(ws)
        xseq = featurizer.sequence(ws, marks)
        assert tagger.labels_of(ws, marks) == crf.tag(xseq), text
        ours = tagger.marginals(tagger.emissions([(ws, marks)]), [len(ws)])[0]
        theirs = np.array([[crf.marginal(y, t) for y in tagger.labels] for t in range(len(ws))])
        # Weights are rounded to 4 decimals in the artifact.
        assert np.allclose(ours, theirs, atol=2e-3), text
    # A batch of sentences of different lengths decodes as each one alone.
    batch = [(words(t), [None] * len(words(t))) for t in [t for t, _ in SENTENCES] + unseen]
    lengths = [len(ws) for ws, _ in batch]
    together = tagger.viterbi(tagger.emissions(batch), lengths)
    alone = [tagger.viterbi(tagger.emissions([b]), [len(b[0])])[0] for b in batch]
    assert together == alone


def test_packaged_tagger_is_small_and_matches_its_manifest() -> None:
    manifest = packaged_manifest()
    assert manifest is not None
    artifact = DATA / MODEL_FILE
    assert manifest["artifact"] == MODEL_FILE
    assert hashlib.sha256(artifact.read_bytes()).hexdigest() == manifest["sha256"]
    assert artifact.stat().st_size < 10_000_000
    assert manifest["training_data"]["split"] == "train"
    assert "cross-validation on SkillSpan train" in manifest["chosen_by"]


def test_a_phrase_no_label_spells_is_listed_unlinked_in_the_hits_shape() -> None:
    text = (
        "Requirements:\n- Ability to communicate complex findings to stakeholders\n"
        "- Experience with SQL"
    )
    result = extract(text, "posting")
    listed = result.listed()
    keys = {f.name for f in fields(SkillHit)}
    assert all(set(item) == keys for item in listed)
    tagged = [item for item in listed if item["method"] == "tagger"]
    phrase = [i for i in tagged if "communicate complex findings" in i["text"]]
    assert phrase, listed
    assert phrase[0]["taxonomy"] == "unlinked" and phrase[0]["concept_id"] is None
    assert 0 < phrase[0]["confidence"] <= 0.5
    assert any(h["label"] == "SQL" for h in listed)
    mentions = [m for m in result.mentions if "communicate" in m.text]
    assert mentions and not mentions[0].linked


def test_a_tagged_phrase_links_through_the_everyday_names() -> None:
    result = extract("Responsibilities:\n- Strong stakeholder management across teams", "posting")
    linked = [m for m in result.mentions if m.linked]
    labels = {link.label for m in linked for link in m.links}
    assert "manage relationships with stakeholders" in labels, result.mentions


def test_a_lexicon_hit_inside_a_tagged_span_takes_it_as_its_phrase() -> None:
    text = "Responsibilities:\n- Maintain Kubernetes clusters"
    hits = [h for h in extract(text, "posting").hits if h.text == "Kubernetes"]
    assert hits
    assert {text[h.phrase_start : h.phrase_end] for h in hits} == {"Maintain Kubernetes clusters"}


def test_the_listing_gives_a_concept_inside_a_tagged_span_at_that_span() -> None:
    """``listed()`` (the CLI's --json) lists the concept at the phrase the tagger marked, as
    annotators mark it; ``hits`` keep the concept's own words for highlighting and the gap."""
    text = "Responsibilities:\n- Maintain Kubernetes clusters"
    result = extract(text, "posting")
    assert any(h.text == "Kubernetes" for h in result.hits)
    listed = [i for i in result.listed() if i["label"] == "Kubernetes"]
    assert listed
    for item in listed:
        assert item["text"] == "Maintain Kubernetes clusters"
        assert text[item["start"] : item["end"]] == item["text"]
        assert (item["start"], item["end"]) == (item["phrase_start"], item["phrase_end"])


def test_an_unmarked_product_name_is_still_listed() -> None:
    """A named technology the tagger did not mark stays in the listing (its bar is lower than
    for ordinary-word skill labels, chosen by CV on train)."""
    text = "Minimum qualifications: Python and SQL.\nPreferred: Tableau is a plus.\n"
    result = extract(text, "posting")
    tableau = [h for h in result.hits if h.text == "Tableau"]
    assert tableau and not any(m.start <= tableau[0].start < m.end for m in result.mentions)
    assert any(i["text"] == "Tableau" for i in result.listed())


def test_negated_and_benefits_spans_are_not_mentions() -> None:
    text = "Benefits:\n- Free gym membership and yoga classes\n\nNo Java experience needed."
    result = extract(text, "posting")
    assert not [m for m in result.mentions if "yoga" in m.text or "Java" in m.text]


def test_a_sentence_longer_than_the_window_is_tagged_whole() -> None:
    text = " ".join(["and"] * (MAX_TOKENS + 5)) + " develop Python applications"
    result = extract(text, "posting")
    assert any("Python" in m.text for m in result.mentions)


def test_a_linked_phrase_becomes_a_hit_the_gap_can_use() -> None:
    result = extract("Requirements:\n- Strong stakeholder management across teams", "posting")
    tagged = [h for h in result.hits if h.method == "tagger"]
    best = max(tagged, key=lambda h: h.confidence)
    assert best.label == "manage relationships with stakeholders"
    assert best.status == "required"
    assert best.confidence >= 0.645  # the gap's floor for a requirement
    assert "stakeholder management" in best.text


def test_meaning_links_an_unlinked_span_when_asked() -> None:
    pytest.importorskip("onnxruntime")
    text = "Requirements:\n- Ability to communicate complex findings to stakeholders"
    plain = [m for m in extract(text, "posting").mentions if "findings" in m.text]
    assert plain and not plain[0].linked
    result = extract(text, "posting", semantic=True)
    if any("semantic step unavailable" in w for w in result.warnings):
        pytest.skip("semantic extra not installed")
    found = [m for m in result.mentions if "findings" in m.text]
    assert found and found[0].linked
    link = found[0].links[0]
    assert "stakeholder" in link.label and link.method in ("semantic", "lexicon")
    assert 0 < link.confidence <= 0.81
    # One concept per span: the span's own link and a meaning hit are not both listed.
    labels = [h.label for h in result.hits if h.start == found[0].start]
    assert len(labels) == len(set(labels))


def test_a_span_a_hit_reaches_into_does_not_repeat_the_hit() -> None:
    """'enjoy working' (a lexicon hit) reaches into the tagged 'working both individually and
    as part of a team'; the span's link is that hit's concept, not a second hit of it."""
    text = (
        "You are comfortable with ambiguity, and enjoy working both individually and as part "
        "of a team."
    )
    result = extract(text, "posting")
    tagged = [h for h in result.hits if h.method == "tagger"]
    for h in tagged:
        overlapping = [
            o for o in result.hits if o.method != "tagger" and o.start < h.end and o.end > h.start
        ]
        assert h.concept_id not in {o.concept_id for o in overlapping}


def test_word_classes_and_clusters_reach_the_word_and_its_neighbours() -> None:
    clusters = {"python": [3, 30, 300], "sql": [3, 31, 310]}
    featurizer = Featurizer(frozenset(), clusters)
    feats = featurizer.sequence(words("Python and SQL with Tableau"), [None] * 5)
    assert {"c0=3", "c1=30", "c2=300"} <= set(feats[0])
    assert "cc=conj" in feats[1] and "cc=prep" in feats[3]
    assert "c=none" in feats[4]  # a word the clusters never saw
    # Next to a word, all its clusters; two away, the coarser two only.
    assert {"+1cc=conj", "+2c0=3", "+2c1=31"} <= set(feats[0])
    assert "+2c2=310" not in feats[0] and "-1c2=310" in feats[3]


def test_an_o_bias_trades_precision_for_recall() -> None:
    """The bias chosen by cross-validation lowers every word's "O" score: more words get a
    span label, never fewer, and none of the model's weights change."""
    weights = {
        "format": "careerceo-skill-tagger",
        "features_version": FEATURES_VERSION,
        "labels": list(LABELS),
        "transitions": [[0.0] * len(LABELS) for _ in LABELS],
        "attributes": {"bias": [1.0, 0.2, 0.1, 0.0, 0.0], "w=python": [0.0, 0.0, 0.0, 1.5, 0.0]},
        "clusters": {},
    }
    ws = words("develop Python tools")
    marks: list[str | None] = [None] * len(ws)
    plain = Tagger(weights, frozenset())
    assert plain.labels_of(ws, marks) == ["O", "B-knowledge", "O"]
    biased = Tagger({**weights, "o_bias": 0.9}, frozenset())
    assert biased.labels_of(ws, marks) == ["B-skill", "B-knowledge", "B-skill"]


def test_word_clusters_are_the_same_on_every_run() -> None:
    clusters_module = _script_module("word_clusters")
    texts = [
        "Experience with Python and SQL. Strong communication skills.",
        "Knowledge of Java or SQL. Excellent communication and leadership.",
        "Develop Python tools; manage SQL databases with Java.",
    ] * 3
    first = clusters_module.word_clusters(texts)
    assert first == clusters_module.word_clusters(texts)
    assert set(first) >= {"python", "sql", "communication"}
    assert all(len(ids) == len(clusters_module.GRANULARITIES) for ids in first.values())


def test_two_single_words_joined_by_and_are_two_spans() -> None:
    from careerceo.skills.tagger import TaggedSpan, split_pairs

    text = "communication and collaboration, Python or SQL; define and promote code standards"
    ws = words(text)

    def span(first: str, last: str) -> TaggedSpan:
        start = text.index(first)
        return TaggedSpan(start, text.index(last, start) + len(last), "skill", 0.8)

    spans = [
        span("communication", "collaboration"),
        span("Python", "SQL"),
        span("define", "standards"),
    ]
    got = [(text[s.start : s.end], s.kind, s.score) for s in split_pairs(ws, spans)]
    assert got == [
        ("communication", "skill", 0.8),
        ("collaboration", "skill", 0.8),
        ("Python", "skill", 0.8),
        ("SQL", "skill", 0.8),
        ("define and promote code standards", "skill", 0.8),
    ]
    assert split_pairs(words("data and"), [TaggedSpan(0, 8, "skill", 0.5)])[0].end == 8


def test_a_bulleted_line_is_tagged_as_the_line_without_its_bullet() -> None:
    line = "Develop machine learning models for pricing"
    for bullet in ("- ", "\u2022 ", "* ", "\u2013 "):
        result = extract(f"Responsibilities:\n{bullet}{line}", "posting")
        assert [m.text for m in result.mentions] == [line], bullet
