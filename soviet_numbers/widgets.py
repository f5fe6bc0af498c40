"""Interactive explorers for the lectures. All logic is in plain functions; widgets only call them."""
from __future__ import annotations

import functools
import html
import math

import ipywidgets as w

from . import arithmetic as ar
from .charts import KIND_STYLE, OKABE_ITO, WIDGET_DPI, direct_labels, layout, nice_ceiling, png, widget_figure
from .claims import verdict
from .data import figure
from .data import value as figure_value

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


class LiveChart:
    """An explorer's chart: its artists are built once (``build``) and changed in place (``update``).

    Given an axes, it draws there (a static chart in a notebook). Without one, it owns a figure outside pyplot, and
    :meth:`show` updates it and puts its PNG into :attr:`image`, an image widget. A slider move never builds a new
    figure: only the ``moving`` artists are redrawn, over a saved background (axes, labels, legend: most of the
    drawing cost is text). A background is drawn again only when :meth:`key` changes, and the last few are kept.
    """

    figsize: tuple[float, float] = (7, 3.4)
    kept_backgrounds = 12

    def __init__(self, ax=None):
        self.own = ax is None
        self.moving: list = []
        if self.own:
            self.fig, ax = widget_figure(self.figsize)
            self.image = picture(self.figsize)
            self.backgrounds: dict = {}
        self.ax = ax
        self.build(ax)

    def build(self, ax) -> None:
        raise NotImplementedError

    def update(self, *args, **kwargs) -> None:
        raise NotImplementedError

    def key(self):
        """What the background depends on. By default the value axis: its limits and scale."""
        return self.ax.get_ylim(), self.ax.get_yscale()

    def show(self, *args, **kwargs) -> bytes:
        """Update the chart and refresh the image widget; returns the PNG."""
        self.update(*args, **kwargs)
        canvas, key = self.fig.canvas, self.key()
        if key in self.backgrounds:
            canvas.restore_region(self.backgrounds[key])
        else:
            for artist in self.moving:
                artist.set_animated(True)  # left out of the full drawing
            layout(self.fig)  # the margins follow the titles and tick labels the update set
            canvas.draw()
            if len(self.backgrounds) >= self.kept_backgrounds:
                self.backgrounds.pop(next(iter(self.backgrounds)))
            self.backgrounds[key] = canvas.copy_from_bbox(self.fig.bbox)
        for artist in self.moving:
            self.fig.draw_artist(artist)
        self.image.value = data = png(self.fig, redraw=False)
        return data


def picture(figsize: tuple[float, float]) -> w.Image:
    """The image widget an explorer's chart goes into, shown at the chart's own size."""
    return w.Image(format="png", width=round(figsize[0] * WIDGET_DPI))


def _set_bars(bars, labels, values, texts) -> None:
    """Move bars and their value labels to new values."""
    for bar, label, value, text in zip(bars, labels, values, texts):
        bar.set_height(value)
        label.set_y(value)
        label.set_text(text)


def _point(fid: str) -> tuple[str, float, float]:
    f = figure(fid)
    return f["period_printed"], value_mln(fid), float(f["label_year"])


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


ADMIN_IDS = ("P16", "P17", "P18", "P19")  # administrative expenses 1926/27, 1929/30 and their shares of the budget


def admin_figures() -> tuple[float, float, float, float]:
    """Administrative expenses (million rubles) and their share of the budget (%), 1926/27 and 1929/30."""
    return tuple(figure_value(fid) for fid in ADMIN_IDS)


def share_scenario(part_change_pct: float, whole_multiple: float, part_start: float | None = None,
                   share_start: float | None = None) -> dict:
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


class BarPairChart(LiveChart):
    """Two labelled bars whose heights move; subclasses say what the pair is (``pair``) and how it looks."""

    bar_style: dict = {}
    ticks: tuple[str, str] = ("", "")
    ylabel = title = ""
    title_style: dict = {}

    def build(self, ax) -> None:
        self.bars = ax.bar([0, 1], [0, 0], **self.bar_style)
        self.labels = [ax.text(i, 0, "", ha="center", va="bottom") for i in (0, 1)]
        ax.set_xticks([0, 1], self.ticks)
        ax.set_ylabel(self.ylabel)
        ax.set_title(self.title, **self.title_style)
        direct_labels(ax)
        self.moving = [*self.bars, *self.labels]

    def pair(self, d: dict) -> tuple[list[float], list[str]]:
        """The two values, and their labels."""
        raise NotImplementedError

    def update(self, d: dict) -> None:
        values, texts = self.pair(d)
        _set_bars(self.bars, self.labels, values, texts)
        self.ax.set_ylim(0, nice_ceiling(max(values) * 1.2))


