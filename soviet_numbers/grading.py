"""Release assignments and autograde a class's submissions: no server, no database, no Docker.

Grading runs each submitted notebook **on a copy**, in a fresh kernel, in a temporary working directory, with a
per-cell time limit and a scrubbed environment, then runs the *instructor's* checks (``assignments.grade``) on the
answer variables the notebook defined. The student's own check cells and saved outputs are never read, so editing a
check cell or pasting a ✓ into an output gains nothing.

Security: grading executes untrusted code. Run it as an unprivileged user on a machine without secrets, ideally
without network access; this module caps time and output and isolates the working directory, but it is not a
sandbox.
"""
from __future__ import annotations

import csv
import hashlib
import json
import os
import secrets
import shutil
import tempfile
import zipfile
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nbformat

from .assignments import exercises
from .checks import safely
from .build_exercises import EXERCISES

OUTPUT_CAP_BYTES = 1_000_000  # per cell; larger outputs are discarded (and reported)
RELEASE_MARKER = ".soviet-numbers-release"
STATUS_LABELS = {"correct": "correct", "wrong": "wrong", "unanswered": "not answered", "invalid": "wrong type",
                 "recorded": "written (for the instructor)", "error": "error"}
GRADEBOOK_FIELDS = ["student", "assignment", "exercise", "variable", "status", "points", "max_points", "message",
                    "submission", "sha256"]


# --- release ---------------------------------------------------------------------------------------------------------

def assignment_names() -> list[str]:
    return sorted(p.stem for p in EXERCISES.glob("*.ipynb"))


def lecture_prefix(assignment: str) -> str:
    """'01_sources_of_accumulation' -> '1.' (the exercise ids of that lecture)."""
    return f"{int(assignment.split('_', 1)[0])}."


def release(assignment: str, out: Path, make_zip: bool = False) -> Path:
    """Copy one generated exercise notebook into a release folder (and optionally a zip next to it).

    Refuses to write into an existing folder that this command did not create (no marker file), so it can never
    overwrite an instructor's own files.
    """
    from .build_exercises import build

    source = EXERCISES / f"{assignment}.ipynb"
    if not source.exists():
        raise ValueError(f"no exercise notebook {assignment!r}; choose one of {assignment_names()}")
    stale = build(check=True)
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
        encoding="utf-8")
    if make_zip:
        archive = out.with_suffix(".zip")
        if archive.exists() and not zipfile.is_zipfile(archive):
            raise FileExistsError(f"{archive} exists and is not a release zip; refusing to overwrite")
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
            for f in (source.name, "README.txt"):
                z.write(out / f, arcname=f"{assignment}/{f}")
        return archive
    return out


# --- collecting submissions ----------------------------------------------------------------------------------------

@dataclass
class Submission:
    student: str
    path: Path
    sha256: str
    problem: str = ""  # set when the submission cannot be graded (duplicate name, ...)


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def collect(submissions_dir: Path) -> list[Submission]:
    """Find submissions: ``DIR/<student>.ipynb`` or ``DIR/<student>/<any>.ipynb``. Duplicate names are flagged."""
    submissions_dir = Path(submissions_dir)
    found: list[Submission] = []
    # Top-level files first, then folders, each in name order: the first notebook under a name is graded.
    for path in sorted(submissions_dir.rglob("*.ipynb"), key=lambda p: (len(p.relative_to(submissions_dir).parts), str(p))):
        if ".ipynb_checkpoints" in path.parts:
            continue
        rel = path.relative_to(submissions_dir)
        student = rel.parts[0] if len(rel.parts) > 1 else path.stem
        found.append(Submission(student=student, path=path, sha256=sha256(path)))
    seen: dict[str, Submission] = {}
    for sub in found:
        key = sub.student.strip().lower()
        if key in seen:
            sub.problem = f"duplicate student name {sub.student!r} (also {seen[key].path.name}); not graded"
        else:
            seen[key] = sub
    return found


# --- executing one submission ----------------------------------------------------------------------------------------

def _variables_for(assignment: str) -> list[str]:
    prefix = lecture_prefix(assignment)
    return [p.variable for ex_id, ex in exercises().items() if ex_id.startswith(prefix) for p in ex.parts]


def _dump_cell(variables: list[str], nonce: str) -> str:
    # Encodes each answer variable as JSON: plain values as they are, anything else by its type name only.
    return (
        "def __sn_dump():\n"
        "    import json as _json, math as _math, sys as _sys\n"
        "    _out = {}\n"
        f"    for _name in {variables!r}:\n"
        "        if _name not in globals():\n"
        "            _out[_name] = {'kind': 'missing'}\n"
        "            continue\n"
        "        _v = globals()[_name]\n"
        "        if _v is None or _v is Ellipsis:\n"
        "            _out[_name] = {'kind': 'none'}\n"
        "        elif isinstance(_v, bool):\n"
        "            _out[_name] = {'kind': 'bool', 'value': _v}\n"
        "        elif isinstance(_v, (int, float)) or type(_v).__name__.startswith(('float', 'int')):\n"
        "            _f = float(_v)\n"
        "            _out[_name] = {'kind': 'number', 'value': _f if _math.isfinite(_f) else repr(_f)}\n"
        "        elif isinstance(_v, str):\n"
        "            _out[_name] = {'kind': 'str', 'value': _v[:20000]}\n"
        "        else:\n"
        "            _out[_name] = {'kind': 'other', 'type': type(_v).__name__}\n"
        f"    print({nonce!r} + _json.dumps(_out))\n"
        "__sn_dump()\n"
    )


