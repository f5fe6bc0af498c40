"""The instructor workflow: release, then autograde a class, with every bad input recorded and nothing altered."""

import csv
import hashlib
import os
import re
import zipfile

import nbformat
import pytest
from helpers import ASSIGNMENT, EXERCISE, answered, rows_of
from helpers import read_notebook as notebook
from helpers import write_notebook as write

from soviet_numbers.assignments import assignment_exercises
from soviet_numbers.build_exercises import EXERCISES, ROOT
from soviet_numbers.grading.collect import collect, ignored_files
from soviet_numbers.grading.grade import grade_submissions
from soviet_numbers.grading.release import release

pytestmark = pytest.mark.grading  # whole classes graded end to end: its own .ci/run step (pyproject.toml)


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    subs = tmp_path_factory.mktemp("submissions")
    out = tmp_path_factory.mktemp("out")
    write(subs, "alice.ipynb", answered())
    write(subs, "bob.ipynb", notebook())  # handed in blank
    cheat = notebook()
    for cell in cheat.cells:
        if cell.cell_type == "code" and "check(" in cell.source:
            cell.source = 'check = lambda *a: print("✓ Correct")\n' + cell.source
            cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="✓ Correct\n")]
    write(subs, "mallory.ipynb", cheat)
    (subs / "carol.ipynb").write_text("this is not JSON", encoding="utf-8")
    write(subs, "dave.ipynb", notebook(EXERCISES / "02_capital_construction.ipynb"))
    boom = answered()
    next(c for c in boom.cells if "import check" in c.source).source = 'raise RuntimeError("boom")'
    write(subs, "erin.ipynb", boom)
    loop = answered()
    loop.cells.insert(3, nbformat.v4.new_code_cell("while True:\n    pass"))
    write(subs, "frank.ipynb", loop)
    crash = answered()
    crash.cells.insert(3, nbformat.v4.new_code_cell("import os\nos._exit(1)"))
    write(subs, "grace.ipynb", crash)
    loud = answered()
    loud.cells.insert(3, nbformat.v4.new_code_cell('print("x" * 1_200_000)'))
    write(subs, "heidi.ipynb", loud)
    empty = nbformat.v4.new_notebook()
    write(subs, "ivan.ipynb", empty)
    (subs / "judy.ipynb").write_bytes(b"")
    write(subs, "alice/submission.ipynb", answered())  # a second notebook under the same name
    wrong_type = notebook()
    for cell in wrong_type.cells:
        if "admin_industry_change = None" in cell.source:
            cell.source = cell.source.replace(
                "admin_industry_change = None", "admin_industry_change = data.figures().head(2)"
            )
    write(subs, "ken.ipynb", wrong_type)
    looping = answered()  # 1.1-1.4 right, then an infinite loop in 1.5's cell
    cell = next(c for c in looping.cells if 'check("1.5"' in c.source)
    cell.source = "while True:\n    pass\n" + cell.source
    write(subs, "leo.ipynb", looping)
    renamed = answered()  # handed in twice; the newer copy renamed an answer
    write(subs, "mia/first_try.ipynb", notebook())
    for cell in renamed.cells:
        cell.source = cell.source.replace("depositors_growth_rate", "depositors_growth")
    newer = write(subs, "mia/final.ipynb", renamed)
    os.utime(newer, (newer.stat().st_atime, newer.stat().st_mtime + 60))

    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in subs.rglob("*") if p.is_file()}
    # 6 s a cell: the loops below are stopped after it; the imports must fit in it on a busy 2-core machine
    rows = grade_submissions(subs, ASSIGNMENT, out / "grades.csv", timeout=6, workers=2)
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in subs.rglob("*") if p.is_file()}
    return {"rows": rows, "before": before, "after": after, "out": out, "subs": subs}


def test_submissions_are_byte_identical_after_grading(graded):
    assert graded["before"] == graded["after"]
    assert len(graded["before"]) == 16


