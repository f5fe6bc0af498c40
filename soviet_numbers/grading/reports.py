"""What grading writes: the gradebook CSV, one feedback file per student, the written answers per exercise.

Every file goes through :func:`.outputs.write_atomic` (a temporary file, then a rename; recorded as ours). Students'
text in the instructor's Markdown is escaped: written answers sit in fenced code blocks (no heading, link, image
or HTML of theirs is rendered), and names and short answers in running text or tables are escaped
(:func:`md_text`).
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..checks import status_label
from .outputs import write_atomic

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
MESSAGE_LIMIT = 400  # characters of any one feedback message: student text that comes back is bounded


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
    answers: dict[str, str] = field(default_factory=dict)  # variable -> the answer, short (for class statistics)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~!#])")


def md_text(text: str, limit: int | None = None) -> str:
    """Student text made inert in Markdown and HTML: one line, HTML escaped, Markdown punctuation backslashed."""
    text = " ".join(str(text).split())
    if limit is not None and len(text) > limit:
        text = text[:limit] + "…"
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def md_block(text: str) -> list[str]:
    """Student text, verbatim and inert: a fenced code block longer than any run of backticks in it."""
    fence = "`" * max(3, 1 + max((len(m) for m in re.findall(r"`+", text)), default=0))
    return [fence + "text", text.strip("\n"), fence]


def gradebook_csv(rows: list[Row]) -> str:
    buffer = io.StringIO()
    w = csv.DictWriter(buffer, fieldnames=GRADEBOOK_FIELDS, lineterminator="\n")
    w.writeheader()
    for r in rows:
        d = asdict(r)
        d["status"] = status_label(r.status)
        w.writerow(d)
    return buffer.getvalue()


def write_gradebook(rows: list[Row], out_csv: Path) -> None:
    """One row per answer (and per problem), statuses in words."""
    write_atomic(Path(out_csv), gradebook_csv(rows))


def written_answers_name(assignment: str, exercise_id: str) -> str:
    return f"written_{assignment}_{exercise_id}.md"


def write_written_answers(
    answers: list[tuple[str, str]], assignment: str, exercise_id: str, folder: Path, rubric: list[str] = ()
) -> None:
    """Every student's written answer to one exercise, with the rubric (instructors only), in one Markdown file."""
    lines = [
        f"# Written answers: {assignment}, exercise {exercise_id}",
        "",
        "Collected by `soviet-numbers grade`. Never auto-scored: read and grade them yourself "
        "(`soviet-numbers marks-template` writes the marks file). Each answer is shown verbatim, as text.",
        "",
    ]
    if rubric:
        lines += ["**Rubric** (what a strong answer covers; students never see it):", ""]
        lines += [f"- {point}" for point in rubric] + [""]
    for student, text in sorted(answers):
        lines += [f"## {md_text(student)}", "", *md_block(text), ""]
    write_atomic(Path(folder) / written_answers_name(assignment, exercise_id), "\n".join(lines))


def _bounded(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= MESSAGE_LIMIT else text[:MESSAGE_LIMIT] + "…"


def feedback_name(student: str, suffix: str = "") -> str:
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in student) or "student"
    return f"{safe}{suffix}.md"


def write_feedback(
    rep: StudentReport, assignment: str, feedback_dir: Path, suffix: str = "", name: str | None = None
) -> None:
    automatic = [r for r in rep.rows if r.status not in ("note", "regrade", "marked")]
    earned = sum(r.points for r in automatic) + sum(r.points for r in rep.rows if r.status == "regrade")
    possible = sum(r.max_points for r in automatic)
    marked = [r for r in rep.rows if r.status == "marked"]
    lines = [
        f"# Feedback for {md_text(rep.student)}: {assignment}",
        "",
        f"Automatic points (with any regrade): **{earned:g} / {possible:g}**.",
    ]
    if marked:
        lines.append(
            f"Written answers, marked by your instructor: **{sum(r.points for r in marked):g} / "
            f"{sum(r.max_points for r in marked):g}**."
        )
    else:
        lines.append("Written answers are marked separately by your instructor.")
    lines += ["", "| exercise | answer | result | feedback |", "|---|---|---|---|"]
    for r in rep.rows:
        # the gradebook names the classmates whose variant an answer fits; a student's own feedback never does
        msg = re.sub(r"matches the variant of [^;]*", "matches another student's version of this exercise", r.message)
        msg = _bounded(msg).replace("|", "\\|")
        lines.append(f"| {r.exercise} | {r.variable} | {status_label(r.status)} | {msg} |")
    write_atomic(Path(feedback_dir) / (name or feedback_name(rep.student, suffix)), "\n".join(lines) + "\n")


def summary(rows: list[Row]) -> str:
    students = sorted({r.student for r in rows})
    total = defaultdict(float)
    for r in rows:
        total[r.student] += r.points
    return "\n".join(f"{s}: {total[s]:g} points" for s in students)
