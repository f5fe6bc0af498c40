import importlib.util
import re

from soviet_numbers import course
from soviet_numbers.course import ROOT

TEST_COMMAND = "pip install -r requirements-dev.txt && python -m pytest"
SETUP_COMMAND = (
    "python3 -m venv .venv && . .venv/bin/activate && pip install -r requirements.txt && "
    "jupyter lab notebooks/00_start_here.ipynb"
)


def _course_map_tool():
    spec = importlib.util.spec_from_file_location("course_map", ROOT / "tools" / "course_map.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    return tool


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert TEST_COMMAND in readme and SETUP_COMMAND in readme
    assert TEST_COMMAND in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_course_map_is_generated_from_the_manifest():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    tool = _course_map_tool()
    assert tool.updated(readme) == readme, "the README's course map is out of step: run python tools/course_map.py"
    for unit in course.units():  # and the map names every unit, with both ways to open it
        assert f"| [`{unit.notebook}`]({unit.notebook}) | {unit.summary} |" in readme
        assert f"urlpath=lab/tree/{unit.notebook}" in readme and f"blob/student/{unit.notebook}" in readme


def test_the_student_readme_is_short():
    assert len((ROOT / "README.md").read_text(encoding="utf-8").splitlines()) <= 120


def test_pins_are_exact():
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#") and not line.startswith("-e"):
            assert "==" in line, line
    assert (ROOT / "runtime.txt").read_text().strip() == "python-3.12"


def test_paths_the_guides_name_exist():
    """Every file path the README, CONTRIBUTING and the instructors' guide name in backticks exists (no pointer to a
    moved file such as the old soviet_numbers/assignments.py); placeholders such as lectureN.py are skipped."""
    pattern = re.compile(r"`((?:soviet_numbers|tests|tools|benchmarks|docs|conda|data|\.ci)/[\w/.-]+)`")
    named = 0
    for guide in ("README.md", "CONTRIBUTING.md", "docs/instructors.md"):
        for path in pattern.findall((ROOT / guide).read_text(encoding="utf-8")):
            if re.search(r"N\b|NN|_…|<", path):
                continue
            named += 1
            assert (ROOT / path).exists(), f"{guide} names {path}, which does not exist"
    assert named > 10, "the scan found the guides' paths"
