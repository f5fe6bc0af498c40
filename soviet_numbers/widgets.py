"""Interactive explorers for the lectures. All logic is in plain functions; widgets only call them."""
from __future__ import annotations

import html
import math

import ipywidgets as w
import matplotlib.pyplot as plt

from . import arithmetic as ar
from .charts import KIND_STYLE, OKABE_ITO, layout, small_figure
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


def plot_figure(figsize: tuple[float, float], draw, *args, **kwargs):
    """A widget's figure: drawn by ``draw(ax, *args)``, laid out with the course's fixed margins."""
    fig, ax = small_figure(figsize)
    draw(ax, *args, **kwargs)
    layout(fig)
    return fig


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
            plot_figure((5, 3.2), draw_share_scenario, d)
            plt.show()

    part.observe(refresh, "value")
    whole.observe(refresh, "value")
    refresh()
    return w.VBox([part, whole, text, plot])


# --- Lecture 2: the five-year plan's investment path -----------------------------------------------------------

PLAN_IDS = ("P27", "P28", "P29", "P30", "P31")
PLAN_YEARS = ("1928/29", "1929/30", "1930/31", "1931/32", "1932/33")
# Presets for the path explorer: (first year, growth of the first step in %, change of the growth rate per year in pp)
PATH_PRESETS = {
    "flat": (2091.0, 0.0, 0.0),
    "steady growth": (2091.0, 18.0, 0.0),
    "accelerating": (2091.0, 5.0, 10.0),
    "damped (high early, cut later)": (2091.0, 50.0, -30.0),
}


def plan_path() -> list[float]:
    """The "optimal" variant's yearly industrial investment, million rubles (P27-P31)."""
    return [float(figure(fid)["value"]) for fid in PLAN_IDS]


def investment_path(first: float, first_growth_pct: float, growth_change_pp: float, years: int = 5) -> list[float]:
    """A yearly path: start at ``first``, grow by ``first_growth_pct``, the rate changing by ``growth_change_pp``.

    A negative change in the rate gives a "damped" curve; a positive one an accelerating path. Never below zero.
    """
    path, rate = [float(first)], float(first_growth_pct)
    for _ in range(years - 1):
        path.append(max(path[-1] * (1 + rate / 100.0), 0.0))
        rate += growth_change_pp
    return path


def path_summary(path: list[float], plan: list[float] | None = None) -> dict:
    """Totals, cumulative sums and year-on-year growth of a path, compared with the plan's."""
    plan = plan if plan is not None else plan_path()
    cumulative, running = [], 0.0
    for v in path:
        running += v
        cumulative.append(running)
    growth = [ar.percent_change(a, b) if a > 0 else float("nan") for a, b in zip(path, path[1:])]
    return {"total": running, "cumulative": cumulative, "growth": growth, "plan_total": sum(plan),
            "ratio_to_plan": running / sum(plan), "difference": running - sum(plan)}


def path_text(s: dict) -> str:
    rates = ", ".join(f"{g:+.0f}%" for g in s["growth"])
    return (f"Five-year total: <b>{s['total']:,.0f}</b> million rubles, against the plan's {s['plan_total']:,.0f} "
            f"({s['ratio_to_plan'] * 100:.0f}% of it; difference {s['difference']:+,.0f}).<br>"
            f"Year-on-year growth of your path: {rates}.")


def draw_path(ax, path: list[float], plan: list[float] | None = None) -> None:
    plan = plan if plan is not None else plan_path()
    ax.clear()
    x = range(len(path))
    ax.bar([i - 0.2 for i in x], plan, width=0.4, color=OKABE_ITO["blue"], label="plan, optimal variant (official)")
    ax.bar([i + 0.2 for i in x], path, width=0.4, color="white", edgecolor=OKABE_ITO["vermillion"], hatch="///",
           label="your path (illustration)")
    ax.set_xticks(list(x), PLAN_YEARS[: len(path)])
    ax.set_ylabel("million rubles a year")
    ax.set_ylim(0, max(max(path), max(plan)) * 1.25)
    ax.legend(frameon=False, fontsize=8, loc="upper left")
    ax.set_title("Yearly industrial investment: the plan and your path")


