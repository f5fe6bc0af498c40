"""Static checks of every notebook: quotations are verbatim, exercises are in sync and carry no answers."""

import ast
import re

import nbformat
import pytest

from soviet_numbers import course
from soviet_numbers.build_exercises import BEGIN, END, build, strip_solutions
from soviet_numbers.data import source_text
from soviet_numbers.notebook_files import python_source
from soviet_numbers.passages import fragment_in_source

ROOT = course.ROOT
# Every case below is one per notebook of course.yml (a new unit is picked up; a missing file fails in course).
NOTEBOOKS = course.notebooks() + course.solutions() + course.exercise_notebooks()
LECTURES = [ROOT / u.notebook for u in course.units() if u.kind in ("lecture", "capstone")]
SOURCE = source_text().replace("\u00a0", " ")
QUOTED = re.compile(r'"([^"\n]+)"|“([^”]+)”')


def _ids(paths):
    return [str(p.relative_to(ROOT)) for p in paths]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_quote_calls_are_verbatim(path):
    nb = nbformat.read(path, as_version=4)
    n = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for node in ast.walk(ast.parse(python_source(cell.source))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("quote", "show_passage"):
                args = [a.value for a in node.args if isinstance(a, ast.Constant)]
                highlights = [kw.value for kw in node.keywords if kw.arg == "highlight"]
                for h in highlights:
                    items = h.elts if isinstance(h, (ast.List, ast.Tuple)) else [h]
                    for item in items:
                        fragment_in_source(args[0], item.value)
                if len(args) > 1:
                    fragment_in_source(args[0], args[1])
                n += 1
    if path in LECTURES:
        assert n > 0, "a lecture quotes its source through the passage helper"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_markdown_quotations_of_four_or_more_words_are_verbatim(path):
    """Double quotes in markdown are reserved for the source: any such quotation of 4+ words must be verbatim.

    (Other people's words, slogans and made-up examples use single quotes or italics.)"""
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        prose = re.sub(r"```.*?```|`[^`]*`", " ", cell.source, flags=re.S)  # code is not a quotation
        text = prose.replace("\n", " ")
        for line in cell.source.split("\n"):
            assert not line.startswith(">"), "quote the source through show_passage/quote, not a blockquote"
        for m in QUOTED.finditer(text):
            phrase = (m.group(1) or m.group(2)).strip(" .,…")
            if len(phrase.split()) >= 4:
                for part in phrase.split(" … "):  # an ellipsis joins verbatim pieces
                    assert part in SOURCE, f"not verbatim: {part!r}"


def test_exercises_in_sync_with_solutions():
    assert build(verify=True) == [], "run: python -m soviet_numbers build-exercises"


@pytest.mark.parametrize("path", course.exercise_notebooks(), ids=_ids(course.exercise_notebooks()))
def test_exercises_have_no_answers_and_no_outputs(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        assert BEGIN not in cell.source and END not in cell.source
        assert "solutions-only" not in cell.metadata.get("tags", [])
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.parametrize("path", course.solutions(), ids=_ids(course.solutions()))
def test_every_solution_block_is_followed_by_a_check(path):
    nb = nbformat.read(path, as_version=4)
    blocks = [c for c in nb.cells if c.cell_type == "code" and BEGIN in c.source]
    assert len(blocks) >= 5
    for cell in blocks:
        after = cell.source.split(END, 1)[1]
        assert "check(" in after


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_passage_ids_mentioned_in_markdown_exist(path):
    from soviet_numbers.data import passages

    known = set(passages().index)
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type == "markdown":
            for pid in re.findall(r"\bL\d{3}\b", cell.source):
                assert pid in known, pid


def test_lectures_and_solutions_are_stored_with_outputs():
    for path in course.notebooks() + course.solutions():
        nb = nbformat.read(path, as_version=4)
        code = [c for c in nb.cells if c.cell_type == "code"]
        assert all(c.execution_count for c in code), f"{path.name}: re-execute before committing"


def test_plot_cells_end_with_charts_show():
    """charts.show displays the chart with its text alternative (alt text and a table of its numbers)."""
    for folder in ("notebooks", "solutions"):
        for path in (ROOT / folder).glob("*.ipynb"):
            for cell in nbformat.read(path, as_version=4).cells:
                if cell.cell_type == "code" and ("charts.new_chart(" in cell.source or "plt.subplots(" in cell.source):
                    assert "charts.show(fig)" in cell.source, path.name


def test_interactive_cells_are_tagged_ignore_output():
    for path in course.notebooks():
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code" and ("_explorer()" in cell.source or "interact(" in cell.source):
                assert "nbval-ignore-output" in cell.metadata.get("tags", []), path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_install_cell_is_the_one_copy_and_folded(path):
    """Every notebook's first code cell is course.INSTALL_CELL, tagged course-setup, its source folded."""
    first = next(c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
    assert first.source == course.INSTALL_CELL
    assert first.metadata.get("jupyter", {}).get("source_hidden") is True
    assert "course-setup" in first.metadata.get("tags", [])


# --- the generator itself --------------------------------------------------------------------------------------


def test_strip_solutions_stubs_each_assigned_name():
    src = "x = 1\n### BEGIN SOLUTION\na = 2\nb: int = a * 3\nprint(a)\n### END SOLUTION\ncheck('1.1', a)"
    assert (
        strip_solutions(src)
        == "x = 1\na = None  # ✎ your answer here\nb = None  # ✎ optional: a step of your own (not checked)\n"
        "check('1.1', a)"  # b is not handed to the check: a helper step
    )
    assert strip_solutions("### BEGIN SOLUTION\nprint(1)\n### END SOLUTION") == "# ✎ your code here"
    assert (
        strip_solutions("    ### BEGIN SOLUTION\n    a = 1\n    ### END SOLUTION")
        == "    a = None  # ✎ your answer here"
    )


def test_unbalanced_markers_are_errors():
    with pytest.raises(ValueError):
        strip_solutions("### BEGIN SOLUTION\na = 1")
    with pytest.raises(ValueError):
        strip_solutions("a = 1\n### END SOLUTION")


# --- reviewable notebooks ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_notebooks_are_stored_normalised(path):
    """No widget state, no run timing, no interpreter version, every cell with an id: a small edit is a small diff."""
    from soviet_numbers.notebook_files import problems

    assert problems(nbformat.read(path, as_version=4)) == [], "run: soviet-numbers execute (or normalise)"


def test_normalise_strips_what_changes_on_every_run():
    from soviet_numbers.notebook_files import WIDGET_VIEW, normalise, problems

    nb = nbformat.v4.new_notebook(
        metadata={"widgets": {"state": {}}, "language_info": {"name": "python", "version": "3.12.1"}}
    )
    cell = nbformat.v4.new_code_cell("x = 1", metadata={"execution": {"iopub.status.busy": "2026"}})
    cell.outputs = [
        nbformat.v4.new_output(
            "execute_result", data={WIDGET_VIEW: {"model_id": "abc"}, "image/png": "iVBOR"}, execution_count=1
        )
    ]
    nb.cells = [cell]
    del cell["id"]
    assert len(problems(nb)) == 5
    normalise(nb)
    assert problems(nb) == [] and nb.cells[0].outputs[0].data == {"image/png": "iVBOR"}
    assert nb.cells[0].id == normalise(nbformat.reads(nbformat.writes(nb), as_version=4)).cells[0].id  # stable


def test_datapackage_matches_what_its_tool_writes():
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_datapackage", ROOT / "tools" / "make_datapackage.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    assert (ROOT / "data" / "datapackage.json").read_text(encoding="utf-8") == tool.render(), (
        "run: python tools/make_datapackage.py"
    )
