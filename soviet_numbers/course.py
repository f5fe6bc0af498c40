"""The course manifest, ``course.yml``: the course's units, in order, each with its notebooks and modules.

Everything that lists the course's units reads it through this module: the README's course map, the book's
order, the assignments, release, grading, the benchmarks and the tests. It also owns the repository's root path,
``ROOT``. Inside the repository the manifest is ``ROOT / "course.yml"``; an installed wheel carries a copy
(``soviet_numbers/course_manifest``), for the assignments. The modules a unit names must exist, always; the files
it names must exist when asked for (``notebooks()``, ``solutions()`` ... fail loudly on a missing one), so that a
student's copy without ``solutions/``, or the grader's sandbox that hides it, can still read the manifest.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "course.yml"
KINDS = ("start", "primer", "lecture", "capstone", "reference")
FIELDS = ("id", "slug", "kind", "title", "summary", "notebook", "solution", "exercises", "explorer")
PACKAGE = Path(__file__).resolve().parent

# The first code cell of every notebook (tagged course-setup, its source folded): outside the course folder it
# installs the course's helper package. One copy, here; tests/test_notebooks_static.py checks every notebook's.
INSTALL_CELL = """\
# Outside the course folder (Colab, a released copy), first install the course's helper package.
import importlib.util

if importlib.util.find_spec("soviet_numbers") is None:
    import glob
    import os

    course = os.environ.get("SOVIET_NUMBERS_WHEEL") or next(iter(sorted(glob.glob("soviet_numbers-*.whl"))), None)
    %pip install --quiet {course or "git+https://github.com/soviet-numbers/soviet-industrialization-course@student"}
    importlib.invalidate_caches()"""
INSTALL_CELL_METADATA = {"jupyter": {"source_hidden": True}, "tags": ["course-setup"]}


@dataclass(frozen=True)
class Unit:
    """One unit of the course: a notebook, and what goes with it (paths relative to ROOT; None where none)."""

    id: str
    slug: str
    kind: str
    title: str
    summary: str
    notebook: str
    solution: str | None
    exercises: str | None
    explorer: str | None

    @property
    def exercise_notebook(self) -> str | None:
        """The student's copy, generated from the solution (``exercises/<slug>.ipynb``)."""
        return f"exercises/{self.slug}.ipynb" if self.solution else None

    @property
    def exercise_prefix(self) -> str | None:
        """The first part of its exercise ids: module ``lecture1b`` -> ``"1b"`` (exercises 1b.1, 1b.2 ...)."""
        return self.exercises.removeprefix("lecture") if self.exercises else None


class ManifestError(ValueError):
    """course.yml is malformed or names a file that does not exist."""


def manifest_path() -> Path:
    """The repository's course.yml, or the copy an installed wheel carries."""
    if MANIFEST.exists():
        return MANIFEST
    return Path(str(resources.files("soviet_numbers").joinpath("course_manifest", "course.yml")))


def parse(text: str, root: Path | None = None) -> tuple[Unit, ...]:
    """The units of a manifest's text; with ``root``, every file it names must exist under it."""
    import yaml

    raw = yaml.safe_load(text) or {}
    units, seen = [], set()
    for i, entry in enumerate(raw.get("units") or []):
        if not isinstance(entry, dict) or set(entry) != set(FIELDS):
            raise ManifestError(f"course.yml, unit {i + 1}: needs exactly the fields {', '.join(FIELDS)}; got {entry}")
        unit = Unit(**{k: None if entry[k] is None else str(entry[k]) for k in FIELDS})
        for path in (unit.notebook, unit.solution):
            if path and Path(path).name != f"{unit.slug}.ipynb":
                raise ManifestError(f"course.yml, unit {unit.id!r}: {path} is not named {unit.slug}.ipynb (its slug)")
        if unit.kind not in KINDS:
            raise ManifestError(f"course.yml, unit {unit.id!r}: kind {unit.kind!r} is not one of {', '.join(KINDS)}")
        for key in ("id", "slug"):
            if (key, getattr(unit, key)) in seen:
                raise ManifestError(f"course.yml: two units have the {key} {getattr(unit, key)!r}")
            seen.add((key, getattr(unit, key)))
        units.append(unit)
    if not units:
        raise ManifestError("course.yml lists no units")
    for unit in units:
        for module, package in ((unit.exercises, "assignments"), (unit.explorer, "explorers")):
            if module and not (PACKAGE / package / f"{module}.py").exists():
                raise ManifestError(f"course.yml, unit {unit.id!r}: no module soviet_numbers/{package}/{module}.py")
        if root is not None:
            for path in (unit.notebook, unit.solution):
                if path and not (root / path).exists():
                    raise ManifestError(f"course.yml, unit {unit.id!r}: {path} does not exist")
    return tuple(units)


@cache
def _load(path: Path) -> tuple[Unit, ...]:
    return parse(path.read_text(encoding="utf-8"))


def units(kind: str | None = None) -> tuple[Unit, ...]:
    """The course's units in course order (only those of one ``kind`` if given)."""
    return tuple(u for u in _load(manifest_path()) if kind is None or u.kind == kind)


def _existing(paths: list[str]) -> list[Path]:
    """The files under ROOT; a missing one fails loudly (the manifest names it, so the course needs it)."""
    for path in paths:
        if not (ROOT / path).exists():
            raise ManifestError(f"course.yml names {path}, which does not exist under {ROOT}")
    return [ROOT / path for path in paths]


def unit(slug: str) -> Unit | None:
    """The unit whose notebook is ``<slug>.ipynb`` (an assignment's name), or None."""
    return next((u for u in units() if u.slug == slug), None)


def exercise_modules() -> tuple[str, ...]:
    """The prefixes of the exercise modules, in course order: ("0", "1", ...) for lecture0, lecture1 ..."""
    return tuple(dict.fromkeys(u.exercise_prefix for u in units() if u.exercises))


def notebooks() -> list[Path]:
    """Every unit's notebook, in course order."""
    return _existing([u.notebook for u in units()])


def solutions() -> list[Path]:
    """Every solution notebook, in course order."""
    return _existing([u.solution for u in units() if u.solution])


def exercise_notebooks() -> list[Path]:
    """Every generated exercise notebook (``exercises/<slug>.ipynb``), in course order."""
    return _existing([u.exercise_notebook for u in units() if u.exercise_notebook])


def course_notebooks(root: Path | None = None) -> list[tuple[str, Path]]:
    """The notebooks a student gets, as (path in the course, file): every lecture, the primer and the glossary
    (notebooks/), and every exercise notebook (exercises/; never solutions/). The one place that lists them, for the
    student edition and the browser edition."""
    root = root or ROOT
    return [
        (f"{folder}/{p.name}", p)
        for folder in ("notebooks", "exercises")
        for p in sorted((root / folder).glob("*.ipynb"))
    ]


def assignments() -> list[str]:
    """The assignments an instructor can release and grade: the slugs of the units with a solution."""
    return [u.slug for u in units() if u.solution]
