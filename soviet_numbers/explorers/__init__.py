"""The course's explorers: interactive ipywidgets, one module per lecture.

- ``live``      the machinery they share: a chart redrawn in place, its image widget, the explorer box
- ``lecture1``  growth between two dates of a series; why a share of the budget falls
- ``lecture2``  a five-year investment path against the plan; technology shares
- ``lecture3``  output as an index on a chosen base; catching up (lecture 4 uses it too)
- ``lecture4``  the index-number problem (synthetic)

Each explorer's logic is in plain functions (tested without a browser); the ``*_explorer()`` functions only wire
controls to them. Import from the lecture's module, e.g. ``from soviet_numbers.explorers.lecture1 import
growth_explorer``.
"""
