"""The accuracy scorer: fact views against gold files, by the scoring rules restated below.

* Entities match when a name or alias of the produced entity (`name`, `aliases`, `known_aliases`) equals
  the gold name or one of its `aliases_in_text`, after case folding, accent stripping and white-space
  folding. A gold subject/object may be a list: any one matches. `"*"` matches anything.
* A produced fact matches a gold fact when the relation is equal and subject and object match (either
  order for MET_WITH, COOPERATES_WITH, SIGNED_AGREEMENT_WITH). Each produced fact matches at most one
  gold fact and the other way round (a maximum bipartite matching, date-agreeing pairs tried first).
* Optional gold facts count for neither side: a produced fact matching one is left out of `produced`.
* A produced fact matching a `forbidden` entry (wildcards and `evidence_contains` allowed) is an error
  whatever else happens: it never matches gold and counts in `produced` and in `forbidden`.
* Date agreement: a matched fact's date equals the gold date at the gold's precision (both null agrees).
* Precision = matched / produced, recall = matched / gold; with nothing to divide by, 1.0.

Gold files map to articles by file-name stem: `gold/<stem>.json` scores the extraction whose source
file is `<stem>.<ext>`. Only the articles given are scored: a gold file whose article was not given is
listed in `not_given` and counts for nothing (it is not a recall of 0); an article that was given but
failed to extract is scored as producing nothing.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, computed_field
from rich.table import Table

from graph_schema.model import SYMMETRIC_RELATIONS
from graph_schema.text import search_fold
from loaders.models import ArticleExtraction, Fact

WILDCARD = "*"
_SYMMETRIC = frozenset(r.value for r in SYMMETRIC_RELATIONS)


def normalize_name(name: str) -> str:
    """Case-folded, accent-stripped, white-space-folded form of a name, for comparisons."""
    return search_fold(name)


class FactLine(BaseModel):
    """A fact in a report: names instead of ids."""

    subject: str
    relation: str
    object: str
    date: str | None = None
    evidence: str = ""
    gold_date: str | None = None  # in `misdated`: the date the gold gives


class ArticleScore(BaseModel):
    """The score of one article (or, summed, of a corpus)."""

    article: str
    gold: int = Field(default=0, description="required gold facts")
    produced: int = Field(default=0, description="produced facts, less those matching optional gold")
    matched: int = 0
    date_agreed: int = 0
    forbidden: int = 0
    optional_matched: int = 0
    missed: list[FactLine] = Field(default_factory=list)
    wrong: list[FactLine] = Field(default_factory=list, description="produced, unmatched (forbidden too)")
    forbidden_facts: list[FactLine] = Field(default_factory=list)
    misdated: list[FactLine] = Field(default_factory=list,
                                     description="matched facts whose date disagrees: the produced fact, "
                                                 "with the gold date in `gold_date`")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float:
        """Matched over produced (1.0 when nothing was produced)."""
        return self.matched / self.produced if self.produced else 1.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float:
        """Matched over gold (1.0 when the gold has no required fact)."""
        return self.matched / self.gold if self.gold else 1.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def date_agreement(self) -> float:
        """Share of matched facts whose date agrees with gold's (1.0 when none matched)."""
        return self.date_agreed / self.matched if self.matched else 1.0


class EvalReport(BaseModel):
    """Per-article scores, their total, extractions that had no gold file, gold files with no article given."""

    articles: list[ArticleScore]
    total: ArticleScore
    unscored: list[str] = Field(default_factory=list, description="articles given that have no gold file")
    not_given: list[str] = Field(default_factory=list, description="gold files (stems) whose article was not given")

    def shortfalls(self, *, min_precision: float | None, min_recall: float | None) -> list[str]:
        """One message per target the total misses (nothing scored misses every target asked for)."""
        targets = [("precision", self.total.precision, min_precision), ("recall", self.total.recall, min_recall)]
        asked = [(name, value, floor) for name, value, floor in targets if floor is not None]
        if asked and not self.articles:
            return ["no article given has a gold file: nothing was scored"]
        return [f"{name} {value:.3f} is below --min-{name} {floor:.3f}"
                for name, value, floor in asked if value < floor]


def load_gold(directory: str | Path) -> dict[str, dict[str, Any]]:
    """Gold files of a folder, keyed by file-name stem."""
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(directory).glob("*.json"))}


def article_key(source: str) -> str:
    """The gold key of a source: the file-name stem of its path or URL (without a `#L<n>` suffix)."""
    return Path(source.split("#", 1)[0].rstrip("/")).stem


