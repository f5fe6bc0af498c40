"""Write ``exercises/`` from ``solutions/``: answers out, outputs cleared, everything else identical.

In a solution notebook, answers sit between ``### BEGIN SOLUTION`` and ``### END SOLUTION``. Each such block
becomes one stub line per variable it assigns (``name = None  # ✎ your answer here``), so the check cell that
follows still runs and tells the student "not answered yet". Cells tagged ``solutions-only`` are dropped.
"""

from __future__ import annotations

import ast
import copy
from pathlib import Path

import nbformat

from . import course
from .course import ROOT
from .notebook_files import normalise
from .notebook_files import text as notebook_text

SOLUTIONS = ROOT / "solutions"
EXERCISES = ROOT / "exercises"
BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
STUB = "  # ✎ your answer here"
DROP_TAG = "solutions-only"
GENERATED_NOTE = "generated from solutions/ by `python -m soviet_numbers build-exercises`; do not edit by hand"


def _assigned_names(code: str) -> list[str]:
    names: list[str] = []
    for node in ast.parse(code).body:
        targets = (
            node.targets
            if isinstance(node, ast.Assign)
            else [node.target]
            if isinstance(node, (ast.AnnAssign, ast.AugAssign))
            else []
        )
        for t in targets:
            if isinstance(t, ast.Name) and t.id not in names:
                names.append(t.id)
    return names


HELPER_STUB = "  # ✎ optional: a step of your own (not checked)"


def _checked_names(source: str) -> set[str] | None:
    """The names a cell's ``check(...)`` call hands in (None if the cell calls no check)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "check"]
    if not calls:
        return None
    return {a.id for call in calls for a in call.args if isinstance(a, ast.Name)}


def strip_solutions(source: str) -> str:
    """Replace every solution block of a code cell with answer stubs; a name the cell's check does not take (a helper
    step) gets a stub that says it is optional."""
    checked = _checked_names("\n".join(ln for ln in source.split("\n") if ln.strip() not in (BEGIN, END)))
    lines = source.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.strip() == BEGIN:
            indent = line[: len(line) - len(line.lstrip())]
            j = i + 1
            while j < len(lines) and lines[j].strip() != END:
                j += 1
            if j == len(lines):
                raise ValueError(f"{BEGIN} without {END}")
            block = "\n".join(line[len(indent) :] if line.startswith(indent) else line for line in lines[i + 1 : j])
            names = _assigned_names(block)
            stubs = [f"{indent}{n} = None{STUB if checked is None or n in checked else HELPER_STUB}" for n in names]
            out.extend(stubs) if names else out.append(f"{indent}# ✎ your code here")
            i = j + 1
            continue
        if line.strip() == END:
            raise ValueError(f"{END} without {BEGIN}")
        out.append(line)
        i += 1
    return "\n".join(out)


def exercise_notebook(solution: nbformat.NotebookNode, assignment: str = "") -> nbformat.NotebookNode:
    """The student copy of a solution notebook."""
    nb = copy.deepcopy(solution)
    cells = []
    for cell in nb.cells:
        tags = cell.get("metadata", {}).get("tags", [])
        if DROP_TAG in tags:
            continue
        # Keep only tags and how the cell is shown (a folded install cell stays folded): execution timestamps and
        # other run metadata of the solutions do not belong here.
        shown = cell.get("metadata", {}).get("jupyter")
        cell.metadata = nbformat.NotebookNode({"tags": tags} if tags else {})
        if shown:
            cell.metadata["jupyter"] = shown
        if cell.cell_type == "code":
            cell.source = strip_solutions(cell.source)
            cell.outputs = []
            cell.execution_count = None
            # Stored without outputs: nbval runs every cell (errors fail) but compares no output.
            cell.metadata["tags"] = sorted(set(tags) | {"nbval-ignore-output"})
        cells.append(cell)
    nb.cells = cells
    nb.metadata["soviet_numbers"] = {"generated": GENERATED_NOTE, "assignment": assignment}
    return nb


def render(nb: nbformat.NotebookNode) -> str:
    """The exercise notebook as stored: normalised, each cell keeping its solution cell's id."""
    return notebook_text(normalise(copy.deepcopy(nb)))


def pairs() -> list[tuple[Path, Path]]:
    """(solution, exercise notebook) of every unit with a solution, in course order (course.yml)."""
    return [(ROOT / u.solution, ROOT / u.exercise_notebook) for u in course.units() if u.solution]


def expected_text(solution_path: Path) -> str:
    return render(exercise_notebook(nbformat.read(solution_path, as_version=4), assignment=solution_path.stem))


def was_generated(path: Path) -> bool:
    """True if ``path`` is an exercise notebook this generator wrote (it carries our metadata)."""
    try:
        return "generated" in nbformat.read(path, as_version=4).metadata.get("soviet_numbers", {})
    except Exception:  # noqa: BLE001 - unreadable: certainly not ours
        return False


def build(verify: bool = False) -> list[Path]:
    """Write (or, with ``verify``, only compare) every exercise notebook; return the ones out of sync."""
    stale = []
    EXERCISES.mkdir(exist_ok=True)
    known = {ex for _, ex in pairs()}
    for extra in sorted(set(EXERCISES.glob("*.ipynb")) - known):
        stale.append(extra)  # an exercise without a solution is out of sync too
    from .assignments import KEY_FILE, class_key, key_text

    key = key_text(class_key())  # the students' check: digests of the class version's answers
    if not KEY_FILE.exists() or KEY_FILE.read_text(encoding="utf-8") != key:
        stale.append(KEY_FILE)
        if not verify:
            KEY_FILE.write_text(key, encoding="utf-8")
    for sol, ex in pairs():
        text = expected_text(sol)
        if not ex.exists() or ex.read_text(encoding="utf-8") != text:
            stale.append(ex)
            if not verify:
                if ex.exists() and not was_generated(ex):
                    raise FileExistsError(f"{ex} was not generated from solutions/; refusing to overwrite it")
                ex.write_text(text, encoding="utf-8")
    return stale
