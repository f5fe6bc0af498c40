"""Command line of the course helpers: one function per subcommand (``cmd_<name>``), each given its own parser.

    soviet-numbers execute [NOTEBOOK ...]
    soviet-numbers normalise [--verify] [NOTEBOOK ...]
    soviet-numbers build-exercises [--verify]
    soviet-numbers release ASSIGNMENT --out DIR [--zip]
    soviet-numbers grade SUBMISSIONS_DIR --assignment ASSIGNMENT [--out grades.csv] [--timeout 60] [--workers N]
    soviet-numbers grade ... [--overrides regrades.csv] [--written-marks marks.csv] [--no-sandbox]
    soviet-numbers grade ... [--scheduler tcp://HOST:8786]   (a Dask distributed cluster)
    soviet-numbers regrade GRADES.csv [--overrides regrades.csv] [--written-marks marks.csv]
    soviet-numbers marks-template GRADES.csv --out marks.csv
    soviet-numbers collect BULK.zip --lms canvas|moodle --out submissions/
    soviet-numbers export GRADES.csv --format canvas|moodle --title NAME [--roster ROSTER.csv] [--out FILE]
    soviet-numbers book [--out build/site]        (alias: static)
    soviet-numbers lite --out DIR [--pyodide-dist PATH]
    soviet-numbers student-edition --out DIR      (alias: edition)

(``python -m soviet_numbers ...`` works the same.)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def refused(message: str) -> int:
    """Say why a command refused, on standard error, and give the exit code of a refusal."""
    print(f"refused: {message}", file=sys.stderr)
    return 1


# --- execute / normalise -------------------------------------------------------------------------------------------


def _notebook_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("notebooks", nargs="*", type=Path, help="default: every notebook in notebooks/ and solutions/")


def _notebook_paths(args) -> list[Path] | None:
    from .notebook_files import executed_notebooks

    paths = args.notebooks or executed_notebooks()
    missing = [p for p in paths if not Path(p).is_file() or Path(p).suffix != ".ipynb"]
    if missing:
        refused(f"not a notebook: {', '.join(map(str, missing))}")
        return None
    return paths


def cmd_execute(args) -> int:
    from .notebook_files import execute

    paths = _notebook_paths(args)
    if paths is None:
        return 1
    for p in paths:
        print(f"executing {p} ...", flush=True)
        execute(p)
    return _build_exercises(verify=False)


def cmd_normalise(args) -> int:
    from .notebook_files import normalise_file

    paths = _notebook_paths(args)
    if paths is None:
        return 1
    changed = [p for p in paths if normalise_file(p, verify=args.verify)]
    for p in changed:
        print(("not normalised: " if args.verify else "normalised: ") + str(p))
    return 1 if (args.verify and changed) else 0


# --- build-exercises -----------------------------------------------------------------------------------------------


def _build_exercises(verify: bool) -> int:
    from .build_exercises import build
    from .course import ROOT

    try:
        stale = build(verify=verify)
    except FileExistsError as exc:
        return refused(str(exc))
    for path in stale:
        print(("out of sync: " if verify else "wrote: ") + str(path.relative_to(ROOT)))
    if not stale:
        print("exercises/ is in sync with solutions/")
    return 1 if (verify and stale) else 0


def cmd_build_exercises(args) -> int:
    return _build_exercises(verify=args.verify)


# --- release, grade, export ----------------------------------------------------------------------------------------


def cmd_release(args) -> int:
    from .grading.release import release, release_roster
    from .variants import VariantError

    if args.solutions and not args.roster:
        return refused("--solutions needs --roster (without a roster everyone gets the class version: solutions/)")
    if args.zip and args.roster:
        return refused("--zip is for a release without a roster (one notebook for the class); zip OUT yourself")
    try:
        if args.roster:
            where = release_roster(args.assignment, args.out, args.roster, args.solutions)
        else:
            where = release(args.assignment, args.out, make_zip=args.zip)
    except (ValueError, RuntimeError, FileExistsError, VariantError) as exc:
        return refused(str(exc))
    print(f"released {args.assignment} to {where}")
    if args.roster:
        print("each student's variant comes from the secret in ./.soviet-numbers-secret: keep it, grade from here")
        from .variants import read_roster, read_secret, same_versions

        for group in same_versions(args.assignment, read_roster(args.roster), read_secret()):
            print(f"note: {', '.join(group)} drew the same version of every varied exercise (copying among them is "
                  "not flagged); seat them apart, or weigh the written answers", file=sys.stderr)  # fmt: skip
    return 0


def cmd_grade(args) -> int:
    from .grading.adjustments import AdjustmentError
    from .grading.collect import ignored_files
    from .grading.grade import NO_SANDBOX_NOTE, grade_submissions
    from .grading.reports import summary
    from .grading.sandbox import SandboxUnavailable
    from .variants import VariantError

    if args.no_sandbox:
        print(f"WARNING: {NO_SANDBOX_NOTE}.", file=sys.stderr)
    try:
        rows = grade_submissions(
            args.submissions,
            args.assignment,
            args.out,
            args.feedback,
            args.timeout,
            args.workers,
            sandboxed=not args.no_sandbox,
            overrides=args.overrides,
            marks=args.written_marks,
            scheduler=args.scheduler,
            roster=args.roster,
        )
    except SandboxUnavailable as exc:
        return refused(f"no sandbox: {exc}")
    except (AdjustmentError, ValueError, VariantError) as exc:
        return refused(str(exc))
    for path in ignored_files(args.submissions):
        print(f"not a notebook, not graded: {path}", file=sys.stderr)
    print(summary(rows))
    print(f"gradebook: {args.out}")
    return 0


def cmd_regrade(args) -> int:
    from .grading.adjustments import AdjustmentError
    from .grading.grade import regrade
    from .grading.reports import summary

    try:
        rows = regrade(args.gradebook, args.overrides, args.written_marks, args.feedback)
    except (AdjustmentError, ValueError) as exc:
        return refused(str(exc))
    print(summary(rows))
    print(f"gradebook: {args.gradebook} (regrades and marks applied to the stored results; no notebook ran)")
    return 0


def cmd_marks_template(args) -> int:
    from .grading.grade import marks_template

    try:
        count = marks_template(args.gradebook, args.out)
    except ValueError as exc:
        return refused(str(exc))
    print(f"wrote {args.out}: {count} rows (student x written exercise); fill in points and comment")
    return 0


def cmd_collect(args) -> int:
    from .grading.bulk import collect_bulk

    try:
        result = collect_bulk(args.bulk, args.lms, args.out)
    except ValueError as exc:
        return refused(str(exc))
    for student, (name, dropped) in sorted(result.items()):
        extra = f" (newer than {', '.join(dropped)})" if dropped else ""
        print(f"{student}: {name}{extra}")
    print(f"wrote {len(result)} submissions to {args.out}")
    return 0


def cmd_export(args) -> int:
    from .grading.lms import ExportError, export

    out = args.out or args.gradebook.parent / f"{args.format}.csv"
    try:
        result = export(args.gradebook, args.format, out, args.roster, args.title, args.missing)
    except (ExportError, ValueError) as exc:
        return refused(str(exc))
    print(
        f"wrote {out}: {result['exported']} students, column {result['column']!r}, "
        f"points possible {result['possible']:g}"
        + (" (set the grade item's maximum grade to this in Moodle)" if args.format == "moodle" else "")
    )
    if result["unmatched"]:
        print(
            f"NOT exported, not in the roster ({len(result['unmatched'])}): {', '.join(result['unmatched'])} "
            f"(listed in {out.with_suffix('.unmatched.csv')})",
            file=sys.stderr,
        )
    if result["absent"]:
        given = "0" if args.missing == "zero" else "a blank grade"
        print(
            f"in the roster, no submission ({len(result['absent'])}, given {given}): {', '.join(result['absent'])}",
            file=sys.stderr,
        )
    return 0


# --- book ----------------------------------------------------------------------------------------------------------


def cmd_book(args) -> int:
    from .book import build_book

    front = build_book(args.out)
    print(f"wrote the book to {args.out} (open {front})")
    return 0


# --- lite ----------------------------------------------------------------------------------------------------------


def cmd_lite(args) -> int:
    import subprocess

    from .lite import LiteBuildError, build_site

    try:
        summary = build_site(args.out, args.pyodide_dist)
    except LiteBuildError as exc:
        return refused(str(exc))
    except (subprocess.CalledProcessError, OSError) as exc:  # a download or `jupyter lite build` failed
        print(f"failed: {exc}", file=sys.stderr)
        return 1
    print(
        f"wrote the browser edition to {summary['out']}: {len(summary['notebooks'])} notebooks, "
        f"{summary['bytes'] / 1e6:.0f} MB, {summary['seconds']:.0f} s (serve it, e.g. python -m http.server -d OUT)"
    )
    return 0


# --- student edition -----------------------------------------------------------------------------------------------


def cmd_edition(args) -> int:
    from .edition import build_edition
    from .owned_folder import FolderRefusal

    try:
        summary = build_edition(args.out)
    except (FolderRefusal, RuntimeError) as exc:
        return refused(str(exc))
    print(
        f"wrote the student edition to {summary['out']}: {summary['notebooks']} notebooks, {summary['files']} files, "
        f"from commit {summary['commit']} (no solutions, no instructor modules)"
    )
    return 0


# --- the parser ----------------------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="soviet-numbers", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def command(name: str, fn, help: str, aliases: tuple[str, ...] = ()) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, aliases=list(aliases))
        p.set_defaults(run=fn)
        return p

    e = command("execute", cmd_execute, "re-run lectures and solutions, store them normalised, rebuild exercises/")
    _notebook_args(e)
    n = command("normalise", cmd_normalise, "strip widget state and run metadata from stored notebooks (no run)")
    _notebook_args(n)
    n.add_argument("--verify", action="store_true", help="only report notebooks that are not normalised (exit 1)")
    b = command("build-exercises", cmd_build_exercises, "write exercises/ from solutions/")
    b.add_argument("--verify", action="store_true", help="only report notebooks that are out of sync (exit 1)")

    r = command("release", cmd_release, "copy one assignment's exercise notebook into a release folder (or zip)")
    r.add_argument("assignment", help="e.g. 01_sources_of_accumulation")
    r.add_argument("--out", required=True, type=Path, help="release folder (created; never overwrites foreign files)")
    r.add_argument("--zip", action="store_true", help="also write OUT.zip")
    r.add_argument("--roster", type=Path, default=None, help="roster CSV (column 'student'): one variant per student")
    r.add_argument("--solutions", type=Path, default=None, help="with --roster: each student's solved copy here")

    g = command("grade", cmd_grade, "autograde submitted notebooks")
    g.add_argument("submissions", type=Path, help="folder of STUDENT.ipynb files or STUDENT/ folders")
    g.add_argument("--assignment", required=True, help="e.g. 01_sources_of_accumulation")
    g.add_argument("--out", type=Path, default=Path("grades.csv"), help="gradebook CSV (default grades.csv)")
    g.add_argument("--feedback", type=Path, default=None, help="per-student feedback folder (default: next to --out)")
    g.add_argument("--roster", type=Path, default=None, help="roster CSV of a release with --roster: own variants")
    g.add_argument("--timeout", type=int, default=60, help="seconds a single cell may run (default 60)")
    g.add_argument("--workers", type=int, default=None, help="parallel notebooks (default: all cores)")
    g.add_argument(
        "--overrides", type=Path, default=None,
        help="regrades: CSV of student, exercise, points, reason (applied on top, shown in feedback)",
    )  # fmt: skip
    g.add_argument(
        "--written-marks", type=Path, default=None,
        help="marks for written answers: CSV of student, exercise, points, comment[, max_points]",
    )  # fmt: skip
    g.add_argument(
        "--scheduler", default=None,
        help="address of a Dask distributed scheduler (tcp://host:8786): grade on its workers, each sandboxed",
    )  # fmt: skip
    g.add_argument(
        "--no-sandbox", action="store_true",
        help="run students' code WITHOUT the bubblewrap sandbox (only where bwrap cannot run; noted in the gradebook)",
    )  # fmt: skip

    rg = command("regrade", cmd_regrade, "apply regrades and marks to a graded class's stored results (no re-run)")
    rg.add_argument("gradebook", type=Path, help="grades.csv written by `soviet-numbers grade`")
    rg.add_argument("--overrides", type=Path, default=None, help="regrades: CSV of student, exercise, points, reason")
    rg.add_argument(
        "--written-marks", type=Path, default=None,
        help="marks: CSV of student, exercise, points, comment, max_points (see marks-template)",
    )  # fmt: skip
    rg.add_argument("--feedback", type=Path, default=None, help="feedback folder (default: next to the gradebook)")

    mt = command("marks-template", cmd_marks_template, "write a marks CSV pre-filled for every written answer")
    mt.add_argument("gradebook", type=Path, help="grades.csv written by `soviet-numbers grade`")
    mt.add_argument("--out", type=Path, required=True, help="the marks CSV to write (never over a file of yours)")

    c = command("collect", cmd_collect, "turn an LMS bulk download (zip) into one notebook per student")
    c.add_argument("bulk", type=Path, help="the zip downloaded from Canvas or Moodle")
    c.add_argument("--lms", required=True, choices=["canvas", "moodle"])
    c.add_argument("--out", type=Path, required=True, help="submissions folder to write (new, or written by collect)")

    x = command("export", cmd_export, "write a gradebook as the CSV Canvas or Moodle imports")
    x.add_argument("gradebook", type=Path, help="grades.csv written by `soviet-numbers grade`")
    x.add_argument("--format", required=True, choices=["canvas", "moodle"])
    x.add_argument(
        "--roster", type=Path, default=None,
        help="CSV: student (the submission's name) and any of name, id, sis_user_id, sis_login_id, section, email, "
        "id_number",
    )  # fmt: skip
    x.add_argument("--out", type=Path, default=None, help="default: next to the gradebook, <format>.csv")
    x.add_argument(
        "--title", default="",
        help="the assignment's exact name in the LMS (required for Canvas, which matches the column by name)",
    )  # fmt: skip
    x.add_argument(
        "--missing", choices=["blank", "zero"], default="blank",
        help="roster students with no submission: a blank grade (default) or 0",
    )  # fmt: skip

    bk = command("book", cmd_book, "build the book edition (Sphinx, myst-nb) into a static site", aliases=("static",))
    bk.add_argument("--out", type=Path, default=Path("build/site"))
    ed = command(
        "student-edition", cmd_edition, "write the student edition (what the launch links open; no solutions)",
        aliases=("edition",),
    )  # fmt: skip
    ed.add_argument("--out", required=True, type=Path, help="folder (created; never writes into a foreign one)")
    lt = command("lite", cmd_lite, "build the browser edition: an offline JupyterLite site (docs/lite.md)")
    lt.add_argument("--out", required=True, type=Path, help="site folder (created; never writes into a foreign one)")
    lt.add_argument(
        "--pyodide-dist", type=Path, default=None,
        help="build from an official Pyodide release folder (of the version requirements-lite.txt pins)",
    )  # fmt: skip
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
