"""Lecture 1's exercises: the lecture's methods applied to figures it does not compute."""

from __future__ import annotations

from .. import arithmetic as ar
from ..data import figure, value
from .parts import Exercise, boolean, choice, exercise, growth_rate, number, per_cent_change, written

# Per-student variants (soviet_numbers.variants): each pool's first entry is the class version; ``text`` gives the
# (class text, variant text) replacements in the exercise's cells of the solution notebook. Every variant figure is a
# real one, read from data/ by its id (or, for 1.2 and 1.6, from an outside table by row and column); only 1.5's rise
# is made up, in an exercise that says so. None is computed by lecture 1 or its explorers.
COW_RUS = ("cow", "RUS")  # Correlates of War, rows with stateabb RUS (the USSR from 1922)
MADDISON_SUN = ("maddison", "SUN")  # Maddison Project, the former USSR
VARIANTS = {
    # 1.1: another share printed for two dates, whose per cent change no lecture computes
    "1.1": [
        dict(
            title="Administration in industry: how much did its share fall?",
            share="administrative expenses in industry as a share of gross industrial output",
            passage="The same passage (L057) gives a second",
            start="P20",
            end="P21",
        ),
        dict(
            title="Percussion drilling: how much did its share fall?",
            share="percussion (rod and cable) drilling as a share of oil-well drilling",
            passage="Lecture 2's passage on oil (L118) gives another",
            start="P50",
            end="P51",
        ),
    ],
    # 1.2: a count of people at two dates (the lecture's explorer offers none of them)
    "1.2": [
        dict(name="the number of savers", source=("figures",), column="", start="P12", end="P14", years=4),
        dict(name="the urban population", source=COW_RUS, column="upop", start=1925, end=1929, years=4),
        dict(
            name="the population, 1928 to 1933",
            source=MADDISON_SUN,
            column="pop_thousand",
            start=1928,
            end=1933,
            years=5,
        ),
    ],
    # 1.4: another stock printed at two dates, whose change no lecture computes
    "1.4": [
        dict(
            title="Savings deposits",
            stock="savings deposits",
            short="deposits",
            held="what depositors held",
            unit="million rubles",
            start="P13",
            end="P15",
            on_start="on 1 October 1925",
            on_end="on 1 October 1929",
            where="deposits on 1 Oct 1925 (P13) and on 1 Oct 1929 (P15)",
        ),
        dict(
            title="Savings-bank depositors",
            stock="the number of savings-bank depositors",
            short="the number of depositors",
            held="how many depositors there were",
            unit="thousand people",
            start="P12",
            end="P14",
            on_start="on 1 October 1925",
            on_end="on 1 October 1929",
            where="depositors on 1 Oct 1925 (P12) and on 1 Oct 1929 (P14)",
        ),
        dict(
            title="Coal-cutting machines",
            stock="the heavy coal-cutting machines of the coal industry",
            short="the number of machines",
            held="how many machines there were",
            unit="machines",
            start="P41",
            end="P42",
            on_start="in 1925/26",
            on_end="at the end of 1929",
            where="heavy coal-cutting machines in 1925/26 (P41) and at the end of 1929 (P42)",
        ),
        dict(
            title="Industry's fixed assets",
            stock="the fixed assets of large-scale industry",
            short="fixed assets",
            held="what industry's fixed assets were worth",
            unit="million rubles",
            start="P38",
            end="P37",
            on_start="in 1925",
            on_end="'by the end of the period', a year the text does not print",
            where="fixed assets in 1925 (P38) and by the end of the period (P37)",
        ),
    ],
    "1.5": [{"raise_pct": 20}, {"raise_pct": 15}, {"raise_pct": 30}, {"raise_pct": 40}],
    # 1.6: an average (a total over a count of people) at two dates, from the outside table with both series
    "1.6": [
        dict(name="the average deposit", count="the number of depositors", total="", start=1925, end=1929),
        dict(name="steel per person", count="the population", total="irst", start=1925, end=1929),
        dict(name="energy per person", count="the population", total="pec", start=1925, end=1929),
        dict(name="energy per person", count="the population", total="pec", start=1928, end=1932),
    ],
}
FIXED = {
    "1.1": "Two versions only (the class share and percussion drilling, P50 -> P51): the chapter's other shares at "
    "two dates are the class versions of exercises 2.4 and 5.3, whose public solutions print their per cent change.",
    "1.3": "The chapter prints only one other part with its share and the total they imply outside this lecture's "
    "budget (Group A, 1913: P92, P95 and P87); Group A's 1929 share (45%) is rounded to a whole per cent, too coarse "
    "to test against a total printed to the million, so no pool of three exists.",
}
COW_WORDS = {
    "upop": "urban population, in thousands",
    "tpop": "total population, in thousands",
    "irst": "iron and steel, thousand tons",
    "pec": "primary energy consumption, thousand coal-ton equivalents",
}