def plan_path_explorer() -> w.VBox:
    """Shape a five-year investment path (flat, accelerating, damped) and compare it with the plan."""
    style = {"description_width": "190px"}
    wide = w.Layout(width="560px")
    first = w.FloatSlider(value=2091, min=500, max=5000, step=50, description="First year (million rubles)",
                          style=style, layout=wide)
    growth = w.FloatSlider(value=36, min=-30, max=80, step=1, description="Growth, first step (%)", style=style,
                           layout=wide)
    change = w.FloatSlider(value=-9, min=-40, max=20, step=1, description="Change of growth per year (pp)",
                           style=style, layout=wide)
    presets = w.ToggleButtons(options=["(custom)"] + list(PATH_PRESETS), value="(custom)", description="Preset",
                              style={"description_width": "60px", "button_width": "160px"})
    text = w.HTML()
    plot = w.Output()

    def refresh(*_):
        path = investment_path(first.value, growth.value, change.value)
        text.value = path_text(path_summary(path))
        with plot:
            plot.clear_output(wait=True)
            plot_figure((7, 3.4), draw_path, path)
            plt.show()

    def on_preset(change_event):
        if change_event["new"] in PATH_PRESETS:
            first.value, growth.value, change.value = PATH_PRESETS[change_event["new"]]

    for s in (first, growth, change):
        s.observe(refresh, "value")
    presets.observe(on_preset, "value")
    refresh()
    return w.VBox([presets, first, growth, change, text, plot])


# --- Lecture 2: technology shares ----------------------------------------------------------------------------------

TECH_TOPICS = {
    "Oil drilling: share of methods (%)": {
        "years": ("1924/25", "1928/29"),
        "rows": {"rotary": ("P48", "P49"), "percussion (rod and cable)": ("P50", "P51")},
        "base": "Both years: shares of drilling. The rest (not stated in the text) is shown as the gap to 100%.",
        "percent": True},
    "Oil extraction: share of methods (%)": {
        "years": ("1924/25", "1928/29"),
        "rows": {"bailing ('tartan')": ("P52", "P56"), "pumps": ("P53", "P54"), "compressors": (None, "P55")},
        "base": "WARNING: not the same base. In 1924/25 bailing is a share of output 'not counting the flowing "
                "production', while pumps are a share 'of all oil'; the 1928/29 base is not stated. Do not read "
                "the bars as one series.",
        "percent": True},
    "Electrification coefficient of oil production (%)": {
        "years": ("1924/25", "1928/29"),
        "rows": {"Grozneft": ("P57", "P58"), "USSR as a whole": (None, "P59")},
        "base": "Grozneft (the Grozny oil trust) in both years; the USSR figure only for 1928/29.", "percent": True},
    "Coal-cutting machines in the coal industry (units)": {
        "years": ("1925/26", "end of 1929"),
        "rows": {"heavy cutters": ("P41", "P42"), "light cutters": (None, "P43"), "jackhammers": (None, "P44")},
        "base": "For 1925/26 the text gives only the heavy machines; light machines and jackhammers 'were few' "
                "(no number: left blank, not zero).", "percent": False},
}


def tech_table(topic: str):
    """Long table for a topic: method, year, value (NaN where the text gives no number), figure id."""
    import pandas as pd

    spec = TECH_TOPICS[topic]
    rows = []
    for method, ids in spec["rows"].items():
        for year, fid in zip(spec["years"], ids):
            v = float(figure(fid)["value"]) if fid else float("nan")
            q = figure(fid)["qualifier"] if fid else ""
            rows.append({"method": method, "year": year, "value": v, "qualifier": q, "figure_id": fid or ""})
    return pd.DataFrame(rows)


def draw_tech(ax, topic: str) -> None:
    """Grouped bars by method and year; blanks are marked 'not stated', never drawn as zero."""
    spec = TECH_TOPICS[topic]
    table = tech_table(topic)
    methods = list(spec["rows"])
    colors = [OKABE_ITO["sky"], OKABE_ITO["blue"]]
    ax.clear()
    top = table["value"].max()
    for j, year in enumerate(spec["years"]):
        sub = table[table["year"] == year].set_index("method").loc[methods]
        xs = [i + (j - 0.5) * 0.38 for i in range(len(methods))]
        for x, (method, row) in zip(xs, sub.iterrows()):
            if row["value"] != row["value"]:  # NaN: not stated
                ax.text(x, top * 0.02, "not\nstated", ha="center", va="bottom", fontsize=7, color="#666")
                continue
            ax.bar(x, row["value"], width=0.36, color=colors[j], label=year if method == methods[0] else None)
            label = (f"{row['qualifier']} " if row["qualifier"] else "") + f"{row['value']:g}"
            ax.text(x, row["value"], label, ha="center", va="bottom", fontsize=8)
    ax.set_xticks(range(len(methods)), methods)
    ax.set_ylabel("% (as printed)" if spec["percent"] else "units")
    ax.set_ylim(0, (100 if spec["percent"] else top) * 1.2)
    ax.legend(frameon=False, fontsize=8)
    ax.set_title(topic, fontsize=10)


def tech_sums(topic: str) -> dict:
    """For percentage topics: what the stated shares add up to in each year (the rest is unexplained)."""
    table = tech_table(topic)
    return {year: float(g["value"].sum(skipna=True)) for year, g in table.groupby("year", sort=False)}


