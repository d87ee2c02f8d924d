"""Child processes in their own process groups, every one stopped on the way out."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType, TracebackType

STOP_WAIT_SECONDS = 10.0


class BenchError(RuntimeError):
    """The benchmark cannot go on; the message says what failed and where to look."""


def run_as_command(body: Callable[[], int]) -> int:
    """Run a benchmark's body as a command: return its exit status, 1 with the message on a
    BenchError, 130 when interrupted (Ctrl-C, SIGTERM or SIGHUP), after the ``Processes`` it
    started have stopped."""
    # A shell that starts this in the background may have left SIGINT ignored; Ctrl-C must work.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGHUP, _interrupt)
    try:
        return body()
    except BenchError as error:
        print(f"\nbench: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nbench: interrupted; every process it started has been stopped.", file=sys.stderr)
        return 130


def _interrupt(number: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def tail(path: Path, *, lines: int = 30) -> str:
    """Return the last lines of a log file, or a note that there is none."""
    if not path.exists():
        return f"(no log at {path})"
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


class Processes:
    """Start children each in a new session; on exit stop all of them, newest first.

    Use as a context manager. Stopping sends SIGTERM to the child's whole process group, waits
    up to ``STOP_WAIT_SECONDS`` and then sends SIGKILL, so workers forked by a server go too.
    """

    def __init__(self) -> None:
        self._running: list[tuple[str, subprocess.Popen[bytes]]] = []

    def __enter__(self) -> Processes:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop_all()

    def start(
        self, name: str, argv: list[str], *, env: dict[str, str], cwd: Path, log_path: Path
    ) -> subprocess.Popen[bytes]:
        """Start a long-running child whose output goes to ``log_path``."""
        with log_path.open("ab") as log:
            process = subprocess.Popen(
                argv,
                env=env,
                cwd=cwd,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self._running.append((name, process))
        return process

    def run(
        self,
        name: str,
        argv: list[str],
        *,
        env: dict[str, str],
        cwd: Path,
        timeout_seconds: float,
    ) -> str:
        """Run a child to completion and return its standard output.

        Raises BenchError when it fails or outlives ``timeout_seconds`` (it is stopped then).
        """
        process = subprocess.Popen(
            argv,
            env=env,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        self._running.append((name, process))
        try:
            out, err = process.communicate(timeout=timeout_seconds)
        except subprocess.TimeoutExpired as expired:
            raise BenchError(f"{name} took longer than {timeout_seconds:g} s.") from expired
        finally:
            self._stop(name, process)
        if process.returncode != 0:
            output = (err or out).decode(errors="replace").strip().splitlines()[-30:]
            raise BenchError(
                f"{name} failed with exit code {process.returncode}:\n" + "\n".join(output)
            )
        return out.decode(errors="replace")

    def stop(self, process: subprocess.Popen[bytes]) -> None:
        """Stop one child started here (and its process group) now, as on the way out."""
        for name, known in self._running:
            if known is process:
                self._stop(name, process)
                return

    def stop_all(self) -> None:
        """Stop every child still known, newest first; a second Ctrl-C cannot cut this short."""
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            while self._running:
                name, process = self._running[-1]
                self._stop(name, process)
        finally:
            signal.signal(signal.SIGINT, previous)

    def _stop(self, name: str, process: subprocess.Popen[bytes]) -> None:
        group = process.pid
        _signal_group(group, signal.SIGTERM)
        try:
            process.wait(timeout=STOP_WAIT_SECONDS)
        except subprocess.TimeoutExpired:
            print(f"{name} did not stop within {STOP_WAIT_SECONDS:g} s; killing it.")
        if not _wait_group_gone(group, seconds=STOP_WAIT_SECONDS):
            _signal_group(group, signal.SIGKILL)
            process.wait(timeout=STOP_WAIT_SECONDS)
            _wait_group_gone(group, seconds=STOP_WAIT_SECONDS)
        # Forgotten only once stopped: if this is interrupted, stop_all() tries again.
        self._running = [(n, p) for n, p in self._running if p is not process]


def _signal_group(group: int, number: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(group, number)


def _wait_group_gone(group: int, *, seconds: float) -> bool:
    """Return True once no live process is left in ``group``, False if some remain after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not group_is_running(group):
            return True
        time.sleep(0.05)
    return False


def group_is_running(group: int) -> bool:
    """Return True while a process of ``group`` that has not exited is left."""
    # An orphan that has exited stays a zombie in the group until init reaps it, which can take
    # a second or more in a container; a zombie runs nothing, so it does not count.
    proc = Path("/proc")
    if not proc.is_dir():
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return False
        return True
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        state, _parent, process_group = stat.rpartition(")")[2].split()[:3]
        if int(process_group) == group and state != "Z":
            return True
    return False
