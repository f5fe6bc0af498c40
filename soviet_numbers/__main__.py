"""Command line of the course helpers: one function per subcommand (``cmd_<name>``), each given its own parser.

    soviet-numbers execute [NOTEBOOK ...]
    soviet-numbers normalise [--verify] [NOTEBOOK ...]
    soviet-numbers build-exercises [--verify]
    soviet-numbers release ASSIGNMENT --out DIR [--zip]
    soviet-numbers grade SUBMISSIONS_DIR --assignment ASSIGNMENT [--out grades.csv] [--timeout 60] [--workers N]
    soviet-numbers grade ... [--overrides regrades.csv] [--written-marks marks.csv] [--no-sandbox]
    soviet-numbers export GRADES.csv --format canvas|moodle|gradescope [--roster ROSTER.csv] [--out FILE]
    soviet-numbers book [--out build/site]        (alias: static)
    soviet-numbers lite --out DIR [--pyodide-dist PATH]

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
    from .build_exercises import ROOT, build

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
    from .grading.release import release

    try:
        where = release(args.assignment, args.out, make_zip=args.zip)
    except (ValueError, RuntimeError, FileExistsError) as exc:
        return refused(str(exc))
    print(f"released {args.assignment} to {where}")
    return 0


def cmd_grade(args) -> int:
    from .grading.adjustments import AdjustmentError
    from .grading.grade import NO_SANDBOX_NOTE, grade_submissions
    from .grading.reports import summary
    from .grading.sandbox import SandboxUnavailable

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
        )
    except SandboxUnavailable as exc:
        return refused(f"no sandbox: {exc}")
    except (AdjustmentError, ValueError) as exc:
        return refused(str(exc))
    print(summary(rows))
    print(f"gradebook: {args.out}")
    return 0


def cmd_export(args) -> int:
    from .grading.lms import ExportError, export

    out = args.out or args.gradebook.parent / f"{args.format}.csv"
    try:
        result = export(args.gradebook, args.format, out, args.roster, args.title)
    except ExportError as exc:
        return refused(str(exc))
    print(f"wrote {out}: {result['exported']} students")
    if result["unmatched"]:
        print(
            f"NOT exported, not in the roster ({len(result['unmatched'])}): {', '.join(result['unmatched'])} "
            f"(listed in {out.with_suffix('.unmatched.csv')})",
            file=sys.stderr,
        )
    if result["absent"]:
        print(f"in the roster, no submission ({len(result['absent'])}): {', '.join(result['absent'])}", file=sys.stderr)
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

    g = command("grade", cmd_grade, "autograde submitted notebooks")
    g.add_argument("submissions", type=Path, help="folder of STUDENT.ipynb files or STUDENT/ folders")
    g.add_argument("--assignment", required=True, help="e.g. 01_sources_of_accumulation")
    g.add_argument("--out", type=Path, default=Path("grades.csv"), help="gradebook CSV (default grades.csv)")
    g.add_argument("--feedback", type=Path, default=None, help="per-student feedback folder (default: next to --out)")
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
        "--no-sandbox", action="store_true",
        help="run students' code WITHOUT the bubblewrap sandbox (only where bwrap cannot run; noted in the gradebook)",
    )  # fmt: skip

    x = command("export", cmd_export, "write a gradebook as the CSV Canvas, Moodle or Gradescope imports")
    x.add_argument("gradebook", type=Path, help="grades.csv written by `soviet-numbers grade`")
    x.add_argument("--format", required=True, choices=["canvas", "moodle", "gradescope"])
    x.add_argument(
        "--roster", type=Path, default=None,
        help="CSV: student (the submission's name) and any of name, id, sis_user_id, sis_login_id, section, email, "
        "id_number",
    )  # fmt: skip
    x.add_argument("--out", type=Path, default=None, help="default: next to the gradebook, <format>.csv")
    x.add_argument("--title", default="", help="the assignment's name in the LMS (Canvas, Moodle)")

    bk = command("book", cmd_book, "build the book edition (Sphinx, myst-nb) into a static site", aliases=("static",))
    bk.add_argument("--out", type=Path, default=Path("build/site"))
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
