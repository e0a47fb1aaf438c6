"""The last stage: an article's fact view into Neo4j (ids, rows, Cypher, transaction functions).

    ids           claim, event and tie identities derived from content
    rows          the pure functions that turn an `ArticleExtraction` into a `WritePlan`
    cypher        the reviewed statements (cypher_derive: the recompute of entities, events and ties)
    transactions  `write_article`, `retract_article_id` and their transaction functions

Retraction by local file (which reads and cleans it) is `loaders.load.retract_article`.
"""

from loaders.write.transactions import RetractSummary, WriteSummary, retract_article_id, write_article

__all__ = ["RetractSummary", "WriteSummary", "retract_article_id", "write_article"]
