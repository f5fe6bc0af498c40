"""What grading writes: the gradebook CSV, one feedback file per student, the written answers per exercise."""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..checks import status_label

GRADEBOOK_FIELDS = [
    "student",
    "assignment",
    "exercise",
    "variable",
    "status",
    "points",
    "max_points",
    "message",
    "submission",
    "sha256",
]


@dataclass
class Row:
    student: str
    assignment: str
    exercise: str
    variable: str
    status: str
    points: float
    max_points: float
    message: str
    submission: str
    sha256: str


@dataclass
class StudentReport:
    student: str
    rows: list[Row] = field(default_factory=list)
    written: dict[str, str] = field(default_factory=dict)


def write_gradebook(rows: list[Row], out_csv: Path) -> None:
    """One row per answer (and per problem), statuses in words."""
    out_csv.parent.mkdir(parents=True, exist_ok=True)
    with out_csv.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=GRADEBOOK_FIELDS, lineterminator="\n")
        w.writeheader()
        for r in rows:
            d = asdict(r)
            d["status"] = status_label(r.status)
            w.writerow(d)


def write_written_answers(
    answers: list[tuple[str, str]], assignment: str, exercise_id: str, folder: Path, rubric: list[str] = ()
) -> None:
    """Every student's written answer to one exercise, with the rubric (instructors only), in one Markdown file."""
    lines = [
        f"# Written answers: {assignment}, exercise {exercise_id}",
        "",
        "Collected by `soviet-numbers grade`. Never auto-scored: read and grade them yourself.",
        "",
    ]
    if rubric:
        lines += ["**Rubric** (what a strong answer covers; students never see it):", ""]
        lines += [f"- {point}" for point in rubric] + [""]
    for student, text in sorted(answers):
        lines += [f"## {student}", "", text.strip(), ""]
    (folder / f"written_{assignment}_{exercise_id}.md").write_text("\n".join(lines), encoding="utf-8")


def write_feedback(rep: StudentReport, assignment: str, feedback_dir: Path, suffix: str = "") -> None:
    earned = sum(r.points for r in rep.rows)
    possible = sum(r.max_points for r in rep.rows if r.status != "note")
    lines = [
        f"# Feedback for {rep.student}: {assignment}",
        "",
        f"Automatic points: **{earned:g} / {possible:g}** (written answers are graded separately by your instructor).",
        "",
        "| exercise | answer | result | feedback |",
        "|---|---|---|---|",
    ]
    for r in rep.rows:
        msg = r.message.replace("|", "\\|").replace("\n", " ")
        lines.append(f"| {r.exercise} | {r.variable} | {status_label(r.status)} | {msg} |")
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in rep.student) or "student"
    (feedback_dir / f"{safe}{suffix}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def summary(rows: list[Row]) -> str:
    students = sorted({r.student for r in rows})
    total = defaultdict(float)
    for r in rows:
        total[r.student] += r.points
    return "\n".join(f"{s}: {total[s]:g} points" for s in students)
