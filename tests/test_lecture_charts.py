"""Lectures students can read, each kind decided once, and alt texts that say the point.

- every lecture shows at most about 60 lines of code (the charts are drawn in soviet_numbers/lecture_charts);
- a bar's kind is the tag it was given when drawn: the alt text and exercise 3.10's check read the same tag;
- no two series on one chart differ by colour alone;
- the alt texts of the lectures' charts open with their point, stay short, and say what the data say.
"""

import matplotlib

matplotlib.use("Agg")

import ast  # noqa: E402
import importlib  # noqa: E402
import pkgutil  # noqa: E402
from pathlib import Path  # noqa: E402

import matplotlib.pyplot as plt  # noqa: E402
import nbformat  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_rgba  # noqa: E402

from soviet_numbers import charts, course, data, kinds, lecture_charts  # noqa: E402
from soviet_numbers.chart_checks import check_chart  # noqa: E402
from soviet_numbers.chart_text import MAX_WORDS, describe, speakable  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "soviet_numbers"
HIDDEN = {"remove-cell", "hide-cell", "hide-input", "remove-input"}
MAX_VISIBLE_LINES = 60
LECTURE_MODULES = sorted(m.name for m in pkgutil.iter_modules(lecture_charts.__path__))


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


LECTURE_UNITS = course.units("lecture")  # every unit of kind lecture in course.yml


@pytest.mark.parametrize("unit", LECTURE_UNITS, ids=lambda u: u.slug)
def test_a_lecture_shows_at_most_60_lines_of_code(unit):
    nb = nbformat.read(ROOT / unit.notebook, as_version=4)
    visible = [
        line
        for cell in nb.cells
        if cell.cell_type == "code" and not HIDDEN & set(cell.metadata.get("tags", []))
        for line in cell.source.splitlines()
        if line.strip()
    ]
    assert visible, f"{unit.slug}: no code cell found"  # the scope matched something
    module = f"lecture{unit.id}"
    if module in LECTURE_MODULES:  # a lecture with charts draws them with its module
        assert f"lecture_charts import {module}" in "\n".join(visible)
    assert len(visible) <= MAX_VISIBLE_LINES, f"{unit.slug}: {len(visible)} visible code lines"


def test_every_chart_module_serves_a_lecture():
    ids = {f"lecture{u.id}" for u in LECTURE_UNITS}
    assert LECTURE_MODULES and set(LECTURE_MODULES) <= ids


# --- the lectures' charts, drawn as the lectures draw them --------------------------------------------------------


def _lecture_figures() -> dict:
    import pandas as pd

    from soviet_numbers.arithmetic import implied_total, index_problem
    from soviet_numbers.compare import COUNTRIES, gdppc
    from soviet_numbers.explorers.lecture3 import output_series

    L = {m: importlib.import_module(f"soviet_numbers.lecture_charts.{m}") for m in LECTURE_MODULES}
    v, series = data.value, output_series()
    spend, share = [v("P16"), v("P17")], [v("P18"), v("P19")]
    years = [1913, 1928, 1933]
    table = {COUNTRIES[c]: [gdppc("SUN", y) / gdppc(c, y) * 100 for y in years] for c in ("GBR", "USA", "DEU", "JPN")}
    relative = pd.DataFrame(table, index=years).T.round(1)
    cow = data.cow_nmc()
    rus = cow[(cow["stateabb"] == "RUS") & cow["year"].between(1910, 1933)]
    figures = {
        "budget_excess": L["lecture1"].budget_excess(v("P05"), data.value_in_millions("P06")),
        "state_debt": L["lecture1"].state_debt(v("P08"), v("P09")),
        "savings_banks": L["lecture1"].savings_banks([v("P12"), v("P14")], [v("P13"), v("P15")]),
        "administrative_expenses": L["lecture1"].administrative_expenses(
            spend, share, [implied_total(s, p) for s, p in zip(spend, share)]
        ),
        "average_growth": L["lecture1"].average_growth(),
        "investment_shares": L["lecture2"].investment_shares([v("P24"), v("P25"), v("P26")]),
        "plan_investment": L["lecture2"].plan_investment(list("abcde"), [v(f"P{i}") for i in range(27, 32)]),
        "plan_and_outcome": L["lecture2"].plan_and_outcome(v("P33"), v("P34"), v("P35")),
        "assets_and_output": L["lecture2"].assets_and_output([v("P38"), v("P37")], [v("P86"), v("P85")]),
        "construction": L["lecture2"].construction(),
        "large_scale_output": L["lecture3"].large_scale_output(series),
        "groups": L["lecture3"].groups(series),
        "overfulfilment": L["lecture3"].overfulfilment([v(f"P{i}") for i in range(75, 82)]),
        "machine_building": L["lecture3"].machine_building(),
        "steel": L["lecture3"].steel(rus),
        "small_industry": L["lecture3"].small_industry(
            [v(f"P{i}") for i in range(123, 127)], [v(f"P{i}") for i in range(128, 132)]
        ),
        "growth_compared": L["lecture4"].growth_compared(L["lecture4"].growth_measures()),
        "long_run": L["lecture4"].long_run(),
        "index_problem": L["lecture4"].index_problem(index_problem(8, 40, 1.2, 150)),
        "catching_up": L["lecture4"].catching_up(relative, years),
    }
    return figures


