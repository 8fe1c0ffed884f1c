"""The API's error handling: every failure becomes ``{"error": {code, message, field?}}``.

``GraphServiceError`` carries its own status and code; FastAPI's validation errors and
Starlette's HTTP errors are mapped to the same shape; anything unexpected is logged with
its traceback and answered with a bare 500 (never a traceback to the client).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph_service.api.schemas import ErrorResponse
from graph_service.config import Settings
from graph_service.errors import GraphServiceError, StoreUnavailableError

# Defined with the other errors (the services raise it too); importable from here as before.
from graph_service.errors import InvalidParameterError as InvalidParameterError

logger = logging.getLogger(__name__)

# Parts of pydantic error locations that are not fields: the request part, union tags.
_SOURCES = {"body", "query", "path", "header", "cookie"}
_UNION_TAGS = {"single", "batch"}


def error_json(
    status: int,
    code: str,
    message: str,
    field: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {"code": code, "message": message}
    if field:
        body["field"] = field
    return JSONResponse({"error": body}, status_code=status, headers=headers)


def field_path(loc: Sequence[str | int]) -> str:
    """``('body', 'documents', 2, 'text')`` -> ``documents[2].text``."""
    parts = list(loc)
    if parts and parts[0] in _SOURCES:
        parts = parts[1:]
    path = ""
    for part in parts:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part in _UNION_TAGS:
            continue
        else:
            path += f".{part}" if path else str(part)
    return path or "body"


def _settings(request: Request) -> Settings | None:
    return getattr(request.app.state, "settings", None)


async def handle_service_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, GraphServiceError)
    headers = None
    if isinstance(exc, StoreUnavailableError):
        settings = _settings(request)
        retry = settings.api_retry_after_seconds if settings else 5
        headers = {"Retry-After": str(retry)}
        logger.warning("%s %s: %s", request.method, request.url.path, exc.message)
    elif exc.http_status >= 500:
        logger.error("%s %s: %s", request.method, request.url.path, exc.message)
    message = exc.message
    if isinstance(exc, StoreUnavailableError):
        message = exc.public_message  # the URI and the driver's words stay in the log
    elif exc.http_status >= 500:
        message = "internal error; the server log has the details"
    return error_json(exc.http_status, exc.code, message, exc.field, headers)


async def handle_validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    first = errors[0] if errors else {"loc": ("body",), "msg": "invalid request"}
    loc = tuple(first.get("loc", ()))
    field = field_path(loc)
    if first.get("type") == "json_invalid":
        return error_json(400, "malformed_json", "the request body is not valid JSON", "body")
    message = str(first.get("msg", "invalid value"))
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return error_json(422, "validation_error", f"{field}: {message}{more}", field)


async def handle_http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == 400 and exc.detail == "There was an error parsing the body":
        # FastAPI's answer to a body json.loads refused: invalid UTF-8, another
        # encoding, nesting deeper than the parser allows
        return error_json(
            400,
            "malformed_json",
            "the request body is not valid JSON in UTF-8 (or nests too deeply)",
            "body",
        )
    codes = {
        404: "not_found",
        405: "method_not_allowed",
        413: "input_too_large",
        415: "unsupported_media_type",
    }
    code = codes.get(exc.status_code, "http_error")
    return error_json(exc.status_code, code, str(exc.detail), headers=exc.headers)


async def handle_unexpected(request: Request, exc: Exception) -> JSONResponse:
    logger.exception("unexpected error on %s %s", request.method, request.url.path)
    return error_json(500, "internal_error", "internal error; the server log has the details")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(GraphServiceError, handle_service_error)
    app.add_exception_handler(RequestValidationError, handle_validation_error)
    app.add_exception_handler(StarletteHTTPException, handle_http_error)
    app.add_exception_handler(Exception, handle_unexpected)


Responses = dict[int | str, dict[str, Any]]


def _response(status: int, description: str, headers: dict[str, Any] | None = None) -> Responses:
    entry: dict[str, Any] = {"model": ErrorResponse, "description": description}
    if headers:
        entry["headers"] = headers
    return {status: entry}


_RETRY_AFTER = {
    "Retry-After": {
        "description": "Seconds after which to try again.",
        "schema": {"type": "integer"},
    }
}

BAD_REQUEST = _response(400, "Bad input (malformed JSON, invalid query).")
UNAUTHENTICATED = _response(401, "Missing or unknown API key (X-API-Key).")
FORBIDDEN = _response(403, "The key lacks the scope, or the query tried to write.")
NOT_FOUND = _response(404, "No such actor, relation or query.")
TIMEOUT = _response(408, "The query ran out of time and was terminated.")
TOO_LARGE = _response(413, "The request or a document exceeds a configured limit.")
UNSUPPORTED = _response(415, "Binary or unreadable input, or a body that is not application/json.")
INVALID = _response(422, "A parameter or field is invalid; `field` names it.")
UNAVAILABLE = _response(503, "Neo4j is unreachable or not ready; retry later.", _RETRY_AFTER)

READ_RESPONSES: Responses = {
    **BAD_REQUEST,
    **UNAUTHENTICATED,
    **FORBIDDEN,
    **INVALID,
    **TOO_LARGE,
    **UNAVAILABLE,
}
