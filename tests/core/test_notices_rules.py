"""The notices' rules: settings read with their defaults, masks, backoff, UIDs."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from frontdesk.core import notices
from frontdesk.core.timeutil import at


def test_empty_settings_mean_the_defaults() -> None:
    assert notices.reminder_days({}) == 2
    assert notices.reminder_days({"reminder_days_before": ""}) == 2
    assert notices.reminder_days({"reminder_days_before": " 5 "}) == 5
    smtp = notices.smtp_settings({"smtp_host": "mail.gov.tw", "smtp_port": "", "smtp_user": "d"})
    assert (smtp.port, smtp.security, smtp.sender, smtp.configured) == (587, "starttls", "d", True)
    assert notices.smtp_settings({"smtp_security": "tls"}).port == 465
    assert not notices.smtp_settings({}).configured


@pytest.mark.parametrize(
    ("extra", "key"),
    [
        ({"reminder_days_before": "15"}, "reminder_days_before"),
        ({"reminder_days_before": "two"}, "reminder_days_before"),
        ({"smtp_port": "70000"}, "smtp_port"),
        ({"smtp_security": "ssl3"}, "smtp_security"),
    ],
)
def test_bad_settings_name_their_key(extra: dict[str, str], key: str) -> None:
    with pytest.raises(notices.NoticeSettingError) as caught:
        notices.reminder_days(extra)
        notices.smtp_settings(extra)
    assert caught.value.key == key


def test_addresses_are_checked_and_masked() -> None:
    assert notices.is_valid_address("wang.xiaoming@example.gov.tw")
    assert not notices.is_valid_address("wang@localhost")
    assert not notices.is_valid_address("王@example.tw")
    assert notices.mask_address("wang.xiaoming@example.gov.tw") == "w***@e***.tw"
    assert notices.mask_address("") == ""


def test_backoff_doubles_up_to_two_hours() -> None:
    waits = [notices.retry_delay(n) for n in range(1, 9)]
    assert waits[:4] == [timedelta(minutes=m) for m in (2, 4, 8, 16)]
    assert waits[-1] == timedelta(hours=2) and waits == sorted(waits)


def test_the_alarm_rings_the_evening_before_and_uids_are_stable() -> None:
    day = date(2026, 12, 10)
    assert notices.alarm_before(at(day, __import__("datetime").time(13, 30)), day) == timedelta(
        hours=18, minutes=30
    )
    uid = notices.duty_uid(1, 7, day, "AM", "site-x.frontdesk.invalid")
    assert uid == notices.duty_uid(1, 7, day, "AM", "site-x.frontdesk.invalid")
    assert uid == "duty-1-7-20261210-AM@site-x.frontdesk.invalid"
