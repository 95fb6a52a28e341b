"""Number fields of the assessment form: strict reading, one message at a time, the typed
text kept, and the bounds and messages the page's live check reads (data- attributes)."""

from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.core.exceptions import ValidationError

from assessments.catalogue.items import ITEMS
from assessments.forms import AssessmentForm, _measurement_field

FLEXION = ITEMS["hip_flexion"]  # 0-150°, whole numbers
FORCE = ITEMS["force_glute_med"]  # 0-2000, one decimal place, no unit


def _messages(field_item: object, side: str, typed: str) -> list[str]:
    with pytest.raises(ValidationError) as raised:
        _measurement_field(field_item, side).clean(typed)  # type: ignore[arg-type]
    return raised.value.messages


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("7o", "Hip flexion (left): enter a number."),
        ("12a", "Hip flexion (left): enter a number."),
        ("abc", "Hip flexion (left): enter a number."),
        ("1e2", "Hip flexion (left): enter a number."),
        ("151", "Hip flexion (left) must be between 0° and 150°."),
        ("-1", "Hip flexion (left) must be between 0° and 150°."),
        ("12.5", "Hip flexion (left): whole numbers only."),
        # Decimal places are checked before the range (static/js/number-check.js does the
        # same), so one value gets one message.
        ("150.5", "Hip flexion (left): whole numbers only."),
    ],
)
def test_number_field_refuses_with_one_message(typed: str, message: str) -> None:
    assert _messages(FLEXION, "left", typed) == [message]


def test_number_field_places_message_for_one_decimal_item() -> None:
    assert _messages(FORCE, "right", "12.25") == [
        "Gluteus medius force (right): at most 1 decimal place."
    ]


@pytest.mark.parametrize(
    ("item", "typed", "value"),
    [
        (FLEXION, "110", Decimal(110)),
        (FLEXION, " 110 ", Decimal(110)),
        (FLEXION, "110.0", Decimal(110)),  # no decimal place that matters
        (FLEXION, "", None),
        (FORCE, "152,5", Decimal("152.5")),  # a decimal comma, read as the point
        (FORCE, "152.50", Decimal("152.5")),
    ],
)
def test_number_field_reads_plain_numbers(item: object, typed: str, value: Decimal | None) -> None:
    assert _measurement_field(item, "left").clean(typed) == value  # type: ignore[arg-type]


class _Inputs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: dict[str, dict[str, str | None]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag == "input" and named.get("name"):
            self.found[named["name"] or ""] = named


def _input(form: AssessmentForm, name: str) -> dict[str, str | None]:
    parser = _Inputs()
    parser.feed(str(form[name]))
    return parser.found[name]


def test_number_widget_is_text_with_bounds_and_the_server_messages() -> None:
    form = AssessmentForm()
    attrs = _input(form, "hip_flexion__left")
    messages = form.fields["hip_flexion__left"].error_messages
    assert {key: attrs.get(key) for key in ("type", "inputmode", "data-min", "data-max")} == {
        "type": "text",
        "inputmode": "decimal",
        "data-min": "0",
        "data-max": "150",
    }
    assert attrs["data-decimals"] == "0"
    # The live check shows exactly the server's words.
    assert (attrs["data-msg-invalid"], attrs["data-msg-range"], attrs["data-msg-places"]) == (
        messages["invalid"],
        messages["max_value"],
        messages["max_decimal_places"],
    )
    assert attrs["data-msg-invalid"] == "Hip flexion (left): enter a number."


def test_number_widget_for_a_negative_item_keeps_a_minus_key() -> None:
    """The iPhone's decimal keypad has no minus: hip extension may be -30°."""
    attrs = _input(AssessmentForm(), "hip_extension__left")
    assert (attrs["inputmode"], attrs["data-min"], attrs["data-max"]) == ("text", "-30", "50")


def test_number_widget_with_decimals_gives_them() -> None:
    attrs = _input(AssessmentForm(), "force_glute_med__left")
    assert (attrs["data-decimals"], attrs["data-max"]) == ("1", "2000")


def test_bound_form_shows_what_was_typed_marked_invalid() -> None:
    form = AssessmentForm({"hip_flexion__left": "7o", "hip_flexion__right": "12a"})
    assert not form.is_valid()
    assert form.errors["hip_flexion__left"] == ["Hip flexion (left): enter a number."]
    assert form.errors["hip_flexion__right"] == ["Hip flexion (right): enter a number."]
    attrs = _input(form, "hip_flexion__left")
    assert (attrs["value"], attrs["aria-invalid"], attrs["aria-describedby"]) == (
        "7o",
        "true",
        "id_hip_flexion__left-error",
    )
    assert "is-invalid" in (attrs["class"] or "")
    assert ("hip_flexion", "left") not in form.values()  # never coerced to 7