def test_correct_notebook_gets_full_points(graded):
    alice = [r for r in rows_of(graded["rows"], "alice") if r.submission == "alice.ipynb"]
    auto = [r for r in alice if r.max_points > 0]
    assert auto and all(r.status == "correct" for r in auto)
    assert sum(r.points for r in alice) == sum(r.max_points for r in auto) == 9


def test_blank_and_cheating_notebooks_get_nothing(graded):
    for student in ("bob", "mallory"):
        rows = [r for r in rows_of(graded["rows"], student) if r.exercise]
        assert rows and all(r.status == "unanswered" for r in rows), student
        assert sum(r.points for r in rows) == 0


def test_every_bad_input_is_a_row_with_a_reason(graded):
    reasons = {r.student: r.message for r in graded["rows"] if r.status == "error" and not r.exercise}
    assert "not a readable notebook" in reasons["carol"]
    assert "wrong assignment" in reasons["dave"]
    assert "timed out" in reasons["frank"]
    assert "kernel died" in reasons["grace"]
    assert "empty notebook" in reasons["ivan"]
    assert "empty file" in reasons["judy"]
    assert "duplicate student name" in reasons["alice"]
    assert (graded["out"] / "feedback" / "alice-duplicate-1.md").exists()


def test_first_cell_raising_is_explained_per_answer(graded):
    erin = [r for r in rows_of(graded["rows"], "erin") if r.exercise]
    assert erin and all(r.status == "error" for r in erin if r.max_points)
    assert "RuntimeError" in erin[0].message and "code cell 2" in erin[0].message
    assert re.search(r"code cell 3 \(exercise 1\.1\) raised NameError \(`\w+` is not defined\)", erin[0].message)


def test_answers_before_an_infinite_loop_keep_their_points(graded):
    leo = rows_of(graded["rows"], "leo")
    before = [r for r in leo if r.exercise in ("1.1", "1.2", "1.3", "1.4") and r.max_points]
    assert len(before) >= 4 and all(r.status == "correct" for r in before)
    assert sum(r.points for r in before) == sum(r.max_points for r in before)
    loop = [r for r in leo if r.status == "error" and r.exercise == "1.5"]
    assert loop and all("(exercise 1.5) timed out" in r.message for r in loop), [r.message for r in leo]
    assert all(r.points == 0 for r in leo if r.exercise == "1.5")


def test_the_newest_of_several_notebooks_is_graded_and_a_renamed_answer_is_named(graded):
    mia = rows_of(graded["rows"], "mia")
    assert {r.submission for r in mia} == {"final.ipynb"}
    assert any("graded the newest, final.ipynb" in r.message and "first_try.ipynb" in r.message for r in mia)
    renamed = next(r for r in mia if r.variable == "depositors_growth_rate")
    assert "did you mean `depositors_growth`?" in renamed.message


def test_huge_output_is_discarded_but_grading_goes_on(graded):
    heidi = rows_of(graded["rows"], "heidi")
    assert sum(r.points for r in heidi) == 9
    assert any("discarded" in r.message for r in heidi if r.status == "note")


def test_wrong_type_is_reported_in_the_students_terms(graded):
    ken = {r.variable: r for r in rows_of(graded["rows"], "ken")}
    assert ken["admin_industry_change"].status == "invalid" and "table" in ken["admin_industry_change"].message


def test_gradebook_feedback_and_written_answers(graded):
    out = graded["out"]
    with (out / "grades.csv").open(encoding="utf-8") as f:
        book = list(csv.DictReader(f))
    assert {"student", "exercise", "status", "points"} <= set(book[0])
    assert {r["status"] for r in book} >= {"correct", "not answered", "error", "wrong type"}
    feedback = (out / "feedback" / "alice.md").read_text(encoding="utf-8")
    assert "9 / 9" in feedback
    written = (out / f"written_{ASSIGNMENT}_1.7.md").read_text(encoding="utf-8")
    assert "## alice" in written and "Never auto-scored" in written
    assert "**Rubric**" in written and "denominator" in written  # the rubric goes to the instructor only
    assert all(r["status"] != "correct" for r in book if r["exercise"] == "1.7")


