"""Helpers for the course "Soviet industrialization, 1925-1930, read through its own numbers".

Modules, one job each. Each imports only modules listed above it, never below (tests/test_layering.py).

What students import (the notebooks, the exercises and the explorers):

- ``citations``       the source's title, the themes and the outside series' citations, each defined once
- ``kinds``           the kinds of value (official, derived, bound, external): styles, words, the tag on an artist
- ``course``          the course manifest (``course.yml``): the units in order, their files; the repository's root
- ``data``            load the CSV files in ``data/`` (figures with provenance, lost tables, outside series)
- ``passages``        show verbatim passages of the source with their citation
- ``arithmetic``      multiples, average annual growth, shares, share decompositions, index numbers
- ``claims``          audit the text's own arithmetic claims: recompute each and give a verdict
- ``compare``         official figures against an outside series (Maddison GDP per head, catching up)
- ``chart_reading``   read a finished chart back: its values, units and each value's kind as tagged (read_chart)
- ``chart_text``      a chart's text alternative (alt text that says its point, and a table of its numbers)
- ``charts``          one chart style: colour-blind-safe palette, title, units, source line, kinds of value
- ``checks``          instant, friendly feedback on one answer, by digests at the stated precision (no answers)
- ``chart_checks``    check a chart a student drew (exercise 3.10), from the same read_chart
- ``explorers``       the lectures' interactive ipywidgets, one module per lecture (logic in plain functions)
- ``lecture_charts``  the lectures' static charts, one module per lecture (a lecture calls one line per chart)
- ``assignments``     the exercises of each lecture, expected answers computed from ``data/``; the class key

Authoring, for the course's maintainers (nothing above imports these):

- ``notebook_files``  re-execute notebooks and store them normalised (reviewable diffs)
- ``build_exercises`` write ``exercises/`` from ``solutions/``
- ``owned_folder``    output folders a command may rebuild only when it wrote every file in them (a marker)
- ``edition``         the student edition (what the launch links open) and the student package's source
- ``book``            the book edition's Sphinx source (myst-nb, sphinx-book-theme)
- ``lite``            the browser edition: an offline JupyterLite site, Pyodide verified against its official lock

The instructor's tools and the command line:

- ``variants``        per-student variants of the exercises (a pure function of a secret, the student, the exercise)
- ``grading``         release an assignment and autograde a class (release, collect, execute, grade, reports)
- ``__main__``        the command line, ``soviet-numbers``: one function per subcommand

Words with one meaning each: a *figure* is a number the textbook states (``data.figure("P08")``); a *chart* is
a picture (``charts.new_chart``); to *check* is to give feedback on a student's answer (``check("1.1", x)``); to
*audit* is to recompute the text's claims (``claims.audit_claims``); to *verify* is to compare a stored file with
what its source would produce (``build-exercises --verify``, ``normalise --verify``); a quotation is checked
against the source by ``passages.fragment_in_source``.
"""

__version__ = "0.1.0"
