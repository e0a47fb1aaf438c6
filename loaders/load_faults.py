"""What a batch load does when Neo4j goes away: the truth about each article, and when to stop.

A write that fails because Neo4j could not be reached was rolled back (the transaction never
committed), except in one case: the connection was lost *while committing* (the driver's
`IncompleteCommit`). Then the article may be stored whole or not at all, and the loader asks the graph:
the stored version's fingerprint equals this one's → "stored"; it differs or is missing → the write was
rolled back; Neo4j cannot be asked → "unconfirmed", which a rerun settles (the writer is idempotent).

`CutOff` stops a batch once Neo4j has been unreachable for `max_unavailable` articles in a row or for
`unavailable_seconds` in all, so a dead database costs seconds, not one retry cycle per article.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import LiteralString

from neo4j import Driver, RoutingControl
from neo4j.exceptions import DriverError, IncompleteCommit, Neo4jError, ServiceUnavailable, SessionExpired
from pydantic import BaseModel, ConfigDict, Field

from loaders.errors import LoaderError, WriteError
from loaders.models import ArticleExtraction
from loaders.write.rows import plan_write

STORED_FINGERPRINT: LiteralString = "MATCH (a:Article {id: $id}) RETURN a.fingerprint AS fingerprint"
"""The fingerprint of the stored version of an article (no row when it is not stored)."""


class WriteUnconfirmed(WriteError):
    """Raised when the connection was lost while committing and Neo4j cannot be asked whether it committed."""

    code = "write_unconfirmed"


class FailurePolicy(BaseModel):
    """When a batch gives up on an unreachable Neo4j (the other articles are reported not attempted)."""

    model_config = ConfigDict(frozen=True)

    max_unavailable: int = Field(default=3, ge=1)
    """Consecutive articles whose write found Neo4j unreachable."""
    unavailable_seconds: float = Field(default=30.0, gt=0)
    """Seconds spent in all on writes that found Neo4j unreachable."""


def unavailable(error: BaseException) -> bool:
    """Whether ``error`` (or what caused it) says Neo4j could not be reached, rather than that it refused."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, ServiceUnavailable | SessionExpired | ConnectionError):
            return True
        cause = cause.__cause__
    return False


def commit_lost(error: BaseException) -> bool:
    """Whether the connection was lost while the article's transaction was committing."""
    return isinstance(error, IncompleteCommit) or (
        error.__cause__ is not None and commit_lost(error.__cause__))


def stored_as_planned(driver: Driver, extraction: ArticleExtraction, *, database: str) -> bool:
    """True when the graph holds this very version of the article; `WriteUnconfirmed` when it cannot say."""
    fingerprint = plan_write(extraction).article["fingerprint"]
    article_id = extraction.article.id
    try:
        records, _, _ = driver.execute_query(STORED_FINGERPRINT, id=article_id, database_=database,
                                             routing_=RoutingControl.READ)
    except (Neo4jError, DriverError, OSError) as exc:
        raise WriteUnconfirmed(
            f"{article_id}: the connection to Neo4j was lost while committing and Neo4j cannot be asked "
            "whether the commit happened: the article is stored whole or not at all (unknown which); "
            "rerun the load to complete it") from exc
    return bool(records) and records[0]["fingerprint"] == fingerprint


class CutOff:
    """Counts writes that found Neo4j unreachable; `reason` says why the batch should stop (or None)."""

    def __init__(self, policy: FailurePolicy) -> None:
        self.policy = policy
        self.streak = 0
        self.seconds = 0.0

    def record(self, error: LoaderError | None, started: float) -> None:
        """Account for one article's write, begun at ``started`` (`time.monotonic`), failed with ``error``."""
        self.record_many([error], started)

    def record_many(self, errors: Sequence[LoaderError | None], started: float) -> None:
        """Account for one transaction's articles, in order (``errors``: each one's write error or None)."""
        for error in errors:
            self.streak = self.streak + 1 if error is not None and unavailable(error) else 0
        if any(error is not None and unavailable(error) for error in errors):
            self.seconds += time.monotonic() - started

    @property
    def reason(self) -> str | None:
        """Why to stop now, or None to go on."""
        if self.streak >= self.policy.max_unavailable:
            return f"Neo4j was unreachable for {self.streak} articles in a row"
        if self.seconds >= self.policy.unavailable_seconds:
            return f"Neo4j was unreachable for {self.seconds:.0f} s of writes in all"
        return None
