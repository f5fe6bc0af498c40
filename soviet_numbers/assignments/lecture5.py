"""The capstone: audit three passages no lecture quotes (L116 coal, L251 machine-building, L345 the private sector)."""

from __future__ import annotations

from .. import arithmetic as ar
from ..data import value
from .parts import Exercise, boolean, choice, exercise, growth_rate, number, per_cent_change, times, written

# The capstone audits three given passages, and its written verdicts (5.4, 5.5) are about their figures, so its
# auto-graded exercises cannot swap in other figures (soviet_numbers.variants: the reasons, one per exercise).
FIXED = {
    "5.1": "L116 is the only passage that counts machines at two dates (heavy cutters, P41 and P42) and gives the "
    "light cutters for a total (P43); the audit of passage A and its written verdict 5.4 rest on these counts.",
    "5.2": "P99 is the text's only stated multiple for a whole branch whose surviving table rows (P100 to P105) are "
    "its parts; the other four-year multiples (P107 to P112, L337) are single products, and every surviving row "
    "grew faster than 3.6 times, so no swap would change the comparison.",
    "5.3": "P128 to P131 are the text's only complementary shares (private and socialist) at two dates; the "
    "socialist share gives a second version at most, and the other share pairs (administration, drilling, "
    "investment) are lecture 1 and 2 exercises, outside passage C and its verdict 5.5.",
}


def build() -> list[Exercise]:
    return [
        exercise(
            "5.1",
            "Coal: how many times more heavy cutting machines?",
            times(
                "heavy_cutters_multiple",
                ar.multiple(value("P41"), value("P42")),
                hints=(
                    "a multiple of a count of machines.",
                    "heavy coal-cutting machines in 1925/26 (P41) and at the end of 1929 (P42).",
                    "multiple = end / start.",
                ),
            ),
            number(
                "cutting_machines_end_1929",
                value("P42") + value("P43"),
                what="a number of machines",
                unit="machines",
                decimals=0,
                hints=(
                    "a count of coal-cutting machines, heavy and light, at the end of 1929.",
                    "P42 and P43; jackhammers (P44) are not cutting machines.",
                    "heavy + light.",
                ),
            ),
            choice(
                "cutting_machines_kind",
                "derived",
                ("official", "derived"),
                hints=(
                    "is your total a number the text prints, or one you computed?",
                    "search the passage L116 for your total.",
                    "a sum you computed is derived.",
                ),
            ),
            choice(
                "five_times_claim",
                "cannot be checked",
                ("holds", "fails", "cannot be checked"),
                hints=(
                    "can the text's own figures test 'mechanized coal mining increased more than five times'?",
                    "the passage counts machines (P41-P44) and gives shares of mechanized mining (P46, P47): is "
                    "any of them the amount of coal mined by machine in both years?",
                    "a claim can be recomputed only from figures that measure the same thing at both dates.",
                ),
            ),
        ),
        exercise(
            "5.2",
            "Machine-building: '3.6 times' as a yearly rate",
            growth_rate(
                "machine_building_growth_rate",
                ar.average_annual_growth(1, value("P99"), 4),
                multiple=value("P99"),
                years=4,
                hints=(
                    "the compound yearly growth rate that a multiple over several years implies, in per cent.",
                    "P99 compares 1929 with 1925; count the steps between the two years.",
                    "(multiple ** (1 / years) - 1) * 100, or average_annual_growth(1, multiple, years).",
                ),
            ),
            choice(
                "turbines_vs_machine_building",
                "faster" if value("P101") / value("P100") > value("P99") else "slower",
                ("faster", "slower"),
                hints=(
                    "did steam-turbine output (a surviving table row) grow faster or slower than machine-building "
                    "as a whole?",
                    "the turbine cells are P100 and P101; machine-building's multiple is P99.",
                    "compare P101 / P100 with P99.",
                ),
            ),
        ),
        exercise(
            "5.3",
            "The private sector: how much did its share fall?",
            per_cent_change(
                "private_share_change_percent",
                ar.percent_change(value("P128"), value("P129")),
                points_change=value("P129") - value("P128"),
                hints=(
                    "a per cent change of a share (negative for a fall), not percentage points.",
                    "the private sector's share of all industry in 1924/25 (P128) and 1926/27 (P129).",
                    "(end / start - 1) * 100.",
                ),
            ),
            boolean(
                "shares_add_up",
                value("P128") + value("P130") == 100 and value("P129") + value("P131") == 100,
                hints=(
                    "True or False: do the private and socialist shares add up to 100% in both years?",
                    "P128 + P130 for 1924/25 and P129 + P131 for 1926/27.",
                    "both sums must equal 100.",
                ),
            ),
        ),
        exercise(
            "5.4",
            "Written verdict: what the machine counts show",
            written(
                "verdict_coal",
                length="4 to 6 sentences",
                min_words=50,
                max_words=250,
                self_check=(
                    "quotes the passage's claim and says what was recomputed",
                    "marks each number as official or derived",
                    "says what the counts cannot show, and what figure would be needed",
                    "ends with a one-sentence verdict",
                ),
                rubric=(
                    "machine counts are not output: the 'more than five times' cannot be checked from the text",
                    "a large multiple from a small base (90 machines)",
                    "the Donbass share is printed only 'in units' for 1924/25",
                    "the total of machines is derived",
                ),
            ),
        ),
        exercise(
            "5.5",
            "Written verdict: the three passages and outside evidence",
            written(
                "verdict_overall",
                length="4 to 6 sentences",
                min_words=50,
                max_words=250,
                self_check=(
                    "gives a verdict for each of the three passages",
                    "says for each whether an outside series in data/external covers it",
                    "names the kind of source a historian would look for next",
                    "keeps the text's claims apart from the course's own statements",
                ),
                rubric=(
                    "no series in data/external covers these quantities: say so rather than compare with another one",
                    "the 3.6 times implies a yearly rate that the table rows only partly support",
                    "the private sector's fall is in shares of a total that was itself changing",
                    "all three passages are official claims from the same textbook",
                ),
            ),
        ),
    ]
