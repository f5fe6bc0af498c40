"""The student edition: what students open (Binder, Colab, a hub's nbgitpuller link), without the answers.

    soviet-numbers student-edition --out DIR

Authoring code (students never import it). The repository is open and its ``solutions/`` are public, for practice;
but a launch link that opens the repository itself hands a student the solutions, the exercise modules that compute
every answer, and the instructor's tests. So, as QuantEcon publishes its notebooks from a repository of their own,
the course's launch links open a generated tree, kept on the repository's ``student`` branch
(``.github/workflows/student-edition.yml`` rebuilds it from ``main`` on every push). It holds:

- ``notebooks/`` (lectures, primer, glossary, stored with their outputs) and ``exercises/`` (generated, no solutions);
- the student package (``soviet_numbers`` without ``assignments/lecture*.py``: the same source the student wheel is
  built from, :func:`student_source`) with ``data/`` and ``course.yml``;
- ``requirements.txt`` and ``runtime.txt`` (Binder builds from them; ``-e .`` installs that student package), the
  licences and CITATION.cff, and a short README with the course map.

It never holds ``solutions/``, ``tests/``, ``tools/``, ``benchmarks/``, ``docs/`` or the instructor's guide.
``tests/test_student_edition.py`` builds it, checks that, and runs every notebook in it with only its own package.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from .course import ROOT, course_notebooks, units
from .owned_folder import check_owned, write_marker

MARKER = ".soviet-numbers-edition.json"  # the files this command wrote into --out (so it may rebuild there)
REPOSITORY = "soviet-numbers/soviet-industrialization-course"
BRANCH = "student"  # the branch the launch links open (the generated tree)
# Files of the repository's root the edition carries as they are.
TOP_FILES = ("LICENSE", "LICENSE-content", "CITATION.cff", "requirements.txt", "runtime.txt")


# The student edition (and the student wheel, built from the same source) leaves out the instructor's exercise
# modules (answers, formulas, rubrics): a student's check reads only the digests of assignments/class_key.json or of
# their notebook's own key.
INSTRUCTOR_ONLY = ("soviet_numbers/assignments/lecture*.py",)


def student_source(dest: Path) -> Path:
    """A copy of the package's source without the instructor-only modules (what the student wheel is built from):
    the package, its data and the course manifest (the wheel carries both, see pyproject.toml)."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("pyproject.toml", "README.md", "LICENSE", "course.yml"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, dest / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "soviet_numbers", dest / "soviet_numbers", ignore=ignore)
    shutil.copytree(ROOT / "data", dest / "data", ignore=ignore)
    for pattern in INSTRUCTOR_ONLY:
        for path in dest.glob(pattern):
            path.unlink()
    return dest


def binder(path: str, ref: str = BRANCH) -> str:
    return f"https://mybinder.org/v2/gh/{REPOSITORY}/{ref}?urlpath=lab/tree/{path}"


def colab(path: str, ref: str = BRANCH) -> str:
    return f"https://colab.research.google.com/github/{REPOSITORY}/blob/{ref}/{path}"


def course_map() -> str:
    """The course map (README, and the edition's README): one row per unit, then the exercise notebooks; every
    launch link opens the student edition."""
    rows = ["| notebook | what you learn | open online |", "|---|---|---|"]
    for unit in units():
        path = unit.notebook
        rows.append(f"| [`{path}`]({path}) | {unit.summary} | [Binder]({binder(path)}) · [Colab]({colab(path)}) |")
    listing = ",\n".join(
        f"[`{u.exercise_notebook}`]({u.exercise_notebook}) ([Binder]({binder(u.exercise_notebook)}) · "
        f"[Colab]({colab(u.exercise_notebook)}))"
        for u in units()
        if u.exercise_notebook
    )
    return "\n".join(rows) + f"\n\nExercises:\n{listing}.\n"


def readme(commit: str) -> str:
    first = units()[0].notebook
    return f"""# Soviet industrialization, 1925–1930, read through its own numbers: student edition

[![Binder](https://mybinder.org/badge_logo.svg)]({binder(first)})

The course's notebooks, exercises, data and helper package, for students. It is generated from the course's
repository, [{REPOSITORY}](https://github.com/{REPOSITORY}) (commit `{commit}`), where the solutions (public,
for practice), the instructor's guide and the tests live. Do not edit this branch: it is rebuilt from `main`.

Start with [`{first}`]({first}). Exercises check your answer at once (✓, or ✗ with a hint that never gives the
number); graded work may come from your instructor as your own version of an exercise notebook.

## Course map

{course_map()}
## Open the course

- **Online, nothing to install:** a notebook's *Binder* or *Colab* link above. On Colab, run the folded first cell:
  it installs the course's helper package (with its data).
- **On your computer** (Python 3.11, 3.12 or 3.13):
  `python3 -m venv .venv && . .venv/bin/activate && pip install -r requirements.txt && jupyter lab {first}`
  (on Windows, activate with `.venv\\Scripts\\activate`).
- **On a campus JupyterHub**, your instructor gives you a link that copies this edition into your account.

Licences: code MIT ([LICENSE](LICENSE)); the course's text and data CC BY 4.0 ([LICENSE-content](LICENSE-content)).
To cite the course: [CITATION.cff](CITATION.cff).
"""


def source_commit() -> str:
    run = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return run.stdout.strip() if run.returncode == 0 and run.stdout.strip() else "unknown"


def build_edition(out: Path) -> dict:
    """Write the student edition into ``out`` (refusing, before any work, a folder with files it did not write)."""
    from .build_exercises import build

    out = Path(out)
    check_owned(out, MARKER, "soviet-numbers student-edition")
    if build(verify=True):
        raise RuntimeError("exercises/ is out of sync with solutions/: run `soviet-numbers build-exercises` first")
    commit = source_commit()
    with tempfile.TemporaryDirectory(prefix="sn-edition-") as tmp:
        staged = student_source(Path(tmp) / "edition")
        for name in TOP_FILES:
            shutil.copy2(ROOT / name, staged / name)
        for rel, src in course_notebooks():
            (staged / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, staged / rel)
        (staged / "README.md").write_text(readme(commit), encoding="utf-8")
        check_owned(out, MARKER, "soviet-numbers student-edition")  # again: nothing foreign arrived meanwhile
        if out.exists():
            shutil.rmtree(out)  # only files this command wrote (check_owned above)
        shutil.copytree(staged, out)
    files = write_marker(out, MARKER, commit=commit)
    return {"out": str(out), "files": len(files), "notebooks": len(course_notebooks()), "commit": commit}
