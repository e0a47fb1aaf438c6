"""`tiesgraph load|retract|extract|eval`: articles into the graph, out of it, and the fact view alone.

Expected failures (unreadable input, unknown article, unreachable Neo4j, a failed article in a batch)
print a message and exit with code 1, never a traceback.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Literal

import typer
from rich.markup import escape
from rich.table import Table

from graph_schema.codes import code_fields
from loaders.clean import clean
from loaders.errors import LoaderError
from loaders.feeds import feed_reader
from loaders.load import (
    DEFAULT_BATCH_SIZE,
    Extractor,
    LoadResult,
    default_extractor,
    load_sources,
    parse_shard,
    retract_article,
)
from loaders.load_faults import FailurePolicy
from loaders.models import ArticleExtraction
from loaders.read import ReadFailure, read_sources
from service.cli_common import err, fail, open_graph, out
from service.settings import Settings

FACT_VIEW_KEYS = ("source", "article", "entities", "facts")
"""The keys of one `tiesgraph extract` JSON object: the public fact view, nothing internal."""


def fact_view(extraction: ArticleExtraction) -> dict[str, Any]:
    """One article's public JSON: exactly source, article, entities and facts (each fact with its PLOVER
    category and mode and CAMEO root)."""
    dumped = extraction.model_dump(mode="json")
    dumped["facts"] = [{**fact, **code_fields(fact["relation"])} for fact in dumped["facts"]]
    return {key: dumped[key] for key in FACT_VIEW_KEYS}


def _short(source: str) -> str:
    """A file's name (a URL stays whole): the table has no room for long folders."""
    return source if source.startswith(("http://", "https://")) else Path(source).name


COMPACT_BELOW = 100
"""Terminals narrower than this many columns get the compact load table (no per-kind count columns)."""

_COLOURS = {"created": "green", "replaced": "cyan", "unchanged": "dim", "stored": "cyan", "failed": "red",
            "unconfirmed": "yellow", "skipped": "yellow"}
_COUNTS = ("entities", "claims", "events", "ties")


def stored_id(result: LoadResult) -> str:
    """The id of the article the graph holds for this result: the stored twin's when it was a duplicate."""
    summary = result.summary
    if summary is not None and summary.duplicate_of:
        return summary.duplicate_of
    return result.article_id or ""


def _counts(result: LoadResult) -> tuple[str, ...]:
    """What this run wrote, per kind: none for an unchanged or failed article."""
    summary = result.summary
    if summary is None or summary.status == "unchanged":
        return ("-",) * len(_COUNTS)
    return tuple(str(getattr(summary, kind)) for kind in _COUNTS)


def results_table(results: list[LoadResult], *, width: int) -> Table:
    """The load table: one row per article; narrower than `COMPACT_BELOW` columns, a compact layout."""
    compact = width < COMPACT_BELOW
    table = Table(title="Loaded articles", caption="written: entities/claims/events/ties" if compact else None)
    columns = ("source", "status", "article", "written") if compact else (
        "source", "article", "duplicate_of", "status", *_COUNTS)
    for column in columns:
        table.add_column(column, justify="right" if column in (*_COUNTS, "written") else "left", overflow="fold",
                         no_wrap=column in ("status", "written"))
    for result in results:
        status = f"[{_COLOURS[result.status]}]{result.status}[/]"
        duplicate_of = result.summary.duplicate_of if result.summary else None
        if compact:
            article = stored_id(result) + (" (duplicate)" if duplicate_of else "")
            table.add_row(escape(_short(result.source)), status, article, "/".join(_counts(result)))
        else:
            table.add_row(escape(_short(result.source)), stored_id(result), duplicate_of or "", status,
                          *_counts(result))
    return table


def print_failures(results: list[LoadResult]) -> list[LoadResult]:
    """Print one stderr line per failed result; the failed results."""
    failed = [r for r in results if r.status in ("failed", "unconfirmed")]
    for result in failed:
        err.print(f"[red]{result.status}[/] {escape(f'{result.source} [{result.error_code}]: {result.error}')}",
                  highlight=False)
    return failed


