"""Checks on input that the schema cannot express (runtime limits, driver value ranges)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from graph_service.api.errors import InvalidParameterError
from graph_service.api.schemas import DocumentIn
from graph_service.config import Settings
from graph_service.errors import InputTooLargeError

_INT64 = 2**63
_MAX_DEPTH = 8


def check_parameters(value: Any, where: str = "parameters", depth: int = 0) -> None:
    """Query parameters must be values Bolt can carry (64-bit integers, shallow nesting)."""
    if depth > _MAX_DEPTH:
        raise InvalidParameterError(f"{where} is nested too deeply", field=where)
    if isinstance(value, bool) or value is None or isinstance(value, float | str):
        return
    if isinstance(value, int):
        if not -_INT64 <= value < _INT64:
            raise InvalidParameterError(f"{where} does not fit in 64 bits", field=where)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            check_parameters(item, f"{where}.{key}", depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            check_parameters(item, f"{where}[{index}]", depth + 1)


def check_documents(
    documents: Sequence[DocumentIn], settings: Settings, prefix: str, max_chars: int | None = None
) -> None:
    """Batch size and text length limits, checked before anything is extracted or written."""
    limit = settings.max_document_chars if max_chars is None else max_chars
    if len(documents) > settings.max_batch_documents:
        raise InputTooLargeError(
            f"{len(documents)} documents in one request; the limit is "
            f"{settings.max_batch_documents}",
            field="documents",
        )
    for index, doc in enumerate(documents):
        if len(doc.text) > limit:
            where = f"{prefix}[{index}].text" if prefix else "text"
            raise InputTooLargeError(
                f"{where} has {len(doc.text)} characters; the limit is {limit}",
                field=where,
            )
