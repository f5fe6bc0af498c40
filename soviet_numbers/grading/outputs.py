"""What grading may write, and how: every output checked before any notebook runs, every file written atomically.

- A file is *ours* when the ledger of its folder (``.soviet-numbers-written.json``) holds its name with the SHA-256
  of its present bytes: a file this tool wrote and nobody has edited since. Only such a file may be replaced.
- :func:`write_atomic` writes a temporary file beside the target and renames it over (``os.replace``), then
  records it in the ledger: a crash leaves the old file or the new one, never half of one.
- :func:`check_outputs` refuses (:class:`Refusal`, with the reason) an output inside an input folder, an output
  that is an input, a file that is not ours, and a folder that cannot be written.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

LEDGER = ".soviet-numbers-written.json"


class Refusal(ValueError):
    """An input or output that grading refuses before any work starts (the message says why)."""


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _ledger_path(folder: Path) -> Path:
    return Path(folder) / LEDGER


def ledger(folder: Path) -> dict[str, str]:
    """The files this tool wrote in ``folder``: name -> SHA-256 of the bytes it wrote."""
    try:
        entries = json.loads(_ledger_path(folder).read_text(encoding="utf-8"))
        return {str(k): str(v) for k, v in entries.items()} if isinstance(entries, dict) else {}
    except (OSError, ValueError):
        return {}


def is_ours(path: Path) -> bool:
    """True when ``path`` does not exist, or is a file this tool wrote, unchanged since."""
    path = Path(path)
    if not path.exists() and not path.is_symlink():
        return True
    if path.is_symlink() or not path.is_file():
        return False
    return ledger(path.parent).get(path.name) == digest(path.read_bytes())


def _replace(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: Path, data: str | bytes) -> Path:
    """Write ``data`` to ``path`` by a temporary file and a rename, and record it in the folder's ledger."""
    path = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    _replace(path, raw)
    entries = ledger(path.parent)
    entries[path.name] = digest(raw)
    _replace(_ledger_path(path.parent), (json.dumps(entries, indent=1, sort_keys=True) + "\n").encode("utf-8"))
    return path


def inside(path: Path, folder: Path) -> bool:
    path, folder = Path(path).resolve(), Path(folder).resolve()
    return path == folder or folder in path.parents


def check_writable(folder: Path) -> None:
    """Refuse unless ``folder`` exists (or can be made) and a file can be created in it."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=folder, prefix=".soviet-numbers-probe-")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise Refusal(f"cannot write in {folder} ({exc.strerror or exc})") from None


def check_outputs(outputs: list[Path], inputs: list[Path] = (), input_folders: list[Path] = ()) -> None:
    """Refuse, before any work, every output that could lose something of the instructor's.

    ``outputs``: the files about to be written; ``inputs``: files read (never overwritten); ``input_folders``:
    folders read (nothing may be written inside them).
    """
    for out in outputs:
        out = Path(out)
        for folder in input_folders:
            if inside(out, folder):
                raise Refusal(f"the output {out} is inside the input folder {folder}: choose an --out outside it")
        for source in inputs:
            if source is not None and Path(source).exists() and Path(source).resolve() == out.resolve():
                raise Refusal(f"the output {out} is also an input: choose another --out")
        if out.exists() and out.is_dir():
            raise Refusal(f"the output {out} is a folder")
        if not is_ours(out):
            raise Refusal(
                f"{out} exists and was not written by soviet-numbers (or has been edited since): "
                "move it away or choose another --out; it was left as it is"
            )
    for folder in sorted({Path(o).parent for o in outputs}):
        check_writable(folder)
