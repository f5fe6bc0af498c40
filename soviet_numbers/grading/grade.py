"""Grade a class: run each submission (in parallel), apply the instructor's checks, write the reports.

The checks are the course's own (:mod:`soviet_numbers.assignments`), applied here to the answers read back from
each executed copy: a student cannot change them.
"""

from __future__ import annotations

import os
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..assignments import assignment_exercises, part_feedback
from .adjustments import AdjustmentError
from .adjustments import apply as apply_adjustments
from .collect import collect
from .execute import execute_submission
from .release import assignment_names
from .reports import Row, StudentReport, write_feedback, write_gradebook, write_written_answers
from .sandbox import Sandbox, SandboxUnavailable, unavailable_reason
from .similarity import write_similarity_report

NO_SANDBOX_NOTE = "graded WITHOUT a sandbox (--no-sandbox): the submission's code ran as the instructor's user"


def _grade_one(args) -> StudentReport:
    sub, assignment, timeout, sandbox, variants = args
    report = StudentReport(sub.student)
    # --- per-student variants (issue 21): with a roster, each student is graded against their own variant ---
    roster, secret = variants or ((), "")
    if secret and sub.student.lower() in {s.lower() for s in roster}:
        from ..variants import student_exercises

        mine = student_exercises(assignment, sub.student, secret)
    else:
        mine = assignment_exercises(assignment)
    # --- end per-student variants ---

    def row(ex_id, variable, status, points, max_points, message):
        report.rows.append(
            Row(
                sub.student, assignment, ex_id, variable, status, points, max_points, message, sub.path.name, sub.sha256
            )
        )

    if sub.problem:
        row("", "", "error", 0, sum(p.points for ex in mine.values() for p in ex.parts), sub.problem)
        return report
    run = execute_submission(sub.path, assignment, timeout, sandbox)
    if sandbox is None:
        run["notes"].append(NO_SANDBOX_NOTE)
    if run["problem"] and not run["answers"]:
        row("", "", "error", 0, sum(p.points for ex in mine.values() for p in ex.parts), run["problem"])
        return report
    namespace = run["answers"]
    first_error = run["cell_errors"][0] if run["cell_errors"] else ""
    for ex_id, ex in mine.items():
        for index, part in enumerate(ex.parts):
            fb = part_feedback(part, namespace.get(part.variable))  # the first hint; attempts do not count here
            status, message = fb.status, fb.message
            # --- per-student variants (issue 21): an answer that fits another student's variant is flagged ---
            if secret and status == "wrong":
                from ..variants import copied_from

                others = copied_from(
                    assignment, sub.student, list(roster), secret, ex_id, index, namespace.get(part.variable)
                )
                if others:
                    message = f"matches the variant of {', '.join(others)}; {message}"
            # --- end per-student variants ---
            if part.variable in run.get("missing", []):
                status = "error" if first_error else "unanswered"
                message = f"the variable {part.variable} was never defined" + (
                    f" ({first_error})" if first_error else ""
                )
            if part.rubric and isinstance(namespace.get(part.variable), str):
                report.written[ex_id] = namespace[part.variable]
            points = part.points if status == "correct" else 0.0
            row(ex_id, part.variable, status, points, part.points, message)
    notes = run["notes"] + ([run["problem"]] if run["problem"] else []) + run["cell_errors"][:5]
    if notes:
        row("", "", "note", 0, 0, "; ".join(notes))
    return report


def grade_submissions(
    submissions_dir: Path,
    assignment: str,
    out_csv: Path,
    feedback_dir: Path | None = None,
    timeout: int = 60,
    workers: int | None = None,
    sandboxed: bool = True,
    overrides: Path | None = None,
    marks: Path | None = None,
    roster: Path | None = None,
) -> list[Row]:
    """Grade every submission in a folder; write the gradebook CSV, feedback files and written answers.

    Each submission runs in a bubblewrap sandbox (:mod:`.sandbox`) unless ``sandboxed`` is False; where no sandbox
    can be made, grading refuses (:class:`.sandbox.SandboxUnavailable`) rather than run students' code unguarded.
    """
    if assignment not in assignment_names():
        raise ValueError(f"unknown assignment {assignment!r}; choose one of {assignment_names()}")
    sandbox = None
    if sandboxed:
        reason = unavailable_reason()
        if reason:
            raise SandboxUnavailable(reason)
        feedback_hidden = Path(feedback_dir) if feedback_dir else Path(out_csv).parent / "feedback"
        sandbox = Sandbox(hide=[Path(submissions_dir), Path(out_csv).parent, feedback_hidden])
    subs = collect(submissions_dir)
    workers = workers or max(1, os.cpu_count() or 1)
    variants = None  # --- per-student variants (issue 21): the roster and the secret of the release ---
    if roster:
        from ..variants import read_roster, read_secret

        variants = (tuple(read_roster(Path(roster))), read_secret())
    jobs = [(s, assignment, timeout, sandbox, variants) for s in subs]
    if workers == 1 or len(jobs) <= 1:
        reports = [_grade_one(j) for j in jobs]
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            reports = list(pool.map(_grade_one, jobs))
    if overrides or marks:
        adjusted, problems = apply_adjustments([r for rep in reports for r in rep.rows], overrides, marks)
        if problems:
            raise AdjustmentError("; ".join(problems))
        for rep in reports:  # each report's rows, now with its regrades and marks
            rep.rows = [r for r in adjusted if r.student == rep.student and r.submission == rep.rows[0].submission]
    rows = [r for rep in reports for r in rep.rows]
    write_gradebook(rows, Path(out_csv))
    feedback_dir = Path(feedback_dir) if feedback_dir else Path(out_csv).parent / "feedback"
    feedback_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, list[tuple[str, str]]] = defaultdict(list)
    used: dict[str, int] = defaultdict(int)
    for rep in reports:
        key = rep.student.lower()
        used[key] += 1
        write_feedback(rep, assignment, feedback_dir, suffix="" if used[key] == 1 else f"-duplicate-{used[key] - 1}")
        for ex_id, text in rep.written.items():
            written[ex_id].append((rep.student, text))
    mine = assignment_exercises(assignment)
    for ex_id, answers in written.items():
        rubric = [point for part in mine[ex_id].parts for point in part.rubric]
        write_written_answers(answers, assignment, ex_id, feedback_dir.parent, rubric)
    write_similarity_report(written, assignment, feedback_dir.parent)
    return rows
