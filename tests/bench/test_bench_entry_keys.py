"""Keyboard effort of entering an assessment: the keys an expert therapist presses on the
edit page to record a whole first visit, then a routine follow-up (issue 15).

Run with `make bench`. Playwright drives the system Chromium by keys alone, through `Keys`,
which counts every key it sends: each Tab, Shift+Tab, Alt+key, Enter or Space is one, and
each typed character is one. No value is set by script or `fill()`; the page is only read,
to work out how many Tabs reach the next wanted field. The saved draft is then read back
from the database and must hold exactly the values meant: each count is for a correct record.

The therapist uses what the page offers: Tab goes left then right, row by row; a
section's access key (Alt+1 to Alt+9, Alt+0, Alt+h, Alt+s, Alt+q; Alt+v for the visit's
fields) focuses it, and Tab then reaches its first field; an answer is
picked by its first letter and an Oxford grade by its code ("4+", static/js/select-keys.js);
the red-flag screen's "None of these" answers No to all 17 questions in one press
(static/js/answer-fill.js), and a section's "Rest normal" its unanswered checks; Tab
selects what a field holds, so typing replaces it; Enter in a text field or a box saves the
draft (the form's hidden first "Save" button), Enter in a drop-down does nothing. Each
move takes the fewest keys among Tab or Shift+Tab from the focus, and an access key then
Tab or Shift+Tab. Fields are entered top to bottom.

First visit ("entry keystrokes", goal at most 250): the reference mild case of the findings
tests (tests/assessments/findings/reference.py, REFERENCE_MILD), entered for the shared test
client. A 42-year-old office worker sitting eight hours a day, three months of right-sided
low back and buttock ache, worse sitting and bending; no red flag; short right hip flexors,
a weak right gluteus maximus, the back arching for the hip on the right, increased lordosis;
STarT Back low risk, ODI 20%. 128 values: 17 red-flag answers (all No), 61 other choices
(two of them two-key Oxford grades, 4+ and 4-) and 50 numbers or notes: 47 numbers (73
digits) and the three PSFS activities (84 characters). The date and the visit's story are
left as the draft has them.

Measured: 301 keys (402 while the sections after the ninth had no access key: the outcome
measures were reached by tabbing through palpation), 305 before palpation and the history
and functional sections were added, 349 before the sections' "Rest normal" buttons (muscle length,
special tests, strength, movement: every unanswered check Negative, No or grade 5 in one
press, assessments/normal_fill.py), used here where the case's checks are mostly normal,
then only the others picked. The goal of 250 was set on a 107-value visit (2.34 keys per
value); this case has 128 values, which at that rate is 299, and its typed values alone are
157 characters (84 of them the PSFS activities). Printed as "(goal 250: not met)"; the
test asserts the record, not the goal. What would take it lower is answering a drop-down
and moving on in one key, which a therapist's habitual Tab would then skip a field after:
not done.

Routine follow-up ("follow-up changes", goal at most 15): two weeks later, a draft started
from the finalised first visit (copy-forward: every examination value carried over and
marked; pain intensity and questionnaire answers asked anew; the red-flag screen offered as
"Unchanged since <date>"). Better: pain now 3 -> 2 and worst 5 -> 4, right Thomas hip angle
12 -> 8 degrees, right hip extension 1 -> 6 degrees, right gluteus maximus 4- -> 4, each PSFS
activity one point up (5, 6, 5 -> 6, 7, 6), and the ODI two points down, typed as the form's
total (20% -> 16%; docs/clinical.md "Follow-up visits": the ODI as its total); STarT Back, a
first-contact screen, is not asked again. Nothing else changed. "Changes" counts each field
the therapist types into (9) and each one-action confirmation a complete follow-up needs:
the red-flag screen's "Unchanged since" and the "I have checked the values carried over"
box (2); the save itself is not counted. The follow-up's keys are printed too.
"""

import datetime
from typing import Any

