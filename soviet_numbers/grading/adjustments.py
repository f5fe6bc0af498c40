"""The instructor's own marks on top of the automatic grades: regrades (overrides) and written-answer marks.

- overrides CSV: ``student, exercise, points, reason``: the exercise's points become ``points``;
- written marks CSV: ``student, exercise, points, comment`` (and optionally ``max_points``): marks for written
  answers, added to the grade.

Each becomes a gradebook row of its own (status ``regrade`` or ``marked``), so the automatic rows stay as they were
and the student's feedback shows what changed and why. Rows naming an unknown student or exercise are returned as
problems, never dropped in silence.
"""

from __future__ import annotations

import csv
from pathlib import Path

from .reports import Row


class AdjustmentError(ValueError):
    """An overrides or marks file that cannot be read."""


def _read(path: Path, required: tuple[str, ...]) -> list[dict]:
    try:
        with Path(path).open(newline="", encoding="utf-8-sig") as f:
            rows = list(csv.DictReader(f))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise AdjustmentError(f"cannot read {path}: {exc}") from exc
    missing = [c for c in required if rows and c not in rows[0]]
    if missing:
        raise AdjustmentError(f"{path} needs the columns {', '.join(required)} (missing: {', '.join(missing)})")
    return rows


def _points(value: str, path: Path, line: int) -> float:
    try:
        points = float(value)
    except (TypeError, ValueError):
        raise AdjustmentError(f"{path}, line {line}: points must be a number, not {value!r}") from None
    if points != points or abs(points) > 1e6:
        raise AdjustmentError(f"{path}, line {line}: points out of range ({value!r})")
    return points


def apply(rows: list[Row], overrides: Path | None = None, marks: Path | None = None) -> tuple[list[Row], list[str]]:
    """The gradebook rows with regrade and mark rows added after each student's own; and the problems found."""
    problems: list[str] = []
    students = {r.student: r for r in rows}
    exercises = {r.exercise for r in rows if r.exercise}
    extra: dict[str, list[Row]] = {}

    def add(kind: str, entry: dict, path: Path, line: int, note: str) -> None:
        student, exercise = entry["student"].strip(), entry["exercise"].strip()
        if student not in students:
            problems.append(f"{path.name}, line {line}: no submission from {student!r}")
            return
        if exercise not in exercises:
            problems.append(f"{path.name}, line {line}: no exercise {exercise!r} in this assignment")
            return
        points = _points(entry["points"], path, line)
        base = students[student]
        automatic = sum(r.points for r in rows if r.student == student and r.exercise == exercise)
        if kind == "regrade":
            delta, max_points = points - automatic, 0.0
            message = f"regraded from {automatic:g} to {points:g} points: {note}"
        else:
            delta = points
            max_points = _points(entry.get("max_points") or "0", path, line)
            message = f"written answer marked {points:g}" + (f" / {max_points:g}" if max_points else "") + f": {note}"
        extra.setdefault(student, []).append(
            Row(student, base.assignment, exercise, "", kind, delta, max_points, message, base.submission, base.sha256)
        )

    for kind, path, note_column in (("regrade", overrides, "reason"), ("marked", marks, "comment")):
        if path is None:
            continue
        path = Path(path)
        for line, entry in enumerate(_read(path, ("student", "exercise", "points", note_column)), start=2):
            add(kind, entry, path, line, (entry.get(note_column) or "").strip())
    out: list[Row] = []
    for i, row in enumerate(rows):
        out.append(row)
        last_of_student = i + 1 == len(rows) or rows[i + 1].student != row.student
        if last_of_student:
            out.extend(extra.pop(row.student, []))
    return out, problems
