"""Settings: one class, read from the environment (prefix ``GRAPH_SERVICE_``)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from platformdirs import user_cache_dir, user_data_dir
from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Everything configurable. Secrets are ``SecretStr`` so they never reach logs."""

    model_config = SettingsConfigDict(env_prefix="GRAPH_SERVICE_", extra="ignore")

    # --- Neo4j connection ---------------------------------------------------------
    neo4j_uri: str | None = Field(
        default=None,
        description="Bolt URI of an external Neo4j. When unset, the project's local "
        "server on 127.0.0.1:<neo4j_bolt_port> is used (and managed).",
    )
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = SecretStr("graph-service-local")
    neo4j_database: str = "neo4j"
    neo4j_connect_timeout_seconds: float = 5.0

    # --- the local Neo4j server the project runs itself ----------------------------
    neo4j_version: str = Field(
        default="5.26",
        description="Neo4j release line (its newest patch on Maven Central when first "
        "installed; `graph-service neo4j install --upgrade` fetches a newer one) or an "
        "exact version.",
    )
    neo4j_bolt_port: int = 7687
    neo4j_http_port: int = 7474
    neo4j_heap_size: str = "2g"
    neo4j_pagecache_size: str = "2g"
    neo4j_start_timeout_seconds: float = 180.0
    neo4j_with_browser: bool = True
    neo4j_supervise: bool = Field(
        default=True,
        description="The API process restarts the local Neo4j when it exits unexpectedly "
        "(not after `graph-service neo4j stop`).",
    )
    neo4j_supervise_interval_seconds: float = 2.0
    neo4j_restart_backoff_max_seconds: float = 60.0
    neo4j_transaction_memory_max: str = Field(
        default="256m",
        description="Most heap one transaction may use (db.memory.transaction.max); a "
        "query past it fails with an error instead of taking the server down.",
    )
    neo4j_transaction_memory_total_max: str = Field(
        default="512m",
        description="Most heap all transactions together may use "
        "(dbms.memory.transaction.total.max); keep it well under the heap size.",
    )
    neo4j_transaction_timeout: str = Field(
        default="120s",
        description="Server-side cap on any transaction's duration (db.transaction.timeout), "
        "also for Neo4j Browser; /cypher sets its own, shorter timeout per transaction.",
    )
    neo4j_exit_on_out_of_memory: bool = Field(
        default=True,
        description="Run the local server with -XX:+ExitOnOutOfMemoryError: the JVM exits "
        "on its first OutOfMemoryError and the supervisor starts it again. Off, the query "
        "that exhausted the heap fails and the server usually stays up, but an "
        "OutOfMemoryError in another thread can leave it running and unusable.",
    )
    neo4j_procedures_allowlist: list[str] = Field(
        default_factory=lambda: [
            "db.labels",
            "db.relationshipTypes",
            "db.propertyKeys",
            "db.schema.*",
        ],
        description="The only procedures a /cypher plan may call ('*' is a wildcard); also "
        "the local server's dbms.security.procedures.allowlist (which governs plugin "
        "procedures; Neo4j's built-in ones stay loaded for the service itself). DBMS-mode "
        "procedures (dbms.*) are refused by /cypher anyway: their query type is not 'r'.",
    )
    maven_repository_url: str = Field(
        default="https://repo.maven.apache.org/maven2",
        description="Maven repository Neo4j's jars and metadata are fetched from (Maven "
        "Central, or a mirror of it).",
    )
    cache_dir: Path = Field(default_factory=lambda: Path(user_cache_dir("graph-service")))
    data_dir: Path = Field(default_factory=lambda: Path(user_data_dir("graph-service")))

    # --- API -----------------------------------------------------------------------
    api_host: str = "127.0.0.1"
    api_port: int = 8000
    api_write_keys: list[SecretStr] = Field(
        default_factory=list,
        description="Keys (X-API-Key) allowed to write documents and run /cypher.",
    )
    api_read_keys: list[SecretStr] = Field(
        default_factory=list, description="Keys allowed to read when reads are closed."
    )
    api_reads_require_key: bool = False
    cors_origins: list[str] = Field(default_factory=list)
    max_document_chars: int = 1_000_000
    max_extract_chars: int = Field(
        default=100_000,
        description="Longest text POST /extract takes (it answers inline, without a key "
        "when reads are open, so it gets a smaller limit than POST /documents).",
    )
    extract_time_limit_seconds: float = Field(
        default=5.0,
        gt=0,
        description="CPU seconds one API request may spend extracting one document; "
        "past it the request answers 413 extraction_time_limit.",
    )
    max_request_bytes: int = 10_000_000
    max_batch_documents: int = 100
    max_page_size: int = 500
    cypher_timeout_seconds: float = 10.0
    cypher_row_cap: int = 1000
    api_store_retry_seconds: float = Field(
        default=2.0,
        description="How long the API retries a transaction on transient Neo4j errors "
        "before answering 503 (short, so clients hear about an outage quickly).",
    )
    api_retry_after_seconds: int = Field(
        default=5, description="Retry-After (seconds) sent with a 503 while Neo4j is down."
    )
    api_max_graph_edges: int = Field(
        default=5000, description="Most edges one /graph answer holds (then 'truncated')."
    )

    # --- alignment over time (issue 13) -----------------------------------------------
    alignment_half_life_days: float = Field(
        default=180.0,
        ge=7,
        description="Half-life of a statement's weight in the alignment score: a statement "
        "this many days old counts half as much as one of the day scored. At least 7: "
        "/changes decays its sums in the database to fixed days, and 0.5 ** (age / H) "
        "stays above the smallest float for about 1,000 half-lives (20 years at 7 days).",
    )
    alignment_speculative_weight: float = Field(
        default=0.5,
        ge=0,
        le=1,
        description="Weight of a speculative statement ('could', 'dürfte') in the alignment "
        "score relative to an asserted or reported one (1).",
    )
    alignment_prior_weight: float = Field(
        default=1.0,
        ge=0,
        le=100,
        description="Weight of the neutral evidence the alignment score starts from (as if "
        "one statement of confidence 1 and intensity 0 never aged): a lone statement "
        "scores less than its own intensity, and a score fades toward 0 as its statements "
        "age. 0 makes the score a plain weighted mean that keeps its value without news.",
    )
    alignment_max_periods: int = Field(
        default=240,
        ge=1,
        description="Most periods one alignment series holds (240 months: 20 years).",
    )
    alignment_evidence_per_period: int = Field(
        default=5, ge=1, le=50, description="Strongest statements listed per period."
    )
    alignment_change_min_delta: float = Field(
        default=0.1,
        ge=0,
        le=2,
        description="Smallest change of a pair's alignment score that /changes reports as "
        "strengthened, weakened or reversed.",
    )

    # --- ingest --------------------------------------------------------------------
    ingest_batch_size: int = 500
    ingest_workers: int | None = Field(
        default=None,
        ge=1,
        description="Processes that extract during an ingest (one writer writes, in "
        "order, whatever their number); unset: the number of cores.",
    )

    # --- extraction ----------------------------------------------------------------
    actors_file: Path | None = Field(
        default=None,
        description="YAML file with the analysts' own actors, aliases and persons "
        "(keys 'actors', 'aliases', 'persons'), added to the shipped catalog.",
    )
    max_statements_per_sentence: int = Field(
        default=64,
        ge=1,
        description="Most statements one sentence yields (the most confident ones): a "
        "list of 30 states supplying 30 others is no news sentence, it is an attack.",
    )
    max_statements_per_document: int = Field(
        default=2000,
        ge=1,
        description="Most statements one document yields (the most confident ones).",
    )

    @property
    def is_external_neo4j(self) -> bool:
        return self.neo4j_uri is not None

    @property
    def bolt_uri(self) -> str:
        return self.neo4j_uri or f"bolt://127.0.0.1:{self.neo4j_bolt_port}"


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings; tests call ``get_settings.cache_clear()`` to re-read."""
    return Settings()