def technology_explorer() -> w.VBox:
    topics = list(TECH_TOPICS)
    choice = w.Dropdown(options=topics, value=topics[0], description="Topic", layout=w.Layout(width="520px"),
                        style={"description_width": "50px"})
    note = w.HTML()
    plot = w.Output()

    def refresh(*_):
        spec = TECH_TOPICS[choice.value]
        sums = ""
        if spec["percent"] and "coefficient" not in choice.value:
            sums = "<br>Stated shares add up to: " + "; ".join(f"{y}: {s:g}%" for y, s in tech_sums(choice.value).items())
        note.value = f"<i>{html.escape(spec['base'])}</i>{sums}"
        with plot:
            plot.clear_output(wait=True)
            plot_figure((7, 3.4), draw_tech, choice.value)
            plt.show()

    choice.observe(refresh, "value")
    refresh()
    return w.VBox([choice, note, plot])


# --- Lecture 3: output of large-scale industry ----------------------------------------------------------------------

# Output of large-scale industry, 1926/27 prices, million rubles: total (P87/P86/P85) and Group A (P92/P91/P90).
OUTPUT_YEARS = ("1913", "1925", "1929")
OUTPUT_BASES = {
    "1913 = 100 (1913 coverage, 10.2 bn)": ("1913", None),
    "1913 = 100 ('full circle', 11 bn)": ("1913", "P88"),
    "1925 = 100": ("1925", None),
}


def output_series() -> dict[str, list[float]]:
    """Total, Group A and the implied Group B (derived: total minus A), million rubles, 1913 / 1925 / 1929."""
    total = [value_mln("P87"), value_mln("P86"), value_mln("P85")]
    group_a = [value_mln("P92"), value_mln("P91"), value_mln("P90")]
    return {"large-scale industry": total, "Group A (means of production)": group_a,
            "Group B (derived: total - A)": [t - a for t, a in zip(total, group_a)]}


def value_mln(fid: str) -> float:
    """A money figure in million rubles, whatever unit the text printed it in."""
    f = figure(fid)
    return float(f["value"]) * (1000.0 if f["unit"] == "billion rubles" else 1.0)


def output_index(base_label: str) -> dict[str, list[float]]:
    """The output series rebased. With the 'full circle' base only the total can be rebased (A has no such figure)."""
    year, alt = OUTPUT_BASES[base_label]
    i = OUTPUT_YEARS.index(year)
    out = {}
    for name, values in output_series().items():
        if alt and name != "large-scale industry":
            continue
        base = value_mln(alt) if alt else values[i]
        out[name] = ar.rebase(values, base)
    return out


def draw_output_index(ax, base_label: str, log: bool = False) -> None:
    ax.clear()
    colors = [OKABE_ITO["blue"], OKABE_ITO["orange"], OKABE_ITO["vermillion"]]
    fills = ["full", "full", "none"]  # hollow markers: derived
    x = [1913, 1925, 1929]
    for (name, values), c, fill in zip(output_index(base_label).items(), colors, fills):
        ax.plot(x, values, ":", marker="o", fillstyle=fill, markersize=8, color=c, label=name)
        ax.text(1929.3, values[-1], f"{values[-1]:.0f}", va="center", fontsize=8, color=c)
    ax.axhline(100, color="#444", linewidth=0.8)
    ax.set_yscale("log" if log else "linear")
    ax.set_xticks(x, ["1913", "1925", "1929"])
    ax.set_xlim(1911, 1931.5)
    ax.set_ylabel(f"index, {base_label.split(' (')[0]}" + (" (log scale)" if log else ""))
    ax.set_title(f"Output of large-scale industry, 1926/27 prices, indexed ({base_label})", fontsize=10)
    ax.legend(frameon=False, fontsize=8, loc="upper left")


def output_text(base_label: str) -> str:
    idx = output_index(base_label)["large-scale industry"]
    return (f"Large-scale industry, 1929: <b>{idx[2]:.0f}</b> ({base_label.split(' (')[0]}); 1925: {idx[1]:.0f}. "
            "Dotted lines only join the three dates the text gives: output collapsed during the war and civil war, "
            "and the text prints no figure for those years.")


def output_explorer() -> w.VBox:
    base = w.ToggleButtons(options=list(OUTPUT_BASES), description="Base", style={"button_width": "230px"})
    scale = w.ToggleButtons(options=["linear", "log"], description="Scale")
    text = w.HTML()
    plot = w.Output()

    def refresh(*_):
        text.value = output_text(base.value)
        with plot:
            plot.clear_output(wait=True)
            plot_figure((7.5, 3.8), draw_output_index, base.value, log=scale.value == "log")
            plt.show()

    base.observe(refresh, "value")
    scale.observe(refresh, "value")
    refresh()
    return w.VBox([base, scale, text, plot])


