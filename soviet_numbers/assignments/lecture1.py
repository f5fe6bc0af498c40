"""Lecture 1's exercises: the lecture's methods applied to figures it does not compute."""

from __future__ import annotations

from .. import arithmetic as ar
from ..data import value
from .lecture1_pools import COW_RUS, FIXED, VARIANTS, _averages_1_6, _count, _faster_1_6, _period, _pick, text  # noqa: F401 - VARIANTS, FIXED, text: variants.py reads them here
from .parts import Exercise, boolean, choice, exercise, growth_rate, number, per_cent_change, written


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
