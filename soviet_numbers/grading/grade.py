"""Grade a class: check every input and output, run each submission (in parallel), apply the checks, write reports.

The checks are the course's own (:mod:`soviet_numbers.assignments`), applied here to the answers read back from
each executed copy: a student cannot change them.

Order of work, so that nothing of the instructor's is lost:

1. :func:`plan` checks everything before any notebook runs (:class:`.outputs.Refusal`, with the reason): the
   submissions folder (exists, is a folder, holds notebooks), every output (not inside the submissions folder, not
   an input, not a file this tool did not write, in a writable folder), and the regrade and marks files in full.
2. Each submission runs sandboxed, cell by cell (:mod:`.execute`), on the local process pool, or on a Dask
   distributed cluster (``scheduler``): the same function, so the same gradebook.
3. The automatic results are stored beside the gradebook (``<gradebook>.results.json``); the gradebook, feedback,
   written answers, similarity report and class statistics are written from them, each atomically. :func:`regrade`
   applies new regrades and marks to the stored results without running the class again.
"""

from __future__ import annotations

import json
import math
import os
import sys
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict
from difflib import get_close_matches
from pathlib import Path

from ..assignments import assignment_exercises, part_feedback
from .adjustments import apply as apply_adjustments
from .adjustments import read_adjustments
from .collect import Submission
from .execute import cell_label, execute_submission
from .outputs import Refusal, check_outputs, is_ours, write_atomic
from .plan import (
    OWNER_FILE,
    Plan,
    check_feedback_owner,
    feedback_names,
    output_paths,
    owner_text,
    plan,
    points_maxima,
    results_path,
)
from .progress import Progress
from .reports import (
    Row,
    StudentReport,
    gradebook_csv,
    write_feedback,
    write_written_answers,
)
from .sandbox import Sandbox, SandboxUnavailable, unavailable_reason
from .similarity import write_similarity_report
from .stats import write_statistics

NO_SANDBOX_NOTE = "graded WITHOUT a sandbox (--no-sandbox): the submission's code ran as the instructor's user"
RESULTS_FORMAT = "soviet-numbers-results/1"


def exercises_for(sub: Submission, assignment: str, variants=None) -> dict:
    """The exercises one submission is graded against: the one place that decides. With a roster (``variants`` is
    the roster's students and the instructor's secret), a student on it is graded against their own variant."""
    roster, secret = variants or ((), "")
    if secret and sub.student.lower() in {s.lower() for s in roster}:
        from ..variants import student_exercises

        return student_exercises(assignment, sub.student, secret)
    return assignment_exercises(assignment)


def _short_answer(value) -> str:
    """An answer as the class statistics show it: short, one line."""
    if isinstance(value, float):
        return f"{value:.6g}" if math.isfinite(value) else str(value)
    if isinstance(value, str):
        return repr(" ".join(value.split())[:40])
    return type(value).__name__


def _grade_one(job) -> StudentReport:
    sub, raw, assignment, timeout, sandbox, variants = job
    report = StudentReport(sub.student)
    mine = exercises_for(sub, assignment, variants)
    roster, secret = variants or ((), "")
    total = sum(p.points for ex in mine.values() for p in ex.parts)

    def row(ex_id, variable, status, points, max_points, message):
        report.rows.append(
            Row(
                sub.student, assignment, ex_id, variable, status, points, max_points, message, sub.path.name, sub.sha256
            )
        )

    if sub.problem:
        row("", "", "error", 0, total, sub.problem)
        return report
    variables = [p.variable for ex in mine.values() for p in ex.parts]
    run = execute_submission(sub.path, assignment, timeout, sandbox, variables=variables, raw=raw)
    if sandbox is None:
        run["notes"].append(NO_SANDBOX_NOTE)
    if sub.note:
        run["notes"].insert(0, sub.note)
    if run["problem"] and not run["answers"]:
        row("", "", "error", 0, total, run["problem"])
        if run["notes"]:
            row("", "", "note", 0, 0, "; ".join(run["notes"]))
        return report
    namespace, names = run["answers"], run.get("names", [])
    problems = run["cell_problems"]
    for ex_id, ex in mine.items():
        for index, part in enumerate(ex.parts):
            answer = namespace.get(part.variable)
            fb = part_feedback(part, answer)  # the first hint; attempts do not count here
            status, message = fb.status, _after_the_deadline(fb)
            # an answer that fits another student's variant is flagged (and wrong, even where it is not one of this
            # student's options, as a choice whose options vary)
            if secret and status in ("wrong", "invalid"):
                from ..variants import copied_from

                others = copied_from(assignment, sub.student, list(roster), secret, ex_id, index, answer)
                if others:
                    status, message = "wrong", f"matches the variant of {', '.join(others)}; {message}"
            if part.variable in run.get("missing", []):
                status, message = "unanswered", f"`{part.variable}` was never defined"
                here = [c for c in problems if c["exercise"] == ex_id]
                if here or problems:
                    status = "error"
                    message += f": {_problem_text((here or problems)[0], timeout)}"
                    if here and problems[0] is not here[0]:
                        message += f" (the first failing cell: {_problem_text(problems[0], timeout)})"
                elif run["problem"]:
                    status = "error"
                    message += f": {run['problem']}"
                close = get_close_matches(part.variable, [n for n in names if n not in namespace], n=1, cutoff=0.6)
                if close:
                    message += f"; did you mean `{close[0]}`? (rename it `{part.variable}`)"
            if part.rubric and isinstance(answer, str):
                report.written[ex_id] = answer
            if status in ("wrong", "invalid") and answer is not None:
                report.answers[part.variable] = _short_answer(answer)
            points = part.points if status == "correct" else 0.0
            row(ex_id, part.variable, status, points, part.points, message)
    if run["problem"]:
        row("", "", "error", 0, 0, run["problem"])
    for c in problems:
        row(c["exercise"], "", "error", 0, 0, _problem_text(c, timeout))
    if run["notes"]:
        row("", "", "note", 0, 0, "; ".join(run["notes"]))
    return report


