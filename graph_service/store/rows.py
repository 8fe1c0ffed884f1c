"""Mappers from domain models to storage rows (flat maps of Neo4j property types).

Pure functions, no database: ids, hashes, statement rows and the per-edge aggregates of
a batch are computed here so that the Cypher stays a plain ``UNWIND $rows``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import urlsplit, urlunsplit

from graph_service.models import Actor, ActorKind, Document, Modality, RelationType, Statement

Row = dict[str, Any]

_SEP = "\x1f"  # unit separator: cannot occur in ids, keeps hashed fields apart


def _digest(*parts: str, length: int) -> str:
    return hashlib.sha256(_SEP.join(parts).encode("utf-8")).hexdigest()[:length]


def normalize_url(url: str) -> str:
    """The URL as it identifies a document: trimmed, scheme and host lowercased, no fragment."""
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, parts.query, ""))


def text_hash(doc: Document) -> str:
    """Hash of the document text (whitespace at both ends ignored)."""
    return hashlib.sha256(doc.text.strip().encode("utf-8")).hexdigest()


def document_id(doc: Document) -> str:
    """Stable document id: from the URL when there is one, else from the source's own id
    (front matter ``id``, a JSONL line's ``id``, the API's ``id``), else from the text.

    The same URL or the same id always gives the same document (so a changed article
    replaces itself), and the same text with neither gives the same id whatever path it
    was read from.
    """
    if doc.url and doc.url.strip():
        return "doc_" + _digest("url", normalize_url(doc.url), length=24)
    if doc.id and doc.id.strip():
        return "doc_" + _digest("id", doc.id.strip(), length=24)
    return "doc_" + _digest("text", text_hash(doc), length=24)


def pair_of(subject: str, type_: RelationType, obj: str) -> tuple[str, str]:
    """Endpoints of the aggregated edge: PARTNERSHIP from the lower id to the higher one."""
    if type_.symmetric and obj < subject:
        return obj, subject
    return subject, obj


def pair_key(subject: str, type_: RelationType, obj: str) -> str:
    """Key shared by every statement of one aggregated edge (indexed: ``statement_pair``)."""
    a, b = pair_of(subject, type_, obj)
    return f"{a}|{type_.value}|{b}"


def statement_id(doc_id: str, stmt: Statement) -> str:
    """Deterministic: document + sentence + (subject, type, object); PARTNERSHIP unordered."""
    sentence = str(stmt.sentence_index) if stmt.sentence_index is not None else stmt.evidence
    a, b = pair_of(stmt.subject, stmt.type, stmt.object)
    return "st_" + _digest(doc_id, sentence, a, stmt.type.value, b, length=24)


def document_row(doc: Document, doc_id: str) -> Row:
    return {
        "id": doc_id,
        "title": doc.title,
        "url": doc.url,
        "source": doc.source,
        "date": doc.date,
        "lang": doc.lang,
        "path": doc.path,
        "text_hash": text_hash(doc),
    }


def same_content(stored: Row, row: Row) -> bool:
    """True when what is stored for a document equals the row (nothing to write)."""
    return all(
        stored.get(k) == row.get(k) for k in ("text_hash", "title", "date", "source", "lang")
    )


@dataclass(frozen=True, slots=True)
class StatementRow:
    id: str
    document_id: str
    subject: str
    object: str
    type: RelationType
    negated: bool
    confidence: float
    modality: str
    date: dt.date | None
    when: dt.date | None  # the event's date when the sentence gives one, else ``date``
    items: tuple[str, ...]
    intensity: float | None  # None when negated or not known
    key: str  # pair_key: shared by every statement of one aggregated edge
    # The row ``upsert_statements`` receives: the node's properties and the ids of its
    # document, subject and object; built once in ``statement_rows``, never copied.
    param: Row = field(hash=False, compare=False)

    @property
    def pair(self) -> tuple[str, str]:
        return pair_of(self.subject, self.type, self.object)

    def as_param(self) -> Row:
        return self.param


# Enum member properties are slow to read in Python 3.11 (a descriptor call each time);
# the row builder runs per statement, so it reads them once here.
_SYMMETRIC = frozenset(t for t in RelationType if t.symmetric)
_VALUES: dict[str, str] = {m: m.value for e in (RelationType, Modality) for m in e}


def statement_rows(
    doc: Document, doc_id: str, statements: Iterable[Statement]
) -> list[StatementRow]:
    """One row per distinct statement id (duplicates keep the most confident reading).

    Same ids and keys as :func:`statement_id` and :func:`pair_key`, computed once per
    statement (this runs for every statement of an ingest)."""
    by_id: dict[str, StatementRow] = {}
    for stmt in statements:
        type_, subject, obj = stmt.type, stmt.subject, stmt.object
        type_value = _VALUES[type_]
        a, b = (obj, subject) if type_ in _SYMMETRIC and obj < subject else (subject, obj)
        sentence = str(stmt.sentence_index) if stmt.sentence_index is not None else stmt.evidence
        sid = "st_" + _digest(doc_id, sentence, a, type_value, b, length=24)
        date = doc.date or stmt.date
        span_start, span_end = stmt.span if stmt.span else (None, None)
        items = tuple(dict.fromkeys(i for i in stmt.items if i))
        modality = _VALUES[stmt.modality]
        key = f"{a}|{type_value}|{b}"
        # A negated statement has no strength (issue 13), whatever the extractor set.
        intensity = None if stmt.negated else stmt.intensity
        quad_class = None if stmt.negated or stmt.quad_class is None else int(stmt.quad_class)
        row = StatementRow(
            id=sid,
            document_id=doc_id,
            subject=subject,
            object=obj,
            type=type_,
            negated=stmt.negated,
            confidence=stmt.confidence,
            modality=modality,
            date=date,
            when=stmt.event_date or date,
            items=items,
            intensity=intensity,
            key=key,
            param={
                "id": sid,
                "document_id": doc_id,
                "subject": subject,
                "object": obj,
                "type": type_value,
                "subtype": stmt.subtype,
                "items": list(items),
                "evidence": stmt.evidence,
                "confidence": stmt.confidence,
                "modality": modality,
                "negated": stmt.negated,
                "attributed_to": stmt.attributed_to,
                "rule": stmt.rule,
                "sentence_index": stmt.sentence_index,
                "span_start": span_start,
                "span_end": span_end,
                "date": date,
                "date_kind": None if stmt.date_kind is None else stmt.date_kind.value,
                "event_date": stmt.event_date,
                "event_date_end": stmt.event_date_end,
                "date_text": stmt.date_text,
                "intensity": intensity,
                "quad_class": quad_class,
                "pair_key": key,
            },
        )
        previous = by_id.get(sid)
        if previous is None or _better(row, previous):
            by_id[sid] = row
    return list(by_id.values())


def _better(row: StatementRow, previous: StatementRow) -> bool:
    if row.negated != previous.negated:
        return not row.negated
    return row.confidence > previous.confidence


def counts_for_edges(row: StatementRow) -> bool:
    """Negated statements and self-loops are stored but never aggregated into edges."""
    return not row.negated and row.subject != row.object


class _Member(Protocol):
    """What an edge's aggregate reads of one statement (a StatementRow or a stored one)."""

    @property
    def document_id(self) -> str: ...
    @property
    def confidence(self) -> float: ...
    @property
    def modality(self) -> str: ...
    @property
    def when(self) -> dt.date | None: ...
    @property
    def items(self) -> Sequence[str]: ...
    @property
    def intensity(self) -> float | None: ...


