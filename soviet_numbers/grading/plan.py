"""The plan of a grading run: every input and output checked before any notebook runs (step 1 of :mod:`.grade`).

:func:`plan` raises :class:`.outputs.Refusal` (with the reason) for a missing or misnamed submissions folder, an
output inside the submissions folder or that is an input, a file this tool did not write, an unwritable folder, a
second gradebook of the same assignment in one folder, and bad regrade or marks files.
"""

from __future__ import annotations

import csv
import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..assignments import assignment_exercises
from .adjustments import Adjustment, read_adjustments
from .collect import Submission, collect, ignored_files
from .outputs import Refusal, check_outputs, is_ours, ledger
from .release import assignment_names, check_released
from .reports import feedback_name, written_answers_name
from .similarity import similarity_name
from .stats import stats_name


@dataclass
class Plan:
    assignment: str
    out_csv: Path
    feedback_dir: Path
    submissions: list[Submission] = field(default_factory=list)
    adjustments: list[Adjustment] = field(default_factory=list)
    ignored: list[Path] = field(default_factory=list)
    varied: tuple[str, ...] = ()  # graded with a roster: the exercises each student had in their own variant
    warning: str = ""  # graded with a roster: no record of the release to check the exercises against


def results_path(out_csv: Path) -> Path:
    out_csv = Path(out_csv)
    return out_csv.with_name(out_csv.stem + ".results.json")


def feedback_names(students: list[str]) -> list[str]:
    used: dict[str, int] = defaultdict(int)
    names = []
    for student in students:
        used[student.lower()] += 1
        n = used[student.lower()]
        names.append(feedback_name(student, "" if n == 1 else f"-duplicate-{n - 1}"))
    return names


def output_paths(assignment: str, out_csv: Path, feedback_dir: Path, students: list[str]) -> list[Path]:
    folder = Path(out_csv).parent
    written = [ex_id for ex_id, ex in assignment_exercises(assignment).items() if ex.written]
    return [
        Path(out_csv),
        results_path(out_csv),
        folder / similarity_name(assignment),
        folder / stats_name(assignment),
        *(folder / written_answers_name(assignment, ex_id) for ex_id in written),
        *(Path(feedback_dir) / name for name in feedback_names(students)),
    ]


def points_maxima(assignment: str) -> tuple[dict[str, float], set[str]]:
    mine = assignment_exercises(assignment)
    return {k: sum(p.points for p in ex.parts) for k, ex in mine.items()}, {k for k, ex in mine.items() if ex.written}


OWNER_FILE = ".soviet-numbers-gradebook"  # in a feedback folder: the gradebook its files belong to


def owner_text(feedback_dir: Path, out_csv: Path) -> str:
    """What a feedback folder's owner file says: its gradebook, relative to the folder (the same for the same layout,
    so grading twice writes the same files)."""
    return os.path.relpath(Path(out_csv).resolve(), Path(feedback_dir).resolve()) + "\n"


def feedback_owner(feedback_dir: Path) -> Path | None:
    """The gradebook whose feedback a folder holds (written with it), or None."""
    try:
        text = (Path(feedback_dir) / OWNER_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return (Path(feedback_dir).resolve() / text).resolve()


def check_feedback_owner(feedback_dir: Path, out_csv: Path) -> None:
    """Refuse a feedback folder that holds another (existing) gradebook's feedback."""
    owner = feedback_owner(feedback_dir)
    if owner and owner != Path(out_csv).resolve() and owner.exists():
        raise Refusal(
            f"{feedback_dir} holds the feedback of another gradebook ({owner}), which this run would replace: give "
            "--feedback a folder of its own"
        )


def _other_gradebook(out_csv: Path, assignment: str) -> str | None:
    """Another gradebook this tool wrote, of the same assignment, in the folder of ``out_csv`` (the reports sit
    beside a gradebook and are named by the assignment, so two gradebooks there would share them)."""
    for name in sorted(ledger(out_csv.parent)):
        path = out_csv.parent / name
        if name == out_csv.name or not name.endswith(".csv") or not is_ours(path):
            continue
        with open(path, newline="", encoding="utf-8") as f:
            row = next(csv.DictReader(f), None)
        if row and row.get("assignment") == assignment and "exercise" in row:
            return name
    return None


def plan(
    submissions_dir: Path,
    assignment: str,
    out_csv: Path,
    feedback_dir: Path | None = None,
    overrides: Path | None = None,
    marks: Path | None = None,
    roster: tuple[str, ...] | None = None,
) -> Plan:
    """Check every input and output; raise :class:`.outputs.Refusal` (or AdjustmentError) before any run. With the
    ``roster``'s students (per-student variants), also refuse (VariantError) submissions not on it, and exercises
    changed since the release."""
    if assignment not in assignment_names():
        raise Refusal(f"unknown assignment {assignment!r}; choose one of {assignment_names()}")
    submissions_dir = Path(submissions_dir)
    if not submissions_dir.exists():
        raise Refusal(f"no submissions folder {submissions_dir} (a typo?)")
    if not submissions_dir.is_dir():
        raise Refusal(f"{submissions_dir} is a file, not a folder of submissions")
    subs = collect(submissions_dir)
    if not subs:
        raise Refusal(f"no notebooks in {submissions_dir} (STUDENT.ipynb files or STUDENT/ folders)")
    varied, warning = _check_roster(assignment, subs, roster) if roster is not None else ((), "")
    out_csv = Path(out_csv)
    feedback_dir = Path(feedback_dir) if feedback_dir else out_csv.parent / "feedback"
    for given in (overrides, marks):
        if given is not None and not Path(given).is_file():
            raise Refusal(f"no such file {given}")
    check_feedback_owner(feedback_dir, out_csv)
    other = _other_gradebook(out_csv, assignment)
    if other:
        raise Refusal(
            f"{out_csv.parent} holds another gradebook of {assignment} ({other}), whose statistics, similarity and "
            "written-answer reports (and feedback) this run would replace: give --out a folder of its own"
        )
    check_outputs(
        output_paths(assignment, out_csv, feedback_dir, [s.student for s in subs]),
        inputs=[overrides, marks],
        input_folders=[submissions_dir],
    )
    maxima, written = points_maxima(assignment)
    adjustments = read_adjustments(overrides, marks, [s.student for s in subs if not s.problem], maxima, written)
    return Plan(assignment, out_csv, feedback_dir, subs, adjustments, ignored_files(submissions_dir), varied, warning)


def _check_roster(assignment: str, subs: list[Submission], roster: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
    """Graded with a roster: refuse submissions off it (graded against the public class version, a stranger's work
    would score as if it were theirs) and exercises changed since the release. Returns the varied exercises and a
    warning (no record of the release)."""
    from ..variants import VariantError, pools

    on_roster = {s.lower() for s in roster}
    off = sorted(s.student for s in subs if s.student.lower() not in on_roster)
    if off:
        shown = ", ".join(off[:5]) + (" ..." if len(off) > 5 else "")
        raise VariantError(
            f"{len(off)} submission(s) not on the roster: {shown}; rename them to the roster's student names "
            "(the LMS export's), or add them to the roster, then grade again"
        )
    warning = check_released(assignment)  # refuses when the exercises changed since the release
    return tuple(sorted(pools(assignment))), warning or ""
