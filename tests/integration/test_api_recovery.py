"""The API outlives Neo4j going away: through a cuttable proxy to the real Neo4j, reads answer 503 with
Retry-After within 5 s while it is gone, and 200 again as soon as it is back — the same process, no
restart."""

from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient

from service.app import create_app
from service.settings import Settings
from tests.integration.test_load_faults import proxy  # noqa: F401  (fixture)
from tests.reliability.proxy import FaultProxy

pytestmark = pytest.mark.usefixtures("schema_applied")

READS = ["/v1/entities?q=Varga", "/v1/stats", "/v1/events", "/v1/articles"]


def test_reads_are_503_while_neo4j_is_gone_and_200_once_it_is_back(
    proxy: FaultProxy, neo4j_settings: Settings  # noqa: F811
) -> None:
    settings = neo4j_settings.model_copy(update={"neo4j_uri": proxy.uri})
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        assert [client.get(path).status_code for path in READS] == [200] * len(READS)
        proxy.down()
        for path in READS:
            started = time.monotonic()
            response = client.get(path)
            assert response.status_code == 503 and "Retry-After" in response.headers, response.text
            assert time.monotonic() - started < 5
        assert client.get("/v1/ready").status_code == 503
        proxy.up()
        assert [client.get(path).status_code for path in READS] == [200] * len(READS)
        assert client.get("/v1/ready").status_code == 200