class ShareChart(BarPairChart):
    """The administrative share of the budget in 1926/27 and in the student's scenario."""

    figsize = (5, 3.2)
    bar_style = dict(width=0.6, color=[OKABE_ITO["blue"], KIND_STYLE["derived"]["edgecolor"]])
    ticks = ("1926/27\n(official)", "scenario\n(derived)")
    ylabel, title = "% of the unified state budget", "Administrative share of the budget: a what-if"

    def pair(self, d: dict) -> tuple[list[float], list[str]]:
        values = [d["share_start"], d["share_end"]]
        return values, [f"{v:.2f}%" for v in values]


def draw_share_scenario(ax, d: dict) -> None:
    """The share explorer's chart, drawn on ``ax``."""
    ShareChart(ax).update(d)


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
    spend0, spend1, share0, share1 = admin_figures()  # the sliders start at what the text's figures imply
    part = w.FloatSlider(value=round(ar.percent_change(spend0, spend1), 1), min=-60, max=40, step=0.5,
                         description="Spending change, %", style={"description_width": "150px"},
                         layout=w.Layout(width="520px"))
    whole = w.FloatSlider(value=round(ar.implied_total(spend1, share1) / ar.implied_total(spend0, share0), 2),
                          min=0.5, max=4, step=0.05,
                          description="Budget multiple, ×", style={"description_width": "150px"},
                          layout=w.Layout(width="520px"))
    text = w.HTML()
    chart = ShareChart()

    def refresh(*_):
        d = share_scenario(part.value, whole.value)
        text.value = share_text(d)
        chart.show(d)

    part.observe(refresh, "value")
    whole.observe(refresh, "value")
    refresh()
    return w.VBox([part, whole, text, chart.image])


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
    return [figure_value(fid) for fid in PLAN_IDS]


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


class PathChart(LiveChart):
    """The plan's five yearly investments beside a path of the student's (hatched: an illustration)."""

    def build(self, ax) -> None:
        from matplotlib.ticker import MaxNLocator

        self.plan = plan_path()
        x = range(len(self.plan))
        ax.bar([i - 0.2 for i in x], self.plan, width=0.4, color=OKABE_ITO["blue"],
               label="plan, optimal variant (official)")
        self.bars = ax.bar([i + 0.2 for i in x], [0] * len(self.plan), width=0.4, color="white",
                           edgecolor=OKABE_ITO["vermillion"], hatch="///", label="your path (illustration)")
        ax.set_xticks(list(x), PLAN_YEARS[: len(self.plan)])
        ax.set_ylabel("million rubles a year")
        ax.yaxis.set_major_locator(MaxNLocator(4))
        ax.legend(frameon=False, fontsize=8, loc="upper left")
        ax.set_title("Yearly industrial investment: the plan and your path")
        self.moving = list(self.bars)

    def update(self, path: list[float]) -> None:
        for bar, value in zip(self.bars, path):
            bar.set_height(value)
        self.ax.set_ylim(0, nice_ceiling(max(max(path), max(self.plan)) * 1.2))


def draw_path(ax, path: list[float]) -> None:
    """The path explorer's chart, drawn on ``ax``."""
    PathChart(ax).update(path)


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
    chart = PathChart()

    def refresh(*_):
        path = investment_path(first.value, growth.value, change.value)
        text.value = path_text(path_summary(path))
        chart.show(path)

    def on_preset(change_event):
        if change_event["new"] in PATH_PRESETS:
            first.value, growth.value, change.value = PATH_PRESETS[change_event["new"]]

    for s in (first, growth, change):
        s.observe(refresh, "value")
    presets.observe(on_preset, "value")
    refresh()
    return w.VBox([presets, first, growth, change, text, chart.image])


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


def tech_points(topic: str) -> list[tuple[str, str, float, str, str]]:
    """(method, year, value, qualifier, figure id) for each bar of a topic; NaN where the text gives no number."""
    spec = TECH_TOPICS[topic]
    points = []
    for method, ids in spec["rows"].items():
        for year, fid in zip(spec["years"], ids):
            f = figure(fid) if fid else None
            points.append((method, year, float(f["value"]) if f is not None else float("nan"),
                           f["qualifier"] if f is not None else "", fid or ""))
    return points


