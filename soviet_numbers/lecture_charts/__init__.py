"""The lectures' static charts, one module per lecture (as :mod:`soviet_numbers.explorers`).

A lecture's cell shows its data and the one line that draws, e.g. ``charts.show(lecture1.state_debt(start, end))``.
Each function builds one chart with :mod:`soviet_numbers.charts` (kinds tagged as drawn, units, a source line) and
gives it its point (:func:`charts.set_point`), the sentence its alt text opens with; it returns the figure.
"""
