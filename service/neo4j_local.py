"""The local Neo4j that the project runs itself: a community server assembled from Maven Central.

The server's jars are resolved once per machine by Maven into a shared, per-version cache
(``<TIESGRAPH_HOME>/neo4j-<version>/lib``); every instance is a folder of its own (``settings.data_dir``)
holding ``conf/ data/ logs/ run/ plugins/ import/`` whose ``neo4j.conf`` points ``server.directories.lib``
at that cache. The instance is started like ``bin/neo4j console``: Neo4j's launcher
(``org.neo4j.server.startup.Neo4jCommand``) runs detached in a session of its own and forks the server JVM,
so one signal to the launcher's process group reaches both.

Exceptions::

    Neo4jLocalError               root of everything raised here
     ├── NotManagedError          NEO4J_URI is set: the server is someone else's to run
     ├── MissingToolError         java >= 17 or mvn is not installed (names what to install)
     ├── InstallError             Maven could not assemble the server's lib/
     ├── PortInUseError           another process already listens on the Bolt or HTTP port
     ├── StartError               the launcher exited early, or setting the initial password failed
     │    ├── StartTimeoutError   not accepting Bolt connections within the timeout (``log_tail``)
     │    └── PasswordMismatchError  the server is up but refuses the configured password
     └── StopError                a process of the instance survived SIGKILL
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable, SessionExpired
from pydantic import BaseModel

from service.neo4j_files import parse_java_major, render_neo4j_conf, render_pom, tail
from service.neo4j_procs import alive, instance_java_pids, port_open, proc_cmdline, spawn_detached
from service.settings import NEO4J_VERSION, Settings

MIN_JAVA = 17
LAUNCHER_CLASS = "org.neo4j.server.startup.Neo4jCommand"
ADMIN_CLASS = "org.neo4j.server.startup.Neo4jAdminCommand"
INSTANCE_DIRS = ("conf", "data", "logs", "run", "plugins", "import")
CONSOLE_LOG = "console.log"
PID_FILE = "tiesgraph-neo4j.pid"
STOP_TIMEOUT = 60.0
LOG_TAIL_LINES = 30

class Neo4jLocalError(Exception):
    """Root of the errors raised by the local Neo4j manager."""


class NotManagedError(Neo4jLocalError):
    """Raised when NEO4J_URI is set, so there is no local server to manage."""


class MissingToolError(Neo4jLocalError):
    """Raised when java >= 17 or Maven is missing; the message names what to install."""


class InstallError(Neo4jLocalError):
    """Raised when Maven fails to assemble the server's jars."""


class PortInUseError(Neo4jLocalError):
    """Raised when the Bolt or HTTP port is taken by something other than this instance."""


class StartError(Neo4jLocalError):
    """Raised when the server cannot be started; ``log_tail`` holds the last lines of its console log."""

    def __init__(self, message: str, log_tail: str = "") -> None:
        super().__init__(f"{message}\n--- last log lines ---\n{log_tail}" if log_tail else message)
        self.log_tail = log_tail


class StartTimeoutError(StartError):
    """Raised when the server does not accept Bolt connections within ``neo4j_start_timeout``."""


class PasswordMismatchError(StartError):
    """Raised when the server runs but rejects NEO4J_PASSWORD (the data folder was set up with another)."""


class StopError(Neo4jLocalError):
    """Raised when a process of the instance is still alive after SIGKILL."""


class Neo4jStatus(BaseModel):
    """What `tiesgraph neo4j status` reports."""

    running: bool
    pid: int | None
    version: str
    bolt_uri: str
    browser_url: str
    data_dir: Path


# ---------------------------------------------------------------------------------------------- manager


