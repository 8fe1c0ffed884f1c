"""Extraction without writing (POST /extract) and ingestion of documents (POST /documents),
both through ``graph_service.services.ingest``."""

from __future__ import annotations

import hashlib
from typing import Annotated

from fastapi import APIRouter, Body
from pydantic import Discriminator, Tag

from graph_service.api.deps import ReadAccess, SettingsDep, StoreDep, WriteAccess
from graph_service.api.errors import READ_RESPONSES, UNSUPPORTED
from graph_service.api.schemas import (
    DocumentBatchIn,
    DocumentIn,
    DocumentsWritten,
    DocumentWritten,
    ExtractedStatementPublic,
    ExtractResult,
)
from graph_service.api.validation import check_documents
from graph_service.models import Document
from graph_service.services.ingest import extract, ingest_documents

router = APIRouter(tags=["documents"], responses={**READ_RESPONSES, **UNSUPPORTED})


def _kind(value: object) -> str:
    return "batch" if isinstance(value, dict) and "documents" in value else "single"


DocumentsBody = Annotated[
    Annotated[DocumentIn, Tag("single")] | Annotated[DocumentBatchIn, Tag("batch")],
    Discriminator(_kind),
    Body(description='One document, or {"documents": [...]} for a batch.'),
]


def to_document(doc: DocumentIn) -> Document:
    digest = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()[:16]
    return Document(
        path=doc.url or f"api:{doc.id or digest}",
        text=doc.text,
        id=doc.id,
        title=doc.title,
        date=doc.date,
        url=doc.url,
        source=doc.source,
        lang=doc.lang,
    )


@router.post(
    "/extract",
    response_model=ExtractResult,
    dependencies=[ReadAccess],
    summary="Extract statements from a text; nothing is written",
)
async def extract_text(body: DocumentIn, settings: SettingsDep) -> ExtractResult:
    check_documents([body], settings, "", max_chars=settings.max_extract_chars)
    statements = await extract(to_document(body), settings.extract_time_limit_seconds)
    return ExtractResult(statements=[ExtractedStatementPublic.of(s) for s in statements])


@router.post(
    "/documents",
    response_model=DocumentsWritten,
    status_code=201,
    dependencies=[WriteAccess],
    summary="Ingest one document or a batch: extract and write",
)
async def post_documents(
    body: DocumentsBody, settings: SettingsDep, store: StoreDep
) -> DocumentsWritten:
    """Every document is checked before anything is extracted or written; returns each
    document's id, its write status and its statements."""
    docs = body.documents if isinstance(body, DocumentBatchIn) else [body]
    check_documents(docs, settings, "documents" if isinstance(body, DocumentBatchIn) else "")
    written = await ingest_documents(
        store, [to_document(doc) for doc in docs], settings.extract_time_limit_seconds
    )
    return DocumentsWritten(
        items=[
            DocumentWritten(
                document_id=w.document_id,
                status=w.status,
                stored=w.statements,
                statements=[ExtractedStatementPublic.of(s) for s in stmts],
            )
            for w, stmts in written
        ]
    )
