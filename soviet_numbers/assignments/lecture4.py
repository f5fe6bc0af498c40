"""Lecture 4's exercises: a verdict on a bound, an outside growth rate, index numbers, catching up."""

from __future__ import annotations

from .. import arithmetic as ar
from ..compare import catch_up, gdppc
from .parts import Exercise, choice, exercise, growth_rate, number, times, written

# The synthetic economy of exercise 4.3 (the lecture's example uses other numbers), and its per-student variants
# (soviet_numbers.variants; the first is the class version). Machine prices are off the index explorer's 5% grid,
# so the explorer cannot simply be set to the exercise.
VARIANTS = {
    "4.3": [
        dict(machines_qty_multiple=5, machines_price_pct=42, cloth_qty_multiple=1.6, cloth_price_pct=100),
        dict(machines_qty_multiple=10, machines_price_pct=30, cloth_qty_multiple=1.6, cloth_price_pct=100),
        dict(machines_qty_multiple=4, machines_price_pct=48, cloth_qty_multiple=1.6, cloth_price_pct=100),
        dict(machines_qty_multiple=9, machines_price_pct=32, cloth_qty_multiple=1.6, cloth_price_pct=100),
    ]
}
# Exercise 4.4: countries Maddison covers in 1928-29 that the catch-up explorer does not offer (each country and year
# once: no variant's first answer is the class version's, which the public solution prints), and rates off its
# 0.5% grid (the first: the class version).
VARIANTS["4.4"] = [
    dict(target="ESP", year=1928, ussr_rate=6, target_rate=1.5),
    dict(target="FIN", year=1928, ussr_rate=6, target_rate=1.5),
    dict(target="ESP", year=1929, ussr_rate=5.4, target_rate=1.6),
    dict(target="FIN", year=1929, ussr_rate=5.8, target_rate=1.2),
]
# Exercise 4.2: Maddison's SUN over a window of the first five-year plan's years, and one of those years as a per cent
# of 1913 (the first: the class version). Lecture 4 computes SUN's growth only for 1925-1929; windows whose rate it
# prints by chance (1928-1932: 1.24, its 1925-1929 multiple; 1929-1933: 1.9; 1929-1932: 1.3) are left out.
VARIANTS["4.2"] = [
    dict(start=1928, end=1933, year=1928),
    dict(start=1928, end=1931, year=1931),
    dict(start=1929, end=1931, year=1929),
    dict(start=1931, end=1933, year=1933),
]
SYNTHETIC = VARIANTS["4.3"][0]
CATCH_UP = VARIANTS["4.4"][0]
NAMES = {"ESP": "Spain", "FIN": "Finland"}


def text(exercise_id: str, v: dict) -> list[tuple[str, str]]:
    if exercise_id == "4.2":
        s, e, y = v["start"], v["end"], v["year"]
        return [
            ("GDP per person from 1928 to 1933,", f"GDP per person from {s} to {e},"),
            ("GDP per person in 1928 as a **per cent** of 1913", f"GDP per person in {y} as a **per cent** of 1913"),
            (
                'average_annual_growth(gdppc("SUN", 1928), gdppc("SUN", 1933), 5)',
                f'average_annual_growth(gdppc("SUN", {s}), gdppc("SUN", {e}), {e - s})',
            ),
            ('= gdppc("SUN", 1928) / gdppc("SUN", 1913)', f'= gdppc("SUN", {y}) / gdppc("SUN", 1913)'),
        ]
    if exercise_id == "4.3":
        m, p, c = v["machines_qty_multiple"], v["machines_price_pct"], v["cloth_qty_multiple"]
        return [
            (
                "machine output grows **5 times** and the machine price falls to **42%**",
                f"machine output grows **{m} times** and the machine price falls to **{p}%**",
            ),
            ("10 * 5 * 10)", f"10 * {m} * 10)"),
            ("10 * 5 * 4.2) / (100 * 1 + 10 * 4.2)", f"10 * {m} * {p / 10:g}) / (100 * 1 + 10 * {p / 10:g})"),
        ]
    if exercise_id == "4.4":
        c = CATCH_UP
        out = [(", 6, 1.5)", f", {v['ussr_rate']:g}, {v['target_rate']:g})")] if v != c else []
        if v["ussr_rate"] != c["ussr_rate"] or v["target_rate"] != c["target_rate"]:
            out.append(
                (
                    "at 6% a year for the USSR and 1.5% a year",
                    f"at {v['ussr_rate']:g}% a year for the USSR and {v['target_rate']:g}% a year",
                )
            )
        if v["target"] != c["target"]:
            out += [(NAMES[c["target"]], NAMES[v["target"]]), (f'"{c["target"]}"', f'"{v["target"]}"')]
        if v["year"] != c["year"]:
            y0, y1 = c["year"], v["year"]
            out += [
                (f"The USSR in {y0}", f"The USSR in {y1}"),
                (f"'s in {y0};", f"'s in {y1};"),
                (f"from their {y0} levels", f"from their {y1} levels"),
                (f", {y0})", f", {y1})"),
            ]
        return out
    return []


