"""Linear-chain CRF inference over emission scores, many sentences at once: Viterbi for the
best labels, scaled forward-backward for each label's marginal probability.

Pure numpy functions of the scores (words of all sentences one after another, by label) and
the label transition weights; a batch costs one array step per position, not per sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def _padded(scores: np.ndarray, lengths: Sequence[int]) -> np.ndarray:
    """(sentences, longest, labels) scores; padding positions are never read."""
    out = np.zeros((len(lengths), max(lengths), scores.shape[1]))
    at = 0
    for k, n in enumerate(lengths):
        out[k, :n] = scores[at : at + n]
        at += n
    return out


def viterbi(trans: np.ndarray, scores: np.ndarray, lengths: Sequence[int]) -> list[list[int]]:
    """The best label sequence of each sentence, all sentences at once: one array step
    per position for the forward pass (a sentence's last scores are kept when it ends),
    then each sentence's back-pointers followed in plain Python (short lists)."""
    padded = _padded(scores, lengths)
    count, longest, size = padded.shape
    back = np.zeros((count, longest, size), dtype=np.intp)
    ending: dict[int, list[int]] = {}
    for k, n in enumerate(lengths):
        ending.setdefault(n - 1, []).append(k)
    final = np.zeros((count, size))
    delta = padded[:, 0].copy()
    if 0 in ending:
        final[ending[0]] = delta[ending[0]]
    # Buffers reused at every step: a posting's batch is small, so the cost of a step is
    # the number of array calls and allocations, not the arithmetic.
    step = np.empty((count, size, size))
    best = np.empty((count, size))
    trans3 = trans[None]
    for t in range(1, longest):
        np.add(delta[:, :, None], trans3, out=step)
        step.argmax(axis=1, out=back[:, t])
        np.maximum.reduce(step, axis=1, out=best)  # the ufunc: no Python wrapper per step
        np.add(best, padded[:, t], out=delta)
        if t in ending:
            final[ending[t]] = delta[ending[t]]
    last = final.argmax(axis=1).tolist()
    out: list[list[int]] = []
    for k, n in enumerate(lengths):
        pointers = back[k, 1:n].tolist()
        label = last[k]
        path = [label]
        for row in reversed(pointers):
            label = row[label]
            path.append(label)
        path.reverse()
        out.append(path)
    return out


def _time_major(scores: np.ndarray, lengths: Sequence[int], right: bool) -> np.ndarray:
    """(longest, sentences, labels) scores, each sentence from position 0 (or, ``right``,
    ending at the last position); padding positions hold 0 and are never read."""
    longest = max(lengths)
    out = np.zeros((longest, len(lengths), scores.shape[1]))
    at = 0
    for k, n in enumerate(lengths):
        if right:
            out[longest - n :, k] = scores[at : at + n]
        else:
            out[:n, k] = scores[at : at + n]
        at += n
    return out


def marginals(
    exp_trans: np.ndarray, scores: np.ndarray, lengths: Sequence[int]
) -> list[np.ndarray]:
    """P(label at t | sentence) per sentence, by scaled forward-backward, all at once.
    The forward pass runs over the sentences aligned at their first word, the backward
    pass over them aligned at their last word, so no step has to mask sentences that have
    ended; each step writes into its slice of a time-major array (few calls, no copies)."""
    left = _time_major(scores, lengths, right=False)
    right = _time_major(scores, lengths, right=True)
    longest, count, size = left.shape
    emit_l = np.exp(left - left.max(axis=2, keepdims=True))
    emit_r = np.exp(right - right.max(axis=2, keepdims=True))
    trans, trans_t = exp_trans, np.ascontiguousarray(exp_trans.T)
    alpha = np.empty_like(emit_l)
    beta = np.empty_like(emit_r)
    tmp = np.empty((count, size))
    norm = np.empty((count, 1))
    alpha[0] = emit_l[0] / emit_l[0].sum(axis=1, keepdims=True)
    for t in range(1, longest):
        np.matmul(alpha[t - 1], trans, out=tmp)
        tmp *= emit_l[t]
        np.add.reduce(tmp, axis=1, keepdims=True, out=norm)
        np.divide(tmp, norm, out=alpha[t])
    beta[-1] = 1.0
    for t in range(longest - 2, -1, -1):
        np.multiply(emit_r[t + 1], beta[t + 1], out=tmp)
        np.matmul(tmp, trans_t, out=beta[t])
        np.add.reduce(beta[t], axis=1, keepdims=True, out=norm)
        beta[t] /= norm
    out: list[np.ndarray] = []
    for k, n in enumerate(lengths):
        joint = alpha[:n, k] * beta[longest - n :, k]
        out.append(joint / joint.sum(axis=1, keepdims=True))
    return out
