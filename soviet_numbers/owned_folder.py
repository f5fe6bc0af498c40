"""Output folders a command may rebuild: only when it wrote every file in them (a marker lists them).

Used by the commands that write a whole folder (``lite``, ``student-edition``): each refuses, before any work, an
existing folder that is not empty and has no marker of its own, or that holds a file the marker does not list (an
instructor's own file, say), or a file it wrote that was edited since, so no run can overwrite or delete a file it did
not write or someone changed.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path


class FolderRefusal(FileExistsError):
    """The folder exists and holds files this command did not write (the message says which)."""


def check_owned(out: Path, marker: str, command: str) -> None:
    """Refuse a file, or a non-empty folder with files ``command`` did not write (per its ``marker`` file)."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise FolderRefusal(f"{out} is a file")
    if not out.exists() or not any(out.iterdir()):
        return
    path = out / marker
    if not path.is_file():
        raise FolderRefusal(f"{out} is not empty and was not written by `{command}`; choose an empty --out")
    try:
        files = json.loads(path.read_text(encoding="utf-8"))["files"]
        digests = files if isinstance(files, dict) else {}  # a marker without digests: names only
        ours = set(files) | {marker}
    except (ValueError, KeyError, TypeError):
        raise FolderRefusal(f"{out}: its {marker} is damaged; choose an empty --out") from None
    here = {str(p.relative_to(out)): p for p in out.rglob("*") if p.is_file()}
    foreign = sorted(name for name in here if name not in ours)
    if foreign:
        shown = ", ".join(foreign[:5]) + (" ..." if len(foreign) > 5 else "")
        raise FolderRefusal(f"{out} holds {len(foreign)} file(s) this command did not write: {shown}")
    edited = sorted(name for name, want in digests.items() if name in here and sha256(here[name]) != want)
    if edited:
        shown = ", ".join(edited[:5]) + (" ..." if len(edited) > 5 else "")
        raise FolderRefusal(f"{out}: {len(edited)} file(s) were edited since this command wrote them: {shown}")


def write_marker(out: Path, marker: str, **extra) -> list[str]:
    """List every file now in ``out`` in its marker, each with its SHA-256 (and ``extra`` fields); returns the names."""
    here = {str(p.relative_to(out)): p for p in sorted(Path(out).rglob("*")) if p.is_file() and p.name != marker}
    files = {name: sha256(p) for name, p in here.items()}
    (Path(out) / marker).write_text(json.dumps({**extra, "files": files}, indent=0), encoding="utf-8")
    return list(files)


def sha256(path: Path) -> str:
    """A file's SHA-256, read in blocks (the one file digest of the package)."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()
