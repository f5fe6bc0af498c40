"""A chart's text alternative: an ``alt`` text that says the chart's point, and a table of its exact numbers.

:func:`describe` reads a finished chart with :func:`chart_reading.read_chart` (its titles, units, bars, points and
lines, each with the kind it was tagged with when drawn) and writes:

- the **alt text**: one sentence with the chart's point (``charts.show(fig, point=...)``), the kind of chart, then
  each series, named with its kind once, in words a screen reader says well ("14.8 times", "P12 to P15", "four and
  a quarter years"). About 40-60 words and never more than :data:`MAX_WORDS`: a long chart is summarised, and every
  value is in the table;
- the **numbers table** under the chart ("The numbers in this chart"), with the exact values as the chart prints
  them, their units and kinds, and the source line.

:func:`figure_html` is what :func:`charts.show` stores: one HTML output, the image with its ``alt`` and the table.
It draws nothing, so it costs almost no time.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .chart_reading import Reading, Row, number, read_chart  # noqa: F401  (number: re-exported for callers)
from .kinds import WORDS

KIND_WORDS = WORDS  # the name the explorers and older callers use
MAX_WORDS = 120  # an alt text never says more than this (the table says everything)
TARGET_WORDS = 65  # the alt text drops detail, step by step, until it is this short

_SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
_FRACTIONS = {"1/4": "a quarter", "1/2": "a half", "3/4": "three quarters", "1/3": "a third", "2/3": "two thirds"}


def speakable(text: str) -> str:
    """Text as a screen reader should say it: 'x14.83' -> '14.83 times', 'P12-P15' -> 'P12 to P15', ..."""
    text = " ".join(str(text).split())

    def fraction(m):
        whole = int(m.group(1))
        words = _SMALL[whole] if whole < len(_SMALL) else str(whole)
        return f"{words} and {_FRACTIONS[m.group(2)]}"

    text = re.sub(r"\b(\d+) (1/4|1/2|3/4|1/3|2/3)\b", fraction, text)
    text = re.sub(r"(?<![A-Za-z0-9])[x×] ?(\d[\d.,]*\d|\d)", r"\1 times", text)
    text = re.sub(r"\b([A-Z]+\d+) ?[-–] ?([A-Z]+\d+)\b", r"\1 to \2", text)  # P12-P15
    text = re.sub(r"\b(1[89]\d\d(?:/\d\d)?) ?[-–] ?((?:1[89])?\d\d(?:/\d\d)?)\b", r"\1 to \2", text)  # 1925-1929
    text = re.sub(r"(\d) ?[-–] ?(?=[A-Z][a-z]{2} \d)", r"\1 to ", text)  # Oct 1925-Oct 1930
    return text.replace("−", "minus ").replace("≈", "about ")


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text.endswith((".", "!", "?")) else text + "."


def _without_kind(name: str) -> str:
    """A series or panel name without the kind it states, "(derived)": the alt text says each kind once."""
    return re.sub(r"\s*\((?:derived|official|bound|computed by the course)\)", "", name).strip()


def _group_entries(rows: list[Row], detail: int, units: bool, panels: int) -> list[str]:
    """One entry per series (panel and legend label): its name, its unit once, and its values.

    ``detail`` 2: every value; 1: the first and last value (and the count); 0: the name (or the items) only.
    """
    groups: dict = {}
    for row in rows:
        groups.setdefault((row.panel if panels > 1 else "", row.series), []).append(row)
    entries = []
    for (panel, series), members in groups.items():
        name = speakable(", ".join(_without_kind(p) for p in (panel, series) if _without_kind(p)))
        unit = f", in {speakable(members[0].unit)}" if members[0].unit and units else ""
        values = [f"{speakable(_without_kind(r.item))}: {speakable(r.value)}" for r in members]
        if detail == 2 or (detail == 1 and len(values) <= 3):
            said = ", ".join(values)
        elif detail == 1:
            said = f"from {values[0]} to {values[-1]}"
        else:
            said = "" if name else ", ".join(speakable(_without_kind(r.item)) for r in members)
        head = f"{name}{unit}" if name else (f"in {speakable(members[0].unit)}" if unit else "")
        entries.append(f"{head}: {said}" if head and said else head or said)
    return entries


@dataclass
class Description:
    reading: Reading
    point: str = ""

    @property
    def title(self) -> str:
        return self.reading.title

    @property
    def rows(self) -> list[Row]:
        return self.reading.rows

    @property
    def source(self) -> str:
        return self.reading.source

    def kind_of_chart(self) -> str:
        kinds = []
        if any(r.bar for r in self.rows):
            kinds.append("bar chart")
        if any(not r.bar for r in self.rows):
            kinds.append("line and point chart")
        text = " and ".join(kinds) or "chart"
        if self.reading.panels > 1:
            n = self.reading.panels
            text += f" in {_SMALL[n] if n < len(_SMALL) else n} panels"
        return text[0].upper() + text[1:]

    def _alt(self, detail: int, with_title: bool, units: bool = False) -> str:
        point = _sentence(speakable(self.point or self.reading.point))
        opening = f"{self.kind_of_chart()}: {speakable(self.title)}." if with_title or not point else ""
        parts = [p for p in (point, opening) if p]
        units_used = {r.unit for r in self.rows}
        if len(units_used) == 1 and "" not in units_used and detail:  # one unit for all: said once
            parts.append(f"Values in {speakable(units_used.pop())}.")
            units = False
        by_kind: dict = {}
        for row in self.rows:
            by_kind.setdefault(row.kind, []).append(row)
        for kind, rows in by_kind.items():
            entries = _group_entries(rows, detail, units, self.reading.panels)
            words = WORDS.get(kind, "")
            body = "; ".join(e for e in entries if e)
            if words:
                parts.append(_sentence(f"{words[0].upper()}{words[1:]}: {body}" if body else words))
            elif body:
                parts.append(_sentence(body[0].upper() + body[1:]))
        return " ".join(parts)

    @property
    def alt(self) -> str:
        """The point, the kind of chart, then each series with its kind once: as detailed as fits in ~60 words."""
        tries = [(2, True, True), (2, False, True), (2, False, False), (1, False, False), (0, False, False)]
        texts = [self._alt(*t) for t in tries]
        for limit in (TARGET_WORDS, MAX_WORDS):
            for text in texts:
                if len(text.split()) <= limit:
                    return text
        return " ".join(texts[-1].split()[:MAX_WORDS])

    def table_html(self) -> str:
        """The numbers as an HTML table inside a collapsible box, with the source line under it."""
        head = "".join(f"<th scope='col'>{h}</th>" for h in ("Panel", "Item", "Series", "Value", "Unit", "Kind"))
        body = "".join(
            "<tr>"
            + "".join(
                f"<td>{html.escape(c)}</td>"
                for c in (r.panel, r.item, r.series, r.value, r.unit, WORDS.get(r.kind, ""))
            )
            + "</tr>"
            for r in self.rows
        )
        source = f"<p>{html.escape(self.source)}</p>" if self.source else ""
        return (
            "<details class='course-numbers'><summary>The numbers in this chart</summary>"
            f"<table><caption>{html.escape(self.title)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>{source}</details>"
        )

    def table_text(self) -> str:
        """The same table as plain text (the output's text/plain)."""
        lines = [f"The numbers in this chart: {self.title}"]
        for r in self.rows:
            kind = f" [{WORDS[r.kind]}]" if r.kind else ""
            series = f" {r.series}," if r.series else ""
            panel = f"{r.panel}:" if r.panel else ""
            lines.append(f"- {panel}{series} {r.item}: {r.value} {r.unit}{kind}".replace("  ", " "))
        return "\n".join(lines)


def describe(fig, point: str = "") -> Description:
    """The text alternative of a finished chart (call it after :func:`charts.source_line`).

    ``point``: one sentence saying what the chart shows; without it, the point the chart carries
    (:func:`charts.set_point`), if any.
    """
    return Description(read_chart(fig), point)


def image_html(png_base64: str, alt: str) -> str:
    """An HTML image with its text alternative (JupyterLab's image renderer ignores an image's metadata)."""
    return f'<img src="data:image/png;base64,{png_base64}" alt="{html.escape(alt, quote=True)}">'


def figure_html(png_base64: str, description: Description) -> str:
    """What :func:`charts.show` stores, once: the chart with its alt text, and the numbers table under it."""
    return f"<div class='course-chart'>{image_html(png_base64, description.alt)}{description.table_html()}</div>"
