"""Dates: expressions in a text (`find`), the publication date of a record (`published`), datelines
and lead-ins (`dateline`). Nothing is resolved against today's clock, so extraction stays deterministic."""

from loaders.dates.dateline import Dateline, parse_dateline, parse_leadin
from loaders.dates.find import DateMention, DatePrecision, find_dates, is_stamp
from loaders.dates.published import normalize_published, parse_published, published_precision

__all__ = ["DateMention", "DatePrecision", "Dateline", "find_dates", "is_stamp", "normalize_published",
           "parse_dateline", "parse_leadin", "parse_published", "published_precision"]
