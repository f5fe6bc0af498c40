"""Export a gradebook to the CSV files learning management systems import.

    soviet-numbers export grading/grades.csv --format canvas --roster roster.csv --out canvas.csv

One total per student (automatic points, regrades and written marks; written answers count only once marked).
A roster maps submission names to LMS identities; names it does not match are listed, never dropped.

The formats, as documented:

- **Canvas**: the Gradebook's CSV import reads a student column (Student, ID or SIS User ID), SIS Login ID, Section
  and one column per assignment, named after it (Ohio State's CarmenCanvas guide, 'Import CSV File for Carmen
  Grades', teaching.resources.osu.edu/toolsets/carmencanvas/guides/calculating-final-grades/import-csv-file-carmen-
  grades; Canvas's own export, 'Gradebook Action Menu', ts.vcu.edu/askit/...). We write exactly the export's first
  five columns: Student, ID, SIS User ID, SIS Login ID, Section, then the assignment.
- **Moodle**: Grades > Import > CSV file maps one column to the user ('Identify user by': email address or ID
  number) and one to the grade item (Moodle's grade/import/csv; the moodle-autograder README, github.com/
  aaronsamuel137/moodle-autograder). We write Email address, ID number, Full name and the assignment.
- **Gradescope**: a roster is matched by Email (and SID), names are Name (Gradescope Help, 'Adding Students and
  Staff', help.gradescope.com/article/w59nl02vyt); its score exports name the score 'Total Score'. We write Name,
  Email, SID and Total Score. (The stored documents hold no page on Gradescope's score upload itself: check the
  column mapping Gradescope offers when you upload.)
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

FORMATS = {
    "canvas": ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"],
    "moodle": ["Email address", "ID number", "Full name"],
    "gradescope": ["Name", "Email", "SID"],
}
ROSTER_FIELDS = {  # roster column -> what it fills in each format
    "name": ("Student", "Full name", "Name"),
    "id": ("ID",),
    "sis_user_id": ("SIS User ID",),
    "sis_login_id": ("SIS Login ID",),
    "section": ("Section",),
    "email": ("Email address", "Email"),
    "id_number": ("ID number", "SID"),
}


class ExportError(ValueError):
    """A gradebook or roster that cannot be exported."""


def totals(gradebook: Path) -> tuple[dict[str, tuple[float, float]], str]:
    """Per student: (points, possible); and the assignment's name."""
    try:
        with Path(gradebook).open(newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ExportError(f"cannot read {gradebook}: {exc}") from exc
    if not rows or not {"student", "points", "max_points", "status", "assignment"} <= set(rows[0]):
        raise ExportError(f"{gradebook} is not a gradebook written by `soviet-numbers grade`")
    points: dict[str, float] = defaultdict(float)
    possible: dict[str, float] = defaultdict(float)
    for row in rows:
        try:
            points[row["student"]] += float(row["points"] or 0)
            if row["status"] != "note":
                possible[row["student"]] += float(row["max_points"] or 0)
        except ValueError as exc:
            raise ExportError(f"{gradebook}: a points value is not a number ({exc})") from exc
    return {s: (points[s], possible[s]) for s in points}, rows[0]["assignment"]


def read_roster(path: Path | None) -> dict[str, dict]:
    if path is None:
        return {}
    try:
        with Path(path).open(newline="", encoding="utf-8-sig") as f:
            rows = list(csv.DictReader(f))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ExportError(f"cannot read {path}: {exc}") from exc
    if rows and "student" not in rows[0]:
        raise ExportError(f"{path} needs a 'student' column (the submission's name) and any of {sorted(ROSTER_FIELDS)}")
    return {row["student"].strip().lower(): row for row in rows}


def export(gradebook: Path, fmt: str, out: Path, roster: Path | None = None, title: str = "") -> dict:
    """Write ``out`` in an LMS's format; returns the students exported, unmatched, and missing from the class."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    scores, assignment = totals(gradebook)
    people = read_roster(roster)
    column = "Total Score" if fmt == "gradescope" else (title or assignment)
    header = FORMATS[fmt] + [column]
    unmatched = [s for s in sorted(scores) if people and s.lower() not in people]
    absent = sorted(r["student"] for key, r in people.items() if key not in {s.lower() for s in scores})
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    with Path(out).open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        for student in sorted(scores):
            if student in unmatched:
                continue
            person = people.get(student.lower(), {})
            cells = {name: "" for name in FORMATS[fmt]}
            for field, targets in ROSTER_FIELDS.items():
                for target in targets:
                    if target in cells:
                        cells[target] = (person.get(field) or "").strip()
            name_column = FORMATS[fmt][0] if fmt != "moodle" else "Full name"
            cells[name_column] = cells[name_column] or student
            writer.writerow([cells[c] for c in FORMATS[fmt]] + [f"{scores[student][0]:g}"])
    if unmatched:
        with Path(out).with_suffix(".unmatched.csv").open("w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(["student", "points", "possible", "problem"])
            for student in unmatched:
                writer.writerow([student, f"{scores[student][0]:g}", f"{scores[student][1]:g}", "not in the roster"])
    return {"exported": len(scores) - len(unmatched), "unmatched": unmatched, "absent": absent}
