"""Language identification by stop-word profiles (data: lexicons/langid.yaml)."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from graph_service.extract.lexicon import load_yaml

_WORD_RE = re.compile(r"[^\W\d_]+")
# a letter beyond Latin (and its extensions): only then can the script decide
_NON_LATIN = re.compile(r"[^\W\d_\u0000-\u024F\u1E00-\u1EFF]")
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
    words = [w.lower() for w in _WORD_RE.findall(head)]
    if not words:
        return "und"
    if _NON_LATIN.search(head):  # other scripts only when a letter outside Latin shows
        letters = sum(len(w) for w in words)
        for code, script in _SCRIPTS:
            if len(script.findall(head)) > letters * 0.3:
                return code
    counts = Counter(words)
    seen = counts.keys()
    scores = {lang: sum(counts[w] for w in seen & stops) for lang, stops in _profiles().items()}
    best = max(scores, key=lambda k: scores[k])
    if scores[best] < max(2, len(words) * 0.05):
        return _lexicon_vote(words)
    tied = [lang for lang, score in scores.items() if score == scores[best]]
    if len(tied) > 1:
        # a short sentence shares its few stop words ("la", "del": es and it): the
        # lexicons' own words decide among the tied languages
        voted = _lexicon_vote(words)
        return voted if voted in tied else best
    return best


def _lexicon_vote(words: list[str]) -> str:
    """A short text with too few stop words ("Nordkorea liefert Raketen an Russland."):
    the language whose lexicon knows most of its words - trigger and item patterns count
    double, function words once; "und" when no language stands out."""
    from graph_service.extract.lexicon import RULE_LANGUAGES, language

    scores: dict[str, float] = {}
    for code in RULE_LANGUAGES:
        lx = language(code)
        classes = frozenset().union(*(v for k, v in lx.w.items() if not k.startswith("_")))
        score = 0.0
        for w in words:
            if lx.triggers.lookup(w) or lx.items.lookup(w):
                score += 2.0
            elif w in classes:
                score += 1.0
        scores[code] = score
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2.0 or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return "und"
    return ranked[0][0]
