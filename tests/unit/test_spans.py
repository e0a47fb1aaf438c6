"""`Spans` (the mention finders' taken spans, asked by bisection) answers exactly what a scan of the list
of spans answered: containment ``a <= pos < b`` and overlap ``a < end and start < b``, for overlapping,
touching, empty and reversed spans alike, and stays fast in a sentence with tens of thousands of them."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from loaders.text import Spans

_SPAN = st.tuples(st.integers(0, 40), st.integers(0, 40))


@settings(max_examples=600, deadline=None)
@given(st.lists(_SPAN, max_size=14), st.lists(_SPAN, max_size=8), st.lists(st.integers(-1, 41), max_size=8))
def test_spans_answer_what_a_scan_answers(taken: list[tuple[int, int]], asked: list[tuple[int, int]],
                                          points: list[int]) -> None:
    spans = Spans()
    for n, (a, b) in enumerate(taken):  # growing: asked after every span added
        spans.add(a, b)
        so_far = taken[: n + 1]
        for start, end in asked:
            assert spans.overlaps(start, end) == any(x < end and start < y for x, y in so_far)
        for pos in points:
            assert spans.covers(pos) == any(x <= pos < y for x, y in so_far)
    built = Spans(taken)  # at once, by one sweep
    for start, end in asked:
        assert built.overlaps(start, end) == any(x < end and start < y for x, y in taken)
    for pos in points:
        assert built.covers(pos) == any(x <= pos < y for x, y in taken)


def test_touching_spans_do_not_merge_into_one_that_holds_their_border() -> None:
    spans = Spans([(0, 5), (5, 8)])
    assert spans.covers(5) and not spans.covers(8)
    assert not spans.overlaps(5, 5)  # an empty span on the border is inside neither
    spans.add(3, 7)
    assert spans.overlaps(5, 5)


def test_fifty_thousand_spans_are_asked_in_logarithmic_time() -> None:
    started = time.process_time()
    spans = Spans((10 * i, 10 * i + 4) for i in range(50_000))
    covered = sum(spans.covers(p) for p in range(0, 500_000, 3))
    overlapped = sum(spans.overlaps(p, p + 2) for p in range(0, 500_000, 7))
    assert covered == sum(p % 10 < 4 for p in range(0, 500_000, 3))
    assert overlapped == sum(p % 10 < 4 or p % 10 == 9 for p in range(0, 500_000, 7))
    assert time.process_time() - started < 2.0  # a scan per question: ~10^10 comparisons
