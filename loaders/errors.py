"""Errors raised by the loaders (one root).

    LoaderError                 root: anything the loaders refuse or fail at
    ├── InputError              the input cannot be read or parsed (missing file, bad JSON, no text)
    │   └── FetchError          an http(s) URL could not be fetched
    ├── RegistryError           a data file (registry, rules, templates) is malformed
    ├── ExtractionError         a stage failed on an article that was read correctly
    ├── WriteError              the graph write of one article failed (nothing of it was written)
    │   └── DuplicateTextError  a new version's text is already stored as another article
    └── ArticleNotFound         a retraction named an article (id, URL or file) that is not in the graph
"""

from __future__ import annotations


class LoaderError(Exception):
    """Root of every loader error; `code` is stable and appears in API error bodies."""

    code = "loader_error"


class InputError(LoaderError):
    """Raised when an input cannot be read or parsed."""

    code = "invalid_input"


class FetchError(InputError):
    """Raised when an http(s) URL cannot be fetched."""

    code = "fetch_failed"


class RegistryError(LoaderError):
    """Raised when a data file of the registry or the rules is malformed (bad YAML, bad entry, duplicate id)."""

    code = "registry_invalid"


class ExtractionError(LoaderError):
    """Raised when a stage fails on an article that was read correctly."""

    code = "extraction_failed"


class WriteError(LoaderError):
    """Raised when writing one article's graph failed; the transaction was rolled back."""

    code = "write_failed"


class DuplicateTextError(WriteError):
    """Raised when an article's new version has a text already stored as another article (retract one first)."""

    code = "duplicate_text"


class ArticleNotFound(LoaderError):
    """Raised when a retraction names an article (id, URL or file) that is not in the graph."""

    code = "article_not_found"