def tech_table(topic: str):
    """The same points as a table: method, year, value, qualifier, figure_id."""
    import pandas as pd

    return pd.DataFrame(tech_points(topic), columns=["method", "year", "value", "qualifier", "figure_id"])


def draw_tech(ax, topic: str) -> None:
    """Grouped bars by method and year; blanks are marked 'not stated', never drawn as zero."""
    spec = TECH_TOPICS[topic]
    methods, years = list(spec["rows"]), spec["years"]
    colors = [OKABE_ITO["sky"], OKABE_ITO["blue"]]
    points = tech_points(topic)
    top = max(p[2] for p in points if p[2] == p[2])
    for method, year, value, qualifier, _ in points:
        i, j = methods.index(method), years.index(year)
        x = i + (j - 0.5) * 0.38
        if value != value:  # NaN: not stated
            ax.text(x, top * 0.02, "not\nstated", ha="center", va="bottom", fontsize=7, color="#666")
            continue
        ax.bar(x, value, width=0.36, color=colors[j], label=year if i == 0 else None)
        ax.text(x, value, (f"{qualifier} " if qualifier else "") + f"{value:g}", ha="center", va="bottom", fontsize=8)
    ax.set_xticks(range(len(methods)), methods)
    ax.set_ylabel("% (as printed)" if spec["percent"] else "units")
    ax.set_ylim(0, (100 if spec["percent"] else top) * 1.2)
    direct_labels(ax)
    ax.legend(frameon=False, fontsize=8)
    ax.set_title(topic, fontsize=10)


@functools.lru_cache(maxsize=None)
def tech_png(topic: str) -> bytes:
    """The technology explorer's chart for one topic. It depends on the topic alone, so each is drawn only once."""
    fig, ax = widget_figure(LiveChart.figsize)
    draw_tech(ax, topic)
    layout(fig)
    return png(fig)


def tech_sums(topic: str) -> dict:
    """For percentage topics: what the stated shares add up to in each year (the rest is unexplained)."""
    table = tech_table(topic)
    return {year: float(g["value"].sum(skipna=True)) for year, g in table.groupby("year", sort=False)}


def technology_explorer() -> w.VBox:
    topics = list(TECH_TOPICS)
    choice = w.Dropdown(options=topics, value=topics[0], description="Topic", layout=w.Layout(width="520px"),
                        style={"description_width": "50px"})
    note = w.HTML()
    image = picture(LiveChart.figsize)

    def refresh(*_):
        spec = TECH_TOPICS[choice.value]
        sums = ""
        if spec["percent"] and "coefficient" not in choice.value:
            sums = "<br>Stated shares add up to: " + "; ".join(f"{y}: {s:g}%" for y, s in tech_sums(choice.value).items())
        note.value = f"<i>{html.escape(spec['base'])}</i>{sums}"
        image.value = tech_png(choice.value)

    choice.observe(refresh, "value")
    refresh()
    return w.VBox([choice, note, image])


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
    return figure_value(fid) * (1000.0 if figure(fid)["unit"] == "billion rubles" else 1.0)


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


OUTPUT_TICKS = (50, 75, 100, 150, 200, 250, 300)  # the same readable ticks on the linear and the log scale


