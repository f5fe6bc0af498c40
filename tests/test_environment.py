"""conda/environment.yml pins what requirements.txt pins, for Python 3.12; pyproject.toml states the lower bounds."""

import re

from packaging.markers import Marker

from soviet_numbers.course import ROOT


def _pip_pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if "==" not in line:
            continue
        requirement, _, marker = line.partition(";")
        if marker and not Marker(marker).evaluate({"python_version": "3.12"}):
            continue  # another interpreter's line
        name, version = requirement.split("==")
        pins[name.strip().lower()] = version.strip()
    return pins


def _conda_pins() -> dict[str, str]:
    text = (ROOT / "conda" / "environment.yml").read_text(encoding="utf-8")
    return {
        m.group(1).lower(): m.group(2) for m in re.finditer(r"^\s*-\s*([A-Za-z0-9_.-]+)=([0-9][^\s#]*)", text, re.M)
    }


def test_conda_environment_pins_the_same_versions():
    pip, conda = _pip_pins(), _conda_pins()
    assert conda.pop("python") == (ROOT / "runtime.txt").read_text().strip().removeprefix("python-")
    assert conda == pip


def test_the_package_states_its_lower_bounds():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    for bound in ("pandas>=2.2", "matplotlib>=3.8", "ipywidgets>=8.1", "numpy>=2.0"):
        assert f'"{bound}"' in text
    assert 'requires-python = ">=3.11"' in text


def test_binder_builds_what_ci_tests():
    """repo2docker takes binder/ (or .binder/) if present, else a root environment.yml over requirements.txt."""
    for taken_first in ("binder", ".binder", "environment.yml", "Pipfile", "setup.py", "Dockerfile", "apt.txt"):
        assert not (ROOT / taken_first).exists(), f"{taken_first} would change what Binder builds"
    assert (ROOT / "runtime.txt").read_text().strip() == "python-3.12"  # the Python .ci/run picks first
    assert "pip install -r requirements-dev.txt" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "-r requirements.txt" in (ROOT / "requirements-dev.txt").read_text(encoding="utf-8").splitlines()


def test_instructor_outputs_are_ignored_by_git():
    lines = set((ROOT / ".gitignore").read_text(encoding="utf-8").splitlines())
    assert {"/release/", "/submissions/", "/grading/"} <= lines  # the folders docs/instructors.md tells them to use


def test_every_subpackage_travels_in_the_wheel():
    """The wheel lists its packages by name: a new folder of modules must be listed, or the wheel lacks it."""
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    folders = {".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "soviet_numbers").rglob("__init__.py")}
    assert "soviet_numbers.lecture_charts" in folders  # the scope found the subpackages
    assert folders <= listed, sorted(folders - listed)