def build(variant: dict | None = None) -> list[Exercise]:
    synthetic = ar.index_problem(**{**SYNTHETIC, **(variant or {}).get("4.3", {})})
    cu = {**CATCH_UP, **(variant or {}).get("4.4", {})}
    plan = {**VARIANTS["4.2"][0], **(variant or {}).get("4.2", {})}
    start, end, year = plan["start"], plan["end"], plan["year"]
    name = NAMES[cu["target"]]
    return [
        exercise(
            "4.1",
            "A verdict on a claim built on a lower bound",
            choice(
                "verdict_almost_ten_times",
                "cannot tell",
                ("matches", "consistent", "off", "cannot tell"),
                hints=(
                    "one of the course's verdict words, or 'cannot tell'.",
                    "P06 is printed as 'over a billion': a lower bound. What does the bound tell you about how "
                    "large the real multiple could be?",
                    "'almost N' needs a value just under N; a lower bound only says 'at least'.",
                ),
            ),
        ),
        exercise(
            "4.2",
            "An outside series over the plan years",
            growth_rate(
                "maddison_growth_rate",
                ar.average_annual_growth(gdppc("SUN", start), gdppc("SUN", end), end - start),
                multiple=gdppc("SUN", end) / gdppc("SUN", start),
                years=end - start,
                hints=(
                    "a compound average growth rate of GDP per person, in per cent a year.",
                    f"Maddison's SUN row for {start} and for {end} (gdppc('SUN', year)); count the years.",
                    "average_annual_growth(start, end, years).",
                ),
            ),
            number(
                "ussr_percent_of_1913",
                gdppc("SUN", year) / gdppc("SUN", 1913) * 100,
                what="a per cent",
                unit="%",
                decimals=1,
                hints=(
                    f"{year}'s GDP per person as a per cent of 1913's, for the former USSR (SUN).",
                    f"gdppc('SUN', {year}) and gdppc('SUN', 1913).",
                    "later / earlier * 100.",
                ),
            ),
        ),
        exercise(
            "4.3",
            "The index-number problem, by hand (synthetic numbers)",
            times(
                "growth_base_year_prices",
                synthetic["base_year_prices"],
                hints=(
                    "a multiple: output growth with both years valued at base-year prices.",
                    "the base year has 100 units of cloth at 1 ruble and 10 machines at 10 rubles; the end year's "
                    "quantities come from the multiples in the exercise.",
                    "sum(end quantity x base price) / sum(base quantity x base price).",
                ),
            ),
            times(
                "growth_end_year_prices",
                synthetic["end_year_prices"],
                hints=(
                    "a multiple: the same growth, with both years valued at end-year prices.",
                    "end-year prices come from the base prices and the price changes in the exercise.",
                    "sum(end quantity x end price) / sum(base quantity x end price).",
                ),
            ),
        ),
        exercise(
            "4.4",
            f"How far behind {name}? The USSR in {cu['year']}",
            number(
                "ussr_percent_of_country",
                gdppc("SUN", cu["year"]) / gdppc(cu["target"], cu["year"]) * 100,
                what="a per cent",
                unit="%",
                decimals=1,
                hints=(
                    f"the USSR's GDP per person as a per cent of {name}'s, in {cu['year']}.",
                    f"Maddison's SUN and {cu['target']} rows for {cu['year']} (gdppc(code, year)).",
                    f"USSR / {name} * 100.",
                ),
            ),
            number(
                "years_to_catch_up_country",
                catch_up(**cu)["years"],
                what="a number of years",
                unit="years",
                decimals=1,
                hints=(
                    "a number of years, at constant growth rates (a projection, not a forecast).",
                    f"the USSR grows {cu['ussr_rate']:g}% a year and {name} {cu['target_rate']:g}% a year, from "
                    f"their {cu['year']} levels.",
                    f"years_to_catch_up(level, target, {cu['ussr_rate']:g}, {cu['target_rate']:g}), or "
                    f"log(target / level) / log({1 + cu['ussr_rate'] / 100:g} / {1 + cu['target_rate'] / 100:g}).",
                ),
            ),
        ),
        exercise(
            "4.5",
            "Written answer: why do the official and outside growth rates differ?",
            written(
                "written_answer_growth",
                length="3 to 5 sentences",
                min_words=40,
                max_words=200,
                self_check=(
                    "says what each series measures, and for which territory",
                    "gives at least two reasons for the gap, with a number",
                    "says where official and outside figures agree, and why",
                    "does not call either series 'the truth'",
                ),
                rubric=(
                    "different things measured: gross output of census industry vs GDP per person",
                    "prices and index numbers (1926/27 prices)",
                    "recovery from a low 1925 base",
                    "steel agrees because it is a physical quantity from a shared source",
                ),
            ),
        ),
        exercise(
            "4.6",
            "Written answer: which plan?",
            written(
                "written_answer_plan",
                length="3 to 5 sentences",
                min_words=40,
                max_words=200,
                self_check=(
                    "asks which version of the plan, adopted when",
                    "says what source a target needs before it is quoted",
                    "matches periods and prices before comparing",
                    "says what the course could not verify",
                ),
                rubric=(
                    "plans had variants and were revised",
                    "a target needs its source and date",
                    "unverified figures are reported as unverified, not as fact",
                    "periods and prices must match before comparing",
                ),
            ),
        ),
        exercise(
            "4.7",
            'Written answer: what can "in 1926/27 prices" hide?',
            written(
                "written_answer_prices",
                length="3 to 5 sentences",
                min_words=40,
                max_words=200,
                self_check=(
                    "explains what a constant-price index does, in your own words",
                    "says which goods get large weights at 1926/27 prices, and why that matters",
                    "names at least one other reason the figures may overstate growth",
                    "treats the figures as official claims",
                ),
                rubric=(
                    "base-year prices weight the fast-growing goods (machines) heavily",
                    "new products entered at high early prices",
                    "the index-number problem (Gerschenkron effect)",
                    "coverage and quality, and who compiled the figures",
                ),
            ),
        ),
    ]
