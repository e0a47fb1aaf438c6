"""A TCP proxy in front of the real Neo4j that a test can cut: the way to make Neo4j "stop" at a chosen
moment without stopping the shared test server.

`down()` closes every connection and refuses new ones (a stopped server); `up()` accepts again. With
`cut_at_commit()` armed, the proxy forwards a Bolt COMMIT to Neo4j, waits for Neo4j's answer (so the
commit happened), drops that answer and the connection, and goes down — the client sees its commit cut
off, exactly as when Neo4j dies between committing and replying.
"""

from __future__ import annotations

import contextlib
import select
import socket
import threading
from collections.abc import Iterator

COMMIT_CHUNK = b"\x00\x02\xb0\x12\x00\x00"
"""A Bolt COMMIT message: one chunk of two bytes, struct marker B0 and signature 0x12, then the end marker."""


class FaultProxy:
    """Forwards 127.0.0.1:`port` to ``target``; see the module docstring."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self._lock = threading.Lock()
        self._up = True
        self._cut_commit = False
        self.commits_cut = 0
        self._pairs: list[tuple[socket.socket, socket.socket]] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def uri(self) -> str:
        """A direct Bolt URI through the proxy (``bolt://``: no routing table pointing past it)."""
        return f"bolt://127.0.0.1:{self.port}"

    def down(self) -> None:
        """Close every open connection and refuse new ones."""
        with self._lock:
            self._up = False
            pairs, self._pairs = self._pairs, []
        for pair in pairs:
            _close(*pair)

    def up(self) -> None:
        """Accept and forward connections again."""
        with self._lock:
            self._up = True

    def cut_at_commit(self) -> None:
        """Arm the cut: the next COMMIT reaches Neo4j, its answer does not reach the client."""
        with self._lock:
            self._cut_commit = True

    def close(self) -> None:
        """Stop listening and close everything."""
        self._closed = True
        self.down()
        self._listener.close()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                refused = not self._up
            if refused:
                client.close()  # a stopped server: the connection is dropped at once
                continue
            try:
                server = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._pairs.append((client, server))
            threading.Thread(target=self._pump, args=(client, server), daemon=True).start()

    def _pump(self, client: socket.socket, server: socket.socket) -> None:
        try:
            for data, towards_server in _chunks(client, server):
                if towards_server:
                    server.sendall(data)
                    if COMMIT_CHUNK in data and self._take_cut():
                        _drain_answer(server)
                        self.commits_cut += 1
                        self.down()
                        return
                else:
                    client.sendall(data)
        except (OSError, ValueError):
            pass  # down() closed the sockets from another thread: select() sees fd -1 (ValueError)
        finally:
            _close(client, server)

    def _take_cut(self) -> bool:
        with self._lock:
            armed, self._cut_commit = self._cut_commit, False
        return armed


def _chunks(client: socket.socket, server: socket.socket) -> Iterator[tuple[bytes, bool]]:
    """(bytes, whether they go to the server) as they arrive on either side, until one side closes."""
    while True:
        readable, _, _ = select.select([client, server], [], [], 30)
        if not readable:
            continue
        for sock in readable:
            data = sock.recv(65536)
            if not data:
                return
            yield data, sock is client


def _drain_answer(server: socket.socket) -> None:
    """Wait for Neo4j's reply to the COMMIT (it has committed by then) and throw it away."""
    server.settimeout(10)
    with contextlib.suppress(OSError):
        server.recv(65536)


def _close(*sockets: socket.socket) -> None:
    for sock in sockets:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        with contextlib.suppress(OSError):
            sock.close()