class _Names:
    """Name sets of produced entity ids and of gold entity names."""

    def __init__(self, extraction: ArticleExtraction | None, gold: Mapping[str, Any]) -> None:
        self.produced: dict[str, frozenset[str]] = {}
        self.display: dict[str, str] = {}
        for e in extraction.entities if extraction else ():
            names = {normalize_name(n) for n in (e.name, *e.aliases, *e.known_aliases) if n}
            self.produced[e.id] = frozenset(names)
            self.display[e.id] = e.name
        self.gold: dict[str, frozenset[str]] = {}
        for g in gold.get("entities") or ():
            names = {normalize_name(n) for n in (g.get("name"), *(g.get("aliases_in_text") or ())) if n}
            key = normalize_name(str(g.get("name", "")))
            self.gold[key] = self.gold.get(key, frozenset()) | frozenset(names)

    def of_id(self, entity_id: str) -> frozenset[str]:
        """Names of a produced entity (its id itself when the extraction does not list it)."""
        return self.produced.get(entity_id, frozenset({normalize_name(entity_id)}))

    def of_gold(self, ref: Any) -> frozenset[str] | None:
        """Acceptable names of a gold subject/object (a name or a list of names); None is the wildcard."""
        refs = ref if isinstance(ref, list) else [ref]
        out: set[str] = set()
        for r in refs:
            if r == WILDCARD:
                return None
            key = normalize_name(str(r))
            out |= self.gold.get(key, frozenset({key}))
        return frozenset(out)


def _ends_match(fact: Fact, subj: frozenset[str] | None, obj: frozenset[str] | None, names: _Names) -> bool:
    """Whether subject and object of `fact` match the gold's (either order when symmetric)."""
    s, o = names.of_id(fact.subject), names.of_id(fact.object)

    def ok(produced: frozenset[str], gold: frozenset[str] | None) -> bool:
        return gold is None or bool(produced & gold)

    if ok(s, subj) and ok(o, obj):
        return True
    return fact.relation.value in _SYMMETRIC and ok(s, obj) and ok(o, subj)


def _relation_match(fact: Fact, relation: Any) -> bool:
    """Whether the fact's relation equals the gold's (or the gold has the wildcard)."""
    return relation == WILDCARD or fact.relation.value == str(relation)


def date_agrees(produced: str | None, gold: str | None) -> bool:
    """Whether a produced date equals the gold date at the gold's precision (both null agrees)."""
    if gold is None:
        return produced is None
    return produced is not None and produced[: len(gold)] == gold


def _is_forbidden(fact: Fact, rules: Sequence[Mapping[str, Any]], names: _Names) -> bool:
    """Whether a produced fact matches any forbidden entry."""
    for rule in rules:
        if not _relation_match(fact, rule.get("relation", WILDCARD)):
            continue
        subj = names.of_gold(rule.get("subject", WILDCARD))
        obj = names.of_gold(rule.get("object", WILDCARD))
        if not _ends_match(fact, subj, obj, names):
            continue
        needle = rule.get("evidence_contains")
        if needle and normalize_name(str(needle)) not in normalize_name(fact.evidence):
            continue
        return True
    return False


def _max_matching(edges: list[list[int]], n_right: int) -> dict[int, int]:
    """Maximum bipartite matching (Kuhn): left index -> right index; edges in order of preference."""
    right_of: dict[int, int] = {}

    def augment(left: int, seen: set[int]) -> bool:
        for right in edges[left]:
            if right in seen:
                continue
            seen.add(right)
            if right not in right_of or augment(right_of[right], seen):
                right_of[right] = left
                return True
        return False

    for left in range(len(edges)):
        augment(left, set())
    return {left: right for right, left in right_of.items()}


def _line(fact: Fact, names: _Names) -> FactLine:
    """A produced fact with entity names."""
    return FactLine(
        subject=names.display.get(fact.subject, fact.subject),
        relation=fact.relation.value,
        object=names.display.get(fact.object, fact.object),
        date=fact.date,
        evidence=fact.evidence,
    )


def _gold_line(g: Mapping[str, Any]) -> FactLine:
    """A gold fact as a report line."""

    def show(ref: Any) -> str:
        return " | ".join(map(str, ref)) if isinstance(ref, list) else str(ref)

    return FactLine(
        subject=show(g.get("subject")),
        relation=str(g.get("relation")),
        object=show(g.get("object")),
        date=g.get("date"),
        evidence=str(g.get("evidence") or ""),
    )


