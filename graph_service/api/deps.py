"""Dependencies: settings, the store, a reader per request, API-key checks, paging."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hmac
import json
from collections.abc import AsyncIterator, Callable, Sequence
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Path, Query, Request, Security
from fastapi.security import APIKeyHeader
from pydantic import SecretStr

from graph_service.api.errors import InvalidParameterError
from graph_service.api.schemas import ACTOR_ID_PATTERN
from graph_service.config import Settings
from graph_service.errors import AuthenticationError, PermissionDeniedError
from graph_service.models import RelationType
from graph_service.store.graph_store import GraphStore
from graph_service.store.reader import GraphReader
from graph_service.store.records import DateWindow

API_KEY_HEADER = "X-API-Key"
_api_key = APIKeyHeader(
    name=API_KEY_HEADER,
    auto_error=False,
    description="API key. Needed for POST /documents and /cypher (write scope), and for "
    "reads when the server closes them (api_reads_require_key).",
)


def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_store(request: Request) -> GraphStore:
    store: GraphStore = request.app.state.store
    return store


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
StoreDep = Annotated[GraphStore, Depends(get_store)]


async def get_reader(store: StoreDep) -> AsyncIterator[GraphReader]:
    """One session (read access mode) per request."""
    async with store.reader() as reader:
        yield reader


ReaderDep = Annotated[GraphReader, Depends(get_reader)]


# --- API keys ------------------------------------------------------------------------------


def _matches(given: str, keys: Sequence[SecretStr]) -> bool:
    """Constant-time comparison against every key (no early exit on the first match)."""
    given_bytes = given.encode("utf-8", "surrogatepass")
    found = False
    for key in keys:
        found |= hmac.compare_digest(given_bytes, key.get_secret_value().encode("utf-8"))
    return found


async def require_read_key(
    settings: SettingsDep, key: Annotated[str | None, Security(_api_key)] = None
) -> None:
    """Reads are open unless ``api_reads_require_key``; then a read or write key is needed."""
    if not settings.api_reads_require_key:
        return
    if not key:
        raise AuthenticationError(
            f"reading needs an API key in the {API_KEY_HEADER} header", field=API_KEY_HEADER
        )
    if not _matches(key, [*settings.api_read_keys, *settings.api_write_keys]):
        raise AuthenticationError("the API key is not valid", field=API_KEY_HEADER)


async def require_write_key(
    settings: SettingsDep, key: Annotated[str | None, Security(_api_key)] = None
) -> None:
    """Writing and ad hoc Cypher need a key from ``api_write_keys``."""
    if not key:
        raise AuthenticationError(
            f"this endpoint needs an API key with write scope in the {API_KEY_HEADER} header",
            field=API_KEY_HEADER,
        )
    if _matches(key, settings.api_write_keys):
        return
    if _matches(key, settings.api_read_keys):
        raise PermissionDeniedError(
            "the API key has read scope only; this endpoint needs write scope",
            field=API_KEY_HEADER,
        )
    raise AuthenticationError("the API key is not valid", field=API_KEY_HEADER)


ReadAccess = Depends(require_read_key)
WriteAccess = Depends(require_write_key)


# --- paging and common filters -------------------------------------------------------------


def encode_cursor(kind: str, key: Sequence[str]) -> str:
    raw = json.dumps([kind, *key], separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str | None, kind: str, size: int) -> list[str] | None:
    """The key a cursor holds; a cursor from another listing or a forged one is refused."""
    if cursor is None or cursor == "":
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value: Any = json.loads(raw.decode("utf-8"))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        value = None
    if (
        not isinstance(value, list)
        or len(value) != size + 1
        or value[0] != kind
        or not all(isinstance(part, str) for part in value)
    ):
        raise InvalidParameterError(
            "cursor is not valid here; pass the next_cursor of the previous page", field="cursor"
        )
    return value[1:]


T = TypeVar("T")


def next_page(
    rows: Sequence[T], size: int, kind: str, key: Callable[[T], Sequence[str]]
) -> tuple[list[T], str | None]:
    """The page (``rows`` were fetched with ``size + 1``) and the cursor to the next one:
    the ``key`` of the page's last row, or None on the last page."""
    if len(rows) > size:
        return list(rows[:size]), encode_cursor(kind, key(rows[size - 1]))
    return list(rows), None


def page_size(limit: int, settings: Settings) -> int:
    """Requested page size, capped at ``max_page_size``."""
    return max(1, min(limit, settings.max_page_size))


def date_window(since: dt.date | None, until: dt.date | None) -> DateWindow:
    if since is not None and until is not None and since > until:
        raise InvalidParameterError("until must not be before since", field="until")
    return DateWindow(since=since, until=until)


LIMIT_DESCRIPTION = "Page size; capped at the server's max_page_size (default 500)."
Limit = Annotated[int, Query(ge=1, description=LIMIT_DESCRIPTION)]
Cursor = Annotated[
    str | None,
    Query(
        max_length=2000,
        description="Opaque cursor: the next_cursor of the previous page.",
    ),
]
Since = Annotated[
    dt.date | None,
    Query(description="Only what was seen on or after this date.", examples=["2024-01-01"]),
]
Until = Annotated[
    dt.date | None,
    Query(description="Only what was seen on or before this date.", examples=["2024-12-31"]),
]
ActorId = Annotated[
    str,
    Path(pattern=ACTOR_ID_PATTERN, description="Canonical actor ID.", examples=["PRK"]),
]
RelationTypeFilter = Annotated[RelationType | None, Query(description="Only this relation type.")]
MinConfidence = Annotated[float | None, Query(ge=0.0, le=1.0)]
