"""Lecture 2's charts: capital construction (investment shares, the plan, plan and outcome, assets, building)."""

from __future__ import annotations

from .. import charts, data
from ..arithmetic import multiple, percent_change

TEXTBOOK = charts.TEXTBOOK


def investment_shares(shares: list[float]):
    """P24-P26: % of industrial investment in means-of-production industries; 1927/28 is not printed."""
    fig, ax = charts.new_chart("Share of means-of-production industries in industrial investment")
    charts.bars(
        ax,
        ["1925/26", "1926/27", "1928/29"],
        shares,
        ["official", "official", "bound"],
        units="% of capital investment in industry",
        value_labels=[f"{shares[0]:g}", f"{shares[1]:g}", f"about {shares[2]:g}"],
        positions=[0, 1, 3],
        title="official claim; 1928/29 is 'about'",
    )
    ax.set_xticks([0, 1, 2, 3], ["1925/26", "1926/27", "1927/28", "1928/29"])
    ax.text(2, 4, "no figure\nprinted", ha="center", fontsize=8, color="#444")  # the gap is the missing year
    ax.set_ylim(0, 100)
    charts.source_line(
        fig, f"{TEXTBOOK}, citing 'Ibid.' (the work meant is unclear). Figures P24-P26.", kinds=["official", "bound"]
    )
    return charts.set_point(
        fig,
        f"The means-of-production industries' share of industrial investment rose from "
        f"{shares[0]:g}% in 1925/26 to about {shares[2]:g}% in 1928/29; 1927/28 is not printed.",
    )


def plan_investment(years: list[str], values: list[float]):
    """P27-P31: the 'optimal' variant's yearly investment in industry, with the growth on the year before."""
    growth = [percent_change(a, b) for a, b in zip(values, values[1:])]
    fig, ax = charts.new_chart("First five-year plan, 'optimal' variant: yearly investment in industry")
    charts.bars(ax, years, values, "official", units="million rubles a year (prices not stated)", decimals=0)
    for i, g in enumerate(growth, start=1):
        ax.text(i, values[i] * 0.5, f"{g:+.0f}%\non the\nyear before", ha="center", color="white", fontsize=8)
    charts.source_line(
        fig,
        f"{TEXTBOOK}; no citation in the text. Figures P27-P31; growth rates computed by the course.",
        kinds=["official"],
    )
    return charts.set_point(
        fig,
        f"The plan raised investment in industry every year, from {values[0]:,.0f} to "
        f"{values[-1]:,.0f} million rubles, but by less each year: from {growth[0]:+.0f}% to "
        f"{growth[-1]:+.0f}% on the year before.",
    )


def plan_and_outcome(planned: float, actual: float, heavy: float):
    """P33 (plan, 5 years), P34 (actual, 4 1/4 years), P35 (of which heavy industry), billion rubles; per year."""
    fig, axes = charts.new_chart("Investment in industry and electrification: plan and outcome", ncols=2)
    charts.bars(
        axes[0],
        ["plan\n(5 years)", "actual\n(4 1/4 years)"],
        [planned, actual],
        "official",
        units="billion rubles (prices not stated)",
        title="Totals as printed, and the part in heavy industry",
    )
    official = charts.KIND_STYLE["official"]  # the part drawn inside its total: heavy industry, printed in the text
    part = axes[0].bar(1, heavy, width=0.36, color=official["color"], edgecolor="white", linewidth=2)
    charts.tag(part.patches[0], "official").course_label = f"of which heavy industry {heavy:g}"
    axes[0].text(
        1, heavy / 2, f"of which\nheavy\nindustry\n{heavy:g}", ha="center", va="center", color="white", fontsize=8
    )
    per_year = [planned / 5, actual / 4.25]
    charts.bars(
        axes[1],
        ["plan\nper year", "actual\nper year"],
        per_year,
        "derived",
        units="billion rubles a year",
        title="Per year (derived)",
        decimals=2,
    )
    charts.source_line(
        fig,
        f"{TEXTBOOK}; no citation in the text. Figures P33-P35; per-year = total / years.",
        kinds=["official", "derived"],
    )
    return charts.set_point(
        fig,
        f"Investment beat the plan: {actual:g} billion rubles in 4 1/4 years against {planned:g} planned for 5 years.",
    )


def assets_and_output(assets: list[float], output: list[float]):
    """P38, P37 (fixed assets), P86, P85 (output), million rubles, and output per ruble of assets (derived)."""
    per_ruble = [o / a for o, a in zip(output, assets)]
    fig, axes = charts.new_chart(
        "Large-scale industry: fixed assets, output, and output per ruble of fixed assets", ncols=3
    )
    labels = ["1925", "end of period\n(1929?)"]  # the text does not date the second figure
    charts.bars(
        axes[0],
        labels,
        assets,
        "official",
        units="million rubles (price basis not stated)",
        title="Fixed assets",
        decimals=0,
    )
    charts.bars(
        axes[1],
        ["1925", "1929"],
        output,
        "official",
        units="million rubles, 1926/27 prices",
        title="Output",
        decimals=0,
    )
    charts.bars(
        axes[2],
        ["1925", "1929 output /\nassets (1929?)"],
        per_ruble,
        "derived",
        units="rubles of output per ruble of assets",
        title="Output per ruble of assets (derived)",
        decimals=2,
    )
    charts.source_line(
        fig,
        f"{TEXTBOOK}, citing Socialist Construction of the USSR, 1936, p. 3 (1913 coverage). "
        "Figures P37, P38, P85, P86; ratio computed by the course.",
        kinds=["official", "derived"],
    )
    return charts.set_point(
        fig,
        f"Output grew x{multiple(*output):.2f} and fixed assets x{multiple(*assets):.2f}, "
        f"so each ruble of assets yielded {per_ruble[0]:.2f} rubles of output in 1925 and "
        f"{per_ruble[1]:.2f} in 1929.",
    )


def construction():
    """P62, P63 (thousand construction workers) and P64-P66 (times, 1929 against 1925, as printed)."""
    v = data.value
    fig, axes = charts.new_chart("Construction: workers and building materials", ncols=2)
    charts.bars(
        axes[0],
        ["1924/25", "1929"],
        [v("P62"), v("P63")],
        "official",
        units="thousand construction workers",
        title="Construction workers",
    )
    charts.bars(
        axes[1],
        ["cement", "bricks", "glass"],
        [v("P64"), v("P65"), v("P66")],
        ["official", "official", "bound"],
        units="times (1929 output / 1925 output)",
        value_labels=[f"x{v('P64'):g}", f"x{v('P65'):g}", f"more than x{v('P66'):g}"],
        title="Output 1929 vs 1925, as printed",
    )
    charts.source_line(
        fig,
        f"{TEXTBOOK}; no citation in the text. Figures P62-P66. No levels of output are printed.",
        kinds=["official", "bound"],
    )
    return charts.set_point(
        fig,
        f"Construction workers grew x{multiple(v('P62'), v('P63')):.1f} from 1924/25 to "
        f"1929; cement output grew x{v('P64'):g}, bricks x{v('P65'):g} and glass more than "
        f"x{v('P66'):g}.",
    )
