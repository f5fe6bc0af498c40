"""Lecture 1b's exercises ("Who paid?"): the lecture's methods applied to figures it does not compute.

1b.1 and 1b.4 apply a per cent change and a bound (lecture 1) to an outside table read verbatim (data/external/);
1b.2 and 1b.3 apply a multiple and a share to the chapter's own figures in the Who-paid frame; 1b.5 is a written
answer.
"""

from __future__ import annotations

from .. import arithmetic as ar
from ..data import external_table, value
from .parts import Exercise, boolean, choice, exercise, number, per_cent_change, times, written

GRAIN_FILE = "grain_procurements_1927_28.csv"


def grain(item_id: str) -> float:
    """One figure of the grain-procurement table (million poods), by its id."""
    table = external_table(GRAIN_FILE).set_index("item_id")
    return float(table.loc[item_id, "value"])


def build() -> list[Exercise]:
    lent = value("P09") - value("P08")  # the increase in the state debt, Oct 1925 - Oct 1930 (derived)
    deposited = value("P15") - value("P13")  # the increase in savings deposits, Oct 1925 - Oct 1929 (derived)
    return [
        exercise(
            "1b.1",
            "The grain crisis in one number: how far did procurements fall?",
            per_cent_change(
                "procurement_change",
                ar.percent_change(grain("G-1927"), grain("G-1928")),
                hints=(
                    "a per cent change (negative for a fall), from January 1927 to January 1928.",
                    "G-1927 is the start and G-1928 the end, both in million poods; a fall gives a negative number.",
                    "(end / start - 1) * 100, or percent_change(start, end).",
                ),
            ),
            boolean(
                "agrees_with_stated_shortfall",
                grain("G-1927") - grain("G-1928") == grain("G-deficit"),
                hints=(
                    "True or False: does the difference of the two figures equal the shortfall Stalin states?",
                    "the stated shortfall is G-deficit; the difference is start minus end.",
                    "grain['G-1927'] - grain['G-1928'] == grain['G-deficit'] (grain: the values by id).",
                ),
            ),
        ),
        exercise(
            "1b.2",
            "Loans against savings: which channel was larger?",
            times(
                "lent_per_ruble_deposited",
                ar.multiple(deposited, lent),
                hints=(
                    "a multiple: how many rubles the population lent to the state for each ruble added to savings "
                    "deposits.",
                    "lent = P09 - P08 (the rise in the state debt); deposited = P15 - P13 (the rise in deposits); "
                    "both in million rubles.",
                    "lent / deposited, or multiple(deposited, lent).",
                ),
            ),
            choice(
                "same_period",
                "no",
                ("yes", "no"),
                hints=(
                    "compare the dates of the two changes.",
                    "the debt is dated 1 Oct 1925 and 1 Oct 1930 (P08, P09); the deposits 1 Oct 1925 and 1 Oct 1929 "
                    "(P13, P15).",
                    "two changes over different spans are not measured over the same period.",
                ),
            ),
        ),
        exercise(
            "1b.3",
            "The budget's transfer to industry against the rent the peasants no longer paid",
            number(
                "excess_as_share_of_rent",
                ar.share(value("P05"), value("P04")),
                what="a share in per cent",
                unit="%",
                decimals=1,
                hints=(
                    "a share in per cent: the budget's net financing of industry in 1925/26 as a part of the rent.",
                    "the part is P05 (million rubles, 1925/26); the whole is P04 (million gold rubles a year).",
                    "share = part / whole * 100, or share(part, whole).",
                ),
            ),
            choice(
                "same_kind_of_rubles",
                "no",
                ("yes", "no"),
                hints=(
                    "look at the unit and the date of each figure.",
                    "P04 is 'gold rent' paid before the revolution; P05 is in rubles of 1925/26.",
                    "rubles of different dates and kinds are not the same unit unless a price index links them.",
                ),
            ),
        ),
        exercise(
            "1b.4",
            "Two deficits and a bound",
            times(
                "deficit_ratio",
                ar.multiple(grain("G-siberia"), grain("G-deficit")),
                decimals=2,
                hints=(
                    "a multiple: the February shortfall (G-deficit) over the January deficit (G-siberia).",
                    "G-siberia is printed as 'more than' 100 million poods: a lower bound, not an exact value.",
                    "G-deficit / G-siberia, or multiple(G-siberia value, G-deficit value).",
                ),
            ),
            choice(
                "ratio_is",
                "at most",
                ("exact", "at most", "at least"),
                hints=(
                    "dividing by a lower bound: does the true ratio lie above or below your number?",
                    "a larger denominator gives a smaller ratio: what if the January deficit was more than 100?",
                    "a ratio with a lower bound in the denominator is an upper bound: 'at most'.",
                ),
            ),
        ),
        exercise(
            "1b.5",
            "Written answer: who paid?",
            written(
                "written_answer_who_paid",
                length="4 to 6 sentences",
                self_check=(
                    "sets the chapter's claim beside at least one historian's account, with a reference",
                    "uses at least one number you computed, with its unit and its source",
                    "separates an official claim from a historian's estimate and from your own inference",
                    "says what evidence would settle the question, instead of inventing numbers",
                ),
                rubric=(
                    "the chapter's 'the peasantry could help the state' against the forced procurements of 1928 "
                    "and Stalin's 'tribute'",
                    "the agricultural-surplus debate: a net flow from the countryside is contested (Millar; Ellman; "
                    "Barsov's balances)",
                    "money: rising deposits while goods were scarce need not be voluntary saving (goods famine, "
                    "inflation, turnover tax)",
                    "foreign credits and exports (grain included) qualify 'without loans from outside'",
                    "consumers, peasants and forced labourers bore costs the chapter does not count",
                ),
            ),
        ),
    ]
