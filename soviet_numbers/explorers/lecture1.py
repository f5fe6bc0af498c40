"""Lecture 1's explorers: growth between two dates of a series, and why a share of the budget falls."""

from __future__ import annotations

import html
import math
from functools import cache

import ipywidgets as w

from .. import arithmetic as ar
from ..claims import audit_claims, figure_ids
from ..data import claims, figure, value, value_in_millions
from .live import BarPairChart, Explorer, menu, readout, slider

# Each series: its figure ids in time order. The text's own claims about pairs of its points come from
# data/claims.csv (see :func:`series_claims`), never typed in here. No series may answer an exercise: the number of
# savings-bank depositors (P12, P14) is left out, its growth rate being exercise 1.2 (tests/test_explorers.py checks
# every pair of points against every lecture-1 answer, in every variant).
GROWTH_SERIES = {
    "State debt of the USSR (million rubles)": ("P08", "P09"),
    "Savings-bank deposits (million rubles)": ("P13", "P15"),
    "Administrative expenses, unified budget (million rubles)": ("P16", "P17"),
    "Output of large-scale industry, 1926/27 prices (million rubles)": ("P87", "P86", "P85"),
    "Output of Group A, large-scale industry (million rubles)": ("P92", "P91", "P90"),
}


@cache
def series_claims(series: str) -> dict[tuple[str, str], tuple[str, str]]:
    """The text's ratio claims between two points of a series: {(start id, end id): (claim, verdict)}.

    A claim belongs to a pair when its formula (in data/claims.csv) divides the later figure by the earlier one.
    Its verdict is the audit's (:func:`soviet_numbers.claims.audit_claims`).
    """
    ids = GROWTH_SERIES[series]
    table, audit = claims(), audit_claims()
    out = {}
    for claim_id, row in table[table["kind"] == "ratio"].iterrows():
        names = figure_ids(row["formula"])
        if len(names) == 2 and set(names) <= set(ids):
            numerator, denominator = names
            out[(denominator, numerator)] = (row["claim"], audit.loc[claim_id, "verdict"])
    return out


def _point(fid: str) -> tuple[str, float, float]:
    f = figure(fid)
    return f["period_printed"], value_in_millions(fid) if "rubles" in f["unit"] else value(fid), float(f["label_year"])


def growth_summary(series: str, start_id: str, end_id: str) -> dict:
    """Multiple and average annual growth between two points of a series, and the text's own claim."""
    ids = GROWTH_SERIES[series]
    if start_id not in ids or end_id not in ids:
        raise ValueError("both points must belong to the chosen series")
    (p0, v0, y0), (p1, v1, y1) = _point(start_id), _point(end_id)
    years = y1 - y0
    claim, verdict = series_claims(series).get((start_id, end_id), (None, None))
    return dict(
        series=series,
        start=p0,
        end=p1,
        start_value=v0,
        end_value=v1,
        years=years,
        multiple=ar.multiple(v0, v1),
        percent_change=ar.percent_change(v0, v1),
        annual_growth=ar.average_annual_growth(v0, v1, years) if years > 0 else float("nan"),
        claim=claim,
        verdict=verdict,
    )


def growth_text(s: dict) -> str:
    """The explorer's readout, as HTML."""
    lines = [
        f"<b>{html.escape(s['series'])}</b>",
        f"{html.escape(s['start'])}: {s['start_value']:,.1f} &rarr; {html.escape(s['end'])}: {s['end_value']:,.1f}",
        f"Multiple: <b>&times;{s['multiple']:.2f}</b> ({s['percent_change']:+.1f}%)",
    ]
    if s["years"] > 0:
        lines.append(f"Over {s['years']:g} years: <b>{s['annual_growth']:+.1f}% a year</b> on average (compound)")
    else:
        lines.append("Pick an end point later than the start point to get a growth rate.")
    if s["claim"]:
        lines.append(f"The text's claim: <i>{html.escape(s['claim'])}</i> &rarr; audit verdict: <b>{s['verdict']}</b>")
    return "<br>".join(lines)


