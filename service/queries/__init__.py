"""The API's Cypher, as reviewed constants beside keyword-only functions that run them (reads only,
except `articles.ingest` / `articles.retract`, which call the loader's writer)."""
