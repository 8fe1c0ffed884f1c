"""Lemmatisers: the morphology a language's lexicon asks for by name.

A lexicon file that declares

    features:
      lemmatizer: pymorphy3

gets its tokens and its actor surfaces normalised to lemmas (``России`` -> ``россия``),
so that its word classes and trigger patterns are written once, as lemmas. The code here
knows analysers, not languages: ``lemmatizer(name, lang)`` builds one for the language
code it is given. Languages without the feature never call into this module.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import cache, lru_cache

log = logging.getLogger(__name__)

Normalizer = Callable[[str], str]

# distinct word forms remembered per analyser; news text of a few MB stays far below
CACHE_SIZE = 1 << 18


def _pymorphy3(lang: str) -> Normalizer:
    """Lemma = the ``normal_form`` of pymorphy3's best parse (OpenCorpora dictionaries,
    suffix guessing for unknown words)."""
    import pymorphy3  # imported here: only languages that ask for it pay for the import

    # result_type=None: plain tuples (word, tag, normal_form, score, methods), faster
    parse = pymorphy3.MorphAnalyzer(lang=lang, result_type=None).parse

    @lru_cache(maxsize=CACHE_SIZE)
    def lemma(word: str) -> str:
        if not word.isalpha():
            return word  # digits, punctuation, "f16": verbatim
        parses = parse(word)
        return str(parses[0][2]) if parses else word

    return lemma


_FACTORIES: dict[str, Callable[[str], Normalizer]] = {"pymorphy3": _pymorphy3}


@cache
def lemmatizer(name: str, lang: str) -> Normalizer | None:
    """The normaliser ``name`` for language ``lang`` (one per process), or None when the
    name is unknown or its package is not installed (the language then runs unlemmatised,
    which finds little in an inflecting language: the failure is logged)."""
    factory = _FACTORIES.get(name)
    if factory is None:
        log.error("unknown lemmatizer %r for %s (known: %s)", name, lang, ", ".join(_FACTORIES))
        return None
    try:
        return factory(lang)
    except (ImportError, ValueError, OSError) as exc:
        log.error("lemmatizer %s for %s unavailable: %s", name, lang, exc)
        return None
