"""Names and citations used across the package and its tools, each defined once (no imports: cheap anywhere)."""

SOURCE_TITLE = (
    '"The period of struggle for industrialization", chapter of the Soviet textbook '
    '"The development of the Soviet economy" (c. 1940), English machine translation'
)
# The short form for chart source lines (a chart's text costs drawing time); the full title is SOURCE_TITLE.
SOURCE_SHORT = "Soviet textbook (c. 1940), chapter on industrialization"
SOURCE_URL = (
    "https://marxism.halkcephesi.net/Soviet%20Archives/Development%20of%20Soviet%20Economy/period%20of%20struggle.htm"
)

SOURCE_PREFIX = "Source: "  # how every chart's source line begins

# The chapter's themes, in its order: one data/figures_<theme>.csv each.
THEMES = ("accumulation", "capital_construction", "output", "organisation")

MADDISON_CITATION = (
    "Bolt, J. and J. L. van Zanden (2020), Maddison style estimates of the evolution of the world economy. "
    "A new 2020 update. Maddison Project Database, version 2020, Groningen Growth and Development Centre."
)
COW_CITATION = (
    "Singer, J. David, Stuart Bremer and John Stuckey (1972), Capability Distribution, Uncertainty, and Major Power "
    "War, 1820-1965; Greig, J. Michael and Andrew J. Enterline (2021), Correlates of War Project National Material "
    "Capabilities (NMC) Data Documentation, Version 6.0."
)
