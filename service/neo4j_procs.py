"""The processes of a local Neo4j instance: command lines, a detached launch, liveness, ports."""

from __future__ import annotations

import socket
import subprocess
from pathlib import Path


def proc_cmdline(pid: int) -> list[str]:
    """The command line of a process ([] when it is gone or unreadable)."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return []
    return [part.decode(errors="replace") for part in raw.split(b"\0") if part]


def spawn_detached(cmd: list[str], *, env: dict[str, str], cwd: Path, log: Path) -> int:
    """Start `cmd` as a daemon in its own session, output to `log`; its pid.

    The server outlives the process that starts it (`tiesgraph neo4j start` returns at once), so it must not
    be this process's child: a short-lived shell backgrounds it and exits, the launcher is re-parented, and
    no `Popen` object is left to warn, at garbage collection, about a child that is "still running".
    """
    script = 'cd "$1" || exit 1; log=$2; shift 2; setsid "$@" </dev/null >"$log" 2>&1 & echo $!'
    done = subprocess.run(["sh", "-c", script, "sh", str(cwd), str(log), *cmd], env=env, check=True,
                          capture_output=True, text=True)
    return int(done.stdout.strip())


def alive(pid: int) -> bool:
    """True for a live process (a zombie that nobody reaped yet counts as dead)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    state = stat.rsplit(")", 1)[-1].split()[0]
    return state not in ("Z", "X")


def instance_java_pids(home: Path) -> list[int]:
    """Every live JVM whose command line names this instance folder (the launcher and the server)."""
    # Exact arguments, so that an instance at /x/neo4j never matches one at /x/neo4j2.
    markers = {f"-Dbasedir={home}", f"--home-dir={home}"}
    found: list[int] = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        pid = int(entry.name)
        cmd = proc_cmdline(pid)
        if not cmd or "java" not in Path(cmd[0]).name:
            continue
        if markers.intersection(cmd) and alive(pid):
            found.append(pid)
    return found


def port_open(host: str, port: int) -> bool:
    """Whether something accepts TCP connections on host:port."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


