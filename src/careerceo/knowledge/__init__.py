"""The bundled O*NET 29.0 + ESCO 1.1.1 knowledge base: ``load_knowledge()``. See API.md."""

from careerceo.knowledge.loader import KnowledgeBase, clear_cache, load_knowledge
from careerceo.knowledge.sections import EscoArrays, KnowledgeError, OnetArrays, normalise_code

__all__ = [
    "EscoArrays",
    "KnowledgeBase",
    "KnowledgeError",
    "OnetArrays",
    "clear_cache",
    "load_knowledge",
    "normalise_code",
]
