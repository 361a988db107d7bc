"""An optional language model for rewrite suggestions; never required.

Any OpenAI-compatible ``/chat/completions`` endpoint works, including a local one (llama.cpp,
Ollama, vLLM). It is configured only through the environment, and everything that uses it has
a rule-based result already, so a missing or failing provider costs a nicety, not a feature.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import httpx

from careerceo.errors import CareerError

TIMEOUT = 30.0


@dataclass(frozen=True)
class LLMConfig:
    base_url: str
    model: str
    api_key: str = ""


def llm_config() -> LLMConfig | None:
    """The provider from CAREER_LLM_BASE_URL / CAREER_LLM_MODEL / CAREER_LLM_API_KEY, if set."""
    base_url = os.environ.get("CAREER_LLM_BASE_URL", "").strip()
    if not base_url:
        return None
    model = os.environ.get("CAREER_LLM_MODEL", "").strip()
    if not model:
        raise CareerError(
            "CAREER_LLM_BASE_URL is set but CAREER_LLM_MODEL is not; set the model name too",
            field="CAREER_LLM_MODEL",
        )
    return LLMConfig(base_url.rstrip("/"), model, os.environ.get("CAREER_LLM_API_KEY", ""))


def complete(config: LLMConfig, system: str, user: str, *, max_tokens: int = 600) -> str:
    headers = {"Content-Type": "application/json"}
    if config.api_key:
        headers["Authorization"] = f"Bearer {config.api_key}"
    payload = {
        "model": config.model,
        "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
        "temperature": 0.2,
        "max_tokens": max_tokens,
    }
    url = f"{config.base_url}/chat/completions"
    try:
        response = httpx.post(url, json=payload, headers=headers, timeout=TIMEOUT)
    except httpx.HTTPError as exc:
        raise CareerError(
            f"the language model at {config.base_url} is unreachable ({exc})"
        ) from exc
    if response.status_code >= 400:
        raise CareerError(
            f"the language model answered HTTP {response.status_code}: {response.text[:200]}"
        )
    try:
        content = response.json()["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise CareerError(
            "the language model's answer is not an OpenAI-style chat completion"
        ) from exc
    return str(content).strip()


REWRITE_SYSTEM = (
    "You rewrite résumé bullets. Keep every fact, invent no numbers; where a number is missing "
    "write a placeholder like <N%>. Start with a strong past-tense verb. One line per bullet."
)


def rewrite_lines(config: LLMConfig, lines: list[str]) -> list[str]:
    """Model rewrites of the flagged lines, one per input line (missing ones stay as they were)."""
    if not lines:
        return []
    prompt = "Rewrite each bullet, one per line, same order:\n" + "\n".join(
        f"- {line}" for line in lines
    )
    answer = complete(config, REWRITE_SYSTEM, prompt)
    rewritten = [part.lstrip("-•* ").strip() for part in answer.splitlines() if part.strip()]
    return [rewritten[i] if i < len(rewritten) else line for i, line in enumerate(lines)]