from django.contrib.auth.models import User
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from assessments import normal_fill
from assessments.catalogue.items import ASKED_ANEW, ITEMS, OXFORD, SECTION_OF, Kind
from assessments.forms import field_name
from assessments.models import Assessment
from assessments.selectors import assessment_values
from assessments.services import assessment_finalise, assessment_save, assessment_start
from assessments.values import AssessmentValues, Key, Value
from clinic.models import Client
from tests.assessments.findings.helpers import Entries, L, N, R, make
from tests.assessments.findings.reference import RED_FLAG_ITEMS, REFERENCE_MILD
from tests.bench.keyboard import Keys
from tests.e2e.signing_in import sign_in_cookie

FIRST = datetime.date(2026, 3, 2)
FOLLOW_UP = FIRST + datetime.timedelta(weeks=2)
ENTRY_GOAL = 250
GOAL_VALUES = 107  # the visit the goal was set on (issue 15)
CHANGES_GOAL = 15
VALUES = len(REFERENCE_MILD)

# The routine follow-up's new values; everything else is carried over and confirmed, or
# asked anew and not asked today (STarT Back).
FOLLOW_UP_CHANGES: Entries = {
    ("pain_now", N): 2,
    ("pain_worst_24h", N): 4,
    ("thomas_hip_angle", R): 8,
    ("hip_extension", R): 6,
    ("strength_glute_max", R): "4",
    ("psfs_score_1", N): 6,
    ("psfs_score_2", N): 7,
    ("psfs_score_3", N): 6,
    ("odi_percent", N): 16,
}

NONE_OF_THESE, UNCHANGED = "red_flags_none", "red_flags_unchanged"
CONFIRM_CARRIED = "#id_confirm_carried"


def field(code: str, side: str = N) -> str:
    return f"#id_{field_name(code, side)}"


def _in_page_order(values: Entries) -> list[tuple[Key, int | float | str]]:
    """The values as the page lists them: section by section, row by row, left then right."""
    order = {code: index for index, code in enumerate(ITEMS)}
    sides = {N: 0, L: 0, R: 1}
    return sorted(values.items(), key=lambda entry: (order[entry[0][0]], sides[entry[0][1]]))


def _choice_keys(code: str, value: str) -> str:
    """The keys that pick `value`: an Oxford grade's code, else its label's first letter
    (the browser picks the first answer that starts with it)."""
    item = ITEMS[code]
    if item.choices == OXFORD:
        return value
    letter = item.choice_label(value)[0].lower()
    first = next(choice for choice, label in item.choices if label.lower().startswith(letter))
    assert first == value, f"{code}: typing {letter!r} picks {first!r}, not {value!r}"
    return letter


def _enter(keys: Keys, values: Entries, screen: str) -> None:
    """Enter `values` top to bottom, pressing the red-flag screen's button `screen` on the
    way (its answers are all No, or left out of `values`), and a section's "Rest normal"
    first where every check it fills is one of `values` (then only the others are entered)."""
    order = {code: index for index, code in enumerate(ITEMS)}
    pressed = False
    normal: dict[Key, str] = {}  # what the pressed "Rest normal" buttons filled
    for (code, side), value in _in_page_order(values):
        if not pressed and order[code] >= order[RED_FLAG_ITEMS[0]]:
            keys.act(f"button[name={screen}]", confirmation=screen == UNCHANGED)
            pressed = True
        section = SECTION_OF[code].code
        fills = normal_fill.BY_SECTION.get(section, {})
        if fills and not fills.keys() - values.keys() and not fills.keys() & normal.keys():
            keys.act(f"#section-{section} button[name={normal_fill.BUTTON}]")
            normal.update(fills)
        if normal.get((code, side)) == value:
            continue
        if code in RED_FLAG_ITEMS:
            assert value == "no", "a yes is picked: not one press for the whole screen"
        elif ITEMS[code].kind is Kind.CHOICE:
            keys.pick(field(code, side), _choice_keys(code, str(value)))
        else:
            keys.type(field(code, side), str(value))


def _floor(values: Entries) -> tuple[int, int]:
    """The typed values' characters, and the keys that pick the answers (but the screen's)."""
    typed = choice = 0
    for (code, _), value in values.items():
        if ITEMS[code].kind is not Kind.CHOICE:
            typed += len(str(value))
        elif code not in RED_FLAG_ITEMS:
            choice += len(_choice_keys(code, str(value)))
    return typed, choice