def _outside(source: tuple, column: str, year: int) -> float:
    """One value of an outside table: COW (``("cow", state)``) or Maddison (``("maddison", country)``)."""
    from ..data import COW_FILE, MADDISON_FILE, external_table

    kind, code = source
    table = external_table(COW_FILE if kind == "cow" else MADDISON_FILE)
    rows = table[(table["stateabb" if kind == "cow" else "countrycode"] == code) & (table["year"] == year)]
    return float(rows[column].iloc[0])


def _period(figure_id: str) -> str:
    """A figure's period as printed, with the text's stray spaces around a slash removed ('1926 / 27')."""
    return figure(figure_id)["period_printed"].replace(" / ", "/")


def _count(v: dict, which: str) -> float:
    """1.2's start or end value."""
    return value(v[which]) if v["source"] == ("figures",) else _outside(v["source"], v["column"], v[which])


def _table_words(v: dict) -> str:
    if v["source"] == COW_RUS:
        return (
            'the Correlates of War table (`data.cow_nmc()`: rows with `stateabb` "RUS", the USSR;\n'
            f"column `{v['column']}`, {COW_WORDS[v['column']]})"
        )
    return (
        'Maddison\'s table (`data.maddison()`: rows with `countrycode` "SUN", the former USSR;\n'
        "column `pop_thousand`, population in thousands)"
    )


def _code_1_2(v: dict) -> str:
    if v["source"] == COW_RUS:
        rows = f'data.cow_nmc().query("stateabb == \'RUS\'").set_index("year")["{v["column"]}"]'
    else:
        rows = 'data.maddison().query("countrycode == \'SUN\'").set_index("year")["pop_thousand"]'
    return (
        f"series = {rows}\n"
        f"depositors_growth_rate = average_annual_growth(series[{v['start']}], series[{v['end']}], {v['years']})"
    )


def _averages_1_6(v: dict) -> tuple[float, float]:
    """1.6's average at the start and at the end (rubles per depositor, or per person: tons or coal-ton equivalents)."""
    if not v["total"]:
        return value("P13") * 1e6 / (value("P12") * 1e3), value("P15") * 1e6 / (value("P14") * 1e3)
    return tuple(_outside(COW_RUS, v["total"], y) / _outside(COW_RUS, "tpop", y) for y in (v["start"], v["end"]))


def _count_rate_1_6(v: dict) -> float:
    if not v["total"]:
        return ar.average_annual_growth(value("P12"), value("P14"), 4)
    y0, y1 = v["start"], v["end"]
    return ar.average_annual_growth(_outside(COW_RUS, "tpop", y0), _outside(COW_RUS, "tpop", y1), y1 - y0)


