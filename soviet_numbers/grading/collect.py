"""Find a class's submissions in a folder, fingerprint each, and flag duplicate names.

``DIR/<student>.ipynb`` or ``DIR/<student>/<any>.ipynb``. A student folder with several notebooks: the newest
(modification time; then name) is graded, and the submission's note names the others. A file and a folder under
the same name are a duplicate: the second is not graded, and says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..owned_folder import sha256


@dataclass
class Submission:
    student: str
    path: Path
    sha256: str
    problem: str = ""  # set when the submission cannot be graded (duplicate name, ...)
    note: str = ""  # said in the gradebook (e.g. which of several notebooks was graded)


def _notebooks(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts and p.is_file()]


def ignored_files(submissions_dir: Path) -> list[Path]:
    """Files in the submissions folder that are not notebooks (e.g. ``hal.html``): listed, never graded."""
    root = Path(submissions_dir)
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file() and p.suffix != ".ipynb" and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )


def collect(submissions_dir: Path) -> list[Submission]:
    """The submissions in a folder, top-level files first, then folders, each in name order."""
    submissions_dir = Path(submissions_dir)
    found: list[Submission] = []
    for path in sorted(p for p in submissions_dir.glob("*.ipynb") if p.is_file()):
        found.append(Submission(student=path.stem, path=path, sha256=sha256(path)))
    for folder in sorted(p for p in submissions_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
        notebooks = sorted(_notebooks(folder), key=lambda p: (-p.stat().st_mtime, str(p)))
        if not notebooks:
            continue
        sub = Submission(student=folder.name, path=notebooks[0], sha256=sha256(notebooks[0]))
        if len(notebooks) > 1:
            others = ", ".join(str(p.relative_to(folder)) for p in notebooks[1:])
            sub.note = (
                f"{len(notebooks)} notebooks in {folder.name}/: graded the newest, "
                f"{notebooks[0].relative_to(folder)} (not graded: {others})"
            )
        found.append(sub)
    seen: dict[str, Submission] = {}
    for sub in found:
        key = sub.student.strip().lower()
        if key in seen:
            sub.problem = f"duplicate student name {sub.student!r} (also {seen[key].path.name}); not graded"
        else:
            seen[key] = sub
    return found