def status_counts(results: list[LoadResult]) -> str:
    """"3 created, 0 replaced, 17 unchanged, 0 failed" (and stored, unconfirmed, skipped when any)."""
    statuses = ("created", "replaced", "unchanged", "stored", "failed", "unconfirmed", "skipped")
    counts = {s: sum(r.status == s for r in results) for s in statuses}
    always = ("created", "replaced", "unchanged", "failed")
    return ", ".join(f"{n} {s}" for s, n in counts.items() if n or s in always)


def load_cmd(
    sources: Annotated[list[str], typer.Argument(
        help="Files, folders, http(s) URLs of articles, or RSS/Atom feed and sitemap URLs (their pages).")],
    shard: Annotated[str | None, typer.Option(
        "--shard", help="Load only shard i of n (i/n, 0-based): articles whose id hashes to i mod n.")] = None,
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="Draw a progress bar.")] = True,
    workers: Annotated[int, typer.Option(
        "--workers", min=1, help="Extract in N processes (one writer, input order; same graph as 1).")] = 1,
    batch_size: Annotated[int, typer.Option(
        "--batch-size", min=1, help="Articles per write transaction (a failed one is halved until the "
        "article at fault is alone; same graph as 1).")] = DEFAULT_BATCH_SIZE,
) -> None:
    """Read, extract and write articles into the graph (re-loading an unchanged article writes nothing)."""
    settings = Settings()
    try:
        shard_spec = parse_shard(shard) if shard else None
    except LoaderError as exc:
        raise fail(str(exc)) from None
    extract = default_extractor()
    policy = FailurePolicy(max_unavailable=settings.load_max_unavailable,
                           unavailable_seconds=settings.load_unavailable_seconds)
    with open_graph(settings) as driver:
        results = load_sources(driver, sources, database=settings.neo4j_database, extractor=extract,
                               progress=progress, shard=shard_spec, reader=feed_reader(), policy=policy,
                               workers=workers, batch_size=batch_size)
    out.print(results_table(results, width=out.width))
    failed = print_failures(results)
    out.print(status_counts(results))
    skipped = [r for r in results if r.status == "skipped"]
    if skipped:
        loaded = sum(r.ok for r in results)
        err.print(f"[bold red]stopped:[/] {escape(_stop_line(skipped[0], loaded, len(results) - loaded))}",
                  highlight=False)
        raise typer.Exit(code=3)
    if failed:
        raise typer.Exit(code=1)


def _stop_line(first_skipped: LoadResult, loaded: int, not_loaded: int) -> str:
    """The one line a stopped load ends with: why, what is in the graph, and what is not."""
    reason = (first_skipped.error or "").removeprefix("not attempted: ")
    return (f"{reason}; {loaded} articles are in the graph, {not_loaded} are not (or unconfirmed) — "
            "rerun the same command once Neo4j is back to complete the load")


def retract_cmd(
    ref: Annotated[str, typer.Argument(help="An article id (art:…), its URL, or the local file it came from.")],
) -> None:
    """Remove an article, its claims, and every tie, event and entity that only it supported."""
    settings = Settings()
    with open_graph(settings) as driver:
        try:
            summary = retract_article(driver, ref, database=settings.neo4j_database)
        except LoaderError as exc:
            raise fail(str(exc)) from None
    out.print(
        f"retracted {summary.article_id}: {summary.claims} claims; "
        f"{summary.ties} ties recomputed ({summary.ties_deleted} deleted), "
        f"{summary.events} events recomputed ({summary.events_deleted} deleted), "
        f"{summary.entities_deleted} orphan entities deleted"
    )


def _extract_all(sources: list[str], extract: Extractor) -> tuple[list[ArticleExtraction], dict[str, str]]:
    """Fact views of every article of ``sources``, and a message per input or article that failed (by source)."""
    extractions: list[ArticleExtraction] = []
    failures: dict[str, str] = {}
    for item in read_sources(sources):
        if isinstance(item, ReadFailure):
            failures[item.source] = f"{item.source} [{item.code}]: {item.message}"
            continue
        try:
            extractions.append(extract(clean(item)))
        except LoaderError as exc:
            failures[item.source] = f"{item.source} [{exc.code}]: {exc}"
        except Exception as exc:  # the extractor is pluggable: report its bug for this article, go on
            failures[item.source] = f"{item.source} [extraction_failed]: {type(exc).__name__}: {exc}"
    return extractions, failures