class LocalNeo4j:
    """Installs, starts, stops and reports on the local Neo4j instance described by `settings`."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.home = settings.data_dir.resolve()
        self.cache_dir = settings.home / f"neo4j-{NEO4J_VERSION}"
        self.lib_dir = self.cache_dir / "lib"

    # ---- paths
    @property
    def conf_file(self) -> Path:
        """This instance's neo4j.conf."""
        return self.home / "conf" / "neo4j.conf"

    @property
    def console_log(self) -> Path:
        """The launcher's stdout/stderr (Neo4j's neo4j.log goes there too in console mode)."""
        return self.home / "logs" / CONSOLE_LOG

    @property
    def pid_file(self) -> Path:
        """Pid of the launcher, which leads the process group of the server JVM as well."""
        return self.home / "run" / PID_FILE

    def _require_managed(self) -> None:
        if not self.settings.managed:
            raise NotManagedError(
                f"NEO4J_URI is set ({self.settings.neo4j_uri}): that server is used and "
                "the local Neo4j manager is not needed"
            )

    # ---- tools
    def _java(self) -> str:
        java = shutil.which("java")
        if java is None:
            raise MissingToolError(f"java not found: install a Java {MIN_JAVA}+ JDK (e.g. openjdk-17-jdk)")
        out = subprocess.run([java, "-version"], capture_output=True, text=True, check=False)
        major = parse_java_major(out.stderr + out.stdout)
        if major is None or major < MIN_JAVA:
            raise MissingToolError(
                f"{java} is Java {major}; Neo4j {NEO4J_VERSION} needs Java {MIN_JAVA} or 21 "
                "(install openjdk-17-jdk and put it first on PATH)"
            )
        return java

    @staticmethod
    def _mvn() -> str:
        mvn = shutil.which("mvn")
        if mvn is None:
            raise MissingToolError("mvn not found: install Apache Maven (e.g. `apt-get install maven`)")
        return mvn

    # ---- install
    def installed(self) -> bool:
        """True when the shared lib/ cache for this Neo4j version is complete."""
        return (self.cache_dir / ".complete").is_file()

    def install(self) -> bool:
        """Assemble the server's jars into the shared cache unless present; True if it downloaded now."""
        self._require_managed()
        if self.installed():
            return False
        mvn = self._mvn()
        self._java()
        self.settings.home.mkdir(parents=True, exist_ok=True)
        # Resolve into a private temp dir and rename it into place, so concurrent installs cannot
        # leave a half-filled lib/ behind: the first rename wins, the others discard their copy.
        tmp = Path(tempfile.mkdtemp(prefix=f".neo4j-{NEO4J_VERSION}-", dir=self.settings.home))
        try:
            pom = tmp / "pom.xml"
            pom.write_text(render_pom())
            result = subprocess.run(
                [
                    mvn, "-B", "-q", "-f", str(pom), "dependency:copy-dependencies",
                    "-DincludeScope=runtime", f"-DoutputDirectory={tmp / 'lib'}",
                ],
                capture_output=True, text=True, check=False,
            )  # fmt: skip
            jars = list((tmp / "lib").glob("*.jar"))
            if result.returncode != 0 or not any(j.name.startswith("neo4j-server-") for j in jars):
                raise InstallError(
                    f"Maven could not assemble Neo4j {NEO4J_VERSION} (exit {result.returncode}):\n"
                    + tail(result.stdout + result.stderr, LOG_TAIL_LINES)
                )
            (tmp / ".complete").write_text(f"{len(jars)} jars\n")
            try:
                tmp.rename(self.cache_dir)
            except OSError:
                if not self.installed():
                    raise
                return False
            return True
        finally:
            if tmp.exists():
                shutil.rmtree(tmp, ignore_errors=True)

    # ---- status
    def _launcher_pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            return None
        cmd = proc_cmdline(pid)
        # Guard against pid reuse: the process must be this instance's launcher.
        if alive(pid) and LAUNCHER_CLASS in cmd and f"-Dbasedir={self.home}" in cmd:
            return pid
        return None

    def status(self) -> Neo4jStatus:
        """Whether the instance runs, with its version, addresses and data folder."""
        self._require_managed()
        pid = self._launcher_pid()
        return Neo4jStatus(
            running=pid is not None,
            pid=pid,
            version=NEO4J_VERSION,
            bolt_uri=self.settings.bolt_uri,
            browser_url=self.settings.browser_url,
            data_dir=self.home,
        )

    def logs(self, lines: int = 50) -> str:
        """The last `lines` lines of the instance's console log ('' when it never ran)."""
        self._require_managed()
        try:
            return tail(self.console_log.read_text(errors="replace"), lines)
        except FileNotFoundError:
            return ""

    # ---- start
    def _env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("JAVA_OPTS", "NEO4J_CONF", "NEO4J_HOME")}
        # A non-empty JAVA_OPTS would replace every JVM flag from neo4j.conf.
        env["NEO4J_HOME"] = str(self.home)
        env["NEO4J_CONF"] = str(self.home / "conf")
        return env

    def _java_cmd(self, java: str, main_class: str, *args: str) -> list[str]:
        return [java, "-Xmx128m", "-cp", f"{self.lib_dir}/*", f"-Dbasedir={self.home}", main_class, *args]

    def _prepare(self, java: str) -> None:
        for name in INSTANCE_DIRS:
            (self.home / name).mkdir(parents=True, exist_ok=True)
        self.conf_file.write_text(render_neo4j_conf(self.settings, lib_dir=self.lib_dir))
        if (self.home / "data" / "dbms" / "auth.ini").exists() or (
            self.home / "data" / "databases" / "system"
        ).exists():
            return
        result = subprocess.run(
            self._java_cmd(
                java, ADMIN_CLASS, "dbms", "set-initial-password",
                self.settings.neo4j_password.get_secret_value(),
            ),
            env=self._env(), cwd=self.home, capture_output=True, text=True, check=False,
        )  # fmt: skip
        if result.returncode != 0:
            raise StartError(
                "could not set the initial password (it needs 8 characters or more)",
                tail(result.stdout + result.stderr, LOG_TAIL_LINES),
            )

    def start(self) -> bool:
        """Start the instance (installing first if needed) and wait until Bolt answers; False if it ran."""
        self._require_managed()
        if self._launcher_pid() is not None:
            return False
        java = self._java()
        self.install()
        host = self.settings.neo4j_host
        for port in (self.settings.neo4j_bolt_port, self.settings.neo4j_http_port):
            if port_open(host, port):
                raise PortInUseError(
                    f"port {port} on {host} is already in use by another process; "
                    "stop it or choose other TIESGRAPH_NEO4J_BOLT_PORT / TIESGRAPH_NEO4J_HTTP_PORT"
                )
        self._prepare(java)
        pid = spawn_detached(self._java_cmd(java, LAUNCHER_CLASS, "console"), env=self._env(), cwd=self.home,
                              log=self.console_log)
        self.pid_file.write_text(f"{pid}\n")
        try:
            self._wait_ready(pid)
        except StartError:
            self.stop()
            raise
        return True

    def _wait_ready(self, pid: int) -> None:
        s = self.settings
        host = s.neo4j_host
        auth = (s.neo4j_user, s.neo4j_password.get_secret_value())
        deadline = time.monotonic() + s.neo4j_start_timeout
        with GraphDatabase.driver(f"bolt://{host}:{s.neo4j_bolt_port}", auth=auth, connection_timeout=3) as drv:
            while True:
                if not alive(pid):
                    raise StartError("Neo4j exited while starting", self.logs(LOG_TAIL_LINES))
                try:
                    drv.verify_connectivity()
                    return
                except AuthError as exc:
                    raise PasswordMismatchError(
                        f"Neo4j runs but refuses the configured password ({exc.message}); the data folder "
                        f"{self.home} was initialised with another NEO4J_PASSWORD"
                    ) from exc
                except (ServiceUnavailable, SessionExpired, Neo4jError, OSError):
                    pass
                if time.monotonic() > deadline:
                    raise StartTimeoutError(
                        f"Neo4j did not accept Bolt connections within {s.neo4j_start_timeout:.0f} s",
                        self.logs(LOG_TAIL_LINES),
                    )
                time.sleep(0.5)

    # ---- stop
    def stop(self, timeout: float = STOP_TIMEOUT) -> bool:
        """Stop the launcher and its server JVM (SIGTERM, then SIGKILL); False when nothing ran."""
        self._require_managed()
        pid = self._launcher_pid()
        strays = instance_java_pids(self.home)
        if pid is None and not strays:
            self.pid_file.unlink(missing_ok=True)
            return False
        if pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGTERM)
        for stray in strays:
            with contextlib.suppress(ProcessLookupError):
                os.kill(stray, signal.SIGTERM)
        if not self._wait_gone(timeout):
            for victim in self._remaining(pid):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(victim, signal.SIGKILL)
            if pid is not None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(pid, signal.SIGKILL)
            if not self._wait_gone(10.0):
                raise StopError(f"processes {self._remaining(pid)} of {self.home} survived SIGKILL")
        self.pid_file.unlink(missing_ok=True)
        return True

    def _remaining(self, pid: int | None) -> list[int]:
        found = set(instance_java_pids(self.home))
        if pid is not None and alive(pid):
            found.add(pid)
        return sorted(found)

    def _wait_gone(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while True:
            if not instance_java_pids(self.home):
                return True
            if time.monotonic() > deadline:
                return False
            time.sleep(0.2)

