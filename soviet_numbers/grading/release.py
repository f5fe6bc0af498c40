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

from ..build_exercises import EXERCISES, ROOT

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
    """Build the course package's wheel (with its data) into ``folder``; returns its path.

    Built once per process: releasing several assignments in one go reuses it.
    """
    built = _built_wheel()
    return Path(shutil.copy2(built, folder / built.name))


@functools.cache
def _built_wheel() -> Path:
    tmp = tempfile.mkdtemp(prefix="sn-wheel-")
    run = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", tmp, str(ROOT)],
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
