"""Helpers the extractor's construction tests share."""

from __future__ import annotations

from graph_service.extract import extract_statements
from graph_service.models import Document, Statement

Triple = tuple[str, str, str]


def triple_key(subject: str, rtype: str, obj: str) -> Triple:
    """A statement's (subject, type, object); PARTNERSHIP pairs in sorted order."""
    if rtype == "PARTNERSHIP":  # symmetric
        subject, obj = sorted((subject, obj))
    return subject, rtype, obj


def extracted(text: str, lang: str, title: str | None = None) -> list[Statement]:
    """Every statement extracted from one invented document."""
    return extract_statements(Document(path="t.txt", text=text, lang=lang, title=title))


def statement_key(st: Statement) -> Triple:
    return triple_key(st.subject, st.type.value, st.object)


def statements(text: str, lang: str, title: str | None = None) -> tuple[set[Triple], set[Triple]]:
    """(asserted triples, negated triples) extracted from one invented document."""
    found = extracted(text, lang, title)
    pos = {statement_key(s) for s in found if not s.negated}
    neg = {statement_key(s) for s in found if s.negated}
    return pos, neg
