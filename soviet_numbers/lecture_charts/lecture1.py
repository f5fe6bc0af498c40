"""Lecture 1's charts: sources of accumulation (budget, state debt, savings banks, administrative expenses)."""

from __future__ import annotations

from .. import charts, data
from ..arithmetic import average_annual_growth, implied_total, multiple

TEXTBOOK = charts.TEXTBOOK


def budget_excess(first: float, last_millions: float):
    """P05 (1925/26) and P06 ("over a billion", 1929/30) in million rubles: an official figure and a lower bound."""
    fig, ax = charts.new_chart("Budget financing of industry in excess of industry's payments to the budget")
    charts.bars(
        ax,
        ["1925/26", "1929/30"],
        [first, last_millions],
        ["official", "bound"],
        units="million rubles (current prices)",
        value_labels=[f"{first:g}", "over 1,000"],
        title="official claim; 1929/30 is a lower bound",
    )
    charts.source_line(
        fig,
        f"{TEXTBOOK}, citing 'Ibid., p. 137' (Kuibyshev materials, 1930). Figures P05, P06.",
        kinds=["official", "bound"],
    )
    return charts.set_point(
        fig,
        f"The budget's excess financing of industry grew from {first:g} million rubles in "
        f"1925/26 to over a billion in 1929/30: at least x{multiple(first, last_millions):.1f}.",
    )


def state_debt(start: float, end: float):
    """P08 and P09 (million rubles), and the increase P09 - P08 (derived)."""
    fig, ax = charts.new_chart("State debt of the USSR, and the increase the text calls lending")
    charts.bars(
        ax,
        ["Oct 1925\n(debt)", "Oct 1930\n(debt)", "increase\n(derived)"],
        [start, end, end - start],
        ["official", "official", "derived"],
        units="million rubles (current prices)",
    )
    charts.source_line(
        fig,
        f"{TEXTBOOK}; no citation in the text. Figures P08, P09; increase = P09 - P08.",
        kinds=["official", "derived"],
    )
    return charts.set_point(
        fig,
        f"The state debt grew x{multiple(start, end):.1f}, from {start:,.0f} million rubles "
        f"in October 1925 to {end:,.0f} million in October 1930, an increase of "
        f"{end - start:,.0f} million.",
    )


def savings_banks(depositors: list[float], deposits: list[float]):
    """P12, P14 (thousand depositors), P13, P15 (million rubles) and the average deposit (derived)."""
    average = [dep * 1e6 / (n * 1e3) for dep, n in zip(deposits, depositors)]  # rubles per depositor
    fig, axes = charts.new_chart("Savings banks, 1 Oct 1925 and 1 Oct 1929", ncols=3)
    labels = ["1 Oct 1925", "1 Oct 1929"]
    charts.bars(axes[0], labels, depositors, "official", units="thousand depositors", title="Depositors", decimals=0)
    charts.bars(axes[1], labels, deposits, "official", units="million rubles (current prices)", title="Deposits")
    charts.bars(axes[2], labels, average, "derived", units="rubles per depositor", title="Average deposit (derived)")
    charts.source_line(
        fig,
        f"{TEXTBOOK}; no citation in the text. Figures P12-P15; average = deposits / depositors.",
        kinds=["official", "derived"],
    )
    return charts.set_point(
        fig,
        f"From 1925 to 1929 depositors grew x{multiple(*depositors):.1f} and deposits "
        f"x{multiple(*deposits):.1f}, so the average deposit "
        f"{'rose' if average[1] > average[0] else 'fell'} from {average[0]:.0f} to "
        f"{average[1]:.0f} rubles.",
    )


def administrative_expenses(spend: list[float], share: list[float], budget_total: list[float]):
    """P16, P17 (million rubles), P18, P19 (% of the budget) and the implied budget (derived)."""
    fig, axes = charts.new_chart("Administrative expenses in the unified state budget, 1926/27 and 1929/30", ncols=3)
    labels = ["1926/27", "1929/30"]
    charts.bars(
        axes[0], labels, spend, "official", units="million rubles (current prices)", title="Administrative expenses"
    )
    charts.bars(
        axes[1], labels, share, "official", units="% of the unified state budget", title="Their share", decimals=2
    )
    charts.bars(
        axes[2],
        labels,
        budget_total,
        "derived",
        units="million rubles (current prices)",
        title="Implied budget (derived)",
        decimals=0,
    )
    charts.source_line(
        fig,
        f"{TEXTBOOK}, citing Ordzhonikidze's report, XVI Congress (1935 ed.), pp. 564, 566. "
        "Figures P16-P19; budget = expenses / share.",
        kinds=["official", "derived"],
    )
    return charts.set_point(
        fig,
        f"Administrative expenses fell from {spend[0]:g} to {spend[1]:g} million rubles, "
        f"while their share fell faster, from {share[0]:g}% to {share[1]:g}%, because the "
        f"implied budget grew x{multiple(*budget_total):.1f}.",
    )


def average_growth():
    """Average change per year of five of the lecture's series, computed by the course (P05-P19)."""
    v = data.value
    budget_total = [implied_total(v("P16"), v("P18")), implied_total(v("P17"), v("P19"))]
    rows = [  # (what, first value, last value, years between them, kind of the result)
        ("Savings deposits, 1 Oct 1925-1929", v("P13"), v("P15"), 4, "derived"),
        ("Budget excess for industry, 1925/26-1929/30", v("P05"), data.value_in_millions("P06"), 4, "bound"),
        ("State debt, Oct 1925-Oct 1930", v("P08"), v("P09"), 5, "derived"),
        ("Implied state budget, 1926/27-1929/30", *budget_total, 3, "derived"),
        ("Administrative expenses, 1926/27-1929/30", v("P16"), v("P17"), 3, "derived"),
    ]
    rates = [average_annual_growth(first, last, years) for _, first, last, years, _ in rows]
    texts = [
        f"{rate:+.0f}% a year" + (" or more" if kind == "bound" else "") + f" (x{multiple(a, b):.2f} in {n} years)"
        for rate, (_, a, b, n, kind) in zip(rates, rows)
    ]
    fig, ax = charts.new_chart("Average change per year, computed by the course from the text's figures", left=3.5)
    charts.bars(
        ax,
        [r[0] for r in rows],
        rates,
        [r[4] for r in rows],
        horizontal=True,
        value_labels=texts,
        units="average change per year, % (compound; 0 = no change)",
    )
    ax.axvline(0, color="#444", linewidth=0.8)
    ax.set_xlim(-15, 250)
    charts.source_line(fig, f"{TEXTBOOK}. Figures P05-P19; rates computed by the course.", kinds=["derived", "bound"])
    fastest = max(range(len(rows)), key=lambda i: rates[i])
    return charts.set_point(
        fig,
        f"Of five series, {rows[fastest][0].split(',')[0].lower()} grew fastest, "
        f"{rates[fastest]:.0f}% a year or more; administrative expenses fell "
        f"{-rates[-1]:.0f}% a year.",
    )