def text(exercise_id: str, v: dict) -> list[tuple[str, str]]:
    c = VARIANTS[exercise_id][0]
    if exercise_id == "1.1":
        p0, p1 = _period(v["start"]), _period(v["end"])
        return [
            (c["title"], v["title"]),
            (
                f"{c['passage']}\nshare: {c['share']}, in 1926/27 (P20) and 1928/29 (P21).",
                f"{v['passage']}\nshare: {v['share']}, in {p0} ({v['start']}) and {p1} ({v['end']}).",
            ),
            ("of that share from 1926/27 to 1928/29", f"of that share from {p0} to {p1}"),
            (
                'percent_change(data.value("P20"), data.value("P21"))',
                f'percent_change(data.value("{v["start"]}"), data.value("{v["end"]}"))',
            ),
        ]
    if exercise_id == "1.2":
        return [
            (f"growth of {c['name']}", f"growth of {v['name']}"),
            (
                "to the number of savings-bank\ndepositors, from 1 October 1925 (P12) to 1 October 1929 (P14).",
                f"to {v['name'].split(',')[0]} in\n{_table_words(v)}, from {v['start']} to {v['end']}.",
            ),
            ('depositors_growth_rate = average_annual_growth(data.value("P12"), data.value("P14"), 4)', _code_1_2(v)),
        ]
    if exercise_id == "1.4":
        return [
            (f"{c['title']}: a stock and its change", f"{v['title']}: a stock and its change"),
            (
                "Do the same for savings deposits\n(P13 on 1 October 1925, P15 on 1 October 1929).",
                f"Do the same for {v['stock']}\n({v['start']} {v['on_start']}, {v['end']} {v['on_end']}).",
            ),
            ("by how much deposits grew, **in million rubles**", f"by how much {v['short']} grew, **in {v['unit']}**"),
            ('data.value("P15") - data.value("P13")', f'data.value("{v["end"]}") - data.value("{v["start"]}")'),
        ]
    if exercise_id == "1.5":
        return [("**20% higher**", f"**{v['raise_pct']}% higher**"), ("* 1.2 /", f"* {1 + v['raise_pct'] / 100:g} /")]
    if exercise_id == "1.6":
        y0, y1, total = v["start"], v["end"], v["total"]
        cow = 'data.cow_nmc().query("stateabb == \'RUS\'").set_index("year")'
        return [
            (
                "The average deposit: how fast did it grow?",
                f"{v['name'].capitalize()}, {y0} to {y1}: how fast did it grow?",
            ),
            (
                "rise. How fast did it grow per year?",
                f"rise. Do the same for\n{v['name']} in the Correlates of War table (`data.cow_nmc()`, rows with "
                f'`stateabb` "RUS", the USSR):\n`{total}` ({COW_WORDS[total]}) over `tpop` (total population, in '
                "thousands). How fast did it grow per year?",
            ),
            (
                "the average deposit, from 1 October 1925\n  to 1 October 1929, **in per cent a year** (deposits are "
                "in million rubles, depositors in thousands);",
                f"{v['name']}, from {y0}\n  to {y1}, **in per cent a year** (calendar years);",
            ),
            (f'`"{c["name"]}"` or `"{c["count"]}"`', f'`"{v["name"]}"` or `"{v["count"]}"`'),
            (
                'average_1925 = data.value("P13") * 1e6 / (data.value("P12") * 1e3)\n'
                'average_1929 = data.value("P15") * 1e6 / (data.value("P14") * 1e3)\n'
                "average_deposit_growth_rate = average_annual_growth(average_1925, average_1929, 4)\n"
                'grew_faster = "the number of depositors"',
                f"rus = {cow}\n"
                f'average_{y0} = rus.loc[{y0}, "{total}"] / rus.loc[{y0}, "tpop"]\n'
                f'average_{y1} = rus.loc[{y1}, "{total}"] / rus.loc[{y1}, "tpop"]\n'
                f"average_deposit_growth_rate = average_annual_growth(average_{y0}, average_{y1}, {y1 - y0})\n"
                f'grew_faster = "{_faster_1_6(v)}"',
            ),
        ]
    return []


