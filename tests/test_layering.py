"""The package's layering, as its docstring states it: each module imports only modules listed above it, and
what students import never reaches the authoring modules (exercise generator, normaliser, book) or grading.
Also: a test file never imports another test file."""

import ast
import re
from pathlib import Path

import soviet_numbers
from soviet_numbers.course import ROOT

PACKAGE = Path(soviet_numbers.__file__).parent
DOC = soviet_numbers.__doc__
ORDER = re.findall(r"^- ``(\w+)``", DOC, flags=re.M)  # the docstring's list, top to bottom
AUTHORING = ORDER[ORDER.index("notebook_files") : ORDER.index("book") + 1]
STUDENTS = ORDER[: ORDER.index("notebook_files")]
# charts <-> chart_text import each other; issue 25 (part 3) breaks the cycle. Remove this entry when it lands.
KNOWN_UPWARD = {("charts", "chart_text")}


def _top(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return parts[0]


def _internal_imports(path: Path) -> set[str]:
    """The package's top-level modules that ``path`` imports (relative or absolute), its own excluded."""
    package = ("soviet_numbers", *path.relative_to(PACKAGE).parent.parts)
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else ()
            module = (*base, *(node.module.split(".") if node.module else ()))
            names = [(*module, alias.name) if not node.module else module for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [tuple(alias.name.split(".")) for alias in node.names]
        for full in names:
            if len(full) > 1 and full[0] == "soviet_numbers":
                found.add(full[1])
    return found - {_top(path)}


def _modules() -> list[Path]:
    return [p for p in sorted(PACKAGE.rglob("*.py")) if p.name != "__init__.py" or p.parent != PACKAGE]


def test_every_module_is_in_the_docstrings_list():
    listed = set(ORDER)
    tops = {_top(p) for p in _modules()}
    assert tops, "the scan found the package's modules"
    assert tops <= listed, f"add to soviet_numbers/__init__.py's list: {sorted(tops - listed)}"
    assert {"course", "book", "build_exercises", "notebook_files", "grading"} <= listed


def test_imports_point_up_the_list_only():
    edges = 0
    for path in _modules():
        here = _top(path)
        for target in _internal_imports(path):
            if target not in ORDER:  # course_data and the like: data, not code
                continue
            edges += 1
            if (here, target) in KNOWN_UPWARD:
                continue
            assert ORDER.index(target) < ORDER.index(here), f"{path.relative_to(PACKAGE)} imports {target}, below it"
    assert edges > 30, "the scan found the package's imports"


def test_what_students_import_never_reaches_authoring_or_grading():
    for path in _modules():
        if _top(path) in STUDENTS:
            reached = _internal_imports(path) & {*AUTHORING, "grading", "__main__"}
            assert not reached, f"{path.relative_to(PACKAGE)} imports {sorted(reached)}"


def test_test_files_never_import_each_other():
    tests = sorted((ROOT / "tests").rglob("test_*.py"))
    assert tests
    for path in tests:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.split(".")[-1].startswith("test_"), (
                    f"{path.name}: shared helpers live in helpers.py"
                )
            if isinstance(node, ast.Import):
                assert not any(a.name.split(".")[-1].startswith("test_") for a in node.names), path.name


def test_every_module_is_under_400_lines():
    """CONTRIBUTING's rule: small modules, one job each."""
    modules = sorted(ROOT.glob("soviet_numbers/**/*.py"))
    assert len(modules) > 40
    long = {
        str(p.relative_to(ROOT)): n for p in modules if (n := len(p.read_text(encoding="utf-8").splitlines())) >= 400
    }
    assert not long, long