def _after_the_deadline(fb) -> str:
    """A check's message as feedback on a handed-in notebook: no "run this cell again", no "before you hand it in"."""
    if fb.status == "recorded":
        words = fb.details.get("words")
        return f"Written answer received ({words} words): your instructor marks it."
    if fb.status == "unanswered":
        return "Not answered."
    return fb.message


def _problem_text(c: dict, timeout: int) -> str:
    where = cell_label(c["cell"], c["exercise"])
    if c["kind"] == "timeout":
        return f"{where} timed out: it ran longer than {timeout} s (an infinite loop?) and was interrupted"
    undefined = f" (`{c['name']}` is not defined)" if c.get("name") else ""
    return f"{where} raised {c['ename'] or 'an error'}{undefined}"


# --- running the class -----------------------------------------------------------------------------------------


def run_class(jobs: list, workers: int, scheduler: str | None = None, progress: bool | None = None) -> list:
    """Each job through :func:`_grade_one`: on a Dask cluster (``scheduler``), a local pool, or in this process."""
    results: list = [None] * len(jobs)
    with Progress(len(jobs), "graded", enabled=progress) as shown:
        if scheduler:
            from distributed import Client

            with Client(scheduler) as client:
                executor = client.get_executor()
                futures = {executor.submit(_grade_one, job): i for i, job in enumerate(jobs)}
                for future in as_completed(futures):
                    results[futures[future]] = future.result()
                    shown.step()
        elif workers == 1 or len(jobs) <= 1:
            for i, job in enumerate(jobs):
                results[i] = _grade_one(job)
                shown.step()
        else:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                futures = {pool.submit(_grade_one, job): i for i, job in enumerate(jobs)}
                for future in as_completed(futures):
                    results[futures[future]] = future.result()
                    shown.step()
    return results


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
    scheduler: str | None = None,
    progress: bool | None = None,
    roster: Path | None = None,
) -> list[Row]:
    """Grade every submission in a folder; write the gradebook CSV, its stored results, feedback and reports.

    Each submission runs in a bubblewrap sandbox (:mod:`.sandbox`) unless ``sandboxed`` is False; where no sandbox
    can be made, grading refuses (:class:`.sandbox.SandboxUnavailable`) rather than run students' code unguarded.
    """
    variants = None  # per-student variants (issue 21): the roster's students and the secret of the release
    if roster:
        from ..variants import read_roster, read_secret

        variants = (tuple(read_roster(Path(roster))), read_secret())
    the_plan = plan(submissions_dir, assignment, out_csv, feedback_dir, overrides, marks, variants and variants[0])
    if the_plan.warning:
        print(f"warning: {the_plan.warning}", file=sys.stderr)
    sandbox = None
    if sandboxed:
        reason = None if scheduler else unavailable_reason()  # each cluster node checks its own
        if reason:
            raise SandboxUnavailable(reason)
        sandbox = Sandbox()
    jobs = [(s, s.path.read_bytes(), assignment, timeout, sandbox, variants) for s in the_plan.submissions]
    reports = run_class(jobs, workers or max(1, os.cpu_count() or 1), scheduler, progress)
    store = {
        "format": RESULTS_FORMAT,
        "assignment": assignment,
        "reports": [asdict(rep) for rep in reports],
        "varied": list(the_plan.varied),
    }
    write_atomic(results_path(the_plan.out_csv), json.dumps(store, indent=1, sort_keys=True) + "\n")
    return write_reports(reports, the_plan)


