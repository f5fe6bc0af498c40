"""Release one assignment: its generated exercise notebook, in a folder (and a zip) an LMS can take."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from ..build_exercises import EXERCISES

RELEASE_MARKER = ".soviet-numbers-release"


def assignment_names() -> list[str]:
    return sorted(p.stem for p in EXERCISES.glob("*.ipynb"))


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
    readme = out / "README.txt"
    readme.write_text(
        f"Assignment {assignment}\n\nOpen {source.name} in JupyterLab, answer each exercise where it says "
        "'None  # ✎ your answer here', run the check cell under it, save, and hand the notebook in.\n"
        "The course package must be installed (pip install -r requirements.txt in the course folder).\n",
        encoding="utf-8",
    )
    if make_zip:
        archive = out.with_suffix(".zip")
        if archive.exists() and not zipfile.is_zipfile(archive):
            raise FileExistsError(f"{archive} exists and is not a release zip; refusing to overwrite")
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
            for f in (source.name, "README.txt"):
                z.write(out / f, arcname=f"{assignment}/{f}")
        return archive
    return out
