"""The exercises of each lecture. Expected answers are computed from ``data/``, never typed in.

A check cell in a notebook calls ``check("1.2", my_answer)``; the instructor's grader
(:mod:`soviet_numbers.grading`) applies the same parts' checkers to the answers read back from a submission.
Hints name figure ids, never the data's values: the values live in ``data/`` alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from . import arithmetic as ar
from .checks import Feedback, check_bool, check_choice, check_number, check_text, safely
from .data import value, value_in_millions


@dataclass(frozen=True)
class Part:
    variable: str
    checker: Callable[[object], Feedback]
    points: float = 1.0


@dataclass(frozen=True)
class Exercise:
    exercise_id: str
    title: str
    parts: tuple[Part, ...]
    written: bool = False


def _lecture1() -> list[Exercise]:
    debt = ar.multiple(value("P08"), value("P09"))
    deposits_rate = ar.average_annual_growth(value("P13"), value("P15"), 4)
    budget_1930 = ar.implied_total(value("P17"), value("P19"))
    lent = value("P09") - value("P08")
    dec = ar.decompose_share_change(
        value("P16"), value("P17"), ar.implied_total(value("P16"), value("P18")), budget_1930
    )
    avg_1925 = value("P13") * 1e6 / (value("P12") * 1e3)
    avg_1929 = value("P15") * 1e6 / (value("P14") * 1e3)
    return [
        Exercise(
            "1.1",
            "How many times did the state debt grow?",
            (
                Part(
                    "debt_multiple",
                    partial(
                        check_number,
                        expected=debt,
                        what="the multiple (e.g. 3.5)",
                        unit="times",
                        rel_tol=0.005,
                        hint="divide the debt of October 1930 (P09) by the debt of October 1925 (P08).",
                    ),
                ),
            ),
        ),
        Exercise(
            "1.2",
            "Average annual growth of savings deposits",
            (
                Part(
                    "deposits_growth_rate",
                    partial(
                        check_number,
                        expected=deposits_rate,
                        what="a growth rate in per cent a year",
                        unit="% a year",
                        rel_tol=0.01,
                        hint="1 Oct 1925 to 1 Oct 1929 is 4 years. Compound growth: "
                        "((end / start) ** (1 / years) - 1) * 100. Dividing the total "
                        "growth by 4 ignores compounding.",
                    ),
                ),
            ),
        ),
        Exercise(
            "1.3",
            "The budget the text does not print",
            (
                Part(
                    "implied_budget_1929_30",
                    partial(
                        check_number,
                        expected=budget_1930,
                        what="the implied budget in million rubles",
                        unit="million rubles",
                        rel_tol=0.005,
                        decimals=0,
                        hint="administrative expenses of 1929/30 (P17) are a stated per cent "
                        "(P19) of the budget: divide the part by the share as a "
                        "fraction.",
                    ),
                ),
            ),
        ),
        Exercise(
            "1.4",
            'Check the claim "over 2 billion rubles"',
            (
                Part(
                    "amount_lent",
                    partial(
                        check_number,
                        expected=lent,
                        what="an amount in million rubles",
                        unit="million rubles",
                        rel_tol=0.001,
                        decimals=1,
                        hint="the amount lent is the growth of the debt: end minus start, in million rubles.",
                    ),
                ),
                Part(
                    "claim_holds",
                    partial(
                        check_bool,
                        expected=True,
                        hint="compare your amount (in million rubles) with the text's figure "
                        "P11, converted from billions to millions.",
                    ),
                ),
            ),
        ),
        Exercise(
            "1.5",
            "Why did the share of administration fall?",
            (
                Part(
                    "percent_from_budget_growth",
                    partial(
                        check_number,
                        expected=dec["fraction_from_whole"] * 100,
                        what="a per cent (0-100)",
                        unit="%",
                        rel_tol=0.02,
                        decimals=1,
                        hint="use decompose_share_change(P16, P17, budget_1926_27, "
                        "budget_1929_30) and read 'fraction_from_whole'; the two "
                        "budgets come from each year's expenses and share.",
                    ),
                ),
            ),
        ),
        Exercise(
            "1.6",
            "Read the savings chart",
            (
                Part(
                    "average_deposit_1929",
                    partial(
                        check_number,
                        expected=avg_1929,
                        what="rubles per depositor",
                        unit="rubles",
                        rel_tol=0.01,
                        decimals=1,
                        hint="deposits (P15) are in million rubles and depositors (P14) in "
                        "thousands: turn both into plain units before dividing.",
                    ),
                ),
                Part(
                    "average_deposit_direction",
                    partial(
                        check_choice,
                        expected="rose" if avg_1929 > avg_1925 else "fell",
                        options=("rose", "fell"),
                        hint=f"the average deposit on 1 Oct 1925 was {avg_1925:.1f} rubles.",
                    ),
                ),
            ),
        ),
        Exercise(
            "1.7",
            "Written answer: what does a falling share show?",
            (
                Part(
                    "written_answer",
                    partial(
                        check_text,
                        rubric={
                            "the budget itself grew (the denominator)": (
                                "denominator",
                                "budget grew",
                                "budget itself",
                                "growing budget",
                                "bigger budget",
                                "budget doubled",
                                "budget expanded",
                                "total budget",
                            ),
                            "administrative spending fell much less than the share (-18% vs -60%)": (
                                "18",
                                "17.6",
                                "absolute",
                                "rubles fell",
                                "only fell",
                            ),
                            "prices, coverage or definitions may have changed": (
                                "price",
                                "inflation",
                                "definition",
                                "coverage",
                                "reclassif",
                            ),
                            "who reports the number, and why (an official claim)": (
                                "official",
                                "propaganda",
                                "claim",
                                "source",
                                "ordzhonikidze",
                                "report",
                            ),
                        },
                    ),
                    points=0,
                ),
            ),
            written=True,
        ),
    ]


def _lecture2() -> list[Exercise]:
    plan = [value(f"P{i}") for i in range(27, 32)]
    plan_rate = ar.average_annual_growth(plan[0], plan[-1], 4)
    actual_per_year = value("P34") / 4.25
    productivity = ar.multiple(value("P86") / value("P38"), value("P85") / value("P37"))
    growth = [ar.percent_change(a, b) for a, b in zip(plan, plan[1:])]
    steps = ["1929/30", "1930/31", "1931/32", "1932/33"]
    return [
        Exercise(
            "2.1",
            "Do the five plan years add up to 16.4 billion?",
            (
                Part(
                    "plan_total",
                    partial(
                        check_number,
                        expected=sum(plan),
                        what="a total in million rubles",
                        unit="million rubles",
                        rel_tol=0.0005,
                        decimals=0,
                        hint="add the five yearly figures P27 to P31 (they are in million rubles).",
                    ),
                ),
                Part(
                    "rounds_to_16_4",
                    partial(
                        check_bool,
                        expected=round(sum(plan) / 1000, 1) == value("P32"),
                        hint="convert to billions (divide by 1,000) and round to one decimal.",
                    ),
                ),
            ),
        ),
        Exercise(
            "2.2",
            "Check the 86% share of heavy industry",
            (
                Part(
                    "heavy_share",
                    partial(
                        check_number,
                        expected=ar.share(value("P35"), value("P34")),
                        what="a share in per cent",
                        unit="%",
                        rel_tol=0.002,
                        decimals=1,
                        hint="heavy industry (P35) as a per cent of all investment (P34).",
                    ),
                ),
            ),
        ),
        Exercise(
            "2.3",
            "Average annual growth of planned investment",
            (
                Part(
                    "plan_growth_rate",
                    partial(
                        check_number,
                        expected=plan_rate,
                        what="a growth rate in per cent a year",
                        unit="% a year",
                        rel_tol=0.01,
                        decimals=1,
                        hint="from 1928/29 (P27) to 1932/33 (P31) is four steps, not five; use compound growth.",
                    ),
                ),
            ),
        ),
        Exercise(
            "2.4",
            "Plan and outcome per year",
            (
                Part(
                    "actual_per_year",
                    partial(
                        check_number,
                        expected=actual_per_year,
                        what="billion rubles a year",
                        unit="billion rubles a year",
                        rel_tol=0.005,
                        decimals=2,
                        hint="the amount actually invested (P34) covers 4 1/4 years, i.e. 4.25 years.",
                    ),
                ),
                Part(
                    "plan_per_year",
                    partial(
                        check_number,
                        expected=value("P33") / 5,
                        what="billion rubles a year",
                        unit="billion rubles a year",
                        rel_tol=0.005,
                        decimals=2,
                        hint="the plan's total with electrification (P33) covers five years.",
                    ),
                ),
            ),
        ),
        Exercise(
            "2.5",
            "Output per ruble of fixed assets",
            (
                Part(
                    "output_per_ruble_multiple",
                    partial(
                        check_number,
                        expected=productivity,
                        what="a multiple (e.g. 1.5)",
                        unit="times",
                        rel_tol=0.005,
                        hint="output per ruble of fixed assets is output / fixed assets "
                        "in each year (P86 / P38 and P85 / P37); then divide the "
                        "later ratio by the earlier one.",
                    ),
                ),
            ),
        ),
        Exercise(
            "2.6",
            "Read the plan chart: when was the plan's growth fastest?",
            (
                Part(
                    "fastest_growth_year",
                    partial(
                        check_choice,
                        expected=steps[growth.index(max(growth))],
                        options=steps,
                        hint="compute each year's growth over the year before: P28 / P27, P29 / P28 ...",
                    ),
                ),
            ),
        ),
        Exercise(
            "2.7",
            "Read the drilling chart: what is left over?",
            (
                Part(
                    "drilling_unexplained_1928_29",
                    partial(
                        check_number,
                        expected=100 - value("P49") - value("P51"),
                        what="percentage points",
                        unit="percentage points",
                        rel_tol=0.01,
                        abs_tol=0.05,
                        decimals=1,
                        hint="rotary and percussion shares of 1928/29 do not add up to 100: what remains?",
                    ),
                ),
            ),
        ),
        Exercise(
            "2.8",
            "Written answer: was the plan overfulfilled?",
            (
                Part(
                    "written_answer",
                    partial(
                        check_text,
                        rubric={
                            "the periods differ (4 1/4 years against 5)": (
                                "4 1/4",
                                "4.25",
                                "five years",
                                "5 years",
                                "period",
                                "shorter",
                            ),
                            "the text does not say whether plan and outcome are in the same prices": (
                                "price",
                                "inflation",
                                "nominal",
                                "constant",
                            ),
                            "which plan and what coverage (electrification included, variants revised)": (
                                "electrification",
                                "variant",
                                "revised",
                                "coverage",
                                "which plan",
                                "optimal",
                            ),
                            "an official claim, from a propaganda text": ("official", "propaganda", "claim", "source"),
                        },
                    ),
                    points=0,
                ),
            ),
            written=True,
        ),
    ]


def _lecture3() -> list[Exercise]:
    from .data import cow_nmc

    total_1913, total_1925, total_1929 = value_in_millions("P87"), value("P86"), value("P85")
    a_1913, a_1925, a_1929 = value("P92"), value("P91"), value("P90")
    b_1925, b_1929 = total_1925 - a_1925, total_1929 - a_1929
    cow = cow_nmc()
    rus = cow[cow["stateabb"] == "RUS"].set_index("year")["irst"]
    return [
        Exercise(
            "3.1",
            "Index numbers: 1929 against 1913",
            (
                Part(
                    "index_1929_vs_1913",
                    partial(
                        check_number,
                        expected=ar.share(total_1929, total_1913),
                        what="an index (1913 = 100)",
                        unit="(1913 = 100)",
                        rel_tol=0.002,
                        decimals=1,
                        hint="1929 output (P85, million rubles) against 1913 (P87, "
                        "billion rubles): put both in million rubles, then "
                        "divide and multiply by 100.",
                    ),
                ),
                Part(
                    "index_1929_vs_1913_full_circle",
                    partial(
                        check_number,
                        expected=ar.share(total_1929, value_in_millions("P88")),
                        what="an index (1913 full circle = 100)",
                        rel_tol=0.002,
                        decimals=1,
                        hint="the same, with the 'full circle' 1913 output of 11 billion rubles (P88).",
                    ),
                ),
            ),
        ),
        Exercise(
            "3.2",
            "Average annual growth, 1925 to 1929",
            (
                Part(
                    "output_growth_rate",
                    partial(
                        check_number,
                        expected=ar.average_annual_growth(total_1925, total_1929, 4),
                        what="a growth rate in per cent a year",
                        unit="% a year",
                        rel_tol=0.005,
                        decimals=1,
                        hint="four years from 1925 to 1929; compound growth.",
                    ),
                ),
            ),
        ),
        Exercise(
            "3.3",
            "Find the discrepancy: Group A's share in 1913",
            (
                Part(
                    "group_a_share_1913",
                    partial(
                        check_number,
                        expected=ar.share(a_1913, total_1913),
                        what="a share in per cent",
                        unit="%",
                        rel_tol=0.0005,
                        decimals=2,
                        hint="Group A in 1913 (P92) as a per cent of all large-scale output "
                        "in 1913 (P87, in billions: convert).",
                    ),
                ),
                Part(
                    "matches_text",
                    partial(
                        check_bool,
                        expected=round(ar.share(a_1913, total_1913), 1) == value("P95"),
                        hint="compare your share, rounded to one decimal, with the share the text prints (P95).",
                    ),
                ),
            ),
        ),
        Exercise(
            "3.4",
            "Group B, which the text does not print",
            (
                Part(
                    "group_b_1929",
                    partial(
                        check_number,
                        expected=b_1929,
                        what="million rubles",
                        unit="million rubles",
                        rel_tol=0.0005,
                        decimals=0,
                        hint="Group B = all large-scale output minus Group A (a derived figure).",
                    ),
                ),
                Part(
                    "faster_group",
                    partial(
                        check_choice,
                        expected="A" if a_1929 / a_1925 > b_1929 / b_1925 else "B",
                        options=("A", "B"),
                        hint="compare 1929 / 1925 for Group A and for your Group B.",
                    ),
                ),
            ),
        ),
        Exercise(
            "3.5",
            "Check: did four years' increase exceed all of 1913?",
            (
                Part(
                    "increase_1925_1929",
                    partial(
                        check_number,
                        expected=total_1929 - total_1925,
                        what="million rubles",
                        unit="million rubles",
                        rel_tol=0.0001,
                        decimals=0,
                        hint="1929 output minus 1925 output (P85 - P86).",
                    ),
                ),
                Part(
                    "exceeds_full_circle_1913",
                    partial(
                        check_bool,
                        expected=(total_1929 - total_1925) > value_in_millions("P88"),
                        hint="compare the increase with the 'full circle' 1913 output (P88, in billions: convert).",
                    ),
                ),
            ),
        ),
        Exercise(
            "3.6",
            "Official and independent steel",
            (
                Part(
                    "cow_steel_multiple",
                    partial(
                        check_number,
                        expected=ar.multiple(rus[1925], rus[1929]),
                        what="a multiple",
                        unit="times",
                        rel_tol=0.003,
                        hint="COW 'irst' for RUS: 1929 divided by 1925.",
                    ),
                ),
                Part(
                    "textbook_steel_multiple",
                    partial(
                        check_number,
                        expected=ar.multiple(value("P115"), value("P116")),
                        what="a multiple",
                        unit="times",
                        rel_tol=0.003,
                        hint="the textbook's steel: 1929 over 1925 (P116 / P115).",
                    ),
                ),
            ),
        ),
        Exercise(
            "3.7",
            "The 1928/29 plan: how far above plan was the level of output?",
            (
                Part(
                    "level_above_plan",
                    partial(
                        check_number,
                        expected=(1 + value("P83") / 100) / (1 + value("P84") / 100) * 100 - 100,
                        what="per cent",
                        unit="%",
                        rel_tol=0.01,
                        decimals=2,
                        hint="actual growth (P83) against planned growth (P84): compare "
                        "the levels, 1 + growth / 100, not the growth rates (their "
                        "difference is not the answer).",
                    ),
                ),
            ),
        ),
        Exercise(
            "3.8",
            'Written answer: what can "in 1926/27 prices" hide?',
            (
                Part(
                    "written_answer",
                    partial(
                        check_text,
                        rubric={
                            "base-year prices weight fast-growing goods": (
                                "weight",
                                "base year",
                                "base-year",
                                "1926/27 prices",
                            ),
                            "new products entered at high early prices": (
                                "new product",
                                "new goods",
                                "tractor",
                                "high price",
                            ),
                            "the index-number problem (Gerschenkron effect)": ("index", "gerschenkron"),
                            "coverage and quality, and who compiled the figures": (
                                "coverage",
                                "quality",
                                "official",
                                "census",
                            ),
                        },
                    ),
                    points=0,
                ),
            ),
            written=True,
        ),
    ]


def _start_here() -> list[Exercise]:
    from .data import figures

    return [
        Exercise(
            "0.1",
            "Practice: how many numbers does the chapter's prose state?",
            (
                Part(
                    "how_many_figures",
                    partial(
                        check_number,
                        expected=float(len(figures())),
                        what="a whole number",
                        rel_tol=0,
                        decimals=0,
                        hint="len(data.figures()) counts the rows: one row per number.",
                    ),
                ),
            ),
        ),
    ]


def _lecture4() -> list[Exercise]:
    from .arithmetic import index_problem
    from .compare import catch_up, gdppc

    off = "C15"
    maddison_rate = ar.average_annual_growth(gdppc("SUN", 1925), gdppc("SUN", 1929), 4)
    official_rate = ar.average_annual_growth(value("P86"), value("P85"), 4)
    synthetic = index_problem(5, 50, 1.5, 100)
    return [
        Exercise(
            "4.1",
            "Find the claim that does not add up",
            (
                Part(
                    "off_claim",
                    partial(
                        check_choice,
                        expected=off,
                        options=("C04", "C08", "C13", "C15"),
                        hint="recompute each of the four from the formula column; compare at the "
                        "precision the text prints.",
                    ),
                ),
            ),
        ),
        Exercise(
            "4.2",
            "Official and independent growth rates, 1925 to 1929",
            (
                Part(
                    "official_growth_rate",
                    partial(
                        check_number,
                        expected=official_rate,
                        what="per cent a year",
                        unit="% a year",
                        rel_tol=0.005,
                        decimals=1,
                        hint="large-scale industry, P86 to P85, over 4 years.",
                    ),
                ),
                Part(
                    "maddison_growth_rate",
                    partial(
                        check_number,
                        expected=maddison_rate,
                        what="per cent a year",
                        unit="% a year",
                        rel_tol=0.01,
                        decimals=1,
                        hint="Maddison GDP per capita for SUN, 1925 to 1929, over 4 years.",
                    ),
                ),
            ),
        ),
        Exercise(
            "4.3",
            "The index-number problem, by hand (synthetic numbers)",
            (
                Part(
                    "growth_base_year_prices",
                    partial(
                        check_number,
                        expected=synthetic["base_year_prices"],
                        what="a multiple",
                        unit="times",
                        rel_tol=0.005,
                        hint="value both years' quantities at base-year prices: the sum "
                        "of end quantity x base price over the sum of base "
                        "quantity x base price.",
                    ),
                ),
                Part(
                    "growth_end_year_prices",
                    partial(
                        check_number,
                        expected=synthetic["end_year_prices"],
                        what="a multiple",
                        unit="times",
                        rel_tol=0.005,
                        hint="value both years' quantities at end-year prices: the sum "
                        "of end quantity x end price over the sum of base "
                        "quantity x end price.",
                    ),
                ),
            ),
        ),
        Exercise(
            "4.4",
            "How far behind? The USSR and the United Kingdom in 1928",
            (
                Part(
                    "ussr_percent_of_uk_1928",
                    partial(
                        check_number,
                        expected=gdppc("SUN", 1928) / gdppc("GBR", 1928) * 100,
                        what="a per cent",
                        unit="%",
                        rel_tol=0.005,
                        decimals=1,
                        hint="Maddison GDP per capita: SUN / GBR in 1928, times 100.",
                    ),
                ),
                Part(
                    "years_to_catch_up_uk",
                    partial(
                        check_number,
                        expected=catch_up("GBR", 1928, 6, 1.5)["years"],
                        what="a number of years",
                        unit="years",
                        rel_tol=0.01,
                        decimals=1,
                        hint="years_to_catch_up(level, target, 6, 1.5), or log(target / level) / log(1.06 / 1.015).",
                    ),
                ),
            ),
        ),
        Exercise(
            "4.5",
            "Written answer: why do the official and independent growth rates differ?",
            (
                Part(
                    "written_answer_growth",
                    partial(
                        check_text,
                        rubric={
                            "different things measured (industry's gross output vs all of GDP per person)": (
                                "gdp",
                                "whole economy",
                                "agricultur",
                                "per capita",
                                "per person",
                                "population",
                            ),
                            "prices and index numbers (1926/27 prices)": ("price", "index", "gerschenkron", "1926/27"),
                            "recovery from a low 1925 base": ("recover", "1913", "base", "low"),
                            "steel agrees because it is a physical quantity from a shared source": (
                                "steel",
                                "tonnes",
                                "tons",
                                "physical",
                            ),
                        },
                    ),
                    points=0,
                ),
            ),
            written=True,
        ),
        Exercise(
            "4.6",
            "Written answer: which plan?",
            (
                Part(
                    "written_answer_plan",
                    partial(
                        check_text,
                        rubric={
                            "plans had variants and were revised": (
                                "variant",
                                "revised",
                                "optimal",
                                "raised",
                                "version",
                            ),
                            "a target needs its source and date": ("source", "cite", "citation", "date"),
                            "weak sources are reported as weak, not as fact": (
                                "weak",
                                "reliab",
                                "unsourced",
                                "popular",
                                "grade",
                            ),
                            "periods and prices must match before comparing": ("price", "period", "4 1/4", "years"),
                        },
                    ),
                    points=0,
                ),
            ),
            written=True,
        ),
    ]


_BUILDERS = {"0": _start_here, "1": _lecture1, "2": _lecture2, "3": _lecture3, "4": _lecture4}
_BUILT: dict[str, dict[str, Exercise]] = {}


def lecture_exercises(lecture: str) -> dict[str, Exercise]:
    """The exercises of one lecture ("1" for 1.1, 1.2 ...), built on first use from the data."""
    if lecture not in _BUILT:
        builder = _BUILDERS.get(lecture)
        _BUILT[lecture] = {ex.exercise_id: ex for ex in builder()} if builder else {}
    return _BUILT[lecture]


def exercises() -> dict[str, Exercise]:
    """All exercises by id."""
    out: dict[str, Exercise] = {}
    for lecture in _BUILDERS:
        out.update(lecture_exercises(lecture))
    return out


def lecture_of(assignment: str) -> str:
    """The lecture of an assignment: '01_sources_of_accumulation' -> '1' (its exercises are 1.1, 1.2 ...)."""
    return str(int(str(assignment).split("_", 1)[0]))


def assignment_exercises(assignment: str) -> dict[str, Exercise]:
    """The exercises of one assignment (a notebook name in exercises/)."""
    return lecture_exercises(lecture_of(assignment))


def _exercise(exercise_id: str) -> Exercise | None:
    return lecture_exercises(str(exercise_id).split(".", 1)[0]).get(exercise_id)


def feedback(exercise_id: str, *answers) -> list[Feedback]:
    """Feedback for each part of an exercise, in order."""
    ex = _exercise(exercise_id)
    if ex is None:
        return [Feedback("invalid", f"There is no exercise {exercise_id!r}.")]
    if len(answers) != len(ex.parts):
        names = ", ".join(p.variable for p in ex.parts)
        return [Feedback("invalid", f"Exercise {exercise_id} expects {len(ex.parts)} answer(s): {names}.")]
    return [safely(part.checker, answer) for part, answer in zip(ex.parts, answers)]


def check(exercise_id: str, *answers) -> None:
    """Print instant feedback for an exercise (one line per answer). Never raises."""
    ex = _exercise(exercise_id)
    results = feedback(exercise_id, *answers)
    for i, fb in enumerate(results):
        label = f"{ex.parts[i].variable}: " if ex is not None and len(ex.parts) > 1 else ""
        print(f"{label}{fb}")
