"""Property-based run of the OpenAPI schema (schemathesis): no 5xx, no response that
violates the documented schema, status codes or content types. Bounded for CI."""

from __future__ import annotations

import neo4j
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.openapi import from_asgi

from graph_service.api.app import create_app
from graph_service.config import Settings, get_settings
from tests.api.conftest import WRITE_KEY, api_settings

pytestmark = pytest.mark.neo4j

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


# The app is built at import (schemathesis generates tests from its schema at collection);
# it connects lazily: its lifespan starts with the first request, after the fixtures ran.
APP = create_app(api_settings(get_settings()))
schema = from_asgi("/openapi.json", APP)


@pytest.fixture(autouse=True, scope="module")
def _seeded(seeded: neo4j.Driver, neo4j_server: Settings) -> None:
    """The test corpus is in the database before the first generated request."""


@schema.exclude(path_regex="^/map").parametrize()
@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_openapi_schema(case: schemathesis.Case) -> None:
    case.call_and_validate(headers={"X-API-Key": WRITE_KEY}, checks=CHECKS)
