"""Per-student variants: a class released with a roster, then graded, gives each student full marks for their own
correct answers, and zero, flagged, on the varied parts when one student's solved notebook is handed in under
another student's name."""

import csv
import json
import re

import nbformat
import numpy as np
import pytest

from soviet_numbers import course
from soviet_numbers.assignments import exercises
from soviet_numbers.assignments.parts import check_keyed
from soviet_numbers.checks import (
    candidates,
    precision_words,  # noqa: F401 - the policy the variants keep too
)
from soviet_numbers.grading.grade import grade_submissions
from soviet_numbers.grading.release import release_roster
from soviet_numbers.variants import SECRET_FILE, choices, fixed, pools, student_exercises, variant_index

ASSIGNMENT = "01_sources_of_accumulation"
SECRET = "test-secret"
# Every assignment an instructor can release (the manifest's units with a solution); each may declare pools.
VARIED = course.assignments()


def test_every_pool_has_at_least_three_variants_with_different_answers():
    seen = 0
    for assignment in VARIED:
        for ex_id, pool in pools(assignment).items():
            assert len(pool) >= 3 or (len(pool) == 2 and ex_id in fixed(assignment)), ex_id  # two: FIXED says why
            answers = []
            for i in range(len(pool)):
                from soviet_numbers.variants import exercises_with

                part_values = tuple(p.expected for p in exercises_with(assignment, {ex_id: i})[ex_id].parts)
                answers.append(part_values)
            assert len(set(answers)) == len(pool), (ex_id, answers)
            seen += 1
    assert seen >= 3


def test_every_variant_keeps_the_precision_policy():
    from soviet_numbers.variants import exercises_with

    checked = 0
    for assignment in VARIED:
        for ex_id, pool in pools(assignment).items():
            for i in range(len(pool)):
                for part in exercises_with(assignment, {ex_id: i})[ex_id].parts:
                    if part.kind != "number":
                        continue
                    d, x, unit = part.spec["decimals"], part.expected, 10.0 ** -part.spec["decimals"]
                    key = part.key("student-salt")
                    assert check_keyed(round(x, d), key).status == "correct"
                    assert check_keyed(x, key).status == "correct"
                    shown = re.search(r"Correct: (-?[\d,]+(?:\.\d+)?)", check_keyed(x, key).message).group(1)
                    assert check_keyed(float(shown.replace(",", "")), key).status == "correct"  # what it displays
                    assert check_keyed(np.float64(x), key).status == "correct"
                    assert check_keyed(np.float32(round(x, d)), key).status == "correct"
                    if d == 0:
                        assert check_keyed(np.int64(round(x)), key).status == "correct"
                    lo, hi = min(candidates(x, d)) * unit, max(candidates(x, d)) * unit
                    assert check_keyed(hi + 1.5 * unit, key).status == "wrong"
                    assert check_keyed(lo - 1.5 * unit, key).status == "wrong"
                    checked += 1
    assert checked >= 12


def test_a_variant_is_a_pure_function_of_secret_student_and_exercise():
    assert choices(ASSIGNMENT, "ann", SECRET) == choices(ASSIGNMENT, "ann", SECRET)
    indices = {variant_index(SECRET, f"s{i}", "1.5", 4) for i in range(40)}
    assert len(indices) == 4
    assert student_exercises(ASSIGNMENT, "ann", SECRET)["1.1"].parts[0].expected == exercises()["1.1"].parts[0].expected