@dataclass(frozen=True, slots=True)
class StoredMember:
    """A stored statement as the recomputation of its edge reads it."""

    document_id: str
    confidence: float
    modality: str
    when: dt.date | None
    items: tuple[str, ...]
    intensity: float | None = None


def aggregate(a: str, b: str, members: Sequence[_Member]) -> Row:
    """THE definition of an aggregated edge: its statements' count, documents, weight
    (summed confidence), best confidence, first and last date (the statements' ``when``:
    the event's date when known, else the report's), items, and whether every
    statement is speculative; and intensity (issue 13): how many statements have one, their
    sum, and the mean over those (None when none has one). ``cypher/write/add_edges`` adds
    such aggregates up (and recomputes the mean from the added count and sum)."""
    dates = [m.when for m in members if m.when is not None]
    intensities = [m.intensity for m in members if m.intensity is not None]
    intensity_sum = round(sum(intensities, 0.0), 6)
    return {
        "a": a,
        "b": b,
        "statements": len(members),
        "documents": len({m.document_id for m in members}),
        "weight": round(sum(m.confidence for m in members), 6),
        "confidence": max(m.confidence for m in members),
        "first_seen": min(dates) if dates else None,
        "last_seen": max(dates) if dates else None,
        "items": list(dict.fromkeys(i for m in members for i in m.items)),
        "speculative": all(m.modality == Modality.SPECULATIVE.value for m in members),
        "intensity_statements": len(intensities),
        "intensity_sum": intensity_sum,
        "intensity_mean": round(intensity_sum / len(intensities), 6) if intensities else None,
    }