class OutputChart(LiveChart):
    """The three output series as an index on a chosen base, linear or log (dotted: only three dates are known)."""

    figsize = (7.5, 3.8)

    def build(self, ax) -> None:
        colors = [OKABE_ITO["blue"], OKABE_ITO["orange"], OKABE_ITO["vermillion"]]
        fills = ["full", "full", "none"]  # hollow markers: derived
        x = [1913, 1925, 1929]
        self.lines, self.ends = {}, {}
        for name, c, fill in zip(output_series(), colors, fills):
            (self.lines[name],) = ax.plot(x, [100] * 3, ":", marker="o", fillstyle=fill, markersize=8, color=c,
                                          label=name)
            self.ends[name] = ax.text(1929.3, 100, "", va="center", fontsize=8, color=c)
        ax.axhline(100, color="#444", linewidth=0.8)
        ax.set_xticks(x, ["1913", "1925", "1929"])
        ax.set_xlim(1911, 1931.5)
        ax.set_ylim(50, 300)
        self.state = None

    def key(self):
        return self.state  # nothing moves on its own: the chart is one picture per base and scale

    def update(self, base_label: str, log: bool = False) -> None:
        self.state = (base_label, log)
        ax, index = self.ax, output_index(base_label)
        for name, line in self.lines.items():
            shown = name in index
            line.set_visible(shown)
            self.ends[name].set_visible(shown)
            if shown:
                line.set_ydata(index[name])
                self.ends[name].set_y(index[name][-1])
                self.ends[name].set_text(f"{index[name][-1]:.0f}")
        values = [v for series in index.values() for v in series] + [100]
        low, high = min(values) * 0.85, max(values) * 1.12
        ax.set_yscale("log" if log else "linear")
        ax.set_ylim(low, high)
        ticks = [t for t in OUTPUT_TICKS if low <= t <= high]
        ax.set_yticks(ticks, [str(t) for t in ticks])
        ax.set_yticks([], minor=True)
        ax.set_ylabel(f"index, {base_label.split(' (')[0]}" + (" (log scale)" if log else ""))
        ax.set_title("Output of large-scale industry (1926/27 prices) as an index", fontsize=10)
        ax.legend(handles=[line for line in self.lines.values() if line.get_visible()], frameon=False, fontsize=8,
                  loc="upper left")


def draw_output_index(ax, base_label: str, log: bool = False) -> None:
    """The output explorer's chart, drawn on ``ax``."""
    OutputChart(ax).update(base_label, log)


def output_text(base_label: str) -> str:
    idx = output_index(base_label)["large-scale industry"]
    return (f"Large-scale industry, 1929: <b>{idx[2]:.0f}</b> ({base_label.split(' (')[0]}); 1925: {idx[1]:.0f}. "
            "Dotted lines only join the three dates the text gives: output collapsed during the war and civil war, "
            "and the text prints no figure for those years.")


def output_explorer() -> w.VBox:
    base = w.ToggleButtons(options=list(OUTPUT_BASES), description="Base", style={"button_width": "230px"})
    scale = w.ToggleButtons(options=["linear", "log"], description="Scale")
    text = w.HTML()
    chart = OutputChart()

    def refresh(*_):
        text.value = output_text(base.value)
        chart.show(base.value, log=scale.value == "log")

    base.observe(refresh, "value")
    scale.observe(refresh, "value")
    refresh()
    return w.VBox([base, scale, text, chart.image])


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


class IndexChart(BarPairChart):
    """One synthetic economy's output growth measured at base-year and at end-year prices."""

    figsize = (6, 3.2)
    bar_style = dict(width=0.55, color="white", hatch="///", linewidth=1.5,
                     edgecolor=[OKABE_ITO["vermillion"], OKABE_ITO["blue"]])
    ticks = ("at base-year prices\n(like '1926/27 prices')", "at end-year prices")
    ylabel, title = "output growth (multiple)", "SYNTHETIC example: one economy, two price bases"
    title_style = dict(fontsize=10)

    def pair(self, d: dict) -> tuple[list[float], list[str]]:
        values = [d["base_year_prices"], d["end_year_prices"]]
        return values, [f"×{v:.2f}" for v in values]


def draw_index_problem(ax, d: dict) -> None:
    """The index-number explorer's chart, drawn on ``ax``."""
    IndexChart(ax).update(d)


def index_problem_explorer() -> w.VBox:
    style, wide = {"description_width": "210px"}, w.Layout(width="560px")
    m_q = w.FloatSlider(value=8, min=1, max=20, step=0.5, description="Machines: output multiple", style=style, layout=wide)
    m_p = w.FloatSlider(value=40, min=10, max=200, step=5, description="Machines: end price, % of base", style=style, layout=wide)
    c_q = w.FloatSlider(value=1.2, min=0.5, max=3, step=0.1, description="Cloth: output multiple", style=style, layout=wide)
    c_p = w.FloatSlider(value=150, min=50, max=300, step=5, description="Cloth: end price, % of base", style=style, layout=wide)
    text = w.HTML()
    chart = IndexChart()

    def refresh(*_):
        d = index_problem(m_q.value, m_p.value, c_q.value, c_p.value)
        text.value = index_problem_text(d)
        chart.show(d)

    for s in (m_q, m_p, c_q, c_p):
        s.observe(refresh, "value")
    refresh()
    return w.VBox([m_q, m_p, c_q, c_p, text, chart.image])