def growth_explorer() -> Explorer:
    """Pick a series and two points; read the multiple, the average annual growth and the text's claim."""
    names = list(GROWTH_SERIES)
    series = menu("Series", names, width=560)
    start, end = menu("From", []), menu("To", [])
    out = readout()
    busy = []

    def refresh(*_):
        if not busy and start.value and end.value:
            out.value = growth_text(growth_summary(series.value, start.value, end.value))

    def on_series(*_):
        opts = [(figure(fid)["period_printed"], fid) for fid in GROWTH_SERIES[series.value]]
        busy.append(True)
        start.options, end.options = opts, opts
        start.value, end.value = opts[-2][1], opts[-1][1]
        busy.clear()
        refresh()

    series.observe(on_series, "value")
    start.observe(refresh, "value")
    end.observe(refresh, "value")
    on_series()
    return Explorer([series, w.HBox([start, end]), out])


SPENDING_MAX = 10  # the share explorer's largest rise in spending, per cent
ADMIN_IDS = ("P16", "P17", "P18", "P19")  # administrative expenses 1926/27, 1929/30 and their shares of the budget


def admin_figures() -> tuple[float, float, float, float]:
    """Administrative expenses (million rubles) and their share of the budget (%), 1926/27 and 1929/30."""
    return tuple(value(fid) for fid in ADMIN_IDS)


def share_scenario(
    part_change_pct: float, whole_multiple: float, part_start: float | None = None, share_start: float | None = None
) -> dict:
    """What happens to a share when the part changes by ``part_change_pct`` and the whole is multiplied.

    The start is the text's 1926/27 (P16, P18) unless given.
    """
    spend, _, share, _ = admin_figures()
    part_start = spend if part_start is None else part_start
    share_start = share if share_start is None else share_start
    whole_start = ar.implied_total(part_start, share_start)
    part_end = part_start * (1 + part_change_pct / 100)
    whole_end = whole_start * whole_multiple
    return ar.decompose_share_change(part_start, part_end, whole_start, whole_end)


class ShareChart(BarPairChart):
    """The administrative share of the budget in 1926/27 and in the student's scenario."""

    figsize = (5, 3.2)
    bar_style = dict(width=0.6)
    ticks = ("1926/27\n(official)", "scenario\n(derived)")
    ylabel, title = "% of the unified state budget", "Administrative share of the budget: a what-if"

    def pair(self, d: dict) -> tuple[list[float], list[str]]:
        values = [d["share_start"], d["share_end"]]
        return values, [f"{v:.2f}%" for v in values]


def share_text(d: dict) -> str:
    """Readout: what each cause alone would do to the share, and (when they agree in sign) the split."""
    if d["log_change_share"] == 0 and d["from_part"] == 0:
        return "The share does not change in this scenario."
    only_whole = d["share_start"] * math.exp(d["from_whole"])
    only_part = d["share_start"] * math.exp(d["from_part"])
    text = (
        f"Share: {d['share_start']:.2f}% &rarr; <b>{d['share_end']:.2f}%</b>. "
        f"The budget's change alone would give {only_whole:.2f}%; the change in spending alone, {only_part:.2f}%."
    )
    if 0 <= d["fraction_from_whole"] <= 1:
        text += (
            f" Of the change (in log terms), <b>{d['fraction_from_whole'] * 100:.0f}%</b> comes from the size of "
            f"the budget and <b>{d['fraction_from_part'] * 100:.0f}%</b> from administrative spending itself."
        )
    else:
        text += " Here the two causes pull in opposite directions, so no percentage split makes sense."
    return text


def share_explorer() -> Explorer:
    """Move the change in spending and the growth of the budget; watch the share and its decomposition."""
    spend0, spend1, share0, share1 = admin_figures()  # the sliders start at what the text's figures imply
    # Spending can rise by at most 10%: exercise 1.5's what-if (a rise of 15% or more, with the text's budget) is the
    # student's to compute, not the explorer's.
    part = slider("Spending change, %", round(ar.percent_change(spend0, spend1), 1), -60, SPENDING_MAX, 0.5)
    budget_multiple = ar.implied_total(spend1, share1) / ar.implied_total(spend0, share0)
    whole = slider("Budget multiple, ×", round(budget_multiple, 2), 0.5, 4, 0.05)
    text = readout()
    chart = ShareChart()

    def refresh(*_):
        d = share_scenario(part.value, whole.value)
        text.value = share_text(d)
        chart.show(d)

    part.observe(refresh, "value")
    whole.observe(refresh, "value")
    refresh()
    return Explorer([part, whole, text, chart.image], figure=lambda: chart.fig)
