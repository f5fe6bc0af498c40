"""Nothing of the instructor's is lost: every refusal happens before any notebook runs, exits non-zero, and leaves
every file byte-identical. Also: written answers and reports escape students' text; outputs are written atomically
and marked as ours."""

import csv
import hashlib
from pathlib import Path

import pytest
from helpers import ASSIGNMENT, answered
from helpers import write_notebook as write

import soviet_numbers.grading.grade as grading
from soviet_numbers.__main__ import main
from soviet_numbers.grading.outputs import LEDGER, Refusal, is_ours, write_atomic
from soviet_numbers.grading.reports import md_text, write_written_answers
from soviet_numbers.grading.similarity import write_similarity_report


def _snapshot(folder: Path) -> dict:
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def course(tmp_path, monkeypatch):
    """A course folder with a class and the instructor's own files; running any notebook fails the test."""
    write(tmp_path / "submissions", "ada.ipynb", answered())
    (tmp_path / "notes.csv").write_text("the instructor's own notes\n", encoding="utf-8")
    (tmp_path / "grades.csv").write_text("student,points\nada,9\n", encoding="utf-8")  # kept by hand
    (tmp_path / "afile").write_text("a file\n", encoding="utf-8")
    (tmp_path / "empty").mkdir()

    def no_run(*args, **kwargs):
        raise AssertionError("a notebook ran before the refusal")

    monkeypatch.setattr(grading, "execute_submission", no_run)
    monkeypatch.chdir(tmp_path)
    return tmp_path


GRADE = ["grade", "--assignment", ASSIGNMENT, "--no-sandbox", "--workers", "1"]


@pytest.mark.parametrize(
    "argv, reason",
    [
        (["submisions", "--out", "out/grades.csv"], "no submissions folder"),  # a typo
        (["empty", "--out", "out/grades.csv"], "no notebooks"),
        (["afile", "--out", "out/grades.csv"], "is a file"),
        (["submissions", "--out", "submissions/ada.ipynb"], "inside the input folder"),
        (["submissions", "--out", "submissions/grades.csv"], "inside the input folder"),
        (["submissions", "--out", "grades.csv"], "not written by soviet-numbers"),  # the instructor's own file
        (["submissions", "--out", "notes.csv"], "not written by soviet-numbers"),
        (["submissions", "--out", "afile/grades.csv"], "cannot write"),  # an unwritable path
        (["submissions", "--out", "out/grades.csv", "--feedback", "submissions"], "inside the input folder"),
        (["submissions", "--out", "out/grades.csv", "--overrides", "nothing.csv"], "no such file"),
        (["submissions", "--out", "notes.csv", "--overrides", "notes.csv"], "also an input"),
    ],
)
def test_grade_refuses_before_any_run_and_changes_nothing(course, capsys, argv, reason):
    before = _snapshot(course)
    assert main(GRADE[:1] + argv[:1] + GRADE[1:] + argv[1:]) != 0
    assert reason in capsys.readouterr().err
    assert _snapshot(course) == before


def test_bad_regrade_rows_are_refused_before_any_run(course, capsys):
    rows = [
        ["ada", "1.1", "5", "above the maximum"],
        ["ada", "1.2", "-1", "negative"],
        ["zed", "1.1", "1", "nobody"],
        ["ada", "9.9", "1", "no such exercise"],
        ["ada", "1.3", "many", "not a number"],
    ]
    with (course / "regrades.csv").open("w", newline="") as f:
        csv.writer(f).writerows([["student", "exercise", "points", "reason"], *rows])
    before = _snapshot(course)
    assert main([*GRADE[:1], "submissions", *GRADE[1:], "--out", "out/grades.csv", "--overrides", "regrades.csv"])
    err = capsys.readouterr().err
    for needle in ("outside 0 to 1", "-1 points", "'zed'", "'9.9'", "'many'"):
        assert needle in err, needle
    assert _snapshot(course) == before


def test_export_refuses_to_overwrite_its_input_or_a_foreign_file(course, capsys):
    write_atomic(course / "out" / "grades.csv", "student,assignment,exercise,status,points,max_points\n")
    before = _snapshot(course)
    gradebook = str(course / "out" / "grades.csv")
    assert main(["export", gradebook, "--format", "moodle", "--title", "L1", "--out", gradebook]) != 0
    assert "also an input" in capsys.readouterr().err
    assert main(["export", gradebook, "--format", "moodle", "--title", "L1", "--out", "notes.csv"]) != 0
    assert "not written by soviet-numbers" in capsys.readouterr().err
    assert _snapshot(course) == before


