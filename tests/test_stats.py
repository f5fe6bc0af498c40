"""Class statistics under per-student variants: an exercise that varies says so, and no value that is right for one
variant is listed as a wrong answer (a class graded end to end with a roster: tests/test_variants.py)."""

import re

from helpers import ASSIGNMENT

from soviet_numbers.assignments import assignment_exercises
from soviet_numbers.grading.grade import _short_answer
from soviet_numbers.grading.reports import Row, StudentReport, md_text
from soviet_numbers.grading.stats import VARIED_NOTE, VARIED_WRONG, class_statistics, write_statistics
from soviet_numbers.variants import choices, exercises_with, pools, student_exercises

SECRET = "test-secret"
VARIED_EX, FIXED_EX = "1.5", "1.3"  # 1.3 keeps one version (its module's FIXED)


def _two_students() -> tuple[str, str]:
    names = [f"student{i}" for i in range(50)]
    pick = {n: choices(ASSIGNMENT, n, SECRET)[VARIED_EX] for n in names}
    ann = names[0]
    return ann, next(n for n in names if pick[n] != pick[ann])


def _report(student: str, exercise: str, variable: str, answer=None, message: str = "") -> StudentReport:
    status = "correct" if answer is None else "wrong"
    row = Row(student, ASSIGNMENT, exercise, variable, status, float(answer is None), 1, message, "x.ipynb", "0" * 64)
    return StudentReport(student, [row], answers={} if answer is None else {variable: _short_answer(answer)})


def _class():
    """ann right on 1.5 in her variant; ben hands in ann's answer (wrong in his); two give the same wrong 1.3."""
    ann, ben = _two_students()
    part = student_exercises(ASSIGNMENT, ann, SECRET)[VARIED_EX].parts[0]
    fixed = assignment_exercises(ASSIGNMENT)[FIXED_EX].parts[0].variable
    reports = [
        _report(ann, VARIED_EX, part.variable),
        _report(ben, VARIED_EX, part.variable, part.expected, f"matches the variant of {ann}; wrong"),
        _report("cy", FIXED_EX, fixed, 12345.0),
        _report("di", FIXED_EX, fixed, 12345.0),
    ]
    return reports, part


def _lines(text: str) -> dict[str, list[str]]:
    """The report's table: exercise id -> its cells (title, right, median, wrong answers)."""
    out = {}
    for line in text.splitlines():
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        if cells and re.match(r"\d+[a-z]?\.\d+ ", cells[0]):
            out[cells[0].split()[0]] = cells
    return out


def test_a_class_with_variants_lists_no_variants_right_answer_as_wrong(tmp_path):
    reports, part = _class()
    exercises = assignment_exercises(ASSIGNMENT)
    stats = {s["exercise"]: s for s in class_statistics(reports, exercises, pools(ASSIGNMENT))}
    assert stats[VARIED_EX]["varied"] and stats[VARIED_EX]["wrong"] == {}
    assert (stats[VARIED_EX]["right"], stats[VARIED_EX]["graded"]) == (1, 2)
    assert not stats[FIXED_EX]["varied"] and stats[FIXED_EX]["wrong"]  # one version: still compared
    text = write_statistics(reports, exercises, ASSIGNMENT, tmp_path, pools(ASSIGNMENT)).read_text(encoding="utf-8")
    table = _lines(text)
    assert VARIED_NOTE in table[VARIED_EX][0] and table[VARIED_EX][3] == VARIED_WRONG
    assert md_text(_short_answer(part.expected), 40) not in text
    for ex_id, pool in pools(ASSIGNMENT).items():  # every variant's every answer, every varied exercise
        assert VARIED_NOTE in table[ex_id][0], ex_id
        for i in range(len(pool)):
            for p in exercises_with(ASSIGNMENT, {ex_id: i})[ex_id].parts:
                assert md_text(_short_answer(p.expected), 40) not in table[ex_id][3], (ex_id, i, p.variable)
    assert VARIED_NOTE not in table[FIXED_EX][0] and "12345 (2)" in table[FIXED_EX][3]
    assert f"marked {VARIED_NOTE}" in text  # the one line that says why


def test_a_class_without_a_roster_keeps_its_commonest_wrong_answers(tmp_path):
    reports, part = _class()
    text = write_statistics(reports, assignment_exercises(ASSIGNMENT), ASSIGNMENT, tmp_path).read_text("utf-8")
    assert VARIED_NOTE not in text  # every student had the class version: answers compare across the class
    assert f"{md_text(_short_answer(part.expected), 40)} (1)" in _lines(text)[VARIED_EX][3]
