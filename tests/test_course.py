"""course.yml, the course manifest: well formed, every file it names exists (a missing one fails loudly), a unit
id such as "1b" works, and a new unit is picked up by the README's map, the book, assignments and the tests."""

import json
import os
import shutil
import subprocess
import sys
import textwrap

import pytest

from soviet_numbers import assignments, course
from soviet_numbers.course import ROOT, ManifestError, Unit, parse

UNIT = """
units:
  - id: "{id}"
    slug: {slug}
    kind: lecture
    title: A title
    summary: A line
    notebook: notebooks/{slug}.ipynb
    solution: {solution}
    exercises: {exercises}
    explorer: null
"""


def test_the_manifest_lists_every_notebook_once_in_order():
    units = course.units()
    assert units[0].kind == "start" and units[-1].kind == "reference"
    assert len({u.slug for u in units}) == len(units) and len({u.id for u in units}) == len(units)
    # every notebook on disk is a unit (and course.units() has already checked that every unit's files exist)
    on_disk = {
        p.relative_to(ROOT).as_posix() for folder in ("notebooks", "solutions") for p in (ROOT / folder).glob("*.ipynb")
    }
    named = {u.notebook for u in units} | {u.solution for u in units if u.solution}
    assert on_disk == named
    assert {p.name for p in (ROOT / "exercises").glob("*.ipynb")} == {p.name for p in course.exercise_notebooks()}
    assert course.units("lecture") and all(u.kind == "lecture" for u in course.units("lecture"))


def test_a_missing_file_fails_loudly(monkeypatch):
    text = UNIT.format(id="9", slug="09_not_written", solution="null", exercises="null")
    with pytest.raises(ManifestError, match="notebooks/09_not_written.ipynb does not exist"):
        parse(text, ROOT)
    parse(text)  # without a root (an installed wheel, a copy without solutions/) files are checked when asked for
    monkeypatch.setattr(course, "units", lambda kind=None: parse(text))
    assert assignments.lecture_of("09_not_written") == ""  # what students import still reads the manifest
    with pytest.raises(ManifestError, match="notebooks/09_not_written.ipynb, which does not exist"):
        course.notebooks()
    with pytest.raises(ManifestError, match="no module soviet_numbers/assignments/lecture9.py"):
        parse(UNIT.format(id="9", slug="09_x", solution="null", exercises="lecture9"))
    with pytest.raises(ManifestError, match="kind"):
        parse(
            UNIT.format(id="9", slug="09_x", solution="null", exercises="null").replace("kind: lecture", "kind: talk")
        )
    with pytest.raises(ManifestError, match="is not named"):
        parse(UNIT.format(id="9", slug="09_x", solution="solutions/09_y.ipynb", exercises="null"))
    with pytest.raises(ManifestError, match="exactly the fields"):
        parse(UNIT.format(id="9", slug="09_x", solution="null", exercises="null").replace("    explorer: null\n", ""))


def test_a_unit_such_as_1b_works(monkeypatch):
    unit = Unit("1b", "01b_who_paid", "lecture", "t", "s", "notebooks/01b_who_paid.ipynb", None, "lecture1b", None)
    assert unit.exercise_prefix == "1b"
    monkeypatch.setattr(course, "units", lambda kind=None: (*course._load(course.MANIFEST), unit))
    assert assignments.lecture_of("01b_who_paid") == "1b"  # its exercises are 1b.1, 1b.2 ...
    assert assignments.lecture_of("01_sources_of_accumulation") == "1"
    assert "1b" in assignments.LECTURES and assignments.LECTURES.index("1b") > assignments.LECTURES.index("1")
    assert assignments.lecture_of("99_no_such_unit") == ""


def test_the_wheel_carries_the_manifest():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"soviet_numbers.course_manifest" = ["course.yml"]' in text
    assert '"soviet_numbers.course_manifest" = "."' in text


PROBE = textwrap.dedent(
    """
    import json, sys, tempfile
    from pathlib import Path
    sys.path.insert(0, "tools")
    import course_map
    from soviet_numbers import assignments, book, course, notebook_files
    from soviet_numbers.build_exercises import pairs
    from soviet_numbers.grading.release import assignment_names
    src = Path(tempfile.mkdtemp()) / "book"
    print(json.dumps({
        "root": str(course.ROOT),
        "map": course_map.render(),
        "book": [p.stem for p in book.write_source(src)],
        "lectures": list(assignments.LECTURES),
        "lecture_of": assignments.lecture_of("99_new_unit"),
        "assignments": assignment_names(),
        "exercises": [ex.name for _, ex in pairs()],
        "executed": [p.name for p in notebook_files.executed_notebooks()],
    }))
    """
)


def test_a_new_unit_is_picked_up_everywhere(tmp_path):
    """Adding a lecture is one manifest entry plus its notebooks (and, here, its exercise module): tried in a copy."""
    copy = tmp_path / "course"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".git", "build", ".venv", "*.egg-info", "__pycache__"))
    for folder in ("notebooks", "solutions", "exercises"):  # exercises/: as build-exercises would write it
        shutil.copy(copy / folder / "04_reading_the_numbers.ipynb", copy / folder / "99_new_unit.ipynb")
    assignments_dir = copy / "soviet_numbers" / "assignments"
    shutil.copy(assignments_dir / "lecture5.py", assignments_dir / "lecture99.py")
    manifest = (copy / "course.yml").read_text(encoding="utf-8")
    entry = UNIT.format(id="99", slug="99_new_unit", solution="solutions/99_new_unit.ipynb", exercises="lecture99")
    (copy / "course.yml").write_text(manifest + entry.split("units:\n", 1)[1], encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(copy)}  # the copy's package, ahead of the installed one

    def run(*args):
        result = subprocess.run([sys.executable, *args], cwd=copy, env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
        return result

    seen = json.loads(run("-c", PROBE).stdout.strip().splitlines()[-1])
    assert seen["root"] == str(copy)
    assert "notebooks/99_new_unit.ipynb" in seen["map"] and "exercises/99_new_unit.ipynb" in seen["map"]
    assert seen["book"][-2:] == ["glossary", "99_new_unit"]
    assert seen["lectures"][-1] == "99" and seen["lecture_of"] == "99"
    assert seen["assignments"][-1] == "99_new_unit" and "99_new_unit.ipynb" in seen["exercises"]
    assert seen["executed"].count("99_new_unit.ipynb") == 2  # its lecture and its solution
    tests = ["tests/test_notebooks_static.py", "tests/test_history.py", "tests/test_exercise_run.py"]
    collected = run("-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *tests).stdout
    for test in (
        "test_notebooks_static.py::test_quote_calls_are_verbatim[notebooks/99_new_unit.ipynb]",
        "test_notebooks_static.py::test_install_cell_is_the_one_copy_and_folded[exercises/99_new_unit.ipynb]",
        "test_notebooks_static.py::test_every_solution_block_is_followed_by_a_check[solutions/99_new_unit.ipynb]",
        "test_history.py::test_lecture_ends_with_takeaways_and_further_reading[99_new_unit]",
        "test_exercise_run.py::test_blank_exercise_notebook_says_not_answered[99_new_unit.ipynb]",
    ):
        assert test in collected, test
