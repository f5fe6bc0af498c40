"""After grading: regrades and written marks, LMS exports, the similarity report; the same inputs, the same files."""

import csv
from pathlib import Path

import pytest
from helpers import ASSIGNMENT, answered
from helpers import read_notebook as notebook
from helpers import write_notebook as write

from soviet_numbers.grading.adjustments import AdjustmentError, read_adjustments
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


STUDENTS, MAXIMA, WRITTEN = ["ada", "bo"], {"1.1": 1.0, "1.2": 1.0, "1.7": 0.0}, {"1.7"}


def test_regrades_and_written_marks_are_rows_of_their_own(tmp_path):
    overrides = _csv(
        tmp_path / "o.csv",
        ["student", "exercise", "points", "reason"],
        ["ada", "1.2", "0", "first thought"],
        ["ada", "1.2", "1", "accepted 4.5"],  # the same regrade entered again: the last row wins, once
    )
    marks = _csv(
        tmp_path / "m.csv",
        ["student", "exercise", "points", "comment", "max_points"],
        ["bo", "1.7", "3", "clear on the denominator", "4"],
        ["ada", "1.7", "", "", "4"],  # a template line not filled in: no mark
    )
    rows = apply_adjustments(ROWS, read_adjustments(overrides, marks, STUDENTS, MAXIMA, WRITTEN))
    assert sum(r.points for r in rows if r.student == "ada") == 2
    regrades = [r for r in rows if r.status == "regrade"]
    assert len(regrades) == 1 and "from 0 to 1" in regrades[0].message and "accepted 4.5" in regrades[0].message
    marked = next(r for r in rows if r.status == "marked")
    assert (marked.points, marked.max_points) == (3, 4) and "denominator" in marked.message
    bad = _csv(
        tmp_path / "u.csv",
        ["student", "exercise", "points", "reason"],
        ["zed", "1.1", "1", "?"],
        ["ada", "9.9", "1", "?"],
        ["ada", "1.1", "2", "above the maximum"],
        ["ada", "1.1", "-1", "negative"],
        ["ada", "1.1", "lots", "?"],
    )
    with pytest.raises(AdjustmentError) as problems:
        read_adjustments(bad, None, STUDENTS, MAXIMA, WRITTEN)
    for needle in ("line 2: no submission from 'zed'", "line 3: no exercise '9.9'", "line 4: 2 points", "line 5: -1"):
        assert needle in str(problems.value), needle
    assert "'lots'" in str(problems.value)
    uneven = _csv(
        tmp_path / "e.csv",
        ["student", "exercise", "points", "comment", "max_points"],
        ["ada", "1.7", "3", "", "4"],
        ["bo", "1.7", "3", "", "5"],
    )
    with pytest.raises(AdjustmentError, match="same denominator"):
        read_adjustments(None, uneven, STUDENTS, MAXIMA, WRITTEN)
    with pytest.raises(AdjustmentError):
        read_adjustments(_csv(tmp_path / "c.csv", ["who", "what"], ["ada", "1.1"]), None, STUDENTS, MAXIMA, WRITTEN)


def _gradebook(tmp_path) -> Path:
    from soviet_numbers.grading.reports import write_gradebook

    write_gradebook(ROWS, tmp_path / "grades.csv")
    return tmp_path / "grades.csv"


@pytest.mark.parametrize(
    "fmt, header",
    [
        ("canvas", ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "Lecture 1"]),
        ("moodle", ["Email address", "ID number", "Full name", "Lecture 1"]),
    ],
)
def test_exports_match_each_lms_and_list_the_unmatched(tmp_path, fmt, header):
    roster = _csv(
        tmp_path / "roster.csv",
        ["student", "name", "id", "sis_user_id", "sis_login_id", "section", "email", "id_number"],
        ["ada", "Lovelace, Ada", "101", "S101", "ada@uni.edu", "A", "ada@uni.edu", "9001"],
        ["cy", "Cy, Young", "103", "S103", "cy@uni.edu", "A", "cy@uni.edu", "9003"],
    )
    result = export(_gradebook(tmp_path), fmt, tmp_path / f"{fmt}.csv", roster, "Lecture 1", missing="zero")
    with (tmp_path / f"{fmt}.csv").open(encoding="utf-8") as f:
        table = list(csv.reader(f))
    assert table[0] == header
    if fmt == "canvas":
        assert table[1][0].strip() == "Points Possible" and table[1][-1] == "2"  # 1.1 and 1.2, one point each
        table = [table[0], *table[2:]]
    assert result["possible"] == 2
    assert len(table) == 3 and table[1][-1] == "1" and table[2][-1] == "0"  # ada 1 point; cy, absent, 0
    assert "ada@uni.edu" in table[1] or fmt == "canvas" and "S101" in table[1]
    assert result["unmatched"] == ["bo"] and result["absent"] == ["cy"]
    assert "bo" in (tmp_path / f"{fmt}.unmatched.csv").read_text(encoding="utf-8")  # listed, never dropped
    export(_gradebook(tmp_path), fmt, tmp_path / f"{fmt}.csv", roster, "Lecture 1")  # ours: may be replaced
    with (tmp_path / f"{fmt}.csv").open(encoding="utf-8") as f:
        assert list(csv.reader(f))[-1][-1] == ""  # blank for the absent by default
    with pytest.raises(ExportError):
        export(roster, fmt, tmp_path / "x.csv", title="Lecture 1")  # not a gradebook


