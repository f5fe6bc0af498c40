"""A sandbox for students' code, with bubblewrap (Debian's ``bubblewrap``, command ``bwrap``): no Docker.

Each submission runs in its own sandboxed worker process (:mod:`.worker`), which runs nbclient and the kernel:

- an empty root: only the system's programs and libraries (``/usr``), a few files of ``/etc``, the Python
  installation and the course package with its data are there, read-only, and a private, empty, writable ``/tmp``
  (and ``/dev/shm``). Nothing of the instructor's is there: no home, no course folder (its ``.git``, roster,
  marks, solutions), no submissions, no outputs, no ``/run`` or ``/var``: no Unix-domain socket on the file system
  can be reached;
- its own network namespace (no network at all, and no abstract Unix sockets, which belong to it), PID, IPC and
  UTS namespaces, ``--die-with-parent``,
  ``--new-session``; an environment with nothing of the instructor's;
- limits on memory (``RLIMIT_AS``) and on processes: a pids cgroup where the grader may create one (as root), else
  ``RLIMIT_NPROC`` (as an ordinary user); where neither is possible the run says so in its notes.

Why by hand: bubblewrap is the tool (as the field uses it, e.g. Flatpak); this module only says what to hide,
what to show and what to limit, and talks to the worker over a pipe.
"""

from __future__ import annotations

import base64
import json
import os
import resource
import secrets
import shutil
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from .execute import safe_env

MEMORY_MB = 4096  # virtual memory a submission's processes may map (a kernel with pandas maps about 1 GB)
MAX_PROCESSES = 128  # processes and threads (a kernel uses about 20)
WORKER = [sys.executable, "-m", "soviet_numbers.grading.worker"]


class SandboxUnavailable(RuntimeError):
    """bubblewrap is missing or cannot create namespaces here."""


def unavailable_reason() -> str | None:
    """Why a sandbox cannot be made on this machine, or None when it can."""
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        return "bubblewrap (bwrap) is not installed: apt-get install bubblewrap (or use --no-sandbox, at your risk)"
    probe = subprocess.run(
        [
            bwrap,
            "--ro-bind",
            "/",
            "/",
            "--unshare-net",
            "--unshare-pid",
            "--die-with-parent",
            "--proc",
            "/proc",
            "--dev",
            "/dev",
            "true",
        ],
        capture_output=True,
        text=True,
    )
    if probe.returncode:
        return f"bubblewrap cannot create namespaces here ({probe.stderr.strip()[:200]})"
    return None


def _under(path: Path, parent: Path) -> bool:
    try:
        path.relative_to(parent)
        return True
    except ValueError:
        return False


def _package_dirs() -> list[Path]:
    """The course package and its data, where they are installed (an editable install: in the course folder)."""
    import soviet_numbers

    from ..data import DATA_DIR

    return [Path(soviet_numbers.__file__).resolve().parent, Path(DATA_DIR).resolve()]


# The system a Python kernel needs, read-only. Everything else of the machine is absent from the sandbox: the
# instructor's home and folders, the course's .git, roster, marks and solutions, /run and /var (where Unix-domain
# sockets live), other users' /tmp.
SYSTEM = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
SYSTEM_FILES = (
    "/etc/ld.so.cache",
    "/etc/ld.so.conf",
    "/etc/ld.so.conf.d",
    "/etc/localtime",
    "/etc/passwd",
    "/etc/group",
    "/etc/nsswitch.conf",
    "/etc/hosts",
    "/etc/fonts",
    "/etc/mime.types",
)


