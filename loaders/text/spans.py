"""Taken character spans of a sentence, asked "is this offset or span inside one?" by bisection.

The mention finders keep the spans already claimed by a mention and test every candidate word against
them; a list scanned per word is quadratic in a long sentence (a 4 MB line is one sentence). `Spans`
answers the same two questions as those scans in O(log n):

- ``covers(pos)``: some taken [a, b) holds ``pos`` (``a <= pos < b``);
- ``overlaps(start, end)``: some taken [a, b) overlaps [start, end) (``a < end and start < b``).

It keeps the union of the non-empty spans as sorted, disjoint runs (spans that overlap are merged; spans
that only touch are not, so the strict comparisons above give the answers a scan would), and empty
spans apart (they overlap a span that holds them strictly inside). Reversed spans (end < start, which no
finder makes or asks about) are answered by the old scan over every span added, so every answer is the
scan's.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable

Span = tuple[int, int]


class Spans:
    """A growing set of [start, end) spans with O(log n) containment and overlap questions."""

    __slots__ = ("_all", "_ends", "_points", "_reversed", "_starts")

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self._all: list[Span] = list(spans)  # every span added, for a reversed question
        starts: list[int] = []  # disjoint runs, sorted: _ends is sorted as well
        ends: list[int] = []
        points: list[int] = []  # empty spans' offsets, sorted
        self._reversed: list[Span] = []
        for a, b in sorted(self._all):  # one sweep in order: overlapping spans merge
            if a < b:
                if ends and a < ends[-1]:
                    if b > ends[-1]:
                        ends[-1] = b
                else:
                    starts.append(a)
                    ends.append(b)
            elif a == b:
                points.append(a)
            else:
                self._reversed.append((a, b))
        self._starts, self._ends, self._points = starts, ends, points

    def add(self, start: int, end: int) -> None:
        """Take [start, end)."""
        self._all.append((start, end))
        if end == start:
            insort(self._points, start)
            return
        if end < start:
            self._reversed.append((start, end))
            return
        starts, ends = self._starts, self._ends
        if not ends or start >= ends[-1]:  # after every run (spans are mostly added in text order)
            starts.append(start)
            ends.append(end)
            return
        lo = bisect_right(ends, start)  # the first run ending after `start`
        hi = bisect_left(starts, end)  # the first run starting at or after `end`
        if lo < hi:  # runs lo..hi-1 overlap [start, end): one run now
            start, end = min(start, starts[lo]), max(end, ends[hi - 1])
        starts[lo:hi] = [start]
        ends[lo:hi] = [end]

    def covers(self, pos: int) -> bool:
        """Whether a taken span holds `pos` (``a <= pos < b``)."""
        i = bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self._ends[i]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a taken span overlaps [start, end) (``a < end and start < b``)."""
        if end < start:
            return any(a < end and start < b for a, b in self._all)
        i = bisect_left(self._starts, end) - 1  # the last run starting before `end`: the furthest-reaching
        if i >= 0 and self._ends[i] > start:
            return True
        j = bisect_right(self._points, start)
        if j < len(self._points) and self._points[j] < end:
            return True
        return bool(self._reversed) and any(a < end and start < b for a, b in self._reversed)
