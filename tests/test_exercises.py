"""The exercises teach transfer: no auto-graded answer is printed in its own lecture; hints escalate in three stages
and never show the number; every answer, however bad, gets a clear message; the Python they need is taught."""

import ast
import math
import re

import nbformat
import numpy as np
import pandas as pd
import pytest
from helpers import EXEMPT, lecture_notebooks, renderings, visible_text

from soviet_numbers import course
from soviet_numbers.assignments import LECTURES, check, exercises, part_feedback, reset_attempts
from soviet_numbers.build_exercises import BEGIN, END
from soviet_numbers.notebook_files import python_source

ROOT = course.ROOT
NUMERIC = [(ex_id, part) for ex_id, ex in exercises().items() for part in ex.parts if part.kind == "number"]

# Answers that may appear in their lecture, each with its reason (the goal is none; at most 10% of the numeric
# answers). 0.1 is the start-here notebook's worked demonstration of the check itself.


@pytest.mark.parametrize("ex_id, part", NUMERIC, ids=[f"{e}-{p.variable}" for e, p in NUMERIC])
def test_no_answer_is_printed_in_its_lecture(ex_id, part):
    if (ex_id, part.variable) in EXEMPT:
        pytest.skip(EXEMPT[(ex_id, part.variable)])
    for path in lecture_notebooks(ex_id):
        text = visible_text(path)
        for rendering in renderings(float(part.expected), part.accepts):
            pattern = rf"(?<![\w.,/]){re.escape(rendering)}(?![\d]|\.\d|,\d)"  # not inside P13, 1926/27
            assert not re.search(pattern, text), f"{ex_id} {part.variable}: {rendering} is printed in {path.name}"


def test_exemptions_are_few_and_give_reasons():
    assert len(EXEMPT) <= 0.1 * len(NUMERIC)
    assert all(len(reason) > 20 for reason in EXEMPT.values())


def test_every_lecture_has_exercises_and_every_part_three_hints():
    for lecture in LECTURES:
        assert any(k.startswith(f"{lecture}.") for k in exercises()), lecture
    for ex in exercises().values():
        for part in ex.parts:
            assert part.rubric or len(part.hints) == 3, (ex.exercise_id, part.variable)


@pytest.mark.parametrize("ex_id, part", NUMERIC, ids=[f"{e}-{p.variable}" for e, p in NUMERIC])
def test_hints_never_show_the_number(ex_id, part):
    for hint in part.hints:
        for rendering in renderings(float(part.expected), part.accepts):
            if len(rendering.replace(",", "").replace(".", "")) < 2 and (ex_id, part.variable) in EXEMPT:
                continue
            assert not re.search(rf"(?<![\w.,/]){re.escape(rendering)}(?![\d]|\.\d)", hint), (ex_id, hint)


def test_hints_escalate_and_only_wrong_answers_count(capsys):
    reset_attempts()
    hints = exercises()["1.2"].parts[0].hints
    for answer in (1.0, 2.0, None, "text", 3.0, 4.0):
        check("1.2", answer)
    lines = capsys.readouterr().out.strip().splitlines()
    assert hints[0] in lines[0] and hints[1] in lines[1] and "Not answered" in lines[2] and "text" in lines[3]
    assert hints[2] in lines[4] and hints[2] in lines[5]  # the last hint stays
    assert "Hint" not in lines[2] + lines[3]
    check("1.1", 1.0)  # attempts are counted per exercise and part
    assert "Hint 1 of 3" in capsys.readouterr().out
    reset_attempts()
    check("1.2", 1.0)
    assert "Hint 1 of 3" in capsys.readouterr().out
    reset_attempts()


def test_a_hint_that_presumes_a_mistake_is_that_mistakes_own_message():
    """Staged hints follow any wrong answer, so none may presume a particular mistake: 3.8's difference of the two
    growth rates earns its own message, and another wrong answer never hears of that difference."""
    from soviet_numbers.variants import exercises_with, pools

    for i, v in enumerate(pools("03_output_growth")["3.8"]):
        part = exercises_with("03_output_growth", {"3.8": i})["3.8"].parts[0]
        assert "difference of the two growth rates" in part_feedback(part, v["actual"] - v["planned"]).message
        for attempt in (1, 2, 3):
            other = part_feedback(part, part.expected + 5, attempt)
            assert other.status == "wrong" and "difference" not in other.message, other.message


