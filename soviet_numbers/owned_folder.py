"""Output folders a command may rebuild: only when it wrote every file in them (a marker lists them).

Used by the commands that write a whole folder (``lite``, ``student-edition``): each refuses, before any work, an
existing folder that is not empty and has no marker of its own, or that holds a file the marker does not list (an
instructor's own file, say), so no run can overwrite or delete a file it did not write.
"""

from __future__ import annotations

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
        ours = set(json.loads(path.read_text(encoding="utf-8"))["files"]) | {marker}
    except (ValueError, KeyError, TypeError):
        raise FolderRefusal(f"{out}: its {marker} is damaged; choose an empty --out") from None
    foreign = sorted(
        str(p.relative_to(out)) for p in out.rglob("*") if p.is_file() and str(p.relative_to(out)) not in ours
    )
    if foreign:
        shown = ", ".join(foreign[:5]) + (" ..." if len(foreign) > 5 else "")
        raise FolderRefusal(f"{out} holds {len(foreign)} file(s) this command did not write: {shown}")


def write_marker(out: Path, marker: str, **extra) -> list[str]:
    """List every file now in ``out`` in its marker (with ``extra`` fields); returns that list."""
    files = sorted(str(p.relative_to(out)) for p in Path(out).rglob("*") if p.is_file() and p.name != marker)
    (Path(out) / marker).write_text(json.dumps({**extra, "files": files}, indent=0), encoding="utf-8")
    return files
