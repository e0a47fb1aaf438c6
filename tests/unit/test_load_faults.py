"""The load's failure policy without a database: which errors mean "Neo4j unreachable", which mean "the
commit was cut off", and when the cut-off stops a batch."""

from __future__ import annotations

import time

import pytest
from neo4j.exceptions import AuthError, IncompleteCommit, ServiceUnavailable, SessionExpired

from loaders.errors import InputError, WriteError
from loaders.load_faults import CutOff, FailurePolicy, commit_lost, unavailable


def _wrapped(cause: BaseException) -> WriteError:
    try:
        raise WriteError("art:x: the graph write failed") from cause
    except WriteError as exc:
        return exc


@pytest.mark.parametrize("cause", [ServiceUnavailable("gone"), SessionExpired("gone"), IncompleteCommit("gone"),
                                   ConnectionResetError()])
def test_connection_errors_mean_unreachable(cause: BaseException) -> None:
    assert unavailable(_wrapped(cause))


@pytest.mark.parametrize("error", [_wrapped(AuthError("no")), InputError("bad"), WriteError("wrote 1 of 2")])
def test_refusals_and_bad_input_are_not_unreachable(error: Exception) -> None:
    assert not unavailable(error)


def test_only_an_incomplete_commit_is_a_lost_commit() -> None:
    assert commit_lost(_wrapped(IncompleteCommit("cut")))
    assert not commit_lost(_wrapped(ServiceUnavailable("before commit: rolled back")))


def test_the_cut_off_counts_a_streak_and_a_success_resets_it() -> None:
    cut = CutOff(FailurePolicy(max_unavailable=3, unavailable_seconds=1000))
    gone = _wrapped(ServiceUnavailable("gone"))
    for _ in range(2):
        cut.record(gone, time.monotonic())
    assert cut.reason is None
    cut.record(None, time.monotonic())  # a success
    cut.record(InputError("bad"), time.monotonic())  # not about Neo4j
    for _ in range(2):
        cut.record(gone, time.monotonic())
    assert cut.reason is None
    cut.record(gone, time.monotonic())
    assert cut.reason == "Neo4j was unreachable for 3 articles in a row"


def test_the_cut_off_stops_on_time_spent_unreachable() -> None:
    cut = CutOff(FailurePolicy(max_unavailable=100, unavailable_seconds=5))
    cut.record(_wrapped(ServiceUnavailable("gone")), time.monotonic() - 6)
    assert cut.reason is not None and "6 s" in cut.reason
