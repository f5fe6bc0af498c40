"""The student edition (soviet_numbers/edition.py): what every launch link opens holds the lectures, the exercises,
the data and the student package, and no solution, no exercise module, no instructor's file; its links resolve
inside it; every notebook in it runs with only its own package (that last test is a .ci/run step: -m edition)."""

import json
import re
import subprocess
import sys

import nbformat
import pytest

from soviet_numbers import course, edition
from soviet_numbers.owned_folder import FolderRefusal

ROOT = course.ROOT


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("edition") / "student"
    summary = edition.build_edition(out)
    return out, summary


def test_it_holds_the_notebooks_data_and_student_package(built):
    out, summary = built
    expected = [rel for rel, _ in course.course_notebooks()]
    assert expected and summary["notebooks"] == len(expected)
    assert all((out / rel).is_file() for rel in expected)
    assert (out / "soviet_numbers" / "assignments" / "class_key.json").is_file()
    assert (out / "data" / "source" / "chapter.txt").is_file() and (out / "course.yml").is_file()
    assert (out / "requirements.txt").read_text() == (ROOT / "requirements.txt").read_text()  # what Binder builds
    assert "-e ." in (out / "requirements.txt").read_text().splitlines()  # ... installs the edition's own package
    listed = json.loads((out / edition.MARKER).read_text())["files"]
    on_disk = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file() and p.name != edition.MARKER)
    assert sorted(listed) == on_disk


def test_it_holds_no_solution_and_nothing_of_the_instructors(built):
    out, _ = built
    for folder in ("solutions", "tests", "tools", "benchmarks", "docs", ".ci", ".github"):
        assert not (out / folder).exists(), folder
    assert not list(out.glob("soviet_numbers/assignments/lecture*.py"))
    assert not list(out.glob("CONTRIBUTING*")) and not list(out.glob("requirements-*.txt"))
    # What a student reads (the package's .py files are its code: tests/test_student_copy.py walks the installed
    # package for answers and rubric lines; the modules that hold them are left out, above).
    texts = [p for p in out.rglob("*") if p.is_file() and p.suffix in {".ipynb", ".md", ".json", ".txt", ".yml"}]
    assert len(texts) > 20
    for path in texts:
        text = path.read_text(encoding="utf-8")
        assert "BEGIN SOLUTION" not in text and "END SOLUTION" not in text, path
    for rel in (r for r, _ in course.course_notebooks() if r.startswith("exercises/")):
        nb = nbformat.read(out / rel, as_version=4)
        assert not any(c.get("outputs") for c in nb.cells if c.cell_type == "code"), rel


def _local_links(text: str) -> list[str]:
    links = re.findall(r"\]\(([^)\s]+)\)", text) + re.findall(r"""(?:href|src)=["']([^"']+)["']""", text)
    return [link for link in links if not re.match(r"[a-z]+:|#", link)]


def test_every_local_link_resolves_inside_it(built):
    out, _ = built
    checked = 0
    pages = [out / "README.md", *(out / rel for rel, _ in course.course_notebooks())]
    for page in pages:
        if page.suffix == ".md":
            texts = [page.read_text(encoding="utf-8")]
        else:
            texts = [c.source for c in nbformat.read(page, as_version=4).cells if c.cell_type == "markdown"]
        for text in texts:
            for link in _local_links(text):
                target = (page.parent / link.split("#")[0]).resolve()
                assert target.exists() and out.resolve() in target.parents, (page.name, link)
                checked += 1
    assert checked > 10


def test_launch_links_and_the_install_cell_open_the_student_edition(built):
    out, _ = built
    readme = (out / "README.md").read_text(encoding="utf-8")
    for text in (readme, (ROOT / "README.md").read_text(encoding="utf-8")):
        launches = re.findall(r"https://(?:mybinder\.org/v2/gh|colab\.research\.google\.com/github)/\S+", text)
        assert len(launches) >= 2 * len(course.units())
        assert all(f"/{edition.BRANCH}" in link for link in launches), [x for x in launches if "/student" not in x]
    assert "branch=student" in (ROOT / "docs" / "instructors.md").read_text(encoding="utf-8")
    assert f"soviet-industrialization-course@{edition.BRANCH}" in course.INSTALL_CELL
    workflow = (ROOT / ".github" / "workflows" / "student-edition.yml").read_text(encoding="utf-8")
    assert "soviet-numbers student-edition --out build/student" in workflow and f"HEAD:{edition.BRANCH}" in workflow


def test_it_rebuilds_its_own_folder_and_refuses_any_other(built, tmp_path):
    out, _ = built
    edition.build_edition(out)  # its own files only: may rebuild
    (out / "notes.txt").write_text("a student's own file")
    with pytest.raises(FolderRefusal, match="notes.txt"):
        edition.build_edition(out)
    assert (out / "notes.txt").read_text() == "a student's own file"
    (out / "notes.txt").unlink()
    readme = out / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8") + "\nA note of the teacher's.\n", encoding="utf-8")
    with pytest.raises(FolderRefusal, match="edited since"):
        edition.build_edition(out)  # its own file, edited: not replaced either
    assert "A note of the teacher's." in readme.read_text(encoding="utf-8")
    edition.build_edition(tmp_path / "fresh")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "grades.csv").write_text("student,score\n")
    run = subprocess.run(
        [sys.executable, "-m", "soviet_numbers", "student-edition", "--out", str(mine)], capture_output=True, text=True
    )
    assert run.returncode != 0 and "refused" in run.stderr
    assert (mine / "grades.csv").read_text() == "student,score\n" and len(list(mine.iterdir())) == 1


@pytest.mark.edition  # runs every notebook of the edition (its own .ci/run step)
@pytest.mark.parametrize("rel", [rel for rel, _ in course.course_notebooks()])
def test_every_notebook_runs_with_only_the_editions_package(built, rel, monkeypatch):
    """Each notebook, executed in the edition with PYTHONPATH set to it: the kernel imports the edition's package
    (checked), which has no exercise module; no cell errs; a blank exercise notebook answers 'not answered yet'."""
    from nbclient import NotebookClient

    out, _ = built
    monkeypatch.setenv("PYTHONPATH", str(out))
    path = out / rel
    nb = nbformat.read(path, as_version=4)
    probe = nbformat.v4.new_code_cell(
        "import soviet_numbers, importlib.util\n"
        "print(soviet_numbers.__file__)\n"
        "print(importlib.util.find_spec('soviet_numbers.assignments.lecture1') is None)"
    )
    nb.cells.append(probe)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    errors = [c.source[:80] for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors, errors
    printed = "".join(o.get("text", "") for o in probe.outputs).split()
    assert printed[0].startswith(str(out)) and printed[1] == "True", printed
    if rel.startswith("exercises/"):
        checks = [c for c in nb.cells if c.cell_type == "code" and "check(" in c.source]
        assert checks and all("Not answered yet" in "".join(o.get("text", "") for o in c.outputs) for c in checks)