def _two_students_with_different_variants() -> tuple[str, str]:
    names = [f"student{i}" for i in range(50)]
    first = names[0]
    other = next(n for n in names[1:] if choices(ASSIGNMENT, n, SECRET) != choices(ASSIGNMENT, first, SECRET))
    return first, other


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    home = tmp_path_factory.mktemp("course")
    (home / SECRET_FILE).write_text(SECRET + "\n", encoding="utf-8")
    ann, ben = _two_students_with_different_variants()
    roster = home / "roster.csv"
    with open(roster, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([["student", "email"], [ann, "a@x"], [ben, "b@x"]])
    mp = pytest.MonkeyPatch()
    mp.chdir(home)
    try:
        release_roster(ASSIGNMENT, home / "release", roster, home / "solved")
        subs = home / "submissions"
        for name, source in ((ann, ann), (ben, ann)):  # ben hands in ann's solved notebook
            (subs / name).mkdir(parents=True)
            solved = home / "solved" / source / f"{ASSIGNMENT}.ipynb"
            (subs / name / f"{ASSIGNMENT}.ipynb").write_bytes(solved.read_bytes())
        rows = grade_submissions(subs, ASSIGNMENT, home / "grades" / "grades.csv", roster=roster, workers=1)
    finally:
        mp.undo()  # never leave the worker in another folder (nbval reads tests/nbval_sanitize.cfg relative to it)
    yield home, ann, ben, rows


@pytest.mark.grading  # a class released and graded in the sandbox (its own .ci/run step)
def test_release_writes_one_notebook_per_student_with_their_own_figures(released):
    home, ann, ben, _ = released
    a = (home / "release" / ann / f"{ASSIGNMENT}.ipynb").read_text(encoding="utf-8")
    b = (home / "release" / ben / f"{ASSIGNMENT}.ipynb").read_text(encoding="utf-8")
    assert a != b and "use_key(" in a and "BEGIN SOLUTION" not in a
    assert not (home / "release" / SECRET_FILE).exists() and list((home / "release" / ann).glob("soviet_numbers-*.whl"))
    assert (home / "solved" / ann / f"{ASSIGNMENT}.ipynb").exists()
    pct = {s: pools(ASSIGNMENT)["1.5"][choices(ASSIGNMENT, s, SECRET)["1.5"]]["raise_pct"] for s in (ann, ben)}
    assert f"**{pct[ann]}% higher**" in a and f"**{pct[ben]}% higher**" in b


@pytest.mark.grading  # a class released and graded in the sandbox (its own .ci/run step)
def test_own_answers_score_full_marks_and_copied_ones_are_flagged(released):
    home, ann, ben, rows = released
    auto = [r for r in rows if r.max_points and r.variable]
    assert auto
    mine = [r for r in auto if r.student == ann]
    assert mine and all(r.status == "correct" for r in mine), [(r.variable, r.message) for r in mine]
    varied = {ex for ex, i in choices(ASSIGNMENT, ben, SECRET).items() if i != choices(ASSIGNMENT, ann, SECRET)[ex]}
    assert varied
    a_parts = {
        (e, p.variable): p.expected for e, x in student_exercises(ASSIGNMENT, ann, SECRET).items() for p in x.parts
    }
    b_parts = {
        (e, p.variable): p.expected for e, x in student_exercises(ASSIGNMENT, ben, SECRET).items() for p in x.parts
    }
    flagged = 0
    for r in (r for r in auto if r.student == ben):
        # a part the two variants share (a choice such as 'a change') is ben's own answer too: correct
        if r.exercise in varied and a_parts[(r.exercise, r.variable)] != b_parts[(r.exercise, r.variable)]:
            flagged += 1
            assert r.status == "wrong" and r.points == 0 and f"matches the variant of {ann}" in r.message, r
        else:
            assert r.status == "correct", r
    assert flagged


@pytest.mark.grading  # a class released and graded in the sandbox (its own .ci/run step)
def test_a_students_own_feedback_never_names_a_classmate(released):
    home, ann, ben, _ = released
    feedback = (home / "grades" / "feedback").glob("*.md")
    text = {p.name: p.read_text(encoding="utf-8") for p in feedback}
    assert any("matches another student's version" in t for t in text.values()), list(text)
    assert not any(ann in t for name, t in text.items() if ben in name)
    assert f"matches the variant of {ann}" in (home / "grades" / "grades.csv").read_text(encoding="utf-8")


@pytest.mark.grading  # a class released and graded in the sandbox (its own .ci/run step)
def test_class_statistics_list_no_variants_right_answer_as_wrong(released):
    from soviet_numbers.grading.grade import _short_answer, regrade
    from soviet_numbers.grading.reports import md_text
    from soviet_numbers.grading.stats import VARIED_NOTE, VARIED_WRONG, stats_name
    from soviet_numbers.variants import exercises_with

    home, ann, ben, rows = released
    assert any(r.student == ben and r.status == "wrong" for r in rows)  # ben's copied answers: wrong in his variant
    right = {  # every answer any variant accepts, per exercise
        ex_id: {
            md_text(_short_answer(p.expected), 40)
            for i in range(len(pool))
            for p in exercises_with(ASSIGNMENT, {ex_id: i})[ex_id].parts
            if p.kind != "text"
        }
        for ex_id, pool in pools(ASSIGNMENT).items()
    }
    for graded in ("grade", "regrade"):  # regrade rewrites it from the stored results, without the roster
        if graded == "regrade":
            regrade(home / "grades" / "grades.csv")
        text = (home / "grades" / stats_name(ASSIGNMENT)).read_text(encoding="utf-8")
        table = {}
        for line in text.splitlines():
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
            if cells and re.match(r"\d+[a-z]?\.\d+ ", cells[0]):
                table[cells[0].split()[0]] = cells
        assert set(right) <= set(table), graded
        for ex_id, answers in right.items():
            assert VARIED_NOTE in table[ex_id][0] and table[ex_id][3] == VARIED_WRONG, (graded, table[ex_id])
            assert not any(a in table[ex_id][3] for a in answers), (graded, ex_id)


@pytest.mark.grading  # a class released and graded in the sandbox (its own .ci/run step)
def test_the_notebook_key_checks_the_students_own_figures(released):
    home, ann, _, _ = released
    nb = nbformat.read(home / "release" / ann / f"{ASSIGNMENT}.ipynb", as_version=4)
    cell = next(c for c in nb.cells if "variant-key" in c.metadata.get("tags", []))
    from soviet_numbers import assignments

    ns = {}
    exec(cell.source, ns)
    try:
        part = student_exercises(ASSIGNMENT, ann, SECRET)["1.5"].parts[0]
        fb = assignments.feedback("1.5", part.expected)[0]
        assert fb.status == "correct"
        assert json.dumps(assignments._LOADED).count(str(round(part.expected, 1))) == 0
    finally:
        assignments._LOADED.clear()


def test_every_variants_text_applies_to_its_exercise():
    from soviet_numbers.build_exercises import SOLUTIONS
    from soviet_numbers.variants import _module, _sections

    applied = 0
    for assignment in VARIED:
        sections = _sections(nbformat.read(SOLUTIONS / f"{assignment}.ipynb", as_version=4))
        module = _module(assignment)
        for ex_id, pool in pools(assignment).items():
            for params in pool[1:]:
                replacements = module.text(ex_id, params)
                assert replacements, (ex_id, params)
                for old, _ in replacements:
                    assert any(old in c.source for c in sections[ex_id]), (ex_id, old)
                    applied += 1
    assert applied >= 10


def test_no_two_exercises_of_an_assignment_share_an_answer():
    """A student draws one variant of each exercise: no number may answer two exercises of one assignment, whatever
    the draws (3.2 and 3.7 both drew steam boilers and had the same answer)."""
    from soviet_numbers.variants import exercises_with

    checked, clashes = 0, []
    for assignment in VARIED:
        answers = [
            (ex_id, i, part)
            for ex_id, pool in pools(assignment).items()
            for i in range(len(pool))
            for part in exercises_with(assignment, {ex_id: i})[ex_id].parts
            if part.kind == "number"
        ]
        for ex_a, i, a in answers:
            checked += 1
            clashes += [(ex_a, i, ex_b, j) for ex_b, j, b in answers if ex_a < ex_b and a.accepts(b.expected)]
    assert checked >= 40
    assert not clashes, clashes


def test_lecture_3s_growth_pools_keep_their_own_series_and_kind_of_year():
    """3.2 asks for 1925 to 1929 (calendar labels); 3.7 teaches economic-year labels. Each pool draws only its own kind
    of year, and no series is in both pools."""
    from soviet_numbers.assignments.lecture3 import VARIANTS
    from soviet_numbers.data import figure

    def series(v: dict) -> str:
        return v["cow"] if "cow" in v else figure(v["start"])["quantity"].split(" incl.")[0]

    assert not {series(v) for v in VARIANTS["3.2"]} & {series(v) for v in VARIANTS["3.7"]}
    for v in VARIANTS["3.2"]:
        if "cow" not in v:
            rows = [(figure(v[k])["period_kind"], figure(v[k])["label_year"]) for k in ("start", "end")]
            assert rows == [("calendar label", 1925), ("calendar label", 1929)], v
    for v in VARIANTS["3.7"]:
        assert {figure(v[k])["period_kind"] for k in ("start", "end")} == {"economic year"}, v


def test_no_variant_shows_students_a_raw_data_note():
    """The data's notes for maintainers ('[unit lost in the scrape]') are worded for students in prompts and hints."""
    from soviet_numbers.variants import _module, exercises_with

    checked = 0
    for assignment in VARIED:
        module = _module(assignment)
        for ex_id, pool in pools(assignment).items():
            for i, params in enumerate(pool):
                words = [new for _, new in module.text(ex_id, params)] if i else []
                words += [h for part in exercises_with(assignment, {ex_id: i})[ex_id].parts for h in part.hints]
                assert not any("scrape" in w or "[unit" in w for w in words), (ex_id, i)
                checked += 1
    assert checked >= 40


def test_no_variants_answer_is_printed_in_its_lecture():
    from helpers import EXEMPT, lecture_notebooks, renderings, visible_text

    from soviet_numbers.variants import exercises_with

    checked = 0
    for assignment in VARIED:
        for ex_id, pool in pools(assignment).items():
            texts = [visible_text(p) for p in lecture_notebooks(ex_id)]
            for i in range(len(pool)):
                for part in exercises_with(assignment, {ex_id: i})[ex_id].parts:
                    if part.kind != "number" or (i == 0 and (ex_id, part.variable) in EXEMPT):
                        continue  # a True/False or a choice; the class version's exemption (tests/test_exercises.py)
                    for rendering in renderings(part.expected, part.accepts):
                        pattern = rf"(?<![\w.,/]){re.escape(rendering)}(?![\d]|\.\d|,\d)"
                        assert not any(re.search(pattern, t) for t in texts), (ex_id, i, rendering)
                    checked += 1
    assert checked >= 15


def test_release_and_grade_with_a_roster_refuse_before_any_work(tmp_path, monkeypatch):
    from soviet_numbers.variants import VariantError

    roster = tmp_path / "roster.csv"
    roster.write_text("student\nann\n", encoding="utf-8")
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("instructor's own file")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(FileExistsError):
        release_roster(ASSIGNMENT, foreign, roster)
    assert not (tmp_path / SECRET_FILE).exists()  # refused before the secret was made
    bad = tmp_path / "bad.csv"
    bad.write_text("name\nann\n", encoding="utf-8")
    with pytest.raises(VariantError):
        release_roster(ASSIGNMENT, tmp_path / "out", bad)
    twice = tmp_path / "twice.csv"
    twice.write_text("student\nann\nAnn\n", encoding="utf-8")  # one student, twice (variants ignore case)
    with pytest.raises(VariantError, match="twice"):
        release_roster(ASSIGNMENT, tmp_path / "out", twice)
    with pytest.raises(VariantError, match="no roster file"):
        release_roster(ASSIGNMENT, tmp_path / "out", tmp_path / "missing.csv")
    with pytest.raises(ValueError, match="solved copies"):
        release_roster(ASSIGNMENT, tmp_path / "same", roster, tmp_path / "same")  # the keys in the students' folder
    with pytest.raises(ValueError, match="solved copies"):
        release_roster(ASSIGNMENT, tmp_path / "sol" / "rel", roster, tmp_path / "sol")  # the release inside them
    dots = tmp_path / "dots.csv"
    dots.write_text("student\nann\n.\n", encoding="utf-8")  # a student named '.' would be the release folder
    with pytest.raises(VariantError, match="folder names"):
        release_roster(ASSIGNMENT, tmp_path / "out", dots)
    assert not (tmp_path / "out").exists() and not (tmp_path / "same").exists()
    inside = tmp_path / "out2"
    inside.mkdir()
    monkeypatch.chdir(inside)
    with pytest.raises(ValueError):
        release_roster(ASSIGNMENT, inside, roster)  # the secret would land in the release
    monkeypatch.chdir(tmp_path)
    (tmp_path / "subs").mkdir()
    nbformat.write(
        nbformat.v4.new_notebook(), tmp_path / "subs" / "ann.ipynb"
    )  # a class to grade, so the roster is read
    with pytest.raises(VariantError):
        grade_submissions(tmp_path / "subs", ASSIGNMENT, tmp_path / "g" / "grades.csv", roster=roster, sandboxed=False)
    assert not (tmp_path / "g").exists()
    (tmp_path / SECRET_FILE).write_text(SECRET + "\n", encoding="utf-8")
    nbformat.write(nbformat.v4.new_notebook(), tmp_path / "subs" / "Ada_Lovelace.ipynb")  # an LMS name, off the roster
    with pytest.raises(VariantError, match="not on the roster: Ada_Lovelace"):
        grade_submissions(tmp_path / "subs", ASSIGNMENT, tmp_path / "g" / "grades.csv", roster=roster, sandboxed=False)
    assert not (tmp_path / "g").exists()


def test_every_graded_numeric_exercise_varies_or_says_why_it_cannot():
    """Each auto-graded numeric exercise of a releasable assignment has a pool of at least three variants, or its
    module's ``FIXED`` gives the reason it cannot vary (listed in the closing note and in docs/instructors.md)."""
    from soviet_numbers.variants import _module

    checked, missing = 0, []
    for assignment in VARIED:
        module = _module(assignment)
        pooled, reasons = pools(assignment), fixed(assignment)
        assert all(len(pooled[ex]) == 2 for ex in set(pooled) & set(reasons)), assignment  # a reason for two only
        for reason in reasons.values():
            assert len(reason.split()) >= 5, reason  # a reason, not a placeholder
        numeric = {ex.exercise_id for ex in module.build() if any(p.kind == "number" for p in ex.parts)}
        assert numeric, assignment
        missing += [ex_id for ex_id in sorted(numeric) if ex_id not in pooled and ex_id not in reasons]
        checked += len(numeric)
        assert set(reasons) <= {ex.exercise_id for ex in module.build()}, assignment  # no stale reasons
    assert not missing, f"exercises with no pool and no reason in FIXED: {missing}"
    assert checked >= 20


def _variant_runs():
    """(assignment, k) for k = 1 .. the largest pool's size - 1: run k gives each pool its variant k (mod its size)."""
    for assignment in VARIED:
        sizes = [len(pool) for pool in pools(assignment).values()]
        for k in range(1, max(sizes, default=1)):
            yield assignment, k


@pytest.mark.grading  # runs whole notebooks (its own .ci/run step)
@pytest.mark.parametrize("assignment,k", list(_variant_runs()))
def test_each_variants_solution_runs_and_its_own_check_says_correct(assignment, k):
    """The solution with every pool's k-th variant applied (prompts and code) computes that variant's answers:
    each check of a varied exercise prints only ✓ Correct (the text replacements and the figures agree)."""
    from nbclient import NotebookClient

    from soviet_numbers.build_exercises import SOLUTIONS
    from soviet_numbers.variants import exercises_with, solution_with

    chosen = {ex: k % len(pool) for ex, pool in pools(assignment).items()}
    key = {"exercises": {e: x.key("salt") for e, x in exercises_with(assignment, chosen).items()}}
    nb = solution_with(nbformat.read(SOLUTIONS / f"{assignment}.ipynb", as_version=4), assignment, chosen, key)
    NotebookClient(nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(SOLUTIONS)}}).execute()
    checked = 0
    for cell in nb.cells:
        m = re.search(r'check\("([\w.]+)"', cell.source) if cell.cell_type == "code" else None
        if m and chosen.get(m.group(1)):
            text = "".join(o.get("text", "") for o in cell.outputs)
            assert "Correct" in text and "Not yet" not in text and "✗" not in text, (m.group(1), text)
            checked += 1
    assert checked, chosen


