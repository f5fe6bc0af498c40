"""Lecture 4's charts: reading the numbers (five measures of growth, the long run, index numbers, catching up)."""

from __future__ import annotations

from .. import charts, data
from ..arithmetic import multiple
from ..compare import gdppc
from .lecture3 import textbook_pig_iron

TEXTBOOK = charts.TEXTBOOK


def growth_measures() -> list[tuple[str, float, str]]:
    """Growth 1925 to 1929 by five measures: (what is measured and from which source, its multiple, the kind of the
    numbers it is computed from)."""
    v = data.value
    cow = data.cow_nmc()
    rus = cow[cow["stateabb"] == "RUS"].set_index("year")
    return [
        ("Gross output of census industry\n(textbook's official figures)", multiple(v("P86"), v("P85")), "official"),
        ("Steel output\n(textbook's official figures)", multiple(v("P115"), v("P116")), "official"),
        (
            "Iron and steel output\n(COW NMC 6.0; = textbook here)",
            multiple(rus.loc[1925, "irst"], rus.loc[1929, "irst"]),
            "external",
        ),
        ("Primary energy consumption\n(COW NMC 6.0)", multiple(rus.loc[1925, "pec"], rus.loc[1929, "pec"]), "external"),
        (
            "GDP per person, whole economy\n(Maddison 2020, SUN)",
            multiple(gdppc("SUN", 1925), gdppc("SUN", 1929)),
            "external",
        ),
    ]


def growth_compared(rows: list[tuple[str, float, str]]):
    """The five multiples as bars: every one is computed by the course (derived); the label says from what."""
    multiples = [m for _, m, _ in rows]
    fig, ax = charts.new_chart("Growth 1925 to 1929 by five different measures (not like for like)", left=2.9)
    charts.bars(
        ax,
        [r[0] for r in rows],
        multiples,
        "derived",
        horizontal=True,
        value_labels=[f"x{m:.2f}" for m in multiples],
        units="multiple, 1929 value / 1925 value (1 = no growth), computed by the course",
    )
    ax.set_xlim(0, 3.2)
    ax.axvline(1, color="#444", linewidth=0.8)
    charts.source_line(
        fig,
        f"{TEXTBOOK} (P85, P86, P115, P116); Correlates of War NMC 6.0 (RUS, calendar years); "
        "Bolt and van Zanden (2020), Maddison Project Database 2020 (SUN).",
        kinds=["derived"],
    )
    name = [" ".join(r[0].split("\n")[0].split()) for r in rows]
    high, low = multiples.index(max(multiples)), multiples.index(min(multiples))
    return charts.set_point(
        fig,
        f"The measures disagree: from 1925 to 1929 {name[high].lower()} grew "
        f"x{multiples[high]:.2f}, {name[low]} only x{multiples[low]:.2f}.",
    )


