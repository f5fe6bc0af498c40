"""Exercise feedback: correct, not answered, wrong (with a hint), wrong type (clear message); never a traceback."""

import math

import numpy as np
import pandas as pd
import pytest

from soviet_numbers.assignments import assignment_exercises, check, exercises, feedback, reset_attempts
from soviet_numbers.checks import check_bool, check_choice, check_number, check_text, safely

BAD_NUMBERS = [
    ("six", "text"),
    ("6.82", "as text"),
    (math.nan, "NaN"),
    ([6.82], "list"),
    (pd.DataFrame({"a": [6.82]}), "table"),
    (pd.Series([6.82]), "column"),
    (True, "True/False"),
    (np.array([1.0, 2.0]), "column"),
    ({"a": 1}, "dict"),
    (math.inf, "infinite"),
    (object(), "object"),
]


def test_number_correct_within_half_a_unit_of_the_stated_digit():
    assert check_number(6.8, 6.8214, decimals=1).status == "correct"
    assert check_number(6.75, 6.8214, decimals=1).status == "correct"  # rounds (half up) to 6.8
    assert check_number(np.float64(6.8214), 6.8214).status == "correct"
    assert check_number(np.float32(6.8), 6.8214).status == "correct"
    assert check_number(6.9, 6.8214, decimals=1).status == "wrong"
    assert check_number(7, 6.8214, decimals=0).status == "correct"
    assert check_number(np.int64(7), 6.8214, decimals=0).status == "correct"
    assert check_number(3.3, 3.25).status == check_number(3.2, 3.25).status == "correct"  # a tie: both roundings


def test_correct_shows_the_rounded_answer_which_is_accepted():
    fb = check_number(4.4392786, 4.4392786, unit="% a year")
    assert fb.message == "Correct: 4.4 % a year."
    assert check_number(4.4, 4.4392786).status == "correct"


def test_no_close_band_and_no_answer_in_the_message():
    fb = check_number(4.6, 4.4392786)
    assert fb.status == "wrong" and "Close" not in fb.message and "4.4" not in fb.message


def test_a_plain_wrong_value_is_not_called_a_format_error():
    """A wrong value with no known slip says the value is off and restates what is asked (unit, precision)."""
    fb = check_number(3.47, 3.41, what="billion rubles a year", unit="billion rubles", decimals=2)
    assert fb.status == "wrong"
    assert fb.message == (
        "Not yet: you gave 3.47 billion rubles. That is not what the figures give. "
        "The question asks for billion rubles a year, to two decimals."
    )
    assert "Not quite" not in fb.message and "give billion" not in fb.message
    # the tailored slips keep their own messages
    assert "figures give" not in check_number(-3.41, 3.41, decimals=2).message


def test_unit_hints_for_a_thousand_and_a_million():
    assert "1,000 times too small" in check_number(6.889, 6889, decimals=0).message
    assert "1,000 times too large" in check_number(6889000, 6889, decimals=0).message
    assert "million times too large" in check_number(2.5048e6, 2.5048, decimals=3).message


def test_messages_that_used_to_mislead():
    per_cent = check_number(7380, 73.803, what="a growth rate in per cent a year", unit="% a year").message
    assert "100 times too large" in per_cent and "not per cent" not in per_cent and "fraction" not in per_cent
    count = check_number(21, 20, what="a count", decimals=0).message
    assert "decimals" not in count
    assert " a int" not in check_bool(1, True).message and "a whole number (int)" in check_bool(1, True).message
    comma = check_number("294,5", 294.5).message
    assert "294.5" in comma and "2945" not in comma
    long = check_text("word " * 500, length="4 to 6 sentences", min_words=50, max_words=250).message
    assert "long" in long and "4 to 6 sentences" in long
    assert "4 to 6 sentences" in check_text("short", length="4 to 6 sentences").message


def test_numpy_true_false_is_accepted():
    assert check_bool(np.bool_(True), True).status == "correct"
    assert check_bool(np.float64(1.0) == 1.0, True).status == "correct"
    assert check_bool(np.bool_(False), True).status == "wrong"


def test_number_unanswered_is_friendly():
    for blank in (None, ...):
        fb = check_number(blank, 1.0)
        assert fb.status == "unanswered" and "Not answered yet" in fb.message


@pytest.mark.parametrize("answer,word", BAD_NUMBERS)
def test_number_bad_types_get_a_clear_message(answer, word):
    fb = check_number(answer, 6.82)
    assert fb.status == "invalid"
    assert word.lower() in fb.message.lower()


def test_wrong_numbers_get_teaching_hints():
    assert "per cent" in check_number(0.9623, 96.23).message
    assert "100 times too large" in check_number(682.14, 6.8214).message
    assert "wrong way round" in check_number(1 / 6.8214, 6.8214).message
    assert "sign" in check_number(-6.8, 6.8214).message
    assert "compounding" in check_number(15.6, 12.9, mistakes=((15.62, "Dividing ignores compounding."),)).message


def test_choice_and_bool():
    assert check_choice("Rose ", "rose", ("rose", "fell")).status == "correct"
    assert check_choice("fell", "rose", ("rose", "fell")).status == "wrong"
    assert check_choice("up", "rose", ("rose", "fell")).status == "invalid"
    assert check_choice(3, "rose", ("rose", "fell")).status == "invalid"
    assert check_choice(None, "rose", ("rose", "fell")).status == "unanswered"
    assert check_bool(True, True).status == "correct"
    assert check_bool(False, True).status == "wrong"
    assert check_bool("True", True).status == "invalid"
    assert check_bool(1, True).status == "invalid"
    assert check_bool(None, True).status == "unanswered"


def test_written_answers_are_recorded_never_judged():
    self_check = ("uses a number", "names the source")
    good = check_text("The budget grew a lot, so the share fell. " * 6, self_check=self_check)
    keywords = check_text("budget denominator prices official " * 12, self_check=self_check)
    rant = check_text("lower steel " * 30, self_check=self_check)
    assert good.status == keywords.status == rant.status == "recorded"
    # the same self-check list, whatever the text says; no verdict on content
    for fb in (good, keywords, rant):
        assert "uses a number; names the source" in fb.message and "seem to address" not in fb.message
    assert "short" in check_text("budget", self_check=self_check).message
    assert check_text("", self_check=self_check).status == "unanswered"
    assert check_text(None).status == "unanswered"
    assert check_text(42).status == "invalid"


def test_safely_turns_checker_errors_into_messages():
    def broken(answer):
        raise RuntimeError("boom")

    fb = safely(broken, 1)
    assert fb.status == "invalid" and "boom" in fb.message


@pytest.mark.parametrize("answer", [None, "abc", math.nan, [1], pd.DataFrame(), pd.Series(dtype=float), 1e9, -1])
def test_check_never_raises(answer, capsys):
    for ex_id, ex in exercises().items():
        check(ex_id, *([answer] * len(ex.parts)))
    check("9.9", 1)
    check("1.1")
    out = capsys.readouterr().out
    assert "Traceback" not in out and "There is no exercise" in out and "expects 1 answer" in out
    reset_attempts()


def test_feedback_on_a_two_part_exercise_and_the_assignment_lookup():
    total, agrees = feedback("1.3", 24.77, None)
    assert total.status == "correct" and agrees.status == "unanswered"
    assert set(assignment_exercises("01_sources_of_accumulation")) == {k for k in exercises() if k.startswith("1.")}
