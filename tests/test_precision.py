"""The precision policy, for every numeric part: the rounding at the stated precision is accepted, so is every
value within half a unit of its last stated digit, the value "Correct" displays, and numpy's scalars; one unit of
the last stated digit beyond the rounding interval is rejected. Prompts state the precision."""

import re
from pathlib import Path

import nbformat
import numpy as np
import pytest

from soviet_numbers.assignments import exercises, feedback
from soviet_numbers.assignments.parts import check_keyed
from soviet_numbers.checks import candidates, precision_words

ROOT = Path(__file__).resolve().parent.parent
NUMERIC = [(ex_id, part) for ex_id, ex in exercises().items() for part in ex.parts if part.kind == "number"]


def test_scope():
    assert len(NUMERIC) >= 20


def _accepted(part, x) -> bool:
    return check_keyed(x, part.key()).status == "correct"


@pytest.mark.parametrize("ex_id, part", NUMERIC, ids=[f"{e}-{p.variable}" for e, p in NUMERIC])
def test_precision_policy(ex_id, part):
    d, x = part.spec["decimals"], part.expected
    unit = 10.0**-d
    rounded = round(x, d)
    assert _accepted(part, x) and _accepted(part, rounded)
    if d:
        assert _accepted(part, float(f"{x:.{d + 2}f}"))  # more precise, rounds to it
    assert _accepted(part, rounded - 0.49 * unit) and _accepted(part, rounded + 0.49 * unit)
    lo, hi = min(candidates(x, d)) * unit, max(candidates(x, d)) * unit  # the rounding(s): two on a tie
    assert not _accepted(part, hi + 1.5 * unit) and not _accepted(part, lo - 1.5 * unit)
    shown = re.search(r"Correct: (-?[\d,]+(?:\.\d+)?)", check_keyed(x, part.key()).message).group(1)
    assert _accepted(part, float(shown.replace(",", "")))
    assert _accepted(part, np.float64(x)) and _accepted(part, np.float32(rounded))
    if d == 0:
        assert _accepted(part, np.int64(rounded)) and _accepted(part, int(rounded))


@pytest.mark.parametrize("ex_id, part", NUMERIC, ids=[f"{e}-{p.variable}" for e, p in NUMERIC])
def test_the_key_never_holds_the_answer(ex_id, part):
    text = re.sub(r"'[0-9a-f]{20}'", "", repr(part.key()))  # the digests themselves
    d, x = part.spec["decimals"], part.expected
    for rendering in {f"{x:.{d}f}", f"{x:.{d + 1}f}", repr(x), str(round(x * 10**d))}:
        assert not re.search(rf"(?<![\w.]){re.escape(rendering)}(?![\d])", text), rendering


def test_every_prompt_states_its_precision():
    stated = {}
    for path in sorted((ROOT / "solutions").glob("*.ipynb")):
        text = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown")
        stated.update({v: p for v, p in re.findall(r"`(\w+)` \(\*\*(.+?)\*\*\)", text)})
    for ex_id, part in NUMERIC:
        if ex_id.startswith("0."):
            continue  # the primer's and start-here notebook's practice: the check's message states it
        assert stated.get(part.variable) == precision_words(part.spec["decimals"]), (ex_id, part.variable)


def test_numpy_true_false_everywhere():
    bools = [(ex_id, i) for ex_id, ex in exercises().items() for i, p in enumerate(ex.parts) if p.kind == "bool"]
    assert bools
    for ex_id, i in bools:
        ex = exercises()[ex_id]
        right = ex.parts[i].expected
        answers = [None] * len(ex.parts)
        answers[i] = np.bool_(right)
        assert feedback(ex_id, *answers)[i].status == "correct"


@pytest.mark.parametrize("x", [1e9 * 1e6, 1e14, 123456789.5, -1e12])
def test_a_huge_answer_has_at_most_two_roundings(x):
    """Float tolerance never widens the rounding interval (a million-fold slip on 1e9 once meant 2 million digests)."""
    for decimals in (0, 1, 2, 3):
        assert len(candidates(x, decimals)) <= 2
