"""Release one assignment: its exercise notebook and the course's wheel, in a folder (and a zip) an LMS can take.

The notebook's first cell installs the wheel beside it when the course package is missing, so a student can open
the released notebook in any Jupyter (their own, Anaconda, a JupyterHub, Colab) with nothing else installed.
"""

from __future__ import annotations

import functools
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from ..build_exercises import EXERCISES
from ..edition import student_source
from .outputs import is_ours, write_atomic

RELEASE_MARKER = ".soviet-numbers-release"
RELEASED_FILE = ".soviet-numbers-released.json"  # beside the secret: the version of each assignment released


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
    check_release_folder(out)
    refuse_edited([out / source.name, out / "README.txt", *out.glob("soviet_numbers-*.whl")])
    out.mkdir(parents=True, exist_ok=True)
    (out / RELEASE_MARKER).write_text(f"release of {assignment}\n", encoding="utf-8")
    write_atomic(out / source.name, online_links(source.read_text(encoding="utf-8")))
    for old in out.glob("soviet_numbers-*.whl"):
        old.unlink()
    wheel = build_wheel(out)
    write_atomic(out / "README.txt", student_readme(assignment, source.name, wheel.name))
    if make_zip:
        archive = out.with_suffix(".zip")
        if archive.exists() and not zipfile.is_zipfile(archive):
            raise FileExistsError(f"{archive} exists and is not a release zip; refusing to overwrite")
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
            for f in (source.name, wheel.name, "README.txt"):
                z.write(out / f, arcname=f"{assignment}/{f}")
        return archive
    return out


def online_links(notebook_text: str) -> str:
    """A released notebook travels alone: its links to the lectures (``../notebooks/...``) open them in the student
    edition online instead."""
    from ..edition import BRANCH, REPOSITORY

    return notebook_text.replace("](../notebooks/", f"](https://github.com/{REPOSITORY}/blob/{BRANCH}/notebooks/")


def check_release_folder(folder: Path) -> None:
    """Refuse an existing, non-empty folder that this command did not create (no release marker in it)."""
    if folder.exists() and any(folder.iterdir()) and not (folder / RELEASE_MARKER).exists():
        raise FileExistsError(
            f"{folder} exists and was not created by `soviet-numbers release`; refusing (choose a new or empty folder)"
        )


def refuse_edited(paths: list[Path]) -> None:
    """Refuse, before any work, to replace a file of an earlier release that someone edited since (or that this
    command did not write): only files its ledger holds, unchanged, may be replaced."""
    edited = sorted(str(p) for p in paths if p.exists() and not is_ours(p))
    if edited:
        shown = ", ".join(edited[:3]) + (" ..." if len(edited) > 3 else "")
        raise FileExistsError(
            f"{len(edited)} file(s) of an earlier release were edited since, or not written by this command: {shown}; "
            "refusing (choose a new or empty folder, or move them away)"
        )


def build_wheel(folder: Path) -> Path:
    """Build the course package's student wheel (with its data, without the answers) into ``folder``.

    Built once per process: releasing several assignments in one go reuses it.
    """
    built = _built_wheel()
    return write_atomic(Path(folder) / built.name, built.read_bytes())


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
        check_release_folder(folder)
    if solutions and (
        out == Path(solutions).resolve()
        or out in Path(solutions).resolve().parents
        or Path(solutions).resolve() in out.parents
    ):
        raise ValueError(
            "the solved copies and the release must not hold each other: give --solutions a folder of its own"
        )
    if build(verify=True):
        raise RuntimeError("exercises/ is out of sync with solutions/: run `soviet-numbers build-exercises` first")
    refuse_edited(
        [out / "README.txt", *out.glob("soviet_numbers-*.whl")]
        + [f for s in students for f in (out / s / f"{assignment}.ipynb", out / s / "README.txt")]
        + [f for s in students for f in (out / s).glob("soviet_numbers-*.whl")]
        + ([Path(solutions) / s / f"{assignment}.ipynb" for s in students] if solutions else [])
    )
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
    readme = student_readme(assignment, f"{assignment}.ipynb", wheel.name)
    write_atomic(out / "README.txt", readme)
    for student in students:
        solved = variant_solution(solution, assignment, student, secret)
        notebook = online_links(render(exercise_notebook(solved, assignment=assignment)))
        write_atomic(out / student / f"{assignment}.ipynb", notebook)
        for old in (out / student).glob("soviet_numbers-*.whl"):
            old.unlink()
        build_wheel(out / student)  # the notebook's first cell installs the wheel beside it
        write_atomic(out / student / "README.txt", readme)
        if solutions:
            write_atomic(Path(solutions) / student / f"{assignment}.ipynb", nbformat.writes(solved))
    record_release(assignment)
    return out


def record_release(assignment: str, folder: Path | None = None) -> None:
    """Note, beside the secret, which version of the assignment was released (its fingerprint and commit)."""
    from ..edition import source_commit
    from ..variants import fingerprint
    from .outputs import write_atomic

    path = Path(folder or Path.cwd()) / RELEASED_FILE
    released = _released(path)
    released[assignment] = {"fingerprint": fingerprint(assignment), "commit": source_commit()}
    write_atomic(path, json.dumps(released, indent=1, sort_keys=True) + "\n")


def check_released(assignment: str, folder: Path | None = None) -> str | None:
    """Refuse (VariantError) to grade against exercises that changed since the release; a warning (returned) when
    this folder has no record of the release."""
    from ..variants import VariantError, fingerprint

    record = _released(Path(folder or Path.cwd()) / RELEASED_FILE).get(assignment)
    if not record:
        return f"no record of releasing {assignment} in {RELEASED_FILE} here: cannot check the exercises are unchanged"
    if record.get("fingerprint") != fingerprint(assignment):
        raise VariantError(
            f"the exercises of {assignment} changed since you released them (from commit {record.get('commit')}), "
            f"so students would be graded against other figures: grade with the course as released "
            f"(git checkout {record.get('commit')}), or release again"
        )
    return None


def _released(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}