def write_reports(reports: list[StudentReport], the_plan: Plan) -> list[Row]:
    """The gradebook, feedback, written answers, similarity report and statistics, from the automatic results."""
    assignment = the_plan.assignment
    rows = apply_adjustments([r for rep in reports for r in rep.rows], the_plan.adjustments)
    for rep in reports:  # each report's rows, now with its regrades and marks
        first = rep.rows[0].submission if rep.rows else ""
        rep.rows = [r for r in rows if r.student == rep.student and r.submission == first]
    rows = [r for rep in reports for r in rep.rows]
    write_atomic(the_plan.out_csv, gradebook_csv(rows))
    written: dict[str, list[tuple[str, str]]] = defaultdict(list)
    write_atomic(the_plan.feedback_dir / OWNER_FILE, owner_text(the_plan.feedback_dir, the_plan.out_csv))
    names = feedback_names([rep.student for rep in reports])
    for rep, name in zip(reports, names):
        write_feedback(rep, assignment, the_plan.feedback_dir, name=name)
        for ex_id, text in rep.written.items():
            written[ex_id].append((rep.student, text))
    mine = assignment_exercises(assignment)
    folder = the_plan.out_csv.parent
    for ex_id, answers in written.items():
        rubric = [point for part in mine[ex_id].parts for point in part.rubric]
        write_written_answers(answers, assignment, ex_id, folder, rubric)
    write_similarity_report(written, assignment, folder)
    write_statistics(reports, mine, assignment, folder, the_plan.varied)
    return rows


def regrade(
    out_csv: Path, overrides: Path | None = None, marks: Path | None = None, feedback_dir: Path | None = None
) -> list[Row]:
    """Apply regrades and marks to the stored results of a graded class: no notebook runs again."""
    out_csv = Path(out_csv)
    stored_path = results_path(out_csv)
    if not stored_path.is_file():
        raise Refusal(f"no stored results {stored_path}: grade the class first (soviet-numbers grade)")
    if not is_ours(stored_path):
        raise Refusal(f"{stored_path} was not written by soviet-numbers (or was edited since)")
    stored = json.loads(stored_path.read_text(encoding="utf-8"))
    if stored.get("format") != RESULTS_FORMAT:
        raise Refusal(f"{stored_path} is not in the format {RESULTS_FORMAT}")
    assignment = stored["assignment"]
    reports = [
        StudentReport(
            r["student"], [Row(**row) for row in r["rows"]], dict(r.get("written", {})), dict(r.get("answers", {}))
        )
        for r in stored["reports"]
    ]
    feedback_dir = Path(feedback_dir) if feedback_dir else out_csv.parent / "feedback"
    for given in (overrides, marks):
        if given is not None and not Path(given).is_file():
            raise Refusal(f"no such file {given}")
    check_feedback_owner(feedback_dir, out_csv)
    check_outputs(output_paths(assignment, out_csv, feedback_dir, [r.student for r in reports]), [overrides, marks])
    maxima, written = points_maxima(assignment)
    graded = [r.student for r in reports if any(row.exercise for row in r.rows)]
    adjustments = read_adjustments(overrides, marks, graded, maxima, written)
    varied = tuple(stored.get("varied", ()))  # results stored before it was recorded: as a class without a roster
    return write_reports(reports, Plan(assignment, out_csv, feedback_dir, adjustments=adjustments, varied=varied))


def marks_template(gradebook: Path, out: Path) -> int:
    """A marks CSV pre-filled with every graded student x written exercise x maximum (points left blank)."""
    import csv
    import io

    stored_path = results_path(gradebook)
    if not stored_path.is_file():
        raise Refusal(f"no stored results {stored_path}: grade the class first (soviet-numbers grade)")
    check_outputs([Path(out)], inputs=[Path(gradebook), stored_path])
    stored = json.loads(stored_path.read_text(encoding="utf-8"))
    mine = assignment_exercises(stored["assignment"])
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["student", "exercise", "points", "comment", "max_points"])
    count = 0
    for rep in stored["reports"]:
        if not any(row["exercise"] for row in rep["rows"]):
            continue
        for ex_id, ex in mine.items():
            if ex.written:
                rubric = sum(len(p.rubric) for p in ex.parts)  # one point per rubric item: change it as you wish
                writer.writerow([rep["student"], ex_id, "", "", rubric])
                count += 1
    write_atomic(Path(out), buffer.getvalue())
    return count
