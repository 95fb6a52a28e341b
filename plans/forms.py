"""Plan builder inputs: one form for the whole draft (every item's dose, side and note,
the order, removals, the client message, issuing) so that no action loses another edit.
"""

from typing import Any

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Field

from clinic.forms.messages import literal
from clinic.forms.renderers import FAST_WIDGETS, InlineNumberInput, InlineSelect, InlineTextInput
from clinic.http import whole_number
from clinic.text_limits import PLAN_MESSAGE, REASON, limit_help
from plans.library import Kind
from plans.models import DOSE_BOUNDS, DOSE_FIELDS, PlanItem

NO_HOME_DOSE = frozenset({Kind.ADVICE, Kind.IN_CLINIC})
ADVICE_DOSE = ("duration_minutes", "times_per_day", "days_per_week")
# The builder's side selector in words a therapist scans at a glance.
SIDE_LABELS = [("both", "Both sides"), ("left", "Left side"), ("right", "Right side"),
               ("none", "No side")]  # fmt: skip


def _builder_field(db_field: Field[Any, Any], **kwargs: Any) -> forms.Field | None:
    """A PlanItem field as the builder shows it: bounds, messages, hints and classes.

    Made once, when the form class is made; each item's form copies it (as every Django
    form copies its fields), instead of shaping ten fields again for each of its items.
    """
    field = db_field.formfield(**kwargs)
    if field is None:
        return None
    name = db_field.name
    if name in DOSE_BOUNDS:
        low, high = DOSE_BOUNDS[name]
        field.validators.extend([MinValueValidator(low), MaxValueValidator(high)])
        field.error_messages["invalid"] = literal(f"{field.label}: enter a whole number.")
        field.widget.attrs.update({"min": low, "max": high})
        field.help_text = f"{low}-{high}"
    css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
    field.widget.attrs["class"] = f"{css} form-control-sm"
    if name == "side" and isinstance(field, forms.ChoiceField):
        field.choices = SIDE_LABELS
    if name == "load":
        field.widget.attrs["placeholder"] = "e.g. red band"
        field.help_text = "band, kg"
    if name == "note":
        field.widget.attrs["placeholder"] = "A note for the client (optional)"
        field.label = "Note"
    return field


class PlanItemForm(forms.ModelForm):
    default_renderer = FAST_WIDGETS  # one form per item, all on the builder page

    class Meta:
        model = PlanItem
        formfield_callback = _builder_field
        fields = [
            "hold_seconds",
            "repetitions",
            "sets",
            "rest_seconds",
            "load",
            "duration_minutes",
            "times_per_day",
            "days_per_week",
            "side",
            "note",
        ]
        labels = {
            "hold_seconds": "Hold (s)",
            "repetitions": "Repeat",
            "sets": "Sets",
            "rest_seconds": "Rest (s)",
            "load": "Load",
            "duration_minutes": "Minutes",
            "times_per_day": "Times/day",
            "days_per_week": "Days/week",
        }
        widgets = {
            **{name: InlineNumberInput for name in DOSE_FIELDS if name != "load"},
            "load": InlineTextInput,
            "side": InlineSelect,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Advice and in-clinic treatment are not done at home: no home dose to set; advice
        # is not done on a side either. Their form keeps the note (and the side).
        # Advice keeps how long and how often (a daily 20-minute walk).
        if self.instance.kind in NO_HOME_DOSE:
            kept = ADVICE_DOSE if self.instance.kind == Kind.ADVICE else ()
            for name in DOSE_FIELDS:
                if name not in kept:
                    del self.fields[name]
        if self.instance.kind == Kind.ADVICE:
            del self.fields["side"]


class PlanForm(forms.Form):
    """The draft's own fields; each item has its PlanItemForm (prefix `item-<id>`)."""

    lock = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={
            "required": "The page did not say which version of the plan it showed.",
            "invalid": "The page did not say which version of the plan it showed.",
        },
    )
    # The items' ids, first to last, as the page last showed them (a script keeps it in
    # step with moves); removals are the ids ticked in `removed`.
    order = forms.CharField(widget=forms.HiddenInput, required=False, max_length=2000)
    removed = forms.CharField(widget=forms.HiddenInput, required=False, max_length=2000)
    message = forms.CharField(
        label="Message to the client",
        required=False,
        max_length=PLAN_MESSAGE,
        help_text=limit_help(PLAN_MESSAGE),
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
    )

    def clean_order(self) -> list[int]:
        return _ids(self.cleaned_data["order"])

    def clean_removed(self) -> list[int]:
        return _ids(self.cleaned_data["removed"])


def _ids(raw: str) -> list[int]:
    ids = [whole_number(part.strip()) for part in raw.split(",") if part.strip()]
    if any(pk is None for pk in ids):
        raise forms.ValidationError("The page sent an item list it should not have.")
    return [pk for pk in ids if pk is not None]


class IssueForm(forms.Form):
    """Asked when issuing: the red-flag override's reason and whether to email."""

    override_reason = forms.CharField(
        label="Reason for issuing despite red flags",
        required=False,
        max_length=REASON,
        help_text=limit_help(REASON),
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
    )
    # Offered when the client has an email address: sent by the worker once issued.
    email_client = forms.BooleanField(required=False, label="Email the handout to the client")


class AddReasonForm(forms.Form):
    """Asked when adding an entry a finding of the visit contraindicates: the reason."""

    add_reason = forms.CharField(
        label="Reason to add it anyway",
        required=False,
        max_length=PlanItem._meta.get_field("override_reason").max_length,
    )
