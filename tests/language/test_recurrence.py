"""Weekly repetitions: "every Monday and Thursday at home until the end of January"."""

from __future__ import annotations

from datetime import date

import pytest

from tests.language.calendar_days import END_OF_JANUARY, FOUR_WEEKS_ON, MONDAY, THURSDAY
from werkplek.dayparts import DayPart
from werkplek.language import DateProblem, Intent, Recurrence, parse

MON, TUE, WED, THU, FRI = 0, 1, 2, 3, 4
WORKING_DAYS = (MON, TUE, WED, THU, FRI)
LATE_FEBRUARY_2027 = date(2027, 2, 10)  # a Wednesday, after "the end of January"


@pytest.mark.parametrize(
    ("text", "weekdays", "until"),
    [
        # en
        ("every Monday and Thursday at home until the end of January", (MON, THU), END_OF_JANUARY),
        ("every Friday from home until 31 December", (FRI,), date(2026, 12, 31)),
        ("every monday and every thursday wfh till 15/1", (MON, THU), date(2027, 1, 15)),
        ("each Wednesday from home through Friday", (WED,), date(2026, 11, 27)),
        ("every weekday from home until the end of next month", WORKING_DAYS, date(2026, 12, 31)),
        (
            "every Thursday and Monday from home until the end of the week",
            (MON, THU),
            date(2026, 11, 27),
        ),
        # nl
        ("elke maandag en donderdag thuis tot eind januari", (MON, THU), END_OF_JANUARY),
        ("iedere woensdag thuiswerk tot 15 januari", (WED,), date(2027, 1, 15)),
        ("elke maandag thuis tot het einde van de maand", (MON,), date(2026, 11, 30)),
        ("elke maandag thuis tot en met 18 december", (MON,), date(2026, 12, 18)),
        ("elke dinsdag thuis t/m 18 december", (TUE,), date(2026, 12, 18)),
        (
            "alle maandagen en vrijdagen thuiswerk tot eind van het jaar",
            (MON, FRI),
            date(2026, 12, 31),
        ),
        # fr
        (
            "tous les lundis et jeudis en télétravail jusqu'à fin janvier",
            (MON, THU),
            END_OF_JANUARY,
        ),
        ("chaque mardi en télétravail jusqu'au 20 décembre", (TUE,), date(2026, 12, 20)),
        ("chaque lundi en télétravail jusqu'à la fin du mois", (MON,), date(2026, 11, 30)),
        ("tous les jours en télétravail jusqu'au 20", WORKING_DAYS, date(2026, 12, 20)),
        (
            "tous les lundis et les jeudis à la maison jusqu'à la fin de janvier",
            (MON, THU),
            END_OF_JANUARY,
        ),
    ],
)
def test_every_weekday_until_a_day_is_a_recurrence(
    text: str, weekdays: tuple[int, ...], until: date
) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.TELEWORK
    assert understanding.recurrence == Recurrence(weekdays, until)
    assert understanding.dates == ()
    assert understanding.period is None


@pytest.mark.parametrize(
    "text",
    [
        "every Monday at home until the end of January",
        "elke maandag thuis tot eind januari",
        "chaque lundi en télétravail jusqu'à fin janvier",
    ],
)
def test_the_end_of_a_month_already_past_this_year_is_next_years(text: str) -> None:
    understanding = parse(text, LATE_FEBRUARY_2027)
    assert understanding.recurrence == Recurrence((MON,), date(2028, 1, 31))


@pytest.mark.parametrize(
    "text",
    [
        "every Monday at home until the end of the month",
        "elke maandag thuis tot het einde van de maand",
        "chaque lundi en télétravail jusqu'à la fin du mois",
    ],
)
def test_the_end_of_the_month_is_the_last_day_of_the_current_month(text: str) -> None:
    understanding = parse(text, LATE_FEBRUARY_2027)
    assert understanding.recurrence == Recurrence((MON,), date(2027, 2, 28))


@pytest.mark.parametrize(
    ("text", "weekdays"),
    [
        ("every Friday from home", (FRI,)),
        ("elke week op dinsdag thuis", (TUE,)),
        ("elke maandag en donderdag thuiswerk", (MON, THU)),
        ("alle maandagen thuiswerk", (MON,)),
        ("chaque semaine le mardi en télétravail", (TUE,)),
        ("tous les lundis et les jeudis à la maison", (MON, THU)),
    ],
)
def test_without_until_a_recurrence_runs_four_weeks(text: str, weekdays: tuple[int, ...]) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.recurrence == Recurrence(weekdays, FOUR_WEEKS_ON)
    assert "recurrence for 4 weeks" in understanding.notes