@dataclass
class Sandbox:
    """Where a class's submissions run: an empty root with only what a submission needs, read-only.

    ``hide``: kept for callers of the former interface; nothing outside :meth:`visible` is in the sandbox at all.
    """

    hide: list[Path] = field(default_factory=list)
    memory_mb: int = MEMORY_MB
    max_processes: int = MAX_PROCESSES

    def visible(self) -> list[Path]:
        """What the worker needs, read-only: the interpreter, its environment, the course package and its data."""
        paths = {Path(sys.prefix), Path(sys.base_prefix), Path(sys.exec_prefix), *_package_dirs()}
        return sorted({p.resolve() for p in paths if p.exists()})

    def command(self) -> list[str]:
        args = ["bwrap", "--tmpfs", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp", "--dir", "/etc"]
        for name in SYSTEM:
            path = Path(name)
            if path.is_symlink():
                args += ["--symlink", os.readlink(path), name]
            elif path.exists():
                args += ["--ro-bind", name, name]
        for name in SYSTEM_FILES:
            if Path(name).exists():
                args += ["--ro-bind", name, name]
        for path in self.visible():
            if not any(_under(path, Path(s)) for s in SYSTEM if not Path(s).is_symlink()):
                args += ["--ro-bind", str(path), str(path)]
        args += [
            "--remount-ro",
            "/",
            "--unshare-net",  # no network; abstract Unix sockets belong to the network namespace: none either
            "--unshare-pid",
            "--unshare-ipc",
            "--unshare-uts",
            "--die-with-parent",
            "--new-session",
            "--chdir",
            "/tmp",
        ]
        return args + WORKER

    def environment(self) -> dict:
        """The scrubbed environment of an unsandboxed run, with every writable place inside the private /tmp."""
        env = safe_env(Path("/tmp/home"))
        env.update(
            {
                "JUPYTER_RUNTIME_DIR": "/tmp/jupyter-runtime",
                "IPYTHONDIR": "/tmp/ipython",
                "MPLCONFIGDIR": "/tmp/matplotlib",
                "PYTHONDONTWRITEBYTECODE": "1",
                "OPENBLAS_NUM_THREADS": "1",
            }
        )
        return env

    def run_submission(self, raw: bytes, assignment: str, variables: list[str], timeout: int) -> dict:
        """Run one notebook in the sandbox; the same plain result as :func:`.execute.run_submission`."""
        if shutil.which("bwrap") is None:  # on a cluster node: each node needs bubblewrap
            return {
                "payload": {},
                "problem": f"bubblewrap (bwrap) is not installed on the grading node {os.uname().nodename}",
                "cell_problems": [],
                "notes": [],
            }
        nonce = "SNWORKER-" + secrets.token_hex(12) + ":"
        request = json.dumps(
            {
                "nonce": nonce,
                "notebook": base64.b64encode(raw).decode("ascii"),
                "assignment": assignment,
                "variables": variables,
                "timeout": timeout,
            }
        )
        limits = _Limits(self.memory_mb, self.max_processes)
        try:
            run = subprocess.run(
                self.command(),
                input=request,
                capture_output=True,
                text=True,
                env=self.environment(),
                preexec_fn=limits.apply,
                timeout=timeout * 40 + 60,
            )
        except subprocess.TimeoutExpired:
            return {
                "payload": {},
                "problem": "the sandboxed run took too long and was stopped",
                "cell_problems": [],
                "notes": limits.notes,
            }
        finally:
            limits.release()
        lines = [line for line in run.stdout.splitlines() if line.startswith(nonce)]
        if not lines:
            reason = (run.stderr.strip().splitlines() or ["no result"])[-1][:200]
            return {
                "payload": {},
                "problem": f"the sandboxed run gave no result ({reason})",
                "cell_problems": [],
                "notes": limits.notes,
            }
        result = json.loads(lines[-1][len(nonce) :])
        result["notes"] = [*result.get("notes", []), *limits.notes]
        return result


class _Limits:
    """Memory and process limits for one sandboxed run, applied in the child before it runs bwrap."""

    def __init__(self, memory_mb: int, max_processes: int):
        self.memory = memory_mb * 1024 * 1024
        self.max_processes = max_processes
        self.notes: list[str] = []
        self.cgroup = _pids_cgroup(max_processes)
        if self.cgroup is None and os.geteuid() == 0:
            self.notes.append("process limit not enforced (running as root without a writable pids cgroup)")

    def apply(self) -> None:  # runs in the child, between fork and exec
        resource.setrlimit(resource.RLIMIT_AS, (self.memory, self.memory))
        if self.cgroup is not None:
            (self.cgroup / "cgroup.procs").write_text(str(os.getpid()))
        elif os.geteuid() != 0:
            mine = _processes_of(os.getuid())
            resource.setrlimit(resource.RLIMIT_NPROC, (mine + self.max_processes, mine + self.max_processes))

    def release(self) -> None:
        if self.cgroup is not None:
            for _ in range(50):
                try:
                    self.cgroup.rmdir()
                    return
                except OSError:
                    time.sleep(0.1)


def _pids_cgroup(max_processes: int) -> Path | None:
    """A fresh pids cgroup (v2, or v1's pids hierarchy) limited to ``max_processes``, where we may create one."""
    name = f"soviet-numbers-grade-{uuid.uuid4().hex[:12]}"
    v2 = Path("/sys/fs/cgroup")
    controllers = v2 / "cgroup.subtree_control"
    candidates = [v2] if controllers.exists() and "pids" in controllers.read_text() else []
    candidates.append(v2 / "pids")
    for base in candidates:
        try:
            group = base / name
            group.mkdir()
            (group / "pids.max").write_text(str(max_processes))
            return group
        except OSError:
            continue
    return None


def _processes_of(uid: int) -> int:
    count = 0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    count += len(list((entry / "task").iterdir()))
            except OSError:
                continue
    return count
