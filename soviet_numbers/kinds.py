"""The kinds of value a chart shows, decided once: their styles, their words, and the tag an artist carries.

- ``official``  a figure the textbook states (solid blue bar; blue diamonds)
- ``derived``   computed by the course from the text's figures (white bar hatched ``///``; dashed line with crosses)
- ``bound``     a bound the text gives as "over X", "almost X" or "about X" (white bar dotted; upward triangles)
- ``external``  an outside series, a later compilation (green bar cross-hatched; a line with dots)

Kinds differ in more than colour: fill, hatching and outline for bars (:data:`BAR_STYLE`), marker and line for
points and lines (:data:`LINE_STYLE`). An artist is tagged with its kind when it is drawn (:func:`tag`, which sets its
``gid`` to ``"kind:<name>"``), and everything that reads a chart back (its alt text, the chart exercise's check) asks
the tag (:func:`kind_of`), never the colour. This module imports nothing: charts, chart_text and chart_checks all
import it, and it imports none of them.
"""

from __future__ import annotations

# Okabe & Ito (2008) colour-blind-safe palette; vermillion darkened (#D55E00 -> #B84F00) so that text drawn in it
# reaches 5.0:1 on white (WCAG AA asks 4.5:1; the original is 3.9:1).
OKABE_ITO = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#B84F00",
    "purple": "#CC79A7",
    "black": "#000000",
}

KINDS = ("official", "derived", "bound", "external")

BAR_STYLE = {
    "official": dict(color=OKABE_ITO["blue"], edgecolor=OKABE_ITO["blue"], hatch=None),
    "derived": dict(color="white", edgecolor=OKABE_ITO["vermillion"], hatch="///"),
    "bound": dict(color="white", edgecolor=OKABE_ITO["purple"], hatch="..."),
    "external": dict(color=OKABE_ITO["green"], edgecolor="#00503A", hatch="xx"),
}
# Points and lines: official figures are diamonds without a joining line (the text gives single years); an
# outside series is a line with small dots; derived values are dashed with crosses; bounds point upwards.
LINE_STYLE = {
    "official": dict(color=OKABE_ITO["blue"], marker="D", linestyle="None"),
    "derived": dict(color=OKABE_ITO["vermillion"], marker="x", linestyle="--"),
    "bound": dict(color=OKABE_ITO["purple"], marker="^", linestyle="None"),
    "external": dict(color=OKABE_ITO["green"], marker=".", linestyle="-"),
}
# The legend's words under a chart.
LEGEND = {
    "official": "official claim (textbook)",
    "derived": "derived (computed by the course)",
    "bound": 'not exact ("over", "almost", "about")',
    "external": "outside series (a later compilation)",
}
# The words of the text alternative and the numbers table (said by a screen reader: no symbols).
WORDS = {
    "official": "official claim",
    "derived": "derived, computed by the course",
    "bound": "not exact: over, almost or about",
    "external": "outside series",
}

_PREFIX = "kind:"


def tag(artist, kind: str):
    """Mark a drawn artist (a bar, a line) with its kind; returns the artist."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}: use one of {', '.join(KINDS)}")
    artist.set_gid(_PREFIX + kind)
    return artist


def kind_of(artist) -> str:
    """The kind an artist was tagged with when drawn, or "" if it carries none."""
    get_gid = getattr(artist, "get_gid", None)
    gid = (get_gid() if get_gid else "") or ""
    return gid[len(_PREFIX) :] if gid.startswith(_PREFIX) and gid[len(_PREFIX) :] in KINDS else ""