@pytest.mark.parametrize(
    "text",
    [
        "every day from home",
        "elke dag thuis",
        "elke werkdag thuis",
        "tous les jours en télétravail",
        "every working day from home",
        "tous les jours ouvrables en télétravail",
    ],
)
def test_every_day_is_every_working_day(text: str) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.TELEWORK
    assert understanding.recurrence == Recurrence(WORKING_DAYS, FOUR_WEEKS_ON)


@pytest.mark.parametrize(
    ("text", "weekdays"),
    [
        ("every Tuesday at the office", (TUE,)),
        ("book a desk every Monday and Wednesday", (MON, WED)),
        ("elke dinsdag op kantoor", (TUE,)),
        ("reserveer elke donderdag een plek", (THU,)),
        ("tous les mardis au bureau", (TUE,)),
        ("réserve un bureau chaque vendredi", (FRI,)),
    ],
)
def test_a_recurring_office_day_is_a_booking(text: str, weekdays: tuple[int, ...]) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.BOOK
    assert understanding.recurrence == Recurrence(weekdays, FOUR_WEEKS_ON)
    assert understanding.dates == ()


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("every Monday morning from home", DayPart.MORNING),
        ("elke maandagvoormiddag thuis", DayPart.MORNING),
        ("chaque lundi après-midi en télétravail", DayPart.AFTERNOON),
    ],
)
def test_a_recurrence_keeps_its_half_day(text: str, part: DayPart) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.recurrence == Recurrence((MON,), FOUR_WEEKS_ON)
    assert understanding.part is part


@pytest.mark.parametrize(
    "text",
    [
        "cancel my telework every Friday",
        "annuleer thuiswerk elke vrijdag",
        "annule le télétravail de chaque vendredi",
    ],
)
def test_a_cancelled_recurrence_is_cancel_telework(text: str) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.CANCEL_TELEWORK
    assert understanding.recurrence == Recurrence((FRI,), FOUR_WEEKS_ON)


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("from home on Monday and Thursday", (date(2026, 11, 30), THURSDAY)),
        ("thuis op maandag en donderdag", (date(2026, 11, 30), THURSDAY)),
        ("en télétravail lundi et jeudi", (date(2026, 11, 30), THURSDAY)),
    ],
)
def test_weekdays_without_an_every_word_are_single_days(text: str, dates: tuple[date, ...]) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.recurrence is None
    assert understanding.dates == dates


@pytest.mark.parametrize(
    "text", ["every Saturday at home", "elke zondag thuis", "tous les samedis en télétravail"]
)
def test_weekend_days_are_no_recurrence(text: str) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.recurrence is None
    assert "weekend days left out of a recurrence" in understanding.notes


@pytest.mark.parametrize(
    "text",
    [
        "every Monday and Saturday from home",
        "elke maandag en zaterdag thuis",
        "tous les lundis et samedis en télétravail",
    ],
)
def test_weekend_days_are_left_out_of_a_recurrence(text: str) -> None:
    assert parse(text, MONDAY).recurrence == Recurrence((MON,), FOUR_WEEKS_ON)


@pytest.mark.parametrize(
    "text",
    [
        "every Monday from home until January",
        "elke maandag thuis tot januari",
        "chaque lundi en télétravail jusqu'en janvier",
    ],
)
def test_until_a_month_alone_ends_the_day_before_it_starts(text: str) -> None:
    assert parse(text, MONDAY).recurrence == Recurrence((MON,), date(2026, 12, 31))


@pytest.mark.parametrize(
    "text",
    [
        "every Monday from home until 31 February",
        "elke maandag thuis tot 31 februari",
        "chaque lundi en télétravail jusqu'au 30 février",
    ],
)
def test_an_impossible_until_date_is_reported_and_four_weeks_are_kept(text: str) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.date_problem is DateProblem.INVALID
    assert understanding.recurrence == Recurrence((MON,), FOUR_WEEKS_ON)


@pytest.mark.parametrize(
    "text",
    [
        "every Monday from home until Christmas",
        "elke maandag thuis tot de kerstvakantie",
        "chaque lundi en télétravail jusqu'à Noël",
    ],
)
def test_an_until_that_cannot_be_read_falls_back_to_four_weeks(text: str) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.recurrence == Recurrence((MON,), FOUR_WEEKS_ON)
    assert "until not understood" in understanding.notes


@pytest.mark.parametrize(
    "today", [date(1, 1, 1), date(9999, 12, 31), date(9999, 12, 1), date(2024, 2, 29)]
)
@pytest.mark.parametrize(
    "text",
    [
        "every Monday from home",
        "elke maandag thuis tot het einde van het jaar",
        "chaque lundi jusqu'à la fin du mois prochain",
        "every Friday until the end of January",
        "elke vrijdag tot januari",
        "every every every",
        "tot tot eind eind",
    ],
)
def test_recurrences_at_the_ends_of_the_calendar_do_not_crash(today: date, text: str) -> None:
    understanding = parse(text, today)
    assert not any(note.startswith("error") for note in understanding.notes)
