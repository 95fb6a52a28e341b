"""The program link's pure parts: tokens, the phone's payload, adherence."""

import datetime
import json
import uuid

import pytest

from plans.program import tokens
from plans.program.adherence import LOW_ADHERENCE, Exercise, adherence, followed_between, pain
from plans.program.log_filter import redact
from plans.program.payload import MAX_TICKS, PayloadError, parse

SECRET = "test-secret"
MON = datetime.date(2026, 3, 2)


def test_token_is_256_bits_urlsafe_derived_and_only_its_digest_kept() -> None:
    salt = tokens.new_salt()
    token = tokens.token_for(salt, SECRET)
    assert (len(salt), len(token)) == (32, 43)  # 128-bit salt; 256-bit token
    assert set(token) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert tokens.token_for(salt, SECRET) == token  # the same link, the same QR code
    assert tokens.token_for(salt, "another key") != token
    assert tokens.token_for(tokens.new_salt(), SECRET) != token
    assert len(tokens.digest_of(token)) == 64
    assert tokens.digest_of(token) != token
    assert tokens.digest_of(token[:-1]) != tokens.digest_of(token)


def test_log_lines_lose_the_token() -> None:
    assert redact("Not Found: /p/abcDEF-_123/sync") == "Not Found: /p/…/sync"
    assert redact('"GET /p/abc/ HTTP/1.1" 200') == '"GET /p/…/ HTTP/1.1" 200'
    assert redact("GET /plans/3/") == "GET /plans/3/"
    assert redact("Not Found: /p/unsubscribe/xyZ-_9/") == "Not Found: /p/unsubscribe/…/"


def _body(**parts: object) -> bytes:
    return json.dumps(parts).encode()


SLUGS = frozenset({"glute-bridge", "clamshell"})
LAST = MON + datetime.timedelta(days=6)


def test_payload_keeps_valid_operations_and_names_the_rest() -> None:
    good, bad = str(uuid.uuid4()), str(uuid.uuid4())
    sent = parse(
        _body(
            ticks=[
                {"uid": good, "slug": "glute-bridge", "day": "2026-03-03", "done": True},
                {"uid": bad, "slug": "not-in-this-plan", "day": "2026-03-03", "done": True},
                {"uid": "not-a-uuid", "slug": "clamshell", "day": "2026-03-03", "done": True},
                {"uid": str(uuid.uuid4()), "slug": "clamshell", "day": "2026-02-01", "done": True},
                "nonsense",
            ],
            days=[
                {"day": "2026-03-03", "pain": 4, "note": " Stiff \x00"},
                {"day": "2026-03-04", "pain": 11},
                {"day": "2026-03-05", "pain": True},
                {"day": "2026-03-06", "note": "x" * 281},
            ],
        ),
        SLUGS,
        MON,
        LAST,
    )
    assert [(str(t.uid), t.slug, t.done) for t in sent.ticks] == [(good, "glute-bridge", True)]
    assert [(d.day.isoformat(), d.pain, d.note) for d in sent.days] == [("2026-03-03", 4, "Stiff")]
    assert sent.rejected[:2] == [bad, "not-a-uuid"]
    assert sent.rejected[4:] == ["2026-03-04", "2026-03-05", "2026-03-06"]


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"[]",
        b"1",
        _body(ticks={}),
        _body(ticks=[{}] * (MAX_TICKS + 1)),
        b"[" * 10_000,
    ],
)
def test_payload_that_is_no_payload_is_refused(body: bytes) -> None:
    with pytest.raises(PayloadError):
        parse(body, SLUGS, MON, LAST)


def test_adherence_per_exercise_and_week_against_the_plan() -> None:
    bridge = Exercise("glute-bridge", "Glute bridge", None, 3)  # 3 sessions a week
    clam = Exercise("clamshell", "Clamshell", 2, None)  # twice a day, every day: 14
    ticks = [("glute-bridge", MON + datetime.timedelta(days=d)) for d in (0, 2, 4, 7)]
    ticks += [("clamshell", MON)] * 7 + [("clamshell", MON + datetime.timedelta(days=30))]
    result = adherence([bridge, clam], ticks, MON, MON + datetime.timedelta(days=9))
    assert [(w.start, w.days) for w in result.weeks] == [
        (MON, 7),
        (MON + datetime.timedelta(days=7), 3),
    ]
    first, second = result.weeks
    assert (first.cells["glute-bridge"].done, first.cells["glute-bridge"].planned) == (3, 3)
    assert (first.cells["clamshell"].done, first.cells["clamshell"].planned) == (7, 14)
    assert (second.cells["glute-bridge"].done, second.cells["glute-bridge"].planned) == (
        1,
        3 * 3 / 7,
    )
    total = result.total()
    assert (total.done, round(total.planned, 2)) == (11, round(3 + 14 + 9 / 7 + 6, 2))
    assert result.total("clamshell").share == pytest.approx(7 / 20)
    assert result.low is (total.share < LOW_ADHERENCE)
    assert result.low is True  # 11 of about 24 planned sessions


def test_adherence_of_a_program_done_in_full_is_not_low() -> None:
    bridge = Exercise("glute-bridge", "Glute bridge", 1, 7)
    ticks = [("glute-bridge", MON + datetime.timedelta(days=d)) for d in range(7)]
    result = adherence([bridge], ticks, MON, LAST)
    assert (result.total().share, result.low) == (1.0, False)


def _day(offset: int) -> datetime.date:
    return MON + datetime.timedelta(days=offset)


def test_followed_between_two_visits_is_the_links_days_in_the_interval() -> None:
    since, until = _day(0), _day(28)  # visits four weeks apart
    # Issued at the earlier visit, superseded at the later one: the four weeks before it.
    assert followed_between(_day(0), _day(28), since, until) == (_day(0), _day(27))
    # Issued a few days after the visit, still open: from its issue.
    assert followed_between(_day(3), _day(40), since, until) == (_day(3), _day(27))
    # Issued at an earlier visit and still followed (no new plan at this one): from the visit.
    assert followed_between(_day(-30), _day(10), since, until) == (_day(0), _day(10))
    # Superseded on the earlier visit's day by the plan issued then: not followed.
    assert followed_between(_day(-30), _day(0), since, until) is None
    # Issued on the later visit's day or after: the next interval's.
    assert followed_between(_day(28), _day(50), since, until) is None
    # Two visits on one day have no days between them.
    assert followed_between(_day(0), _day(9), since, since) is None


def test_pain_mean_and_per_week_from_the_first_day() -> None:
    days = [(_day(0), 6), (_day(2), 4), (_day(3), None), (_day(8), 3), (_day(15), 2)]
    days += [(_day(-1), 9), (_day(20), 9)]  # outside the days counted
    result = pain(days, _day(0), _day(16))
    assert (result.mean, result.rated) == (pytest.approx(15 / 4), 4)
    assert result.weeks == (5.0, 3.0, 2.0)
    assert (result.first_week, result.last_week) == (5.0, 2.0)
    one_week = pain(days, _day(0), _day(6))
    assert (one_week.first_week, one_week.last_week, one_week.weeks) == (5.0, None, (5.0,))
    assert pain([], _day(0), _day(6)).mean is None
