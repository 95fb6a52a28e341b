import pytest
from django import forms
from django.core.exceptions import ValidationError

from clinic.forms.json_field import BoundedJSONField


def _field() -> BoundedJSONField:
    return BoundedJSONField(max_characters=200, max_depth=3, max_digits=6, required=False)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("[" * 101 + "]" * 101, "At most 200 characters (it has 202)."),
        ("[[[[1]]]]", "Nested too deeply: at most 3 levels."),
        ('{"a": {"b": {"c": {"d": 1}}}}', "Nested too deeply: at most 3 levels."),
        ('{"a": 1234567}', "A number has too many digits: at most 6."),
        ("[-1234567.5]", "A number has too many digits: at most 6."),
    ],
)
def test_bounded_json_field_refuses_before_parsing(typed: str, message: str) -> None:
    with pytest.raises(ValidationError) as raised:
        _field().clean(typed)
    assert raised.value.messages == [message]


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ('{"a": [[1]]}', {"a": [[1]]}),
        ('{"[[[[": "{{{{", "n": "1234567890"}', {"[[[[": "{{{{", "n": "1234567890"}),
        ('{"q": "\\"[[[[\\""}', {"q": '"[[[["'}),  # an escaped quote does not end the string
        ("[123456, 1.5e300]", [123456, 1.5e300]),
        ("", None),
    ],
)
def test_bounded_json_field_parses_text_within_bounds(typed: str, value: object) -> None:
    assert _field().clean(typed) == value


def test_bounded_json_field_shows_refused_text_as_typed() -> None:
    typed = "[" * 50_000 + "]" * 50_000
    form_class = type("F", (forms.Form,), {"data": _field()})
    form = form_class({"data": typed})
    assert (form.is_valid(), form.errors) == (
        False,
        {"data": ["At most 200 characters (it has 100,000)."]},
    )
    assert form["data"].value() == typed
    assert form.has_changed()
