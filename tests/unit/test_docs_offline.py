"""/docs and /redoc work offline: their pages reference only this server, and every referenced asset answers."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from service.app import create_app
from service.settings import Settings

# src="…", href="…" and the url: '…' / spec-url="…" values that the two pages load.
_REFERENCE = re.compile(r"""(?:src|href|spec-url)\s*=\s*["']([^"']+)["']|\burl:\s*["']([^"']+)["']""")


@pytest.fixture(scope="module")
def client() -> TestClient:
    """The app without its lifespan: the docs need no database."""
    return TestClient(create_app(Settings(TIESGRAPH_ENV="test")))


def _references(html: str) -> list[str]:
    return [a or b for a, b in _REFERENCE.findall(html)]


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_docs_page_references_only_local_urls_that_answer(client: TestClient, page: str) -> None:
    response = client.get(page)
    assert response.status_code == 200
    assert "://" not in response.text, "the page names an external host"
    refs = _references(response.text)
    assert any(r.endswith(".js") for r in refs), refs
    for ref in refs:
        assert ref.startswith("/"), ref
        assert client.get(ref).status_code == 200, ref


def test_swagger_page_loads_css_and_openapi(client: TestClient) -> None:
    refs = _references(client.get("/docs").text)
    assert any(r.endswith(".css") for r in refs) and "/openapi.json" in refs


def test_root_redirects_to_docs(client: TestClient) -> None:
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 307 and response.headers["location"] == "/docs"


def test_docs_behind_a_proxy_prefix_point_under_it() -> None:
    proxied = TestClient(create_app(Settings(TIESGRAPH_ENV="test")), root_path="/api")
    refs = _references(proxied.get("/docs").text)
    assert refs and all(r.startswith("/api/") for r in refs), refs


def test_docs_asset_is_the_real_script(client: TestClient) -> None:
    script = client.get("/docs-assets/swagger-ui-bundle.js")
    assert script.headers["content-type"].startswith(("application/javascript", "text/javascript"))
    assert "SwaggerUIBundle" in script.text[:2000]
