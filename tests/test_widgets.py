"""Widget logic as plain functions, and the widgets wired to it."""
import math

import pytest

from soviet_numbers.widgets import (GROWTH_SERIES, growth_explorer, growth_summary, growth_text, share_explorer,
                                    share_scenario, share_text)


def test_growth_summary_debt():
    s = growth_summary("State debt of the USSR (million rubles)", "P08", "P09")
    assert s["multiple"] == pytest.approx(6.8214, abs=1e-4)
    assert s["years"] == 5 and s["annual_growth"] == pytest.approx(46.8, abs=0.05)
    assert s["claim"] == "almost seven times" and s["verdict"] == "consistent"
    assert "almost seven times" in growth_text(s)


def test_growth_summary_output_uses_billions_consistently():
    name = "Output of large-scale industry, 1926/27 prices (million rubles)"
    s = growth_summary(name, "P87", "P85")
    assert s["start_value"] == 10200 and s["multiple"] == pytest.approx(1.953, abs=1e-3)
    assert growth_summary(name, "P86", "P85")["multiple"] == pytest.approx(2.574, abs=1e-3)


def test_growth_summary_backwards_and_bad_points():
    name = "Output of Group A, large-scale industry (million rubles)"
    s = growth_summary(name, "P90", "P92")
    assert s["years"] < 0 and "later than the start" in growth_text(s)
    with pytest.raises(ValueError):
        growth_summary(name, "P08", "P90")


def test_every_series_has_claims_on_its_own_points():
    for name, (ids, claims) in GROWTH_SERIES.items():
        for a, b in claims:
            assert a in ids and b in ids
            assert growth_summary(name, a, b)["verdict"] in ("matches", "consistent")


def test_share_scenario_defaults_reproduce_the_text():
    d = share_scenario(-17.63, 2.048)
    assert d["share_end"] == pytest.approx(3.29, abs=0.01)
    assert d["fraction_from_whole"] == pytest.approx(0.787, abs=0.005)
    assert "79%" in share_text(d)
    assert "does not change" in share_text(share_scenario(0, 1))
    opposite = share_text(share_scenario(40, 2.05))
    assert "opposite directions" in opposite and "188%" not in opposite


def test_widgets_respond_to_changes():
    g = growth_explorer()
    series, (start, _end), out = g.children[0], g.children[1].children, g.children[2]
    series.value = "Output of Group A, large-scale industry (million rubles)"
    assert "267% of the level of 1925" in out.value
    start.value = "P92"
    assert "214.7%" in out.value
    s = share_explorer()
    part, whole, text = s.children[:3]
    whole.value = 1.0
    part.value = 0.0
    assert "does not change" in text.value


# --- Lecture 2 ---------------------------------------------------------------------------------------------------

from soviet_numbers.widgets import (PATH_PRESETS, TECH_TOPICS, draw_path, draw_tech, investment_path, path_summary,  # noqa: E402
                                    path_text, plan_path, plan_path_explorer, tech_sums, tech_table,
                                    technology_explorer)


def test_plan_path_is_the_text():
    assert plan_path() == [2091, 2845, 3451, 3796, 4170]
    s = path_summary(plan_path())
    assert s["total"] == 16353 and s["ratio_to_plan"] == 1
    assert [round(g) for g in s["growth"]] == [36, 21, 10, 10]


def test_investment_path_shapes():
    assert investment_path(100, 0, 0) == [100] * 5
    assert investment_path(100, 10, 0)[-1] == pytest.approx(146.41)
    damped = investment_path(*PATH_PRESETS["damped (high early, cut later)"])
    assert damped[1] > damped[0] and damped[-1] < damped[2]
    accelerating = path_summary(investment_path(*PATH_PRESETS["accelerating"]))["growth"]
    assert accelerating == sorted(accelerating)
    assert min(investment_path(100, -90, -50)) >= 0
    assert "16,353" in path_text(path_summary(investment_path(100, 0, 0)))


def test_tech_tables_keep_blanks_blank():
    coal = tech_table("Coal-cutting machines in the coal industry (units)")
    assert coal["value"].isna().sum() == 2 and (coal["value"].fillna(1) != 0).all()
    assert tech_sums("Oil drilling: share of methods (%)") == {"1924/25": pytest.approx(99.5), "1928/29": pytest.approx(97.6)}
    assert tech_sums("Oil extraction: share of methods (%)")["1928/29"] == pytest.approx(97.5)
    assert "not the same base" in TECH_TOPICS["Oil extraction: share of methods (%)"]["base"]


def test_lecture2_drawing_and_widgets():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    for topic in TECH_TOPICS:
        draw_tech(ax, topic)
    draw_path(ax, investment_path(2091, 36, -9))
    plt.close(fig)
    explorer = plan_path_explorer()
    presets, first, growth, change, text = explorer.children[:5]
    presets.value = "flat"
    assert first.value == 2091 and growth.value == 0 and "10,455" in text.value
    tech = technology_explorer()
    tech.children[0].value = "Oil extraction: share of methods (%)"
    assert "not the same base" in tech.children[1].value


# --- Lecture 3 ---------------------------------------------------------------------------------------------------

from soviet_numbers.widgets import (OUTPUT_BASES, catch_up, catch_up_explorer, catch_up_text, draw_output_index,  # noqa: E402
                                    output_explorer, output_index, output_series, output_text)