def score_article(extraction: ArticleExtraction | None, gold: Mapping[str, Any], *, article: str = "") -> ArticleScore:
    """Score one article's fact view (None: nothing was produced) against its gold."""
    names = _Names(extraction, gold)
    facts = list(extraction.facts) if extraction else []
    gold_facts: list[Mapping[str, Any]] = list(gold.get("facts") or ())
    required = [g for g in gold_facts if not g.get("optional")]
    optional = [g for g in gold_facts if g.get("optional")]
    forbidden_rules: list[Mapping[str, Any]] = list(gold.get("forbidden") or ())

    forbidden = [i for i, f in enumerate(facts) if _is_forbidden(f, forbidden_rules, names)]
    eligible = [i for i in range(len(facts)) if i not in set(forbidden)]

    def candidates(pool: list[Mapping[str, Any]], fact: Fact) -> list[int]:
        hits = [
            j
            for j, g in enumerate(pool)
            if _relation_match(fact, g.get("relation"))
            and _ends_match(fact, names.of_gold(g.get("subject")), names.of_gold(g.get("object")), names)
        ]
        return sorted(hits, key=lambda j: not date_agrees(fact.date, pool[j].get("date")))

    main = _max_matching([candidates(required, facts[i]) for i in eligible], len(required))
    matched_pairs = {eligible[left]: right for left, right in main.items()}
    rest = [i for i in eligible if i not in matched_pairs]
    extra = _max_matching([candidates(optional, facts[i]) for i in rest], len(optional))
    optional_hits = {rest[left] for left in extra}

    matched_gold = set(matched_pairs.values())
    wrong = [i for i in range(len(facts)) if i not in matched_pairs and i not in optional_hits]
    return ArticleScore(
        article=article,
        gold=len(required),
        produced=len(facts) - len(optional_hits),
        matched=len(matched_pairs),
        date_agreed=sum(1 for i, j in matched_pairs.items() if date_agrees(facts[i].date, required[j].get("date"))),
        forbidden=len(forbidden),
        optional_matched=len(optional_hits),
        missed=[_gold_line(g) for j, g in enumerate(required) if j not in matched_gold],
        wrong=[_line(facts[i], names) for i in wrong],
        forbidden_facts=[_line(facts[i], names) for i in forbidden],
        misdated=[_line(facts[i], names).model_copy(update={"gold_date": required[j].get("date")})
                  for i, j in matched_pairs.items() if not date_agrees(facts[i].date, required[j].get("date"))],
    )


def score(extractions: Sequence[ArticleExtraction], gold: Mapping[str, Mapping[str, Any]], *,
          failed: Sequence[str] = ()) -> EvalReport:
    """Score the given articles against gold files keyed by stem (`failed`: sources given that produced no
    extraction, scored as producing nothing); gold files with no article given are listed, not scored."""
    by_key: dict[str, list[ArticleExtraction]] = {}
    unscored: list[str] = []
    for extraction in extractions:
        key = article_key(extraction.source)
        if key in gold:
            by_key.setdefault(key, []).append(extraction)
        else:
            unscored.append(extraction.source)
    failed_keys = {article_key(source) for source in failed} & set(gold)
    articles: list[ArticleScore] = []
    for key in sorted(set(by_key) | failed_keys):
        found = by_key.get(key, [])
        if len(found) <= 1:
            articles.append(score_article(found[0] if found else None, gold[key], article=key))
        else:  # several forms of one article (its .txt and .json): each is scored, and counts, on its own
            articles.extend(score_article(e, gold[key], article=Path(e.source).name) for e in found)
    not_given = sorted(set(gold) - set(by_key) - failed_keys)
    return EvalReport(articles=articles, total=total(articles), unscored=unscored, not_given=not_given)


def total(scores: Sequence[ArticleScore]) -> ArticleScore:
    """The sum of article scores (micro-averaged precision, recall and date agreement)."""
    return ArticleScore(
        article="TOTAL",
        gold=sum(s.gold for s in scores),
        produced=sum(s.produced for s in scores),
        matched=sum(s.matched for s in scores),
        date_agreed=sum(s.date_agreed for s in scores),
        forbidden=sum(s.forbidden for s in scores),
        optional_matched=sum(s.optional_matched for s in scores),
    )


def render_report(report: EvalReport) -> Table:
    """The report as a rich table: one row per article and a total row."""
    table = Table(title="Extraction accuracy (fact view vs gold)")
    for column in ("article", "gold", "produced", "matched", "precision", "recall", "dates", "forbidden"):
        if column == "article":
            table.add_column(column, justify="left", overflow="fold", min_width=20)
        else:
            table.add_column(column, justify="right")
    for row in [*report.articles, report.total]:
        table.add_row(
            row.article,
            str(row.gold),
            str(row.produced),
            str(row.matched),
            f"{row.precision:.2f}",
            f"{row.recall:.2f}",
            f"{row.date_agreed}/{row.matched}",
            str(row.forbidden) if not row.forbidden else f"[red]{row.forbidden}[/red]",
            end_section=row is report.articles[-1] if report.articles else False,
        )
    return table


def report_json(report: EvalReport) -> str:
    """The report as JSON (scores, missed and wrong facts per article)."""
    return report.model_dump_json(indent=2)
