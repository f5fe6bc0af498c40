"""After grading: regrades and written marks, LMS exports, the similarity report; the same inputs, the same files."""

import csv
from pathlib import Path

import pytest
from helpers import ASSIGNMENT
from helpers import answered as _answered
from helpers import read_notebook as _nb
from helpers import write_notebook as _write

from soviet_numbers.grading.adjustments import AdjustmentError
from soviet_numbers.grading.adjustments import apply as apply_adjustments
from soviet_numbers.grading.grade import grade_submissions
from soviet_numbers.grading.lms import ExportError, export
from soviet_numbers.grading.reports import Row
from soviet_numbers.grading.similarity import similar_pairs, write_similarity_report


def _row(student, exercise, points, max_points, status="correct"):
    return Row(student, ASSIGNMENT, exercise, "x", status, points, max_points, "", f"{student}.ipynb", "0" * 64)


ROWS = [
    _row("ada", "1.1", 1, 1),
    _row("ada", "1.2", 0, 1, "wrong"),
    _row("bo", "1.1", 1, 1),
    _row("bo", "1.2", 1, 1),
    _row("bo", "1.7", 0, 0, "recorded"),
]


def _csv(path: Path, header: list[str], *rows) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([header, *rows])
    return path


def test_regrades_and_written_marks_are_rows_of_their_own(tmp_path):
    overrides = _csv(
        tmp_path / "o.csv", ["student", "exercise", "points", "reason"], ["ada", "1.2", "1", "accepted 4.5"]
    )
    marks = _csv(
        tmp_path / "m.csv",
        ["student", "exercise", "points", "comment", "max_points"],
        ["bo", "1.7", "3", "clear on the denominator", "4"],
    )
    rows, problems = apply_adjustments(ROWS, overrides, marks)
    assert problems == []
    assert sum(r.points for r in rows if r.student == "ada") == 2
    regrade = next(r for r in rows if r.status == "regrade")
    assert "from 0 to 1" in regrade.message and "accepted 4.5" in regrade.message
    marked = next(r for r in rows if r.status == "marked")
    assert (marked.points, marked.max_points) == (3, 4) and "denominator" in marked.message
    unknown = _csv(
        tmp_path / "u.csv",
        ["student", "exercise", "points", "reason"],
        ["zed", "1.1", "1", "?"],
        ["ada", "9.9", "1", "?"],
    )
    _, problems = apply_adjustments(ROWS, unknown)
    assert len(problems) == 2 and "zed" in problems[0] and "9.9" in problems[1]
    with pytest.raises(AdjustmentError):
        apply_adjustments(
            ROWS, _csv(tmp_path / "b.csv", ["student", "exercise", "points", "reason"], ["ada", "1.1", "lots", "?"])
        )
    with pytest.raises(AdjustmentError):
        apply_adjustments(ROWS, _csv(tmp_path / "c.csv", ["who", "what"], ["ada", "1.1"]))


def _gradebook(tmp_path) -> Path:
    from soviet_numbers.grading.reports import write_gradebook

    write_gradebook(ROWS, tmp_path / "grades.csv")
    return tmp_path / "grades.csv"


@pytest.mark.parametrize(
    "fmt, header",
    [
        ("canvas", ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "Lecture 1"]),
        ("moodle", ["Email address", "ID number", "Full name", "Lecture 1"]),
        ("gradescope", ["Name", "Email", "SID", "Total Score"]),
    ],
)
def test_exports_match_each_lms_and_list_the_unmatched(tmp_path, fmt, header):
    roster = _csv(
        tmp_path / "roster.csv",
        ["student", "name", "id", "sis_user_id", "sis_login_id", "section", "email", "id_number"],
        ["ada", "Lovelace, Ada", "101", "S101", "ada@uni.edu", "A", "ada@uni.edu", "9001"],
        ["cy", "Cy, Young", "103", "S103", "cy@uni.edu", "A", "cy@uni.edu", "9003"],
    )
    result = export(_gradebook(tmp_path), fmt, tmp_path / f"{fmt}.csv", roster, "Lecture 1")
    with (tmp_path / f"{fmt}.csv").open(encoding="utf-8") as f:
        table = list(csv.reader(f))
    assert table[0] == header and len(table) == 2 and table[1][-1] == "1"
    assert "ada@uni.edu" in table[1] or fmt == "canvas" and "S101" in table[1]
    assert result["unmatched"] == ["bo"] and result["absent"] == ["cy"]
    assert "bo" in (tmp_path / f"{fmt}.unmatched.csv").read_text(encoding="utf-8")  # listed, never dropped
    with pytest.raises(ExportError):
        export(roster, fmt, tmp_path / "x.csv")  # not a gradebook


def test_similarity_flags_close_pairs_and_never_penalises(tmp_path):
    text = "The budget grew so the share of administration fell even though spending fell only a little"
    answers = [("ada", text), ("bo", text + " in nominal rubles"), ("cy", "Prices rose, so nominal figures mislead.")]
    pairs = similar_pairs(answers)
    assert [(a, b) for _, a, b in pairs] == [("ada", "bo")]
    report = write_similarity_report({"1.7": answers}, ASSIGNMENT, tmp_path).read_text(encoding="utf-8")
    assert "ada and bo" in report and "no penalty" in report and "cy" not in report.split("##", 1)[1]


def test_grading_twice_with_the_same_inputs_writes_the_same_files(tmp_path):
    _write(tmp_path / "subs", "alice.ipynb", _answered())
    _write(tmp_path / "subs", "bob.ipynb", _nb())
    overrides = _csv(tmp_path / "o.csv", ["student", "exercise", "points", "reason"], ["bob", "1.1", "1", "oral"])
    outputs = []
    for run in ("a", "b"):
        out = tmp_path / run
        grade_submissions(
            tmp_path / "subs", ASSIGNMENT, out / "grades.csv", workers=2, overrides=overrides, sandboxed=False
        )
        outputs.append({p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()})
    assert outputs[0] == outputs[1] and len(outputs[0]) >= 4
    assert b"regraded from 0 to 1 points: oral" in outputs[0][Path("feedback") / "bob.md"]
