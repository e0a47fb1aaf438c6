"""One typed settings object for the whole project, read from the environment by the outer layer only.

The CLI and the API build a `Settings` once and hand it (or the values it holds) inward; `graph_schema`
and `loaders` never read the environment.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

NEO4J_VERSION = "5.26.30"
"""The exact Neo4j server version the project runs, locally and in docker-compose.yml."""

NEO4J_BROWSER_VERSION = "5.24.0"
"""Neo4j Browser from Maven Central (newest published there; works with 5.26)."""

DEFAULT_PASSWORD = "tiesgraph-dev"  # development default; Settings refuses it in production


def _reachable(listen_address: str) -> str:
    """The address a client on this machine uses for a server listening on `listen_address`."""
    return "127.0.0.1" if listen_address in ("0.0.0.0", "::", "") else listen_address


def _default_home() -> Path:
    """Per-user cache folder, outside the repository, where the local Neo4j is assembled and keeps data."""
    return Path.home() / ".cache" / "tiesgraph"


class Settings(BaseSettings):
    """Everything configurable, with defaults fit for a 2-core, 24 GiB laptop that also runs the API."""

    # case_sensitive: with populate_by_name, a case-insensitive match would read $HOME into `home`.
    model_config = SettingsConfigDict(
        env_prefix="", extra="ignore", populate_by_name=True, case_sensitive=True
    )

    environment: Literal["development", "test", "production"] = Field(
        default="development", alias="TIESGRAPH_ENV"
    )

    # --- connection: when NEO4J_URI is set, that server is used and the local manager is not needed
    neo4j_uri: str | None = Field(default=None, alias="NEO4J_URI")
    neo4j_user: str = Field(default="neo4j", alias="NEO4J_USER")
    neo4j_password: SecretStr = Field(default=SecretStr(DEFAULT_PASSWORD), alias="NEO4J_PASSWORD")
    neo4j_database: str = Field(default="neo4j", alias="NEO4J_DATABASE")
    # A dead or unreachable server must answer within seconds, not the driver's 30-60 s defaults.
    neo4j_connection_timeout: float = Field(default=2.0, gt=0, alias="TIESGRAPH_NEO4J_CONNECTION_TIMEOUT")
    neo4j_acquisition_timeout: float = Field(default=5.0, gt=0, alias="TIESGRAPH_NEO4J_ACQUISITION_TIMEOUT")
    neo4j_retry_time: float = Field(default=1.0, ge=0, alias="TIESGRAPH_NEO4J_RETRY_TIME")

    # --- loads: when a batch gives up on an unreachable Neo4j (instead of one retry cycle per article)
    load_max_unavailable: int = Field(default=3, ge=1, alias="TIESGRAPH_LOAD_MAX_UNAVAILABLE")
    load_unavailable_seconds: float = Field(default=30.0, gt=0, alias="TIESGRAPH_LOAD_UNAVAILABLE_SECONDS")

    # --- the local Neo4j that the project starts itself
    home: Path = Field(default_factory=_default_home, alias="TIESGRAPH_HOME")
    neo4j_data_dir: Path | None = Field(default=None, alias="TIESGRAPH_NEO4J_DATA")
    neo4j_listen_address: str = Field(default="127.0.0.1", alias="TIESGRAPH_NEO4J_LISTEN")
    neo4j_bolt_port: int = Field(default=7687, alias="TIESGRAPH_NEO4J_BOLT_PORT")
    neo4j_http_port: int = Field(default=7474, alias="TIESGRAPH_NEO4J_HTTP_PORT")
    neo4j_heap: str = Field(default="1g", alias="TIESGRAPH_NEO4J_HEAP")
    neo4j_pagecache: str = Field(default="1g", alias="TIESGRAPH_NEO4J_PAGECACHE")
    neo4j_start_timeout: float = Field(default=120.0, alias="TIESGRAPH_NEO4J_START_TIMEOUT")

    # --- the API
    api_host: str = Field(default="127.0.0.1", alias="TIESGRAPH_API_HOST")
    api_port: int = Field(default=8000, alias="TIESGRAPH_API_PORT")
    api_public_url: str | None = Field(default=None, alias="TIESGRAPH_API_PUBLIC_URL")
    api_key: SecretStr | None = Field(default=None, alias="TIESGRAPH_API_KEY")
    api_read_key_required: bool = Field(default=False, alias="TIESGRAPH_READ_KEY_REQUIRED")
    cors_origins: str = Field(default="", alias="TIESGRAPH_CORS_ORIGINS")
    """Comma-separated origins allowed to call the API from a web page (none by default)."""
    warm_plans: bool = Field(default=True, alias="TIESGRAPH_WARM_PLANS")
    """Plan every read query once in the background when the API starts (service.warmup)."""
    max_page_size: int = Field(default=200, alias="TIESGRAPH_MAX_PAGE_SIZE")
    max_upload_bytes: int = Field(default=5_000_000, alias="TIESGRAPH_MAX_UPLOAD_BYTES")

    @field_validator("api_key", mode="after")
    @classmethod
    def _blank_key_is_no_key(cls, value: SecretStr | None) -> SecretStr | None:
        # TIESGRAPH_API_KEY="" (an unset compose variable) must not count as a key that "" matches.
        return value if value is not None and value.get_secret_value().strip() else None

    @field_validator("cors_origins", mode="after")
    @classmethod
    def _origins_are_origins(cls, value: str) -> str:
        for origin in (part.strip() for part in value.split(",") if part.strip()):
            if origin != "*" and not re.fullmatch(r"https?://[^/\s?#]+", origin):
                raise ValueError("TIESGRAPH_CORS_ORIGINS must list origins such as https://example.org (no path)")
        return value

    @model_validator(mode="after")
    def _reads_need_a_key_to_require(self) -> Settings:
        # Requiring a key on reads with none configured would silently leave the reads open.
        if self.api_read_key_required and self.api_key is None:
            raise ValueError("TIESGRAPH_READ_KEY_REQUIRED is true but TIESGRAPH_API_KEY is not set")
        return self

    @model_validator(mode="after")
    def _refuse_default_secrets_outside_development(self) -> Settings:
        if self.environment == "production":
            if self.neo4j_password.get_secret_value() == DEFAULT_PASSWORD:
                raise ValueError("NEO4J_PASSWORD must be set to a non-default value in production")
            if self.api_key is None:
                raise ValueError("TIESGRAPH_API_KEY must be set in production")
        return self

    @property
    def cors_origin_list(self) -> list[str]:
        """The origins of TIESGRAPH_CORS_ORIGINS, in order."""
        return [part.strip().rstrip("/") for part in self.cors_origins.split(",") if part.strip()]

    @property
    def managed(self) -> bool:
        """True when the project runs its own local Neo4j (no NEO4J_URI given)."""
        return self.neo4j_uri is None

    @property
    def neo4j_host(self) -> str:
        """Where this machine reaches the local Neo4j (a wildcard listen address is reached on loopback)."""
        return _reachable(self.neo4j_listen_address)

    @property
    def bolt_uri(self) -> str:
        """The Bolt URI to connect to: NEO4J_URI, or the local server's."""
        if self.neo4j_uri:
            return self.neo4j_uri
        return f"neo4j://{self.neo4j_host}:{self.neo4j_bolt_port}"

    @property
    def data_dir(self) -> Path:
        """Where the local Neo4j keeps its databases, logs and pid file."""
        return self.neo4j_data_dir or (self.home / "instances" / "default")

    @property
    def browser_url(self) -> str:
        """Neo4j Browser's URL (served by the local server)."""
        return f"http://{self.neo4j_host}:{self.neo4j_http_port}/browser/"

    @property
    def api_url(self) -> str:
        """Where users reach the API."""
        if self.api_public_url:
            return self.api_public_url.rstrip("/")
        return f"http://{_reachable(self.api_host)}:{self.api_port}"