@pytest.fixture(scope="module")
def lecture_figures():
    charts.use_style(freeze_imports=False)
    figures = _lecture_figures()
    yield figures
    plt.close("all")


def test_every_chart_function_is_drawn_here(lecture_figures):
    """The scope: every public function of lecture_charts that makes a chart is among the figures tested."""
    defined = {
        node.name
        for m in LECTURE_MODULES
        for node in ast.parse((PACKAGE / "lecture_charts" / f"{m}.py").read_text()).body
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("_")
    }
    helpers = {
        "growth_measures",
        "catching_up_point",
        "textbook_pig_iron",
    }  # numbers, words, or a series drawn on an axis
    assert defined - helpers == set(lecture_figures)


def test_every_lecture_chart_alt_opens_with_its_point_and_stays_short(lecture_figures):
    for name, fig in lecture_figures.items():
        alt = describe(fig).alt
        point = getattr(fig, "course_point", "")
        assert point and alt.startswith(speakable(point)[:30]), name
        assert 25 <= len(alt.split()) <= MAX_WORDS, (name, len(alt.split()), alt)
        for symbol in (" x1", " x2", "×", "1/4", "P12-P15"):
            assert symbol not in alt, (name, symbol, alt)
        assert all(row.kind in kinds.KINDS for row in describe(fig).rows), name  # every value drawn with a kind


def test_group_a_b_alt_says_which_is_a_and_which_b(lecture_figures):
    alt = describe(lecture_figures["groups"]).alt
    assert alt.startswith(
        "Group A, means of production, is the solid bottom part; Group B, consumer goods, the hatched"
    )


def test_gdp_alt_says_the_ussr_fell_behind_all_four_then_gained_and_the_data_agree(lecture_figures):
    from soviet_numbers.compare import gdppc

    alt = describe(lecture_figures["catching_up"]).alt
    assert alt.startswith("From 1913 to 1928 the USSR fell behind all four countries, then gained on all of them")
    for country in ("GBR", "USA", "DEU", "JPN"):
        ratio = [gdppc("SUN", y) / gdppc(country, y) for y in (1913, 1928, 1933)]
        assert ratio[1] < ratio[0] and ratio[2] > ratio[1], country


def _series_looks(ax) -> list[tuple]:
    """Each series on an axes: (name, colour, everything else that shows it: marker, line, fill, hatch)."""
    from matplotlib.container import BarContainer

    looks: list[tuple] = []
    for line in ax.lines:
        if not line.get_label().startswith("_"):
            looks.append(
                (
                    line.get_label(),
                    to_rgba(line.get_color())[:3],
                    (line.get_marker(), line.get_linestyle(), line.get_fillstyle()),
                )
            )
    for container in ax.containers:
        if isinstance(container, BarContainer) and not container.get_label().startswith("_"):
            p = container.patches[0]
            looks.append((container.get_label(), to_rgba(p.get_facecolor())[:3], (p.get_hatch(),)))
    return list({look[0]: look for look in looks}.values())  # a series drawn bar by bar counts once


def test_no_two_series_on_a_chart_differ_by_colour_alone(lecture_figures):
    compared = 0
    for name, fig in lecture_figures.items():
        for ax in fig.axes:
            looks = _series_looks(ax)
            for i, a in enumerate(looks):
                for b in looks[i + 1 :]:
                    compared += 1
                    assert not (a[1] != b[1] and a[2] == b[2]), (name, a[0], b[0])
                    assert a[1:] != b[1:] or name == "catching_up", (name, a[0], b[0])  # same look: same series?
    assert compared >= 5  # steel, long run, machine building, small industry, groups, catching up


