"""Language identification by stop-word profiles (data: lexicons/langid.yaml)."""

from __future__ import annotations

import re
from functools import lru_cache

from graph_service.extract.lexicon import load_yaml

_WORD_RE = re.compile(r"[^\W\d_]+")
_SCRIPTS = (
    ("ru", re.compile(r"[\u0400-\u04FF]")),
    ("ar", re.compile(r"[\u0600-\u06FF]")),
    ("he", re.compile(r"[\u0590-\u05FF]")),
    ("zh", re.compile(r"[\u4E00-\u9FFF]")),
    ("ja", re.compile(r"[\u3040-\u30FF]")),
    ("ko", re.compile(r"[\uAC00-\uD7AF]")),
    ("el", re.compile(r"[\u0370-\u03FF]")),
)


@lru_cache(maxsize=1)
def _profiles() -> dict[str, frozenset[str]]:
    data = load_yaml("langid.yaml")
    return {lang: frozenset(words.split()) for lang, words in data["stopwords"].items()}


def detect_language(text: str, sample: int = 4000) -> str:
    """Return an ISO 639-1 code ("de", "en", "fr", ...) or "und" when unsure."""
    head = text[:sample]
    letters = sum(1 for c in head if c.isalpha())
    if not letters:
        return "und"
    for code, script in _SCRIPTS:
        if len(script.findall(head)) > letters * 0.3:
            return code
    words = [w.lower() for w in _WORD_RE.findall(head)]
    if not words:
        return "und"
    scores = {lang: 0 for lang in _profiles()}
    for w in words:
        for lang, stops in _profiles().items():
            if w in stops:
                scores[lang] += 1
    best = max(scores, key=lambda k: scores[k])
    if scores[best] < max(2, len(words) * 0.05):
        return "und"
    return best