def test_outputs_are_atomic_and_marked_as_ours(tmp_path):
    path = write_atomic(tmp_path / "grades.csv", "a\n")
    assert is_ours(path) and (tmp_path / LEDGER).is_file()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    path.write_text("edited by hand\n")
    assert not is_ours(path)
    with pytest.raises(Refusal):
        grading.check_outputs([path])


def test_default_out_works_from_the_course_folder():
    """The sandbox shows only the package and its data: it depends on no output folder, so the course folder as
    the output folder (the default --out, run from the course) hides nothing the submission needs."""
    from soviet_numbers.grading.sandbox import Sandbox, _package_dirs

    command = " ".join(Sandbox().command())
    for path in _package_dirs():
        assert f"--ro-bind {path} {path}" in command
    assert "--ro-bind / /" not in command


INJECTION = "## mallory\n\nI get full marks. <img src=x onerror=alert(1)> ![t](http://evil.example/p.png) [a](x)"


def _html(markdown: str) -> str:
    from markdown_it import MarkdownIt  # as myst (the book) renders Markdown

    return MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)


def test_students_text_is_escaped_in_the_instructors_reports(tmp_path):
    answers = [("ada", INJECTION), ("bo", INJECTION + " too")]
    write_written_answers(answers, ASSIGNMENT, "1.7", tmp_path, ["a rubric point"])
    written = _html((tmp_path / f"written_{ASSIGNMENT}_1.7.md").read_text(encoding="utf-8"))
    assert written.count("<h2>") == 2 and "<h2>ada</h2>" in written and "<h2>bo</h2>" in written  # no fake section
    assert "## mallory" in written and "&lt;img" in written  # the text is there, verbatim, as text
    assert "<img" not in written and "<a " not in written
    report = _html(write_similarity_report({"1.7": answers}, ASSIGNMENT, tmp_path).read_text(encoding="utf-8"))
    assert "ada and bo" in report and "&lt;img" in report
    assert "<img" not in report and "<a " not in report and report.count("<h2>") == 1
    assert md_text("<b>x</b> | y") == "&lt;b&gt;x&lt;/b&gt; \\| y"


class _Stream:
    def __init__(self, tty: bool):
        self.tty, self.text = tty, ""

    def isatty(self) -> bool:
        return self.tty

    def write(self, text: str) -> None:
        self.text += text

    def flush(self) -> None:
        pass


def test_progress_counts_on_a_terminal_and_is_quiet_otherwise():
    from soviet_numbers.grading.progress import Progress

    for tty in (True, False):
        stream = _Stream(tty)
        with Progress(3, "graded", stream=stream) as shown:
            for _ in range(3):
                shown.step()
        assert ("graded 3 of 3" in stream.text) is tty and (stream.text == "") is not tty


def test_a_second_gradebook_of_the_same_assignment_needs_a_folder_of_its_own(course, capsys):
    """The reports sit beside a gradebook, named by the assignment: a second gradebook in the same folder would
    replace the first one's statistics and feedback. Refused before any run; the first gradebook's files unchanged."""
    first = course / "out" / "grades.csv"
    header = ["student", "assignment", "exercise", "variable", "status", "points", "max_points", "message"]
    write_atomic(first, ",".join(header) + f"\nada,{ASSIGNMENT},1.1,x,correct,1,1,ok\n")  # as grade writes it
    before = _snapshot(course)
    assert main(GRADE[:1] + ["submissions"] + GRADE[1:] + ["--out", "out/swap.csv"]) != 0
    assert "another gradebook" in capsys.readouterr().err
    assert _snapshot(course) == before


def test_a_feedback_folder_of_another_gradebook_is_refused(course, capsys):
    from soviet_numbers.grading.plan import OWNER_FILE

    first = course / "out" / "grades.csv"
    first.parent.mkdir()
    first.write_text("student,points\n", encoding="utf-8")
    write_atomic(course / "out" / "feedback" / OWNER_FILE, "../grades.csv\n")  # as grade leaves it
    before = _snapshot(course)
    argv = ["--out", "other/grades.csv", "--feedback", "out/feedback"]
    assert main(GRADE[:1] + ["submissions"] + GRADE[1:] + argv) != 0
    assert "feedback of another gradebook" in capsys.readouterr().err
    assert _snapshot(course) == before
