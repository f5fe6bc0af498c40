"""A similarity report for written answers: pairs above a threshold, side by side, for the instructor to read.

Word 3-shingles and their Jaccard index (standard library only). It flags; it never penalises: two answers may be
alike because both quote the same passage, or because students worked together as allowed. Students' text in the
report is escaped (:func:`.reports.md_text`).
"""

from __future__ import annotations

import re
from itertools import combinations
from pathlib import Path

from .outputs import write_atomic
from .reports import md_text

THRESHOLD = 0.5  # Jaccard index of word 3-shingles


def shingles(text: str, size: int = 3) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(words[i : i + size]) for i in range(max(len(words) - size + 1, 1))} if words else set()


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def similar_pairs(answers: list[tuple[str, str]], threshold: float = THRESHOLD) -> list[tuple[float, str, str]]:
    """(index, student, student) for every pair of answers at or above ``threshold``, most similar first."""
    sets = [(student, shingles(text)) for student, text in answers]
    pairs = [(jaccard(a, b), s, t) for (s, a), (t, b) in combinations(sets, 2)]
    return sorted((p for p in pairs if p[0] >= threshold), key=lambda p: (-p[0], p[1], p[2]))


def write_similarity_report(
    written: dict[str, list[tuple[str, str]]], assignment: str, folder: Path, threshold: float = THRESHOLD
) -> Path:
    """``written``: exercise id -> [(student, text)]. Writes similarity_<assignment>.md; returns its path."""
    lines = [
        f"# Similar written answers: {assignment}",
        "",
        f"Pairs whose word 3-shingles overlap with a Jaccard index of at least {threshold:.2f}, most similar first. "
        "This report flags answers for you to read; it applies no penalty, and similar answers are not proof of "
        "copying (both may quote the same passage of the source).",
        "",
    ]
    found = 0
    for exercise_id in sorted(written):
        answers = sorted(written[exercise_id])
        texts = dict(answers)
        for index, first, second in similar_pairs(answers, threshold):
            found += 1
            lines += [
                f"## Exercise {exercise_id}: {md_text(first)} and {md_text(second)} (similarity {index:.2f})",
                "",
                f"| {md_text(first)} | {md_text(second)} |",
                "|---|---|",
                f"| {_cell(texts[first])} | {_cell(texts[second])} |",
                "",
            ]
    if not found:
        lines.append("No pair of answers reaches the threshold.")
    return write_atomic(Path(folder) / similarity_name(assignment), "\n".join(lines) + "\n")


def similarity_name(assignment: str) -> str:
    return f"similarity_{assignment}.md"


def _cell(text: str) -> str:
    return md_text(text)  # students' text, inert: no heading, link, image or HTML of theirs renders