def test_the_grader_ignores_attempts():
    part = exercises()["1.2"].parts[0]
    assert part_feedback(part, 1.0).message.endswith(part.hints[0])


BAD = [
    None,
    ...,
    "abc",
    "12.5",
    "x" * 100_000,
    math.nan,
    math.inf,
    -math.inf,
    np.float64(1.5),
    np.int64(3),
    [1.0],
    (1, 2),
    {"a": 1},
    pd.DataFrame({"a": [1.0]}),
    pd.Series([1.0]),
    np.array([1.0, 2.0]),
    True,
    object(),
]


@pytest.mark.parametrize("answer", BAD, ids=[type(b).__name__ + str(i) for i, b in enumerate(BAD)])
def test_every_part_answers_bad_input_with_a_clear_message(answer):
    for ex_id, ex in exercises().items():
        for part in ex.parts:
            fb = part_feedback(part, answer)
            assert fb.status in ("unanswered", "invalid", "wrong", "recorded", "correct"), (ex_id, part.variable)
            assert "could not be checked" not in fb.message, (ex_id, part.variable, fb.message)  # no checker crash
            assert len(fb.message) < 2000


# --- the chart a student draws (3.10) -------------------------------------------------------------------------------


@pytest.fixture
def chart_part():
    return exercises()["3.10"].parts[0]


def _coal_chart(kinds=("official", "official", "derived"), units="million tons", source=True, values=None):
    import matplotlib

    matplotlib.use("Agg")
    from soviet_numbers import charts, data

    a, b = data.value("P117"), data.value("P118")
    fig, ax = charts.new_chart("Coal")
    charts.bars(ax, ["1925", "1929", "increase"], values or [a, b, b - a], list(kinds), units=units)
    if source:
        charts.source_line(fig, "the textbook", kinds=["official", "derived"])
    return fig


def test_chart_check_accepts_the_right_chart_and_explains_each_fault(chart_part):
    assert part_feedback(chart_part, _coal_chart()).status == "correct"
    unmarked = part_feedback(chart_part, _coal_chart(kinds=("official",) * 3))
    assert unmarked.status == "wrong" and "derived" in unmarked.message
    assert "units" in part_feedback(chart_part, _coal_chart(units="")).message
    assert "source line" in part_feedback(chart_part, _coal_chart(source=False)).message
    wrong = part_feedback(chart_part, _coal_chart(values=[1, 2, 3]))
    assert wrong.status == "wrong" and "figure ids" in wrong.message
    assert part_feedback(chart_part, _coal_chart().axes[0]).status == "invalid"
    assert part_feedback(chart_part, [1, 2, 3]).status == "invalid"
    assert part_feedback(chart_part, None).status == "unanswered"


# --- the primer teaches what the exercises need --------------------------------------------------------------------


def _calls(source: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(python_source(source))):
        if isinstance(node, ast.Call):
            func = node.func
            names.add(func.id if isinstance(func, ast.Name) else getattr(func, "attr", ""))
        if isinstance(node, ast.Attribute) and node.attr in ("loc", "iloc", "index", "columns"):
            names.add(node.attr)
    return names - {""}


def test_every_solution_uses_only_what_the_primer_lectures_or_exercise_show():
    taught = set()
    for path in course.notebooks():
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code":
                taught |= _calls(cell.source)
    for path in course.solutions():
        cells = nbformat.read(path, as_version=4).cells
        for i, cell in enumerate(cells):
            if cell.cell_type != "code" or BEGIN not in cell.source:
                continue
            block = cell.source.split(BEGIN, 1)[1].split(END, 1)[0]
            told = re.findall(r"`([A-Za-z_][\w.]*)\(", cells[i - 1].source)  # functions the exercise names
            missing = _calls(block) - taught - {name.split(".")[-1] for name in told}
            assert not missing, f"{path.name}: {sorted(missing)} is used but never shown"
