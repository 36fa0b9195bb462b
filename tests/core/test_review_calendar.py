"""The review calendar (.ics): an overdue review is put on the day of the export, marked
overdue with its due date in the description; one still to come stays on its due date."""

from __future__ import annotations

import datetime

import icalendar

from custdesk.core import clock, i18n


def at(day: str) -> None:
    clock.set_fixed(datetime.datetime.fromisoformat(day + "T10:00:00+00:00"))


def events_by_code(data: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    return {str(e["UID"]).split("-")[1]: e for e in calendar.walk("VEVENT")}


def test_overdue_reviews_land_on_the_export_day_marked_overdue(desk):
    at("2026-08-01")
    late = desk.customers.add({"kind": "individual", "name": "张伟"}).code     # due 08-31
    at("2026-10-20")
    coming = desk.customers.add({"kind": "individual", "name": "李娜"}).code   # due 11-19
    at("2026-11-05")
    rows = desk.reviews.due(30)
    assert {r["code"]: r["overdue_days"] for r in rows} == {late: 66, coming: 0}
    events = events_by_code(desk.reviews.ics(rows))

    overdue = events[late]
    assert overdue.decoded("DTSTART") == datetime.date(2026, 11, 5)          # the export day
    assert overdue.decoded("DTEND") == datetime.date(2026, 11, 6)
    assert str(overdue["SUMMARY"]) == f"逾期复审 {late}（未评级）"
    assert str(overdue["DESCRIPTION"]) == "原定 2026-08-31 完成；至导出日 2026-11-05 已逾期 66 天。"
    assert str(overdue["UID"]).startswith(f"review-{late}-2026-08-31@")     # its due date's
    assert "overdue" in overdue.get("CATEGORIES").cats and int(overdue["PRIORITY"]) == 1

    due = events[coming]
    assert due.decoded("DTSTART") == datetime.date(2026, 11, 19)
    assert str(due["SUMMARY"]) == f"复审 {coming}（未评级）"
    assert "DESCRIPTION" not in due and "PRIORITY" not in due

    # A later export moves the same event (same UID) to its own day, days counted to it.
    at("2026-11-10")
    again = events_by_code(desk.reviews.ics(desk.reviews.due(30)))[late]
    assert str(again["UID"]) == str(overdue["UID"])
    assert again.decoded("DTSTART") == datetime.date(2026, 11, 10)
    assert "71" in str(again["DESCRIPTION"])


def test_the_calendar_speaks_the_chosen_language(desk):
    at("2026-08-01")
    late = desk.customers.add({"kind": "individual", "name": "张伟"}).code
    at("2026-09-10")
    with i18n.using("en"):
        event = events_by_code(desk.reviews.ics(desk.reviews.due(30)))[late]
    assert str(event["SUMMARY"]) == f"Overdue review {late} (unrated)"
    assert str(event["DESCRIPTION"]) == ("Due on 2026-08-31; 10 days overdue on 2026-09-10, "
                                         "the day of the export.")
