"""The instructor's own marks on top of the automatic grades: regrades (overrides) and written-answer marks.

- overrides CSV: ``student, exercise, points, reason``: the exercise's points become ``points``
  (0 to the exercise's automatic maximum);
- written marks CSV: ``student, exercise, points, comment, max_points``: marks for written answers, added to the
  grade (0 to ``max_points``; one maximum per exercise, so every student has the same denominator).
  ``soviet-numbers marks-template`` writes this file pre-filled.

Both files are read and checked in full before any notebook runs (:func:`read_adjustments`): unknown students or
exercises, points that are not numbers or out of range, a missing column; each problem names its file and line.
The last row for a student and exercise wins (an earlier one is reported as replaced, never added twice).

Each adjustment becomes a gradebook row of its own (status ``regrade`` or ``marked``), so the automatic rows stay
as they were and the student's feedback shows what changed and why.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from pathlib import Path

from .reports import Row


class AdjustmentError(ValueError):
    """An overrides or marks file that cannot be used (every problem listed)."""


@dataclass
class Adjustment:
    kind: str  # "regrade" or "marked"
    student: str
    exercise: str
    points: float
    max_points: float
    note: str
    where: str  # file and line


def _read(path: Path, required: tuple[str, ...]) -> list[dict]:
    try:
        with Path(path).open(newline="", encoding="utf-8-sig") as f:
            rows = list(csv.DictReader(f))
            header = rows[0].keys() if rows else []
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise AdjustmentError(f"cannot read {path}: {exc}") from exc
    missing = [c for c in required if rows and c not in header]
    if missing:
        raise AdjustmentError(f"{path} needs the columns {', '.join(required)} (missing: {', '.join(missing)})")
    return rows


def _number(value, where: str, problems: list[str], what: str = "points") -> float | None:
    try:
        points = float(str(value).strip())
    except (TypeError, ValueError):
        problems.append(f"{where}: {what} must be a number, not {value!r}")
        return None
    if not math.isfinite(points):
        problems.append(f"{where}: {what} must be a finite number, not {value!r}")
        return None
    return points


def read_adjustments(
    overrides: Path | None, marks: Path | None, students: list[str], maxima: dict[str, float], written: set[str]
) -> list[Adjustment]:
    """Every regrade and mark, checked against the class and the assignment; raises with every problem found.

    ``students``: the names graded; ``maxima``: exercise id -> automatic maximum; ``written``: written exercises.
    """
    problems: list[str] = []
    known = {s.strip().lower(): s for s in students}
    chosen: dict[tuple[str, str, str], Adjustment] = {}
    mark_max: dict[str, tuple[float, str]] = {}
    for kind, path, note_column in (("regrade", overrides, "reason"), ("marked", marks, "comment")):
        if path is None:
            continue
        path = Path(path)
        required = ("student", "exercise", "points", note_column) + (("max_points",) if kind == "marked" else ())
        for line, entry in enumerate(_read(path, required), start=2):
            where = f"{path.name}, line {line}"
            student = known.get((entry.get("student") or "").strip().lower())
            exercise = (entry.get("exercise") or "").strip()
            if student is None:
                problems.append(f"{where}: no submission from {(entry.get('student') or '').strip()!r}")
                continue
            if exercise not in maxima:
                problems.append(f"{where}: no exercise {exercise!r} in this assignment")
                continue
            if kind == "marked" and not (entry.get("points") or "").strip():
                continue  # a line of the marks template not filled in yet: no mark
            points = _number(entry.get("points"), where, problems)
            if points is None:
                continue
            if kind == "regrade":
                top = maxima[exercise]
                if exercise in written and not top:
                    problems.append(f"{where}: {exercise} is a written answer: mark it in the marks file instead")
                    continue
            else:
                if exercise not in written:
                    problems.append(f"{where}: {exercise} is not a written answer (regrade it in the overrides file)")
                    continue
                top = _number(entry.get("max_points"), where, problems, "max_points")
                if top is None:
                    continue
                if top <= 0:
                    problems.append(f"{where}: max_points must be above 0")
                    continue
                first = mark_max.setdefault(exercise, (top, where))
                if first[0] != top:
                    problems.append(
                        f"{where}: max_points {top:g} for {exercise}, but {first[1]} says {first[0]:g} "
                        "(every student needs the same denominator)"
                    )
                    continue
            if not 0 <= points <= top:
                problems.append(f"{where}: {points:g} points is outside 0 to {top:g} for exercise {exercise}")
                continue
            note = (entry.get(note_column) or "").strip()
            chosen[(kind, student, exercise)] = Adjustment(kind, student, exercise, points, top, note, where)
    if problems:
        raise AdjustmentError("; ".join(problems))
    return list(chosen.values())


def apply(rows: list[Row], adjustments: list[Adjustment]) -> list[Row]:
    """The gradebook rows with regrade and mark rows added after each student's own (last row per exercise won)."""
    extra: dict[str, list[Row]] = {}
    for adj in adjustments:
        mine = [r for r in rows if r.student == adj.student and r.exercise == adj.exercise]
        base = next((r for r in rows if r.student == adj.student), None)
        if base is None:
            continue
        if adj.kind == "regrade":
            automatic = sum(r.points for r in mine)
            delta, max_points = adj.points - automatic, 0.0
            message = f"regraded from {automatic:g} to {adj.points:g} points: {adj.note}"
        else:
            delta, max_points = adj.points, adj.max_points
            message = f"written answer marked {adj.points:g} / {adj.max_points:g}: {adj.note}"
        extra.setdefault(adj.student, []).append(
            Row(
                adj.student,
                base.assignment,
                adj.exercise,
                "",
                adj.kind,
                delta,
                max_points,
                message,
                base.submission,
                base.sha256,
            )
        )
    out: list[Row] = []
    for i, row in enumerate(rows):
        out.append(row)
        if i + 1 == len(rows) or rows[i + 1].student != row.student:
            out.extend(extra.pop(row.student, []))
    return out
