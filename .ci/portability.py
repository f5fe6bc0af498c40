"""CI steps after the README test command: does the course run wherever a student opens it?

    python .ci/portability.py [--only STEP ...]

Steps (each timed; a summary matrix at the end, also written to build/portability.md):

- resolve   the pins of requirements-dev.txt resolve on every Python the README names (3.11, 3.12, 3.13) that
            this machine has; a missing interpreter is reported and skipped
- wheel     `pip wheel .` carries the package and its data
- wheel-env a fresh environment with only the wheel: every figure, passage, lost table and outside series loads
            from an empty folder, and every lecture and solution runs alone in an empty folder
- release   a released zip, unpacked into an empty folder, runs in an environment without the course: its first
            cell installs the wheel beside it, and the checks answer
- old-stack Colab's stack (Python 3.13, pandas 2.2, matplotlib 3.10, ipywidgets 8.1; the lower bounds matplotlib 3.8
            and numpy 2.0 are tested in the browser edition's step, tests/lite):
            every lecture and solution, alone in an empty folder, installs the wheel from SOVIET_NUMBERS_WHEEL in
            its first cell and runs
- units     the unit tests on Python 3.11 and 3.13 (the full suite runs on 3.12 in the README command)

Exit status 1 if any step that ran failed.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build" / "portability"
VERSIONS = ("3.11", "3.12", "3.13")
# Colab's stack in 2026 and the lower bounds in pyproject.toml (numpy 2.1 is the first with Python 3.13 wheels).
OLD_STACK = [
    "pandas==2.2.3",
    "numpy==2.1.3",
    "matplotlib==3.10.8",
    "ipywidgets==8.1.8",
    "ipykernel==6.29.5",
    "nbclient==0.10.2",
    "nbformat==5.10.4",
    "pillow==11.3.0",
]
RUNNER = r"""
import sys, json, nbformat
from nbclient import NotebookClient
path = sys.argv[1]
nb = nbformat.read(path, as_version=4)
folder = str(__import__("pathlib").Path(path).parent)
NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": folder}}).execute()
errors = [o.get("ename", "") + ": " + o.get("evalue", "")[:200] for c in nb.cells if c.cell_type == "code"
          for o in c.get("outputs", []) if o.get("output_type") == "error"]
texts = ["".join(o.get("text", "") for o in c.get("outputs", [])) for c in nb.cells
         if c.cell_type == "code" and "check(" in c.source]
print(json.dumps({"errors": errors, "checks": texts}))
"""
LOAD_ALL = r"""
from soviet_numbers import course, data
assert len(data.figures()) == FIGURES, len(data.figures())
assert len(course.units()) == UNITS and "site-packages" in str(course.manifest_path()), course.manifest_path()
assert len(data.passages()) == 127 and data.source_text().startswith("Creating")
assert len(data.lost_tables()) == 6 and len(data.lost_table_cells()) == 79
assert len(data.maddison()) > 100 and len(data.cow_nmc()) > 100
assert "site-packages" in str(data.DATA_DIR), data.DATA_DIR
units = len(course.units())
print(f"loaded {len(data.figures())} figures, {units} units of course.yml, 127 passages, 6 lost tables (79 cells)",
      "and both outside series from", data.DATA_DIR)