def test_collect_flags_duplicates(tmp_path):
    write(tmp_path, "x.ipynb", notebook())
    write(tmp_path, "X/y.ipynb", notebook())
    (tmp_path / "hal.html").write_text("<p>not a notebook</p>")
    subs = collect(tmp_path)
    assert [bool(s.problem) for s in subs] == [False, True]
    assert ignored_files(tmp_path) == [tmp_path / "hal.html"]


def test_release_folder_zip_and_refusal(tmp_path, monkeypatch):
    import soviet_numbers.grading.release as releasing

    wheel = tmp_path / "soviet_numbers-0.1.0-py3-none-any.whl"  # the real build is tested in .ci/portability.py
    wheel.write_bytes(b"a wheel")
    monkeypatch.setattr(releasing, "_built_wheel", lambda: wheel)
    where = release(ASSIGNMENT, tmp_path / "rel", make_zip=True)
    assert zipfile.is_zipfile(where)
    names = zipfile.ZipFile(where).namelist()
    assert f"{ASSIGNMENT}/{wheel.name}" in names and f"{ASSIGNMENT}/README.txt" in names
    assert "Colab" in (tmp_path / "rel" / "README.txt").read_text(encoding="utf-8")
    released = (tmp_path / "rel" / f"{ASSIGNMENT}.ipynb").read_text(encoding="utf-8")
    assert released == releasing.online_links(EXERCISE.read_text(encoding="utf-8"))  # the lecture's link, online
    release(ASSIGNMENT, tmp_path / "rel")  # ours: may be refreshed
    (tmp_path / "rel" / "README.txt").write_text("edited by the instructor", encoding="utf-8")
    with pytest.raises(FileExistsError, match="edited since"):
        release(ASSIGNMENT, tmp_path / "rel")  # never replaces a file edited since
    assert (tmp_path / "rel" / "README.txt").read_text(encoding="utf-8") == "edited by the instructor"
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("instructor's own file")
    with pytest.raises(FileExistsError):
        release(ASSIGNMENT, foreign)
    with pytest.raises(ValueError):
        release("99_nothing", tmp_path / "x")


@pytest.mark.parametrize("assignment", ["03_output_growth", "05_capstone_audit"])
def test_charts_and_the_capstone_are_graded(tmp_path, assignment):
    """The chart a student draws (3.9) is read back from the kernel and checked; the capstone grades in full."""
    exercise, solution = EXERCISES / f"{assignment}.ipynb", ROOT / "solutions" / f"{assignment}.ipynb"
    nb = notebook(exercise)
    solved = [c.source for c in notebook(solution).cells if c.cell_type == "code"]
    for cell, src in zip([c for c in nb.cells if c.cell_type == "code"], solved):
        cell.source = src
    write(tmp_path / "subs", "alice.ipynb", nb)
    # the sandbox is tested in test_sandbox.py; here the chart's read-back and the capstone's checks are the point
    rows = grade_submissions(
        tmp_path / "subs", assignment, tmp_path / "grades.csv", timeout=30, workers=2, sandboxed=False
    )
    auto = [r for r in rows if r.max_points > 0]
    assert auto and all(r.status == "correct" for r in auto), [(r.variable, r.message) for r in auto]
    if assignment == "03_output_growth":
        assert any(r.variable == "coal_chart" for r in auto)
    written = sorted((tmp_path).glob(f"written_{assignment}_*.md"))
    if any(ex.written for ex in assignment_exercises(assignment).values()):  # lecture 3 has none since 3.9 moved
        assert written and all("**Rubric**" in p.read_text(encoding="utf-8") for p in written)
