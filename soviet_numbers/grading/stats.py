"""Class statistics, per exercise: how many were right, the commonest wrong answers, the median score.

Written beside the gradebook as ``stats_<assignment>.md``: this is what tells an instructor which method the class
missed. Students' answers in it are escaped (:func:`.reports.md_text`).
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from pathlib import Path

from .outputs import write_atomic
from .reports import StudentReport, md_text

WRONG = ("wrong", "invalid")
TOP_WRONG = 3


def stats_name(assignment: str) -> str:
    return f"stats_{assignment}.md"


def class_statistics(reports: list[StudentReport], exercises: dict) -> list[dict]:
    """One entry per exercise with automatic points: right, graded, median score, commonest wrong answers."""
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
                if r.status in WRONG and r.variable in rep.answers:
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
            }
        )
    return out


def write_statistics(reports: list[StudentReport], exercises: dict, assignment: str, folder: Path) -> Path:
    rows = class_statistics(reports, exercises)
    lines = [
        f"# Class statistics: {assignment}",
        "",
        "Per exercise with automatic points: students with every part right, the median score (regrades "
        f"included), and the {TOP_WRONG} commonest wrong answers per answer variable (with how many gave each).",
        "",
        "| exercise | right | median score | commonest wrong answers |",
        "|---|---|---|---|",
    ]
    for s in rows:
        wrong = "; ".join(
            f"`{var}`: " + ", ".join(f"{md_text(answer, 40)} ({n})" for answer, n in common)
            for var, common in sorted(s["wrong"].items())
        )
        lines.append(
            f"| {s['exercise']} {md_text(s['title'])} | {s['right']} of {s['graded']} | "
            f"{s['median']:g} / {s['max']:g} | {wrong or 'none'} |"
        )
    return write_atomic(Path(folder) / stats_name(assignment), "\n".join(lines) + "\n")