def _faster_1_6(v: dict) -> str:
    first, last = _averages_1_6(v)
    return (
        v["count"] if _count_rate_1_6(v) > ar.average_annual_growth(first, last, v["end"] - v["start"]) else v["name"]
    )


def _pick(variant: dict | None, exercise_id: str) -> dict:
    return {**VARIANTS[exercise_id][0], **(variant or {}).get(exercise_id, {})}


def build(variant: dict | None = None) -> list[Exercise]:
    raise_pct = _pick(variant, "1.5")["raise_pct"]
    shares, counts, stocks, averages = (_pick(variant, ex) for ex in ("1.1", "1.2", "1.4", "1.6"))
    s0, s1 = shares["start"], shares["end"]
    c0, c1 = _count(counts, "start"), _count(counts, "end")
    k0, k1 = stocks["start"], stocks["end"]
    budget_1929_30 = ar.implied_total(value("P17"), value("P19"))
    investment = ar.implied_total(value("P35"), value("P36"))
    average_first, average_last = _averages_1_6(averages)
    average_years = averages["end"] - averages["start"]
    average_rate = ar.average_annual_growth(average_first, average_last, average_years)
    if counts["source"] == ("figures",):
        where = "P12 (1 Oct 1925) to P14 (1 Oct 1929)"
    else:
        table = "COW's RUS rows" if counts["source"] == COW_RUS else "Maddison's SUN rows"
        where = f"{table}, column {counts['column']}, {counts['start']} to {counts['end']}"
    if averages["total"]:
        average_hints = (
            f"a compound average growth rate of {averages['name']}, in per cent a year.",
            f"each year's average is {averages['total']} / tpop (COW's RUS rows, {averages['start']} and "
            f"{averages['end']}); the growth is over the years between them.",
            "average = total / population in each year; then average_annual_growth(first, last, years).",
        )
        faster_hint = "your rate above, and the growth rate of tpop over the same years."
    else:
        average_hints = (
            "a compound average growth rate of rubles per depositor, in per cent a year.",
            "each year's average is deposits / depositors (P13 / P12 and P15 / P14): mind millions and "
            "thousands; the growth is over the years from 1 Oct 1925 to 1 Oct 1929.",
            "average = deposits * 1e6 / (depositors * 1e3); then average_annual_growth(first, last, years).",
        )
        faster_hint = "your rate above, and the growth rate of depositors (P12 to P14)."
    return [
        exercise(
            "1.1",
            shares["title"],
            per_cent_change(
                "admin_industry_change",
                ar.percent_change(value(s0), value(s1)),
                points_change=value(s1) - value(s0),
                hints=(
                    "a per cent change of a share (negative for a fall), not a difference in percentage points.",
                    f"{s0} ({_period(s0)}) is the start and {s1} ({_period(s1)}) the "
                    "end; a fall gives a negative number.",
                    "(end / start - 1) * 100, or percent_change(start, end).",
                ),
            ),
        ),
        exercise(
            "1.2",
            f"Average annual growth of {counts['name']}",
            growth_rate(
                "depositors_growth_rate",
                ar.average_annual_growth(c0, c1, counts["years"]),
                multiple=c1 / c0,
                years=counts["years"],
                hints=(
                    "a compound average growth rate, in per cent a year.",
                    f"{where}: count the years between the two dates. Dividing the total growth by the years "
                    "ignores compounding.",
                    "((end / start) ** (1 / years) - 1) * 100, or average_annual_growth(start, end, years).",
                ),
            ),
        ),
        exercise(
            "1.3",
            "A total the text implies: all investment, from heavy industry's part",
            number(
                "implied_total_investment",
                investment,
                what="billion rubles",
                unit="billion rubles",
                decimals=2,
                hints=(
                    "a total, in billion rubles, implied by a part and its share.",
                    "the part is P35 and its share P36 (a per cent: turn it into a fraction).",
                    "total = part / (share / 100), or implied_total(part, share).",
                ),
            ),
            boolean(
                "agrees_with_text",
                round(investment, 1) == value("P34"),
                hints=(
                    "True or False: does your total, at the text's precision, equal the total the text prints?",
                    "the printed total is P34, given to one decimal.",
                    "round(your_total, 1) == data.value('P34').",
                ),
            ),
        ),
        exercise(
            "1.4",
            f"{stocks['title']}: a stock and its change",
            number(
                "deposits_increase",
                value(k1) - value(k0),
                what=stocks["unit"],
                unit=stocks["unit"],
                decimals=1,
                hints=(
                    f"an increase, in {stocks['unit']}.",
                    f"{stocks['where']}; later minus earlier.",
                    "increase = end - start.",
                ),
            ),
            choice(
                "increase_is",
                "a change",
                ("a stock", "a change"),
                hints=(
                    "a stock is measured at a date; a change is measured between two dates.",
                    f"which is your number: {stocks['held']} on one day, or how much that grew?",
                    "end - start of a stock is its change over the period.",
                ),
            ),
        ),
        exercise(
            "1.5",
            "What if administrative spending had risen?",
            number(
                "share_if_spending_rose",
                value("P16") * (1 + raise_pct / 100) / budget_1929_30 * 100,
                what="a share in per cent",
                unit="%",
                decimals=1,
                hints=(
                    "a share of the 1929/30 budget, in per cent, in a what-if.",
                    f"spending is P16 raised by {raise_pct}%; the budget is the one P17 and P19 imply (a derived "
                    "figure).",
                    f"share = part / whole * 100, with part = P16 * {1 + raise_pct / 100:g} and whole = "
                    "implied_total(P17, P19).",
                ),
            ),
        ),
        exercise(
            "1.6",
            "The average deposit: how fast did it grow?"
            if not averages["total"]
            else f"{averages['name'].capitalize()}, {averages['start']} to {averages['end']}: how fast did it grow?",
            growth_rate(
                "average_deposit_growth_rate",
                average_rate,
                multiple=average_last / average_first,
                years=average_years,
                hints=average_hints,
            ),
            choice(
                "grew_faster",
                _faster_1_6(averages),
                (averages["name"], averages["count"]),
                hints=(
                    "compare two growth rates over the same years.",
                    faster_hint,
                    "the larger average_annual_growth(...) grew faster.",
                ),
            ),
        ),
        exercise(
            "1.7",
            "Written answer: what does a falling share show?",
            written(
                "written_answer",
                length="3 to 5 sentences",
                min_words=40,
                max_words=200,
                self_check=(
                    "uses at least one number you computed, with its unit",
                    "separates what the figures show from what they do not show",
                    "says which numbers are official and which are derived",
                    "names who reports the figures, and why that matters",
                ),
                rubric=(
                    "the budget itself grew (the denominator): most of the fall in the share",
                    "administrative spending fell much less than its share did",
                    "prices, coverage or definitions may have changed (nominal rubles)",
                    "an official claim, from a congress report quoted by a propaganda textbook",
                ),
            ),
        ),
        exercise(
            "1.8",
            "Written answer: what does the chapter leave out?",
            written(
                "written_answer_silences",
                length="3 to 5 sentences",
                min_words=40,
                max_words=200,
                self_check=(
                    "names at least two things the chapter does not mention",
                    "says for each why it matters for the sources of accumulation",
                    "keeps the course's context apart from the text's claims",
                    "says what evidence would be needed, instead of inventing numbers",
                ),
                rubric=(
                    "the peasantry's burden: procurement prices, taxes, collectivization from 1929-30",
                    "prices and money: nominal rubles, no price index, money issue not given",
                    "consumption and real wages",
                    "'voluntary' loans: subscription campaigns and workplace pressure",
                ),
            ),
        ),
    ]
