"""Class statistics, per exercise: how many were right, the commonest wrong answers, the median score.

Written beside the gradebook as ``stats_<assignment>.md``: this is what tells an instructor which method the class
missed. Students' answers in it are escaped (:func:`.reports.md_text`).

A class graded with a roster (per-student variants) is graded against each student's own figures: for an exercise
that varies, the report says so beside its (class version's) title and lists no wrong answers, since the same value
can be one student's right answer and another's wrong one (a copied notebook's answers are exactly that).
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from .outputs import write_atomic
from .reports import StudentReport, md_text

WRONG = ("wrong", "invalid")
TOP_WRONG = 3
VARIED_NOTE = "(per-student variants)"
VARIED_WRONG = "not listed: per-student variants"


def stats_name(assignment: str) -> str:
    return f"stats_{assignment}.md"


def class_statistics(reports: list[StudentReport], exercises: dict, varied: Iterable[str] = ()) -> list[dict]:
    """One entry per exercise with automatic points: right, graded, median score, commonest wrong answers.

    ``varied``: the exercises each student was graded on in their own variant (a class graded with a roster); their
    wrong answers are not comparable across students, so none is collected."""
    varied = set(varied)
    graded = [rep for rep in reports if any(r.exercise for r in rep.rows)]
    out = []
    for ex_id, ex in exercises.items():
        maximum = sum(p.points for p in ex.parts)
        if not maximum:
            continue
        scores, right, wrong = [], 0, defaultdict(Counter)
        for rep in graded:
            mine = [r for r in rep.rows if r.exercise == ex_id]
            if not mine:
                continue
            scores.append(sum(r.points for r in mine))
            parts = [r for r in mine if r.status not in ("regrade", "marked", "note")]
            right += bool(parts) and all(r.status == "correct" for r in parts)
            for r in parts:
                if ex_id not in varied and r.status in WRONG and r.variable in rep.answers:
                    wrong[r.variable][rep.answers[r.variable]] += 1
        out.append(
            {
                "exercise": ex_id,
                "title": ex.title,
                "max": maximum,
                "graded": len(scores),
                "right": right,
                "median": statistics.median(scores) if scores else 0.0,
                "wrong": {v: c.most_common(TOP_WRONG) for v, c in wrong.items()},
                "varied": ex_id in varied,
            }
        )
    return out


def write_statistics(
    reports: list[StudentReport], exercises: dict, assignment: str, folder: Path, varied: Iterable[str] = ()
) -> Path:
    rows = class_statistics(reports, exercises, varied)
    note = [
        f"An exercise marked {VARIED_NOTE} was graded against each student's own figures: its title is the class "
        "version's, and its wrong answers are not listed, as one student's wrong value can be another's right one.",
        "",
    ]
    note = note if any(s["varied"] for s in rows) else []
    lines = [
        f"# Class statistics: {assignment}",
        "",
        "Per exercise with automatic points: students with every part right, the median score (regrades "
        f"included), and the {TOP_WRONG} commonest wrong answers per answer variable (with how many gave each).",
        "",
        *note,
        "| exercise | right | median score | commonest wrong answers |",
        "|---|---|---|---|",
    ]
    for s in rows:
        wrong = "; ".join(
            f"`{var}`: " + ", ".join(f"{md_text(answer, 40)} ({n})" for answer, n in common)
            for var, common in sorted(s["wrong"].items())
        )
        title = md_text(s["title"]) + (f" {VARIED_NOTE}" if s["varied"] else "")
        wrong = VARIED_WRONG if s["varied"] else wrong or "none"
        lines.append(
            f"| {s['exercise']} {title} | {s['right']} of {s['graded']} | {s['median']:g} / {s['max']:g} | {wrong} |"
        )
    return write_atomic(Path(folder) / stats_name(assignment), "\n".join(lines) + "\n")
