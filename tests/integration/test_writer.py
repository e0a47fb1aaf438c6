"""Writing an article's fact view to the real Neo4j: evidence, derived ties, idempotence, replacement."""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import Driver

from graph_schema.model import EntityType, Modality
from loaders.errors import WriteError
from loaders.load import retract_article
from loaders.models import ArticleExtraction, Entity
from loaders.write import write_article
from service.settings import Settings
from tests.factories import (
    ARMS_KEY,
    ARMS_SENTENCE,
    ENTITIES,
    MEETING_KEY,
    MEETING_SENTENCE,
    arms_fact,
    graph_counts,
    make_extraction,
    meeting_fact,
    query,
    tie,
)

pytestmark = pytest.mark.usefixtures("schema_applied")



def test_writing_an_extraction_stores_entities_claims_with_evidence_ties_and_events(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    summary = write_article(empty_graph, make_extraction(), database=neo4j_settings.neo4j_database)
    assert (summary.status, summary.entities, summary.claims, summary.events, summary.ties) == (
        "created", 6, 2, 1, 2)

    labels = query(empty_graph, neo4j_settings,
                   "MATCH (e:Entity) RETURN e.id AS id, labels(e) AS labels, e.search_text AS st ORDER BY id")
    assert {r["id"]: sorted(r["labels"]) for r in labels} == {
        "MMR": ["Country", "Entity"], "RUS": ["Country", "Entity"], "per:min-aung-hlaing": ["Entity", "Person"],
        "per:sergei-shoigu": ["Entity", "Person"], "plc:moscow": ["Entity", "Place"],
        "wpn:su-30": ["Entity", "Weapon"],
    }
    assert next(r["st"] for r in labels if r["id"] == "RUS") == "russia | rusia"

    claims = query(empty_graph, neo4j_settings, """
        MATCH (a:Article {id: 'art:one'})<-[:FROM_ARTICLE]-(c:Claim)-[:SUBJECT]->(s),
              (c)-[:OBJECT]->(o)
        RETURN c.relation AS relation, s.id AS s, o.id AS o, c.sentence AS sentence, c.start AS start,
               c.end AS end, c.status AS status, c.extractor AS extractor, c.confidence AS confidence
        ORDER BY relation""")
    assert claims == [
        {"relation": "MET_WITH", "s": "per:sergei-shoigu", "o": "per:min-aung-hlaing",
         "sentence": MEETING_SENTENCE, "start": 0, "end": len(MEETING_SENTENCE), "status": "happened",
         "extractor": "rules.v1", "confidence": 0.9},
        {"relation": "SUPPLIES_ARMS_TO", "s": "RUS", "o": "MMR", "sentence": ARMS_SENTENCE,
         "start": len(MEETING_SENTENCE) + 1, "end": len(MEETING_SENTENCE) + 1 + len(ARMS_SENTENCE),
         "status": "agreed", "extractor": "rules.v1", "confidence": 0.7},
    ]

    meeting = tie(empty_graph, neo4j_settings, MEETING_KEY)
    assert meeting is not None
    assert {k: meeting[k] for k in ("support", "articles", "confidence", "statuses", "first_date", "last_date")} \
        == {"support": 1, "articles": 1, "confidence": 0.9, "statuses": ["happened"],
            "first_date": "2021-06-22", "last_date": "2021-06-22"}
    arms = query(empty_graph, neo4j_settings,
                 "MATCH (:Country {id: 'RUS'})-[r:SUPPLIES_ARMS_TO]->(:Country {id: 'MMR'}) RETURN r.key AS key")
    assert arms == [{"key": ARMS_KEY}]

    events = query(empty_graph, neo4j_settings, """
        MATCH (ev:Event:Meeting)<-[:ABOUT]-(:Claim)
        MATCH (ev)-[:TOOK_PLACE_IN]->(p:Place)
        MATCH (x)-[r:PARTICIPATED_IN]->(ev)
        RETURN ev.support AS support, ev.status AS status, ev.date AS date, p.id AS place,
               collect(DISTINCT [x.id, r.role]) AS participants""")
    assert len(events) == 1
    assert events[0]["support"] == 1 and events[0]["status"] == "happened" and events[0]["place"] == "plc:moscow"
    assert sorted(events[0]["participants"]) == [["per:min-aung-hlaing", "object"],
                                                 ["per:sergei-shoigu", "subject"]]

    structure = query(empty_graph, neo4j_settings, """
        MATCH (a)-[r:BELONGS_TO|LOCATED_IN]->(c:Country) RETURN a.id AS a, type(r) AS t, c.id AS c ORDER BY a""")
    assert structure == [
        {"a": "per:min-aung-hlaing", "t": "BELONGS_TO", "c": "MMR"},
        {"a": "per:sergei-shoigu", "t": "BELONGS_TO", "c": "RUS"},
        {"a": "plc:moscow", "t": "LOCATED_IN", "c": "RUS"},
    ]
    mentions = query(empty_graph, neo4j_settings,
                     "MATCH (:Article {id: 'art:one'})-[m:MENTIONS]->(e) RETURN count(m) AS n")
    assert mentions == [{"n": 6}]


def test_writing_the_same_extraction_again_is_unchanged_and_writes_nothing(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    db = neo4j_settings.neo4j_database
    write_article(empty_graph, make_extraction(), database=db)
    before = graph_counts(empty_graph, neo4j_settings)
    loaded_at = query(empty_graph, neo4j_settings, "MATCH (a:Article) RETURN a.loaded_at AS t")
    again = write_article(empty_graph, make_extraction(), database=db)
    assert again.status == "unchanged"
    assert graph_counts(empty_graph, neo4j_settings) == before
    assert query(empty_graph, neo4j_settings, "MATCH (a:Article) RETURN a.loaded_at AS t") == loaded_at


@pytest.mark.parametrize("change", ["content", "extractor"])
def test_a_changed_version_replaces_only_that_articles_facts(
    empty_graph: Driver, neo4j_settings: Settings, change: str
) -> None:
    db = neo4j_settings.neo4j_database
    write_article(empty_graph, make_extraction(), database=db)
    if change == "content":
        new = make_extraction(facts=[meeting_fact(confidence=0.6)], content_hash="hash-2")
    else:
        new = make_extraction(facts=[meeting_fact(confidence=0.6, extractor="rules.v2")])
    summary = write_article(empty_graph, new, database=db)
    assert summary.status == "replaced"
    assert summary.claims == 1

    assert tie(empty_graph, neo4j_settings, ARMS_KEY) is None
    meeting = tie(empty_graph, neo4j_settings, MEETING_KEY)
    assert meeting is not None and (meeting["support"], meeting["confidence"]) == (1, 0.6)
    assert query(empty_graph, neo4j_settings, "MATCH (c:Claim) RETURN c.relation AS r") == [{"r": "MET_WITH"}]
    # Entities only the old version named are gone; the others stay.
    ids = {r["id"] for r in query(empty_graph, neo4j_settings, "MATCH (e:Entity) RETURN e.id AS id")}
    assert ids == {"per:sergei-shoigu", "per:min-aung-hlaing", "plc:moscow"}
    # Writing the new version once more is a no-op.
    before = graph_counts(empty_graph, neo4j_settings)
    assert write_article(empty_graph, new, database=db).status == "unchanged"
    assert graph_counts(empty_graph, neo4j_settings) == before


def test_replacing_with_the_same_facts_keeps_the_graph_identical(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    db = neo4j_settings.neo4j_database
    write_article(empty_graph, make_extraction(), database=db)
    before = graph_counts(empty_graph, neo4j_settings)
    assert write_article(empty_graph, make_extraction(content_hash="hash-2"), database=db).status == "replaced"
    assert graph_counts(empty_graph, neo4j_settings) == before



def test_replacing_one_of_two_supporting_articles_keeps_the_shared_tie_exact(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    db = neo4j_settings.neo4j_database
    write_article(empty_graph, make_extraction("art:one"), database=db)
    write_article(empty_graph, make_extraction("art:two", facts=[meeting_fact(confidence=0.5)]), database=db)
    # The same meeting claim, the arms deal dropped: the meeting keeps both articles' support.
    summary = write_article(empty_graph, make_extraction("art:one", facts=[meeting_fact()], content_hash="hash-2"),
                            database=db)
    assert summary.status == "replaced"
    meeting = tie(empty_graph, neo4j_settings, MEETING_KEY)
    assert meeting is not None
    assert (meeting["support"], meeting["articles"], meeting["confidence"]) == (2, 2, 0.9)
    assert tie(empty_graph, neo4j_settings, ARMS_KEY) is None
    # A changed claim: the tie is recomputed.
    write_article(empty_graph, make_extraction("art:one", facts=[meeting_fact(confidence=0.4, date="2021-06-23")],
                                               content_hash="hash-3"), database=db)
    meeting = tie(empty_graph, neo4j_settings, MEETING_KEY)
    assert meeting is not None
    assert (meeting["support"], meeting["confidence"], meeting["first_date"], meeting["last_date"]) == (
        2, 0.5, "2021-06-22", "2021-06-23")
    assert query(empty_graph, neo4j_settings, "MATCH (ev:Event) RETURN ev.support AS s, ev.dates AS d") == [
        {"s": 2, "d": ["2021-06-22", "2021-06-23"]}]

def _broken_extraction(article_id: str, content_hash: str) -> ArticleExtraction:
    # A map is not a legal property value: the claim MERGE fails after entities were already written.
    broken = arms_fact().model_copy(update={"evidence": {"not": "a string"}})
    return make_extraction(article_id, facts=[meeting_fact(), broken], content_hash=content_hash)


def test_a_failure_mid_write_leaves_nothing_of_the_article(empty_graph: Driver, neo4j_settings: Settings) -> None:
    with pytest.raises(WriteError, match="rolled back"):
        write_article(empty_graph, _broken_extraction("art:one", "hash-1"), database=neo4j_settings.neo4j_database)
    assert graph_counts(empty_graph, neo4j_settings) == (0, 0)


def test_a_failed_replacement_keeps_the_previous_version(empty_graph: Driver, neo4j_settings: Settings) -> None:
    db = neo4j_settings.neo4j_database
    write_article(empty_graph, make_extraction(content_hash="hash-1"), database=db)
    before = graph_counts(empty_graph, neo4j_settings)
    with pytest.raises(WriteError):
        write_article(empty_graph, _broken_extraction("art:one", "hash-2"), database=db)
    assert graph_counts(empty_graph, neo4j_settings) == before
    assert query(empty_graph, neo4j_settings, "MATCH (a:Article) RETURN a.content_hash AS h") == [{"h": "hash-1"}]


def test_a_second_article_adds_support_and_merges_entities_and_events(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    db = neo4j_settings.neo4j_database
    write_article(empty_graph, make_extraction("art:one"), database=db)
    other = make_extraction("art:two", facts=[meeting_fact(subject="per:min-aung-hlaing",
                                                           object="per:sergei-shoigu", status=Modality.PLANNED,
                                                           confidence=0.5, date="2021-06-23")])
    write_article(empty_graph, other, database=db)
    meeting = tie(empty_graph, neo4j_settings, MEETING_KEY)
    assert meeting is not None
    assert (meeting["support"], meeting["articles"], meeting["confidence"]) == (2, 2, 0.9)
    assert meeting["statuses"] == ["happened", "planned"]
    assert (meeting["first_date"], meeting["last_date"]) == ("2021-06-22", "2021-06-23")
    assert query(empty_graph, neo4j_settings, "MATCH (e:Entity {id: 'per:sergei-shoigu'}) RETURN count(e) AS n") \
        == [{"n": 1}]
    assert query(empty_graph, neo4j_settings, "MATCH ()-[r:MET_WITH]->() RETURN count(r) AS n") == [{"n": 1}]


def test_concurrent_writers_supporting_one_tie_count_every_claim(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    from concurrent.futures import ThreadPoolExecutor

    db = neo4j_settings.neo4j_database
    extractions = [make_extraction(f"art:c{i}", facts=[meeting_fact(confidence=0.5 + i / 100)]) for i in range(12)]
    with ThreadPoolExecutor(max_workers=6) as pool:
        statuses = list(pool.map(lambda e: write_article(empty_graph, e, database=db).status, extractions))
    assert statuses == ["created"] * 12
    meeting = tie(empty_graph, neo4j_settings, MEETING_KEY)
    assert meeting is not None
    assert (meeting["support"], meeting["articles"]) == (12, 12)
    assert query(empty_graph, neo4j_settings, "MATCH (ev:Event) RETURN ev.support AS s") == [{"s": 12}]


def test_reports_of_one_meeting_dated_a_day_apart_are_one_event_with_both_dates(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    db = neo4j_settings.neo4j_database
    write_article(empty_graph, make_extraction("art:one", facts=[meeting_fact(date="2021-06-22")]), database=db)
    write_article(empty_graph, make_extraction("art:two", facts=[meeting_fact(date="2021-06-21")]), database=db)
    write_article(empty_graph, make_extraction("art:three", facts=[meeting_fact(date="2021-06-22")]), database=db)

    events = query(empty_graph, neo4j_settings, """
        MATCH (ev:Meeting) RETURN ev.support AS support, ev.date AS date, ev.dates AS dates, ev.name AS name
    """)
    assert events == [{"support": 3, "date": "2021-06-22", "dates": ["2021-06-21", "2021-06-22"],
                       "name": "Meeting: Min Aung Hlaing – Sergei Shoigu (2021-06-22)"}]
    claims = query(empty_graph, neo4j_settings,
                   "MATCH (c:Claim)-[:ABOUT]->(:Meeting) RETURN c.article_id AS a, c.date AS d ORDER BY a")
    assert claims == [{"a": "art:one", "d": "2021-06-22"}, {"a": "art:three", "d": "2021-06-22"},
                      {"a": "art:two", "d": "2021-06-21"}]

    retract_article(empty_graph, "art:one", database=db)
    retract_article(empty_graph, "art:three", database=db)
    events = query(empty_graph, neo4j_settings, "MATCH (ev:Meeting) RETURN ev.support AS s, ev.date AS d")
    assert events == [{"s": 1, "d": "2021-06-21"}]


def _two_forms(content_hash: str) -> tuple[ArticleExtraction, ArticleExtraction]:
    """One text as a .txt without URL and as the JSON record with one: two ids, one content hash."""
    txt = make_extraction("art:txt", content_hash=content_hash)
    txt = txt.model_copy(update={"article": txt.article.model_copy(update={"url": None})})
    return txt, make_extraction("art:json", content_hash=content_hash)


def _assert_one_article_with_support_one(driver: Driver, settings: Settings) -> None:
    assert query(driver, settings, "MATCH (a:Article) RETURN count(a) AS n") == [{"n": 1}]
    for key in (MEETING_KEY, ARMS_KEY):
        found = tie(driver, settings, key)
        assert found is not None and (found["support"], found["articles"]) == (1, 1)
    assert query(driver, settings, "MATCH (ev:Event) RETURN ev.support AS s") == [{"s": 1}]


def _blocked_transactions(driver: Driver, settings: Settings) -> int:
    rows = query(driver, settings, "SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' "
                                   "RETURN count(*) AS n")
    return int(rows[0]["n"])


def test_a_form_written_while_the_other_is_uncommitted_is_its_duplicate(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    """The race, forced: the .json's state check runs while the .txt's write is not yet committed."""
    from loaders.write.rows import plan_write
    from loaders.write.transactions import WriteSummary, _write_tx

    db = neo4j_settings.neo4j_database
    txt, json_form = _two_forms("same-text")
    # The .json finds no other article (the .txt is uncommitted) and then waits on the .txt's content_hash.
    results = _hold_write_then(empty_graph, db, lambda tx: _write_tx(tx, plan_write(txt)),
                               lambda: write_article(empty_graph, json_form, database=db), neo4j_settings)
    first, second = results["held"], results["then"]
    assert isinstance(first, WriteSummary) and first.status == "created"
    assert isinstance(second, WriteSummary), second
    assert (second.status, second.duplicate_of) == ("unchanged", "art:txt")
    _assert_one_article_with_support_one(empty_graph, neo4j_settings)


def test_the_two_forms_of_one_text_written_at_once_are_one_article(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    """Two loaders (each its own session) write the .txt and the .json together, several times over."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from loaders.write import WriteSummary

    db = neo4j_settings.neo4j_database
    for attempt in range(6):
        empty_graph.execute_query("MATCH (n) WHERE NOT n:Migration DETACH DELETE n", database_=db)
        forms = _two_forms(f"same-text-{attempt}")
        start = threading.Barrier(len(forms))

        def write(extraction: ArticleExtraction, start: threading.Barrier = start) -> WriteSummary:
            start.wait(30)
            return write_article(empty_graph, extraction, database=db)

        with ThreadPoolExecutor(max_workers=len(forms)) as pool:
            summaries = list(pool.map(write, forms))
        assert sorted(s.status for s in summaries) == ["created", "unchanged"]
        created = next(s for s in summaries if s.status == "created")
        assert next(s for s in summaries if s.status == "unchanged").duplicate_of == created.article_id
        _assert_one_article_with_support_one(empty_graph, neo4j_settings)


def test_a_new_version_with_another_articles_text_is_refused(empty_graph: Driver, neo4j_settings: Settings) -> None:
    db = neo4j_settings.neo4j_database
    write_article(empty_graph, make_extraction("art:one", content_hash="hash-one"), database=db)
    write_article(empty_graph, make_extraction("art:two", facts=[meeting_fact()], content_hash="hash-two"),
                  database=db)
    before = graph_counts(empty_graph, neo4j_settings)
    with pytest.raises(WriteError, match="already stored as art:two"):
        write_article(empty_graph, make_extraction("art:one", content_hash="hash-two"), database=db)
    assert graph_counts(empty_graph, neo4j_settings) == before


def _hold_write_then(driver: Driver, db: str, hold: Any, then: Any, settings: Settings) -> dict[str, Any]:
    """Run ``hold(tx)`` in a transaction left open until ``then()``, started meanwhile, is blocked on it.

    Returns the results (or exceptions) of both, under "held" and "then".
    """
    import threading
    import time

    from neo4j import ManagedTransaction

    done_holding, release = threading.Event(), threading.Event()
    results: dict[str, Any] = {}

    def held(tx: ManagedTransaction) -> Any:
        out = hold(tx)
        done_holding.set()
        assert release.wait(30)
        return out

    def run(name: str, work: Any) -> None:
        try:
            results[name] = work()
        except BaseException as exc:  # reported by the caller's assertions
            results[name] = exc

    def holder_work() -> Any:
        with driver.session(database=db) as session:
            return session.execute_write(held)

    holder = threading.Thread(target=run, args=("held", holder_work))
    holder.start()
    assert done_holding.wait(30)
    other = threading.Thread(target=run, args=("then", then))
    other.start()
    deadline = time.monotonic() + 30
    while _blocked_transactions(driver, settings) == 0 and other.is_alive():
        assert time.monotonic() < deadline, "the second transaction never waited for the first"
        time.sleep(0.05)
    results["while_blocked"] = results.get("then")
    release.set()
    holder.join(30)
    other.join(30)
    return results


def test_two_versions_of_one_article_written_at_once_leave_only_one_versions_claims(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    """The race, forced: version two's state check runs while version one's write is not yet committed."""
    from loaders.write.rows import plan_write
    from loaders.write.transactions import WriteSummary, _write_tx

    db = neo4j_settings.neo4j_database
    first = make_extraction("art:one", content_hash="hash-v1")
    second = make_extraction("art:one", facts=[meeting_fact(confidence=0.6)], content_hash="hash-v2")
    results = _hold_write_then(empty_graph, db, lambda tx: _write_tx(tx, plan_write(first)),
                               lambda: write_article(empty_graph, second, database=db), neo4j_settings)
    held, then = results["held"], results["then"]
    assert isinstance(held, WriteSummary) and held.status == "created"
    assert isinstance(then, WriteSummary), then
    assert then.status == "replaced"
    assert query(empty_graph, neo4j_settings, "MATCH (c:Claim) RETURN c.relation AS r, c.confidence AS c") == [
        {"r": "MET_WITH", "c": 0.6}]
    assert tie(empty_graph, neo4j_settings, ARMS_KEY) is None
    meeting = tie(empty_graph, neo4j_settings, MEETING_KEY)
    assert meeting is not None and (meeting["support"], meeting["articles"]) == (1, 1)
    assert query(empty_graph, neo4j_settings, "MATCH (ev:Event) RETURN ev.support AS s") == [{"s": 1}]
    assert query(empty_graph, neo4j_settings, "MATCH (a:Article) RETURN a.content_hash AS h") == [{"h": "hash-v2"}]


def test_a_retraction_locks_the_entities_it_only_mentions_before_its_claims_actors(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    """While it waits for a mentioned-only entity (CHN) held elsewhere, it holds none of its actors' locks."""
    import threading
    import time

    from neo4j import ManagedTransaction, Query

    from loaders.write import RetractSummary, retract_article_id

    db = neo4j_settings.neo4j_database
    write_article(empty_graph, make_extraction("art:one", facts=[arms_fact()],
                                               entity_ids=["CHN", "MMR", "RUS", "wpn:su-30"]), database=db)
    release, holding = threading.Event(), threading.Event()
    retracted: dict[str, Any] = {}

    def hold_china() -> None:
        def work(tx: ManagedTransaction) -> None:
            tx.run("MATCH (e:Entity {id: 'CHN'}) SET e:Entity").consume()
            holding.set()
            assert release.wait(30)

        with empty_graph.session(database=db) as session:
            session.execute_write(work)

    def retract() -> None:
        try:
            retracted["summary"] = retract_article_id(empty_graph, "art:one", database=db)
        except BaseException as exc:  # reported below
            retracted["summary"] = exc

    holder = threading.Thread(target=hold_china)
    holder.start()
    assert holding.wait(30)
    retraction = threading.Thread(target=retract)
    retraction.start()
    try:
        deadline = time.monotonic() + 30
        while _blocked_transactions(empty_graph, neo4j_settings) == 0 and retraction.is_alive():
            assert time.monotonic() < deadline, "the retraction never waited for CHN"
            time.sleep(0.05)
        # An actor of the retracted claims is still free: locking it does not wait for the retraction.
        empty_graph.execute_query(Query("MATCH (e:Entity {id: 'RUS'}) SET e:Entity", timeout=3), database_=db)
    finally:
        release.set()
        holder.join(30)
        retraction.join(30)
    assert isinstance(retracted["summary"], RetractSummary), retracted["summary"]
    assert graph_counts(empty_graph, neo4j_settings) == (0, 0)


def _discovered(name: str) -> Entity:
    return Entity(id="per:jose-perez", type=EntityType.PERSON, name=name, aliases=[name], country="MMR",
                  role="Defence Minister", source="discovered")


def test_a_discovered_persons_name_goes_with_the_article_that_spelt_it(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    from tests.integration.test_entity_support import dump

    db = neo4j_settings.neo4j_database

    def article(article_id: str, spelling: str, published: str) -> ArticleExtraction:
        fact = meeting_fact(subject="per:jose-perez", place=None)
        base = make_extraction(article_id, facts=[fact], entity_ids=["per:min-aung-hlaing", "MMR"])
        return base.model_copy(update={
            "entities": [*base.entities, _discovered(spelling)],
            "article": base.article.model_copy(update={"published": published}),
        })

    write_article(empty_graph, article("art:a", "José Pérez", "2021-06-24"), database=db)
    after_a = dump(empty_graph, neo4j_settings)
    write_article(empty_graph, article("art:b", "Jose Perez", "2021-06-25"), database=db)
    person = query(empty_graph, neo4j_settings,
                   "MATCH (p:Person {id: 'per:jose-perez'}) RETURN p.name AS name, p.aliases AS aliases")
    # Each spelling has one article: the earlier article's wins, and both are aliases.
    assert person == [{"name": "José Pérez", "aliases": ["Jose Perez", "José Pérez"]}]
    retract_article(empty_graph, "art:b", database=db)
    assert dump(empty_graph, neo4j_settings) == after_a
    names = query(empty_graph, neo4j_settings, "MATCH (ev:Event) RETURN ev.title AS t")
    assert names == [{"t": "Meeting: José Pérez – Min Aung Hlaing"}]


@pytest.mark.parametrize("order", [("art:a", "art:b", "art:c"), ("art:c", "art:a", "art:b")])
def test_an_entitys_role_and_forms_do_not_depend_on_the_load_order(
    empty_graph: Driver, neo4j_settings: Settings, order: tuple[str, ...]
) -> None:
    """The newest article's role wins (same date: the greater id), and every form is an alias, as after
    a full recompute (retraction), whichever order the articles came in."""
    from tests.integration.test_entity_support import dump

    db = neo4j_settings.neo4j_database
    published = {"art:a": "2021-06-24", "art:b": "2021-06-25", "art:c": "2021-06-25"}

    def article(article_id: str) -> ArticleExtraction:
        base = make_extraction(article_id, facts=[meeting_fact()])
        form = f"Shoigu {article_id[-1]}"
        shoigu = ENTITIES["per:sergei-shoigu"].model_copy(update={"role": f"role {article_id}", "aliases": [form]})
        return base.model_copy(update={
            "entities": [shoigu if e.id == shoigu.id else e for e in base.entities],
            "article": base.article.model_copy(update={"published": published[article_id]}),
        })

    for article_id in order:
        write_article(empty_graph, article(article_id), database=db)
    person = query(empty_graph, neo4j_settings, "MATCH (p:Person {id: 'per:sergei-shoigu'}) "
                                                "RETURN p.role AS role, p.role_from AS source, p.aliases AS aliases")
    assert person == [{"role": "role art:c", "source": ["2021-06-25", "art:c"],
                       "aliases": ["Sergei Shoigu", "Shoigu a", "Shoigu b", "Shoigu c"]}]
    loaded = dump(empty_graph, neo4j_settings)
    # A full recompute (the one a retraction runs) gives the same entity.
    write_article(empty_graph, make_extraction("art:d", facts=[meeting_fact()]), database=db)
    retract_article(empty_graph, "art:d", database=db)
    assert dump(empty_graph, neo4j_settings) == loaded
    retract_article(empty_graph, "art:c", database=db)
    assert query(empty_graph, neo4j_settings,
                 "MATCH (p:Person {id: 'per:sergei-shoigu'}) RETURN p.role AS role") == [{"role": "role art:b"}]