def _facts_table(extraction: ArticleExtraction) -> Table:
    names = {entity.id: entity.name for entity in extraction.entities}
    title = extraction.article.title or extraction.source
    table = Table(title=f"{title} ({extraction.article.id})", show_lines=False)
    for column in ("subject", "relation", "object", "date", "status", "conf.", "evidence"):
        table.add_column(column, overflow="fold", no_wrap=column in ("relation", "date", "status", "conf."))
    for fact in extraction.facts:
        evidence = fact.evidence if len(fact.evidence) <= 120 else fact.evidence[:117] + "…"
        table.add_row(names.get(fact.subject, fact.subject), fact.relation.value,
                      names.get(fact.object, fact.object), fact.date or "", fact.status.value,
                      f"{fact.confidence:.2f}", evidence)
    return table


def extract_cmd(
    sources: Annotated[list[str], typer.Argument(help="Files, folders or http(s) URLs of articles.")],
    fmt: Annotated[Literal["jsonl", "table"], typer.Option(
        "--format", help="jsonl: one fact-view JSON object per article; table: facts for reading.")] = "jsonl",
) -> None:
    """Print the fact view of articles without touching the database."""
    extractions, failures = _extract_all(sources, default_extractor())
    for extraction in extractions:
        if fmt == "jsonl":
            typer.echo(json.dumps(fact_view(extraction), ensure_ascii=False))
        else:
            out.print(_facts_table(extraction))
    for failure in failures.values():
        err.print(f"[red]failed[/] {escape(failure)}", highlight=False)
    if failures:
        raise typer.Exit(code=1)


def eval_cmd(
    articles: Annotated[list[str], typer.Argument(help="Article files or folders to extract and score.")],
    gold: Annotated[Path, typer.Option("--gold", help="Folder of gold files (<article stem>.json).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the full report as JSON.")] = False,
    min_precision: Annotated[float | None, typer.Option(
        min=0.0, max=1.0, help="Exit 1 when the total precision is below this (0..1).")] = None,
    min_recall: Annotated[float | None, typer.Option(
        min=0.0, max=1.0, help="Exit 1 when the total recall is below this (0..1).")] = None,
) -> None:
    """Score the extractor on the articles given against their gold files: precision, recall, date agreement.

    Gold files whose article was not given are listed and not scored."""
    from loaders import eval as scorer  # the scorer is only needed here

    if not gold.is_dir():
        raise fail(f"--gold {gold}: not a folder")
    gold_files = scorer.load_gold(gold)
    if not gold_files:
        raise fail(f"--gold {gold}: no *.json gold files")
    extractions, failures = _extract_all(articles, default_extractor())
    report = scorer.score(extractions, gold_files, failed=list(failures))
    if as_json:
        typer.echo(scorer.report_json(report))
    else:
        out.print(scorer.render_report(report))
        if report.unscored:
            err.print(f"[yellow]no gold file for:[/] {escape(', '.join(report.unscored))}", highlight=False)
        if report.not_given:
            err.print(f"[dim]not scored (article not given): {len(report.not_given)} gold files[/]", highlight=False)
    for failure in failures.values():
        err.print(f"[red]failed[/] {escape(failure)}", highlight=False)
    shortfalls = report.shortfalls(min_precision=min_precision, min_recall=min_recall)
    for shortfall in shortfalls:
        err.print(f"[bold red]target missed:[/] {escape(shortfall)}", highlight=False)
    if failures or shortfalls:
        raise typer.Exit(code=1)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the main app."""
    app.command("load")(load_cmd)
    app.command("retract")(retract_cmd)
    app.command("extract")(extract_cmd)
    app.command("eval")(eval_cmd)
