"""One exception tree for the whole service.

Every error the service raises on purpose derives from :class:`GraphServiceError`.
Each class carries the HTTP status the API answers with, so a single handler maps
the tree to responses, and the CLI can print ``str(error)`` without a traceback.
Driver exceptions are translated into this tree inside ``graph_service.store``.
"""

from __future__ import annotations


class GraphServiceError(Exception):
    """Root of every error graph-service raises on purpose."""

    http_status: int = 500
    code: str = "internal_error"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class ConfigurationError(GraphServiceError):
    """The settings are inconsistent or incomplete."""

    code = "configuration_error"


# --- local Neo4j server management -------------------------------------------------


class Neo4jServerError(GraphServiceError):
    """Installing, starting or stopping the project's local Neo4j server failed."""

    code = "neo4j_server_error"


# --- storage -------------------------------------------------------------------------


class StoreError(GraphServiceError):
    """The graph store failed in a way the caller cannot fix by changing input."""

    code = "store_error"


class StoreUnavailableError(StoreError):
    """Neo4j cannot be reached (down, starting, or network trouble); retry later.

    ``message`` holds the details for the log (URI, driver text); ``public_message`` is
    what an API client is told: the kind of trouble, no internals."""

    http_status = 503
    code = "store_unavailable"
    public_message = "the database is not reachable; retry later"

    def __init__(
        self, message: str, *, field: str | None = None, public_message: str | None = None
    ) -> None:
        super().__init__(message, field=field)
        if public_message:
            self.public_message = public_message


class StoreAuthError(StoreUnavailableError):
    """Neo4j rejected the configured credentials."""

    code = "store_auth_failed"
    public_message = "the service cannot sign in to its database; an operator must fix it"


class QueryError(GraphServiceError):
    """A query sent by the caller (ad hoc Cypher, named query) is invalid."""

    http_status = 400
    code = "query_error"


class ReadOnlyViolationError(QueryError):
    """A read-only endpoint was asked to write, change schema or administer."""

    http_status = 403
    code = "read_only"


class QueryNotAllowedError(QueryError):
    """A read query that calls a procedure or command outside the allow-list (SHOW, admin)."""

    http_status = 403
    code = "query_not_allowed"


class QueryTooLargeError(QueryError):
    """A query needed more memory than a transaction may use; the database refused it."""

    http_status = 413
    code = "query_too_large"


class QueryTimeoutError(QueryError):
    """A query ran longer than its allowed time and was terminated."""

    http_status = 408
    code = "query_timeout"


# --- input ---------------------------------------------------------------------------


class InputError(GraphServiceError):
    """Input that cannot be accepted: malformed, wrong type, wrong encoding."""

    http_status = 400
    code = "bad_input"


class InvalidParameterError(InputError):
    """A parameter is well-formed for the schema but not acceptable (a stale cursor, a
    period that ends before it starts, ...)."""

    http_status = 422
    code = "invalid_parameter"


class DocumentReadError(InputError):
    """A document could not be read or decoded."""

    code = "document_unreadable"


class InputTooLargeError(InputError):
    """Input exceeds a configured size limit."""

    http_status = 413
    code = "input_too_large"


class ExtractionTimeLimitError(InputTooLargeError):
    """A document took longer to analyse than the time allowed to one request."""

    code = "extraction_time_limit"


class UnsupportedMediaError(InputError):
    """Input is of a type the service does not read (binary, unknown extension)."""

    http_status = 415
    code = "unsupported_media"


class NotFoundError(GraphServiceError):
    """A named thing (actor, document, query) does not exist."""

    http_status = 404
    code = "not_found"


class AuthenticationError(GraphServiceError):
    """The request lacks a valid API key."""

    http_status = 401
    code = "unauthenticated"


class PermissionDeniedError(GraphServiceError):
    """The API key is valid but lacks the scope for this endpoint."""

    http_status = 403
    code = "forbidden"
