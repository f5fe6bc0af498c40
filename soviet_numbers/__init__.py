"""Helpers for the course "Soviet industrialization, 1925-1930, read through its own numbers".

Modules, one job each (imports point down this list, never up):

- ``citations``       the source's title, the themes and the outside series' citations, each defined once
- ``data``            load the CSV files in ``data/`` (figures with provenance, lost tables, outside series)
- ``passages``        show verbatim passages of the source with their citation
- ``arithmetic``      multiples, average annual growth, shares, share decompositions, index numbers
- ``claims``          audit the text's own arithmetic claims: recompute each and give a verdict
- ``compare``         official figures against an outside series (Maddison GDP per head, catching up)
- ``charts``          one chart style: colour-blind-safe palette, title, units, source line, kinds of value
- ``chart_text``      a chart's text alternative (alt text and a table of its numbers), read from the chart
- ``explorers``       the lectures' interactive ipywidgets, one module per lecture (logic in plain functions)
- ``checks``          instant, friendly feedback on one answer, by digests at the stated precision (no answers)
- ``assignments``     the exercises of each lecture, expected answers computed from ``data/``; the class key
- ``variants``        per-student variants of the exercises (a pure function of a secret, the student, the exercise)
- ``build_exercises`` write ``exercises/`` from ``solutions/``
- ``notebook_files``  re-execute notebooks and store them normalised (reviewable diffs)
- ``grading``         release an assignment and autograde a class (release, collect, execute, grade, reports)
- ``book``            the book edition's Sphinx source (myst-nb, sphinx-book-theme)

Words with one meaning each: a *figure* is a number the textbook states (``data.figure("P08")``); a *chart* is
a picture (``charts.new_chart``); to *check* is to give feedback on a student's answer (``check("1.1", x)``); to
*audit* is to recompute the text's claims (``claims.audit_claims``); to *verify* is to compare a stored file with
what its source would produce (``build-exercises --verify``, ``normalise --verify``).
"""

__version__ = "0.1.0"