def test_steel_and_pig_iron_differ_in_marker_shape(lecture_figures):
    for name in ("steel", "long_run"):
        markers = {line.get_label(): line.get_marker() for line in lecture_figures[name].axes[0].lines}
        assert markers["textbook, steel"] != markers["textbook, pig iron"], name


# --- each kind decided once ----------------------------------------------------------------------------------------


def test_kinds_are_read_from_the_tag_not_the_colour():
    fig, ax = charts.new_chart("Tagged")
    charts.bars(ax, ["a", "b"], [1, 2], ["official", "derived"], units="things")
    assert [kinds.kind_of(p) for p in ax.patches] == ["official", "derived"]
    ax.patches[1].set(facecolor=charts.KIND_STYLE["official"]["color"], hatch=None)  # restyled: still derived
    assert [r.kind for r in describe(fig).rows] == ["official", "derived"]
    plain = ax.bar(2, 3)  # drawn without a kind: read as no kind, whatever its colour
    assert kinds.kind_of(plain.patches[0]) == ""
    with pytest.raises(ValueError):
        kinds.tag(plain.patches[0], "guessed")


def _coal(kind_of_increase: str):
    a, b = data.value("P117"), data.value("P118")
    fig, ax = charts.new_chart("Coal")
    charts.bars(
        ax,
        ["1925", "1929", "increase"],
        [a, b, b - a],
        ["official", "official", kind_of_increase],
        units="million tons",
    )
    charts.source_line(fig, "the textbook", kinds=["official", kind_of_increase])
    return fig


SPEC = {
    "values": [data.value("P117"), data.value("P118"), data.value("P118") - data.value("P117")],
    "kinds": ["official", "official", "derived"],
    "unit_words": ("million", "ton"),
}


@pytest.mark.parametrize("wrong", [k for k in kinds.KINDS if k != "derived"])
def test_exercise_3_10_rejects_the_derived_bar_drawn_in_every_other_kind(wrong):
    from soviet_numbers.assignments import exercises, part_feedback

    (part,) = exercises()["3.10"].parts
    assert part_feedback(part, _coal("derived")).status == "correct"
    feedback = part_feedback(part, _coal(wrong))
    assert feedback.status == "wrong" and "derived" in feedback.message and wrong in feedback.message
    assert check_chart(_coal(wrong), spec=SPEC).status == "wrong"


def test_the_check_and_the_alt_text_read_the_same_kinds():
    from soviet_numbers.chart_checks import summarise

    fig = _coal("bound")
    assert (
        [k for _, k in summarise(fig).bars] == [r.kind for r in describe(fig).rows] == ["official", "official", "bound"]
    )


def _imports(module: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(module.read_text())):
        if isinstance(node, ast.ImportFrom) and node.level:
            found |= {node.module or ""} | ({a.name for a in node.names} if not node.module else set())
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
    return found


def test_no_import_cycle_between_charts_and_their_readers():
    assert _imports(PACKAGE / "kinds.py") == set()  # dependency-free (from __future__ only)
    for reader in ("chart_reading.py", "chart_text.py", "chart_checks.py"):
        assert "charts" not in _imports(PACKAGE / reader), reader
    assert "charts" in _imports(PACKAGE / "lecture_charts" / "lecture1.py")  # the scan sees relative imports


# --- words a screen reader says well -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "printed, said",
    [
        ("x14.83", "14.83 times"),
        ("×0.5", "0.5 times"),
        ("P12-P15", "P12 to P15"),
        ("4 1/4 years", "four and a quarter years"),
        ("1925-1929", "1925 to 1929"),
        ("Oct 1925-Oct 1930", "Oct 1925 to Oct 1930"),
        ("1925/26", "1925/26"),
    ],
)
def test_speakable(printed, said):
    assert speakable(printed) == said


def test_normaliser_keeps_one_copy_of_a_chart():
    from soviet_numbers.notebook_files import normalise, problems

    nb = nbformat.v4.new_notebook()
    html_ = '<img src="data:image/png;base64,iVBOR" alt="An alt text">'
    nb.cells.append(nbformat.v4.new_code_cell("x"))
    nb.cells[0].outputs = [
        nbformat.v4.new_output(
            "display_data", data={"image/png": "iVBOR", "text/html": html_}, metadata={"image/png": {"alt": "A"}}
        )
    ]
    assert any("twice" in p for p in problems(nb))
    normalise(nb)
    assert nb.cells[0].outputs[0].data == {"text/html": html_} and problems(nb) == []