def test_exports_refuse_a_missing_title_a_duplicate_roster_row_and_gradescope(tmp_path):
    book = _gradebook(tmp_path)
    with pytest.raises(ExportError, match="--title"):
        export(book, "canvas", tmp_path / "canvas.csv")
    twice = _csv(tmp_path / "r.csv", ["student", "email"], ["ada", "a@uni.edu"], ["Ada", "b@uni.edu"])
    with pytest.raises(ExportError, match="twice"):
        export(book, "moodle", tmp_path / "moodle.csv", twice)
    shared = _csv(tmp_path / "s.csv", ["student", "email"], ["ada", "a@uni.edu"], ["bo", "A@uni.edu"])
    with pytest.raises(ExportError, match="share the email"):
        export(book, "moodle", tmp_path / "moodle.csv", shared)
    with pytest.raises(ExportError, match="unknown format"):
        export(book, "gradescope", tmp_path / "gs.csv")
    assert {p.name for p in tmp_path.glob("*.csv")} == {"grades.csv", "r.csv", "s.csv"}


def test_similarity_flags_close_pairs_and_never_penalises(tmp_path):
    text = "The budget grew so the share of administration fell even though spending fell only a little"
    answers = [("ada", text), ("bo", text + " in nominal rubles"), ("cy", "Prices rose, so nominal figures mislead.")]
    pairs = similar_pairs(answers)
    assert [(a, b) for _, a, b in pairs] == [("ada", "bo")]
    report = write_similarity_report({"1.7": answers}, ASSIGNMENT, tmp_path).read_text(encoding="utf-8")
    assert "ada and bo" in report and "no penalty" in report and "cy" not in report.split("##", 1)[1]


@pytest.mark.grading  # a class graded twice (its own .ci/run step)
def test_grading_twice_with_the_same_inputs_writes_the_same_files(tmp_path):
    write(tmp_path / "subs", "alice.ipynb", answered())
    write(tmp_path / "subs", "bob.ipynb", notebook())
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


