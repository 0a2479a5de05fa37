"""Figures as a French, an English or a German reader sees them, down to the exact spaces."""

import datetime as dt

import pytest

from assessment import formatting as fmt

NBSP = "\u00a0"  # no-break space
NNBSP = "\u202f"  # narrow no-break space
MINUS = "\u2212"


# --- numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "decimals", "fr", "en"),
    [
        (73.9, 0, "74", "74"),
        (73.94, 1, "73,9", "73.9"),
        (3.1, 2, "3,10", "3.10"),
        (12345.678, 1, f"12{NNBSP}345,7", "12,345.7"),
        (-12.4, 0, f"{MINUS}12", f"{MINUS}12"),
        (-0.3, 0, "0", "0"),  # never "−0"
    ],
)
def test_a_number_reads_as_each_language_writes_it(value, decimals, fr, en):
    assert fmt.number(value, "fr", decimals=decimals) == fr
    assert fmt.number(value, "en", decimals=decimals) == en


@pytest.mark.parametrize(
    ("value", "shown"), [(2.5, "3"), (3.5, "4"), (0.5, "1"), (-2.5, f"{MINUS}3"), (2.49, "2")]
)
def test_halves_round_up_as_a_reader_rounds_not_to_even(value, shown):
    assert fmt.number(value, "en") == shown


def test_a_half_in_decimals_rounds_up_despite_the_float_below_it():
    assert fmt.number(2.675, "en", decimals=2) == "2.68"  # the float is 2.67499999…


def test_a_figure_from_a_pandas_table_reads_like_any_other():
    numpy = pytest.importorskip("numpy")
    assert fmt.number(numpy.float64(59.6), "fr", keep_apart=[numpy.int64(60)]) == "59,6"
    assert fmt.share(numpy.int64(40), numpy.int64(41), "en") == "97%"


def test_float_noise_does_not_show():
    assert fmt.number(59.99999999, "en", keep_apart=[60]) == "60"


@pytest.mark.parametrize(
    ("value", "boundaries", "fr", "en"),
    [
        (59.6, [60], "59,6", "59.6"),  # "60" would read as reaching the level that starts at 60
        (59.96, [60], "59,9", "59.9"),  # floored below the threshold, never up to "60,0"
        (49.5, [25, 50, 75], "49,5", "49.5"),  # half-up would say 50
        (50.4, [50.3], "50,4", "50.4"),  # ceiled above: 50 would be below 50.3
        (60.0, [60], "60", "60"),
        (58.6, [60], "59", "59"),  # rounding stays on the same side: whole number
    ],
)
def test_a_value_stays_on_its_true_side_of_a_threshold(value, boundaries, fr, en):
    assert fmt.number(value, "fr", keep_apart=boundaries) == fr
    assert fmt.number(value, "en", keep_apart=boundaries) == en


def test_a_missing_figure_reads_as_a_dash_everywhere():
    for lang in ("fr", "en"):
        assert fmt.number(None, lang) == "—"
        assert fmt.score(None, lang) == "—"
        assert fmt.percent(None, lang) == "—"
        assert fmt.points(None, lang) == "—"
        assert fmt.date(None, lang) == "—"
        assert fmt.kpi_value(None, "score", lang) == "—"


# --- scores -------------------------------------------------------------------------------


def test_a_score_is_one_whole_number_out_of_100():
    assert fmt.score(73.9, "en") == "74 / 100"
    assert fmt.score(26, "en") == "26 / 100"
    assert fmt.score(73.9, "fr") == f"74{NBSP}/{NBSP}100"  # never split across two lines


def test_a_score_keeps_apart_from_a_level_boundary():
    assert fmt.score(59.6, "fr", keep_apart=[60]) == f"59,6{NBSP}/{NBSP}100"
    assert fmt.score(59.6, "en", keep_apart=[60]) == "59.6 / 100"


# --- percentages --------------------------------------------------------------------------


def test_french_puts_a_narrow_no_break_space_before_percent_english_none():
    assert fmt.percent(0.93, "fr") == f"93{NNBSP}%"
    assert fmt.percent(0.93, "en") == "93%"


@pytest.mark.parametrize(
    ("part", "whole", "fr", "en"),
    [
        (40, 41, f"97{NNBSP}%", "97%"),  # 97.56…: half-up would say 98
        (41, 41, f"100{NNBSP}%", "100%"),
        (0, 41, f"0{NNBSP}%", "0%"),
        (0, 0, f"0{NNBSP}%", "0%"),  # nothing to answer yet
    ],
)
def test_a_share_rounds_down_so_only_a_complete_one_reads_100(part, whole, fr, en):
    assert fmt.share(part, whole, "fr") == fr
    assert fmt.share(part, whole, "en") == en


def test_a_ratio_just_short_of_one_never_reads_complete():
    assert fmt.percent(0.999, "en") == "99%"
    assert fmt.percent(0.975, "fr", decimals=1) == f"97,5{NNBSP}%"
    assert fmt.percent(0.9759, "en", decimals=1) == "97.5%"


