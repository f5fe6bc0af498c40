"""The arithmetic a historian does with official figures: multiples, growth rates, shares, decompositions.

Plain functions of plain numbers, so widgets, exercises and tests share one implementation.
"""

from __future__ import annotations

import math


def multiple(start: float, end: float) -> float:
    """How many times bigger ``end`` is than ``start`` (the text's "x times")."""
    if start == 0:
        raise ZeroDivisionError("a multiple needs a non-zero starting value")
    return end / start


def percent_change(start: float, end: float) -> float:
    """Change from ``start`` to ``end`` in per cent (negative for a fall)."""
    return (multiple(start, end) - 1.0) * 100.0


def average_annual_growth(start: float, end: float, years: float) -> float:
    """Compound average annual growth rate, in per cent a year, over ``years`` years."""
    if years <= 0:
        raise ValueError("the number of years must be positive")
    if start <= 0 or end <= 0:
        raise ValueError("average growth needs positive start and end values")
    return (math.pow(end / start, 1.0 / years) - 1.0) * 100.0


def constant_growth_for_total(first: float, total: float, years: int, tolerance: float = 1e-9) -> float:
    """The constant growth rate (per cent a step) of a path that starts at ``first`` and sums to ``total``.

    A path of ``years`` values, first * (1 + r/100) ** k for k = 0 .. years - 1. Found by bisection.
    """
    if years < 2 or first <= 0 or total <= 0:
        raise ValueError("need at least two years and positive amounts")

    def path_total(rate: float) -> float:
        return sum(first * (1 + rate / 100) ** k for k in range(years))

    low, high = -99.0, 1000.0
    while high - low > tolerance:
        mid = (low + high) / 2
        low, high = (mid, high) if path_total(mid) < total else (low, mid)
    return (low + high) / 2


def share(part: float, whole: float) -> float:
    """``part`` as a per cent of ``whole``."""
    return part / whole * 100.0


def implied_total(part: float, share_percent: float) -> float:
    """The whole implied by a part and its stated per cent share (a *derived* figure)."""
    if share_percent <= 0:
        raise ValueError("the share must be positive")
    return part / (share_percent / 100.0)


def decompose_share_change(part_start: float, part_end: float, whole_start: float, whole_end: float) -> dict:
    """Split the change in a share into the part's own change and the whole's growth.

    Works in logarithms, where the split is exact:
    ``log(share_end / share_start) = log(part_end / part_start) - log(whole_end / whole_start)``.
    Returns the two log contributions and the fraction of the share's change that comes from the whole.
    """
    d_part = math.log(part_end / part_start)
    d_whole = -math.log(whole_end / whole_start)
    d_share = d_part + d_whole
    whole_fraction = math.nan if d_share == 0 else d_whole / d_share
    return {
        "share_start": share(part_start, whole_start),
        "share_end": share(part_end, whole_end),
        "log_change_share": d_share,
        "from_part": d_part,
        "from_whole": d_whole,
        "fraction_from_whole": whole_fraction,
        "fraction_from_part": 1 - whole_fraction if not math.isnan(whole_fraction) else math.nan,
    }


def printed_precision(printed: str) -> int:
    """Decimal places of a number as printed ("40.7" -> 1, "267" -> 0, "2504.8" -> 1)."""
    printed = printed.strip()
    return len(printed.split(".", 1)[1]) if "." in printed else 0


def rebase(values: list[float], base: float) -> list[float]:
    """Index numbers: each value as a per cent of ``base`` (base = 100)."""
    if base == 0:
        raise ZeroDivisionError("the base of an index cannot be zero")
    return [v / base * 100.0 for v in values]


def years_to_catch_up(level: float, target: float, rate_percent: float, target_rate_percent: float = 0.0) -> float:
    """Years until ``level`` growing at ``rate_percent`` reaches ``target`` growing at ``target_rate_percent``.

    0 if already there; ``inf`` if the gap never closes (the follower does not grow faster than the leader).
    """
    if level >= target:
        return 0.0
    relative = (1 + rate_percent / 100.0) / (1 + target_rate_percent / 100.0)
    if relative <= 1:
        return math.inf
    return math.log(target / level) / math.log(relative)


def laspeyres_quantity(q0: list[float], q1: list[float], p0: list[float]) -> float:
    """Growth of output valued at base-year prices: sum(p0*q1) / sum(p0*q0) (a multiple)."""
    return sum(p * q for p, q in zip(p0, q1)) / sum(p * q for p, q in zip(p0, q0))


def paasche_quantity(q0: list[float], q1: list[float], p1: list[float]) -> float:
    """Growth of output valued at end-year prices: sum(p1*q1) / sum(p1*q0) (a multiple)."""
    return sum(p * q for p, q in zip(p1, q1)) / sum(p * q for p, q in zip(p1, q0))


# Two made-up goods in a base year: 100 units of cloth at 1 ruble, 10 machines at 10 rubles (equal base values).
INDEX_BASE = {"cloth": (100.0, 1.0), "machines": (10.0, 10.0)}


def index_problem(
    machines_qty_multiple: float, machines_price_pct: float, cloth_qty_multiple: float, cloth_price_pct: float
) -> dict:
    """Output growth of the two-good economy valued at base-year and at end-year prices (SYNTHETIC numbers)."""
    (qc, pc), (qm, pm) = INDEX_BASE["cloth"], INDEX_BASE["machines"]
    q0, p0 = [qc, qm], [pc, pm]
    q1 = [qc * cloth_qty_multiple, qm * machines_qty_multiple]
    p1 = [pc * cloth_price_pct / 100, pm * machines_price_pct / 100]
    early, late = laspeyres_quantity(q0, q1, p0), paasche_quantity(q0, q1, p1)
    return {"base_year_prices": early, "end_year_prices": late, "gap": early / late}