def test_output_series_and_implied_group_b():
    s = output_series()
    assert s["large-scale industry"] == [10200, 7739, 19923]
    assert s["Group B (derived: total - A)"] == [6023, 4383, 10957]


def test_output_index_bases():
    idx = output_index("1913 = 100 (1913 coverage, 10.2 bn)")
    assert idx["large-scale industry"][2] == pytest.approx(195.32, abs=0.01)
    full = output_index("1913 = 100 ('full circle', 11 bn)")
    assert list(full) == ["large-scale industry"] and full["large-scale industry"][2] == pytest.approx(181.12, abs=0.01)
    assert output_index("1925 = 100")["Group A (means of production)"][2] == pytest.approx(267.16, abs=0.01)
    assert "257" in output_text("1925 = 100")


def test_catch_up():
    c = catch_up("GBR", 1928, 5, 1.5)
    assert c["ussr"] == 2184 and c["ratio"] == pytest.approx(2184 / c["target"])
    assert 30 < c["years"] < 50 and c["reached_in"] == 1928 + math.ceil(c["years"])
    never = catch_up("USA", 1928, 1, 2)
    assert never["years"] == math.inf and "never closes" in catch_up_text(never, "USA", 1928, 1, 2)
    with pytest.raises(KeyError):
        catch_up("GBR", 1800, 1, 1)


def test_lecture3_widgets():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    for base in OUTPUT_BASES:
        draw_output_index(ax, base, log=True)
    plt.close(fig)
    ex = output_explorer()
    ex.children[0].value = "1925 = 100"
    assert "257" in ex.children[2].value
    cu = catch_up_explorer()
    before = cu.children[3].value
    cu.children[1].value = 10.0
    assert cu.children[3].value != before


# --- Lecture 4 ---------------------------------------------------------------------------------------------------

from soviet_numbers.widgets import draw_index_problem, index_problem, index_problem_explorer, index_problem_text  # noqa: E402


def test_index_problem_is_labelled_synthetic_and_parts_when_machines_get_cheaper():
    d = index_problem(8, 40, 1.2, 150)
    assert d["base_year_prices"] == pytest.approx(4.6) and d["end_year_prices"] == pytest.approx(2.6316, abs=1e-4)
    assert "Synthetic" in index_problem_text(d)
    same = index_problem(3, 100, 3, 100)
    assert same["base_year_prices"] == pytest.approx(3) and same["gap"] == pytest.approx(1)
    dearer = index_problem(8, 200, 1.2, 100)
    assert dearer["base_year_prices"] < dearer["end_year_prices"]


def test_index_problem_widget():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    draw_index_problem(ax, index_problem(8, 40, 1.2, 150))
    plt.close(fig)
    ex = index_problem_explorer()
    before = ex.children[4].value
    ex.children[1].value = 100
    assert ex.children[4].value != before


def test_every_explorer_figure_is_drawn_with_the_course_layout():
    """The figure each explorer shows, built exactly as its callback builds it (no widget front end needed)."""
    from soviet_numbers import widgets as W

    charts = [
        (W.ShareChart(), (W.share_scenario(-17.6, 2.05),), 0.45),  # direct labels: no value axis
        (W.PathChart(), (W.investment_path(2091, 36, -9),), 0.95),
        (W.OutputChart(), ("1925 = 100", True), 0.95),
        (W.IndexChart(), (W.index_problem(8, 40, 1.2, 150),), 0.45),
    ]
    for chart, args, left in charts:
        data = chart.show(*args)
        assert data.startswith(b"\x89PNG") and chart.image.value == data
        assert chart.image.width == str(round(chart.figsize[0] * 100))  # shown at its own size, never stretched
        assert chart.fig.subplotpars.left == pytest.approx(left / chart.fig.get_figwidth())  # layout() ran
        assert chart.ax.get_title()
    assert W.tech_png(list(W.TECH_TOPICS)[0]).startswith(b"\x89PNG")


def test_live_chart_redraws_only_what_moves():
    """A small slider move keeps the axis (nice_ceiling) and the saved background; the picture still changes."""
    from soviet_numbers.widgets import ShareChart, share_scenario

    chart = ShareChart()
    first = chart.show(share_scenario(-17.6, 2.05))
    second = chart.show(share_scenario(-10, 2.05))
    assert first != second and len(chart.backgrounds) == 1
    chart.show(share_scenario(300, 0.5))  # a share far above the axis: a new background, a taller axis
    assert len(chart.backgrounds) == 2 and chart.ax.get_ylim()[1] >= chart.bars[1].get_height()
    assert chart.labels[1].get_text() == f"{share_scenario(300, 0.5)['share_end']:.2f}%"
    for i in range(20):
        chart.show(share_scenario(-50, 0.5 + i))
    assert len(chart.backgrounds) <= chart.kept_backgrounds


def test_static_and_live_charts_draw_the_same_thing():
    """draw_* (a notebook's static chart) and the explorer's chart share one class: same title, same bars."""
    import matplotlib.pyplot as plt

    from soviet_numbers.widgets import IndexChart, draw_index_problem, index_problem

    d = index_problem(8, 40, 1.2, 150)
    fig, ax = plt.subplots()
    draw_index_problem(ax, d)
    live = IndexChart()
    live.show(d)
    assert ax.get_title() == live.ax.get_title()
    assert [b.get_height() for b in ax.patches] == [b.get_height() for b in live.ax.patches]
    plt.close(fig)