# --- Catching up (Lectures 3 and 4): Maddison GDP per capita -------------------------------------------------------

from .compare import COUNTRIES, catch_up, gdppc  # noqa: E402,F401  (re-exported for the notebooks)


def catch_up_text(c: dict, target: str, year: int, ussr_rate: float, target_rate: float) -> str:
    head = (f"{year}: USSR {c['ussr']:,.0f} vs {COUNTRIES[target]} {c['target']:,.0f} (2011 US$ per person; "
            f"USSR = {c['ratio'] * 100:.0f}% of {COUNTRIES[target]}).<br>")
    if c["years"] == 0:
        return head + "Already level."
    if not math.isfinite(c["years"]):
        return head + (f"At {ussr_rate:g}% a year against {target_rate:g}%, the gap <b>never closes</b>: "
                       "the follower must grow faster than the leader.")
    return head + (f"At {ussr_rate:g}% a year against {target_rate:g}%, the USSR would catch up after "
                   f"<b>{c['years']:.0f} years</b> (around {c['reached_in']}). A projection, not a forecast.")


def catch_up_explorer(year: int = 1928) -> w.VBox:
    target = w.Dropdown(options=[(v, k) for k, v in COUNTRIES.items()], value="GBR", description="Catch up with")
    start = w.Dropdown(options=[1913, 1928, 1929, 1933], value=year, description="From year")
    rate = w.FloatSlider(value=5.0, min=0, max=15, step=0.5, description="USSR growth, % a year",
                         style={"description_width": "160px"}, layout=w.Layout(width="520px"))
    other = w.FloatSlider(value=1.5, min=-2, max=5, step=0.5, description="Their growth, % a year",
                          style={"description_width": "160px"}, layout=w.Layout(width="520px"))
    text = w.HTML()

    def refresh(*_):
        text.value = catch_up_text(catch_up(target.value, start.value, rate.value, other.value), target.value,
                                   start.value, rate.value, other.value)

    for control in (target, start, rate, other):
        control.observe(refresh, "value")
    refresh()
    return w.VBox([w.HBox([target, start]), rate, other, text])


# --- Lecture 4: the index-number problem (a synthetic illustration, not history) ------------------------------------

from .arithmetic import INDEX_BASE, index_problem  # noqa: E402,F401  (re-exported for the notebooks)


def index_problem_text(d: dict) -> str:
    return (f"Valued at <b>base-year</b> prices, output grows <b>&times;{d['base_year_prices']:.2f}</b>; at "
            f"<b>end-year</b> prices, <b>&times;{d['end_year_prices']:.2f}</b>. Same goods, same quantities: the "
            f"choice of prices alone makes one index {d['gap']:.2f} times the other. "
            "<i>Synthetic numbers, an illustration only.</i>")


def draw_index_problem(ax, d: dict) -> None:
    ax.clear()
    ax.bar([0, 1], [d["base_year_prices"], d["end_year_prices"]], width=0.55, color="white",
           edgecolor=[OKABE_ITO["vermillion"], OKABE_ITO["blue"]], hatch="///", linewidth=1.5)
    for i, v in enumerate([d["base_year_prices"], d["end_year_prices"]]):
        ax.text(i, v, f"×{v:.2f}", ha="center", va="bottom")
    ax.set_xticks([0, 1], ["at base-year prices\n(like '1926/27 prices')", "at end-year prices"])
    ax.set_ylabel("output growth (multiple)")
    ax.set_ylim(0, max(d["base_year_prices"], d["end_year_prices"]) * 1.25)
    ax.set_title("SYNTHETIC example: one economy, two price bases", fontsize=10)


def index_problem_explorer() -> w.VBox:
    style, wide = {"description_width": "210px"}, w.Layout(width="560px")
    m_q = w.FloatSlider(value=8, min=1, max=20, step=0.5, description="Machines: output multiple", style=style, layout=wide)
    m_p = w.FloatSlider(value=40, min=10, max=200, step=5, description="Machines: end price, % of base", style=style, layout=wide)
    c_q = w.FloatSlider(value=1.2, min=0.5, max=3, step=0.1, description="Cloth: output multiple", style=style, layout=wide)
    c_p = w.FloatSlider(value=150, min=50, max=300, step=5, description="Cloth: end price, % of base", style=style, layout=wide)
    text = w.HTML()
    plot = w.Output()

    def refresh(*_):
        d = index_problem(m_q.value, m_p.value, c_q.value, c_p.value)
        text.value = index_problem_text(d)
        with plot:
            plot.clear_output(wait=True)
            plot_figure((6, 3.2), draw_index_problem, d)
            plt.show()

    for s in (m_q, m_p, c_q, c_p):
        s.observe(refresh, "value")
    refresh()
    return w.VBox([m_q, m_p, c_q, c_p, text, plot])