def long_run():
    """1913-1940: COW steel and energy, Maddison GDP per person (SUN), and the textbook's steel and pig iron."""
    import pandas as pd

    v = data.value
    cow = data.cow_nmc()
    years = pd.RangeIndex(1913, 1941, name="year")  # every year: a missing one breaks the line, not bridged
    rus = cow[cow["stateabb"] == "RUS"].set_index("year").reindex(years)
    mad = data.maddison()
    sun = mad[mad["countrycode"] == "SUN"].set_index("year").reindex(years)
    fig, axes = charts.new_chart(
        "The long run, 1913-1940: outside series and the textbook's figures", nrows=3, figsize=(8, 8.4)
    )
    charts.points(axes[0], years, rus["irst"] / 1000, "external", "COW NMC 6.0, iron and steel")
    charts.points(axes[0], [1925, 1929], [v("P115"), v("P116")], "official", "textbook, steel", markersize=8)
    textbook_pig_iron(axes[0], markersize=6)
    axes[0].text(1929.5, v("P116") - 1.6, "1925, 1929: COW = the textbook's steel", fontsize=8)
    axes[0].text(1913.3, rus.loc[1913, "irst"] / 1000 + 1, "1913: Russian Empire", fontsize=8)
    axes[0].set(title="Steel (and the textbook's pig iron)", ylabel="million tonnes")
    charts.points(axes[1], years, rus["pec"] / 1000, "external", "COW NMC 6.0, primary energy consumption")
    axes[1].set(title="Primary energy consumption", ylabel="million coal-ton\nequivalents")
    charts.points(axes[2], years, sun["gdppc_2011usd"], "external", "Maddison 2020, SUN (former USSR)")
    axes[2].set(
        title="GDP per person", ylabel="2011 US$ (PPP)", xlabel="year (calendar years; the textbook's as printed)"
    )
    for ax in axes:
        ax.axvspan(1928.75, 1932.99, color="#eeeeee", zorder=0)  # the first five-year plan, Oct 1928 - Dec 1932
        ax.set_ylim(bottom=0)
    axes[0].legend(frameon=False, fontsize=8, loc="upper left")
    axes[0].text(
        1930.9, axes[0].get_ylim()[1] * 0.92, "first five-year\nplan", ha="center", va="top", fontsize=8, color="#444"
    )
    charts.source_line(
        fig,
        "Correlates of War NMC 6.0 (Singer, Bremer and Stuckey 1972; Greig and Enterline 2021), "
        "RUS, irst and pec; Bolt and van Zanden (2020), Maddison Project Database 2020, SUN; "
        f"{TEXTBOOK}, figures P113-P116.",
        kinds=["external", "official"],
    )
    steel_1940 = rus.loc[1940, "irst"] / rus.loc[1928, "irst"]
    gdp_1940 = sun.loc[1940, "gdppc_2011usd"] / sun.loc[1928, "gdppc_2011usd"]
    return charts.set_point(
        fig,
        f"From 1928 to 1940 steel grew x{steel_1940:.1f} but GDP per person only "
        f"x{gdp_1940:.1f}; the textbook's steel for 1925 and 1929 equals the outside series.",
    )


def index_problem(example: dict):
    """The index-number problem on a synthetic economy (made-up numbers), as the lecture 4 explorer draws it."""
    from ..explorers.lecture4 import draw_index_problem

    fig, ax = charts.new_chart("The index-number problem: one SYNTHETIC economy, two answers")
    draw_index_problem(ax, example)
    for patch in ax.patches:
        charts.tag(patch, "derived")  # both bars are computed from made-up numbers
    charts.source_line(
        fig,
        "Synthetic illustration by the course (made-up quantities and prices: machines x8 at 40% "
        "of their base price; cloth x1.2 at 150%). Not historical data.",
        kinds=["derived"],
    )
    return charts.set_point(
        fig,
        f"The same made-up economy grows x{example['base_year_prices']:.2f} valued at "
        f"base-year prices but only x{example['end_year_prices']:.2f} at end-year prices.",
    )


def catching_up(relative, years: list[int]):
    """USSR GDP per person as % of four countries' (derived from Maddison 2020), one dashed line each."""
    fig, ax = charts.new_chart("GDP per person of the USSR relative to four countries (Maddison 2020)")
    label_y = -10
    markers = iter(["x", "+", "1", "2"])  # the same kind (derived); each country its own marker too
    for country, row in relative.sort_values(relative.columns[-1]).iterrows():
        charts.points(ax, years, row.to_list(), "derived", country, marker=next(markers), markersize=8)
        label_y = max(row.iloc[-1], label_y + 5)  # direct labels (no legend to decode), kept apart
        ax.text(years[-1] + 0.6, label_y, country, va="center", fontsize=9)
    ax.set_xticks(years, [str(y) for y in years])
    ax.set_xlim(1911, 1939)
    ax.set_ylabel("USSR GDP per person, % of the other country")
    ax.set_ylim(0, 100)
    charts.source_line(
        fig,
        "Bolt and van Zanden (2020), Maddison Project Database 2020: SUN (former USSR), GBR, USA, "
        "DEU, JPN; 2011 US$ (PPP). Estimates, not official figures. Ratios computed by the course.",
        kinds=["derived"],
    )
    return charts.set_point(fig, catching_up_point(relative, years))


def catching_up_point(relative, years: list[int]) -> str:
    """The chart's point, read from the ratios (so it stays true if the data change)."""
    first, middle, last = (relative.iloc[:, i] for i in range(3))
    behind = "fell behind all four countries" if (middle < first).all() else "fell behind some countries"
    gained = "then gained on all of them" if (last > middle).all() else "then gained on some of them"
    return f"From {years[0]} to {years[1]} the USSR {behind}, {gained} by {years[2]}."
