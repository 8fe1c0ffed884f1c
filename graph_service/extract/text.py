"""Tokens and sentences: a small, fast tokenizer and an abbreviation-aware segmenter."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Dotted abbreviations ("U.S.", "z.B."), negation clitics, words, possessive 's, other
# single characters. Hyphens are separate tokens so that "Nordkorea-Kim" and
# "Iran-backed" expose both parts; `Token.hyph` records the join.
_TOKEN_RE = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # U.S.  E.U.  z.B.
    r"|\d+(?:[.,]\d+)+"  # 10,000  1.5  50.000
    r"|\w+(?=n['’]t\b)"  # did(n't)
    r"|n['’]t\b"
    r"|\w+"
    r"|['’]s\b"
    r"|\S"
)

# the same without the "n't" alternatives, whose lookahead is tried (and fails) at every
# word: used for the (most) texts that contain no "n't", where both give the same tokens
_TOKEN_RE_FAST = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # U.S.  E.U.  z.B.
    r"|\d+(?:[.,]\d+)+"  # 10,000  1.5  50.000
    r"|\w+"
    r"|['’]s\b"
    r"|\S"
)

_span = re.Match.span


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    low: str
    hyph: bool = False  # joined to the next token by a hyphen ("Iran-backed")

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()


def tokenize(text: str, offset: int = 0) -> list[Token]:
    lower = text.lower()
    rx = _TOKEN_RE if ("n't" in lower or "n’t" in lower) else _TOKEN_RE_FAST
    tokens: list[Token]
    if len(lower) == len(text):
        tokens = [
            Token(s + offset, e + offset, text[s:e], lower[s:e])
            for s, e in map(_span, rx.finditer(text))
        ]
    else:  # lower() can change lengths ("İ"); then per token
        tokens = [
            Token(m.start() + offset, m.end() + offset, m.group(), m.group().lower())
            for m in rx.finditer(text)
        ]
    if "-" not in text and "‑" not in text:
        return tokens
    # mark hyphen joins and drop the hyphen tokens between two words
    out: list[Token] = []
    n = len(tokens)
    k = 0
    while k < n:
        tok = tokens[k]
        if (
            tok.text in "-‑"
            and out
            and k + 1 < n
            and out[-1].end == tok.start
            and tokens[k + 1].start == tok.end
            and out[-1].text[-1].isalnum()
            and tokens[k + 1].text[0].isalnum()
        ):
            out[-1].hyph = True
            k += 1
            continue
        out.append(tok)
        k += 1
    return out


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str


_CLOSERS = "\"'»«“”’)]›‹"
_BULLETS = "•·*-–—▪►"
_SPLIT_RE = re.compile(r"[.!?…]+|\n")
_MONTHS = {
    "januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
    "oktober", "november", "dezember", "jänner", "january", "february", "march", "june",
    "july", "october", "december", "janvier", "février", "mars", "avril", "juin", "juillet",
    "août", "septembre", "octobre", "novembre", "décembre", "enero", "febrero", "marzo",
    "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre",
    "diciembre",
}  # fmt: skip
_ORDINAL_CONTEXT = {
    "am", "im", "vom", "zum", "bis", "seit", "dem", "den", "der", "die", "das", "des",
    "ihrem", "ihren", "ihrer", "ihr", "seinem", "seinen", "seiner", "sein", "mit", "zur",
    "ab", "nr", "nummer", "the", "le", "la", "el",
}  # fmt: skip


def split_sentences(text: str, abbreviations: frozenset[str]) -> Iterator[Sentence]:
    """Split text into sentences.

    Splits at ., !, ?, … when followed by space and an upper-case letter, digit, quote
    or bullet, unless the word before is a known abbreviation, an initial or a German
    ordinal ("am 1. Oktober", "18. Sanktionspaket"). Every line break ends a sentence
    (headlines and bullets have no final punctuation), except when the next line
    starts in lower case (a wrapped line).
    """
    n = len(text)
    start = 0
    for m in _SPLIT_RE.finditer(text):
        pos = m.end()
        if m.group() == "\n":
            nxt = _next_char(text, pos)
            if nxt and nxt.islower() and not _line_is_blank_before(text, m.start()):
                continue
            yield from _emit(text, start, m.start())
            start = pos
            continue
        # consume closing quotes and brackets after the punctuation
        while pos < n and text[pos] in _CLOSERS:
            pos += 1
        if pos < n and not text[pos].isspace():
            continue  # "3.5", "U.S.A", "z.B.x"
        nxt = _next_char(text, pos)
        if not nxt:
            continue
        if m.group() == "." and not _ends_sentence(text, m.start(), nxt, abbreviations):
            continue
        if not (nxt.isupper() or nxt.isdigit() or nxt in _CLOSERS or nxt in _BULLETS):
            continue
        yield from _emit(text, start, pos)
        start = pos
    yield from _emit(text, start, n)


def _next_char(text: str, pos: int) -> str:
    n = len(text)
    while pos < n and text[pos] in " \t\r\xa0":
        pos += 1
    return text[pos] if pos < n else ""


def _line_is_blank_before(text: str, pos: int) -> bool:
    k = pos - 1
    while k >= 0 and text[k] in " \t\r":
        k -= 1
    return k < 0 or text[k] == "\n"


def _ends_sentence(text: str, dot: int, nxt: str, abbreviations: frozenset[str]) -> bool:
    k = dot
    while k > 0 and (text[k - 1].isalnum() or text[k - 1] == "."):
        k -= 1
    word = text[k:dot]
    if not word:
        return True
    low = word.lower()
    if low in abbreviations or low.rstrip(".") in abbreviations:
        return False
    if len(word) == 1 and word.isalpha() and word.isupper():
        return False  # an initial: "J. Biden"
    if "." in word and len(word) <= 6:
        return False  # "U.S", "z.B"
    if word.isdigit() and len(word) <= 3:
        # German dates and ordinals: "am 1. Oktober", "ihrem 18. Sanktionspaket"
        after = text[dot + 1 : dot + 200].lstrip()  # a window: no copy of the rest
        nxt_word = re.match(r"\w+", after)
        if nxt_word and nxt_word.group().lower() in _MONTHS:
            return False
        before = re.search(r"(\w+)\W*$", text[max(k - 200, 0) : max(k, 0)])
        if before and before.group(1).lower() in _ORDINAL_CONTEXT:
            return False
    return True


def _emit(text: str, start: int, end: int) -> Iterator[Sentence]:
    while start < end and (text[start].isspace() or text[start] in _BULLETS):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield Sentence(start, end, text[start:end])
