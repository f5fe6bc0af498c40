"""Export a gradebook to the CSV files learning management systems import.

    soviet-numbers export grading/grades.csv --format canvas --title "Lecture 1 exercises" --roster roster.csv

One total per student (automatic points, regrades and written marks; written answers count only once marked), and
the points possible. A roster maps submission names to LMS identities; names it does not match are listed, never
dropped; a roster with a student twice is refused. Students of the roster with no submission get a blank cell, or
0 with ``missing="zero"``.

The formats, as documented:

- **Canvas**: the Gradebook's CSV import reads a student column (Student, ID or SIS User ID), SIS Login ID, Section
  and one column per assignment, *matched by the assignment's name* (a column with a name Canvas does not know
  creates a new assignment): so ``--title`` is required and must be the assignment's name in Canvas. Its own export
  carries a "Points Possible" row under the header, which the import accepts (Ohio State's CarmenCanvas guide,
  'Import CSV File for Carmen Grades', teaching.resources.osu.edu/toolsets/carmencanvas/guides/calculating-final-
  grades/import-csv-file-carmen-grades; Canvas's own export, 'Gradebook Action Menu', ts.vcu.edu/askit/...). We
  write the export's first five columns: Student, ID, SIS User ID, SIS Login ID, Section, then the assignment, and
  the Points Possible row.
- **Moodle**: Grades > Import > CSV file maps one column to the user ('Identify user by': email address or ID
  number) and one to the grade item, chosen by hand (Moodle's grade/import/csv; the moodle-autograder README,
  github.com/aaronsamuel137/moodle-autograder). Its CSV carries no maximum: the grade item's maximum grade is set in
  Moodle, so the export reports the points possible for the instructor to set there (and refuses nothing).
- **Gradescope**: dropped. Its documentation, as far as this course could read it, documents a *roster* import
  (Name, Email, SID: Gradescope Help, 'Adding Students and Staff', help.gradescope.com/article/w59nl02vyt) and score
  *exports*, but no page that documents importing scores from a CSV into a Gradescope assignment. A file no
  documented import reads would only look like an export.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from pathlib import Path

from .outputs import Refusal, check_outputs, write_atomic

FORMATS = {
    "canvas": ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"],
    "moodle": ["Email address", "ID number", "Full name"],
}
TITLE_REQUIRED = {"canvas"}  # the LMS matches the grade column by the assignment's name
ROSTER_FIELDS = {  # roster column -> what it fills in each format
    "name": ("Student", "Full name"),
    "id": ("ID",),
    "sis_user_id": ("SIS User ID",),
    "sis_login_id": ("SIS Login ID",),
    "section": ("Section",),
    "email": ("Email address",),
    "id_number": ("ID number",),
}


class ExportError(Refusal):
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
    people: dict[str, dict] = {}
    for line, row in enumerate(rows, start=2):
        key = (row.get("student") or "").strip().lower()
        if not key:
            raise ExportError(f"{path}, line {line}: no student name")
        if key in people:
            raise ExportError(f"{path}, line {line}: {row['student']!r} is in the roster twice (which account?)")
        people[key] = row
    for column in ("id", "sis_user_id", "sis_login_id", "email", "id_number"):
        seen: dict[str, str] = {}
        for row in people.values():
            value = (row.get(column) or "").strip().lower()
            if value and value in seen:
                raise ExportError(f"{path}: {row['student']!r} and {seen[value]!r} share the {column} {value!r}")
            seen[value] = row["student"]
    return people


def export(
    gradebook: Path,
    fmt: str,
    out: Path,
    roster: Path | None = None,
    title: str = "",
    missing: str = "blank",
) -> dict:
    """Write ``out`` in an LMS's format; returns the students exported, unmatched, missing, and points possible."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt in TITLE_REQUIRED and not title.strip():
        raise ExportError(f"{fmt} matches the grade column by the assignment's name: give --title (its exact name)")
    if missing not in ("blank", "zero"):
        raise ExportError("missing must be 'blank' or 'zero'")
    out = Path(out)
    unmatched_path = out.with_suffix(".unmatched.csv")
    check_outputs([out, unmatched_path], inputs=[gradebook, roster])
    scores, assignment = totals(gradebook)
    people = read_roster(roster)
    possible = max(p for _, p in scores.values()) if scores else 0.0
    column = title.strip() or assignment
    unmatched = [s for s in sorted(scores) if people and s.lower() not in people]
    graded = {s.lower() for s in scores}
    absent = sorted(r["student"] for key, r in people.items() if key not in graded)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(FORMATS[fmt] + [column])
    if fmt == "canvas":
        writer.writerow(["    Points Possible", "", "", "", ""] + [f"{possible:g}"])

    def person_cells(student: str, person: dict) -> list[str]:
        cells = {name: "" for name in FORMATS[fmt]}
        for field, targets in ROSTER_FIELDS.items():
            for target in targets:
                if target in cells:
                    cells[target] = (person.get(field) or "").strip()
        name_column = "Full name" if fmt == "moodle" else "Student"
        cells[name_column] = cells[name_column] or student
        return [cells[c] for c in FORMATS[fmt]]

    rows = []
    for student in sorted(scores):
        if student not in unmatched:
            rows.append(person_cells(student, people.get(student.lower(), {})) + [f"{scores[student][0]:g}"])
    for student in absent:
        rows.append(person_cells(student, people[student.lower()]) + ["0" if missing == "zero" else ""])
    writer.writerows(rows)
    write_atomic(out, buffer.getvalue())
    if unmatched:
        listing = io.StringIO()
        w = csv.writer(listing, lineterminator="\n")
        w.writerow(["student", "points", "possible", "problem"])
        for student in unmatched:
            w.writerow([student, f"{scores[student][0]:g}", f"{scores[student][1]:g}", "not in the roster"])
        write_atomic(unmatched_path, listing.getvalue())
    return {
        "exported": len(scores) - len(unmatched),
        "unmatched": unmatched,
        "absent": absent,
        "possible": possible,
        "column": column,
    }
