"""Recompute the text's own arithmetic from its own figures, and say whether it holds.

``data/claims.csv`` lists each claim as a formula over figure ids (``P90 / P92 * 100``). The formula is
evaluated here with a tiny, safe evaluator: figure ids, numbers, + - * /, parentheses and comparisons only.

Verdicts:

- ``matches``    the recomputed value, rounded to the printed precision, equals the (unqualified) stated value
- ``consistent`` the stated value carries a qualifier (almost / over / about ...) that the recomputation satisfies
- ``off``        neither: the text's own numbers do not give the stated figure
- ``holds`` / ``fails`` for comparisons (A < B) the text asserts
"""

from __future__ import annotations

import ast
import operator

import pandas as pd

from .arithmetic import printed_precision
from .data import claims as _claims_table
from .data import figure

_BINOPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
_CMPOPS = {ast.Lt: operator.lt, ast.Gt: operator.gt, ast.LtE: operator.le, ast.GtE: operator.ge}


def evaluate(formula: str, lookup=None):
    """Evaluate a claim formula; ``lookup`` maps a figure id to its number (default: the data)."""
    lookup = lookup or (lambda fid: float(figure(fid)["value"]))

    def ev(node):
        if isinstance(node, ast.Expression):
            return ev(node.body)
        if isinstance(node, ast.Name):
            return lookup(node.id)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return float(node.value)
        if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
            return _BINOPS[type(node.op)](ev(node.left), ev(node.right))
        if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _CMPOPS:
            return _CMPOPS[type(node.ops[0])](ev(node.left), ev(node.comparators[0]))
        raise ValueError(f"unsupported expression in claim formula: {ast.dump(node)}")

    return ev(ast.parse(formula, mode="eval"))


def figure_ids(formula: str) -> list[str]:
    """The figure ids a claim formula uses, in the order they appear (``P90 / P91 * 100`` -> P90, P91)."""
    return [
        node.id
        for node in sorted(
            (n for n in ast.walk(ast.parse(formula, mode="eval")) if isinstance(n, ast.Name)),
            key=lambda n: n.col_offset,
        )
    ]


def verdict(computed: float, stated: float, printed: str, qualifier: str = "") -> str:
    """Compare a recomputed number with the stated one, at the precision the text printed it."""
    q = (qualifier or "").strip()
    places = printed_precision(printed)
    if not q and round(computed, places) == round(stated, places):
        return "matches"
    if q in ("almost", "approaching") and stated * 0.9 <= computed < stated:
        return "consistent"
    if q in ("over", "more than") and computed > stated:
        return "consistent"
    if q == "less than" and computed < stated:
        return "consistent"
    if q == "about" and abs(computed - stated) <= 0.05 * abs(stated):
        return "consistent"
    return "off"


def _printed_number(printed: str, value: float) -> str:
    """The number as the text prints it ("about 74%" -> "74"); words such as "seven" fall back to the value."""
    return next((t.rstrip("%") for t in printed.split() if t[:1].isdigit()), f"{value:g}")


def _stated(row: pd.Series) -> tuple[float | None, str, str]:
    if row["stated_id"]:
        f = figure(row["stated_id"])
        return float(f["value"]), _printed_number(str(f["value_as_printed"]), float(f["value"])), f["qualifier"]
    if row["stated_value"]:
        return float(row["stated_value"]), row["stated_value"], ""
    return None, "", ""


def audit_claims(lecture: int | None = None) -> pd.DataFrame:
    """Every claim recomputed (the audit): formula, computed value, stated value, verdict, the gap, and whether the
    claim is substantive or trivial (an inequality, or shares said to sum to 100: they hold almost by construction)."""
    out = []
    for _, row in _claims_table().iterrows():
        if lecture is not None and int(row["lecture"]) != lecture:
            continue
        computed = evaluate(row["formula"])
        stated, printed, qualifier = _stated(row)
        if isinstance(computed, bool):
            out.append(
                dict(
                    claim_id=row["claim_id"],
                    claim=row["claim"],
                    formula=row["formula"],
                    computed=computed,
                    stated=None,
                    verdict="holds" if computed else "fails",
                    gap=None,
                    substance=row["substance"],
                )
            )
            continue
        v = verdict(computed, stated, printed, qualifier)
        out.append(
            dict(
                claim_id=row["claim_id"],
                claim=row["claim"],
                formula=row["formula"],
                computed=round(computed, 4),
                stated=(f"{qualifier} " if qualifier else "") + f"{stated:g}",
                verdict=v,
                gap=round(computed - stated, 4),
                substance=row["substance"],
            )
        )
    return pd.DataFrame(out).set_index("claim_id")
