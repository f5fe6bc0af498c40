"""Release one assignment: its exercise notebook and the course's wheel, in a folder (and a zip) an LMS can take.

The notebook's first cell installs the wheel beside it when the course package is missing, so a student can open
the released notebook in any Jupyter (their own, Anaconda, a JupyterHub, Colab) with nothing else installed.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from ..build_exercises import EXERCISES
from ..edition import student_source

RELEASE_MARKER = ".soviet-numbers-release"


def assignment_names() -> list[str]:
    """The assignments of course.yml (each unit with a solution), in course order."""
    from ..course import assignments

    return assignments()


def release(assignment: str, out: Path, make_zip: bool = False) -> Path:
    """Copy one generated exercise notebook into a release folder (and optionally a zip next to it).

    Refuses to write into an existing folder that this command did not create (no marker file), so it can never
    overwrite an instructor's own files.
    """
    from ..build_exercises import build

    source = EXERCISES / f"{assignment}.ipynb"
    if not source.exists():
        raise ValueError(f"no exercise notebook {assignment!r}; choose one of {assignment_names()}")
    stale = build(verify=True)
    if stale:
        raise RuntimeError("exercises/ is out of sync with solutions/: run `soviet-numbers build-exercises` first")
    out = Path(out)
    if out.exists() and any(out.iterdir()) and not (out / RELEASE_MARKER).exists():
        raise FileExistsError(f"{out} exists and was not created by `soviet-numbers release`; refusing to overwrite")
    out.mkdir(parents=True, exist_ok=True)
    (out / RELEASE_MARKER).write_text(f"release of {assignment}\n", encoding="utf-8")
    shutil.copy2(source, out / source.name)
    for old in out.glob("soviet_numbers-*.whl"):
        old.unlink()
    wheel = build_wheel(out)
    (out / "README.txt").write_text(student_readme(assignment, source.name, wheel.name), encoding="utf-8")
    if make_zip:
        archive = out.with_suffix(".zip")
        if archive.exists() and not zipfile.is_zipfile(archive):
            raise FileExistsError(f"{archive} exists and is not a release zip; refusing to overwrite")
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
            for f in (source.name, wheel.name, "README.txt"):
                z.write(out / f, arcname=f"{assignment}/{f}")
        return archive
    return out


def build_wheel(folder: Path) -> Path:
    """Build the course package's student wheel (with its data, without the answers) into ``folder``.

    Built once per process: releasing several assignments in one go reuses it.
    """
    built = _built_wheel()
    return Path(shutil.copy2(built, folder / built.name))


@functools.cache
def _built_wheel() -> Path:
    tmp = tempfile.mkdtemp(prefix="sn-wheel-")
    source = student_source(Path(tempfile.mkdtemp(prefix="sn-student-src-")))
    run = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", tmp, str(source)],
        capture_output=True,
        text=True,
    )
    wheels = list(Path(tmp).glob("soviet_numbers-*.whl"))
    if run.returncode or not wheels:
        raise RuntimeError(f"could not build the course's wheel: {(run.stderr or run.stdout).strip()[-400:]}")
    return wheels[0]


def student_readme(assignment: str, notebook: str, wheel: str) -> str:
    """How to open the released notebook anywhere."""
    return f"""Assignment {assignment}

Answer each exercise where the notebook says 'None  # ✎ your answer here', run the check cell under it, save, and
hand the notebook ({notebook}) in as your instructor asks.

Keep {wheel} in the same folder as the notebook: it is the course's helper package, with its data. The
notebook's first cell installs it when it is not installed yet; run that cell first.

- JupyterLab or Jupyter Notebook on your computer: unzip this folder, open {notebook}, Run > Run All Cells.
- Anaconda: open Anaconda Navigator, launch JupyterLab, browse to the unzipped folder and open {notebook}.
  (Or, in an Anaconda Prompt: cd to the folder, then jupyter lab {notebook}.)
- A JupyterHub: upload {notebook} and {wheel} into the same folder, then open the notebook.
- Google Colab: File > Upload notebook ({notebook}); then in the Files pane upload {wheel} next to it
  (to /content) before running the first cell.

If the first cell cannot install the package (no internet for its dependencies), ask your instructor.
"""


def release_roster(assignment: str, out: Path, roster: Path, solutions: Path | None = None) -> Path:
    """One notebook per roster student, each with that student's own variant: ``OUT/<student>/<assignment>.ipynb``;
    each student's solved copy (instructor only) in ``SOLUTIONS/<student>/``. The secret that picks each variant is
    ``.soviet-numbers-secret`` in the current folder (created on first use), never inside ``out``."""
    import nbformat

    from ..build_exercises import SOLUTIONS, build, exercise_notebook, render
    from ..variants import SECRET_FILE, read_roster, read_secret, variant_solution

    if assignment not in assignment_names():
        raise ValueError(f"no exercise notebook {assignment!r}; choose one of {assignment_names()}")
    students = read_roster(Path(roster))
    if not students:
        raise ValueError(f"{roster}: the roster lists no student")
    out = Path(out).resolve()
    if Path.cwd().resolve() == out or out in Path.cwd().resolve().parents:
        raise ValueError(f"run release from outside {out}: the secret ({SECRET_FILE}) must not go into the release")
    for folder in [out] + ([Path(solutions)] if solutions else []):
        if folder.exists() and any(folder.iterdir()) and not (folder / RELEASE_MARKER).exists():
            raise FileExistsError(
                f"{folder} exists and was not created by `soviet-numbers release`; refusing "
                "(choose a new or empty folder)"
            )
    if solutions and (out == Path(solutions).resolve() or out in Path(solutions).resolve().parents):
        raise ValueError("the solved copies must not go into the release folder: give --solutions a folder of its own")
    if build(verify=True):
        raise RuntimeError("exercises/ is out of sync with solutions/: run `soviet-numbers build-exercises` first")
    secret = read_secret(create=True)
    solution = nbformat.read(SOLUTIONS / f"{assignment}.ipynb", as_version=4)
    out.mkdir(parents=True, exist_ok=True)
    (out / RELEASE_MARKER).write_text(f"release of {assignment} for {len(students)} students\n", encoding="utf-8")
    if solutions:
        Path(solutions).mkdir(parents=True, exist_ok=True)
        (Path(solutions) / RELEASE_MARKER).write_text(f"solved copies of {assignment}\n", encoding="utf-8")
    for old in out.glob("soviet_numbers-*.whl"):
        old.unlink()
    wheel = build_wheel(out)
    (out / "README.txt").write_text(student_readme(assignment, f"{assignment}.ipynb", wheel.name), encoding="utf-8")
    for student in students:
        solved = variant_solution(solution, assignment, student, secret)
        (out / student).mkdir(exist_ok=True)
        (out / student / f"{assignment}.ipynb").write_text(
            render(exercise_notebook(solved, assignment=assignment)), encoding="utf-8"
        )
        for old in (out / student).glob("soviet_numbers-*.whl"):
            old.unlink()
        shutil.copy2(wheel, out / student / wheel.name)  # the notebook's first cell installs the wheel beside it
        shutil.copy2(out / "README.txt", out / student / "README.txt")
        if solutions:
            (Path(solutions) / student).mkdir(exist_ok=True)
            nbformat.write(solved, Path(solutions) / student / f"{assignment}.ipynb")
    return out