def edge_deltas(rows: Sequence[StatementRow]) -> dict[RelationType, list[Row]]:
    """Aggregates per edge of the given statements (all from new documents), per type."""
    groups: dict[tuple[RelationType, str, str], list[StatementRow]] = {}
    for row in rows:
        if counts_for_edges(row):
            a, b = row.pair
            groups.setdefault((row.type, a, b), []).append(row)
    out: dict[RelationType, list[Row]] = {t: [] for t in RelationType}
    for (type_, a, b), members in sorted(groups.items()):
        out[type_].append(aggregate(a, b, members))
    return out


def recomputed_edges(
    pairs: dict[RelationType, list[Row]], stored: Iterable[Row]
) -> dict[RelationType, list[Row]]:
    """Aggregates of the pairs ``recompute_pairs`` chose, from their stored statements (rows
    of ``write/get_pair_statements``); a pair left without statements gets none."""
    by_key: dict[str, list[StoredMember]] = {}
    for r in stored:
        by_key.setdefault(r["key"], []).append(
            StoredMember(
                document_id=r["document_id"],
                confidence=float(r["confidence"]),
                modality=r["modality"],
                when=r["when"],
                items=tuple(r["items"] or ()),
                intensity=None if r.get("intensity") is None else float(r["intensity"]),
            )
        )
    return {
        type_: [aggregate(p["a"], p["b"], by_key[p["key"]]) for p in rows if p["key"] in by_key]
        for type_, rows in pairs.items()
    }


def recompute_pairs(keys: Iterable[tuple[RelationType, str, str]]) -> dict[RelationType, list[Row]]:
    """Rows for the recompute queries from (type, subject, object) keys, per type."""
    out: dict[RelationType, list[Row]] = {t: [] for t in RelationType}
    seen: set[str] = set()
    for type_, subject, obj in sorted(keys):
        if subject == obj:
            continue
        key = pair_key(subject, type_, obj)
        if key in seen:
            continue
        seen.add(key)
        a, b = pair_of(subject, type_, obj)
        out[type_].append({"a": a, "b": b, "key": key})
    return out


def search_names(actor: Actor) -> list[str]:
    names = [actor.id, actor.name, *actor.names_de, *actor.names_en, *actor.aliases]
    return list(dict.fromkeys(n.strip().lower() for n in names if n and n.strip()))


def actor_row(actor: Actor) -> Row:
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind.value,
        "names_de": list(actor.names_de),
        "names_en": list(actor.names_en),
        "aliases": list(actor.aliases),
        "search_names": search_names(actor),
        "state": actor.state,
        "role": actor.role,
    }


def leader_row(actor: Actor) -> Row | None:
    if actor.kind is not ActorKind.PERSON:
        return None
    return {"id": actor.id, "state": actor.state, "role": actor.role}