def _decode(entry: dict):
    kind = entry.get("kind")
    if kind in ("missing", "none"):
        return None
    if kind == "bool":
        return bool(entry["value"])
    if kind == "number":
        return float(entry["value"])  # finite numbers, or 'nan' / 'inf' as text
    if kind == "str":
        return str(entry["value"])
    # An object of the same type *name*, so the checks explain the wrong type in the student's own terms.
    return type(str(entry.get("type", "object")), (), {})()


def _safe_env(workdir: Path) -> dict:
    keep = {k: os.environ[k] for k in ("PATH", "LANG", "LC_ALL", "PYTHONPATH", "VIRTUAL_ENV") if k in os.environ}
    keep.update({"HOME": str(workdir), "MPLBACKEND": "Agg", "JUPYTER_PLATFORM_DIRS": "1"})
    return keep


def execute_submission(path: Path, assignment: str, timeout: int = 60) -> dict:
    """Run a copy of one submission; return the answer variables (decoded) and what went wrong, if anything."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    result: dict = {"answers": {}, "problem": "", "cell_errors": [], "notes": []}
    raw = Path(path).read_bytes()
    if not raw.strip():
        result["problem"] = "empty file"
        return result
    try:
        nb = nbformat.reads(raw.decode("utf-8"), as_version=4)
    except Exception as exc:  # noqa: BLE001
        result["problem"] = f"not a readable notebook ({type(exc).__name__}: {str(exc)[:120]})"
        return result
    meta = nb.metadata.get("soviet_numbers", {})
    if meta.get("assignment") and meta["assignment"] != assignment:
        result["problem"] = f"wrong assignment: this notebook is {meta['assignment']!r}, not {assignment!r}"
        return result
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    if not code_cells:
        result["problem"] = "empty notebook (no code cells)"
        return result
    if not meta.get("assignment"):
        result["notes"].append("notebook has no assignment metadata (not generated by the course?)")
    nonce = "SNGRADE-" + secrets.token_hex(8) + ":"
    for cell in nb.cells:
        cell.outputs = [] if cell.cell_type == "code" else cell.get("outputs", None) or []
        if cell.cell_type != "code":
            cell.pop("outputs", None)
    nb.cells.append(nbformat.v4.new_code_cell(_dump_cell(_variables_for(assignment), nonce)))
    dump_index = len(nb.cells) - 1

    sizes: dict[int, int] = defaultdict(int)
    dropped: set[int] = set()

    class CappedClient(NotebookClient):
        def output(self, outs, msg, display_id, cell_index):  # noqa: D401 - nbclient hook
            sizes[cell_index] += len(json.dumps(msg.get("content", {}), default=str))
            if sizes[cell_index] > OUTPUT_CAP_BYTES and cell_index != dump_index:
                dropped.add(cell_index)
                return None
            return super().output(outs, msg, display_id, cell_index)

    with tempfile.TemporaryDirectory(prefix="sn-grade-") as tmp:
        work = Path(tmp)
        client = CappedClient(nb, timeout=timeout, kernel_name="python3", allow_errors=True,
                              resources={"metadata": {"path": str(work)}})
        try:
            client.execute(env=_safe_env(work), cwd=str(work))
        except CellTimeoutError:
            result["problem"] = f"timed out: a cell ran longer than {timeout} s (an infinite loop?)"
        except DeadKernelError:
            result["problem"] = "the kernel died while running the notebook (a cell crashed or exited Python)"
        except Exception as exc:  # noqa: BLE001
            result["problem"] = f"could not run the notebook ({type(exc).__name__}: {str(exc)[:160]})"
    for i, cell in enumerate(nb.cells[:dump_index]):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                result["cell_errors"].append(f"code cell {i + 1} raised {out.get('ename')}: {str(out.get('evalue'))[:100]}")
    if dropped:
        result["notes"].append(f"output of {len(dropped)} cell(s) over {OUTPUT_CAP_BYTES // 1000} kB was discarded")
    for out in nb.cells[dump_index].get("outputs", []):
        text = out.get("text", "")
        if nonce in text:
            payload = text.split(nonce, 1)[1].strip().splitlines()[0]
            result["answers"] = {k: _decode(v) for k, v in json.loads(payload).items()}
            result["missing"] = [k for k, v in json.loads(payload).items() if v.get("kind") == "missing"]
    if not result["answers"] and not result["problem"]:
        result["problem"] = "the answers could not be read after running the notebook"
    return result


# --- grading ---------------------------------------------------------------------------------------------------------

@dataclass
class Row:
    student: str
    assignment: str
    exercise: str
    variable: str
    status: str
    points: float
    max_points: float
    message: str
    submission: str
    sha256: str


@dataclass
class StudentReport:
    student: str
    rows: list[Row] = field(default_factory=list)
    written: dict[str, str] = field(default_factory=dict)


def _grade_one(args) -> StudentReport:
    sub, assignment, timeout = args
    report = StudentReport(sub.student)
    prefix = lecture_prefix(assignment)
    mine = {ex_id: ex for ex_id, ex in exercises().items() if ex_id.startswith(prefix)}

    def row(ex_id, variable, status, points, max_points, message):
        report.rows.append(Row(sub.student, assignment, ex_id, variable, status, points, max_points, message,
                               sub.path.name, sub.sha256))

    if sub.problem:
        row("", "", "error", 0, sum(p.points for ex in mine.values() for p in ex.parts), sub.problem)
        return report
    run = execute_submission(sub.path, assignment, timeout)
    if run["problem"] and not run["answers"]:
        row("", "", "error", 0, sum(p.points for ex in mine.values() for p in ex.parts), run["problem"])
        return report
    namespace = run["answers"]
    first_error = run["cell_errors"][0] if run["cell_errors"] else ""
    for ex_id, ex in mine.items():
        for part in ex.parts:
            fb = safely(part.checker, namespace.get(part.variable))
            status, message = fb.status, fb.message
            if part.variable in run.get("missing", []):
                status = "error" if first_error else "unanswered"
                message = f"the variable {part.variable} was never defined" + (f" ({first_error})" if first_error else "")
            if ex.written and isinstance(namespace.get(part.variable), str):
                report.written[ex_id] = namespace[part.variable]
            points = part.points if status == "correct" else 0.0
            row(ex_id, part.variable, status, points, part.points, message)
    notes = run["notes"] + ([run["problem"]] if run["problem"] else [])
    if notes:
        row("", "", "note", 0, 0, "; ".join(notes))
    return report


def grade_submissions(submissions_dir: Path, assignment: str, out_csv: Path, feedback_dir: Path | None = None,
                      timeout: int = 60, workers: int | None = None) -> list[Row]:
    """Grade every submission in a folder; write the gradebook CSV, feedback files and written answers."""
    if assignment not in assignment_names():
        raise ValueError(f"unknown assignment {assignment!r}; choose one of {assignment_names()}")
    subs = collect(submissions_dir)
    workers = workers or max(1, os.cpu_count() or 1)
    jobs = [(s, assignment, timeout) for s in subs]
    if workers == 1 or len(jobs) <= 1:
        reports = [_grade_one(j) for j in jobs]
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            reports = list(pool.map(_grade_one, jobs))
    rows = [r for rep in reports for r in rep.rows]
    out_csv = Path(out_csv)
    out_csv.parent.mkdir(parents=True, exist_ok=True)
    with out_csv.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=GRADEBOOK_FIELDS, lineterminator="\n")
        w.writeheader()
        for r in rows:
            d = asdict(r)
            d["status"] = STATUS_LABELS.get(r.status, r.status)
            w.writerow(d)
    feedback_dir = Path(feedback_dir) if feedback_dir else out_csv.parent / "feedback"
    feedback_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, list[tuple[str, str]]] = defaultdict(list)
    used: dict[str, int] = defaultdict(int)
    for rep in reports:
        key = rep.student.lower()
        used[key] += 1
        _write_feedback(rep, assignment, feedback_dir, suffix="" if used[key] == 1 else f"-duplicate-{used[key] - 1}")
        for ex_id, text in rep.written.items():
            written[ex_id].append((rep.student, text))
    for ex_id, answers in written.items():
        lines = [f"# Written answers: {assignment}, exercise {ex_id}", "",
                 "Collected by `soviet-numbers grade`. Never auto-scored: read and grade them yourself.", ""]
        for student, text in sorted(answers):
            lines += [f"## {student}", "", text.strip(), ""]
        (feedback_dir.parent / f"written_{assignment}_{ex_id}.md").write_text("\n".join(lines), encoding="utf-8")
    return rows


def _write_feedback(rep: StudentReport, assignment: str, feedback_dir: Path, suffix: str = "") -> None:
    earned = sum(r.points for r in rep.rows)
    possible = sum(r.max_points for r in rep.rows if r.status != "note")
    lines = [f"# Feedback for {rep.student}: {assignment}", "", f"Automatic points: **{earned:g} / {possible:g}** "
             "(written answers are graded separately by your instructor).", "",
             "| exercise | answer | result | feedback |", "|---|---|---|---|"]
    for r in rep.rows:
        msg = r.message.replace("|", "\\|").replace("\n", " ")
        lines.append(f"| {r.exercise} | {r.variable} | {STATUS_LABELS.get(r.status, r.status)} | {msg} |")
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in rep.student) or "student"
    (feedback_dir / f"{safe}{suffix}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def summary(rows: list[Row]) -> str:
    students = sorted({r.student for r in rows})
    total = defaultdict(float)
    for r in rows:
        total[r.student] += r.points
    return "\n".join(f"{s}: {total[s]:g} points" for s in students)
