"""Lecture 4's explorer: the index-number problem, on a synthetic economy (an illustration, not history)."""

from __future__ import annotations

from ..arithmetic import index_problem
from .live import BarPairChart, Explorer, readout, slider


def index_problem_text(d: dict) -> str:
    return (
        f"Valued at <b>base-year</b> prices, output grows <b>&times;{d['base_year_prices']:.2f}</b>; at "
        f"<b>end-year</b> prices, <b>&times;{d['end_year_prices']:.2f}</b>. Same goods, same quantities: the "
        f"choice of prices alone makes one index {d['gap']:.2f} times the other. "
        "<i>Synthetic numbers, an illustration only.</i>"
    )


class IndexChart(BarPairChart):
    """One synthetic economy's output growth measured at base-year and at end-year prices."""

    figsize = (6, 3.2)
    bar_style = dict(width=0.55)
    kinds = ("derived", "derived")  # both are computed from made-up numbers
    ticks = ("at base-year prices\n(like '1926/27 prices')", "at end-year prices")
    ylabel, title = "output growth (multiple)", "SYNTHETIC example: one economy, two price bases"
    title_style = dict(fontsize=10)

    def pair(self, d: dict) -> tuple[list[float], list[str]]:
        values = [d["base_year_prices"], d["end_year_prices"]]
        return values, [f"×{v:.2f}" for v in values]


def draw_index_problem(ax, d: dict) -> None:
    """The index-number explorer's chart, drawn on ``ax`` (under a notebook chart's own title, so without one)."""
    IndexChart(ax).update(d)
    ax.set_title("")


def index_problem_explorer() -> Explorer:
    m_q = slider("Machines: output multiple", 8, 1, 20, 0.5, label=210)
    m_p = slider("Machines: end price, % of base", 40, 10, 200, 5, label=210)
    c_q = slider("Cloth: output multiple", 1.2, 0.5, 3, 0.1, label=210)
    c_p = slider("Cloth: end price, % of base", 150, 50, 300, 5, label=210)
    text = readout()
    chart = IndexChart()

    def refresh(*_):
        d = index_problem(m_q.value, m_p.value, c_q.value, c_p.value)
        text.value = index_problem_text(d)
        chart.show(d)

    for s in (m_q, m_p, c_q, c_p):
        s.observe(refresh, "value")
    refresh()
    return Explorer([m_q, m_p, c_q, c_p, text, chart.image], figure=lambda: chart.fig)