"""


def log(message: str) -> None:
    print(f"[portability] {message}", flush=True)


def run(cmd: list, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, **kwargs)
    if result.returncode:
        tail = (result.stdout + result.stderr).strip().splitlines()[-15:]
        raise RuntimeError(f"{' '.join(map(str, cmd[:6]))} ... failed:\n  " + "\n  ".join(tail))
    return result


def find_python(version: str) -> str | None:
    """An interpreter of this version, wherever the machine keeps it: PATH, pyenv, /usr/bin."""
    candidates = [shutil.which(f"python{version}")]
    pyenv_root = os.environ.get("PYENV_ROOT") or str(Path.home() / ".pyenv")
    candidates += sorted(glob.glob(f"{pyenv_root}/versions/{version}*/bin/python{version}"), reverse=True)
    candidates += [f"/usr/bin/python{version}", f"/usr/local/bin/python{version}"]
    for candidate in filter(None, candidates):
        try:
            out = subprocess.run(
                [candidate, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                capture_output=True,
                text=True,
                timeout=30,
            )
        except (OSError, subprocess.TimeoutExpired):
            continue
        if out.returncode == 0 and out.stdout.strip() == version:
            return candidate
    return None


def venv(python: str, where: Path) -> Path:
    shutil.rmtree(where, ignore_errors=True)
    run([python, "-m", "venv", where])
    py = where / "bin" / "python"
    run([py, "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    return py


def constraints() -> Path:
    """requirements.txt as a constraints file (its pins, without the editable install of the course)."""
    path = BUILD / "constraints.txt"
    lines = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    path.write_text(
        "\n".join(line for line in lines if line.strip() and not line.startswith(("-e", "#"))) + "\n", encoding="utf-8"
    )
    return path


def run_notebook_alone(py: Path, notebook: Path, env: dict | None = None, keep: list[Path] = ()) -> dict:
    """Copy one notebook (and any files in ``keep``) into an empty folder and run it there with ``py``."""
    folder = Path(tempfile.mkdtemp(prefix="sn-alone-"))
    target = folder / notebook.name
    shutil.copy2(notebook, target)
    for extra in keep:
        shutil.copy2(extra, folder / extra.name)
    runner = folder.parent / f"{folder.name}-runner.py"
    runner.write_text(RUNNER, encoding="utf-8")
    result = run([py, runner, target], cwd=folder, env={**os.environ, **(env or {})})
    return json.loads(result.stdout.strip().splitlines()[-1])


def executed_notebooks() -> list[Path]:
    """Every notebook and solution of course.yml (read from the repository: CI's own environment has the package)."""
    from soviet_numbers import notebook_files

    return notebook_files.executed_notebooks()


def load_all() -> str:
    """LOAD_ALL with the counts the wheel must carry, read from the repository (never typed)."""
    from soviet_numbers import course, data

    return LOAD_ALL.replace("FIGURES", str(len(data.figures()))).replace("UNITS", str(len(course.units())))


# --- steps ---------------------------------------------------------------------------------------------------------


def step_resolve(state: dict) -> str:
    lines = []
    for version in VERSIONS:
        python = find_python(version)
        if python is None:
            lines.append(f"{version}: skipped (no Python {version} on this machine)")
            continue
        run(
            [
                python,
                "-m",
                "pip",
                "install",
                "--dry-run",
                "--ignore-installed",
                "--quiet",
                "-r",
                ROOT / "requirements-dev.txt",
            ],
            cwd=ROOT,
        )
        lines.append(f"{version}: resolves ({python})")
    return "; ".join(lines)


def step_wheel(state: dict) -> str:
    dist = BUILD / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", dist, ROOT])
    wheel = next(dist.glob("soviet_numbers-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    data = [n for n in names if "/course_data/" in n]
    modules = [n for n in names if n.endswith(".py")]
    assert any(n.endswith("course_data/figures_output.csv") for n in names), "the wheel carries no data"
    state["wheel"] = wheel
    return f"{wheel.name}: {wheel.stat().st_size / 1024:.0f} kB, {len(modules)} modules, {len(data)} data files"


def step_wheel_env(state: dict) -> str:
    python = find_python("3.12") or sys.executable
    py = venv(python, BUILD / "venv-wheel")
    run([py, "-m", "pip", "install", "--quiet", state["wheel"], "ipykernel", "-c", constraints()])
    empty = Path(tempfile.mkdtemp(prefix="sn-empty-"))
    loaded = run([py, "-c", load_all()], cwd=empty).stdout.strip()
    ran = []
    for notebook in executed_notebooks():
        result = run_notebook_alone(py, notebook)
        assert not result["errors"], (notebook.name, result["errors"])
        ran.append(notebook.name)
    state["wheel_py"] = py
    return (
        f"{loaded.split(' from ')[0]}; {len(ran)} of {len(executed_notebooks())} notebooks ran alone in an empty folder"
    )


def step_release(state: dict) -> str:
    py = state.get("wheel_py") or step_wheel_env(state) and state["wheel_py"]
    run([py, "-m", "pip", "uninstall", "--quiet", "--yes", "soviet-numbers"])
    out = BUILD / "release"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    counts = []
    for assignment in ("01_sources_of_accumulation", "05_capstone_audit"):
        archive = Path(
            run([sys.executable, "-m", "soviet_numbers", "release", assignment, "--out", out / assignment, "--zip"])
            .stdout.split(" to ")[-1]
            .strip()
        )
        unpacked = Path(tempfile.mkdtemp(prefix="sn-unzipped-"))
        zipfile.ZipFile(archive).extractall(unpacked)
        folder = unpacked / assignment
        notebook = folder / f"{assignment}.ipynb"
        result = run_notebook_alone(py, notebook, keep=list(folder.glob("*.whl")))
        assert not result["errors"], result["errors"]
        assert result["checks"] and all("Not answered yet" in t for t in result["checks"]), result["checks"]
        counts.append(f"{assignment}: {len(result['checks'])} checks answered")
        run([py, "-m", "pip", "uninstall", "--quiet", "--yes", "soviet-numbers"])
    return "; ".join(counts) + " (the wheel installed by the notebook's first cell)"


def step_old_stack(state: dict) -> str:
    python = find_python("3.13")
    if python is None:
        return "skipped (no Python 3.13 on this machine)"
    py = venv(python, BUILD / "venv-old-stack")
    run([py, "-m", "pip", "install", "--quiet", *OLD_STACK])
    versions = run(
        [
            py,
            "-c",
            "import pandas, matplotlib, ipywidgets, numpy; print(pandas.__version__, "
            "matplotlib.__version__, ipywidgets.__version__, numpy.__version__)",
        ]
    ).stdout.split()
    ran = 0
    env = {"SOVIET_NUMBERS_WHEEL": str(state["wheel"])}
    for notebook in executed_notebooks():
        result = run_notebook_alone(py, notebook, env=env)
        assert not result["errors"], (notebook.name, result["errors"])
        ran += 1
    return (
        f"Python 3.13, pandas {versions[0]}, matplotlib {versions[1]}, ipywidgets {versions[2]}, numpy "
        f"{versions[3]}: {ran} of {len(executed_notebooks())} notebooks ran alone (first cell installed the wheel)"
    )


def step_units(state: dict) -> str:
    lines = []
    for version in ("3.11", "3.13"):
        python = find_python(version)
        if python is None:
            lines.append(f"{version}: skipped (not on this machine)")
            continue
        py = venv(python, BUILD / f"venv-{version}")
        run([py, "-m", "pip", "install", "--quiet", "-r", ROOT / "requirements-dev.txt"], cwd=ROOT)
        result = run(
            [
                py,
                "-m",
                "pytest",
                "tests",
                "-m",
                "not browser and not book and not lite and not cluster and not grading",
                "-q",
            ],
            cwd=ROOT,
        )
        lines.append(f"{version}: {result.stdout.strip().splitlines()[-1]}")
    return "; ".join(lines)


STEPS = {
    "resolve": step_resolve,
    "wheel": step_wheel,
    "wheel-env": step_wheel_env,
    "release": step_release,
    "old-stack": step_old_stack,
    "units": step_units,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", nargs="*", choices=list(STEPS), help="run only these steps (wheel is always built)")
    args = parser.parse_args()
    BUILD.mkdir(parents=True, exist_ok=True)
    chosen = args.only or list(STEPS)
    if "wheel" not in chosen and any(s in chosen for s in ("wheel-env", "release", "old-stack")):
        chosen = ["wheel", *chosen]
    state: dict = {}
    rows, failed = [], 0
    for name in chosen:
        started = time.perf_counter()
        log(f"{name} ...")
        try:
            outcome, ok = STEPS[name](state), True
        except Exception as exc:  # noqa: BLE001 - report every step, then fail the run
            outcome, ok = f"FAILED: {exc}", False
            failed += 1
        seconds = time.perf_counter() - started
        log(f"{name}: {'ok' if ok else 'FAILED'} in {seconds:.0f} s: {outcome}")
        rows.append(f"| {name} | {'ok' if ok else 'FAILED'} | {seconds:.0f} | {outcome.replace('|', '/')} |")
    table = "\n".join(["| step | result | seconds | what ran |", "|---|---|---:|---|", *rows])
    (BUILD / "portability.md").write_text(table + "\n", encoding="utf-8")
    print(table)
    print(f"portability: {len(rows) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