@pytest.mark.grading  # a class graded twice (its own .ci/run step)
def test_regrade_and_marks_apply_to_stored_results_without_running_the_class(tmp_path, monkeypatch):
    import soviet_numbers.grading.grade as grading
    from soviet_numbers.__main__ import main

    write(tmp_path / "subs", "alice.ipynb", answered())
    write(tmp_path / "subs", "bob.ipynb", notebook())
    out = tmp_path / "out"
    grade_submissions(tmp_path / "subs", ASSIGNMENT, out / "grades.csv", workers=2, sandboxed=False)
    stats = (out / f"stats_{ASSIGNMENT}.md").read_text(encoding="utf-8")
    assert "| 1.1 " in stats and "1 of 2" in stats  # alice right, bob not

    def no_run(*args, **kwargs):
        raise AssertionError("a notebook ran again")

    monkeypatch.setattr(grading, "execute_submission", no_run)
    assert main(["marks-template", str(out / "grades.csv"), "--out", str(tmp_path / "marks.csv")]) == 0
    with (tmp_path / "marks.csv").open(encoding="utf-8") as f:
        template = list(csv.DictReader(f))
    written = sorted({r["exercise"] for r in template})
    assert written == ["1.7", "1.8"] and {r["student"] for r in template} == {"alice", "bob"}
    assert all(float(r["max_points"]) > 0 and r["points"] == "" for r in template)
    for r in template:
        r["points"], r["comment"] = ("2", "good") if r["student"] == "alice" else ("", "")
    with (tmp_path / "marks.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(template[0]))
        w.writeheader()
        w.writerows(template)
    overrides = _csv(tmp_path / "o.csv", ["student", "exercise", "points", "reason"], ["bob", "1.1", "1", "oral"])
    argv = ["regrade", str(out / "grades.csv"), "--overrides", str(overrides), "--written-marks"]
    assert main([*argv, str(tmp_path / "marks.csv")]) == 0
    with (out / "grades.csv").open(encoding="utf-8") as f:
        book = list(csv.DictReader(f))
    assert sum(float(r["points"]) for r in book if r["student"] == "alice") == 9 + 2 * len(written)
    assert sum(float(r["points"]) for r in book if r["student"] == "bob") == 1
    assert "regraded from 0 to 1 points: oral" in (out / "feedback" / "bob.md").read_text(encoding="utf-8")
    before = (out / "grades.csv").read_bytes()
    bad = _csv(tmp_path / "bad.csv", ["student", "exercise", "points", "reason"], ["bob", "1.1", "7", "?"])
    assert main(["regrade", str(out / "grades.csv"), "--overrides", str(bad)]) != 0
    assert (out / "grades.csv").read_bytes() == before


def _zip(path: Path, entries: dict[str, tuple[bytes, tuple]]) -> Path:
    import zipfile

    with zipfile.ZipFile(path, "w") as z:
        for name, (data, when) in entries.items():
            z.writestr(zipfile.ZipInfo(name, date_time=when), data)
    return path


@pytest.mark.parametrize("lms", ["canvas", "moodle"])
def test_a_bulk_download_becomes_one_notebook_per_student(tmp_path, lms):
    from soviet_numbers.__main__ import main
    from soviet_numbers.grading.collect import collect

    early, late = (2026, 11, 1, 9, 0, 0), (2026, 11, 2, 9, 0, 0)
    if lms == "canvas":  # lastnamefirstname_[LATE_]userid_submissionid_filename
        entries = {
            "lovelaceada_101_5001_01_sources_of_accumulation.ipynb": (b"ada first", early),
            "lovelaceada_LATE_101_5002_01_sources_of_accumulation-1.ipynb": (b"ada newer", late),
            "babbagecharles_102_5003_my_answers.ipynb": (b"charles", early),
            "babbagecharles_102_5003_notes.pdf": (b"not a notebook", early),
        }
        expected = {"lovelaceada": b"ada newer", "babbagecharles": b"charles"}
    else:  # Full Name_participantid_assignsubmission_file_/filename
        entries = {
            "Ada Lovelace_101_assignsubmission_file_/01_sources_of_accumulation.ipynb": (b"ada first", early),
            "Ada Lovelace_101_assignsubmission_file_/v2/01_sources_of_accumulation.ipynb": (b"ada newer", late),
            "Charles Babbage_102_assignsubmission_file_/answers.ipynb": (b"charles", early),
            "Charles Babbage_102_assignsubmission_onlinetext_/onlinetext.html": (b"<p>hi</p>", early),
        }
        expected = {"Ada_Lovelace": b"ada newer", "Charles_Babbage": b"charles"}
    bulk = _zip(tmp_path / "bulk.zip", entries)
    out = tmp_path / "submissions"
    assert main(["collect", str(bulk), "--lms", lms, "--out", str(out)]) == 0
    got = {p.stem: p.read_bytes() for p in out.glob("*.ipynb")}
    assert got == expected
    assert [s.student for s in collect(out)] == sorted(expected)
    assert main(["collect", str(bulk), "--lms", lms, "--out", str(out)]) == 0  # ours: may be refreshed
    (out / f"{sorted(expected)[0]}.ipynb").write_bytes(b"edited by the instructor")
    assert main(["collect", str(bulk), "--lms", lms, "--out", str(out)]) != 0  # not ours any more
    assert (out / f"{sorted(expected)[0]}.ipynb").read_bytes() == b"edited by the instructor"


def test_class_statistics_show_who_was_right_the_commonest_wrong_answers_and_the_median(tmp_path):
    from soviet_numbers.assignments import assignment_exercises
    from soviet_numbers.grading.reports import StudentReport
    from soviet_numbers.grading.stats import class_statistics, write_statistics

    def report(student, points, answer=None):
        status = "correct" if points else "wrong"
        rows = [_row(student, "1.1", points, 1, status)]
        rows[0].variable = "admin_industry_change"
        return StudentReport(student, rows, answers={"admin_industry_change": answer} if answer else {})

    reports = [report("ada", 1), report("bo", 0, "-18"), report("cy", 0, "-18"), report("di", 0, "<b>60</b>")]
    exercises = assignment_exercises(ASSIGNMENT)
    first = next(s for s in class_statistics(reports, exercises) if s["exercise"] == "1.1")
    assert (first["right"], first["graded"], first["median"]) == (1, 4, 0)
    assert first["wrong"]["admin_industry_change"][0] == ("-18", 2)
    text = write_statistics(reports, exercises, ASSIGNMENT, tmp_path).read_text(encoding="utf-8")
    assert "| 1.1 " in text and "1 of 4" in text and "-18 (2)" in text and "&lt;b&gt;60" in text
