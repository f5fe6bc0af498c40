"""Interactive explorers for the lectures. All logic is in plain functions; widgets only call them."""
from __future__ import annotations

import html
import math

import ipywidgets as w
import matplotlib.pyplot as plt

from . import arithmetic as ar
from .charts import KIND_STYLE, OKABE_ITO
from .claims import verdict
from .data import figure

# Each series: figure ids in time order, and the text's own claims about a pair of its points
# as {(start id, end id): (stated multiple, qualifier, the multiple as printed, the words of the text)}.
GROWTH_SERIES = {
    "State debt of the USSR (million rubles)": (
        ["P08", "P09"], {("P08", "P09"): (7.0, "almost", "7", "almost seven times")}),
    "Savings-bank depositors (thousand people)": (
        ["P12", "P14"], {("P12", "P14"): (9.0, "", "9", "9 times")}),
    "Savings-bank deposits (million rubles)": (
        ["P13", "P15"], {("P13", "P15"): (15.0, "", "15", "15 times")}),
    "Administrative expenses, unified budget (million rubles)": (["P16", "P17"], {}),
    "Output of large-scale industry, 1926/27 prices (million rubles)": (["P87", "P86", "P85"], {}),
    "Output of Group A, large-scale industry (million rubles)": (
        ["P92", "P91", "P90"], {("P91", "P90"): (2.67, "", "2.67", "267% of the level of 1925"),
                                ("P92", "P90"): (2.147, "", "2.147", "214.7% of the pre-war level")}),
}


def _point(fid: str) -> tuple[str, float, float]:
    f = figure(fid)
    v = float(f["value"]) * (1000.0 if f["unit"] == "billion rubles" else 1.0)
    return f["period_printed"], v, float(f["label_year"])


def growth_summary(series: str, start_id: str, end_id: str) -> dict:
    """Multiple and average annual growth between two points of a series, and the text's own claim."""
    ids, claims = GROWTH_SERIES[series]
    if start_id not in ids or end_id not in ids:
        raise ValueError("both points must belong to the chosen series")
    (p0, v0, y0), (p1, v1, y1) = _point(start_id), _point(end_id)
    years = y1 - y0
    out = dict(series=series, start=p0, end=p1, start_value=v0, end_value=v1, years=years,
               multiple=ar.multiple(v0, v1), percent_change=ar.percent_change(v0, v1),
               annual_growth=ar.average_annual_growth(v0, v1, years) if years > 0 else float("nan"),
               claim=None, verdict=None)
    if (start_id, end_id) in claims:
        stated, qualifier, printed, words = claims[(start_id, end_id)]
        out["claim"] = words
        out["verdict"] = verdict(out["multiple"], stated, printed, qualifier)
    return out


def growth_text(s: dict) -> str:
    """The explorer's readout, as HTML."""
    lines = [f"<b>{html.escape(s['series'])}</b>",
             f"{html.escape(s['start'])}: {s['start_value']:,.1f} &rarr; {html.escape(s['end'])}: {s['end_value']:,.1f}",
             f"Multiple: <b>&times;{s['multiple']:.2f}</b> ({s['percent_change']:+.1f}%)"]
    if s["years"] > 0:
        lines.append(f"Over {s['years']:g} years: <b>{s['annual_growth']:+.1f}% a year</b> on average (compound)")
    else:
        lines.append("Pick an end point later than the start point to get a growth rate.")
    if s["claim"]:
        lines.append(f"The text says: <i>{html.escape(s['claim'])}</i> &rarr; verdict: <b>{s['verdict']}</b>")
    return "<br>".join(lines)