def test_the_instructors_variant_table_is_in_step():
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "tools/variant_table.py", "--check"], cwd=course.ROOT, capture_output=True)
    assert run.returncode == 0, run.stdout


def test_no_variants_answer_is_a_class_answer_the_public_solutions_print():
    """The solutions are public, for practice: no variant (beyond the class version) may be answered by a number the
    class version of any exercise prints there (the same figures worked by another exercise, say)."""
    from soviet_numbers.variants import exercises_with

    public = [(ex_id, p.expected) for ex_id, ex in exercises().items() for p in ex.parts if p.kind == "number"]
    checked, clashes = 0, []
    for assignment in VARIED:
        for ex_id, pool in pools(assignment).items():
            for i in range(1, len(pool)):
                for part in exercises_with(assignment, {ex_id: i})[ex_id].parts:
                    if part.kind != "number":
                        continue
                    checked += 1
                    clashes += [(ex_id, i, part.variable, other) for other, x in public if part.accepts(x)]
    assert checked >= 40
    assert not clashes, clashes


def test_grading_refuses_exercises_that_changed_since_the_release(tmp_path, monkeypatch):
    """A release notes the version of the exercises it gave out (beside the secret); a grade with the roster refuses,
    before any work, when a pool or an answer changed since (students would be graded against other figures)."""
    from soviet_numbers.grading.release import RELEASED_FILE
    from soviet_numbers.variants import VariantError, _module

    roster = tmp_path / "roster.csv"
    roster.write_text("student\nann\nben\n", encoding="utf-8")
    (tmp_path / SECRET_FILE).write_text(SECRET + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    release_roster(ASSIGNMENT, tmp_path / "release", roster)
    assert (tmp_path / RELEASED_FILE).is_file()
    (tmp_path / "subs" / "ann").mkdir(parents=True)
    nbformat.write(nbformat.v4.new_notebook(), tmp_path / "subs" / "ann" / f"{ASSIGNMENT}.ipynb")
    module = _module(ASSIGNMENT)
    monkeypatch.setitem(module.VARIANTS, "1.5", module.VARIANTS["1.5"][:-1])  # a pool changed after the release
    with pytest.raises(VariantError, match="changed since you released"):
        grade_submissions(tmp_path / "subs", ASSIGNMENT, tmp_path / "g" / "grades.csv", roster=roster, sandboxed=False)
    assert not (tmp_path / "g").exists()


def test_release_refuses_options_it_would_ignore(tmp_path):
    import subprocess
    import sys

    roster = tmp_path / "roster.csv"
    roster.write_text("student\nann\n", encoding="utf-8")
    for extra in (["--solutions", "solved"], ["--roster", str(roster), "--zip"]):
        cmd = [sys.executable, "-m", "soviet_numbers", "release", ASSIGNMENT, "--out", "rel", *extra]
        run = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True)
        assert run.returncode != 0 and "refused" in run.stderr, extra
    assert sorted(p.name for p in tmp_path.iterdir()) == ["roster.csv"]  # nothing written


def test_a_released_notebook_links_to_its_lecture_online(tmp_path, monkeypatch):
    from soviet_numbers.edition import BRANCH

    roster = tmp_path / "roster.csv"
    roster.write_text("student\nann\n", encoding="utf-8")
    (tmp_path / SECRET_FILE).write_text(SECRET + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    release_roster(ASSIGNMENT, tmp_path / "release", roster)
    text = (tmp_path / "release" / "ann" / f"{ASSIGNMENT}.ipynb").read_text(encoding="utf-8")
    assert "](../" not in text and f"/blob/{BRANCH}/notebooks/{ASSIGNMENT}.ipynb)" in text
