"""Helpers for the course "Soviet industrialization, 1925-1930, read through its own numbers".

Modules, one job each:

- ``data``      load the CSV files in ``data/`` (figures with provenance, lost tables, outside series)
- ``passages``  show verbatim passages of the source with their citation
- ``arithmetic`` multiples, average annual growth, shares, share decompositions
- ``claims``    recompute the text's own arithmetic claims and give a verdict
- ``charts``    one chart style: colour-blind-safe palette, title, units, source line, derived labels
- ``widgets``   ipywidgets for the lectures (their logic lives in plain functions)
- ``checks``    exercise checks with instant, friendly feedback
- ``assignments`` the exercises of each lecture: expected answers computed from ``data/``
- ``build_exercises`` write ``exercises/`` from ``solutions/``
"""

__version__ = "0.1.0"