def _open(page: Page, base: str, assessment: Assessment) -> Keys:
    page.goto(f"{base}/assessments/{assessment.pk}/edit/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Assessment: Priya Sharma")
    return Keys(page)


def _saved(assessment: Assessment) -> AssessmentValues:
    return assessment_values(Assessment.objects.get(pk=assessment.pk))


def _differences(saved: AssessmentValues, meant: Entries) -> dict[Key, tuple[Any, Any]]:
    """Each (item, side) where the saved draft and `meant` differ: (saved, meant)."""
    wanted: dict[Key, Value] = dict(make(meant).values)
    keys = saved.values.keys() | wanted.keys()
    return {
        key: (saved.values.get(key), wanted.get(key))
        for key in sorted(keys)
        if saved.values.get(key) != wanted.get(key)
    }


def _first_visit(therapist: User, client: Client) -> Assessment:
    return assessment_start(actor=therapist, client=client, visit_date=FIRST)


def test_bench_first_visit_by_keyboard(
    page: Page, live_server: LiveServer, therapist: User, client_record: Client
) -> None:
    draft = _first_visit(therapist, client_record)
    sign_in_cookie(page, live_server.url, therapist)
    keys = _open(page, live_server.url, draft)

    _enter(keys, REFERENCE_MILD, NONE_OF_THESE)
    keys.save()

    assert _differences(_saved(draft), REFERENCE_MILD) == {}
    typed, choice = _floor(REFERENCE_MILD)
    assert keys.counts["typed"] == typed
    met = "met" if keys.total <= ENTRY_GOAL else "not met"
    print()
    print(f"entry keystrokes: {keys.total} for {VALUES} values (goal {ENTRY_GOAL}: {met})")
    print(f"  breakdown: {keys.breakdown()}")
    scaled = round(VALUES * ENTRY_GOAL / GOAL_VALUES)
    print(
        f"  floor: {typed} typed characters alone; {typed + choice} with a key for each answer"
        f" picked one by one; the goal's rate ({ENTRY_GOAL} for {GOAL_VALUES} values) gives"
        f" {scaled} for {VALUES}"
    )


def test_bench_routine_follow_up(
    page: Page, live_server: LiveServer, therapist: User, client_record: Client
) -> None:
    # The first visit as the first benchmark saves it (and checks), stored here by the
    # service so that each benchmark runs on its own.
    first = _first_visit(therapist, client_record)
    first = assessment_save(
        actor=therapist,
        assessment=first,
        expected_version=first.version,
        narrative={},
        values=make(REFERENCE_MILD).values,
    )
    assessment_finalise(actor=therapist, assessment=first, expected_version=first.version)
    draft = assessment_start(
        actor=therapist, client=client_record, visit_date=FOLLOW_UP, copy_forward=True
    )
    assert len(_saved(draft).carried) > 0
    sign_in_cookie(page, live_server.url, therapist)
    keys = _open(page, live_server.url, draft)
    expect(page.get_by_role("button", name="Unchanged since 2 Mar 2026")).to_be_visible()

    _enter(keys, FOLLOW_UP_CHANGES, UNCHANGED)
    keys.act(CONFIRM_CARRIED, "Space", confirmation=True)
    keys.save()

    saved = _saved(draft)
    meant = {
        **{key: value for key, value in REFERENCE_MILD.items() if key[0] not in ASKED_ANEW},
        **FOLLOW_UP_CHANGES,
    }
    assert _differences(saved, meant) == {}
    assert saved.carried == frozenset()  # every carried value confirmed: it can be finalised
    changes = keys.fields + keys.confirmations
    met = "met" if changes <= CHANGES_GOAL else "not met"
    print()
    print(
        f"follow-up changes: {changes} ({keys.fields} fields, {keys.confirmations}"
        f" confirmations; goal {CHANGES_GOAL}: {met})"
    )
    print(f"  follow-up keystrokes: {keys.total}: {keys.breakdown()}")
