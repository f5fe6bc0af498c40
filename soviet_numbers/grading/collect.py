"""Find a class's submissions in a folder, fingerprint each, and flag duplicate names."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Submission:
    student: str
    path: Path
    sha256: str
    problem: str = ""  # set when the submission cannot be graded (duplicate name, ...)


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def collect(submissions_dir: Path) -> list[Submission]:
    """Find submissions: ``DIR/<student>.ipynb`` or ``DIR/<student>/<any>.ipynb``. Duplicate names are flagged."""
    submissions_dir = Path(submissions_dir)
    found: list[Submission] = []
    # Top-level files first, then folders, each in name order: the first notebook under a name is graded.
    for path in sorted(
        submissions_dir.rglob("*.ipynb"), key=lambda p: (len(p.relative_to(submissions_dir).parts), str(p))
    ):
        if ".ipynb_checkpoints" in path.parts:
            continue
        rel = path.relative_to(submissions_dir)
        student = rel.parts[0] if len(rel.parts) > 1 else path.stem
        found.append(Submission(student=student, path=path, sha256=sha256(path)))
    seen: dict[str, Submission] = {}
    for sub in found:
        key = sub.student.strip().lower()
        if key in seen:
            sub.problem = f"duplicate student name {sub.student!r} (also {seen[key].path.name}); not graded"
        else:
            seen[key] = sub
    return found
