"""Lecture 1's per-student variants: each exercise's pool (the first entry: the class version), the exercises that
keep fewer than three versions and why (``FIXED``), and ``text``, the replacements that turn the class prompt and
solution into a variant's. Instructor side only (left out of the student wheel, as every
``assignments/lecture*.py``)."""

from __future__ import annotations

from .. import arithmetic as ar
from ..data import figure, value

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
