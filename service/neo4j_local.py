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
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable, SessionExpired
from pydantic import BaseModel

from service.settings import NEO4J_BROWSER_VERSION, NEO4J_VERSION, Settings

MIN_JAVA = 17
LAUNCHER_CLASS = "org.neo4j.server.startup.Neo4jCommand"
ADMIN_CLASS = "org.neo4j.server.startup.Neo4jAdminCommand"
INSTANCE_DIRS = ("conf", "data", "logs", "run", "plugins", "import")
CONSOLE_LOG = "console.log"
PID_FILE = "tiesgraph-neo4j.pid"
STOP_TIMEOUT = 60.0
LOG_TAIL_LINES = 30

# Neo4j 5.26's default JVM flags from its shipped neo4j.conf; the launcher adds none of them itself.
JVM_ADDITIONAL: tuple[str, ...] = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
)


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


# --------------------------------------------------------------------------------------------- pure parts


def render_pom(neo4j_version: str = NEO4J_VERSION, browser_version: str = NEO4J_BROWSER_VERSION) -> str:
    """The Maven pom whose runtime dependency closure is the server's lib/ folder."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 http://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.tiesgraph</groupId>
  <artifactId>neo4j-server-assembly</artifactId>
  <version>{neo4j_version}</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.neo4j</groupId>
      <artifactId>neo4j</artifactId>
      <version>{neo4j_version}</version>
    </dependency>
    <dependency>
      <groupId>org.neo4j.client</groupId>
      <artifactId>neo4j-browser</artifactId>
      <version>{browser_version}</version>
    </dependency>
  </dependencies>
</project>
"""


def browser_allowlist(api_url: str) -> str:
    """The hosts Neo4j Browser may fetch guides and styles from: only the API's origin."""
    parts = urlsplit(api_url)
    if not parts.scheme or not parts.hostname:
        raise ValueError(f"not an absolute URL: {api_url!r}")
    origin = f"{parts.scheme}://{parts.netloc}"
    bare = f"{parts.scheme}://{parts.hostname}"
    # Browser versions differ in comparing host (with port) or hostname; list both forms of the one host.
    return origin if origin == bare else f"{origin},{bare}"


def render_neo4j_conf(settings: Settings, *, lib_dir: Path) -> str:
    """neo4j.conf for a local instance, from settings (pure: no file system access)."""
    home = settings.data_dir
    api = settings.api_url
    lines = [
        "# Generated by tiesgraph from its settings; rewritten on every `tiesgraph neo4j start`.",
        f"server.directories.lib={lib_dir}",
        *(f"server.directories.{name}={home / name}" for name in ("data", "logs", "run", "plugins", "import")),
        f"server.default_listen_address={settings.neo4j_listen_address}",
        f"server.bolt.listen_address=:{settings.neo4j_bolt_port}",
        "server.bolt.enabled=true",
        f"server.http.listen_address=:{settings.neo4j_http_port}",
        "server.http.enabled=true",
        "server.https.enabled=false",
        "dbms.usage_report.enabled=false",
        "dbms.security.auth_enabled=true",
        f"server.memory.heap.initial_size={settings.neo4j_heap}",
        f"server.memory.heap.max_size={settings.neo4j_heap}",
        f"server.memory.pagecache.size={settings.neo4j_pagecache}",
        # Neo4j 5.26 still spells this setting "whitelist"; strict validation rejects "allowlist".
        f"browser.remote_content_hostname_whitelist={browser_allowlist(api)}",
        f"browser.post_connect_cmd=style {api}/browser/style.grass; play {api}/browser/guide.html",
        *(f"server.jvm.additional={flag}" for flag in JVM_ADDITIONAL),
    ]
    return "\n".join(lines) + "\n"


def tail(text: str, lines: int) -> str:
    """The last `lines` lines of `text`."""
    if lines <= 0:
        return ""
    return "\n".join(text.splitlines()[-lines:])


def parse_java_major(version_output: str) -> int | None:
    """The major version from `java -version` output (`"17.0.15"` → 17, `"1.8.0_392"` → 8)."""
    match = re.search(r'version "(\d+)(?:\.(\d+))?', version_output)
    if match is None:
        return None
    major = int(match.group(1))
    if major == 1 and match.group(2):
        return int(match.group(2))
    return major


# ------------------------------------------------------------------------------------------ processes


def _proc_cmdline(pid: int) -> list[str]:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return []
    return [part.decode(errors="replace") for part in raw.split(b"\0") if part]


def _spawn_detached(cmd: list[str], *, env: dict[str, str], cwd: Path, log: Path) -> int:
    """Start `cmd` as a daemon in its own session, output to `log`; its pid.

    The server outlives the process that starts it (`tiesgraph neo4j start` returns at once), so it must not
    be this process's child: a short-lived shell backgrounds it and exits, the launcher is re-parented, and
    no `Popen` object is left to warn, at garbage collection, about a child that is "still running".
    """
    script = 'cd "$1" || exit 1; log=$2; shift 2; setsid "$@" </dev/null >"$log" 2>&1 & echo $!'
    done = subprocess.run(["sh", "-c", script, "sh", str(cwd), str(log), *cmd], env=env, check=True,
                          capture_output=True, text=True)
    return int(done.stdout.strip())


def _alive(pid: int) -> bool:
    """True for a live process (a zombie that nobody reaped yet counts as dead)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    state = stat.rsplit(")", 1)[-1].split()[0]
    return state not in ("Z", "X")


def _instance_java_pids(home: Path) -> list[int]:
    """Every live JVM whose command line names this instance folder (the launcher and the server)."""
    # Exact arguments, so that an instance at /x/neo4j never matches one at /x/neo4j2.
    markers = {f"-Dbasedir={home}", f"--home-dir={home}"}
    found: list[int] = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        pid = int(entry.name)
        cmd = _proc_cmdline(pid)
        if not cmd or "java" not in Path(cmd[0]).name:
            continue
        if markers.intersection(cmd) and _alive(pid):
            found.append(pid)
    return found


def _port_open(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


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
        cmd = _proc_cmdline(pid)
        # Guard against pid reuse: the process must be this instance's launcher.
        if _alive(pid) and LAUNCHER_CLASS in cmd and f"-Dbasedir={self.home}" in cmd:
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
            if _port_open(host, port):
                raise PortInUseError(
                    f"port {port} on {host} is already in use by another process; "
                    "stop it or choose other TIESGRAPH_NEO4J_BOLT_PORT / TIESGRAPH_NEO4J_HTTP_PORT"
                )
        self._prepare(java)
        pid = _spawn_detached(self._java_cmd(java, LAUNCHER_CLASS, "console"), env=self._env(), cwd=self.home,
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
                if not _alive(pid):
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
        strays = _instance_java_pids(self.home)
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
        found = set(_instance_java_pids(self.home))
        if pid is not None and _alive(pid):
            found.add(pid)
        return sorted(found)

    def _wait_gone(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while True:
            if not _instance_java_pids(self.home):
                return True
            if time.monotonic() > deadline:
                return False
            time.sleep(0.2)

