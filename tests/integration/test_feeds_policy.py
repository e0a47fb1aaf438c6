"""The fetch policy against a local HTTP server (loopback only): every request carries the user agent, and
a page slower than the timeout is a read failure within the timeout, not a hang. No database needed."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from loaders.feeds import FetchPolicy, read_with_feeds
from loaders.models import ArticleRecord
from loaders.read import ReadFailure

PAGE = (b"<html><head><title>t</title></head><body><article><p>Chile delivered boats to Peru.</p></article>"
        b"</body></html>")
SLOW_S = 3.0


class _Handler(BaseHTTPRequestHandler):
    agents: ClassVar[list[str]] = []

    def do_GET(self) -> None:  # the http.server hook name
        type(self).agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/feed":
            body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
                    f'<item><link>http://127.0.0.1:{self.server.server_address[1]}/fast.html</link></item>'
                    f'<item><link>http://127.0.0.1:{self.server.server_address[1]}/slow.html</link></item>'
                    f'</channel></rss>').encode()
            kind = "application/rss+xml"
        else:
            if self.path == "/slow.html":
                time.sleep(SLOW_S)
            body, kind = PAGE, "text/html"
        try:
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up on the slow page

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    _Handler.agents = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_every_request_carries_the_user_agent_and_a_slow_page_times_out(server: str) -> None:
    started = time.monotonic()
    results = list(read_with_feeds([f"{server}/feed"], policy=FetchPolicy(user_agent="tiesgraph-test/1",
                                                                         timeout_s=1.0)))
    elapsed = time.monotonic() - started
    assert _Handler.agents and set(_Handler.agents) == {"tiesgraph-test/1"}
    by_kind = {type(r).__name__ for r in results}
    assert by_kind == {"ArticleRecord", "ReadFailure"}
    assert next(r.url for r in results if isinstance(r, ArticleRecord)).endswith("/fast.html")
    assert next(r.source for r in results if isinstance(r, ReadFailure)).endswith("/slow.html")
    assert elapsed < SLOW_S  # the slow page was given up at the timeout, not waited for