def test_a_ratio_of_one_built_from_floats_still_reads_complete():
    assert fmt.percent(0.7 + 0.1 + 0.2, "en") == "100%"  # 0.9999999999999999
    assert fmt.percent(0.29, "en") == "29%"  # 28.999999999999996 once times 100


def test_a_negative_percentage_takes_a_true_minus_sign():
    assert fmt.percent(-0.055, "fr") == f"{MINUS}5{NNBSP}%"
    assert fmt.percent(-0.055, "en") == f"{MINUS}5%"


# --- points -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "fr", "en"),
    [
        (18, "18 points", "18 points"),
        (1, "1 point", "1 point"),
        (0, "0 point", "0 points"),
        (-1, f"{MINUS}1 point", f"{MINUS}1 point"),
    ],
)
def test_points_agree_in_number_with_the_figure(value, fr, en):
    assert fmt.points(value, "fr") == fr
    assert fmt.points(value, "en") == en


def test_a_point_and_a_half_is_singular_in_french_only():
    assert fmt.points(1.5, "fr", keep_apart=[2]) == "1,5 point"
    assert fmt.points(1.5, "en", keep_apart=[2]) == "1.5 points"


@pytest.mark.parametrize(
    ("done", "fr"),
    [
        (0, "0 question sur 41 répondue"),
        (1, "1 question sur 41 répondue"),
        (2, "2 questions sur 41 répondues"),
    ],
)
def test_the_count_of_answered_questions_agrees_with_its_number(done, fr):
    assert fmt.answered(done, 41, "fr") == fr
    assert fmt.answered(done, 41, "en") == f"{done} of 41 questions answered"


def test_signed_points_show_which_way_a_gap_goes():
    assert fmt.points(18, "en", signed=True) == "+18 points"
    assert fmt.points(-18, "fr", signed=True) == f"{MINUS}18 points"
    assert fmt.points(0.2, "fr", signed=True) == "0 point"  # no "+0"


# --- dates --------------------------------------------------------------------------------


def test_a_date_puts_the_day_first_in_french_and_english():
    assert fmt.date(dt.date(2026, 6, 2), "fr") == "2 juin 2026"
    assert fmt.date(dt.date(2026, 6, 2), "en") == "2 June 2026"
    assert fmt.date(dt.date(2026, 8, 31), "fr") == "31 août 2026"


def test_the_first_of_the_month_is_1er_in_french():
    assert fmt.date(dt.date(2026, 6, 1), "fr") == "1er juin 2026"
    assert fmt.date(dt.date(2026, 6, 1), "en") == "1 June 2026"


# --- KPI values ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "fr", "en"),
    [
        (62, "score", f"62{NBSP}/{NBSP}100", "62 / 100"),
        (60, "percent", f"60{NNBSP}%", "60%"),
        (99.6, "percent", f"100{NNBSP}%", "100%"),  # a measurement, not a share: half-up
        (10, "enps", f"+10{NBSP}eNPS", f"+10{NBSP}eNPS"),
        (-10, "enps", f"{MINUS}10{NBSP}eNPS", f"{MINUS}10{NBSP}eNPS"),
        (0, "enps", f"0{NBSP}eNPS", f"0{NBSP}eNPS"),
        (2.5, "hours", f"2,5{NBSP}h", f"2.5{NBSP}h"),  # half an hour a week is progress
        (6.0, "hours", f"6{NBSP}h", f"6{NBSP}h"),
        (4.75, "hours", f"4,8{NBSP}h", f"4.8{NBSP}h"),
    ],
)
def test_a_kpi_value_reads_with_its_unit_kept_beside_it(value, unit, fr, en):
    assert fmt.kpi_value(value, unit, "fr") == fr
    assert fmt.kpi_value(value, unit, "en") == en


def test_an_unknown_kpi_unit_is_an_error_not_a_guess():
    with pytest.raises(ValueError, match="furlongs"):
        fmt.kpi_value(3, "furlongs", "en")


# --- other locales ------------------------------------------------------------------------


def test_german_reads_with_german_separators_and_dates():
    assert fmt.number(12345.678, "de", decimals=1) == "12.345,7"
    assert fmt.number(-3, "de") == f"{MINUS}3"
    assert fmt.score(59.6, "de", keep_apart=[60]) == "59,6 / 100"
    assert fmt.share(40, 41, "de") == f"97{NBSP}%"  # CLDR's own spacing for German
    assert fmt.points(1, "de") == "1 point"  # no German words yet: English ones
    assert fmt.date(dt.date(2026, 6, 2), "de") == "2. Juni 2026"


def test_a_region_code_is_understood_with_a_hyphen_or_an_underscore():
    assert fmt.number(1234.5, "pt-BR", decimals=1) == "1.234,5"
    assert fmt.number(1234.5, "pt_BR", decimals=1) == "1.234,5"


@pytest.mark.parametrize("lang", ["xx", "", "klingon"])
def test_an_unknown_language_falls_back_to_english(lang):
    assert fmt.number(1234.5, lang, decimals=1) == "1,234.5"
    assert fmt.percent(0.93, lang) == "93%"
    assert fmt.points(0, lang) == "0 points"
    assert fmt.date(dt.date(2026, 6, 1), lang) == "1 June 2026"
