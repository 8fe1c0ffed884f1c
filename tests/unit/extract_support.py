"""Helpers the extractor's construction tests share."""

from __future__ import annotations

from graph_service.extract import extract_statements
from graph_service.models import Document

Triple = tuple[str, str, str]


def triple_key(subject: str, rtype: str, obj: str) -> Triple:
    """A statement's (subject, type, object); PARTNERSHIP pairs in sorted order."""
    if rtype == "PARTNERSHIP":  # symmetric
        subject, obj = sorted((subject, obj))
    return subject, rtype, obj


def statements(text: str, lang: str, title: str | None = None) -> tuple[set[Triple], set[Triple]]:
    """(asserted triples, negated triples) extracted from one invented document."""
    doc = Document(path="t.txt", text=text, lang=lang, title=title)
    found = extract_statements(doc)
    pos = {triple_key(s.subject, s.type.value, s.object) for s in found if not s.negated}
    neg = {triple_key(s.subject, s.type.value, s.object) for s in found if s.negated}
    return pos, neg