def growth_explorer() -> w.VBox:
    """Pick a series and two points; read the multiple, the average annual growth and the text's claim."""
    names = list(GROWTH_SERIES)
    series = w.Dropdown(options=names, value=names[0], description="Series", layout=w.Layout(width="560px"),
                        style={"description_width": "60px"})
    start = w.Dropdown(description="From", style={"description_width": "60px"})
    end = w.Dropdown(description="To", style={"description_width": "60px"})
    out = w.HTML()

    def options_for(name):
        return [(figure(fid)["period_printed"], fid) for fid in GROWTH_SERIES[name][0]]

    busy = []

    def refresh(*_):
        if not busy and start.value and end.value:
            out.value = growth_text(growth_summary(series.value, start.value, end.value))

    def on_series(*_):
        opts = options_for(series.value)
        busy.append(True)
        start.options, end.options = opts, opts
        start.value, end.value = opts[-2][1], opts[-1][1]
        busy.clear()
        refresh()

    series.observe(on_series, "value")
    start.observe(refresh, "value")
    end.observe(refresh, "value")
    on_series()
    return w.VBox([series, w.HBox([start, end]), out])


def share_scenario(part_change_pct: float, whole_multiple: float, part_start: float = 463.9,
                   share_start: float = 8.18) -> dict:
    """What happens to a share when the part changes by ``part_change_pct`` and the whole is multiplied."""
    whole_start = ar.implied_total(part_start, share_start)
    part_end = part_start * (1 + part_change_pct / 100)
    whole_end = whole_start * whole_multiple
    return ar.decompose_share_change(part_start, part_end, whole_start, whole_end)


def draw_share_scenario(ax, d: dict) -> None:
    """Bar pair: the share before and after, with the split of the change into its two causes."""
    ax.clear()
    ax.bar([0, 1], [d["share_start"], d["share_end"]], color=[OKABE_ITO["blue"], KIND_STYLE["derived"]["edgecolor"]],
           width=0.6)
    ax.set_xticks([0, 1], ["1926/27\n(official)", "scenario\n(derived)"])
    ax.set_ylabel("per cent of the unified state budget")
    ax.set_ylim(0, max(d["share_start"], d["share_end"]) * 1.3)
    for i, v in enumerate([d["share_start"], d["share_end"]]):
        ax.text(i, v, f"{v:.2f}%", ha="center", va="bottom")
    ax.set_title("Administrative share of the budget: a what-if")


def share_text(d: dict) -> str:
    """Readout: what each cause alone would do to the share, and (when they agree in sign) the split."""
    if d["log_change_share"] == 0 and d["from_part"] == 0:
        return "The share does not change in this scenario."
    only_whole = d["share_start"] * math.exp(d["from_whole"])
    only_part = d["share_start"] * math.exp(d["from_part"])
    text = (f"Share: {d['share_start']:.2f}% &rarr; <b>{d['share_end']:.2f}%</b>. "
            f"The budget's change alone would give {only_whole:.2f}%; the change in spending alone, {only_part:.2f}%.")
    if 0 <= d["fraction_from_whole"] <= 1:
        text += (f" Of the change (in log terms), <b>{d['fraction_from_whole'] * 100:.0f}%</b> comes from the size of "
                 f"the budget and <b>{d['fraction_from_part'] * 100:.0f}%</b> from administrative spending itself.")
    else:
        text += " Here the two causes pull in opposite directions, so no percentage split makes sense."
    return text


def share_explorer() -> w.VBox:
    """Move the change in spending and the growth of the budget; watch the share and its decomposition."""
    part = w.FloatSlider(value=round(ar.percent_change(463.9, 382.1), 1), min=-60, max=40, step=0.5,
                         description="Spending change, %", style={"description_width": "150px"},
                         layout=w.Layout(width="520px"))
    whole = w.FloatSlider(value=round((382.1 / 0.0329) / (463.9 / 0.0818), 2), min=0.5, max=4, step=0.05,
                          description="Budget multiple, ×", style={"description_width": "150px"},
                          layout=w.Layout(width="520px"))
    text = w.HTML()
    plot = w.Output()

    def refresh(*_):
        d = share_scenario(part.value, whole.value)
        text.value = share_text(d)
        with plot:
            plot.clear_output(wait=True)
            fig, ax = plt.subplots(figsize=(5, 3.2), layout="constrained")
            draw_share_scenario(ax, d)
            plt.show()

    part.observe(refresh, "value")
    whole.observe(refresh, "value")
    refresh()
    return w.VBox([part, whole, text, plot])
